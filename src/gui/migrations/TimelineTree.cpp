#include "migrations/TimelineTree.h"

#include <QHeaderView>
#include <QMap>

namespace strata {

namespace {

QColor stateColour(const QString& state)
{
    if (state == QLatin1String("applied") || state == QLatin1String("baseline"))
        return QColor(0x2e, 0x7d, 0x32);
    if (state == QLatin1String("pending"))
        return QColor(0x1f, 0x4e, 0x99);
    if (state.startsWith(QLatin1String("partly")))
        return QColor(0xb2, 0x6a, 0x00);
    if (state.startsWith(QLatin1String("failed")) || state == QLatin1String("dirty") ||
        state.endsWith(QLatin1String("file changed")))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75);
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
    auto versionItem = [&](qint64 version) {
        if (QTreeWidgetItem* item = versions.value(version))
            return item;
        auto* item = new QTreeWidgetItem(this);
        const VersionRecord* record = nullptr;
        for (const auto& v : status.history.versions)
            if (v.version == version)
                record = &v;
        const QString description =
            record ? record->description : status.set.versionDescription(version, status.plan.dialect);
        QString state = QStringLiteral("pending");
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
        QTreeWidgetItem* parent = versionItem(step.version);
        auto* item = new QTreeWidgetItem(parent);
        item->setText(Step, QStringLiteral("%1  %2").arg(step.slot(), step.name));
        item->setText(Phase, step.phase());
        item->setText(File, step.forwardPath);
        item->setData(Step, Qt::UserRole, QString::fromUtf8(step.forwardSql));
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
        } else if (status.plan.baselineRecognised && step.version <= status.plan.baselineVersion) {
            state = QStringLiteral("baseline (not tracked yet)");
        } else {
            for (const auto& off : status.plan.optionalOff)
                if (off.slot() == step.slot())
                    state = QStringLiteral("optional, off (%1)").arg(off.header.option);
            item->setText(Checksum, step.checksum.left(12));
            item->setToolTip(Checksum, step.checksum);
        }
        item->setText(State, state);
        item->setForeground(State, stateColour(state));
    }
    expandAll();
    const QList<int> widths{150, 70, 170, 140, 70, 100, 110};
    for (int c = 0; c < widths.size(); ++c)
        setColumnWidth(c, widths.at(c));
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
