#include "schema/IndexMapView.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "schema/IndexAdviceList.h"
#include "schema/IndexAdvisor.h"
#include "schema/IndexMapMatrix.h"

namespace strata {

IndexMapView::IndexMapView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_legend(new QLabel(this)), m_map(new IndexMapMatrix(this)),
      m_footer(new QLabel(this)), m_advice(new IndexAdviceList(this))
{
    setObjectName(QStringLiteral("indexMap"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_legend->setText(tr("<span style='color:#1976d2'>■</span> 1 ▲ first key column, ascending &nbsp; "
                         "<span style='color:#7db6f0'>■</span> 2 ▼ second, descending &nbsp; "
                         "<span style='color:#9e9e9e'>■</span> incl carried (INCLUDE), not in the key"));
    m_legend->setStyleSheet(QStringLiteral("color: #616161;"));

    m_footer->setWordWrap(true);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_footer->setStyleSheet(QStringLiteral("color: #8a4b00;"));

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_map, 1);
    topLayout->addWidget(m_footer);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    auto* adviceTitle = new QLabel(tr("<b>Advice</b>"), bottom);
    bottomLayout->addWidget(adviceTitle);
    bottomLayout->addWidget(m_advice, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_legend);
    layout->addWidget(splitter, 1);
    clear();
}

void IndexMapView::showTable(const TableInfo& table, Dialect dialect)
{
    showTable(table, IndexAdvisor::advise(table, dialect));
}

void IndexMapView::showTable(const TableInfo& table, const QList<IndexAdvice>& advice)
{
    m_table = table;
    m_indexes.clear();
    for (const IndexInfo& index : table.indexes)
        if (index.primaryKey)
            m_indexes << index;
    for (const IndexInfo& index : table.indexes)
        if (!index.primaryKey)
            m_indexes << index;
    m_tableAdvice.clear();
    for (const IndexAdvice& a : advice)
        if (a.schema == table.schema && a.table == table.name)
            m_tableAdvice << a;
    const qsizetype count = m_indexes.size();
    const qsizetype advised = m_tableAdvice.size();
    m_title->setText(tr("Indexes of %1 — %2, %3")
                         .arg(table.qualifiedName(), count == 1 ? tr("1 index") : tr("%1 indexes").arg(count),
                              advised == 0   ? tr("no advice")
                              : advised == 1 ? tr("1 piece of advice")
                                             : tr("%1 pieces of advice").arg(advised)));
    m_map->showIndexes(table, m_indexes, m_tableAdvice);
    QStringList footer;
    if (m_indexes.isEmpty())
        footer << tr("%1 has no index: every lookup reads the whole table.").arg(table.qualifiedName());
    for (const IndexInfo& index : m_indexes)
        if (!index.predicate.isEmpty())
            footer << tr("Partial: %1 covers only the rows WHERE %2").arg(index.name, index.predicate);
    m_footer->setText(footer.join(QLatin1Char('\n')));
    m_footer->setVisible(!footer.isEmpty());
    m_advice->setAdvice(m_tableAdvice);
}

void IndexMapView::clear()
{
    m_table = {};
    m_indexes.clear();
    m_tableAdvice.clear();
    m_title->setText(tr("Indexes"));
    m_map->clear();
    m_map->setRowCount(0);
    m_map->setColumnCount(0);
    m_footer->clear();
    m_footer->hide();
    m_advice->setAdvice({});
}

QStringList IndexMapView::indexNames() const
{
    QStringList names;
    for (const IndexInfo& index : m_indexes)
        names << index.name;
    return names;
}

QStringList IndexMapView::rowLabels() const
{
    return m_map->rowLabels();
}

QString IndexMapView::cell(const QString& row, const QString& index) const
{
    return m_map->cell(row, index);
}

QStringList IndexMapView::badges(const QString& index) const
{
    return m_map->badges(index);
}

QString IndexMapView::detail(const QString& index) const
{
    return m_map->detail(index);
}

QString IndexMapView::titleText() const
{
    return m_title->text();
}

QString IndexMapView::footerText() const
{
    return m_footer->text();
}

} // namespace strata
