#include "schema/IndexMapMatrix.h"

#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>

#include "schema/IndexMapHeader.h"
#include "theme/Theme.h"

namespace strata {

namespace {

/// Leading key parts are what lookups can use on their own: the earlier in the key, the stronger the colour.
QPair<QColor, QColor> keyColors(int position, bool valid)
{
    // On the dark theme the pale fills become deep ones of the same hue, with pale text.
    const bool dark = Theme::isDark();
    if (!valid)
        return position == 1 ? QPair<QColor, QColor>{Qt::white, QColor(0xd3, 0x2f, 0x2f)}
               : dark        ? QPair<QColor, QColor>{QColor(0xf8, 0xd0, 0xcd), QColor(0x5a, 0x22, 0x22)}
                             : QPair<QColor, QColor>{QColor(0x8e, 0x24, 0x24), QColor(0xf8, 0xd0, 0xcd)};
    switch (position) {
    case 1:
        return {Qt::white, QColor(0x19, 0x76, 0xd2)};
    case 2:
        return dark ? QPair<QColor, QColor>{QColor(0xe3, 0xf0, 0xfc), QColor(0x2a, 0x5a, 0x8c)}
                    : QPair<QColor, QColor>{QColor(0x0d, 0x2e, 0x5c), QColor(0x7d, 0xb6, 0xf0)};
    default:
        return dark ? QPair<QColor, QColor>{QColor(0xcf, 0xe3, 0xf8), QColor(0x1f, 0x35, 0x50)}
                    : QPair<QColor, QColor>{QColor(0x0d, 0x2e, 0x5c), QColor(0xc8, 0xe0, 0xfa)};
    }
}

/// A column carried (INCLUDE) but not in the key: muted text on a neutral fill.
QPair<QColor, QColor> carriedColors()
{
    return Theme::isDark() ? QPair<QColor, QColor>{QColor(0xb4, 0xb4, 0xb4), QColor(0x36, 0x39, 0x3d)}
                           : QPair<QColor, QColor>{QColor(0x61, 0x61, 0x61), QColor(0xee, 0xee, 0xee)};
}

QString badgeOf(IndexAdvice::Kind kind)
{
    switch (kind) {
    case IndexAdvice::Kind::Duplicate:
        return QStringLiteral("DUPLICATE");
    case IndexAdvice::Kind::Prefix:
        return QStringLiteral("PREFIX");
    case IndexAdvice::Kind::Unused:
        return QStringLiteral("UNUSED");
    default:
        return {}; // INVALID has its own badge; a missing index has no column
    }
}

QString detailOf(const IndexInfo& index)
{
    const QString bytes = QLocale().formattedDataSize(index.sizeBytes, 1, QLocale::DataSizeTraditionalFormat);
    const QString size = index.sizeBytes < 0   ? QObject::tr("size unknown")
                         : index.sizeEstimated ? QObject::tr("≈ %1 (estimate)").arg(bytes)
                                               : bytes;
    const QString scans = index.scans < 0    ? QObject::tr("scans not tracked")
                          : index.scans == 1 ? QObject::tr("1 scan")
                                             : QObject::tr("%1 scans").arg(QLocale().toString(index.scans));
    return size + QStringLiteral(" · ") + scans;
}

} // namespace

IndexMapMatrix::IndexMapMatrix(QWidget* parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("indexMatrix"));
    setHorizontalHeader(new IndexMapHeader(this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(false);
    verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        restyle();
        if (rowCount() > 0) // the cells were coloured when they were made
            showIndexes(m_table, m_indexes, m_advice);
    });
}

void IndexMapMatrix::restyle()
{
    setStyleSheet(QStringLiteral("QTableWidget { gridline-color: %1; }")
                      .arg(Theme::isDark() ? QStringLiteral("#3d4146") : QStringLiteral("#e0e0e0")));
}

void IndexMapMatrix::showIndexes(const TableInfo& table, const QList<IndexInfo>& indexes,
                                 const QList<IndexAdvice>& advice)
{
    m_table = table;
    m_indexes = indexes;
    m_advice = advice;
    clear();
    QStringList rows;
    for (const ColumnInfo& column : table.columns)
        rows << column.name;
    const int tableColumns = static_cast<int>(rows.size());
    for (const IndexInfo& index : indexes)
        for (const IndexKeyPart& part : index.parts)
            if (!rows.contains(part.label()))
                rows << part.label(); // an expression, or a column the snapshot does not list
    setRowCount(static_cast<int>(rows.size()));
    setColumnCount(static_cast<int>(indexes.size()));

    QList<bool> inSomeIndex(rows.size(), false);
    for (int c = 0; c < indexes.size(); ++c) {
        const IndexInfo& index = indexes.at(c);
        auto* header = new QTableWidgetItem(index.name);
        setHorizontalHeaderItem(c, header);
        QStringList headerBadges;
        if (index.primaryKey)
            headerBadges << QStringLiteral("PK");
        else if (index.unique)
            headerBadges << QStringLiteral("UNIQUE");
        if (!index.predicate.isEmpty())
            headerBadges << QStringLiteral("PARTIAL");
        if (!index.method.isEmpty() && index.method.compare(QLatin1String("btree"), Qt::CaseInsensitive) != 0)
            headerBadges << index.method.toUpper();
        if (!index.valid)
            headerBadges << QStringLiteral("INVALID");
        for (const IndexAdvice& a : advice)
            if (a.index == index.name && !badgeOf(a.kind).isEmpty() &&
                !headerBadges.contains(badgeOf(a.kind)))
                headerBadges << badgeOf(a.kind);
        header->setData(IndexMapHeader::BadgesRole, headerBadges);
        header->setData(IndexMapHeader::DetailRole, detailOf(index));
        QString tip = index.definition.isEmpty() ? index.name : index.definition;
        if (!index.valid)
            tip += tr("\nINVALID: a concurrent build failed; queries do not use this index.");
        header->setToolTip(tip);

        int position = 0;
        for (const IndexKeyPart& part : index.parts) {
            const int row = static_cast<int>(rows.indexOf(part.label()));
            inSomeIndex[row] = true;
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            if (part.included) {
                item->setText(QStringLiteral("incl"));
                item->setForeground(carriedColors().first);
                item->setBackground(carriedColors().second);
                QFont italic = item->font();
                italic.setItalic(true);
                item->setFont(italic);
                item->setToolTip(tr("%1 is carried in %2 (INCLUDE) for index-only scans; it is not part of "
                                    "the key")
                                     .arg(part.label(), index.name));
            } else {
                ++position;
                item->setText(positionText(position, part.descending));
                const auto [text, background] = keyColors(position, index.valid);
                item->setForeground(text);
                item->setBackground(background);
                QFont bold = item->font();
                bold.setBold(position == 1);
                item->setFont(bold);
                item->setToolTip(tr("%1 is key part %2 of %3, %4%5")
                                     .arg(part.label())
                                     .arg(position)
                                     .arg(index.name, part.descending ? tr("descending") : tr("ascending"),
                                          part.collation.isEmpty()
                                              ? QString()
                                              : tr(", collation %1").arg(part.collation)));
            }
            setItem(row, c, item);
        }
    }

    for (int r = 0; r < rows.size(); ++r) {
        auto* header =
            new QTableWidgetItem(r < tableColumns ? rows.at(r) : QStringLiteral("ƒ ") + rows.at(r));
        if (r < tableColumns) {
            const ColumnInfo& column = table.columns.at(r);
            header->setToolTip(tr("%1 %2%3%4")
                                   .arg(column.name, column.type,
                                        column.notNull ? tr(" NOT NULL") : QString(),
                                        column.primaryKeyPosition > 0 ? tr(", primary key") : QString()));
        } else {
            QFont italic = header->font();
            italic.setItalic(true);
            header->setFont(italic);
            header->setToolTip(tr("Expression used as an index key: %1").arg(rows.at(r)));
        }
        if (!inSomeIndex.at(r))
            header->setForeground(
                Theme::readable(QColor(0x6b, 0x6b, 0x6b))); // in no index: a lookup by it alone scans
        setVerticalHeaderItem(r, header);
    }
    fitColumns();
}

void IndexMapMatrix::fitColumns()
{
    // Widths from the fonts the header paints with: a header not yet polished measures with the default
    // font, and the index names came out elided in columns with room to spare.
    ensurePolished();
    horizontalHeader()->ensurePolished();
    resizeColumnsToContents();
    for (int c = 0; c < columnCount(); ++c)
        setColumnWidth(c, std::max(columnWidth(c), 84));
    fitHeight();
}

void IndexMapMatrix::showEvent(QShowEvent* event)
{
    QTableWidget::showEvent(event);
    fitColumns();
}

void IndexMapMatrix::fitHeight()
{
    // As tall as its rows: every column of the table shows; the page around the map scrolls instead.
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int r = 0; r < rowCount(); ++r)
        height += rowHeight(r);
    if (horizontalScrollBar()->isVisible() ||
        horizontalHeader()->length() + verticalHeader()->width() > viewport()->width())
        height += horizontalScrollBar()->sizeHint().height();
    setFixedHeight(std::max(height, 4 * verticalHeader()->defaultSectionSize()));
}

void IndexMapMatrix::resizeEvent(QResizeEvent* event)
{
    QTableWidget::resizeEvent(event);
    fitHeight(); // a narrower view may need the horizontal scroll bar
}

int IndexMapMatrix::columnOf(const QString& index) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (const QTableWidgetItem* header = horizontalHeaderItem(c); header && header->text() == index)
            return c;
    return -1;
}

QStringList IndexMapMatrix::rowLabels() const
{
    QStringList labels;
    for (int r = 0; r < rowCount(); ++r) {
        QString text = verticalHeaderItem(r)->text();
        if (text.startsWith(QStringLiteral("ƒ ")))
            text = text.mid(2);
        labels << text;
    }
    return labels;
}

QString IndexMapMatrix::cell(const QString& row, const QString& index) const
{
    const int r = static_cast<int>(rowLabels().indexOf(row));
    const int c = columnOf(index);
    if (r < 0 || c < 0)
        return {};
    const QTableWidgetItem* found = item(r, c);
    return found ? found->text() : QString();
}

QStringList IndexMapMatrix::badges(const QString& index) const
{
    const int c = columnOf(index);
    return c < 0 ? QStringList() : horizontalHeaderItem(c)->data(IndexMapHeader::BadgesRole).toStringList();
}

QString IndexMapMatrix::detail(const QString& index) const
{
    const int c = columnOf(index);
    return c < 0 ? QString() : horizontalHeaderItem(c)->data(IndexMapHeader::DetailRole).toString();
}

QString IndexMapMatrix::positionText(int position, bool descending)
{
    return QStringLiteral("%1 %2").arg(position).arg(descending ? QStringLiteral("▼") : QStringLiteral("▲"));
}

} // namespace strata
