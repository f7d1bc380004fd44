#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace strata {

/// Help > User guide: the README and the guides of docs/, bundled in the app and rendered from their
/// Markdown, one chapter at a time; a link to another chapter opens it here, a web link in the browser.
class UserGuide : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuide(QWidget* parent = nullptr);

    /// The chapters' resource paths, in the order of the list (":/guide/README.md", ...).
    static QStringList chapters();
    /// Shows the chapter at `path` (one of chapters()).
    void showChapter(const QString& path);
    QString currentChapter() const { return m_current; }
    QTextBrowser* browser() const { return m_browser; }
    QListWidget* contents() const { return m_contents; }

private:
    void follow(const QUrl& link);

    QListWidget* m_contents;
    QTextBrowser* m_browser;
    QString m_current;
};

} // namespace strata
