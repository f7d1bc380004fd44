#pragma once

#include <functional>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "SetBuilder.h"
#include "connection/ConnectionDialog.h"

/// Drives the connection dialog's real widgets as an operator does, for the desktop app's tests.
namespace strata::test {

inline const QString kNoKeychain = QStringLiteral("The desktop keychain is not available: ");
inline const QString kAsksEachTime = QStringLiteral(
    "Strata does not store passwords on disk, so a password typed here is kept for this session only.");

template <typename T> inline T* widget(const QWidget& dialog, const char* name)
{
    auto* found = dialog.findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("The connection dialog has no widget named %s", name);
    return found;
}

/// Types `text` over what the field holds, as a person does: select all, then type.
inline void typeInto(QWidget* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

/// Answers the next modal dialog of type T that opens (modal dialogs block: the answer is queued first).
template <typename T> inline void answerNext(std::function<void(T&)> answer)
{
    QTimer::singleShot(10, [answer] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget()))
            answer(*dialog);
        else
            answerNext<T>(answer);
    });
}

inline void answerNextName(const QString& name)
{
    answerNext<QInputDialog>([name](QInputDialog& dialog) {
        typeInto(dialog.findChild<QLineEdit*>(), name);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
}

inline void answerNextQuestion(QMessageBox::StandardButton button)
{
    answerNext<QMessageBox>([button](QMessageBox& box) { box.button(button)->click(); });
}

/// Fills the PostgreSQL tab of `dialog` for the server of `url`, as an operator types it.
inline void typePostgres(ConnectionDialog& dialog, const ConnectionUrl& url, const QString& password)
{
    widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(1);
    typeInto(widget<QLineEdit>(dialog, "host"), url.postgresParameter(QStringLiteral("host")));
    typeInto(widget<QSpinBox>(dialog, "port"), url.postgresParameter(QStringLiteral("port")));
    typeInto(widget<QLineEdit>(dialog, "database"), url.postgresParameter(QStringLiteral("dbname")));
    typeInto(widget<QLineEdit>(dialog, "user"), url.postgresParameter(QStringLiteral("user")));
    typeInto(widget<QLineEdit>(dialog, "password"), password);
    typeInto(widget<QLineEdit>(dialog, "migrations"), bundledSet(QStringLiteral("strategy")));
}

inline void saveProfileAs(ConnectionDialog& dialog, const QString& name)
{
    answerNextName(name);
    QTest::mouseClick(widget<QPushButton>(dialog, "saveProfile"), Qt::LeftButton);
}

inline void pickProfile(ConnectionDialog& dialog, const QString& name)
{
    auto* list = widget<QComboBox>(dialog, "profiles");
    list->setCurrentIndex(list->findText(name));
}

inline QString note(const ConnectionDialog& dialog, const char* name)
{
    return widget<QLabel>(dialog, name)->text();
}

/// What clicking Test connection did.
struct TestClick
{
    bool connected = false;
    bool answeredLater = false; ///< the click returned at once, with the button off until the answer came
    int ticks = 0;              ///< how often the window's event loop ran while the test ran
};

inline TestClick clickTest(ConnectionDialog& dialog)
{
    QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
    QTimer heartbeat;
    TestClick click;
    QObject::connect(&heartbeat, &QTimer::timeout, [&click] { ++click.ticks; });
    heartbeat.start(10);
    auto* button = widget<QPushButton>(dialog, "testConnection");
    QTest::mouseClick(button, Qt::LeftButton);
    click.answeredLater = tested.isEmpty() && !button->isEnabled() &&
                          dialog.testResult().startsWith(QStringLiteral("Connecting to"));
    if (tested.isEmpty())
        tested.wait(20000);
    click.connected = !tested.isEmpty() && tested.first().at(0).toBool();
    return click;
}

/// Every file under the settings folder and the app's config, data and cache folders.
inline QStringList filesOnDisk()
{
    QStringList roots{QFileInfo(QSettings().fileName()).absolutePath()};
    for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                                QStandardPaths::AppLocalDataLocation, QStandardPaths::GenericConfigLocation,
                                QStandardPaths::GenericDataLocation, QStandardPaths::CacheLocation})
        roots << QStandardPaths::writableLocation(location);
    QStringList files;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.removeDuplicates();
    return files;
}

/// The files that hold `text` in UTF-8 or UTF-16 of either byte order (QSettings keeps lists as UTF-16).
inline QStringList filesHolding(const QStringList& files, const QString& text)
{
    QByteArray littleEndian, bigEndian;
    for (const QChar c : text) {
        littleEndian.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        bigEndian.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    QStringList holding;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(text.toUtf8()) || bytes.contains(littleEndian) || bytes.contains(bigEndian))
            holding << path;
    }
    return holding;
}

/// A port on 127.0.0.1 where connections are taken (by the kernel) and never answered, until hangUp().
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 && listen(m_fd, 8) == 0 &&
            getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentServer() { hangUp(); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    int port() const { return m_port; }
    /// Closes the port: the connections waiting on it are reset.
    void hangUp()
    {
        if (m_fd >= 0)
            close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace strata::test
