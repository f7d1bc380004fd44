#include "help/UserGuide.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QListWidget>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>

#include "theme/Theme.h"

namespace strata {

namespace {

const QString guideFolder = QStringLiteral(":/guide/docs/guide");
const QString referenceFolder = QStringLiteral(":/guide/docs");

/// The resource a relative path names, read from the chapter at `from` (":/guide/docs/guide/01-….md").
QString resolvedFrom(const QString& from, const QString& relative)
{
    const QUrl url = QUrl(QStringLiteral("qrc") + from).resolved(QUrl(relative));
    return QLatin1Char(':') + url.path();
}

QString markdownOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    // A picture the app carries is shown from its resource; one it does not carry (the README's, the
    // reference chapters' on the web) is left out rather than drawn as a broken image.
    static const QRegularExpression picture(QStringLiteral("!\\[([^\\]]*)\\]\\(([^)\\s]+)\\)"));
    QString shown;
    qsizetype from = 0;
    for (auto it = picture.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        shown += text.mid(from, match.capturedStart() - from);
        from = match.capturedEnd();
        const QString target = match.captured(2);
        if (QUrl(target).scheme().isEmpty()) {
            const QString resource = resolvedFrom(path, target);
            if (QFile::exists(resource))
                shown += QStringLiteral("![%1](qrc%2)").arg(match.captured(1), resource);
        }
    }
    shown += text.mid(from);
    return shown;
}

QString titleOf(const QString& markdown, const QString& fallback)
{
    const auto heading =
        QRegularExpression(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption)
            .match(markdown);
    // The list shows the title as text: without the marks of code and emphasis it may carry.
    return heading.hasMatch()
               ? heading.captured(1).remove(QRegularExpression(QStringLiteral("[`*]"))).trimmed()
               : fallback;
}

/// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens.
QString anchorOf(const QString& heading)
{
    QString anchor;
    for (const QChar c : heading.toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
            anchor += c;
        else if (c == QLatin1Char(' '))
            anchor += QLatin1Char('-');
    }
    return anchor;
}

QTextBlock headingBlock(const QTextDocument& document, const QString& anchor)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        if (block.blockFormat().headingLevel() > 0 && anchorOf(block.text()) == anchor)
            return block;
    return {};
}

/// Where a reference chapter stands in the list: the operator's chapters in the order they meet them, the
/// pages of the console after the inspection, the strategies' after the console's, the reliability notes and
/// the design decisions last.
int referenceRank(const QString& name)
{
    static const QStringList order = {
        QStringLiteral("migration-sets.md"),
        QStringLiteral("backups-and-runs.md"),
        QStringLiteral("review-rules.md"),
        QStringLiteral("inspection.md"),
        QStringLiteral("console.md"),
        QStringLiteral("explain.md"),
        QStringLiteral("sessions-and-health.md"),
        QStringLiteral("export.md"),
        QStringLiteral("strategy-analytics.md"),
        QStringLiteral("strategy-metrics.md"),
        QStringLiteral("strategy-family.md"),
    };
    if (name == QLatin1String("decisions.md"))
        return 1000;
    if (name == QLatin1String("reliability.md"))
        return 900;
    const auto known = order.indexOf(name);
    return known >= 0 ? int(known) : 500; // a new chapter: after the known ones, by its name
}

} // namespace

QStringList UserGuide::chapters()
{
    QStringList paths;
    for (const QString& name : QDir(guideFolder).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        if (name != QLatin1String("README.md"))
            paths << guideFolder + QLatin1Char('/') + name;
    QStringList reference =
        QDir(referenceFolder).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    std::stable_sort(reference.begin(), reference.end(),
                     [](const QString& a, const QString& b) { return referenceRank(a) < referenceRank(b); });
    for (const QString& name : reference)
        paths << referenceFolder + QLatin1Char('/') + name;
    return paths;
}

int UserGuide::guideChapterCount()
{
    int count = 0;
    for (const QString& path : chapters())
        count += path.startsWith(guideFolder + QLatin1Char('/')) ? 1 : 0;
    return count;
}

QString UserGuide::chapterOf(const QString& from, const QUrl& link)
{
    if (!link.scheme().isEmpty() && link.scheme() != QLatin1String("qrc"))
        return {};
    if (link.path().isEmpty())
        return from;
    const QString path =
        link.scheme().isEmpty() ? resolvedFrom(from, link.path()) : QLatin1Char(':') + link.path();
    return path.endsWith(QLatin1String(".md")) && QFile::exists(path) ? path : QString();
}

bool UserGuide::hasAnchor(const QString& path, const QString& anchor)
{
    QTextDocument document;
    document.setMarkdown(markdownOf(path));
    return headingBlock(document, anchor).isValid();
}

UserGuide::UserGuide(QWidget* parent)
    : QDialog(parent), m_contents(new QListWidget(this)), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Strata user guide"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    m_contents->setObjectName(QStringLiteral("contents"));
    m_browser->setObjectName(QStringLiteral("page"));
    m_browser->setOpenLinks(false);
    m_browser->document()->setDocumentMargin(14);
    const QStringList paths = chapters();
    const int guide = guideChapterCount();
    for (int i = 0; i < paths.size(); ++i) {
        if (i == guide) {
            // The reference chapters under a heading of their own, which cannot be selected.
            auto* heading = new QListWidgetItem(tr("Reference"), m_contents);
            heading->setFlags(Qt::ItemIsEnabled);
            QFont bold = m_contents->font();
            bold.setBold(true);
            heading->setFont(bold);
        }
        const QString title = titleOf(markdownOf(paths.at(i)), QFileInfo(paths.at(i)).baseName());
        auto* item = new QListWidgetItem(i < guide ? QStringLiteral("%1  %2").arg(i + 1).arg(title) : title,
                                         m_contents);
        item->setData(Qt::UserRole, paths.at(i));
    }
    auto* split = new QSplitter(this);
    split->addWidget(m_contents);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    split->setSizes({270, 800});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    // Fits 1024x700 and uses a bigger screen.
    const QRect screen = (parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen())
                             ->availableGeometry();
    resize(std::min(1100, screen.width() - 40), std::min(800, screen.height() - 60));

    connect(m_contents, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && !item->data(Qt::UserRole).toString().isEmpty())
            showChapter(item->data(Qt::UserRole).toString());
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuide::follow);
    // After View > Theme the chapter is rendered again, its links in the new theme's colour.
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        const int position = m_browser->verticalScrollBar()->value();
        render();
        m_browser->verticalScrollBar()->setValue(position);
    });
    // Pictures follow the page's width.
    m_browser->viewport()->installEventFilter(this);
    if (!paths.isEmpty())
        showChapter(paths.first()); // Getting started
}

void UserGuide::showChapter(const QString& path)
{
    if (path == m_current)
        return;
    m_current = path;
    render();
    for (int row = 0; row < m_contents->count(); ++row)
        if (m_contents->item(row)->data(Qt::UserRole).toString() == path) {
            if (m_contents->currentRow() != row)
                m_contents->setCurrentRow(row);
            break;
        }
}

void UserGuide::render()
{
    m_browser->setMarkdown(markdownOf(m_current));
    // Qt's Markdown import colours links from a palette of its own, which need not be the theme's (and the
    // palette's link colour can outlive a switch from dark to light): links get a blue readable on the page
    // in either theme.
    const QColor link = Theme::readable(QColor(0x1a, 0x5f, 0xb4));
    QList<std::pair<int, int>> anchors;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                anchors.append({it.fragment().position(), it.fragment().length()});
    QTextCursor cursor(m_browser->document());
    QTextCharFormat coloured;
    coloured.setForeground(link);
    for (const auto& [position, length] : anchors) {
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(coloured);
    }
    fitPictures();
}

bool UserGuide::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize)
        fitPictures();
    return QDialog::eventFilter(watched, event);
}

bool UserGuide::showAnchor(const QString& anchor)
{
    const QTextBlock block = headingBlock(*m_browser->document(), anchor);
    if (!block.isValid())
        return false;
    QTextCursor cursor(block);
    m_browser->setTextCursor(cursor);
    const qreal top = m_browser->document()->documentLayout()->blockBoundingRect(block).top();
    m_browser->verticalScrollBar()->setValue(int(top));
    return true;
}

void UserGuide::fitPictures()
{
    // Screenshots are as wide as the screen they were taken on; here each is shown as wide as the page leaves
    // room for (and never wider than 620 pixels, or than itself), its height following.
    const int room = m_browser->viewport()->width() - 2 * int(m_browser->document()->documentMargin()) - 24;
    const int widest = std::clamp(room, 240, 620);
    struct Picture
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Picture> pictures;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat())
                pictures.append(
                    {fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()});
        }
    QTextCursor cursor(m_browser->document());
    for (Picture& picture : pictures) {
        const QSize natural = QImage(QLatin1Char(':') + QUrl(picture.format.name()).path()).size();
        if (natural.isEmpty())
            continue;
        const int width = std::min(widest, natural.width());
        if (int(picture.format.width()) == width)
            continue;
        picture.format.setWidth(width);
        picture.format.setHeight(qreal(natural.height()) * width / natural.width());
        cursor.setPosition(picture.position);
        cursor.setPosition(picture.position + picture.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(picture.format);
    }
}

void UserGuide::follow(const QUrl& link)
{
    const QString chapter = chapterOf(m_current, link);
    if (chapter.isEmpty()) {
        // A web link, or a file of the source tree the app does not carry.
        if (!link.scheme().isEmpty())
            QDesktopServices::openUrl(link);
        return;
    }
    showChapter(chapter);
    if (link.hasFragment())
        showAnchor(link.fragment());
    else
        m_browser->verticalScrollBar()->setValue(0);
}

} // namespace strata
