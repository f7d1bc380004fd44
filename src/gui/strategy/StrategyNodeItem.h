#pragma once

#include <optional>

#include <QGraphicsItem>
#include <QStringList>

#include "strategy/StrategyStatus.h"

namespace strata {

struct StrategyRecord;

/// A strategy in the lineage view: its name, then its version and status, with the status colour down the
/// left. A status the database enum does not know is drawn in the problem colour with the raw text quoted;
/// a strategy with problems carries a marked badge; a strategy that rows point at but the registry lacks
/// is a dashed box of its own. One item paints everything, so that thousands stay light.
class StrategyNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 81 };

    /// A strategy of the registry; `index` is its index in the lineage graph.
    StrategyNodeItem(const StrategyRecord& strategy, int index, QSizeF size, QGraphicsItem* parent = nullptr);
    /// A strategy that is not in strategy_registry.
    StrategyNodeItem(const QString& missingId, QSizeF size, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    int strategyIndex() const { return m_index; } ///< -1 for a missing strategy
    bool isMissing() const { return m_index < 0; }
    QString strategyId() const { return m_strategyId; }
    QString name() const { return m_name; }
    QString detail() const { return m_detail; }
    std::optional<StrategyStatus> status() const { return m_status; }
    /// Drawn marked: an unknown status, problems on its row, or a missing strategy.
    bool isMarked() const { return m_marked; }
    /// The colour of the band on the left: the status colour, or the problem colour.
    QColor bandColour() const;

    /// Drawn with an accent border (a search match).
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// Faded: outside the focused strategy's ancestors and descendants.
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void setUp();

    int m_index = -1;
    QString m_strategyId;
    QString m_name;
    QString m_detail;
    std::optional<StrategyStatus> m_status;
    QSizeF m_size;
    int m_problems = 0;
    bool m_marked = false;
    bool m_highlighted = false;
    bool m_dimmed = false;
    bool m_hovered = false;
};

} // namespace strata
