#pragma once

#include <functional>
#include <memory>

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>

#include "Screenshots.h"

/// Answers the questions the desktop app asks, on the real message boxes, for the GUI tests.
namespace strata::test {

/// Picks the button of a message box to click (nullptr: the box does not offer the answer wanted).
using ButtonChoice = std::function<QAbstractButton*(QMessageBox&)>;

inline ButtonChoice standardButton(QMessageBox::StandardButton button)
{
    return [button](QMessageBox& box) -> QAbstractButton* { return box.button(button); };
}

inline ButtonChoice buttonNamed(const QString& objectName)
{
    return [objectName](QMessageBox& box) { return box.findChild<QAbstractButton*>(objectName); };
}

/// Answers the next message box that opens within `timeoutMs` with the button `choose` picks, keeps its text
/// in `said`, and starts `answeredAt` as it clicks. A box without that button is closed with Escape and
/// `said` gets "(no such answer) " in front, so that a test expecting an answer the box lacks fails, never
/// hangs. With `screenshot`, the box is kept as that picture first (Screenshots.h; only with
/// STRATA_SCREENSHOT_DIR set).
inline void answerNextMessageBox(ButtonChoice choose, QString* said, QElapsedTimer* answeredAt = nullptr,
                                 int timeoutMs = 5000, const QString& screenshot = {},
                                 std::shared_ptr<QElapsedTimer> waited = {})
{
    if (!waited) {
        waited = std::make_shared<QElapsedTimer>();
        waited->start();
    }
    QTimer::singleShot(10, [choose, said, answeredAt, timeoutMs, screenshot, waited] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (waited->elapsed() < timeoutMs)
                answerNextMessageBox(choose, said, answeredAt, timeoutMs, screenshot, waited);
            return;
        }
        *said = box->text();
        if (!screenshot.isEmpty())
            keepScreenshots(*box, screenshot, asOpened(*box));
        QAbstractButton* button = choose(*box);
        if (!button) {
            said->prepend(QStringLiteral("(no such answer) "));
            box->reject();
            return;
        }
        if (answeredAt)
            answeredAt->start();
        button->click();
    });
}

} // namespace strata::test
