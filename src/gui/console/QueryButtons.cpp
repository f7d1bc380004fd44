#include "console/QueryButtons.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace strata {

QueryButtons::QueryButtons(QWidget* parent) : QWidget(parent)
{
    run = new QPushButton(tr("Run"), this);
    run->setObjectName(QStringLiteral("runStatement"));
    run->setToolTip(tr("Run the selection, or the statement under the cursor (Ctrl+Return)"));
    runScript = new QPushButton(tr("Run script"), this);
    runScript->setObjectName(QStringLiteral("runScript"));
    runScript->setToolTip(tr("Run every statement, in order (Ctrl+Shift+Return)"));
    cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelStatement"));
    cancel->setToolTip(tr("Stop the running statement (Esc)"));
    cancel->setEnabled(false);
    explain = new QPushButton(tr("Explain"), this);
    explain->setObjectName(QStringLiteral("explain"));
    explain->setToolTip(tr("Show the plan of the statement under the cursor without running it"));
    analyze = new QPushButton(tr("Explain Analyze"), this);
    analyze->setObjectName(QStringLiteral("explainAnalyze"));
    analyze->setToolTip(
        tr("Run the statement under the cursor inside a transaction that is rolled back, and show "
           "its plan with the time and rows of each step"));
    write = new QPushButton(tr("Write mode"), this);
    write->setObjectName(QStringLiteral("writeMode"));
    write->setCheckable(true);
    write->setToolTip(tr("Off: the database refuses statements that change data or schema. On: they run."));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(run);
    row->addWidget(runScript);
    row->addWidget(cancel);
    row->addSpacing(12);
    row->addWidget(explain);
    row->addWidget(analyze);
    row->addStretch(1);
    row->addWidget(write);
}

} // namespace strata
