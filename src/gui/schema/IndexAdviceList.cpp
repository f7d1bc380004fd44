#include "schema/IndexAdviceList.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/MenuRemedy.h"
#include "theme/Theme.h"

namespace strata {

namespace {

/// Text and border colour of a kind: red for broken, amber for redundant or unused, blue for missing; the
/// text lightened (same hue) and the border deepened on the dark theme.
QPair<QString, QString> kindColors(IndexAdvice::Kind kind)
{
    const bool dark = Theme::isDark();
    const auto pair = [dark](int text, int border, int darkBorder) {
        return QPair<QString, QString>{Theme::readable(QColor::fromRgb(QRgb(text))).name(),
                                       QColor::fromRgb(QRgb(dark ? darkBorder : border)).name()};
    };
    switch (kind) {
    case IndexAdvice::Kind::Invalid:
        return pair(0xc62828, 0xf2c4c0, 0x7a2f2a);
    case IndexAdvice::Kind::UnindexedForeignKey:
        return pair(0x0d47a1, 0xbbd6f5, 0x2a4a70);
    default:
        return pair(0x8a5a00, 0xf0d58c, 0x6a5420);
    }
}

QString muted()
{
    return Theme::readable(QColor(0x75, 0x75, 0x75)).name();
}

} // namespace

IndexAdviceList::IndexAdviceList(QWidget* parent)
    : QScrollArea(parent), m_content(new QWidget), m_layout(new QVBoxLayout(m_content)),
      m_empty(new QLabel(m_content))
{
    setObjectName(QStringLiteral("indexAdvice"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    // The cards' height comes from their width (wrapped text), never from the labels' narrow minimums: the
    // list is exactly as tall as its cards at its width, so it never scrolls inside.
    m_content->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_empty->setWordWrap(true);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
    setWidget(m_content);
    m_content->installEventFilter(this);
    setAdvice({});
    // The cards were coloured when they were made: made again in the theme switched to.
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        if (m_waiting.isEmpty())
            setAdvice(m_advice);
        else
            setWaiting(m_waiting);
    });
}

void IndexAdviceList::setAdvice(const QList<IndexAdvice>& advice)
{
    while (m_layout->count() > 2) { // the empty label and the stretch stay
        QLayoutItem* item = m_layout->takeAt(1);
        delete item->widget();
        delete item;
    }
    m_advice = advice;
    m_waiting.clear();
    m_empty->setText(advice.isEmpty() ? tr("No advice: no duplicate, redundant, unused or invalid index, and "
                                           "every foreign key has an index.")
                                      : QString());
    m_empty->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::readable(QColor(0x2e, 0x7d, 0x32)).name()));
    m_empty->setVisible(advice.isEmpty());
    for (int row = 0; row < m_advice.size(); ++row) {
        QWidget* shown = card(row);
        m_layout->insertWidget(row + 1, shown);
        shown->show(); // counted by the layout now, not when the queued show arrives
    }
    fitHeight();
}

void IndexAdviceList::setWaiting(const QString& note)
{
    setAdvice({});
    m_waiting = note;
    m_empty->setText(note);
    m_empty->setStyleSheet(QStringLiteral("color: %1;").arg(muted()));
    fitHeight();
}

int IndexAdviceList::contentHeight() const
{
    const int width = viewport()->width() > 50 ? viewport()->width() : 600;
    m_layout->activate();
    const int forWidth = m_content->heightForWidth(width);
    return forWidth >= 0 ? forWidth : m_content->sizeHint().height();
}

void IndexAdviceList::fitHeight()
{
    const int wanted = contentHeight() + 2 * frameWidth();
    if (wanted == height() && minimumHeight() == wanted)
        return;
    setFixedHeight(wanted);
    updateGeometry();
}

bool IndexAdviceList::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_content && event->type() == QEvent::LayoutRequest)
        QMetaObject::invokeMethod(this, &IndexAdviceList::fitHeight, Qt::QueuedConnection);
    return QScrollArea::eventFilter(watched, event);
}

void IndexAdviceList::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (height() != contentHeight() + 2 * frameWidth())
        fitHeight();
}

QSize IndexAdviceList::sizeHint() const
{
    return {QScrollArea::sizeHint().width(), contentHeight() + 2 * frameWidth()};
}

QSize IndexAdviceList::minimumSizeHint() const
{
    return {100, contentHeight() + 2 * frameWidth()};
}

QWidget* IndexAdviceList::card(int row)
{
    const IndexAdvice& a = m_advice.at(row);
    const auto [color, border] = kindColors(a.kind);
    auto* frame = new QFrame(m_content);
    frame->setObjectName(QStringLiteral("advice_%1").arg(row));
    frame->setStyleSheet(QStringLiteral("QFrame#advice_%1 { background: palette(base); border: 1px solid %2; "
                                        "border-left: 4px solid %3; border-radius: 3px; }")
                             .arg(row)
                             .arg(border, color));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(10, 6, 8, 8);
    layout->setSpacing(4);

    QString subject =
        a.index.isEmpty() ? tr("columns (%1)").arg(a.columns.join(QStringLiteral(", "))) : a.index;
    subject = subject.toHtmlEscaped();
    if (!a.otherIndex.isEmpty())
        subject += tr(" <span style='color:%1'>— keep %2</span>").arg(muted(), a.otherIndex.toHtmlEscaped());
    if (!a.ownerStep.isEmpty())
        subject += tr(" <span style='color:%1'>— created by the migration set, step %2</span>")
                       .arg(muted(), a.ownerStep.toHtmlEscaped());
    auto* title = new QLabel(QStringLiteral("<b style='color:%1'>%2</b> &nbsp;%3")
                                 .arg(color, IndexAdvice::kindTitle(a.kind).toHtmlEscaped(), subject),
                             frame);
    title->setObjectName(QStringLiteral("title"));
    title->setWordWrap(true); // a long subject wraps instead of widening the list past the window
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* message = new QLabel(MenuRemedy::wording(a.message), frame); // the core names strata-cli
    message->setObjectName(QStringLiteral("message"));
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title);
    layout->addWidget(message);

    if (!a.sql.isEmpty()) {
        auto* sqlRow = new QHBoxLayout;
        auto* sql = new QPlainTextEdit(a.sql, frame);
        sql->setObjectName(QStringLiteral("sql"));
        sql->setReadOnly(true);
        sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        sql->setLineWrapMode(QPlainTextEdit::NoWrap);
        sql->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        const int lines = static_cast<int>(a.sql.count(QLatin1Char('\n'))) + 1;
        sql->setFixedHeight(sql->fontMetrics().lineSpacing() * lines + 14);
        sql->setStyleSheet(
            QStringLiteral("QPlainTextEdit { background: palette(alternate-base); color: palette(text); "
                           "border: 1px solid palette(mid); border-radius: 3px; }"));
        auto* button = new QToolButton(frame);
        if (a.ownerStep.isEmpty()) {
            button->setObjectName(QStringLiteral("copySql"));
            button->setText(tr("Copy SQL"));
            button->setToolTip(tr("Copy the statement to the clipboard"));
            connect(button, &QToolButton::clicked, this, [this, row] { copySql(row); });
        } else {
            // An index the set creates is dropped by the set, never by hand: no copy of a raw DROP.
            button->setObjectName(QStringLiteral("writeStep"));
            button->setText(tr("Write migration step…"));
            button->setToolTip(tr("Write a new step into the migration set that runs this statement; it is "
                                  "shown before it is written and applied only by Migrations > Migrate…"));
            connect(button, &QToolButton::clicked, this, [this, row] { Q_EMIT writeStepRequested(row); });
            auto* what = new QLabel(tr("A new migration step would run:"), frame);
            what->setObjectName(QStringLiteral("stepNote"));
            layout->addWidget(what);
        }
        sqlRow->addWidget(sql, 1);
        sqlRow->addWidget(button, 0, Qt::AlignTop);
        layout->addLayout(sqlRow);
    }
    return frame;
}

bool IndexAdviceList::copySql(int row)
{
    if (row < 0 || row >= m_advice.size() || m_advice.at(row).sql.isEmpty() ||
        !m_advice.at(row).ownerStep.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(m_advice.at(row).sql);
    Q_EMIT sqlCopied(m_advice.at(row).sql);
    return true;
}

QString IndexAdviceList::emptyText() const
{
    return m_advice.isEmpty() ? m_empty->text() : QString();
}

} // namespace strata
