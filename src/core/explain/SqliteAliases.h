#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace strata {

/// The names a SQLite statement gives its tables ("FROM orders o JOIN fills AS f"), read from its tokens:
/// SQLite's EXPLAIN QUERY PLAN names a table by its alias ("SCAN o"), and the link to the table's index map
/// and the index advice need the table itself. Also the words of the statement that could be column names,
/// the candidates the index advice tries.
class SqliteAliases
{
public:
    explicit SqliteAliases(const QString& sql);

    /// The table `name` stands for (case-insensitive); `name` itself when it is no alias.
    QString table(const QString& name) const;
    /// Every bare or quoted identifier of the statement outside strings and comments, lower case.
    const QStringList& words() const { return m_words; }

private:
    QHash<QString, QString> m_tables; ///< alias (lower case) -> table as written
    QStringList m_words;
};

} // namespace strata
