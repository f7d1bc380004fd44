#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// Two texts line by line, aligned for showing side by side: the applied text of a step on the left, its
/// current file on the right. Lines come from dtl's shortest edit script (libdtl-dev).
class SideBySideDiff
{
public:
    enum class Change {
        Same,    ///< the line is in both texts
        Removed, ///< only on the left: the right side is a filler line
        Added,   ///< only on the right: the left side is a filler line
        Changed, ///< a left line replaced by a right line
    };

    struct Row
    {
        Change change = Change::Same;
        QString left;  ///< empty for an added line
        QString right; ///< empty for a removed line
    };

    SideBySideDiff(const QString& left, const QString& right);

    const QList<Row>& rows() const { return m_rows; }
    /// Rows that are not the same on both sides.
    qsizetype changedRows() const;

private:
    QList<Row> m_rows;
};

} // namespace strata
