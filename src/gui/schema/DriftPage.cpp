#include "schema/DriftPage.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/Counted.h"
#include "common/ErrorBanner.h"
#include "jobs/DriftJob.h"
#include "jobs/JobRunner.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr int kItemRole = Qt::UserRole + 1; ///< index into the report's items; -1 on group rows

QColor kindColor(DriftItem::Kind kind)
{
    switch (kind) {
    case DriftItem::Kind::Missing:
        return QColor(0xb0, 0x3a, 0x2e);
    case DriftItem::Kind::Extra:
        return QColor(0x9a, 0x64, 0x00);
    case DriftItem::Kind::Changed:
        return QColor(0x1f, 0x5f, 0xa8);
    }
    return {};
}

/// The group a difference is listed under: its table, or the view, sequence or enum itself.
QString groupOf(const DriftItem& item)
{
    if (!item.table.isEmpty())
        return QStringLiteral("table %1.%2").arg(item.schema, item.table);
    return QStringLiteral("%1 %2.%3").arg(item.objectName(), item.schema, item.name);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

} // namespace

DriftPage::DriftPage(QWidget* parent)
    : QWidget(parent), m_banner(new ErrorBanner(this)), m_intro(new QLabel(this)),
      m_checkButton(new QPushButton(tr("Check for drift"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_stage(new QLabel(this)), m_summary(new QLabel(this)), m_tree(new QTreeWidget(this)),
      m_details(new QLabel(this)), m_notes(new QLabel(this))
{
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Replays the migrations this database's history records as applied into a scratch "
                        "database, and compares the two catalogs: tables, columns, types, defaults, indexes, "
                        "constraints, views, triggers, sequences and enum types. The database itself is only "
                        "read."));
    m_checkButton->setDefault(true);
    m_cancelButton->setEnabled(false);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    connect(&Theme::instance(), &Theme::changed, this, &DriftPage::restyle);
    restyle();
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_checkButton);
    controls->addWidget(m_cancelButton);
    controls->addSpacing(12);
    controls->addWidget(m_progress);
    controls->addWidget(m_stage, 1);

    QFont bold = m_summary->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);
    m_tree->setColumnCount(5);
    m_tree->setHeaderLabels(
        {tr("Object"), tr("Difference"), tr("In the migrations"), tr("In the database"), tr("What to do")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(8);
    m_details->setMinimumHeight(90);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_notes->setWordWrap(true);
    m_notes->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_notes);

    connect(m_checkButton, &QPushButton::clicked, this, &DriftPage::check);
    connect(m_cancelButton, &QPushButton::clicked, this, &DriftPage::cancel);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { showDetails(item); });
    setTarget(std::nullopt, {});
}

DriftPage::~DriftPage() = default;

void DriftPage::setTarget(std::optional<ConnectionUrl> url, const QString& setFolder)
{
    if (m_runner) {
        // The old check ends on its own and removes its scratch database; its result is for another target.
        JobRunner* old = m_runner.release();
        disconnect(old, nullptr, this, nullptr);
        connect(old, &JobRunner::finished, old, &QObject::deleteLater);
        old->cancel();
        m_job = nullptr;
    }
    m_url = std::move(url);
    m_setFolder = setFolder;
    m_report.reset();
    m_tree->clear();
    m_banner->clear();
    m_notes->hide();
    m_details->clear();
    m_details->hide();
    setChecking(false);
    m_summary->setText(m_url ? tr("Not checked yet.") : tr("No database is open."));
    m_summary->setStyleSheet(QString());
    m_checkButton->setEnabled(m_url.has_value());
}

void DriftPage::databaseReadAgain()
{
    if (isChecking() || (!m_report && m_banner->isHidden()))
        return;
    setTarget(m_url, m_setFolder);
    m_summary->setText(tr("The database was read again since the last check: check again to see its drift "
                          "now."));
}

bool DriftPage::isChecking() const
{
    return m_runner && m_runner->isRunning();
}

QString DriftPage::summary() const
{
    return m_summary->text();
}

void DriftPage::check()
{
    if (!m_url || isChecking())
        return;
    m_banner->clear();
    auto job = std::make_unique<DriftJob>(m_setFolder);
    m_job = job.get();
    m_runner = std::make_unique<JobRunner>(*m_url, std::move(job));
    connect(m_runner.get(), &JobRunner::progressed, this, &DriftPage::onProgress);
    connect(m_runner.get(), &JobRunner::finished, this, &DriftPage::onFinished);
    setChecking(true);
    m_summary->setText(tr("Checking…"));
    m_summary->setStyleSheet(QString());
    m_runner->start();
}

void DriftPage::cancel()
{
    if (!isChecking())
        return;
    m_stage->setText(tr("Cancelling: removing the scratch database…"));
    m_cancelButton->setEnabled(false);
    m_runner->cancel();
}

void DriftPage::setChecking(bool checking)
{
    m_checkButton->setEnabled(!checking && m_url.has_value());
    m_cancelButton->setEnabled(checking);
    m_progress->setVisible(checking);
    m_progress->setValue(0);
    m_stage->setVisible(checking);
    m_stage->clear();
}

void DriftPage::onProgress(qint64 done, qint64 total, const QString& stage)
{
    m_progress->setValue(total > 0 ? static_cast<int>(100 * done / total) : 0);
    if (m_cancelButton->isEnabled())
        m_stage->setText(stage);
}

void DriftPage::onFinished(bool ok, const Error& error)
{
    setChecking(false);
    if (ok && m_job && m_job->report()) {
        m_report = *m_job->report();
        showReport(*m_report);
    } else {
        m_summary->setText(tr("The check did not finish."));
        m_summary->setStyleSheet(QString());
        m_banner->showError(error);
    }
    Q_EMIT checked(ok);
}

void DriftPage::restyle()
{
    m_stage->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::readable(QColor(0x6b, 0x6b, 0x6b)).name()));
    if (!m_report) {
        m_summary->setStyleSheet(QString());
        return;
    }
    const QColor summary = m_report->drift() ? QColor(0x8a, 0x2b, 0x20) : QColor(0x25, 0x6c, 0x2f);
    m_summary->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::readable(summary).name()));
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem* row = group->child(r);
            const int index = row->data(ObjectColumn, kItemRole).toInt();
            if (index >= 0 && index < m_report->items.size())
                row->setForeground(KindColumn, Theme::readable(kindColor(m_report->items.at(index).kind)));
        }
    }
}

void DriftPage::showReport(const DriftReport& report)
{
    m_tree->clear();
    QStringList versions;
    for (qint64 v : report.replayedVersions)
        versions << QStringLiteral("v%1").arg(v);
    const QString replayed =
        tr("replayed %1 of %2 (%3) into %4")
            .arg(versions.join(QStringLiteral(", ")), report.setName,
                 counted(report.replayedSteps.size(), tr("step"), tr("steps")), report.scratch);
    if (report.drift()) {
        m_summary->setText(QStringLiteral("%1 \u2014 %2").arg(report.summary(), replayed));
    } else {
        m_summary->setText(
            tr("No drift: the database matches what its migrations build (%1).").arg(replayed));
    }
    QTreeWidgetItem* group = nullptr;
    QString groupName;
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (qsizetype i = 0; i < report.items.size(); ++i) {
        const DriftItem& item = report.items.at(i);
        if (!group || groupOf(item) != groupName) {
            groupName = groupOf(item);
            group = new QTreeWidgetItem(m_tree, {groupName});
            group->setFont(ObjectColumn, bold);
            group->setData(ObjectColumn, kItemRole, -1);
            group->setFirstColumnSpanned(true);
        }
        const bool whole = item.object == DriftItem::Object::Table || item.table.isEmpty();
        auto* row = new QTreeWidgetItem(
            group, {whole ? item.objectName() : QStringLiteral("%1 %2").arg(item.objectName(), item.name),
                    item.kindName(), orDash(item.expected), orDash(item.actual), item.advice});
        row->setData(ObjectColumn, kItemRole, static_cast<int>(i));
        row->setFont(KindColumn, bold);
        for (int c = ObjectColumn; c <= AdviceColumn; ++c)
            row->setToolTip(c, item.message);
        row->setToolTip(ExpectedColumn, item.expected);
        row->setToolTip(ActualColumn, item.actual);
    }
    m_tree->expandAll();
    restyle();
    for (int c = ObjectColumn; c <= KindColumn; ++c)
        m_tree->resizeColumnToContents(c);
    for (int c = ExpectedColumn; c <= ActualColumn; ++c) {
        m_tree->resizeColumnToContents(c);
        m_tree->setColumnWidth(c, std::clamp(m_tree->columnWidth(c) + 12, 140, 280));
    }
    if (group)
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    m_details->setVisible(report.drift());
    m_notes->setVisible(!report.notes.isEmpty());
    QStringList notes;
    for (const QString& note : report.notes)
        notes << note.toHtmlEscaped();
    m_notes->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Note:"), notes.join(QStringLiteral("<br>"))));
}

void DriftPage::showDetails(QTreeWidgetItem* row)
{
    const int index = row ? row->data(ObjectColumn, kItemRole).toInt() : -1;
    if (!m_report || index < 0 || index >= m_report->items.size()) {
        m_details->setText(tr("Select a difference to see it whole."));
        return;
    }
    const DriftItem& item = m_report->items.at(index);
    auto code = [](const QString& text) {
        return text.isEmpty() ? QStringLiteral("<i>nothing</i>")
                              : QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
    };
    m_details->setText(QStringLiteral("<b>%1</b><table cellspacing='2'><tr><td>%2&nbsp;</td><td>%3</td></tr>"
                                      "<tr><td>%4&nbsp;</td><td>%5</td></tr></table><i>%6</i> %7")
                           .arg(item.message.toHtmlEscaped(), tr("Migrations:"), code(item.expected),
                                tr("Database:"), code(item.actual), tr("What to do:"),
                                item.advice.toHtmlEscaped()));
}

} // namespace strata
