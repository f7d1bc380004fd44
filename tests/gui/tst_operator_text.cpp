#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "SetBuilder.h"
#include "WizardDriver.h"
#include "backup/BackupActions.h"
#include "common/ErrorBanner.h"
#include "common/MenuRemedy.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "demo/RiskStateDemo.h"
#include "jobs/RunSession.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/HistoryStore.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/RunJournal.h"
#include "migrations/TimelinePage.h"
#include "schema/DriftPage.h"
#include "wizard/ApplyPage.h"
#include "wizard/BlockerPanel.h"
#include "wizard/FinishPage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
#include "wizard/PreflightPage.h"
#include "wizard/RestoreOffer.h"
#include "wizard/RunPage.h"
#include "wizard/RunSettings.h"

using namespace strata;
using namespace strata::test;

// What the app says is so: advice that names its own menu items and buttons (not strata-cli), a daemon
// only when the run has hooks that stop one, and the README's click count for the runbook.

namespace {

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

bool ended(RunPage* page)
{
    return page->state() == RunPage::State::Passed || page->state() == RunPage::State::Failed;
}

/// Everything the page shows the operator in words: its title and subtitle, labels, banners, check rows.
QString wordsOn(QWidget& page)
{
    QStringList words;
    if (auto* wizardPage = qobject_cast<QWizardPage*>(&page))
        words << wizardPage->title() << wizardPage->subTitle();
    for (auto* label : page.findChildren<QLabel*>())
        if (label->isVisibleTo(&page))
            words << label->text();
    for (auto* tree : page.findChildren<QTreeWidget*>())
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            for (int column = 0; column < tree->columnCount(); ++column)
                words << (*it)->text(column);
    return words.join(QLatin1Char('\n'));
}

/// The wizard as Migrations > Migrate… builds it for `target`: the settings from its operator config.
std::unique_ptr<MigrationWizard> wizardFor(const ConnectionTarget& target, const QString& backups)
{
    auto settings = RunSettings::forTarget(target, backups);
    if (!settings)
        return nullptr;
    auto wizard = std::make_unique<MigrationWizard>(*target.connectionUrl(), target.migrations, *settings);
    wizard->show();
    return wizard;
}

void closeWizard(MigrationWizard& wizard)
{
    waitUntil([&] { return !wizard.session().isBusy(); });
    wizard.reject();
    waitUntil([&] { return !wizard.session().isBusy(); });
}

/// Counts the operator's clicks, one per press of a mouse button.
struct Operator
{
    int clicks = 0;
    bool click(QWidget* widget)
    {
        if (!widget || !widget->isVisible() || !widget->isEnabled())
            return false;
        QTest::mouseClick(widget, Qt::LeftButton);
        ++clicks;
        return true;
    }
    /// The wizard's forward button on this page: Commit, Next or Finish.
    bool goOn(QWizard& wizard)
    {
        for (auto which : {QWizard::CommitButton, QWizard::NextButton, QWizard::FinishButton}) {
            QAbstractButton* button = wizard.button(which);
            if (button->isVisible() && button->isEnabled())
                return click(button);
        }
        return false;
    }
};

/// "seven" -> 7, "7" -> 7; 0 when the README says something else.
int numberIn(const QString& word)
{
    const QStringList words{QStringLiteral("zero"),  QStringLiteral("one"),   QStringLiteral("two"),
                            QStringLiteral("three"), QStringLiteral("four"),  QStringLiteral("five"),
                            QStringLiteral("six"),   QStringLiteral("seven"), QStringLiteral("eight"),
                            QStringLiteral("nine"),  QStringLiteral("ten"),   QStringLiteral("eleven"),
                            QStringLiteral("twelve")};
    bool isNumber = false;
    const int n = word.toInt(&isNumber);
    return isNumber ? n : int(words.indexOf(word.toLower()));
}

/// Clicks `button` in the next message box and keeps its text in `asked` (the box is modal: queue it first);
/// with a `picture` name, its screenshots are kept first (tests/gui/Screenshots.h).
void answerNextMessageBox(QMessageBox::StandardButton button, QString* asked, const QString& picture = {})
{
    QTimer::singleShot(0, [button, asked, picture] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return answerNextMessageBox(button, asked, picture);
        *asked = box->text();
        if (!picture.isEmpty() && !keepScreenshots(*box, picture, asOpened(*box)))
            qWarning("the screenshots of %s were not written", qPrintable(picture));
        box->button(button)->click();
    });
}

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

/// Every tooltip the operator can reach by pointing at a widget or an action of the window.
QStringList tooltipsOf(QWidget& window)
{
    QStringList tips;
    for (auto* widget : window.findChildren<QWidget*>())
        if (!widget->toolTip().isEmpty())
            tips << widget->toolTip();
    for (auto* action : window.findChildren<QAction*>())
        if (!action->toolTip().isEmpty())
            tips << action->toolTip();
    return tips;
}

/// A backup as the Backup menu lists it, for the restore's confirmation.
BackupRecord aBackupOf(const QString& database)
{
    BackupRecord record;
    record.id = QStringLiteral("pre_v2");
    record.path = database + QStringLiteral(".backup");
    record.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    record.schemaVersion = 1;
    record.size = 4096;
    return record;
}

} // namespace

class TestOperatorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataOperatorTextTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    /// The README says how many clicks the runbook takes on the demo; driving it counts them.
    void theReadmeCountsTheRunbooksClicksTruly()
    {
        QFile readme(QStringLiteral(STRATA_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll()).simplified();
        const auto said =
            QRegularExpression(QStringLiteral("the whole runbook is (\\w+) clicks")).match(text);
        QVERIFY2(said.hasMatch(), "README.md no longer says how many clicks the runbook takes");
        const int stated = numberIn(said.captured(1));
        QVERIFY2(stated > 0, qPrintable(said.captured(0)));

        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.openDemo();
        QVERIFY(shown.wait(20000) && shown.first().at(0).toBool());

        Operator op;
        auto* toolbar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(toolbar);
        QVERIFY(op.click(toolbar->widgetForAction(window.actions()->migrate)));
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard && wizard->isVisible());
        while (window.migrate()->isOpen()) {
            const int id = wizard->currentId();
            auto* page = qobject_cast<RunPage*>(wizard->currentPage());
            QVERIFY2(waitUntil([&] {
                         auto* plan = qobject_cast<PlanPage*>(wizard->currentPage());
                         return !(plan && plan->isReviewing()) &&
                                (!page || (page->state() != RunPage::State::Running &&
                                           page->state() != RunPage::State::Waiting));
                     }),
                     qPrintable(QString::number(id)));
            QVERIFY2(
                wizard->currentPage()->isComplete(),
                qPrintable(QStringLiteral("page %1 did not pass: %2")
                               .arg(id)
                               .arg(wizard->currentPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))
                                        ? wizard->currentPage()
                                              ->findChild<ErrorBanner*>(QStringLiteral("banner"))
                                              ->text()
                                        : QString())));
            QVERIFY2(op.goOn(*wizard), qPrintable(QStringLiteral("no way on from page %1").arg(id)));
            QVERIFY(op.clicks <= 20);
            QTest::qWait(0);
        }
        qInfo("The runbook on the demo took %d clicks; the README says %d (\"%s\")", op.clicks, stated,
              qPrintable(said.captured(0)));
        QCOMPARE(op.clicks, stated);
        QVERIFY(waitUntil(
            [&] { return window.status() && window.status()->summary().startsWith(QStringLiteral("v2")); },
            20000));
    }

    /// On the demo (no hooks) no page of the wizard speaks of a daemon, not even when a process holds the
    /// file; with an operator config whose hooks stop and start the daemon, the pages say what they do.
    void theDaemonIsNamedOnlyWhenTheRunHasHooks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        QProcess shell; // an operator's sqlite3 shell left open on the file
        shell.start(QStringLiteral("sqlite3"), {path});
        QVERIFY(shell.waitForStarted());
        shell.write("SELECT count(*) FROM orders;\n");
        QVERIFY(shell.waitForReadyRead(5000));

        QFile demoConfig(QStringLiteral(":/resources/demo/database.yaml"));
        QVERIFY(demoConfig.open(QIODevice::ReadOnly));
        const QByteArray config = demoConfig.readAll();
        QVERIFY(!config.contains("pre_hook"));
        const QString plain = dir.filePath(QStringLiteral("plain.yaml"));
        const QString hooked = dir.filePath(QStringLiteral("hooked.yaml"));
        for (const auto& [file, extra] :
             {std::pair{plain, QByteArray()},
              std::pair{hooked, QByteArray("    pre_hook: \"true\"\n    post_hook: \"true\"\n")}}) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(config);
            out.write(extra); // the migration: block is the file's last
        }

        for (const QString& configFile : {plain, hooked}) {
            const bool hooks = configFile == hooked;
            ConnectionTarget target;
            target.url = QStringLiteral("sqlite:") + path;
            target.migrations = RiskStateDemo::bundledSet();
            target.config = configFile;
            auto wizard = wizardFor(target, dir.filePath(QStringLiteral("backups")));
            QVERIFY(wizard);
            auto* preflight = wizard->preflightPage();
            QVERIFY(waitUntil([&] { return ended(preflight); }));
            QVERIFY(!preflight->isComplete()); // the shell holds the file
            QVERIFY(preflight->blockerPanel()->isVisible());
            QString words;
            for (int id : wizard->pageIds())
                words += wordsOn(*wizard->page(id)) + QLatin1Char('\n');
            QVERIFY2(words.contains(QStringLiteral("daemon"), Qt::CaseInsensitive) == hooks,
                     qPrintable(words));
            const QString blockers =
                preflight->blockerPanel()->findChild<QLabel*>(QStringLiteral("summary"))->text();
            QVERIFY2(blockers.contains(QStringLiteral("pre hook")) == hooks, qPrintable(blockers));
            QVERIFY2(!words.contains(QStringLiteral("strata-cli")), qPrintable(words));
            if (hooks)
                QVERIFY2(
                    wizard->finishPage()->subTitle().contains(QStringLiteral("post hook starts the daemon")),
                    qPrintable(wizard->finishPage()->subTitle()));
            closeWizard(*wizard);
        }
        shell.write(".quit\n");
        shell.closeWriteChannel();
        QVERIFY(shell.waitForFinished(5000));
    }

    /// A session holding the plan's table stops the pre-flight; the advice names the page's own buttons.
    void aBlockedPreflightNamesThePagesButtons()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        set.file(QStringLiteral("001_v1/01_orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        {
            auto db = MigrationHarness::open(scratch.url());
            QVERIFY(db.ok());
            auto loaded = MigrationHarness::load(set.path());
            QVERIFY(loaded.ok());
            QVERIFY(MigrationHarness::migrate(**db, *loaded).ok());
        }
        set.file(QStringLiteral("002_v2/01_note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
        auto holder = MigrationHarness::open(scratch.url());
        QVERIFY(holder.ok());
        QVERIFY((*holder)->execute(QStringLiteral("BEGIN")).ok());
        QVERIFY((*holder)->execute(QStringLiteral("SELECT count(*) FROM orders")).ok());

        QTemporaryDir backups;
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = set.path();
        auto wizard = wizardFor(target, backups.path());
        QVERIFY(wizard);
        auto* preflight = wizard->preflightPage();
        QVERIFY(waitUntil([&] { return ended(preflight); }));
        QVERIFY(!preflight->isComplete());
        const QString banner = preflight->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
        QVERIFY2(banner.contains(QStringLiteral("Terminate session…")) &&
                     banner.contains(QStringLiteral("Cancel query…")),
                 qPrintable(banner));
        const QString words = wordsOn(*preflight);
        QVERIFY2(!words.contains(QStringLiteral("strata-cli")), qPrintable(words));
        QVERIFY2(!words.contains(QStringLiteral("daemon")), qPrintable(words));
        closeWizard(*wizard);
        QVERIFY((*holder)->execute(QStringLiteral("ROLLBACK")).ok());
    }

    /// The drift check of a database Strata does not track yet says how to record where it stands: with
    /// Migrations > Baseline…, not a command.
    void anUntrackedDatabaseIsSentToTheBaselineMenu()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        DriftPage page;
        page.show();
        page.setTarget(*ConnectionUrl::parse(QStringLiteral("sqlite:") + path), RiskStateDemo::bundledSet());
        QSignalSpy checked(&page, &DriftPage::checked);
        QTest::mouseClick(page.checkButton(), Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QVERIFY(page.banner()->isVisible());
        const QString said = page.banner()->text();
        QVERIFY2(!said.contains(QStringLiteral("strata-cli")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Migrations &gt; Baseline…")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Migrations &gt; Migrate…")), qPrintable(said));
    }

    /// A stopped step's advice names the menu item, at the start of a sentence as inside one.
    void aStoppedStepIsSentToTheMigrateMenu()
    {
        // A database opened without its set: the window's own field, not the command line's option.
        QCOMPARE(
            MenuRemedy::wording(QStringLiteral("Pass --migrations with the folder that holds the set "
                                               "(e.g. migrations/risk_state).")),
            QStringLiteral("Choose the folder that holds the set as the Migration set in File > Connect…"));
        QCOMPARE(MenuRemedy::wording(QStringLiteral("Pass --migrations with a set for this engine.")),
                 QStringLiteral("Choose a set for this engine as the Migration set in File > Connect…"));
        QCOMPARE(MenuRemedy::wording(QStringLiteral("Run migrate again when you are ready.")),
                 QStringLiteral("Start Migrations > Migrate… again when you are ready."));
        QCOMPARE(MenuRemedy::wording(QStringLiteral("Stop it, and run migrate again.")),
                 QStringLiteral("Stop it, and start Migrations > Migrate… again."));
    }

    /// The restore's confirmation speaks of the daemon only when the set's config has hooks that stop and
    /// start it: not on the demo (no hooks), yes with an operator config's hooks or the set's own.
    void theRestoreConfirmationNamesTheDaemonOnlyWithHooks()
    {
        MainWindow window;
        window.show();
        window.openDemo();
        QVERIFY(waitForStatus(window));
        // What Backup > Restore asks: the box the operator answers.
        QString demo;
        answerNextMessageBox(QMessageBox::Cancel, &demo, QStringLiteral("restore-confirmation-demo"));
        window.backups()->restore(aBackupOf(QStringLiteral("demo")));
        QCOMPARE(demo, window.backups()->restoreQuestion(aBackupOf(QStringLiteral("demo"))));
        QVERIFY2(!demo.contains(QStringLiteral("daemon"), Qt::CaseInsensitive), qPrintable(demo));
        QVERIFY2(demo.contains(QStringLiteral("programs that use it")), qPrintable(demo));
        QVERIFY2(!demo.contains(QStringLiteral("strata-cli")), qPrintable(demo));
        // A backup taken before Strata tracked the database records version 0: not called "schema v0".
        BackupRecord untracked = aBackupOf(QStringLiteral("demo"));
        untracked.schemaVersion = 0;
        const QString before = window.backups()->restoreQuestion(untracked);
        QVERIFY2(before.contains(QStringLiteral("(a schema Strata did not track yet, ")) &&
                     !before.contains(QStringLiteral("v0")),
                 qPrintable(before));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        QFile demoConfig(QStringLiteral(":/resources/demo/database.yaml"));
        QVERIFY(demoConfig.open(QIODevice::ReadOnly));
        const QString hooked = dir.filePath(QStringLiteral("hooked.yaml"));
        QFile out(hooked);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(demoConfig.readAll() + "    pre_hook: \"true\"\n    post_hook: \"true\"\n");
        out.close();
        ConnectionTarget withConfigHooks;
        withConfigHooks.url = QStringLiteral("sqlite:") + path;
        withConfigHooks.migrations = RiskStateDemo::bundledSet();
        withConfigHooks.config = hooked;
        // A set whose own strata.yaml has the hooks, and no operator config.
        SetBuilder set;
        set.file(
               QStringLiteral("strata.yaml"),
               "name: desk\ndialects: [sqlite]\nhooks:\n  pre: ./stop_daemon.sh\n  post: ./start_daemon.sh\n")
            .file(QStringLiteral("001_v1/01_book.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
        ScratchSqlite file;
        ConnectionTarget withSetHooks;
        withSetHooks.url = file.url();
        withSetHooks.migrations = set.path();
        for (const ConnectionTarget& target : {withConfigHooks, withSetHooks}) {
            QSignalSpy shown(&window, &MainWindow::statusShown);
            window.open(target);
            QVERIFY(shown.wait(20000)); // read or not: the restore's question needs only the target
            QString asked;
            answerNextMessageBox(QMessageBox::Cancel, &asked,
                                 target.config.isEmpty() ? QString()
                                                         : QStringLiteral("restore-confirmation-hooks"));
            window.backups()->restore(aBackupOf(target.url));
            QVERIFY2(asked.contains(QStringLiteral("pre hook stops the daemon")), qPrintable(asked));
            QVERIFY2(!asked.contains(QStringLiteral("strata-cli")), qPrintable(asked));
        }
    }

    /// The confirmations and tooltips the operator reaches from the timeline's problems name the app's own
    /// buttons and menus, never a strata-cli command: a dirty step's Mark applied…, an interrupted run's
    /// Acknowledge…, and every tooltip of the window meanwhile.
    void confirmationsAndTooltipsNeverNameTheCommandLine()
    {
        SetBuilder set;
        set.file(QStringLiteral("001_base/01_tables.sql"),
                 "CREATE TABLE positions (id INTEGER PRIMARY KEY);\n");
        ScratchSqlite file;
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set.path())).ok());
        }
        set.file(QStringLiteral("002_orders/01_orders.sql"),
                 "-- strata:no-transaction\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        {
            // A no-transaction step that started and never finished, and a run killed in its steps.
            auto db = MigrationHarness::open(file.url());
            auto loaded = MigrationHarness::load(set.path());
            QVERIFY(loaded);
            const MigrationStep* orders = nullptr;
            for (const auto& s : loaded->steps)
                if (s.slot() == QStringLiteral("2.1"))
                    orders = &s;
            QVERIFY(orders);
            QVERIFY(HistoryStore(**db).recordStarted(*orders, RunIdentity::current()).ok());
            RunEntry killed;
            killed.runId = QStringLiteral("20261207-041200-abc123");
            killed.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            killed.phase = QStringLiteral("steps");
            killed.fromVersion = QStringLiteral("1");
            killed.targetVersion = 2;
            killed.appliedBy = QStringLiteral("ops");
            killed.host = QStringLiteral("another-host");
            killed.pid = 4242;
            killed.runLog = QStringLiteral("/var/backups/strata-run.json");
            const Status begun = RunJournal(**db).begin(killed);
            QVERIFY2(begun, qPrintable(begun ? QString() : begun.error().toText()));
        }
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        MainWindow window;
        window.show();
        window.open(target);
        QVERIFY(waitForStatus(window));

        QStringList reached = tooltipsOf(window);
        ProblemRow* dirty =
            window.timeline()->problemPanel()->row(Problem::Kind::Dirty, QStringLiteral("2.1"));
        QVERIFY(dirty);
        QString adviceTip;
        for (auto* label : dirty->findChildren<QLabel*>())
            adviceTip += label->toolTip();
        QVERIFY2(adviceTip.contains(QStringLiteral("Mark applied…")), qPrintable(adviceTip));
        QString asked;
        answerNextMessageBox(QMessageBox::Cancel, &asked, QStringLiteral("resolve-confirmation"));
        dirty->button(ProblemRemedy::Action::MarkApplied)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 5000);
        QVERIFY2(asked.contains(QStringLiteral("No SQL runs")), qPrintable(asked));
        reached << asked;

        QPushButton* acknowledge = window.timeline()->acknowledgeButton();
        QVERIFY(acknowledge->isVisible());
        asked.clear();
        answerNextMessageBox(QMessageBox::Cancel, &asked, QStringLiteral("acknowledge-confirmation"));
        acknowledge->click();
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 5000);
        QVERIFY2(asked.contains(QStringLiteral("20261207-041200-abc123")), qPrintable(asked));
        reached << asked;
        for (const QString& text : reached)
            QVERIFY2(!text.contains(QStringLiteral("strata-cli")), qPrintable(text));
    }

    /// A restore the wizard offers after a failing step, refused because its backup changed on disk: the
    /// offer says why and what to do with the app's own menu, never with a strata-cli command.
    void aRefusedRestoreInTheWizardNamesTheBackupMenu()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path).ok());
        const QString set = wizard::copyOfTheBundledSet(dir.filePath(QStringLiteral("set")));
        QFile indexes(QDir(set).filePath(QStringLiteral("002_v2/02_indexes.sql")));
        QVERIFY(indexes.open(QIODevice::Append));
        indexes.write("\nCREATE INDEX idx_no_such ON no_such_table(account_id);\n");
        indexes.close();
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = set;
        auto wizard = wizardFor(target, dir.filePath(QStringLiteral("backups")));
        QVERIFY(wizard);
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
            QVERIFY(wizard::phaseEnded(*wizard, id));
            QVERIFY(wizard->currentPage()->isComplete());
            wizard->next();
        }
        QVERIFY(wizard::phaseEnded(*wizard, MigrationWizard::Apply));
        RestoreOffer* offer = wizard->applyPage()->restoreOffer();
        QVERIFY(offer->isVisible());
        // One byte of the backup changes on disk before the operator clicks Restore.
        const auto backup = wizard->session().report().backup;
        QVERIFY(backup);
        QFile file(backup->path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 2));
        const char byte = file.peek(1).at(0);
        QVERIFY(file.putChar(char(byte ^ 0x01)));
        file.close();
        QSignalSpy restored(offer, &RestoreOffer::restored);
        QTest::mouseClick(offer->button(), Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QVERIFY(!restored.first().at(0).toBool());
        const QString said = wordsOn(*offer);
        QVERIFY2(said.contains(QStringLiteral("sha256")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Backup > Restore")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("strata-cli")), qPrintable(said));
        closeWizard(*wizard);
    }

    /// A notice (a restore's outcome, a saved diagram) that names a menu path is drawn as written, not as
    /// "Backup &gt; Restore": the banner's label must take its escaped text as rich text.
    void aNoticeDrawsAMenuPathAsWritten()
    {
        ErrorBanner banner;
        banner.show();
        banner.showNotice(
            QStringLiteral("Restored the backup of 09:12.\nTo undo it, use Backup > Restore… again."));
        const auto labels = banner.findChildren<QLabel*>();
        QStringList drawn;
        for (const QLabel* label : labels) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const bool rich = label->textFormat() == Qt::RichText ||
                              (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            QTextDocument document;
            document.setHtml(label->text());
            drawn << (rich ? document.toPlainText() : label->text());
        }
        const QString shown = drawn.join(QLatin1Char('\n'));
        QVERIFY2(shown.contains(QStringLiteral("use Backup > Restore… again")), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("&gt;")), qPrintable(shown));
        // Its two lines stay two lines.
        const qsizetype end = shown.indexOf(QStringLiteral("09:12.")) + 6;
        QVERIFY2(end > 6 && end < shown.size() &&
                     QStringList({QStringLiteral("\n"), QString(QChar::LineSeparator),
                                  QString(QChar::ParagraphSeparator)})
                         .contains(shown.at(end)),
                 qPrintable(shown));
    }
};

QTEST_MAIN(TestOperatorText)
#include "tst_operator_text.moc"
