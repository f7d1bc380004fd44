#pragma once

#include <QString>

class QWidget;

namespace strata {

/// Help > About Strata: what it is for, and the versions a bug report needs (Strata, Qt, SQLite, libpq).
class AboutBox
{
public:
    /// The box's text (rich text), with the versions of the libraries this process runs with.
    static QString text();
    static void show(QWidget* parent);
};

} // namespace strata
