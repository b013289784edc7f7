#include "ClipboardGuard.h"
#include "ConsoleSettings.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "WidgetLookup.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The console's settings for secrets: the viewing session's length and the clipboard's clearing
// time, set from the window's Console menu, kept in QSettings and bounded when read.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestSettingsDialog"_s);
    }

    void init() { QSettings().remove(u"security"_s); }

    void defaults()
    {
        QCOMPARE(ConsoleSettings::viewingSeconds(), 60);
        QCOMPARE(ConsoleSettings::clipboardSeconds(), 30);
        QCOMPARE(ClipboardGuard().clearAfterMs(), 30000);
    }

    // A hand-edited file may shorten or lengthen a safeguard, never turn it off.
    void readValuesAreBounded()
    {
        QSettings settings;
        settings.setValue(u"security/viewingSeconds"_s, 0);
        settings.setValue(u"security/clipboardSeconds"_s, 100000);
        QCOMPARE(ConsoleSettings::viewingSeconds(), 10);
        QCOMPARE(ConsoleSettings::clipboardSeconds(), 600);
        settings.setValue(u"security/viewingSeconds"_s, u"a minute"_s);
        QCOMPARE(ConsoleSettings::viewingSeconds(), 60);
    }

    void okSavesAndTheClipboardFollows()
    {
        ClipboardGuard clipboard;
        SettingsDialog dialog(&clipboard);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *viewing = byAccessibleName<QSpinBox>(&dialog, u"Viewing session length"_s);
        auto *clearing = byAccessibleName<QSpinBox>(&dialog, u"Clipboard clearing time"_s);
        QVERIFY(viewing && clearing);
        QCOMPARE(viewing->value(), 60);
        QCOMPARE(viewing->minimum(), 10);
        QCOMPARE(clearing->value(), 30);
        viewing->setValue(15);
        clearing->setValue(10);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"OK"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(ConsoleSettings::viewingSeconds(), 15);
        QCOMPARE(ConsoleSettings::clipboardSeconds(), 10);
        QCOMPARE(clipboard.clearAfterMs(), 10000); // at once
        QCOMPARE(ClipboardGuard().clearAfterMs(), 10000); // and at the next start
    }

    void cancelKeepsWhatWasThere()
    {
        ConsoleSettings::setViewingSeconds(120);
        SettingsDialog dialog(nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        byAccessibleName<QSpinBox>(&dialog, u"Viewing session length"_s)->setValue(20);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Cancel"_s), Qt::LeftButton);
        QCOMPARE(ConsoleSettings::viewingSeconds(), 120);
    }

    void openedFromTheConsoleMenu()
    {
        ClipboardGuard clipboard;
        MainWindow window({}, KeyPageTools {nullptr, nullptr, &clipboard}, nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *settings = window.findChild<QAction *>(u"settings"_s);
        QVERIFY(settings);
        QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        settings->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(u"settingsDialog"_s))
                    && dialog->isVisible());
        dialog->reject();
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
