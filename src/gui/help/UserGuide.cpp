#include "help/UserGuide.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>

namespace strata {

namespace {

QString markdownOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    // The screenshots the README shows on the web are not bundled: the app itself is on screen.
    static const QRegularExpression image(QStringLiteral("^!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"),
                                          QRegularExpression::MultilineOption);
    text.remove(image);
    return text;
}

QString titleOf(const QString& markdown, const QString& fallback)
{
    const auto heading =
        QRegularExpression(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption)
            .match(markdown);
    return heading.hasMatch() ? heading.captured(1).trimmed() : fallback;
}

} // namespace

QStringList UserGuide::chapters()
{
    return {QStringLiteral(":/guide/README.md"),
            QStringLiteral(":/guide/docs/migration-sets.md"),
            QStringLiteral(":/guide/docs/backups-and-runs.md"),
            QStringLiteral(":/guide/docs/review-rules.md"),
            QStringLiteral(":/guide/docs/inspection.md"),
            QStringLiteral(":/guide/docs/reliability.md"),
            QStringLiteral(":/guide/docs/decisions.md")};
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
    for (const QString& path : chapters()) {
        auto* item = new QListWidgetItem(titleOf(markdownOf(path), QFileInfo(path).baseName()), m_contents);
        item->setData(Qt::UserRole, path);
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

    connect(m_contents, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < chapters().size())
            showChapter(chapters().at(row));
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuide::follow);
    m_contents->setCurrentRow(0);
}

void UserGuide::showChapter(const QString& path)
{
    if (path == m_current)
        return;
    m_current = path;
    m_browser->setMarkdown(markdownOf(path));
    const int row = int(chapters().indexOf(path));
    if (row >= 0 && m_contents->currentRow() != row)
        m_contents->setCurrentRow(row);
}

void UserGuide::follow(const QUrl& link)
{
    if (!link.scheme().isEmpty() && link.scheme() != QLatin1String("qrc")) {
        QDesktopServices::openUrl(link);
        return;
    }
    if (link.path().isEmpty() && link.hasFragment()) {
        m_browser->scrollToAnchor(link.fragment());
        return;
    }
    // A link to another chapter (docs/inspection.md, ../README.md): open it here.
    const QString name = QFileInfo(link.path()).fileName();
    for (const QString& path : chapters())
        if (QFileInfo(path).fileName() == name) {
            showChapter(path);
            return;
        }
}

} // namespace strata
