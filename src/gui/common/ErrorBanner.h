#pragma once

#include <QFrame>

#include "common/Error.h"

class QLabel;

namespace strata {

/// A banner at the top of a page that says what happened, what was left unchanged and what to do next:
/// errors are shown where the operator looks, never in a dialog that blocks the window.
class ErrorBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showError(const Error& error);
    void showNotice(const QString& text);
    void clear();
    QString text() const;

private:
    QLabel* m_label;
};

} // namespace strata
