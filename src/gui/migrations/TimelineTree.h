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
    /// On a step item (column Step): the language of its script, "python" for an Alembic revision, "sql"
    /// otherwise, so that the preview colours it as what it is.
    static constexpr int LanguageRole = Qt::UserRole + 1;

    explicit TimelineTree(QWidget* parent = nullptr);
    void showStatus(const DatabaseStatus& status);
    /// The item of a step ("2.1"), or null.
    QTreeWidgetItem* stepItem(const QString& slot) const;
};

} // namespace strata
