#pragma once

#include <optional>

#include <QWidget>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The SQL editor: a tab per query on the open database.
class ConsolePage : public QWidget
{
    Q_OBJECT

public:
    explicit ConsolePage(QWidget* parent = nullptr);

    /// The database the window opened (nothing is read until the page is shown).
    void load(const ConnectionUrl& url);
    /// No database is open.
    void clear();

private:
    std::optional<ConnectionUrl> m_url;
};

} // namespace strata
