// The window's status bar with a long database path and a long lock holder: the window still fits the
// smallest screen Strata supports (1024x700), each text is shortened with "…" where it does not fit, and
// the whole text stays in its tooltip and in what the status bar says.

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QtTest>

#include "common/ElidedLabel.h"
#include "jobs/StatusJob.h"
#include "mainwindow/ConnectionStatusBar.h"

using namespace strata;

namespace {

/// A status as the window reads it while the wizard holds the lock of a SQLite file in a deep folder.
DatabaseStatus lockedStatus()
{
    DatabaseStatus status;
    status.database = QStringLiteral("sqlite:/srv/trading/risk-desk/state-files/emea/production/2026-12/"
                                     "risk_state_primary.db");
    status.lockHolder = QStringLiteral("pid 16353 on host risk-gateway-07.emea.example.net (strata migrate, "
                                       "operator s.moreau) since 2026-12-07 04:36:14 UTC");
    return status;
}

ElidedLabel* labelSaying(const QStatusBar& bar, const QString& whole)
{
    for (auto* label : bar.findChildren<ElidedLabel*>())
        if (label->fullText() == whole)
            return label;
    return nullptr;
}

} // namespace

class TestStatusBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLongPathAndLockHolderFitTheSmallestScreen()
    {
        QMainWindow window;
        auto* bar = new ConnectionStatusBar(&window);
        window.setStatusBar(bar);
        window.setCentralWidget(new QLabel(QStringLiteral("timeline")));
        const DatabaseStatus status = lockedStatus();
        bar->showStatus(status);
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::processEvents();

        // The window is as wide as the screen, not as wide as its status bar's texts.
        QVERIFY2(window.minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QCOMPARE(window.width(), 1024);
        // What the bar says is whole; what it draws is shortened to its room, the whole text in the tooltip.
        QCOMPARE(bar->connectionText(), status.database);
        QCOMPARE(bar->lockText(), QStringLiteral("Lock: held by ") + status.lockHolder);
        ElidedLabel* lock = labelSaying(*bar, bar->lockText());
        ElidedLabel* database = labelSaying(*bar, status.database);
        QVERIFY(lock && database);
        for (ElidedLabel* label : {lock, database}) {
            QVERIFY2(label->text().contains(QStringLiteral("…")), qPrintable(label->text()));
            QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
            QVERIFY(label->geometry().right() < bar->width());
            QCOMPARE(label->toolTip(), label->fullText());
        }
        // The lock's holder is named where the text starts: who holds it reads first.
        QVERIFY2(lock->text().startsWith(QStringLiteral("Lock: held by pid 16353")),
                 qPrintable(lock->text()));

        // On a large screen the texts are drawn whole.
        window.resize(2400, 1000);
        QTRY_COMPARE(lock->text(), lock->fullText());
        QCOMPARE(database->text(), database->fullText());

        // Freed: the lock says so, whole.
        DatabaseStatus freed = status;
        freed.lockHolder.clear();
        window.resize(1024, 700);
        bar->showStatus(freed);
        QApplication::processEvents();
        QCOMPARE(bar->lockText(), QStringLiteral("Lock: free"));
        QCOMPARE(lock->text(), QStringLiteral("Lock: free"));
    }
};

QTEST_MAIN(TestStatusBar)
#include "tst_status_bar.moc"
