#include "strategy/LineageProblemList.h"

#include <QRegularExpression>

#include "strategy/LineageGraph.h"
#include "strategy/LineageStyle.h"
#include "theme/Theme.h"

namespace strata {

namespace {
constexpr int strategyRole = Qt::UserRole + 1;
}

LineageProblemList::LineageProblemList(QWidget* parent) : QListWidget(parent)
{
    setWordWrap(true);
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        // The problems take the theme's problem colour, made readable; "No problems found" keeps the text's.
        for (int row = 0; row < count() && row < m_problems.size(); ++row)
            item(row)->setForeground(LineageStyle::problem());
    });
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString id = item->data(strategyRole).toString();
        if (!id.isEmpty())
            Q_EMIT strategyClicked(id);
    });
}

void LineageProblemList::showProblems(const LineageGraph& graph)
{
    clear();
    m_problems = graph.problems();
    static const QRegularExpression token(QStringLiteral("[\\w.\\-]+"));
    for (const QString& problem : std::as_const(m_problems)) {
        auto* item = new QListWidgetItem(QStringLiteral("⚠ ") + problem, this);
        item->setForeground(LineageStyle::problem());
        for (auto match = token.globalMatch(problem); match.hasNext();) {
            const QString word = match.next().captured();
            if (graph.indexOf(word) >= 0) {
                item->setData(strategyRole, word);
                item->setToolTip(tr("Click to show %1").arg(word));
                break;
            }
        }
    }
    if (m_problems.isEmpty() && !graph.strategies().isEmpty())
        new QListWidgetItem(tr("No problems found in the strategy tables."), this);
}

QString LineageProblemList::strategyOf(int row) const
{
    const QListWidgetItem* line = item(row);
    return line ? line->data(strategyRole).toString() : QString();
}

} // namespace strata
