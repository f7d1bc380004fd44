#include "migrations/ProblemPanel.h"

#include <QResizeEvent>
#include <QVBoxLayout>

#include "migrations/ProblemRow.h"

namespace strata {

namespace {

constexpr int kMaxHeight = 220;

} // namespace

ProblemPanel::ProblemPanel(QWidget* parent)
    : QScrollArea(parent), m_content(new QWidget(this)), m_layout(new QVBoxLayout(m_content))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    setWidget(m_content);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    hide();
}

void ProblemPanel::clear()
{
    // Later, not now: a row may be the sender of the click that led here.
    for (ProblemRow* r : rows()) {
        r->hide();
        r->setParent(nullptr);
        r->deleteLater();
    }
    hide();
}

void ProblemPanel::showProblems(const QList<Problem>& problems, const QList<ForeignHistory>& otherTools)
{
    clear();
    for (const auto& p : problems) {
        auto* r = new ProblemRow(p, otherTools, m_content);
        connect(r, &ProblemRow::actionRequested, this, &ProblemPanel::actionRequested);
        m_layout->addWidget(r);
    }
    setVisible(!problems.isEmpty());
    fitHeight();
}

void ProblemPanel::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void ProblemPanel::fitHeight()
{
    const int width = viewport()->width();
    const int needed = m_layout->hasHeightForWidth() ? m_layout->totalHeightForWidth(width)
                                                     : m_layout->totalSizeHint().height();
    setFixedHeight(std::min(kMaxHeight, needed));
}

QList<ProblemRow*> ProblemPanel::rows() const
{
    return m_content->findChildren<ProblemRow*>(QString(), Qt::FindDirectChildrenOnly);
}

ProblemRow* ProblemPanel::row(Problem::Kind kind, const QString& slot) const
{
    for (ProblemRow* r : rows())
        if (r->problem().kind == kind && r->problem().slot == slot)
            return r;
    return nullptr;
}

} // namespace strata
