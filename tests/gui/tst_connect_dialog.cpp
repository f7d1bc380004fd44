#include <QAbstractSpinBox>
#include <QScreen>
#include <QTemporaryDir>

#include "ConnectionDialogDriver.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"

using namespace strata;
using namespace strata::test;

namespace {

/// The visible widgets of `dialog` that show less than they need: a wrapped label cut short (its text
/// needs more height than it has), a field squeezed below its own height.
QStringList cramped(const QWidget& dialog)
{
    QStringList found;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const int needed =
            label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
        if (label->height() < needed || label->width() < label->minimumSizeHint().width())
            found << QStringLiteral("label %1 (%2x%3, needs %4 high): %5")
                         .arg(label->objectName())
                         .arg(label->width())
                         .arg(label->height())
                         .arg(needed)
                         .arg(label->text().left(60));
    }
    for (QWidget* field : dialog.findChildren<QWidget*>()) {
        const bool isField = qobject_cast<QLineEdit*>(field) || qobject_cast<QAbstractSpinBox*>(field) ||
                             qobject_cast<QComboBox*>(field) || qobject_cast<QPushButton*>(field);
        // A spin box's or combo box's own editor is sized by its box, whatever the room: the box is checked.
        if (!isField || !field->isVisible() || qobject_cast<QAbstractSpinBox*>(field->parentWidget()) ||
            qobject_cast<QComboBox*>(field->parentWidget()))
            continue;
        if (field->height() < field->sizeHint().height())
            found << QStringLiteral("field %1 squeezed to %2 high (needs %3)")
                         .arg(field->objectName())
                         .arg(field->height())
                         .arg(field->sizeHint().height());
    }
    return found;
}

} // namespace

/// The Connect dialog at the smallest screen Strata supports (1024x700) and at a large one: with the
/// keychain's note and a connection error shown, every note reads in full and no field is squeezed.
class TestConnectDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataConnectDialogTest"));
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_settings.filePath("no-bus")));
    }

    void anErrorShowsInFullAndSqueezesNothing()
    {
        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto url = ConnectionUrl::parse(
            QStringLiteral("postgresql://risk_operator@127.0.0.1:%1/risk_state_production")
                .arg(unusedLocalPort()));
        QVERIFY(url);
        typePostgres(dialog, *url, QStringLiteral("secret"));
        QTRY_VERIFY(note(dialog, "passwordNote").startsWith(kNoKeychain));
        // A profile note too: Save profile… on the SQLite tab, which names no file.
        widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(0);
        QTest::mouseClick(widget<QPushButton>(dialog, "saveProfile"), Qt::LeftButton);
        widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(1);
        QVERIFY(widget<QLabel>(dialog, "profileNote")->isVisible());
        const QSize before = dialog.size();
        QVERIFY(!clickTest(dialog).connected);
        QVERIFY2(dialog.testResult().contains(QStringLiteral("Cannot reach the PostgreSQL server")) &&
                     dialog.testResult().contains(QStringLiteral("Next: ")),
                 qPrintable(dialog.testResult()));
        QTest::qWait(50); // the layout settles
        // On each screen as ConnectionDialog sizes itself: half the screen's width between 640 and 780
        // pixels, as tall as its content at that width.
        const auto onScreen = [&dialog](const QSize& screen) {
            const int width = qBound(640, screen.width() / 2, 780);
            const int height =
                dialog.hasHeightForWidth() ? dialog.heightForWidth(width) : dialog.sizeHint().height();
            return QSize(width, std::min(height, screen.height() - 48));
        };
        QVERIFY(keepScreenshots(dialog, QStringLiteral("connect-dialog-error"), onScreen));

        QVERIFY2(cramped(dialog).isEmpty(), qPrintable(cramped(dialog).join(QLatin1Char('\n'))));
        // It fits a 1024x700 screen, title bar included, and it grew for the error rather than shrinking.
        QVERIFY2(dialog.frameGeometry().height() <= 700 && dialog.frameGeometry().width() <= 1024,
                 qPrintable(QStringLiteral("%1x%2")
                                .arg(dialog.frameGeometry().width())
                                .arg(dialog.frameGeometry().height())));
        QVERIFY(dialog.height() >= before.height());
        const QRect screen = dialog.screen()->availableGeometry();
        QVERIFY2(screen.contains(dialog.frameGeometry()) || !screen.isValid(),
                 qPrintable(QStringLiteral("on a %1x%2 screen").arg(screen.width()).arg(screen.height())));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connect_dialog.moc"
