#include "review/sqlite/SqliteStepReviewer.h"

#include "review/sqlite/SqliteAlterRules.h"
#include "review/sqlite/SqliteLockRules.h"

namespace strata {

namespace {

using Kind = SqliteStatement::Kind;

} // namespace

SqliteStepReviewer::SqliteStepReviewer(StepReview& review, ReviewContext& context)
    : m_findings(review, context)
{}

Status SqliteStepReviewer::run()
{
    for (const SqliteRebuild& r : m_findings.rebuilds())
        if (Status done = SqliteLockRules::rebuild(m_findings, r); !done)
            return done;
    for (const SqliteStepStatement& s : m_findings.statements()) {
        Status done;
        switch (s.what.kind) {
        case Kind::AlterUnsupported:
            SqliteAlterRules::alterUnsupported(m_findings, s);
            break;
        case Kind::AddColumn:
            SqliteAlterRules::addColumn(m_findings, s);
            break;
        case Kind::DropColumn:
            done = SqliteAlterRules::dropColumn(m_findings, s);
            break;
        case Kind::RenameColumn:
            SqliteAlterRules::renameColumn(m_findings, s);
            break;
        case Kind::RenameTable:
            SqliteAlterRules::renameTable(m_findings, s);
            break;
        case Kind::DropTable:
            SqliteAlterRules::dropTable(m_findings, s);
            break;
        case Kind::CreateIndex:
            SqliteLockRules::createIndex(m_findings, s);
            break;
        case Kind::Update:
        case Kind::Delete:
            done = SqliteLockRules::write(m_findings, s);
            break;
        case Kind::Vacuum:
            SqliteLockRules::vacuum(m_findings, s);
            break;
        default:
            break;
        }
        if (!done)
            return done;
    }
    return {};
}

} // namespace strata
