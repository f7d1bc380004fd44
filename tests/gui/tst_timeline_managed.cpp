// The desktop app's timeline on a database another tool manages and Strata has not adopted yet, offscreen on
// SQLite files migrated by the real tools: the Alembic project tests/compat/alembic/merge brought to its two
// branches by the real Alembic (Debian's python3-alembic), and a dbmate folder applied by the real dbmate
// (npm, STRATA_TEST_DBMATE). The headline and the status bar say which tool manages the database and how far
// it is ("managed by Alembic: 3 revisions applied, 2 pending"), the problem's advice names the Adopt… button
// (the command stays in its tooltip), and an Alembic revision is coloured as Python, never as SQL.

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

#include "ScratchDatabases.h"
#include "common/PythonHighlighter.h"
#include "mainwindow/ConnectionStatusBar.h"
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

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

/// Runs the real Alembic's `upgrade` to each target in turn on the SQLite file; empty when it succeeded.
QString alembicUpgrade(const QString& project, const QString& sqlitePath, const QStringList& targets)
{
    const QString script = QStringLiteral("import sys\n"
                                          "from alembic.config import Config\n"
                                          "from alembic import command\n"
                                          "c = Config(sys.argv[1])\n"
                                          "c.set_main_option('sqlalchemy.url', 'sqlite:///' + sys.argv[2])\n"
                                          "for t in sys.argv[3:]:\n"
                                          "    command.upgrade(c, t)\n");
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1")); // no __pycache__ in the tree
    python.setProcessEnvironment(env);
    python.setWorkingDirectory(project);
    python.start(
        QStringLiteral("/usr/bin/python3"),
        QStringList{QStringLiteral("-c"), script, project + QStringLiteral("/alembic.ini"), sqlitePath} +
            targets);
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError()).right(2000);
    return {};
}

/// The formats the preview's highlighter gave the line holding `needle`, as "colour bold" per run of text
/// over the needle; empty when the needle's text carries no format.
QStringList formatsOver(const QPlainTextEdit* preview, const QString& needle)
{
    for (QTextBlock block = preview->document()->begin(); block.isValid(); block = block.next()) {
        const int at = static_cast<int>(block.text().indexOf(needle));
        if (at < 0)
            continue;
        QStringList found;
        for (const QTextLayout::FormatRange& range : block.layout()->formats())
            if (range.start < at + needle.size() && range.start + range.length > at)
                found << QStringLiteral("%1%2").arg(
                    range.format.foreground().color().name(),
                    range.format.fontWeight() == QFont::Bold ? QStringLiteral(" bold") : QString());
        return found;
    }
    return {QStringLiteral("no line holds ") + needle};
}

} // namespace

class TestTimelineManaged : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void anAlembicDatabaseIsSaidToBeManagedByAlembicWithTheAdoptButtonNamed()
    {
        ScratchSqlite file;
        // Both branches applied, not merged: alembic_version holds b2000000fill and c3000000risk, so the base
        // below them is applied too: 3 of 5 revisions.
        const QString failed =
            alembicUpgrade(compat(QStringLiteral("merge")), file.path(),
                           {QStringLiteral("b2000000fill"), QStringLiteral("c3000000risk")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        MainWindow window;
        window.resize(1400, 850);
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = compat(QStringLiteral("merge"));
        window.open(target);
        QVERIFY(waitForStatus(window));

        QCOMPARE(
            window.timeline()->summary(),
            QStringLiteral("managed by Alembic: 3 revisions applied, 2 pending \u2014 adopt to migrate with "
                           "Strata"));
        QCOMPARE(window.statusView()->versionText(),
                 QStringLiteral("Managed by Alembic: 3 revisions applied, 2 pending"));

        // The advice names the button beside it.
        ProblemRow* managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed);
        QVERIFY(managed->button(ProblemRemedy::Action::Adopt));
        const QString text = managed->text();
        QVERIFY2(text.contains(QStringLiteral("→ Adopt… records what Alembic applied in Strata's history")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Until then keep running Alembic (`alembic upgrade head`)")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("strata-cli")), qPrintable(text));
        // Its tooltip gives the core's remedy in the app's words too: the Adopt… button, not the command.
        const auto labels = managed->findChildren<QLabel*>();
        bool tooltipNamesTheButton = false;
        for (const QLabel* label : labels) {
            QVERIFY2(!label->toolTip().contains(QStringLiteral("strata-cli")), qPrintable(label->toolTip()));
            tooltipNamesTheButton |= label->toolTip().contains(QStringLiteral("Adopt…"));
        }
        QVERIFY(tooltipNamesTheButton);

        // The first pending revision opens in the preview, coloured as Python.
        auto* preview = window.timeline()->findChild<QPlainTextEdit*>(QStringLiteral("sqlPreview"));
        QVERIFY(preview);
        TimelineTree* tree = window.timeline()->tree();
        tree->setCurrentItem(tree->stepItem(QStringLiteral("1.1"))); // a1000000base
        QVERIFY(window.timeline()->previewedSql().contains(QStringLiteral("Create Date:")));
        QCOMPARE(window.timeline()->previewLanguage(), QStringLiteral("python"));
        const QString keyword = PythonHighlighter::keywordColour().name() + QStringLiteral(" bold");
        const QString string = PythonHighlighter::stringColour().name();
        // "Create Date" is in the docstring: a string, never an SQL keyword.
        QCOMPARE(formatsOver(preview, QStringLiteral("Create Date")), QStringList{string});
        QCOMPARE(formatsOver(preview, QStringLiteral("def upgrade")).value(0), keyword);
        QCOMPARE(formatsOver(preview, QStringLiteral("'a1000000base'")), QStringList{string});
        QCOMPARE(formatsOver(preview, QStringLiteral("import op")).value(0), keyword);
        QCOMPARE(formatsOver(preview, QStringLiteral("# revision identifiers")),
                 QStringList{PythonHighlighter::commentColour().name()});
    }

    void aDbmateDatabaseIsSaidToBeManagedByDbmateAndItsSqlStaysSql()
    {
        const QString dbmate = qEnvironmentVariable("STRATA_TEST_DBMATE");
        if (dbmate.isEmpty() || !QFile::exists(dbmate)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(
                    qPrintable(QStringLiteral("dbmate not found at STRATA_TEST_DBMATE=\"%1\"").arg(dbmate)));
            QSKIP("the real dbmate is not installed (scripts/test.sh installs it)");
        }
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const auto write = [&](const QString& name, const QByteArray& table) {
            QFile f(folder.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-- migrate:up\nCREATE TABLE " + table +
                    " (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE " + table + ";\n");
        };
        write(QStringLiteral("20240101120000_create_accounts.sql"), "accounts");
        write(QStringLiteral("20240102093000_create_orders.sql"), "orders");
        write(QStringLiteral("20240103170500_create_fills.sql"), "fills");
        ScratchSqlite file;
        QProcess run;
        run.start(dbmate, {QStringLiteral("--url"), QStringLiteral("sqlite:") + file.path(),
                           QStringLiteral("--migrations-dir"), folder.path(),
                           QStringLiteral("--no-dump-schema"), QStringLiteral("migrate")});
        QVERIFY(run.waitForFinished(60000));
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        // Two more files the team wrote since: pending.
        write(QStringLiteral("20240104080000_create_positions.sql"), "positions");
        write(QStringLiteral("20240105080000_create_limits.sql"), "limits");

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = folder.path();
        window.open(target);
        QVERIFY(waitForStatus(window));

        QCOMPARE(
            window.timeline()->summary(),
            QStringLiteral("managed by dbmate: 3 migrations applied, 2 pending \u2014 adopt to migrate with "
                           "Strata"));
        QCOMPARE(window.statusView()->versionText(),
                 QStringLiteral("Managed by dbmate: 3 migrations applied, 2 pending"));
        ProblemRow* managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed);
        QVERIFY2(managed->text().contains(QStringLiteral("→ Adopt… records what dbmate applied")) &&
                     managed->text().contains(QStringLiteral("keep running dbmate (`dbmate up`)")) &&
                     !managed->text().contains(QStringLiteral("strata-cli")),
                 qPrintable(managed->text()));
        QVERIFY(window.timeline()->alembicGraph()->isHidden());

        // Each version says what its steps say: the three dbmate ran are applied by dbmate, not pending.
        TimelineTree* tree = window.timeline()->tree();
        QStringList versions;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            versions << tree->topLevelItem(i)->text(0);
        QCOMPARE(versions.size(), 5);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(versions.at(i).contains(i < 3 ? QStringLiteral("— applied by dbmate")
                                                   : QStringLiteral("— pending")),
                     qPrintable(versions.join(QLatin1Char('\n'))));

        // A dbmate step is SQL, coloured as SQL.
        tree->setCurrentItem(tree->stepItem(QStringLiteral("20240104080000.1")));
        QCOMPARE(window.timeline()->previewLanguage(), QStringLiteral("sql"));
        auto* preview = window.timeline()->findChild<QPlainTextEdit*>(QStringLiteral("sqlPreview"));
        QVERIFY(formatsOver(preview, QStringLiteral("CREATE TABLE"))
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("bold")));
    }
};

QTEST_MAIN(TestTimelineManaged)
#include "tst_timeline_managed.moc"
