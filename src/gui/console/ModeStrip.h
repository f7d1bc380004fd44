#pragma once

#include <QLabel>

namespace strata {

/// The line above a console editor that says what running a statement may do: read-only (the database
/// refuses changes), write mode (amber), or write mode on a production database (red: every change asks
/// before it is committed). Restyled when View > Theme switches.
class ModeStrip : public QLabel
{
    Q_OBJECT

public:
    explicit ModeStrip(QWidget* parent = nullptr);

    void show(bool writeMode, bool production, const QString& database);
    bool writeMode() const { return m_write; }

private:
    void restyle();

    bool m_write = false;
    bool m_production = false;
};

} // namespace strata
