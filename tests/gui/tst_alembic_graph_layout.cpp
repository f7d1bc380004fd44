// The Alembic revision graph is laid out on a worker thread: on a project of 2,000 revisions (branches and
// merges every ten), a SQLite file brought to revision r0500 by the real Alembic (Debian's python3-alembic),
// the timeline first says "Laying out 2000 revisions…", the window keeps handling events while Graphviz
// works (a timer on the GUI thread keeps ticking), and the graph fills in when the worker is done, the
// step chosen in the list selected in it. A layout asked for before a newer one is dropped when it finishes.

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsSimpleTextItem>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "ScratchDatabases.h"
#include "mainwindow/MainWindow.h"
#include "migrations/AlembicGraphView.h"
#include "migrations/TimelinePage.h"
#include "tools/alembic/AlembicProject.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr int kRevisions = 2000;

QString revisionId(int i)
{
    return QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
}

/// An Alembic project of `kRevisions` no-op revisions: a line, with a branch point every ten revisions whose
/// two branches the next revision merges (i % 10 == 1 and 2 both revise i - 1 and i - 2; 3 merges them).
bool writeProject(const QString& root)
{
    const QString compat = QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/linear/");
    if (!QDir(root).mkpath(QStringLiteral("migrations/versions")) ||
        !QFile::copy(compat + QStringLiteral("alembic.ini"), root + QStringLiteral("/alembic.ini")) ||
        !QFile::copy(compat + QStringLiteral("migrations/env.py"),
                     root + QStringLiteral("/migrations/env.py")))
        return false;
    for (int i = 0; i < kRevisions; ++i) {
        QString down = QStringLiteral("None");
        if (i > 0 && i % 10 == 2)
            down = QStringLiteral("'%1'").arg(revisionId(i - 2));
        else if (i > 0 && i % 10 == 3)
            down = QStringLiteral("('%1', '%2')").arg(revisionId(i - 2), revisionId(i - 1));
        else if (i > 0)
            down = QStringLiteral("'%1'").arg(revisionId(i - 1));
        const QString text = QStringLiteral("\"\"\"step %1\n\nRevision ID: %1\nRevises: %2\nCreate Date: "
                                            "2024-03-04 10:15:00.000000\n\n\"\"\"\n"
                                            "revision = '%1'\ndown_revision = %2\nbranch_labels = None\n"
                                            "depends_on = None\n\n\ndef upgrade() -> None:\n    pass\n\n\n"
                                            "def downgrade() -> None:\n    pass\n")
                                 .arg(revisionId(i), down);
        QFile file(root + QStringLiteral("/migrations/versions/%1_step.py").arg(revisionId(i)));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return false;
    }
    return true;
}

/// Runs the real Alembic's `upgrade` to `target` on the SQLite file; empty when it succeeded.
QString alembicUpgrade(const QString& project, const QString& sqlitePath, const QString& target)
{
    const QString script = QStringLiteral("import sys\n"
                                          "from alembic.config import Config\n"
                                          "from alembic import command\n"
                                          "c = Config(sys.argv[1])\n"
                                          "c.set_main_option('sqlalchemy.url', 'sqlite:///' + sys.argv[2])\n"
                                          "command.upgrade(c, sys.argv[3])\n");
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    python.setProcessEnvironment(env);
    python.setWorkingDirectory(project);
    python.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), script, project + QStringLiteral("/alembic.ini"), sqlitePath, target});
    if (!python.waitForFinished(240000) || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError()).right(2000);
    return {};
}

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(60000) && shown.first().at(0).toBool();
}

QStringList textsOf(const QList<QGraphicsItem*>& items)
{
    QStringList texts;
    for (QGraphicsItem* item : items)
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            texts << t->text();
    return texts;
}

} // namespace

class TestAlembicGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
        QVERIFY(m_project.isValid());
        QVERIFY(writeProject(m_project.path()));
    }

    void aLongHistoryIsLaidOutOnAWorkerWhileTheWindowStaysLive()
    {
        ScratchSqlite file;
        QElapsedTimer alembic;
        alembic.start();
        const QString failed = alembicUpgrade(m_project.path(), file.path(), revisionId(500));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        qInfo("the real Alembic applied 501 revisions in %lld ms", alembic.elapsed());

        MainWindow window;
        window.resize(1400, 850);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = m_project.path();
        window.open(target);
        QVERIFY(waitForStatus(window));

        AlembicGraphView* graph = window.timeline()->alembicGraph();
        QVERIFY(graph->isVisible());
        // The status is shown at once; the graph says what it is doing until the worker is done.
        QVERIFY(graph->isLayingOut());
        QCOMPARE(textsOf(graph->itemsOf(QStringLiteral("message"))),
                 QStringList{QStringLiteral("Laying out 2000 revisions…")});
        QVERIFY(graph->itemsOf(QStringLiteral("revision")).isEmpty());

        // Meanwhile the GUI thread handles events: a timer keeps ticking, never held up for the layout's
        // time.
        QSignalSpy laidOut(graph, &AlembicGraphView::laidOut);
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
            ++ticks;
        });
        tick.start();
        QVERIFY(laidOut.wait(180000));
        tick.stop();
        const qint64 layoutMs = laidOut.first().at(1).toLongLong();
        const qint64 waited = clock.elapsed();
        qInfo("Graphviz laid out %d revisions in %lld ms on the worker; %lld ms until drawn; the GUI thread "
              "ticked %d times meanwhile, its longest gap %lld ms",
              laidOut.first().at(0).toInt(), layoutMs, waited, ticks, longestGap);
        QCOMPARE(laidOut.first().at(0).toInt(), kRevisions);
        QVERIFY2(ticks >= 5, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(waited)));
        // Held up for the whole layout, the timer would show one gap as long as Graphviz's work.
        QVERIFY2(longestGap < std::max<qint64>(250, layoutMs / 2),
                 qPrintable(QStringLiteral("longest gap %1 ms, layout %2 ms").arg(longestGap).arg(layoutMs)));

        // The graph filled in: every revision, applied up to r0500 (alembic_version), pending after it.
        QVERIFY(!graph->isLayingOut());
        QVERIFY(graph->itemsOf(QStringLiteral("message")).isEmpty());
        QCOMPARE(graph->itemsOf(QStringLiteral("revision")).size(), kRevisions);
        QCOMPARE(graph->revisionItem(revisionId(500))->data(AlembicGraphView::Kind).toString(),
                 QStringLiteral("applied"));
        QVERIFY(graph->textsOf(revisionId(500)).contains(QStringLiteral("current")));
        QCOMPARE(graph->revisionItem(revisionId(501))->data(AlembicGraphView::Kind).toString(),
                 QStringLiteral("pending"));
        // The first pending step, chosen in the list while the graph was laid out, is selected in it now.
        QCOMPARE(graph->selectedRevision(), revisionId(501));
    }

    void aLayoutAskedForBeforeANewerOneIsDropped()
    {
        auto big = AlembicProject::load(m_project.path());
        QVERIFY2(big.ok(), big.ok() ? "" : qPrintable(big.error().what));
        auto small = AlembicProject::load(QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/merge"));
        QVERIFY2(small.ok(), small.ok() ? "" : qPrintable(small.error().what));
        AlembicStatus longHistory;
        longHistory.graph = big->graph;
        AlembicStatus merge;
        merge.graph = small->graph;

        AlembicGraphView view;
        view.resize(600, 800);
        view.show();
        QSignalSpy started(&view, &AlembicGraphView::layoutStarted);
        QSignalSpy laidOut(&view, &AlembicGraphView::laidOut);
        view.showGraph(longHistory);
        view.showGraph(merge); // the operator refreshed onto another set before the first layout was done
        QCOMPARE(started.size(), 2);
        QCOMPARE(textsOf(view.itemsOf(QStringLiteral("message"))),
                 QStringList{QStringLiteral("Laying out 5 revisions…")});
        // Both workers end; only the newer graph is drawn, whichever finishes first.
        QTRY_COMPARE_WITH_TIMEOUT(view.layoutsRunning(), 0, 180000);
        QTRY_COMPARE(laidOut.size(), 1);
        QTest::qWait(50); // a dropped result, were it not dropped, would be delivered by now
        QCOMPARE(laidOut.size(), 1);
        QCOMPARE(laidOut.first().at(0).toInt(), 5);
        QCOMPARE(view.itemsOf(QStringLiteral("revision")).size(), 5);
        QVERIFY(view.revisionItem(QStringLiteral("e5000000posn")));
        QVERIFY(!view.revisionItem(revisionId(0)));
    }

private:
    QTemporaryDir m_project;
};

QTEST_MAIN(TestAlembicGraphLayout)
#include "tst_alembic_graph_layout.moc"
