#pragma once

// What the console's GUI tests share: a scratch database of either engine with a fills table
// (ScratchEngine.h), and waiting for the event loop without blocking the workers.

#include <functional>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtTest>

#include "ScratchEngine.h"
#include "console/QueryTab.h"
#include "console/SqlEditor.h"

namespace strata::test {

inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

/// The rows of a data-driven test: one per engine.
inline void engines()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

/// Runs the editor's text (or the statement under the cursor) and waits for the run to end.
inline bool runAndWait(QueryTab& tab, const QString& sql, bool script = false, int timeoutMs = 60000)
{
    tab.editor()->setPlainText(sql);
    QSignalSpy ended(&tab, &QueryTab::runEnded);
    if (script)
        tab.runScript();
    else
        tab.runCurrent();
    return waitUntil([&] { return !ended.isEmpty(); }, timeoutMs);
}

} // namespace strata::test
