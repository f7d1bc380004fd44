#pragma once

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QWizard>
#include <QtTest>

#include "demo/RiskStateDemo.h"
#include "jobs/RunSession.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
#include "wizard/RunPage.h"

/// What the desktop app's tests share to drive the migration wizard on the real widgets.
namespace strata::test::wizard {

/// The page's phase has ended, one way or the other (the plan's review included).
inline bool phaseEnded(QWizard& wizard, int id, int timeoutMs = 30000)
{
    auto* page = qobject_cast<RunPage*>(wizard.page(id));
    QElapsedTimer timer;
    timer.start();
    for (auto* plan = qobject_cast<PlanPage*>(wizard.page(id)); plan && plan->isReviewing();) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    while (page && (page->state() == RunPage::State::Running || page->state() == RunPage::State::Waiting)) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

/// The bundled risk_state set, copied into `folder` where a test may change it; returns `folder`.
inline QString copyOfTheBundledSet(const QString& folder)
{
    const QString source = RiskStateDemo::bundledSet();
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(folder).filePath(QDir(source).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(file, target);
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    return folder;
}

/// A statement SQLite spends minutes on (a counter to three billion): a step's long data backfill.
inline const QByteArray longSqliteStatement =
    "\nCREATE TABLE backfill_marker AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
    "WHERE x < 3000000000) SELECT count(*) AS n FROM c;\n";

/// Appends `text` to the file of a step.
inline bool appendToStep(const QString& file, const QByteArray& text)
{
    QFile f(file);
    return f.open(QIODevice::Append) && f.write(text) == text.size();
}

/// The bundled strategy set, copied into `folder` with `statement` at the end of its first PostgreSQL step
/// (after its tables); returns `folder`, or an empty string when the copy failed.
inline QString copyOfTheStrategySetWith(const QString& folder, const QByteArray& statement)
{
    const QString source = QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy");
    QString firstStep;
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString copy = QDir(folder).filePath(QDir(source).relativeFilePath(file));
        QDir().mkpath(QFileInfo(copy).absolutePath());
        if (!QFile::copy(file, copy))
            return {};
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        if (copy.endsWith(QLatin1String(".postgresql.sql")) && (firstStep.isEmpty() || copy < firstStep))
            firstStep = copy;
    }
    return !firstStep.isEmpty() && appendToStep(firstStep, statement) ? folder : QString();
}

/// Walks the wizard to the Apply page and waits until step `slot` has started.
inline void runUntilStep(MigrationWizard& wizard, const QString& slot)
{
    QSignalSpy started(&wizard.session(), &RunSession::stepStarted);
    for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup, MigrationWizard::Plan}) {
        QVERIFY(phaseEnded(wizard, id, 60000));
        QVERIFY2(wizard.currentPage()->isComplete(), qPrintable(QString::number(id)));
        wizard.button(QWizard::CommitButton)->click();
    }
    QCOMPARE(wizard.currentId(), int(MigrationWizard::Apply));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(started.cbegin(), started.cend(),
                    [&](const QList<QVariant>& s) { return s.at(0).toString() == slot; }),
        30000);
}

} // namespace strata::test::wizard
