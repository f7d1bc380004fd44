#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "backup/BackupCatalog.h"

using namespace strata;

/// The backup catalog as a damaged or hand-edited strata-backups.json can leave it: whatever an entry says,
/// retention deletes nothing outside the backup folder, nor the folder or the catalog itself.
class TestBackupCatalog : public QObject
{
    Q_OBJECT

private:
    static void writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    static QJsonObject entry(const QString& id, const QJsonValue& file, const QString& createdAt,
                             bool verified)
    {
        QJsonObject o{{QStringLiteral("id"), id},
                      {QStringLiteral("created_at"), createdAt},
                      {QStringLiteral("database"), QStringLiteral("sqlite:/var/lib/risk-manager/state.db")},
                      {QStringLiteral("verified"), verified}};
        if (!file.isUndefined())
            o.insert(QStringLiteral("file"), file);
        return o;
    }

private Q_SLOTS:
    void anEntryNamingNoBackupInTheFolderIsDamage_data()
    {
        QTest::addColumn<QJsonValue>("file");
        QTest::newRow("no file") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("empty file") << QJsonValue(QString());
        QTest::newRow("parent folder") << QJsonValue(QStringLiteral("../keep.db"));
        QTest::newRow("absolute path") << QJsonValue(QStringLiteral("ABSOLUTE"));
        QTest::newRow("the catalog") << QJsonValue(QStringLiteral("strata-backups.json"));
    }

    void anEntryNamingNoBackupInTheFolderIsDamage()
    {
        QFETCH(QJsonValue, file);
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(folder));
        const QString outside = root.filePath(QStringLiteral("keep.db"));
        if (file.toString() == QLatin1String("ABSOLUTE"))
            file = outside;
        writeFile(outside, "the operator's own file");
        writeFile(folder + QStringLiteral("/20261121-140212-state.db"), "newest, verified");
        writeFile(folder + QStringLiteral("/20261120-080000-state.db"), "older");
        const QJsonArray backups{
            entry(QStringLiteral("20261121-140212-state"), QStringLiteral("20261121-140212-state.db"),
                  QStringLiteral("2026-11-21T14:02:12.418Z"), true),
            entry(QStringLiteral("20261120-080000-state"), QStringLiteral("20261120-080000-state.db"),
                  QStringLiteral("2026-11-20T08:00:00.000Z"), false),
            entry(QStringLiteral("20261119-070000-state"), file, QStringLiteral("2026-11-19T07:00:00.000Z"),
                  false)};
        const QByteArray catalogBytes =
            QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("backups"), backups}})
                .toJson();
        writeFile(folder + QStringLiteral("/strata-backups.json"), catalogBytes);

        BackupCatalog catalog(folder);
        // Retention over this database keeps one backup: the other two entries would be deleted.
        const auto removed =
            catalog.applyRetention(QStringLiteral("sqlite:/var/lib/risk-manager/state.db"), {30, 1});
        QVERIFY2(!removed.ok(), "retention ran over an entry that names no backup in the folder");
        QCOMPARE(removed.error().code, ExitCode::Failed);
        QVERIFY2(removed.error().what.contains(QStringLiteral("damaged")), qPrintable(removed.error().what));
        QVERIFY2(removed.error().what.contains(QStringLiteral("20261119-070000-state")),
                 qPrintable(removed.error().what));
        QVERIFY(!removed.error().next.isEmpty());

        QVERIFY(QFile::exists(outside));
        QVERIFY(QFile::exists(folder + QStringLiteral("/20261121-140212-state.db")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/20261120-080000-state.db")));
        QFile catalogFile(folder + QStringLiteral("/strata-backups.json"));
        QVERIFY(catalogFile.open(QIODevice::ReadOnly));
        QCOMPARE(catalogFile.readAll(), catalogBytes);
        QVERIFY(!catalog.list().ok());
    }

    void backupsInTheFolderAreStillListedAndRetained()
    {
        QTemporaryDir root;
        const QString folder = root.path();
        writeFile(folder + QStringLiteral("/20261121-140212-state.db"), "newest, verified");
        writeFile(folder + QStringLiteral("/20261120-080000-state.db"), "older");
        const QJsonArray backups{
            entry(QStringLiteral("20261121-140212-state"), QStringLiteral("20261121-140212-state.db"),
                  QStringLiteral("2026-11-21T14:02:12.418Z"), true),
            entry(QStringLiteral("20261120-080000-state"), QStringLiteral("20261120-080000-state.db"),
                  QStringLiteral("2026-11-20T08:00:00.000Z"), false)};
        writeFile(
            folder + QStringLiteral("/strata-backups.json"),
            QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("backups"), backups}})
                .toJson());
        BackupCatalog catalog(folder);
        const auto listed = catalog.list();
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().toText()));
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().path, folder + QStringLiteral("/20261121-140212-state.db"));
        const auto removed =
            catalog.applyRetention(QStringLiteral("sqlite:/var/lib/risk-manager/state.db"), {30, 1});
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toText()));
        QCOMPARE(removed->size(), 1);
        QCOMPARE(removed->first().id, QStringLiteral("20261120-080000-state"));
        QVERIFY(!QFile::exists(folder + QStringLiteral("/20261120-080000-state.db")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/20261121-140212-state.db")));
    }

    // Two entries with one id (a catalog edited or merged by hand): updating one after a verify made the
    // other a copy of it, and the other backup was no longer listed.
    void updateChangesOnlyThatBackup()
    {
        QTemporaryDir root;
        const QString folder = root.path();
        const QJsonArray backups{
            entry(QStringLiteral("20261121-140212-state"), QStringLiteral("20261121-140212-state.db"),
                  QStringLiteral("2026-11-21T14:02:12.418Z"), false),
            entry(QStringLiteral("20261121-140212-state"), QStringLiteral("20261121-140212-state_2.db"),
                  QStringLiteral("2026-11-21T14:02:12.900Z"), false)};
        writeFile(
            folder + QStringLiteral("/strata-backups.json"),
            QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("backups"), backups}})
                .toJson());
        BackupCatalog catalog(folder);
        auto listed = catalog.list();
        QVERIFY(listed.ok());
        BackupRecord verified = listed->last();
        QCOMPARE(verified.file, QStringLiteral("20261121-140212-state.db"));
        verified.verified = true;
        QVERIFY(catalog.update(verified).ok());

        listed = catalog.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().file, QStringLiteral("20261121-140212-state_2.db"));
        QVERIFY(!listed->first().verified);
        QCOMPARE(listed->last().file, QStringLiteral("20261121-140212-state.db"));
        QVERIFY(listed->last().verified);
    }
};

QTEST_GUILESS_MAIN(TestBackupCatalog)
#include "tst_backup_catalog.moc"
