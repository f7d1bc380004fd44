#pragma once

#include <QHeaderView>

namespace strata {

/// The index map's column header: per index its name, coloured badges (UNIQUE, PK, PARTIAL, the method when
/// not btree, INVALID in red, and what the advice says of it) and its size and scans, so an operator reads
/// an index's identity and health before looking at its key.
///
/// Reads the model's header data: Qt::DisplayRole the name, BadgesRole a QStringList, DetailRole the
/// size/scans line.
class IndexMapHeader : public QHeaderView
{
    Q_OBJECT

public:
    enum Role { BadgesRole = Qt::UserRole + 40, DetailRole };

    explicit IndexMapHeader(QWidget* parent = nullptr);

    /// Colours of a badge: text and background.
    static QPair<QColor, QColor> badgeColors(const QString& badge);

protected:
    void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    QFont nameFont() const;
    QFont badgeFont() const;
    int lineHeight() const;
};

} // namespace strata
