#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "Contrast.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "common/ErrorBanner.h"
#include "demo/RiskStateDemo.h"
#include "schema/DriftPage.h"
#include "theme/Theme.h"

using namespace strata;
using namespace strata::test;

namespace {

/// The demo database migrated to v2 with the bundled set: what an operator has after the runbook.
struct MigratedDemo
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("state.db"));
    QString url = QStringLiteral("sqlite:") + path;
    QString error;

    MigratedDemo()
    {
        if (auto created = RiskStateDemo::create(path); !created) {
            error = created.error().toText();
            return;
        }
        auto db = MigrationHarness::open(url);
        auto set = MigrationHarness::load(RiskStateDemo::bundledSet());
        if (!db || !set) {
            error = QStringLiteral("cannot open the demo or its set");
            return;
        }
        if (auto up = MigrationHarness::migrate(**db, *set); !up)
            error = up.error().toText();
    }

    void execute(const QString& sql)
    {
        auto db = MigrationHarness::open(url);
        QVERIFY(db.ok());
        auto done = (*db)->execute(sql);
        QVERIFY2(done.ok(), qPrintable(done ? QString() : done.error().toText()));
    }
};

bool clickAndWait(DriftPage& page)
{
    QSignalSpy checked(&page, &DriftPage::checked);
    QTest::mouseClick(page.checkButton(), Qt::LeftButton);
    if (!page.isChecking() || page.checkButton()->isEnabled() || !page.cancelButton()->isEnabled())
        return false;
    return checked.wait(60000);
}

} // namespace

class TestDriftPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aColumnAddedAndAnIndexDroppedByHandAreListed()
    {
        MigratedDemo demo;
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        demo.execute(QStringLiteral("ALTER TABLE positions ADD COLUMN desk_code TEXT DEFAULT 'rates'"));
        demo.execute(QStringLiteral("DROP INDEX idx_positions_updated"));

        DriftPage page;
        page.resize(1180, 620);
        page.show();
        QVERIFY(page.summary().contains(QStringLiteral("No database")));
        QVERIFY(!page.checkButton()->isEnabled());
        page.setTarget(*ConnectionUrl::parse(demo.url), RiskStateDemo::bundledSet());
        QVERIFY(page.checkButton()->isEnabled());
        QVERIFY(clickAndWait(page));
        QVERIFY2(page.report().has_value(), qPrintable(page.banner()->text()));
        QVERIFY(!page.isChecking());
        QVERIFY(page.checkButton()->isEnabled());
        QVERIFY2(page.summary().startsWith(QStringLiteral("2 differences: 1 missing, 1 extra")),
                 qPrintable(page.summary()));

        QTreeWidget* tree = page.differences();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* positions = tree->topLevelItem(0);
        QCOMPARE(positions->text(DriftPage::ObjectColumn), QStringLiteral("table main.positions"));
        QCOMPARE(positions->childCount(), 2);
        QCOMPARE(positions->child(0)->text(DriftPage::ObjectColumn), QStringLiteral("column desk_code"));
        QCOMPARE(positions->child(0)->text(DriftPage::KindColumn), QStringLiteral("extra"));
        QCOMPARE(positions->child(0)->text(DriftPage::ActualColumn), QStringLiteral("TEXT DEFAULT 'rates'"));
        QVERIFY(positions->child(0)
                    ->text(DriftPage::AdviceColumn)
                    .contains(QStringLiteral("migration that adds")));
        QCOMPARE(positions->child(1)->text(DriftPage::ObjectColumn),
                 QStringLiteral("index idx_positions_updated"));
        QCOMPARE(positions->child(1)->text(DriftPage::KindColumn), QStringLiteral("missing"));
        QCOMPARE(positions->child(1)->text(DriftPage::ExpectedColumn),
                 QStringLiteral("btree (updated_at DESC)"));
        // The first difference is selected, and shown whole under the list.
        QCOMPARE(tree->currentItem(), positions->child(0));
        QVERIFY(page.findChildren<QLabel*>().size() > 0);

        // View > Theme switched to dark after the check: the summary and the kinds are coloured again,
        // readable on the dark page (they kept their colours for white before).
        Theme::instance().choose(Theme::Choice::Dark);
        QTest::qWait(30);
        QLabel* summary = nullptr;
        for (QLabel* label : page.findChildren<QLabel*>())
            if (label->text() == page.summary())
                summary = label;
        QVERIFY(summary);
        const QColor summaryInk(
            QRegularExpression(QStringLiteral("#[0-9a-fA-F]{6}")).match(summary->styleSheet()).captured());
        const QColor ground = page.palette().color(QPalette::Window);
        QVERIFY2(summaryInk.isValid() && contrast(summaryInk, ground) >= readableContrast,
                 qPrintable(summary->styleSheet() + QStringLiteral(" on ") + ground.name()));
        const QImage rows = tree->viewport()->grab().toImage();
        const QRect missing = tree->visualItemRect(positions->child(1));
        const Drawn kindDrawn =
            drawn(rows, QRect(tree->header()->sectionViewportPosition(DriftPage::KindColumn), missing.top(),
                              tree->header()->sectionSize(DriftPage::KindColumn), missing.height()));
        QVERIFY2(kindDrawn.ratio >= readableContrast,
                 qPrintable(kindDrawn.describe(QStringLiteral("missing"))));
        Theme::instance().choose(Theme::Choice::Light);
        QVERIFY(keepScreenshots(page, QStringLiteral("drift")));
    }

    void noDriftRightAfterTheRunbook()
    {
        MigratedDemo demo;
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        DriftPage page;
        page.show();
        page.setTarget(*ConnectionUrl::parse(demo.url), RiskStateDemo::bundledSet());
        QVERIFY(clickAndWait(page));
        QVERIFY(page.report().has_value());
        QVERIFY2(page.summary().startsWith(QStringLiteral("No drift")), qPrintable(page.summary()));
        QCOMPARE(page.differences()->topLevelItemCount(), 0);
        QVERIFY(page.summary().contains(QStringLiteral("v1, v2")));
    }

    void anUntrackedDatabaseSaysWhatToDo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok()); // v1, as the daemon left it: no history yet
        DriftPage page;
        page.show();
        page.setTarget(*ConnectionUrl::parse(QStringLiteral("sqlite:") + path), RiskStateDemo::bundledSet());
        QSignalSpy checked(&page, &DriftPage::checked);
        QTest::mouseClick(page.checkButton(), Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QCOMPARE(checked.first().at(0).toBool(), false);
        QVERIFY(!page.report().has_value());
        QVERIFY(page.banner()->isVisible());
        QVERIFY2(page.banner()->text().contains(QStringLiteral("not tracked")),
                 qPrintable(page.banner()->text()));
        QVERIFY(page.banner()->text().contains(QStringLiteral("Migrations &gt; Baseline…")));
    }

    void anotherDatabaseForgetsTheLastResult()
    {
        MigratedDemo demo;
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        DriftPage page;
        page.setTarget(*ConnectionUrl::parse(demo.url), RiskStateDemo::bundledSet());
        QVERIFY(clickAndWait(page));
        QVERIFY(page.report().has_value());
        // Open another database while a check of the first one runs: its result never shows.
        QTest::mouseClick(page.checkButton(), Qt::LeftButton);
        QVERIFY(page.isChecking());
        page.setTarget(std::nullopt, {});
        QVERIFY(!page.isChecking());
        QVERIFY(!page.report().has_value());
        QCOMPARE(page.summary(), QStringLiteral("No database is open."));
        QTest::qWait(2000);
        QVERIFY(!page.report().has_value());
    }
};

QTEST_MAIN(TestDriftPage)
#include "tst_drift_page.moc"
