#include "ClipboardGuard.h"
#include "ConsoleSettings.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "WidgetLookup.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The console's settings: for secrets, the viewing session's length and the clipboard's clearing
// time; and the console's language. Set from the window's Console menu, kept in QSettings and
// bounded when read.
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

    void init()
    {
        QSettings().remove(u"security"_s);
        QSettings().remove(u"console"_s);
    }

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

    // "" follows the system; a hand-edited value the console does not speak follows it too.
    void languageIsOneTheConsoleSpeaks()
    {
        QCOMPARE(ConsoleSettings::language(), QString());
        ConsoleSettings::setLanguage(u"zh_CN"_s);
        QCOMPARE(ConsoleSettings::language(), u"zh_CN"_s);
        ConsoleSettings::setLanguage(u"en"_s);
        QCOMPARE(ConsoleSettings::language(), u"en"_s);
        ConsoleSettings::setLanguage(u"fr"_s);
        QCOMPARE(ConsoleSettings::language(), QString());
        QSettings().setValue(u"console/language"_s, u"zh_TW"_s);
        QCOMPARE(ConsoleSettings::language(), QString());
        QSettings().setValue(u"console/language"_s, 3);
        QCOMPARE(ConsoleSettings::language(), QString());
    }

    // Each language is named in its own language; the choice is saved with the others by OK and
    // used at the next start, as the dialog says.
    void languageChosenAndSaved()
    {
        {
            SettingsDialog dialog(nullptr);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *language = byAccessibleName<QComboBox>(&dialog, u"Language"_s);
            QVERIFY(language);
            QCOMPARE(language->count(), 3);
            QCOMPARE(language->itemText(0), u"System default"_s);
            QCOMPARE(language->itemText(1), u"English"_s);
            QCOMPARE(language->itemText(2), u"简体中文"_s);
            QCOMPARE(language->currentIndex(), 0);
            auto *note = dialog.findChild<QLabel *>(u"languageNote"_s);
            QVERIFY(note && note->isVisible());
            QVERIFY(note->text().contains(u"next time"_s));
            language->setCurrentIndex(2);
            QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"OK"_s), Qt::LeftButton);
        }
        QCOMPARE(ConsoleSettings::language(), u"zh_CN"_s);
        {
            SettingsDialog dialog(nullptr);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *language = byAccessibleName<QComboBox>(&dialog, u"Language"_s);
            QCOMPARE(language->currentText(), u"简体中文"_s);
            language->setCurrentIndex(1);
            QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Cancel"_s), Qt::LeftButton);
        }
        QCOMPARE(ConsoleSettings::language(), u"zh_CN"_s); // Cancel keeps it
        {
            SettingsDialog dialog(nullptr);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            byAccessibleName<QComboBox>(&dialog, u"Language"_s)->setCurrentIndex(0);
            QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"OK"_s), Qt::LeftButton);
        }
        QCOMPARE(ConsoleSettings::language(), QString()); // back to the system's
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
