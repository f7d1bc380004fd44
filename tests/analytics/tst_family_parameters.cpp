// A strategy version's parameters as the family view flattens them, and what changed against its parent.

#include <QTest>

#include "analytics/FamilyParameters.h"

using namespace strata;

class TestFamilyParameters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromConfigurations()
    {
        // Without a `parameters` object the four configurations, flattened under their component's name.
        StrategyRecord s;
        s.signalGeneratorConfig.value =
            QJsonObject{{"lookback", 20}, {"filter", QJsonObject{{"kind", "ema"}}}};
        s.riskManagerConfig.value = QJsonObject{{"stop_loss_pct", 2.5}};
        s.positionSizerConfig.value = QJsonObject{};
        s.regimeDetectorConfig.value = QJsonObject{{"window", 60}};
        const QJsonObject flat = FamilyParameters::of(s);
        QCOMPARE(flat.keys(), (QStringList{"regime_detector.window", "risk_manager.stop_loss_pct",
                                           "signal_generator.filter.kind", "signal_generator.lookback"}));
        QCOMPARE(flat.value("signal_generator.filter.kind").toString(), QStringLiteral("ema"));
        QCOMPARE(flat.value("risk_manager.stop_loss_pct").toDouble(), 2.5);
        // Changed against a parent: a value that differs and a key only one side has.
        QJsonObject parent = flat;
        parent.insert("risk_manager.stop_loss_pct", 3.0);
        parent.remove("regime_detector.window");
        QCOMPARE(FamilyParameters::changed(parent, flat),
                 (QStringList{"regime_detector.window", "risk_manager.stop_loss_pct"}));
    }
};

QTEST_GUILESS_MAIN(TestFamilyParameters)
#include "tst_family_parameters.moc"
