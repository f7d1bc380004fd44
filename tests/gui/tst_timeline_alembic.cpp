// The desktop app's timeline on Alembic projects (tests/compat/alembic), each database brought to where it
// stands by the real Alembic (Debian's python3-alembic): the revision graph is drawn with its branches,
// merge, heads, the current revisions alembic_version holds and the pending ones, no box over another and
// no text outside its box; seed 002's two heads are drawn red and the problem names both files.

#include <QApplication>
#include <QDeadlineTimer>
#include <QGraphicsItem>
#include <QGraphicsSimpleTextItem>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "mainwindow/MainWindow.h"
#include "migrations/AlembicGraphView.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/TimelinePage.h"
#include "migrations/TimelineTree.h"

using namespace strata;
using namespace strata::test;

namespace {

QString compat(const QString& name)
{
    return QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/") + name;
}

/// The status shown and the revision graph drawn (it is laid out on a worker thread).
bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    if (!shown.wait(20000) || !shown.first().at(0).toBool())
        return false;
    const AlembicGraphView* graph = window.timeline()->alembicGraph();
    QDeadlineTimer deadline(20000);
    while (graph->isLayingOut() && !deadline.hasExpired())
        QTest::qWait(10);
    return !graph->isLayingOut();
}

/// Runs the real Alembic's `upgrade` to each target in turn on the SQLite file; empty when it succeeded.
QString alembicUpgrade(const QString& project, const QString& sqlitePath, const QStringList& targets)
{
    QStringList lines{QStringLiteral("import sys"),
                      QStringLiteral("from alembic.config import Config"),
                      QStringLiteral("from alembic import command"),
                      QStringLiteral("c = Config(sys.argv[1])"),
                      QStringLiteral("c.set_main_option('sqlalchemy.url', 'sqlite:///' + sys.argv[2])"),
                      QStringLiteral("for t in sys.argv[3:]:"),
                      QStringLiteral("    command.upgrade(c, t)")};
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1")); // no __pycache__ in the tree
    python.setProcessEnvironment(env);
    python.setWorkingDirectory(project);
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), lines.join(QLatin1Char('\n')),
                             project + QStringLiteral("/alembic.ini"), sqlitePath} +
                     targets);
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError()).right(2000);
    return {};
}

QStringList idsOf(const QList<QGraphicsItem*>& items)
{
    QStringList ids;
    for (QGraphicsItem* item : items)
        ids << item->data(AlembicGraphView::Id).toString();
    ids.sort();
    return ids;
}

/// No revision box overlaps another, and every text drawn on a box lies inside it.
QString layoutFaults(const AlembicGraphView& view)
{
    QStringList faults;
    const auto boxes = view.itemsOf(QStringLiteral("revision"));
    for (int i = 0; i < boxes.size(); ++i) {
        const QRectF box = boxes[i]->sceneBoundingRect();
        for (int j = i + 1; j < boxes.size(); ++j)
            if (box.intersects(boxes[j]->sceneBoundingRect()))
                faults << QStringLiteral("%1 overlaps %2")
                              .arg(boxes[i]->data(AlembicGraphView::Id).toString(),
                                   boxes[j]->data(AlembicGraphView::Id).toString());
        QList<QGraphicsItem*> children = boxes[i]->childItems();
        while (!children.isEmpty()) {
            QGraphicsItem* child = children.takeFirst();
            if (!box.contains(child->sceneBoundingRect()))
                faults << QStringLiteral("a text of %1 leaves its box")
                              .arg(boxes[i]->data(AlembicGraphView::Id).toString());
            children << child->childItems();
        }
    }
    return faults.join(QStringLiteral("; "));
}

} // namespace

class TestTimelineAlembic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void theGraphOfAMergeShowsBranchesMergeHeadAndTheCurrentRevisions()
    {
        ScratchSqlite file;
        // Both branches applied, not merged yet: alembic_version holds b2000000fill and c3000000risk.
        const QString failed =
            alembicUpgrade(compat(QStringLiteral("merge")), file.path(),
                           {QStringLiteral("b2000000fill"), QStringLiteral("c3000000risk")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        MainWindow window;
        window.resize(1500, 900);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = compat(QStringLiteral("merge"));
        window.open(target);
        QVERIFY(waitForStatus(window));

        AlembicGraphView* graph = window.timeline()->alembicGraph();
        QVERIFY(graph);
        QVERIFY(graph->isVisible());
        const auto revisions = graph->itemsOf(QStringLiteral("revision"));
        QCOMPARE(idsOf(revisions), (QStringList{"a1000000base", "b2000000fill", "c3000000risk",
                                                "d4000000merg", "e5000000posn"}));
        QCOMPARE(idsOf(graph->itemsOf(QStringLiteral("edge"))),
                 (QStringList{"a1000000base->b2000000fill", "a1000000base->c3000000risk",
                              "b2000000fill->d4000000merg", "c3000000risk->d4000000merg",
                              "d4000000merg->e5000000posn"}));
        for (const char* id : {"a1000000base", "b2000000fill", "c3000000risk"})
            QCOMPARE(graph->revisionItem(QString::fromLatin1(id))->data(AlembicGraphView::Kind).toString(),
                     QStringLiteral("applied"));
        for (const char* id : {"d4000000merg", "e5000000posn"})
            QCOMPARE(graph->revisionItem(QString::fromLatin1(id))->data(AlembicGraphView::Kind).toString(),
                     QStringLiteral("pending"));

        const QStringList base = graph->textsOf(QStringLiteral("a1000000base"));
        QVERIFY2(base.contains(QStringLiteral("branch point")), qPrintable(base.join(QLatin1Char('|'))));
        QVERIFY2(base.contains(QStringLiteral("create instruments")),
                 qPrintable(base.join(QLatin1Char('|'))));
        for (const char* id : {"b2000000fill", "c3000000risk"})
            QVERIFY2(graph->textsOf(QString::fromLatin1(id)).contains(QStringLiteral("current")),
                     qPrintable(id));
        QVERIFY(!graph->textsOf(QStringLiteral("a1000000base")).contains(QStringLiteral("current")));
        const QStringList merge = graph->textsOf(QStringLiteral("d4000000merg"));
        QVERIFY2(merge.contains(QStringLiteral("merge")), qPrintable(merge.join(QLatin1Char('|'))));
        QVERIFY2(merge.contains(QStringLiteral("d4000000merg")), qPrintable(merge.join(QLatin1Char('|'))));
        QVERIFY2(merge.contains(QStringLiteral("merge fills and risk")),
                 qPrintable(merge.join(QLatin1Char('|'))));
        QVERIFY(graph->textsOf(QStringLiteral("e5000000posn")).contains(QStringLiteral("head")));
        const QString faults = layoutFaults(*graph);
        QVERIFY2(faults.isEmpty(), qPrintable(faults));
        // The base is drawn above the branches, the branches above the merge.
        QVERIFY(graph->revisionItem(QStringLiteral("a1000000base"))->y() <
                graph->revisionItem(QStringLiteral("b2000000fill"))->y());
        QVERIFY(graph->revisionItem(QStringLiteral("b2000000fill"))->y() <
                graph->revisionItem(QStringLiteral("d4000000merg"))->y());
        QVERIFY(graph->zoom() >= 0.75); // readable, not shrunk to fit
        // and the two branches side by side fit the pane's width: nothing cut off on the right
        QVERIFY2(graph->sceneRect().width() * graph->zoom() <= graph->viewport()->width(),
                 qPrintable(QStringLiteral("%1 x %2 > %3")
                                .arg(graph->sceneRect().width())
                                .arg(graph->zoom())
                                .arg(graph->viewport()->width())));

        // The steps say who applied them.
        QTreeWidgetItem* fills = window.timeline()->tree()->stepItem(QStringLiteral("2.1"));
        QVERIFY(fills);
        QCOMPARE(fills->text(TimelineTree::State), QStringLiteral("applied by Alembic (current)"));
        QTreeWidgetItem* positions = window.timeline()->tree()->stepItem(QStringLiteral("4.1"));
        QVERIFY(positions);
        QCOMPARE(positions->text(TimelineTree::State), QStringLiteral("pending"));
        // The list opens on the first step Alembic has not applied, and the graph selects its revision; a
        // step chosen in the list is selected in the graph.
        QCOMPARE(graph->selectedRevision(), QStringLiteral("d4000000merg"));
        window.timeline()->tree()->setCurrentItem(window.timeline()->tree()->stepItem(QStringLiteral("1.1")));
        QCOMPARE(graph->selectedRevision(), QStringLiteral("a1000000base"));
        // A revision clicked in the graph opens its step in the list (and its file in the preview).
        QGraphicsItem* mergeBox = graph->revisionItem(QStringLiteral("d4000000merg"));
        graph->centerOn(mergeBox);
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, {},
                          graph->mapFromScene(mergeBox->sceneBoundingRect().center()));
        QCOMPARE(graph->selectedRevision(), QStringLiteral("d4000000merg"));
        QVERIFY(window.timeline()->tree()->currentItem());
        QCOMPARE(window.timeline()->tree()->currentItem()->data(TimelineTree::Phase, Qt::UserRole).toString(),
                 QStringLiteral("3.1"));
        QVERIFY(window.timeline()->previewedSql().contains(QStringLiteral("revision = 'd4000000merg'")));
        QVERIFY(positions->data(TimelineTree::Step, Qt::UserRole)
                    .toString()
                    .contains(QStringLiteral("op.create_table")));
    }

    void twoHeadsAreDrawnRedAndTheProblemNamesBothFiles()
    {
        ScratchSqlite file;
        const QString failed =
            alembicUpgrade(compat(QStringLiteral("two-heads")), file.path(), {QStringLiteral("002")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        MainWindow window;
        window.resize(1500, 900);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = compat(QStringLiteral("two-heads"));
        window.open(target);
        QVERIFY(waitForStatus(window));

        AlembicGraphView* graph = window.timeline()->alembicGraph();
        QVERIFY(graph->isVisible());
        QCOMPARE(graph->itemsOf(QStringLiteral("revision")).size(), 4);
        for (const char* id : {"003_portfolio", "003_strategy"}) {
            QGraphicsItem* head = graph->revisionItem(QString::fromLatin1(id));
            QVERIFY(head);
            QVERIFY(head->data(AlembicGraphView::Conflict).toBool());
            QCOMPARE(head->data(AlembicGraphView::Kind).toString(), QStringLiteral("pending"));
            QVERIFY(graph->textsOf(QString::fromLatin1(id)).contains(QStringLiteral("head")));
        }
        QVERIFY(!graph->revisionItem(QStringLiteral("002"))->data(AlembicGraphView::Conflict).toBool());
        QVERIFY(graph->textsOf(QStringLiteral("002")).contains(QStringLiteral("current")));
        QVERIFY(graph->textsOf(QStringLiteral("002")).contains(QStringLiteral("branch point")));
        const QString faults = layoutFaults(*graph);
        QVERIFY2(faults.isEmpty(), qPrintable(faults));

        ProblemRow* heads = window.timeline()->problemPanel()->row(Problem::Kind::MultipleHeads, {});
        QVERIFY(heads);
        QVERIFY2(heads->text().contains(QStringLiteral("migrations/versions/003_portfolio_analytics.py")),
                 qPrintable(heads->text()));
        QVERIFY2(heads->text().contains(QStringLiteral("migrations/versions/003_strategy_execution.py")),
                 qPrintable(heads->text()));
        QVERIFY2(heads->text().contains(QStringLiteral("alembic merge heads")), qPrintable(heads->text()));
    }

    void aCurrentRevisionNoFileHasIsSaid()
    {
        ScratchSqlite file;
        const QString failed =
            alembicUpgrade(compat(QStringLiteral("linear")), file.path(), {QStringLiteral("head")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(db);
            // A revision of a newer release, applied by Alembic from files this folder does not have.
            QVERIFY((*db)
                        ->execute(QStringLiteral("UPDATE alembic_version SET version_num = '4d5e6f708192'"))
                        .ok());
        }
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = compat(QStringLiteral("linear"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        AlembicGraphView* graph = window.timeline()->alembicGraph();
        const auto warnings = graph->itemsOf(QStringLiteral("warning"));
        QCOMPARE(warnings.size(), 1);
        const QString text = static_cast<QGraphicsSimpleTextItem*>(warnings.first())->text();
        QVERIFY2(text.contains(QStringLiteral("4d5e6f708192")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ahead")), qPrintable(text));
        for (QGraphicsItem* box : graph->itemsOf(QStringLiteral("revision"))) {
            QCOMPARE(box->data(AlembicGraphView::Kind).toString(), QStringLiteral("pending"));
            QVERIFY(!warnings.first()->sceneBoundingRect().intersects(box->sceneBoundingRect()));
        }
    }

    void labelledBranchesAreNotAConflictAndDependsOnIsDashed()
    {
        ScratchSqlite file;
        const QString failed = alembicUpgrade(compat(QStringLiteral("labelled-branches")), file.path(),
                                              {QStringLiteral("heads")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = compat(QStringLiteral("labelled-branches"));
        window.open(target);
        QVERIFY(waitForStatus(window));
        AlembicGraphView* graph = window.timeline()->alembicGraph();
        QCOMPARE(graph->itemsOf(QStringLiteral("revision")).size(), 4);
        for (QGraphicsItem* box : graph->itemsOf(QStringLiteral("revision"))) {
            QVERIFY(!box->data(AlembicGraphView::Conflict).toBool());
            QCOMPARE(box->data(AlembicGraphView::Kind).toString(), QStringLiteral("applied"));
        }
        QStringList kinds;
        for (QGraphicsItem* edge : graph->itemsOf(QStringLiteral("edge")))
            kinds << edge->data(AlembicGraphView::Id).toString() + QLatin1Char(' ') +
                         edge->data(AlembicGraphView::Kind).toString();
        kinds.sort();
        QCOMPARE(kinds, (QStringList{"c0re00000001->c0re00000002 down_revision",
                                     "c0re00000001->rep000000002 depends_on",
                                     "rep000000001->rep000000002 down_revision"}));
        for (const char* head : {"c0re00000002", "rep000000002"}) {
            const QStringList texts = graph->textsOf(QString::fromLatin1(head));
            QVERIFY2(texts.contains(QStringLiteral("head")) && texts.contains(QStringLiteral("current")),
                     qPrintable(texts.join(QLatin1Char('|'))));
        }
        QVERIFY(!window.timeline()->problemPanel()->row(Problem::Kind::MultipleHeads, {}));
        const QString faults = layoutFaults(*graph);
        QVERIFY2(faults.isEmpty(), qPrintable(faults));
    }

    void anyOtherSetHidesTheGraph()
    {
        ScratchSqlite file;
        QTemporaryDir set;
        QFile step(set.filePath(QStringLiteral("001_accounts.sql")));
        QVERIFY(step.open(QIODevice::WriteOnly));
        step.write("CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n");
        step.close();
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        window.open(target);
        QVERIFY(waitForStatus(window));
        QVERIFY(window.timeline()->alembicGraph()->isHidden());
    }
};

QTEST_MAIN(TestTimelineAlembic)
#include "tst_timeline_alembic.moc"
