#pragma once

#include <optional>

#include <QWidget>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The server's sessions and locks (PostgreSQL), the file's users and WAL (SQLite).
class SessionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionsPage(QWidget* parent = nullptr);

    /// The database the window opened (nothing is read until the page is shown).
    void load(const ConnectionUrl& url);
    /// No database is open.
    void clear();

private:
    std::optional<ConnectionUrl> m_url;
};

} // namespace strata
