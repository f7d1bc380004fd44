// Export and copy from the table's Data tab, offscreen on both engines: a million rows exported through the
// dialog match sqlite3's and psql's own CSV byte for byte, Cancel stops an export and leaves no file, a
// missing folder is named before anything runs, and Copy puts the selected cells on the clipboard as
// spreadsheets paste them.

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "../gui/Screenshots.h"
#include "ScratchDatabases.h"
#include "browse/DataGridPage.h"
#include "browse/RowWindowModel.h"
#include "browse/TableBrowseModel.h"
#include "common/ErrorBanner.h"
#include "connection/DatabaseOpener.h"
#include "export/ExportDialog.h"
#include "export/GridExport.h"

using namespace strata;
using namespace strata::test;

namespace {

bool waitUntil(const std::function<bool()>& condition, int ms = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition() && clock.elapsed() < ms)
        QTest::qWait(20);
    return condition();
}

struct Scratch
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    QString url;

    bool open(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
            return true;
        }
        postgres = std::make_unique<ScratchPostgres>();
        if (!postgres->ok())
            qWarning("%s", qPrintable(postgres->error()));
        url = postgres->url();
        return postgres->ok();
    }
    bool isSqlite() const { return sqlite != nullptr; }
};

bool fill(const Scratch& scratch, qint64 rows)
{
    auto db = DatabaseOpener::open(*ConnectionUrl::parse(scratch.url));
    if (!db)
        return false;
    const QString venue =
        QStringLiteral("CASE WHEN i % 1000 = 0 THEN 'a, \"q\" é' WHEN i % 1000 = 2 THEN ' lead' ELSE "
                       "'XLON' END");
    if (scratch.isSqlite())
        return (*db)->execute(
                   QStringLiteral("CREATE TABLE fills (id integer PRIMARY KEY, venue text, price real, qty "
                                  "integer, note text, raw blob)")) &&
               (*db)->execute(
                   QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                                  "%1) INSERT INTO fills SELECT i, %2, i / 8.0, i * 3, CASE WHEN i % 7 = 0 "
                                  "THEN NULL ELSE 'n' || i END, X'00ff27' FROM n")
                       .arg(rows)
                       .arg(venue));
    return (*db)->execute(
               QStringLiteral("CREATE TABLE fills (id bigint PRIMARY KEY, venue text, price float8, qty "
                              "integer, note text, raw bytea)")) &&
           (*db)->execute(
               QStringLiteral("INSERT INTO fills SELECT i, %2, i / 8.0, i * 3, CASE WHEN i % 7 = 0 THEN "
                              "NULL ELSE 'n' || i END, '\\x00ff27'::bytea FROM generate_series(1, %1) i")
                   .arg(rows)
                   .arg(venue));
}

ColumnInfo column(const QString& name, const QString& type, int pk = 0)
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.notNull = pk > 0;
    c.primaryKeyPosition = pk;
    return c;
}

TableInfo fillsTable(const QString& schema)
{
    TableInfo t;
    t.schema = schema;
    t.name = QStringLiteral("fills");
    t.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER"), 1),
                 column(QStringLiteral("venue"), QStringLiteral("TEXT")),
                 column(QStringLiteral("price"), QStringLiteral("REAL")),
                 column(QStringLiteral("qty"), QStringLiteral("INTEGER")),
                 column(QStringLiteral("note"), QStringLiteral("TEXT")),
                 column(QStringLiteral("raw"), QStringLiteral("BLOB"))};
    return t;
}

QByteArray toolCsv(const Scratch& scratch, const QString& folder)
{
    QProcess tool;
    const QString file = QDir(folder).filePath(QStringLiteral("tool.csv"));
    if (scratch.isSqlite()) {
        tool.setStandardOutputFile(file);
        tool.start(QStringLiteral("sqlite3"),
                   {QStringLiteral("-csv"), QStringLiteral("-header"), scratch.sqlite->path(),
                    QStringLiteral("SELECT * FROM fills")});
    } else {
        tool.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-d"), scratch.url, QStringLiteral("-c"),
                    QStringLiteral("\\copy fills to '%1' csv header").arg(file)});
    }
    if (!tool.waitForFinished(300000) || tool.exitCode() != 0)
        return {};
    QFile read(file);
    return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<strata::Error>(); }

    void exportAndCopyFromTheDataTab_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    void exportAndCopyFromTheDataTab()
    {
        QFETCH(QString, engine);
        Scratch scratch;
        QVERIFY(scratch.open(engine));
        QVERIFY(fill(scratch, 1000000));
        DataGridPage page(*ConnectionUrl::parse(scratch.url),
                          fillsTable(scratch.isSqlite() ? QStringLiteral("main") : QStringLiteral("public")));
        page.resize(1024, 700);
        page.show();
        QVERIFY(waitUntil([&] { return page.model()->isRowLoaded(0) && page.model()->isRowLoaded(7); }));

        // Copy: ids and quantities of the first two rows; a NULL is an empty cell; binary as \x and hex.
        QTableView* view = page.view();
        view->setSelectionBehavior(QAbstractItemView::SelectItems);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        auto* selection = view->selectionModel();
        auto select = [&](int row, int column) {
            selection->select(view->model()->index(row, column), QItemSelectionModel::Select);
        };
        select(0, 0);
        select(0, 3);
        select(1, 0);
        select(1, 3);
        page.gridExport()->copyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("1\t\t\t3\n2\t\t\t6\n"));
        page.gridExport()->copyWithNamesAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("id\tvenue\tprice\tqty\n1\t\t\t3\n2\t\t\t6\n"));
        selection->clearSelection();
        select(6, 4);
        select(6, 5);
        page.gridExport()->copyAction()->trigger();
        // SQLite's Data tab reads a blob's length only: the copy says what the grid shows (Export has the
        // bytes); PostgreSQL's grid reads bytea as its \x text, which is copied as it is.
        QCOMPARE(QApplication::clipboard()->text(),
                 scratch.isSqlite() ? QStringLiteral("\t<blob 3 bytes>\n") : QStringLiteral("\t\\x00ff27\n"));

        QTemporaryDir folder;
        // A folder that does not exist is named at once; nothing runs.
        ExportDialog* bad = page.gridExport()->openDialog();
        bad->fileField()->setText(folder.filePath(QStringLiteral("missing/fills.csv")));
        bad->exportButton()->click();
        QVERIFY(!bad->isRunning());
        QVERIFY2(bad->banner()->text().contains(QStringLiteral("does not exist")),
                 qPrintable(bad->banner()->text()));
        bad->close();

        // The export of a million rows.
        ExportDialog* dialog = page.gridExport()->openDialog();
        const QString target = folder.filePath(QStringLiteral("fills.csv"));
        dialog->fileField()->setText(target);
        QSignalSpy finished(dialog, &ExportDialog::exportFinished);
        dialog->exportButton()->click();
        QVERIFY(dialog->isRunning());
        QVERIFY(dialog->cancelButton()->isEnabled());
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog->banner()->text()));
        QVERIFY2(dialog->outcomeLabel()->text().contains(QLocale().toString(1000000)),
                 qPrintable(dialog->outcomeLabel()->text()));
        QVERIFY(dialog->outcomeLabel()->text().contains(target));
        const QByteArray theirs = toolCsv(scratch, folder.path());
        QVERIFY(!theirs.isEmpty());
        const QByteArray ours = contents(target);
        QCOMPARE(ours.size(), theirs.size());
        QVERIFY(ours == theirs);
        QVERIFY(keepScreenshots(*dialog, QStringLiteral("export-dialog-%1").arg(engine), asOpened(*dialog)));

        // Cancel: a JSON export of the same rows takes long enough to be stopped; no file is left.
        dialog->formatChooser()->setCurrentIndex(dialog->formatChooser()->findData(int(ExportFormat::Json)));
        QCOMPARE(QFileInfo(dialog->fileField()->text()).suffix(), QStringLiteral("json"));
        finished.clear();
        dialog->exportButton()->click();
        QTest::qWait(300);
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        dialog->cancelButton()->click();
        QVERIFY(finished.wait(10000));
        QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog->banner()->text().contains(QStringLiteral("cancelled")),
                 qPrintable(dialog->banner()->text()));
        QVERIFY(!QFileInfo::exists(dialog->fileField()->text()));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("fills.csv"), QStringLiteral("tool.csv")}));
        QVERIFY(keepScreenshots(*dialog, QStringLiteral("export-dialog-cancelled-%1").arg(engine),
                                asOpened(*dialog)));

        // Closing the dialog mid-export cancels it without waiting: the dialog hides at once and goes once
        // the worker has stopped; no file is left.
        QPointer<ExportDialog> closing = dialog;
        finished.clear();
        dialog->exportButton()->click();
        QTest::qWait(200);
        QElapsedTimer closeTime;
        closeTime.start();
        dialog->close();
        QVERIFY2(closeTime.elapsed() < 100, qPrintable(QString::number(closeTime.elapsed())));
        QVERIFY(!dialog->isVisible());
        QVERIFY(waitUntil([&] { return closing.isNull(); }, 5000));
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("fills.json"))));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
