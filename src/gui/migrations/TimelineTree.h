#pragma once

#include <QTreeWidget>

#include "jobs/StatusJob.h"

namespace strata {

/// Versions and their steps, applied and pending, in order: status, phase, when, how long, checksum, who.
/// Each step item carries its SQL for the preview (Qt::UserRole).
class TimelineTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { Step, Phase, State, AppliedAt, Duration, Checksum, By, File, ColumnCount };

    explicit TimelineTree(QWidget* parent = nullptr);
    void showStatus(const DatabaseStatus& status);
    /// The item of a step ("2.1"), or null.
    QTreeWidgetItem* stepItem(const QString& slot) const;
};

} // namespace strata
