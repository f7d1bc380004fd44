// The index map, offscreen: the positions, directions and badges it shows for a table's indexes, and the
// advice under it with SQL that can be copied. One table is read from a real SQLite file; a PostgreSQL-shaped
// one is built by hand for what SQLite cannot have (INCLUDE columns, an INVALID index, GIN, scans).

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "connection/DatabaseOpener.h"
#include "schema/IndexAdviceList.h"
#include "schema/IndexAdvisor.h"
#include "schema/IndexMapMatrix.h"
#include "schema/IndexMapView.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

IndexKeyPart key(const QString& column, bool descending = false)
{
    IndexKeyPart part;
    part.column = column;
    part.descending = descending;
    return part;
}

IndexKeyPart expression(const QString& text)
{
    IndexKeyPart part;
    part.expression = text;
    return part;
}

IndexKeyPart carried(const QString& column)
{
    IndexKeyPart part;
    part.column = column;
    part.included = true;
    return part;
}

IndexInfo index(const QString& name, QList<IndexKeyPart> parts, qint64 sizeBytes, qint64 scans)
{
    IndexInfo info;
    info.schema = QStringLiteral("trading");
    info.table = QStringLiteral("fills");
    info.name = name;
    info.parts = std::move(parts);
    info.method = QStringLiteral("btree");
    info.sizeBytes = sizeBytes;
    info.scans = scans;
    return info;
}

/// A fills table of a trading database as PostgreSQL's catalog describes it.
TableInfo postgresFills()
{
    TableInfo table;
    table.schema = QStringLiteral("trading");
    table.name = QStringLiteral("fills");
    const QStringList columns = {QStringLiteral("id"),        QStringLiteral("account_id"),
                                 QStringLiteral("venue_id"),  QStringLiteral("symbol"),
                                 QStringLiteral("filled_at"), QStringLiteral("qty"),
                                 QStringLiteral("price"),     QStringLiteral("status"),
                                 QStringLiteral("tags"),      QStringLiteral("comment")};
    for (const QString& name : columns) {
        ColumnInfo column;
        column.name = name;
        column.type = name == QLatin1String("id") ? QStringLiteral("bigint") : QStringLiteral("text");
        column.primaryKeyPosition = name == QLatin1String("id") ? 1 : 0;
        table.columns << column;
    }
    IndexInfo pkey = index(QStringLiteral("fills_pkey"), {key(QStringLiteral("id"))}, 224L << 20, 91'204);
    pkey.unique = pkey.primaryKey = pkey.constraint = true;
    table.indexes << index(QStringLiteral("fills_account_filled_idx"),
                           {key(QStringLiteral("account_id")), key(QStringLiteral("filled_at"), true),
                            carried(QStringLiteral("qty")), carried(QStringLiteral("price"))},
                           410L << 20, 18'733)
                  << index(QStringLiteral("fills_account_idx"), {key(QStringLiteral("account_id"))},
                           190L << 20, 4)
                  << pkey
                  << index(QStringLiteral("fills_symbol_upper_idx"),
                           {expression(QStringLiteral("upper(symbol)"))}, 150L << 20, 312);
    IndexInfo open =
        index(QStringLiteral("fills_open_idx"), {key(QStringLiteral("status"))}, 2L << 20, 5'120);
    open.predicate = QStringLiteral("(status = 'open'::text)");
    IndexInfo tags = index(QStringLiteral("fills_tags_gin"), {key(QStringLiteral("tags"))}, 96L << 20, 0);
    tags.method = QStringLiteral("gin");
    IndexInfo broken = index(QStringLiteral("fills_venue_symbol_key"),
                             {key(QStringLiteral("venue_id")), key(QStringLiteral("symbol"))}, 12L << 20, 0);
    broken.unique = true;
    broken.valid = false;
    table.indexes << open << tags << broken;
    ForeignKeyInfo account;
    account.name = QStringLiteral("fills_account_id_fkey");
    account.columns = {QStringLiteral("account_id")};
    account.referencedSchema = QStringLiteral("trading");
    account.referencedTable = QStringLiteral("accounts");
    ForeignKeyInfo venue;
    venue.name = QStringLiteral("fills_venue_id_fkey");
    venue.columns = {QStringLiteral("venue_id")};
    venue.referencedSchema = QStringLiteral("trading");
    venue.referencedTable = QStringLiteral("venues");
    table.foreignKeys << account << venue;
    return table;
}

/// Usage statistics reset eight days before the server's clock: long enough to call an index unused.
IndexAdviceContext weekOfStatistics()
{
    IndexAdviceContext context;
    context.usage = UsageStatistics{};
    context.usage->now = QDateTime(QDate(2026, 12, 7), QTime(1, 0), Qt::UTC);
    context.usage->reset = context.usage->now.addDays(-UsageStatistics::kMinimumCoverageDays - 1);
    return context;
}

QStringList kinds(const QList<IndexAdvice>& advice)
{
    QStringList names;
    for (const IndexAdvice& a : advice)
        names << a.kindName() + QLatin1Char(':') +
                     (a.index.isEmpty() ? a.columns.join(QLatin1Char(',')) : a.index);
    return names;
}

} // namespace

class TestIndexMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresTableShowsKeysBadgesAndAdvice()
    {
        IndexMapView view;
        view.resize(1180, 760);
        const TableInfo table = postgresFills();
        view.showTable(table, Dialect::Postgres, weekOfStatistics());
        view.show();
        QVERIFY2(view.usageText().contains(
                     QStringLiteral("since 2026-11-29 01:00 UTC (when they were last reset), "
                                    "8 days")),
                 qPrintable(view.usageText()));
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // The primary key comes first; the other indexes keep the catalog's order.
        QCOMPARE(view.indexNames(),
                 (QStringList{QStringLiteral("fills_pkey"), QStringLiteral("fills_account_filled_idx"),
                              QStringLiteral("fills_account_idx"), QStringLiteral("fills_symbol_upper_idx"),
                              QStringLiteral("fills_open_idx"), QStringLiteral("fills_tags_gin"),
                              QStringLiteral("fills_venue_symbol_key")}));
        // Rows: the table's columns in order, then the expression.
        QCOMPARE(view.rowLabels().size(), table.columns.size() + 1);
        QCOMPARE(view.rowLabels().first(), QStringLiteral("id"));
        QCOMPARE(view.rowLabels().last(), QStringLiteral("upper(symbol)"));

        QCOMPARE(view.cell(QStringLiteral("account_id"), QStringLiteral("fills_account_filled_idx")),
                 QStringLiteral("1 ▲"));
        QCOMPARE(view.cell(QStringLiteral("filled_at"), QStringLiteral("fills_account_filled_idx")),
                 QStringLiteral("2 ▼"));
        QCOMPARE(view.cell(QStringLiteral("qty"), QStringLiteral("fills_account_filled_idx")),
                 QStringLiteral("incl"));
        QCOMPARE(view.cell(QStringLiteral("price"), QStringLiteral("fills_account_filled_idx")),
                 QStringLiteral("incl"));
        QCOMPARE(view.cell(QStringLiteral("id"), QStringLiteral("fills_account_filled_idx")), QString());
        QCOMPARE(view.cell(QStringLiteral("upper(symbol)"), QStringLiteral("fills_symbol_upper_idx")),
                 QStringLiteral("1 ▲"));
        QCOMPARE(view.cell(QStringLiteral("symbol"), QStringLiteral("fills_venue_symbol_key")),
                 QStringLiteral("2 ▲"));
        QCOMPARE(view.cell(QStringLiteral("comment"), QStringLiteral("fills_pkey")), QString());

        QCOMPARE(view.badges(QStringLiteral("fills_pkey")), QStringList{QStringLiteral("PK")});
        QCOMPARE(view.badges(QStringLiteral("fills_account_filled_idx")), QStringList());
        QCOMPARE(view.badges(QStringLiteral("fills_account_idx")), QStringList{QStringLiteral("PREFIX")});
        QCOMPARE(view.badges(QStringLiteral("fills_open_idx")), QStringList{QStringLiteral("PARTIAL")});
        QCOMPARE(view.badges(QStringLiteral("fills_tags_gin")),
                 (QStringList{QStringLiteral("GIN"), QStringLiteral("UNUSED")}));
        QCOMPARE(view.badges(QStringLiteral("fills_venue_symbol_key")),
                 (QStringList{QStringLiteral("UNIQUE"), QStringLiteral("INVALID")}));
        QCOMPARE(view.detail(QStringLiteral("fills_pkey")),
                 QStringLiteral("224.0 MB · %1 scans").arg(QLocale().toString(91'204)));
        QVERIFY2(
            view.footerText().contains(QStringLiteral("fills_open_idx covers only the rows WHERE (status = "
                                                      "'open'::text)")),
            qPrintable(view.footerText()));
        QVERIFY2(view.titleText().contains(QStringLiteral("trading.fills")), qPrintable(view.titleText()));

        // The advice under the map is the advisor's, in its order, each with SQL that copies.
        IndexAdviceList* list = view.adviceList();
        QCOMPARE(kinds(list->advice()), (QStringList{QStringLiteral("invalid:fills_venue_symbol_key"),
                                                     QStringLiteral("prefix:fills_account_idx"),
                                                     QStringLiteral("unused:fills_tags_gin"),
                                                     QStringLiteral("unindexed_foreign_key:venue_id")}));
        QCOMPARE(list->findChildren<QPlainTextEdit*>(QStringLiteral("sql")).size(), 4);
        QSignalSpy copied(list, &IndexAdviceList::sqlCopied);
        const QList<QToolButton*> buttons = list->findChildren<QToolButton*>(QStringLiteral("copySql"));
        QCOMPARE(buttons.size(), 4);
        QTest::mouseClick(buttons.at(1), Qt::LeftButton);
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.first().first().toString(),
                 QStringLiteral("DROP INDEX CONCURRENTLY trading.fills_account_idx;"));
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("DROP INDEX CONCURRENTLY trading.fills_account_idx;"));
        QVERIFY(!list->copySql(-1));
        QVERIFY(!list->copySql(4));
        QVERIFY(list->emptyText().isEmpty());
        QVERIFY(keepScreenshots(view, QStringLiteral("index-map")));
    }

    void adviceOfOtherTablesIsLeftOut()
    {
        IndexMapView view;
        const TableInfo table = postgresFills();
        IndexAdvice elsewhere;
        elsewhere.kind = IndexAdvice::Kind::Unused;
        elsewhere.schema = QStringLiteral("trading");
        elsewhere.table = QStringLiteral("orders");
        elsewhere.index = QStringLiteral("orders_note_idx");
        view.showTable(table, QList<IndexAdvice>{elsewhere});
        QCOMPARE(view.adviceList()->count(), 0);
        QVERIFY(view.adviceList()->emptyText().startsWith(QStringLiteral("No advice")));
        QCOMPARE(view.badges(QStringLiteral("fills_tags_gin")), QStringList{QStringLiteral("GIN")});
        QVERIFY(view.titleText().contains(QStringLiteral("no advice")));
    }

    void tableWithoutIndexesSaysSo()
    {
        IndexMapView view;
        TableInfo table;
        table.schema = QStringLiteral("main");
        table.name = QStringLiteral("audit_log");
        ColumnInfo column;
        column.name = QStringLiteral("line");
        table.columns << column;
        view.showTable(table, Dialect::Sqlite);
        QCOMPARE(view.indexNames(), QStringList());
        QCOMPARE(view.rowLabels(), QStringList{QStringLiteral("line")});
        QCOMPARE(view.cell(QStringLiteral("line"), QStringLiteral("nothing")), QString());
        QVERIFY2(view.footerText().contains(QStringLiteral("main.audit_log has no index")),
                 qPrintable(view.footerText()));
        view.clear();
        QCOMPARE(view.rowLabels(), QStringList());
        QCOMPARE(view.adviceList()->count(), 0);
    }

    /// A real SQLite file read by SchemaReader: what the operator sees for the same schema in the app.
    void sqliteFileThroughTheReader()
    {
        ScratchSqlite file;
        auto db = DatabaseOpener::open(*ConnectionUrl::parse(file.url()), DatabaseOpener::Mode::ReadWrite);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toText()));
        const QStringList ddl = {
            QStringLiteral("CREATE TABLE desks (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, desk_id INTEGER NOT NULL REFERENCES "
                           "desks(id), symbol TEXT NOT NULL, placed_at TEXT NOT NULL, qty INTEGER)"),
            QStringLiteral("CREATE INDEX orders_desk_placed ON orders (desk_id, placed_at DESC)"),
            QStringLiteral("CREATE INDEX orders_desk ON orders (desk_id)"),
            QStringLiteral("CREATE INDEX orders_symbol_lower ON orders (lower(symbol))"),
            QStringLiteral("CREATE INDEX orders_open ON orders (placed_at) WHERE qty > 0"),
        };
        for (const QString& statement : ddl)
            QVERIFY2((*db)->execute(statement), qPrintable(statement));
        auto table = SchemaReader(**db).readTable(QStringLiteral("main"), QStringLiteral("orders"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().toText()));

        IndexMapView view;
        view.resize(1000, 640);
        view.showTable(*table, Dialect::Sqlite);
        QCOMPARE(view.cell(QStringLiteral("desk_id"), QStringLiteral("orders_desk_placed")),
                 QStringLiteral("1 ▲"));
        QCOMPARE(view.cell(QStringLiteral("placed_at"), QStringLiteral("orders_desk_placed")),
                 QStringLiteral("2 ▼"));
        QCOMPARE(view.cell(QStringLiteral("placed_at"), QStringLiteral("orders_open")),
                 QStringLiteral("1 ▲"));
        QCOMPARE(view.cell(QStringLiteral("lower(symbol)"), QStringLiteral("orders_symbol_lower")),
                 QStringLiteral("1 ▲"));
        QCOMPARE(view.badges(QStringLiteral("orders_desk")), QStringList{QStringLiteral("PREFIX")});
        QCOMPARE(view.badges(QStringLiteral("orders_open")), QStringList{QStringLiteral("PARTIAL")});
        // SQLite keeps no usage statistics: nothing is called unused, and the header says scans are not
        // tracked.
        QVERIFY2(view.detail(QStringLiteral("orders_desk")).endsWith(QStringLiteral("scans not tracked")),
                 qPrintable(view.detail(QStringLiteral("orders_desk"))));
        QCOMPARE(kinds(view.adviceList()->advice()), QStringList{QStringLiteral("prefix:orders_desk")});
        QVERIFY(keepScreenshots(view, QStringLiteral("index-map-sqlite")));
    }
};

QTEST_MAIN(TestIndexMap)
#include "tst_index_map.moc"
