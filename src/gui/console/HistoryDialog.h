#pragma once

#include <QDialog>

#include "connection/ConnectionUrl.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace strata {

/// The statements run on one database, newest first, filtered as the operator types (every word must
/// appear). A double-click (or Enter) puts the statement back into the editor. Passwords were taken out
/// before the history was kept (QueryHistory).
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(ConnectionUrl url, QWidget* parent = nullptr);

    QLineEdit* filterField() const { return m_filter; }
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void chosen(const QString& sql);

private:
    void fill();
    void take(QListWidgetItem* item);

    ConnectionUrl m_url;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QLabel* m_count;
    bool m_taken = false;
};

} // namespace strata
