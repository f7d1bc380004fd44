#include "migrations/TimelinePage.h"

#include <QBoxLayout>
#include <QFontDatabase>
#include <QPushButton>

#include "common/Counted.h"
#include "common/PythonHighlighter.h"
#include "common/SqlHighlighter.h"
#include "migrations/AlembicGraphView.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/SetLocation.h"
#include "migrations/TimelineTree.h"
#include "ui_TimelinePage.h"

namespace strata {

TimelinePage::TimelinePage(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::TimelinePage>())
{
    m_ui->setupUi(this);
    QFont big = m_ui->summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_ui->summary->setFont(big);
    m_ui->sqlPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new SqlHighlighter(m_ui->sqlPreview->document());
    m_pythonHighlighter = new PythonHighlighter(nullptr); // on the preview while it shows an Alembic revision
    m_pythonHighlighter->setParent(this);
    // An Alembic project's revision graph, left of the steps; hidden for every other set.
    m_alembicGraph = new AlembicGraphView(this);
    m_alembicGraph->setObjectName(QStringLiteral("alembicGraph"));
    m_alembicGraph->hide();
    m_ui->splitter->insertWidget(0, m_alembicGraph);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 2);
    m_ui->splitter->setSizes({0, 700, 420});
    // A revision clicked in the graph opens its step in the list, and a step chosen in the list is
    // selected in the graph.
    connect(m_alembicGraph, &AlembicGraphView::revisionSelected, this, [this](const QString& id) {
        if (QTreeWidgetItem* item = m_ui->timeline->stepItem(m_slotOfRevision.value(id)))
            m_ui->timeline->setCurrentItem(item);
    });
    connect(m_ui->timeline, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item || m_alembicGraph->isHidden())
            return;
        const QString slot = item->data(TimelineTree::Phase, Qt::UserRole).toString();
        if (!slot.isEmpty())
            m_alembicGraph->selectRevision(m_slotOfRevision.key(slot));
    });
    connect(m_ui->problems, &ProblemPanel::actionRequested, this, &TimelinePage::problemActionRequested);
    // Under the notice of an interrupted run: the operator's acknowledgement, as resolve --acknowledge-run.
    m_acknowledge = new QPushButton(tr("Acknowledge…"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeRun"));
    m_acknowledge->setToolTip(tr("Record that you checked the database after the interrupted run"));
    m_acknowledge->hide();
    if (auto* layout = qobject_cast<QBoxLayout*>(this->layout()))
        layout->insertWidget(layout->indexOf(m_ui->banner) + 1, m_acknowledge, 0, Qt::AlignLeft);
    connect(m_acknowledge, &QPushButton::clicked, this,
            [this] { Q_EMIT acknowledgeRunRequested(m_interruptedRun); });
    connect(m_ui->timeline, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        // An Alembic revision is Python: coloured as Python, never as SQL ("Create Date" is no keyword).
        const bool python = item && item->data(TimelineTree::Step, TimelineTree::LanguageRole).toString() ==
                                        QLatin1String("python");
        QTextDocument* preview = m_ui->sqlPreview->document();
        if (python != (m_pythonHighlighter->document() == preview)) {
            m_highlighter->setDocument(python ? nullptr : preview);
            m_pythonHighlighter->setDocument(python ? preview : nullptr);
        }
        m_ui->sqlPreview->setPlainText(item ? item->data(TimelineTree::Step, Qt::UserRole).toString()
                                            : QString());
    });
}

TimelinePage::~TimelinePage() = default;

void TimelinePage::showLoading(const QString& what)
{
    m_ui->summary->setText(what);
    m_ui->banner->clear();
}

void TimelinePage::showStatus(const DatabaseStatus& status)
{
    m_ui->banner->clear();
    m_ui->summary->setText(status.summary());
    // A bundled set is named by where it comes from; a folder by its name and path.
    const QString set = isBundledSet(status.set.root)
                            ? setLocation(status.set.root)
                            : tr("set %1 (%2)").arg(status.set.name(), setLocation(status.set.root));
    QString details =
        tr("%1 · %2 · %3 · migration lock %4")
            .arg(status.database, status.engine, set,
                 status.lockHolder.isEmpty() ? tr("free") : tr("held by %1").arg(status.lockHolder));
    // Another tool's history (dbmate, Flyway, ...) is shown as that tool's, one line per table.
    for (const auto& other : status.history.otherTools)
        details += QLatin1Char('\n') + tr("Other tool's history: %1").arg(other.summary());
    m_ui->details->setText(details);
    m_ui->problems->showProblems(status.plan.problems, status.history.otherTools);
    // A run that was killed is told until the operator acknowledges it, the oldest first.
    m_interruptedRun.clear();
    m_acknowledge->hide();
    if (!status.plan.interruptedRuns.isEmpty()) {
        const RunEntry& run = status.plan.interruptedRuns.first();
        m_interruptedRun = run.runId;
        QString text =
            tr("The run %1, started %2 by %3 on %4, was interrupted in its %5 phase: %6. Check the "
               "database, then acknowledge the run.")
                .arg(run.runId, run.startedAt, run.appliedBy, run.host, run.phase, run.consequence());
        if (status.plan.interruptedRuns.size() > 1)
            text += tr(" %1 more wait after this one.")
                        .arg(counted(status.plan.interruptedRuns.size() - 1, tr("interrupted run"),
                                     tr("interrupted runs")));
        m_ui->banner->showNotice(text);
        m_acknowledge->show();
    }
    m_ui->timeline->showStatus(status);
    m_slotOfRevision.clear();
    for (const auto& step : status.set.steps)
        if (step.layout == QLatin1String("alembic"))
            m_slotOfRevision.insert(step.toolVersion, step.slot());
    if (status.alembic) {
        const bool wasHidden = m_alembicGraph->isHidden();
        m_alembicGraph->show();
        if (wasHidden) {
            const int total = m_ui->splitter->width();
            m_ui->splitter->setSizes({total * 34 / 100, total * 42 / 100, total * 24 / 100});
        }
        m_alembicGraph->showGraph(*status.alembic);
    } else {
        m_alembicGraph->clearGraph();
        m_alembicGraph->hide();
    }
    // Open on the first pending step, where the operator's attention goes (past the steps another tool
    // applied, on a database it manages).
    for (const auto& step : status.plan.steps) {
        if (status.appliedByOtherTool.contains(step.slot()))
            continue;
        if (QTreeWidgetItem* first = m_ui->timeline->stepItem(step.slot()))
            m_ui->timeline->setCurrentItem(first);
        break;
    }
}

void TimelinePage::showError(const Error& error)
{
    m_ui->banner->showError(error);
}

void TimelinePage::showNotice(const QString& text)
{
    m_ui->banner->showNotice(text);
}

void TimelinePage::clear()
{
    m_ui->summary->setText(tr("No database open"));
    m_ui->details->clear();
    m_ui->problems->clear();
    m_ui->timeline->clear();
    m_alembicGraph->clearGraph();
    m_alembicGraph->hide();
    m_ui->sqlPreview->clear();
    m_ui->banner->clear();
    m_acknowledge->hide();
}

QString TimelinePage::summary() const
{
    return m_ui->summary->text();
}

QStringList TimelinePage::problems() const
{
    QStringList texts;
    for (const ProblemRow* row : m_ui->problems->rows())
        texts << row->text();
    return texts;
}

ProblemPanel* TimelinePage::problemPanel() const
{
    return m_ui->problems;
}

TimelineTree* TimelinePage::tree() const
{
    return m_ui->timeline;
}

QString TimelinePage::previewedSql() const
{
    return m_ui->sqlPreview->toPlainText();
}

QString TimelinePage::previewLanguage() const
{
    return m_pythonHighlighter->document() == m_ui->sqlPreview->document() ? QStringLiteral("python")
                                                                           : QStringLiteral("sql");
}

} // namespace strata
