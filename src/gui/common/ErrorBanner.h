#pragma once

#include <QFrame>

#include "common/Error.h"

class QLabel;
class QToolButton;

namespace strata {

/// A banner at the top of a page that says what happened, what was left unchanged and what to do next:
/// errors are shown where the operator looks, never in a dialog that blocks the window. The advice names the
/// app's own menu items (MenuRemedy), and what follows the first line of an error (the database's own
/// message, the lines of a log) waits behind Details.
class ErrorBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showError(const Error& error);
    void showNotice(const QString& text);
    void clear();
    QString text() const;
    /// The lines behind Details (empty when there are none).
    QString details() const;

private:
    QLabel* m_label;
    QToolButton* m_showDetails;
    QLabel* m_details;
    bool m_isError = true; ///< an error (red) or a notice (blue): restyled as such on a theme switch
};

} // namespace strata
