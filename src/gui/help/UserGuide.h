#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace strata {

/// Help > User guide: the operator's guide (docs/guide, in the order of its chapters' file names) and then
/// the reference chapters of docs/, bundled in the app and rendered from their Markdown, one chapter at a
/// time; a link to another chapter opens it here (at the heading it names), a web link in the browser.
class UserGuide : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuide(QWidget* parent = nullptr);

    /// The chapters' resource paths, in the order of the list: the guide's ("…/docs/guide/01-….md", …, the
    /// CLI reference), then the reference chapters (":/guide/docs/migration-sets.md", …, the design decisions
    /// last).
    static QStringList chapters();
    /// How many of chapters() are the guide's own; the rest are the reference chapters.
    static int guideChapterCount();
    /// The chapter `link` leads to when followed from the chapter at `from` (a resource path), or an empty
    /// string when it leads to no bundled chapter. Web links lead to none.
    static QString chapterOf(const QString& from, const QUrl& link);
    /// Whether the chapter at `path` has a heading that `anchor` names ("timeouts-and-lock-waits").
    static bool hasAnchor(const QString& path, const QString& anchor);

    /// Shows the chapter at `path` (one of chapters()).
    void showChapter(const QString& path);
    /// Scrolls the shown chapter to the heading `anchor` names; false when it has none.
    bool showAnchor(const QString& anchor);
    QString currentChapter() const { return m_current; }
    QTextBrowser* browser() const { return m_browser; }
    QListWidget* contents() const { return m_contents; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void render();
    void follow(const QUrl& link);
    void fitPictures();

    QListWidget* m_contents;
    QTextBrowser* m_browser;
    QString m_current;
};

} // namespace strata
