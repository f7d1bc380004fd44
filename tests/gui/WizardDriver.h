#pragma once

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QWizard>
#include <QtTest>

#include "demo/RiskStateDemo.h"
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

} // namespace strata::test::wizard
