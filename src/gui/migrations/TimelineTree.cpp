#include "migrations/TimelineTree.h"

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QMap>

#include "theme/Theme.h"

namespace strata {

namespace {

QColor stateColourOnWhite(const QString& state)
{
    if (state.startsWith(QLatin1String("applied")) || state == QLatin1String("baseline"))
        return QColor(0x2e, 0x7d, 0x32);
    if (state == QLatin1String("pending"))
        return QColor(0x1f, 0x4e, 0x99);
    if (state.startsWith(QLatin1String("partly")))
        return QColor(0xb2, 0x6a, 0x00);
    if (state.startsWith(QLatin1String("failed")) || state == QLatin1String("dirty") ||
        state.endsWith(QLatin1String("file changed")))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x66, 0x66, 0x66); // readable on the alternate rows too
}

QColor stateColour(const QString& state)
{
    return Theme::readable(stateColourOnWhite(state));
}

} // namespace

TimelineTree::TimelineTree(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Version / step"), tr("Phase"), tr("Status"), tr("Applied at"), tr("Duration"),
                     tr("Checksum"), tr("By"), tr("File")});
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setRootIsDecorated(true);
    header()->setStretchLastSection(true);
}

void TimelineTree::showStatus(const DatabaseStatus& status)
{
    clear();
    QMap<qint64, QTreeWidgetItem*> versions;
    // An Alembic project's generations: a version holds the revisions of one generation (AlembicSteps).
    struct AlembicVersion
    {
        QStringList titles;
        int revisions = 0;
        int applied = 0;
    };
    QMap<qint64, AlembicVersion> alembicVersions;
    if (status.alembic)
        for (const auto& step : status.set.steps) {
            AlembicVersion& v = alembicVersions[step.version];
            v.titles << step.name;
            ++v.revisions;
            if (status.alembic->isApplied(step.toolVersion))
                ++v.applied;
        }
    auto versionItem = [&](qint64 version) {
        if (QTreeWidgetItem* item = versions.value(version))
            return item;
        auto* item = new QTreeWidgetItem(this);
        const VersionRecord* record = nullptr;
        for (const auto& v : status.history.versions)
            if (v.version == version)
                record = &v;
        QString description =
            record ? record->description : status.set.versionDescription(version, status.plan.dialect);
        QString state = QStringLiteral("pending");
        if (const auto alembic = alembicVersions.constFind(version); alembic != alembicVersions.cend()) {
            description = alembic->titles.join(QStringLiteral(" · "));
            if (!record && alembic->applied == alembic->revisions)
                state = QStringLiteral("applied by Alembic");
            else if (!record && alembic->applied > 0)
                state = QStringLiteral("partly applied by Alembic: %1 of %2")
                            .arg(alembic->applied)
                            .arg(alembic->revisions);
        }
        if (!record && !status.appliedByOtherTool.isEmpty()) {
            // A version another tool applied (dbmate, Flyway, ...) says so, as its steps do, not "pending".
            QString tool;
            int steps = 0;
            int byTool = 0;
            for (const MigrationStep& step : status.set.stepsFor(status.plan.dialect)) {
                if (step.version != version)
                    continue;
                ++steps;
                if (const auto by = status.appliedByOtherTool.constFind(step.slot());
                    by != status.appliedByOtherTool.cend()) {
                    ++byTool;
                    tool = *by;
                }
            }
            if (byTool > 0 && byTool == steps)
                state = QStringLiteral("applied by %1").arg(tool);
            else if (byTool > 0)
                state = QStringLiteral("partly applied by %1: %2 of %3").arg(tool).arg(byTool).arg(steps);
        }
        if (record)
            state = record->success ? QStringLiteral("applied") : QStringLiteral("failed");
        else if (status.plan.baselineRecognised && version <= status.plan.baselineVersion)
            state = QStringLiteral("baseline, not tracked yet");
        for (const auto& p : status.plan.partialVersions)
            if (p.version == version)
                state = QStringLiteral("partly applied: %1 of %2, %3 pending")
                            .arg(p.appliedSteps)
                            .arg(p.steps)
                            .arg(p.pendingSlots.join(QStringLiteral(", ")));
        QString when;
        if (record)
            when = QStringLiteral(" · %1 · %2 ms").arg(record->appliedAt).arg(record->executionTimeMs);
        // A version is one line across the tree: its number, description and state.
        item->setFirstColumnSpanned(true);
        item->setText(Step, QStringLiteral("v%1   %2   — %3%4").arg(version).arg(description, state, when));
        item->setToolTip(Step, description);
        item->setForeground(Step, stateColour(state));
        QFont bold = item->font(Step);
        bold.setBold(true);
        item->setFont(Step, bold);
        versions.insert(version, item);
        return item;
    };

    QStringList changed; // applied steps whose file changed since: marked where the eye goes down the list
    for (const auto& p : status.plan.problems)
        if (p.kind == Problem::Kind::ChangedFile)
            changed << p.slot;
    const auto steps = status.set.stepsFor(status.plan.dialect);
    for (const auto& step : steps) {
        if (step.repeatable)
            continue; // no version: listed after the versions
        QTreeWidgetItem* parent = versionItem(step.version);
        auto* item = new QTreeWidgetItem(parent);
        item->setText(Step, QStringLiteral("%1  %2").arg(step.slot(), step.name));
        item->setText(Phase, step.phase());
        item->setText(File, step.forwardPath);
        if (step.layout == QLatin1String("alembic")) { // no SQL: the preview shows the revision's Python
            QFile file(QDir(status.set.root).filePath(step.forwardPath));
            item->setData(Step, Qt::UserRole,
                          file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString());
            // The revision id; its message is on the version's line (and in the tooltip).
            item->setText(Step, QStringLiteral("%1  %2").arg(step.slot(), step.toolVersion));
            item->setToolTip(Step, step.name);
            item->setData(Step, LanguageRole, QStringLiteral("python"));
        } else {
            item->setData(Step, Qt::UserRole, QString::fromUtf8(step.forwardSql));
        }
        item->setData(Phase, Qt::UserRole, step.slot());
        QString state = QStringLiteral("pending");
        if (const StepRecord* r = status.history.step(step.version, step.step)) {
            state = r->isDirty() ? QStringLiteral("dirty") : r->status;
            if (changed.contains(step.slot()))
                state += QStringLiteral(" · file changed");
            item->setText(AppliedAt, r->finishedAt.isEmpty() ? r->startedAt : r->finishedAt);
            item->setText(Duration, QStringLiteral("%1 ms").arg(r->executionTimeMs));
            item->setText(Checksum, r->checksum.left(12));
            item->setToolTip(Checksum, r->checksum);
            item->setText(By, QStringLiteral("%1@%2").arg(r->appliedBy, r->host));
        } else if (status.alembic && status.alembic->isApplied(step.toolVersion)) {
            state = status.alembic->isCurrent(step.toolVersion)
                        ? QStringLiteral("applied by Alembic (current)")
                        : QStringLiteral("applied by Alembic");
            item->setText(By, QStringLiteral("Alembic"));
        } else if (status.appliedByOtherTool.contains(step.slot())) {
            // Applied by the tool that manages the database (dbmate, Flyway, ...), not adopted yet.
            state = QStringLiteral("applied by %1").arg(status.appliedByOtherTool.value(step.slot()));
            item->setText(By, status.appliedByOtherTool.value(step.slot()));
        } else if (status.plan.baselineRecognised && step.version <= status.plan.baselineVersion) {
            state = QStringLiteral("baseline (not tracked yet)");
        } else {
            for (const auto& off : status.plan.optionalOff)
                if (off.slot() == step.slot())
                    state = QStringLiteral("optional, off (%1)").arg(off.header.option);
            item->setText(Checksum, step.checksum.left(12));
            item->setToolTip(Checksum, step.checksum);
        }
        if (step.noOp)
            state += QStringLiteral(" · no-op");
        item->setText(State, state);
        item->setForeground(State, stateColour(state));
    }
    // Flyway's repeatable scripts: after every version, in the order they run, each with why it runs or not.
    if (!status.plan.repeatables.isEmpty()) {
        auto* group = new QTreeWidgetItem(this);
        group->setFirstColumnSpanned(true);
        group->setText(Step,
                       QStringLiteral("Repeatable scripts   — run after the versioned steps, again when "
                                      "they change"));
        QFont bold = group->font(Step);
        bold.setBold(true);
        group->setFont(Step, bold);
        for (const auto& r : status.plan.repeatables) {
            auto* item = new QTreeWidgetItem(group);
            item->setText(Step, QStringLiteral("repeatable  %1").arg(r.script.name));
            item->setText(File, r.script.forwardPath);
            item->setData(Step, Qt::UserRole, QString::fromUtf8(r.script.forwardSql));
            item->setData(Phase, Qt::UserRole, r.script.forwardPath);
            const QString state = r.runs ? QStringLiteral("pending: %1").arg(r.state) : r.state;
            if (const RepeatableRecord* record = status.history.repeatable(r.script.name)) {
                item->setText(AppliedAt,
                              record->finishedAt.isEmpty() ? record->startedAt : record->finishedAt);
                item->setText(Duration, QStringLiteral("%1 ms").arg(record->executionTimeMs));
                item->setText(Checksum, record->checksum.left(12));
                item->setToolTip(Checksum, record->checksum);
                item->setText(By, QStringLiteral("%1@%2").arg(record->appliedBy, record->host));
            }
            item->setText(State, state);
            item->setForeground(State,
                                stateColour(r.runs ? QStringLiteral("pending") : QStringLiteral("applied")));
        }
    }
    expandAll();
    const QList<int> widths{150, 70, 170, 140, 70, 100, 110};
    for (int c = 0; c < widths.size(); ++c)
        setColumnWidth(c, widths.at(c));
    if (status.alembic) { // revision ids and "applied by Alembic (current)" are read whole
        resizeColumnToContents(Step);
        resizeColumnToContents(State);
    }
}

QTreeWidgetItem* TimelineTree::stepItem(const QString& slot) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* version = topLevelItem(i);
        for (int j = 0; j < version->childCount(); ++j)
            if (version->child(j)->data(Phase, Qt::UserRole).toString() == slot)
                return version->child(j);
    }
    return nullptr;
}

} // namespace strata
