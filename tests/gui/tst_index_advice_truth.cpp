// The index map says only what is so, offscreen on the real Schema tab: on the demo after v2 (SQLite and
// PostgreSQL, migrated by the real runner) it never offers a raw DROP of an index the migration set creates,
// keeps the set's index of a duplicate pair and writes the drop as a new migration step into the set; on a
// PostgreSQL database minutes old it says "not enough statistics yet" with the time the statistics count
// from instead of calling indexes unused; SQLite is never "unused"; and the index sizes right after a data
// load are PostgreSQL's own pg_relation_size, not the catalog's 8 kB.

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "schema/IndexAdviceList.h"
#include "schema/IndexMapMatrix.h"
#include "schema/IndexMapView.h"
#include "schema/NewStepDialog.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"

using namespace strata;
using namespace strata::test;

namespace {

/// A copy of a migration set in a folder of its own, so that a step written into it stays in the test.
bool copyFolder(const QString& from, const QString& to)
{
    QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo& entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyFolder(entry.absoluteFilePath(), target)
                          : !QFile::copy(entry.absoluteFilePath(), target))
            return false;
    }
    return true;
}

/// The names of the indexes of `table` as the catalog lists them (PostgreSQL: of the public schema).
QStringList indexNames(Database& db, const QString& table)
{
    auto rows =
        db.dialect() == Dialect::Sqlite
            ? db.query(QStringLiteral("SELECT name FROM pragma_index_list('%1') ORDER BY name").arg(table))
            : db.query(QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND "
                                      "tablename = '%1' ORDER BY indexname")
                           .arg(table));
    QStringList names;
    if (rows)
        for (const QVariantList& row : rows->rows)
            names << row.at(0).toString();
    return names;
}

/// Opens `table` on the browser's Indexes tab and waits until its measure (sizes, statistics, the set's
/// indexes) has reached the index map.
bool openIndexes(SchemaBrowser& browser, const QString& url, const QString& setFolder, const QString& schema,
                 const QString& table)
{
    QSignalSpy shown(&browser, &SchemaBrowser::schemaShown);
    browser.load(*ConnectionUrl::parse(url), setFolder);
    if (!shown.wait(15000) || !shown.first().at(0).toBool())
        return false;
    QSignalSpy measured(browser.tablePage(), &TablePage::sizeMeasured);
    browser.openTable(schema, table);
    browser.tablePage()->tabs()->setCurrentIndex(TablePage::IndexesTab);
    return measured.wait(15000) && measured.first().at(0).toBool();
}

QString adviceLines(const QList<IndexAdvice>& advice)
{
    QStringList lines;
    for (const IndexAdvice& a : advice)
        lines << QStringLiteral("%1 %2 keep=%3 step=%4 sql=%5")
                     .arg(a.kindName(), a.index, a.otherIndex, a.ownerStep, a.sql);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestIndexAdviceTruth : public QObject
{
    Q_OBJECT

private:
    /// The demo after v2 with a hand-made copy of the v2 index idx_orders_state_account: the advice never
    /// drops an index the set creates by hand, and keeps the set's index of the pair.
    void demoAfterV2(const QString& url, const QString& setSource, const QString& schema)
    {
        QTemporaryDir work;
        const QString setFolder = work.filePath(QStringLiteral("risk_state"));
        QVERIFY(copyFolder(setSource, setFolder));
        auto db = MigrationHarness::open(url);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        auto set = MigrationHarness::load(setFolder);
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toText()));
        auto migrated = MigrationHarness::migrate(**db, *set);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toText()));
        // Every index of orders now is the set's: the ground truth the advice is checked against.
        const QStringList setIndexes = indexNames(**db, QStringLiteral("orders"));
        QVERIFY2(setIndexes.contains(QStringLiteral("idx_orders_state_account")),
                 qPrintable(setIndexes.join(',')));
        QVERIFY((*db)->execute(
            QStringLiteral("CREATE INDEX idx_manual_orders_state2 ON orders (state, account_id)")));

        SchemaBrowser browser;
        browser.resize(1600, 1000);
        browser.show();
        QVERIFY(openIndexes(browser, url, setFolder, schema, QStringLiteral("orders")));
        IndexMapView* map = browser.tablePage()->indexMap();
        IndexAdviceList* list = map->adviceList();
        const QList<IndexAdvice> advice = list->advice();
        const QByteArray listed = adviceLines(advice).toUtf8();

        // The duplicate pair keeps the set's index and drops the hand-made one, with a plain DROP.
        bool pair = false;
        for (const IndexAdvice& a : advice)
            if (a.kind == IndexAdvice::Kind::Duplicate &&
                (a.index == QLatin1String("idx_manual_orders_state2") ||
                 a.index == QLatin1String("idx_orders_state_account"))) {
                QCOMPARE(a.index, QStringLiteral("idx_manual_orders_state2"));
                QCOMPARE(a.otherIndex, QStringLiteral("idx_orders_state_account"));
                QVERIFY2(a.ownerStep.isEmpty(), listed);
                QVERIFY2(a.sql.contains(QStringLiteral("DROP INDEX")), listed);
                pair = true;
            }
        QVERIFY2(pair, listed);
        // No advice drops an index of the set but through a new migration step; those cards have no
        // Copy SQL button, only Write migration step….
        int throughSteps = 0;
        for (int row = 0; row < advice.size(); ++row) {
            const IndexAdvice& a = advice.at(row);
            if (!setIndexes.contains(a.index) || !a.sql.contains(QStringLiteral("DROP")))
                continue;
            QVERIFY2(!a.ownerStep.isEmpty(), listed);
            QVERIFY(!list->copySql(row));
            QWidget* card = list->findChild<QWidget*>(QStringLiteral("advice_%1").arg(row));
            QVERIFY(card);
            QVERIFY(!card->findChild<QToolButton*>(QStringLiteral("copySql")));
            QVERIFY(card->findChild<QToolButton*>(QStringLiteral("writeStep")));
            ++throughSteps;
        }
        QVERIFY2(throughSteps > 0, listed); // v1's idx_orders_state is a prefix of v2's pair index
        // Minutes-old statistics (PostgreSQL) or none (SQLite): nothing is called unused.
        for (const IndexAdvice& a : advice)
            QVERIFY2(a.kind != IndexAdvice::Kind::Unused, listed);
        for (const QString& index : map->indexNames())
            QVERIFY2(!map->badges(index).contains(QStringLiteral("UNUSED")), qPrintable(index));
        // Sized to content: on 1600x1000 every column of orders and every piece of advice shows at once, with
        // no scroll bar in the map, the list or the page; on 1024x700 the page scrolls, the map still does
        // not.
        auto* scroll = map->findChild<QScrollArea*>(QStringLiteral("indexMapScroll"));
        QVERIFY(scroll);
        for (const QSize size : {QSize(1600, 1000), QSize(1024, 700)}) {
            browser.resize(size);
            QTRY_COMPARE_WITH_TIMEOUT(browser.size(), size, 2000);
            QApplication::processEvents();
            QCOMPARE(map->map()->verticalScrollBar()->maximum(), 0);
            QCOMPARE(list->verticalScrollBar()->maximum(), 0);
            QVERIFY2(list->widget()->width() <= list->viewport()->width(),
                     qPrintable(QStringLiteral("advice %1 px wide in %2 px")
                                    .arg(list->widget()->width())
                                    .arg(list->viewport()->width())));
            for (int row = 0; row < advice.size(); ++row) {
                QWidget* card = list->findChild<QWidget*>(QStringLiteral("advice_%1").arg(row));
                QVERIFY(card && card->geometry().bottom() <= list->widget()->height());
            }
            if (size.width() == 1600)
                QVERIFY2(scroll->verticalScrollBar()->maximum() == 0,
                         qPrintable(QStringLiteral("the page scrolls by %1 px at 1600x1000")
                                        .arg(scroll->verticalScrollBar()->maximum())));
        }
        QVERIFY(
            keepScreenshots(browser, QStringLiteral("index-advice-") + ((*db)->dialect() == Dialect::Sqlite
                                                                            ? QStringLiteral("sqlite")
                                                                            : QStringLiteral("postgresql"))));

        // Write migration step… shows the step, writes it into the set's folder in its layout, and applies
        // nothing.
        int row = -1;
        for (int r = 0; r < advice.size() && row < 0; ++r)
            if (!advice.at(r).ownerStep.isEmpty())
                row = r;
        const QString dropped = advice.at(row).index;
        QWidget* card = list->findChild<QWidget*>(QStringLiteral("advice_%1").arg(row));
        QTest::mouseClick(card->findChild<QToolButton*>(QStringLiteral("writeStep")), Qt::LeftButton);
        NewStepDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = map->findChild<NewStepDialog*>()) && dialog->isVisible(), 5000);
        QCOMPARE(dialog->step().version, 3);
        QCOMPARE(dialog->step().layout, QStringLiteral("strata"));
        QVERIFY2(QString::fromUtf8(dialog->step().forward).contains(dropped),
                 dialog->step().forward.constData());
        QVERIFY(!QFile::exists(QDir(setFolder).filePath(dialog->step().path))); // shown, not yet written
        QSignalSpy written(map, &IndexMapView::stepWritten);
        QSignalSpy told(&browser, &SchemaBrowser::migrationStepWritten); // the window refreshes on it
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        QCOMPARE(written.size(), 1);
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().first().toString(), QDir(setFolder).filePath(dialog->step().path));
        QVERIFY2(dialog->outcome().contains(QStringLiteral("Nothing was applied")),
                 qPrintable(dialog->outcome()));
        QVERIFY(keepScreenshots(*dialog,
                                QStringLiteral("index-advice-new-step-") +
                                    ((*db)->dialect() == Dialect::Sqlite ? QStringLiteral("sqlite")
                                                                         : QStringLiteral("postgresql")),
                                asOpened(*dialog)));
        dialog->close();
        QVERIFY(indexNames(**db, QStringLiteral("orders")).contains(dropped)); // not applied
        // The set reads the new step as version 3, and applying it with the set drops the index.
        auto grown = MigrationHarness::load(setFolder);
        QVERIFY2(grown, qPrintable(grown ? QString() : grown.error().toText()));
        QVERIFY(grown->versionsFor((*db)->dialect()).contains(3));
        auto applied = MigrationHarness::migrate(**db, *grown);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toText()));
        QVERIFY(!indexNames(**db, QStringLiteral("orders")).contains(dropped));
        QVERIFY(
            indexNames(**db, QStringLiteral("orders")).contains(QStringLiteral("idx_orders_state_account")));
    }

private Q_SLOTS:
    void sqliteDemoAfterV2KeepsTheSetsIndexesAndNeverSaysUnused()
    {
        ScratchSqlite file;
        demoAfterV2(file.url(), QStringLiteral(STRATA_SOURCE_DIR "/migrations/risk_state"),
                    QStringLiteral("main"));
        if (QTest::currentTestFailed())
            return;
        // A hand-made index that makes the set's idx_orders_account a redundant prefix.
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(db);
            QVERIFY((*db)->execute(QStringLiteral(
                "CREATE INDEX idx_manual_orders_account_contract ON orders (account_id, contract_id)")));
        }
        SchemaBrowser browser;
        browser.resize(1024, 700);
        browser.show();
        QVERIFY(openIndexes(browser, file.url(), QStringLiteral(":/migrations/risk_state"),
                            QStringLiteral("main"), QStringLiteral("orders")));
        IndexMapView* map = browser.tablePage()->indexMap();
        QVERIFY2(map->usageText().contains(QStringLiteral("SQLite keeps no usage statistics")),
                 qPrintable(map->usageText()));
        // The demo's set is built into Strata: Write migration step… says it cannot take a step, and how.
        const QList<IndexAdvice> advice = map->adviceList()->advice();
        int row = -1;
        for (int r = 0; r < advice.size() && row < 0; ++r)
            if (!advice.at(r).ownerStep.isEmpty())
                row = r;
        QVERIFY2(row >= 0, qPrintable(adviceLines(advice)));
        QWidget* card = map->adviceList()->findChild<QWidget*>(QStringLiteral("advice_%1").arg(row));
        QTest::mouseClick(card->findChild<QToolButton*>(QStringLiteral("writeStep")), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = map->findChild<QMessageBox*>(QStringLiteral("noStepWritten"))), 5000);
        QVERIFY2(box->text().contains(QStringLiteral("built into Strata")) &&
                     box->text().contains(QStringLiteral("Nothing was written")),
                 qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("File > Connect")),
                 qPrintable(box->informativeText()));
        QVERIFY(!map->findChild<NewStepDialog*>());
        box->close();
    }

    void postgresDemoAfterV2KeepsTheSetsIndexes()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        demoAfterV2(scratch.url(), QStringLiteral(STRATA_SOURCE_DIR "/tests/support/risk_state_postgresql"),
                    QStringLiteral("public"));
    }

    /// A database made a minute ago, loaded with data: "not enough statistics yet" since the time they count
    /// from, no index called unused although none was scanned, and each index's size PostgreSQL's own.
    void postgresMinutesOldAfterADataLoad()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        for (const char* sql :
             {"CREATE TABLE fills (id bigserial PRIMARY KEY, account_id int NOT NULL, symbol text NOT NULL, "
              "qty int NOT NULL, filled_at timestamptz NOT NULL DEFAULT now())",
              "CREATE INDEX fills_account_idx ON fills (account_id)",
              "CREATE INDEX fills_symbol_filled_idx ON fills (symbol, filled_at DESC)",
              "INSERT INTO fills (account_id, symbol, qty) SELECT i % 97, 'SYM' || (i % 500), i FROM "
              "generate_series(1, 40000) i"})
            QVERIFY2((*db)->execute(QString::fromUtf8(sql)), sql);

        SchemaBrowser browser;
        browser.resize(1024, 700);
        browser.show();
        QVERIFY(openIndexes(browser, scratch.url(), {}, QStringLiteral("public"), QStringLiteral("fills")));
        IndexMapView* map = browser.tablePage()->indexMap();

        // Sizes: what pg_relation_size says now, never the catalog's estimate.
        for (const QString& index : map->indexNames()) {
            auto size =
                (*db)->query(QStringLiteral("SELECT pg_relation_size('public.%1'::regclass)").arg(index));
            QVERIFY(size && !size->isEmpty());
            const qint64 bytes = size->value(0, 0).toString().toLongLong();
            QVERIFY2(bytes > 8192, qPrintable(index)); // 40,000 rows fill more than one page
            const QString expected =
                QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
            QVERIFY2(map->detail(index).startsWith(expected + QStringLiteral(" · ")),
                     qPrintable(map->detail(index) + QStringLiteral(" != ") + expected));
            QVERIFY2(!map->detail(index).contains(QStringLiteral("estimate")),
                     qPrintable(map->detail(index)));
        }
        // The schema's read (the tree) took the catalog's counts: those are labelled as estimates.
        const TableInfo* read = browser.snapshot()->table(QStringLiteral("public"), QStringLiteral("fills"));
        QVERIFY(read);
        for (const IndexInfo& index : read->indexes)
            QVERIFY2(index.sizeEstimated, qPrintable(index.name));

        // Statistics a minute old: said, with since when; nothing unused.
        const QString usage = map->usageText();
        QVERIFY2(usage.contains(QStringLiteral("not enough statistics yet")), qPrintable(usage));
        const QRegularExpression since(QStringLiteral("since (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC"));
        const auto found = since.match(usage);
        QVERIFY2(found.hasMatch(), qPrintable(usage));
        QDateTime from = QDateTime::fromString(found.captured(1), QStringLiteral("yyyy-MM-dd HH:mm"));
        from.setTimeSpec(Qt::UTC);
        const qint64 age = from.secsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(age >= 0 && age < 24 * 3600, qPrintable(usage)); // the test server started today
        for (const QString& index : map->indexNames())
            QVERIFY2(!map->badges(index).contains(QStringLiteral("UNUSED")), qPrintable(index));
        for (const IndexAdvice& a : map->adviceList()->advice())
            QVERIFY2(a.kind != IndexAdvice::Kind::Unused, qPrintable(a.message));
        QVERIFY(keepScreenshots(browser, QStringLiteral("index-map-postgresql-fresh")));

        // After pg_stat_reset() the statistics count from that reset, and the view says so.
        QVERIFY((*db)->query(QStringLiteral("SELECT pg_stat_reset()")));
        browser.tablePage()->clear();
        QVERIFY(openIndexes(browser, scratch.url(), {}, QStringLiteral("public"), QStringLiteral("fills")));
        QVERIFY2(map->usageText().contains(QStringLiteral("when they were last reset")) &&
                     map->usageText().contains(QStringLiteral("not enough statistics yet")),
                 qPrintable(map->usageText()));
    }

    /// A step's `CREATE INDEX ON orders (state)` names no index: PostgreSQL calls it orders_state_idx (and a
    /// second one orders_state_idx1), and both are the set's. Their duplicate pair is dropped only through a
    /// new migration step: the card offers Write migration step…, never Copy SQL of a raw DROP.
    void postgresUnnamedIndexesOfTheSetAreDroppedByAStep()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        QTemporaryDir work;
        const QString setFolder = work.filePath(QStringLiteral("desk"));
        QVERIFY(QDir().mkpath(setFolder + QStringLiteral("/001_v1")));
        QFile step(setFolder + QStringLiteral("/001_v1/01_orders.sql"));
        QVERIFY(step.open(QIODevice::WriteOnly));
        step.write("CREATE TABLE orders (id bigint PRIMARY KEY, state text NOT NULL);\n"
                   "CREATE INDEX ON orders (state);\n"
                   "CREATE INDEX ON orders (state);\n");
        step.close();
        auto db = MigrationHarness::open(scratch.url());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        auto set = MigrationHarness::load(setFolder);
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toText()));
        QVERIFY(MigrationHarness::migrate(**db, *set));
        QCOMPARE(indexNames(**db, QStringLiteral("orders")),
                 (QStringList{"orders_pkey", "orders_state_idx", "orders_state_idx1"}));

        SchemaBrowser browser;
        browser.resize(1600, 1000);
        browser.show();
        QVERIFY(openIndexes(browser, scratch.url(), setFolder, QStringLiteral("public"),
                            QStringLiteral("orders")));
        IndexAdviceList* list = browser.tablePage()->indexMap()->adviceList();
        const QList<IndexAdvice> advice = list->advice();
        const QByteArray listed = adviceLines(advice).toUtf8();
        int drops = 0;
        for (int row = 0; row < advice.size(); ++row) {
            const IndexAdvice& a = advice.at(row);
            if (!a.index.startsWith(QLatin1String("orders_state_idx")))
                continue;
            ++drops;
            QVERIFY2(a.ownerStep.contains(QStringLiteral("01_orders.sql")), listed);
            QVERIFY(!list->copySql(row));
            QWidget* card = list->findChild<QWidget*>(QStringLiteral("advice_%1").arg(row));
            QVERIFY(card);
            QVERIFY2(!card->findChild<QToolButton*>(QStringLiteral("copySql")), listed);
            QToolButton* write = card->findChild<QToolButton*>(QStringLiteral("writeStep"));
            QVERIFY2(write && write->text().startsWith(QStringLiteral("Write migration step")), listed);
            // The core's advice names strata-cli migrate; the card names the menu.
            const QString said = card->findChild<QLabel*>(QStringLiteral("message"))->text();
            QVERIFY2(said.contains(QStringLiteral("Migrations > Migrate…")) &&
                         !said.contains(QStringLiteral("Migrate….")) &&
                         !said.contains(QStringLiteral("strata-cli")),
                     qPrintable(said));
        }
        QVERIFY2(drops == 1, listed);
        QVERIFY(keepScreenshots(browser, QStringLiteral("index-advice-unnamed-postgresql")));
    }
};

QTEST_MAIN(TestIndexAdviceTruth)
#include "tst_index_advice_truth.moc"
