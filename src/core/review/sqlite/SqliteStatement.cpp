#include "review/sqlite/SqliteStatement.h"

#include "schema/SqliteDdl.h"
#include "schema/SqliteTokens.h"

namespace strata {

namespace {

using Kind = SqliteStatement::Kind;

/// Reads one statement's tokens from left to right.
class Reader
{
public:
    explicit Reader(const QString& sql) : m_t(sql) {}

    const SqliteTokens& tokens() const { return m_t; }
    int pos() const { return m_i; }
    void seek(int i) { m_i = i; }
    bool atEnd() const { return m_i >= m_t.size() || m_t.isSymbol(m_i, ';'); }
    bool word(const char* w, int ahead = 0) const { return m_t.isWord(m_i + ahead, QLatin1StringView(w)); }
    /// Consumes `w` when it is next.
    bool take(const char* w)
    {
        if (!word(w))
            return false;
        ++m_i;
        return true;
    }
    /// A name: a bare word or any quoted name ("x", `x`, [x], 'x').
    bool isName(int i) const
    {
        if (i >= m_t.size())
            return false;
        const auto kind = m_t.at(i).kind;
        return kind == SqliteToken::Kind::Word || kind == SqliteToken::Kind::Name ||
               kind == SqliteToken::Kind::String;
    }
    QString nameAt(int i) const { return isName(i) ? SqliteDdl::unquote(m_t.text(i, i)) : QString(); }
    /// `[schema.]name`; returns the name and sets `schema`.
    QString qualifiedName(QString* schema)
    {
        if (!isName(m_i))
            return {};
        if (m_t.isSymbol(m_i + 1, '.') && isName(m_i + 2)) {
            if (schema)
                *schema = nameAt(m_i);
            m_i += 3;
            return nameAt(m_i - 1);
        }
        return nameAt(m_i++);
    }
    void skipIfExists(SqliteStatement& s)
    {
        if (word("IF") && word("EXISTS", 1)) {
            s.ifExists = true;
            m_i += 2;
        } else if (word("IF") && word("NOT", 1) && word("EXISTS", 2)) {
            m_i += 3;
        }
    }
    /// The first token from `from` on at depth 0 that is one of `words`; size() when none.
    int findTopWord(int from, std::initializer_list<const char*> words) const
    {
        for (int i = from; i < m_t.size(); ++i) {
            if (m_t.at(i).depth != 0 || m_t.at(i).kind != SqliteToken::Kind::Word)
                continue;
            for (const char* w : words)
                if (m_t.isWord(i, QLatin1StringView(w)))
                    return i;
        }
        return m_t.size();
    }
    /// The last token of the statement before its closing semicolon.
    int lastToken() const
    {
        int last = m_t.size() - 1;
        while (last >= 0 && m_t.isSymbol(last, ';'))
            --last;
        return last;
    }

private:
    SqliteTokens m_t;
    int m_i = 0;
};

void readCreate(Reader& r, SqliteStatement& s)
{
    if (r.take("TEMP") || r.take("TEMPORARY"))
        s.temporary = true;
    const bool unique = r.take("UNIQUE");
    r.take("VIRTUAL");
    if (r.take("TABLE")) {
        s.kind = Kind::CreateTable;
    } else if (r.take("INDEX")) {
        s.kind = Kind::CreateIndex;
        s.unique = unique;
    } else if (r.take("VIEW")) {
        s.kind = Kind::CreateView;
    } else if (r.take("TRIGGER")) {
        s.kind = Kind::CreateTrigger;
    } else {
        return;
    }
    r.skipIfExists(s);
    s.name = r.qualifiedName(&s.schema);
    if (s.kind == Kind::CreateTable) {
        s.table = s.name;
    } else if (s.kind == Kind::CreateIndex && r.take("ON")) {
        s.table = r.qualifiedName(nullptr);
    } else if (s.kind == Kind::CreateTrigger) {
        const int on = r.findTopWord(r.pos(), {"ON"});
        r.seek(on + 1);
        s.table = r.qualifiedName(nullptr);
    }
}

void readDrop(Reader& r, SqliteStatement& s)
{
    if (r.take("TABLE"))
        s.kind = Kind::DropTable;
    else if (r.take("INDEX"))
        s.kind = Kind::DropIndex;
    else if (r.take("VIEW"))
        s.kind = Kind::DropView;
    else if (r.take("TRIGGER"))
        s.kind = Kind::DropTrigger;
    else
        return;
    r.skipIfExists(s);
    s.name = r.qualifiedName(&s.schema);
    if (s.kind == Kind::DropTable)
        s.table = s.name;
}

void unsupported(Reader& r, SqliteStatement& s, int words)
{
    s.kind = Kind::AlterUnsupported;
    QStringList text;
    for (int k = 0; k < words && r.isName(r.pos() + k); ++k)
        text << r.tokens().text(r.pos() + k, r.pos() + k).toUpper();
    s.unsupported = text.join(QLatin1Char(' '));
}

void readAlter(Reader& r, SqliteStatement& s)
{
    if (!r.take("TABLE"))
        return;
    s.table = r.qualifiedName(&s.schema);
    if (r.take("RENAME")) {
        if (r.take("TO")) {
            s.kind = Kind::RenameTable;
            s.newName = r.nameAt(r.pos());
            return;
        }
        r.take("COLUMN");
        s.kind = Kind::RenameColumn;
        s.column = r.nameAt(r.pos());
        r.seek(r.pos() + 1);
        if (r.take("TO"))
            s.newName = r.nameAt(r.pos());
        return;
    }
    if (r.word("ADD")) {
        // ADD CONSTRAINT / PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK: table constraints SQLite cannot add.
        for (const char* w : {"CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "INDEX", "KEY"})
            if (r.word(w, 1))
                return unsupported(r, s, 2);
        r.seek(r.pos() + 1);
        r.take("COLUMN");
        s.kind = Kind::AddColumn;
        s.added = SqliteColumnDefinition::read(r.tokens(), r.pos(), r.lastToken());
        s.columnText = r.tokens().text(r.pos(), r.lastToken());
        s.column = s.added.name;
        return;
    }
    if (r.word("DROP")) {
        for (const char* w : {"CONSTRAINT", "PRIMARY", "FOREIGN", "INDEX", "KEY", "CHECK", "DEFAULT"})
            if (r.word(w, 1))
                return unsupported(r, s, 2);
        r.seek(r.pos() + 1);
        r.take("COLUMN");
        s.kind = Kind::DropColumn;
        s.column = r.nameAt(r.pos());
        return;
    }
    unsupported(r, s, 2); // ALTER COLUMN, MODIFY, CHANGE, SET, OWNER TO, ...
}

/// `[AS] alias [INDEXED BY i | NOT INDEXED]` after an UPDATE's or DELETE's table.
void readAlias(Reader& r, SqliteStatement& s)
{
    const bool as = r.take("AS");
    const bool keyword = r.word("SET") || r.word("WHERE") || r.word("INDEXED") || r.word("NOT") ||
                         r.word("RETURNING") || r.word("ORDER") || r.word("LIMIT");
    if ((as || !keyword) && !r.atEnd() && r.isName(r.pos())) {
        s.alias = r.nameAt(r.pos());
        r.seek(r.pos() + 1);
    }
}

/// WHERE, LIMIT and FROM at depth 0 from the current position (subqueries are deeper).
void readWhere(Reader& r, SqliteStatement& s)
{
    const SqliteTokens& t = r.tokens();
    const int where = r.findTopWord(r.pos(), {"WHERE"});
    s.hasFrom = r.findTopWord(r.pos(), {"FROM"}) < where;
    if (where < t.size()) {
        s.hasWhere = true;
        s.whereAt = t.at(where).begin;
        const int end = qMin(r.findTopWord(where + 1, {"RETURNING", "ORDER", "LIMIT"}), r.lastToken() + 1);
        s.where = t.text(where + 1, end - 1);
    }
    s.hasLimit = r.findTopWord(r.pos(), {"LIMIT"}) < t.size();
}

/// The `column = expression` items of an UPDATE's SET, up to its FROM, WHERE, RETURNING, ORDER or LIMIT.
void readAssignments(Reader& r, SqliteStatement& s)
{
    const SqliteTokens& t = r.tokens();
    const int set = r.findTopWord(r.pos(), {"SET"});
    if (set >= t.size())
        return;
    const int end =
        qMin(r.findTopWord(set + 1, {"FROM", "WHERE", "RETURNING", "ORDER", "LIMIT"}), r.lastToken() + 1);
    int first = set + 1;
    for (int i = set + 1; i <= end; ++i) {
        if (i < end && !(t.isSymbol(i, ',') && t.at(i).depth == 0))
            continue;
        int equals = first;
        while (equals < i && !(t.isSymbol(equals, '=') && t.at(equals).depth == 0))
            ++equals;
        if (equals < i)
            s.assignments.append({t.text(first, equals - 1), t.text(equals + 1, i - 1)});
        first = i + 1;
    }
}

void readUpdate(Reader& r, SqliteStatement& s)
{
    s.kind = Kind::Update;
    if (r.take("OR"))
        r.seek(r.pos() + 1);
    s.table = r.qualifiedName(&s.schema);
    readAlias(r, s);
    readAssignments(r, s);
    readWhere(r, s);
}

void readDelete(Reader& r, SqliteStatement& s)
{
    if (!r.take("FROM"))
        return;
    s.kind = Kind::Delete;
    s.table = r.qualifiedName(&s.schema);
    readAlias(r, s);
    readWhere(r, s);
}

void readInsert(Reader& r, SqliteStatement& s)
{
    s.kind = Kind::Insert;
    if (r.take("OR"))
        r.seek(r.pos() + 1);
    if (!r.take("INTO"))
        return;
    s.table = r.qualifiedName(&s.schema);
    const int select = r.findTopWord(r.pos(), {"SELECT", "VALUES", "DEFAULT"});
    if (select >= r.tokens().size() || !r.tokens().isWord(select, QLatin1StringView("SELECT")))
        return;
    s.insertSelect = true;
    const int from = r.findTopWord(select + 1, {"FROM"});
    r.seek(from + 1);
    if (from < r.tokens().size())
        s.sourceTable = r.qualifiedName(nullptr);
}

void readPragma(Reader& r, SqliteStatement& s)
{
    s.kind = Kind::Pragma;
    QString schema;
    s.pragma = r.qualifiedName(&schema).toLower();
    s.schema = schema;
    const SqliteTokens& t = r.tokens();
    const int i = r.pos();
    if (t.isSymbol(i, '='))
        s.pragmaValue = t.text(i + 1, r.lastToken());
    else if (t.isSymbol(i, '('))
        s.pragmaValue = t.text(i + 1, t.closing(i) - 1);
}

} // namespace

SqliteStatement SqliteStatement::classify(const QString& sql)
{
    SqliteStatement s;
    Reader r(sql);
    const int last = r.lastToken();
    s.bodyEnd = last >= 0 ? r.tokens().at(last).end : 0;
    if (r.word("WITH")) // a common table expression before INSERT, UPDATE, DELETE or SELECT
        r.seek(r.findTopWord(1, {"INSERT", "REPLACE", "UPDATE", "DELETE", "SELECT"}));
    if (r.take("CREATE")) {
        readCreate(r, s);
    } else if (r.take("DROP")) {
        readDrop(r, s);
    } else if (r.take("ALTER")) {
        readAlter(r, s);
    } else if (r.take("UPDATE")) {
        readUpdate(r, s);
    } else if (r.take("DELETE")) {
        readDelete(r, s);
    } else if (r.take("INSERT")) {
        readInsert(r, s);
    } else if (r.word("REPLACE")) {
        r.seek(r.pos() + 1);
        readInsert(r, s);
    } else if (r.take("VACUUM")) {
        s.kind = Kind::Vacuum;
        s.vacuumInto = r.findTopWord(r.pos(), {"INTO"}) < r.tokens().size();
    } else if (r.take("PRAGMA")) {
        readPragma(r, s);
    } else {
        for (const char* w : {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
            if (r.word(w))
                s.kind = Kind::Transaction;
    }
    return s;
}

QString SqliteStatement::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Other:
        return QStringLiteral("statement");
    case Kind::CreateTable:
        return QStringLiteral("CREATE TABLE");
    case Kind::CreateIndex:
        return QStringLiteral("CREATE INDEX");
    case Kind::CreateView:
        return QStringLiteral("CREATE VIEW");
    case Kind::CreateTrigger:
        return QStringLiteral("CREATE TRIGGER");
    case Kind::DropTable:
        return QStringLiteral("DROP TABLE");
    case Kind::DropIndex:
        return QStringLiteral("DROP INDEX");
    case Kind::DropView:
        return QStringLiteral("DROP VIEW");
    case Kind::DropTrigger:
        return QStringLiteral("DROP TRIGGER");
    case Kind::AddColumn:
        return QStringLiteral("ALTER TABLE ... ADD COLUMN");
    case Kind::DropColumn:
        return QStringLiteral("ALTER TABLE ... DROP COLUMN");
    case Kind::RenameColumn:
        return QStringLiteral("ALTER TABLE ... RENAME COLUMN");
    case Kind::RenameTable:
        return QStringLiteral("ALTER TABLE ... RENAME TO");
    case Kind::AlterUnsupported:
        return QStringLiteral("ALTER TABLE");
    case Kind::Insert:
        return QStringLiteral("INSERT");
    case Kind::Update:
        return QStringLiteral("UPDATE");
    case Kind::Delete:
        return QStringLiteral("DELETE");
    case Kind::Vacuum:
        return QStringLiteral("VACUUM");
    case Kind::Pragma:
        return QStringLiteral("PRAGMA");
    case Kind::Transaction:
        return QStringLiteral("transaction control");
    }
    return {};
}

} // namespace strata
