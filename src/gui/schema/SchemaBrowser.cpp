#include "schema/SchemaBrowser.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "browse/TableRowsTab.h"
#include "common/Counted.h"
#include "common/ErrorBanner.h"
#include "common/SqlHighlighter.h"
#include "diagram/ErDiagramPage.h"
#include "jobs/JobRunner.h"
#include "jobs/SchemaJob.h"
#include "schema/DriftPage.h"
#include "schema/IndexMapView.h"
#include "schema/TablePage.h"

namespace strata {

namespace {

QLabel* boldLabel(QWidget* parent, qreal scale)
{
    auto* label = new QLabel(parent);
    QFont big = label->font();
    big.setPointSizeF(big.pointSizeF() * scale);
    big.setBold(true);
    label->setFont(big);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString kindName(SchemaTree::Node kind)
{
    switch (kind) {
    case SchemaTree::Node::View:
        return QStringLiteral("View");
    case SchemaTree::Node::Trigger:
        return QStringLiteral("Trigger");
    case SchemaTree::Node::Sequence:
        return QStringLiteral("Sequence");
    case SchemaTree::Node::EnumType:
        return QStringLiteral("Enum type");
    default:
        return QStringLiteral("Table");
    }
}

SchemaObject::Kind objectKind(SchemaTree::Node kind)
{
    switch (kind) {
    case SchemaTree::Node::Trigger:
        return SchemaObject::Kind::Trigger;
    case SchemaTree::Node::Sequence:
        return SchemaObject::Kind::Sequence;
    case SchemaTree::Node::EnumType:
        return SchemaObject::Kind::EnumType;
    default:
        return SchemaObject::Kind::View;
    }
}

} // namespace

SchemaBrowser::SchemaBrowser(QWidget* parent)
    : QWidget(parent), m_summary(boldLabel(this, 1.35)), m_details(new QLabel(this)),
      m_banner(new ErrorBanner(this)), m_filter(new QLineEdit(this)), m_tree(new SchemaTree(this)),
      m_pages(new QStackedWidget(this)), m_hint(new QLabel(m_pages)), m_tablePage(new TablePage(m_pages)),
      m_objectPage(new QWidget(m_pages)), m_objectTitle(boldLabel(m_objectPage, 1.35)),
      m_objectKind(new QLabel(m_objectPage)), m_definition(new QPlainTextEdit(m_objectPage)),
      m_views(new QTabWidget(this)), m_diagram(new ErDiagramPage(m_views)), m_drift(new DriftPage(m_views)),
      m_rows(new TableRowsTab(*m_tablePage))
{
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Filter tables, views, indexes…"));
    m_filter->setClearButtonEnabled(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_definition->setReadOnly(true);
    m_definition->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_definition->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new SqlHighlighter(m_definition->document());

    auto* objectLayout = new QVBoxLayout(m_objectPage);
    objectLayout->setContentsMargins(0, 0, 0, 0);
    objectLayout->addWidget(m_objectTitle);
    objectLayout->addWidget(m_objectKind);
    objectLayout->addWidget(m_definition, 1);
    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_tablePage);
    m_pages->addWidget(m_objectPage);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({340, 800});

    m_views->setDocumentMode(true);
    m_views->setTabPosition(QTabWidget::South);
    m_views->addTab(splitter, tr("Tables"));
    m_views->addTab(m_diagram, tr("Diagram"));
    m_views->addTab(m_drift, tr("Drift"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);

    connect(m_filter, &QLineEdit::textChanged, m_tree, &SchemaTree::setFilter);
    connect(m_tree, &SchemaTree::tableActivated, this, &SchemaBrowser::openTable);
    connect(m_tree, &SchemaTree::tablePartActivated, this, &SchemaBrowser::showTablePart);
    connect(m_tree, &SchemaTree::objectActivated, this, &SchemaBrowser::openObject);
    connect(m_tablePage, &TablePage::failed, m_banner, &ErrorBanner::showError);
    connect(m_tablePage->indexMap(), &IndexMapView::stepWritten, this, &SchemaBrowser::migrationStepWritten);
    connect(m_views, &QTabWidget::currentChanged, this, &SchemaBrowser::drawDiagramIfShown);
    connect(m_diagram, &ErDiagramPage::tableActivated, this,
            [this](const QString& schema, const QString& table) {
                m_views->setCurrentIndex(TablesView);
                openTable(schema, table);
            });
    clear();
}

SchemaBrowser::~SchemaBrowser() = default;

void SchemaBrowser::load(const ConnectionUrl& url, const QString& setFolder)
{
    retireReader();
    if (!m_url || m_url->display() != url.display()) {
        clear(); // another database: nothing of the last one may stay on screen
        m_drift->setTarget(url, setFolder);
    } else {
        m_drift->databaseReadAgain();
    }
    m_url = url;
    m_tablePage->setConnection(url);
    m_tablePage->setMigrationSet(setFolder);
    m_summary->setText(m_snapshot ? m_summary->text() : tr("Reading the schema…"));
    m_details->setText(tr("Reading the schema of %1…").arg(url.display()));
    auto job = SchemaJob::readSchema();
    m_readJob = job.get();
    m_reader = std::make_unique<JobRunner>(url, std::move(job), this);
    connect(m_reader.get(), &JobRunner::finished, this, &SchemaBrowser::onRead);
    m_reader->start();
}

void SchemaBrowser::onRead(bool ok, const Error& error)
{
    if (!ok || !m_readJob || !m_readJob->snapshot()) {
        showError(error);
        return;
    }
    const qint64 ms = m_readJob->elapsedMs();
    showSnapshot(*m_readJob->snapshot(), ms);
}

void SchemaBrowser::showSnapshot(SchemaSnapshot snapshot, qint64 readMs)
{
    // What was open stays open across a refresh, when it is still there.
    if (!m_wanted && m_pages->currentWidget() == m_tablePage && !m_tablePage->table().name.isEmpty())
        m_wanted = {m_tablePage->table().schema, m_tablePage->table().name, SchemaTree::Node::Table};
    m_banner->clear();
    m_snapshot = std::make_shared<const SchemaSnapshot>(std::move(snapshot));
    m_tree->showSnapshot(m_snapshot);
    m_diagramDrawn = false;
    drawDiagramIfShown();
    qsizetype tables = 0;
    qsizetype history = 0;
    qsizetype indexes = 0;
    for (const TableInfo& t : m_snapshot->tables) {
        (SchemaTree::isStrataHistory(t.name) ? history : tables) += 1;
        if (!SchemaTree::isStrataHistory(t.name))
            indexes += t.indexes.size();
    }
    QStringList parts{
        counted(tables, tr("table"), tr("tables")),
        counted(m_snapshot->objectsOf(SchemaObject::Kind::View).size(), tr("view"), tr("views")),
        counted(indexes, tr("index"), tr("indexes")),
        counted(m_snapshot->objectsOf(SchemaObject::Kind::Trigger).size(), tr("trigger"), tr("triggers"))};
    const QString where = m_snapshot->schemas.size() == 1
                              ? m_snapshot->schemas.first()
                              : counted(m_snapshot->schemas.size(), tr("schema"), tr("schemas"));
    m_summary->setText(QStringLiteral("%1 · %2").arg(where, parts.join(QStringLiteral(", "))));
    QStringList details;
    if (m_url)
        details << m_url->display();
    if (history > 0)
        details << tr("Strata history: %1").arg(counted(history, tr("table"), tr("tables")));
    if (readMs >= 0)
        details << tr("read in %1 ms").arg(readMs);
    m_details->setText(details.join(QStringLiteral(" · ")));
    if (m_wanted) {
        const auto [schema, name, kind] = *m_wanted;
        m_wanted.reset();
        m_tablePage->clear(); // shown again from this read: its columns or indexes may have changed
        if (kind == SchemaTree::Node::Table)
            openTable(schema, name);
        else
            openObject(schema, name, kind);
    }
    if (m_pages->currentWidget() == m_tablePage &&
        !m_snapshot->table(m_tablePage->table().schema, m_tablePage->table().name))
        m_pages->setCurrentWidget(m_hint); // the table is gone since the last read
    Q_EMIT schemaShown(true);
}

void SchemaBrowser::showError(const Error& error)
{
    m_banner->showError(error);
    m_summary->setText(m_snapshot ? m_summary->text() : tr("The schema could not be read"));
    m_details->setText(m_snapshot ? tr("Showing the schema as last read; the refresh failed.") : QString());
    Q_EMIT schemaShown(false);
}

void SchemaBrowser::clear()
{
    retireReader();
    m_snapshot.reset();
    m_wanted.reset();
    m_url.reset();
    m_tree->clearSchema();
    m_tablePage->clear();
    m_tablePage->setConnection(std::nullopt);
    m_tablePage->setMigrationSet({});
    m_rows->clear();
    m_diagram->setSnapshot(SchemaSnapshot{});
    m_diagramDrawn = false;
    m_drift->setTarget(std::nullopt, QString());
    m_banner->clear();
    m_summary->setText(tr("No database open"));
    m_details->clear();
    m_definition->clear();
    m_hint->setText(tr("Select a table to see its columns, constraints, indexes, size and DDL."));
    m_pages->setCurrentWidget(m_hint);
}

void SchemaBrowser::openTable(const QString& schema, const QString& table)
{
    const TableInfo* info = m_snapshot ? m_snapshot->table(schema, table) : nullptr;
    if (!info) {
        if (!m_snapshot || isReading())
            m_wanted = {schema, table, SchemaTree::Node::Table};
        return;
    }
    {
        const QSignalBlocker quiet(m_tree);
        m_tree->selectTable(schema, table);
    }
    if (m_tablePage->table().qualifiedName() != info->qualifiedName() ||
        m_pages->currentWidget() != m_tablePage)
        m_tablePage->showTable(*info, m_snapshot->dialect);
    m_pages->setCurrentWidget(m_tablePage);
    Q_EMIT tableOpened(schema, table);
}

void SchemaBrowser::showTablePart(const QString& schema, const QString& table, SchemaTree::Node part,
                                  const QString& name)
{
    const TableInfo* info = m_snapshot ? m_snapshot->table(schema, table) : nullptr;
    if (!info)
        return;
    if (m_tablePage->table().qualifiedName() != info->qualifiedName())
        m_tablePage->showTable(*info, m_snapshot->dialect);
    m_pages->setCurrentWidget(m_tablePage);
    if (part == SchemaTree::Node::Column)
        m_tablePage->showColumn(name);
    else
        m_tablePage->tabs()->setCurrentIndex(TablePage::IndexesTab);
}

void SchemaBrowser::openObject(const QString& schema, const QString& name, SchemaTree::Node kind)
{
    if (!m_snapshot) {
        m_wanted = {schema, name, kind};
        return;
    }
    for (const SchemaObject& o : m_snapshot->objectsOf(objectKind(kind))) {
        if (o.schema != schema || o.name != name)
            continue;
        m_objectTitle->setText(schema + QLatin1Char('.') + name);
        QString definition = o.definition;
        if (kind == SchemaTree::Node::EnumType) {
            QStringList labels = o.definition.split(QStringLiteral(", "));
            for (QString& label : labels)
                label = QStringLiteral("'%1'").arg(label.replace(QLatin1Char('\''), QStringLiteral("''")));
            definition = QStringLiteral("CREATE TYPE %1.%2 AS ENUM (\n    %3\n);")
                             .arg(schema, name, labels.join(QStringLiteral(",\n    ")));
        }
        m_objectKind->setText(o.table.isEmpty() ? kindName(kind)
                                                : tr("%1 on %2").arg(kindName(kind), o.table));
        m_definition->setPlainText(definition);
        m_pages->setCurrentWidget(m_objectPage);
        return;
    }
}

bool SchemaBrowser::isReading() const
{
    return m_reader && m_reader->isRunning();
}

QString SchemaBrowser::summary() const
{
    return m_summary->text();
}

QString SchemaBrowser::shownDefinition() const
{
    return m_pages->currentWidget() == m_objectPage ? m_definition->toPlainText() : QString();
}

bool SchemaBrowser::isShowingTable() const
{
    return m_pages->currentWidget() == m_tablePage;
}

void SchemaBrowser::drawDiagramIfShown()
{
    if (m_diagramDrawn || !m_snapshot || m_views->currentWidget() != m_diagram)
        return;
    // The diagram is of the operator's tables; Strata's history tables have a group of their own in the tree.
    SchemaSnapshot operatorSchema = *m_snapshot;
    operatorSchema.tables.removeIf([](const TableInfo& t) { return SchemaTree::isStrataHistory(t.name); });
    m_diagram->setSnapshot(operatorSchema, m_url ? m_url->display() : QString());
    m_diagramDrawn = true;
}

void SchemaBrowser::retireReader()
{
    if (!m_reader)
        return;
    // A read still running is cancelled and left to end on its own; its result is never shown.
    disconnect(m_reader.get(), nullptr, this, nullptr);
    if (m_reader->isRunning()) {
        m_reader->cancel();
        JobRunner* leftover = m_reader.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    m_reader.reset();
    m_readJob = nullptr;
}

} // namespace strata
