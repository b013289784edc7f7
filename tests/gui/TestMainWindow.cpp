#include "ClipboardGuard.h"
#include "DemoProfiles.h"
#include "DemoSandbox.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfileSidebar.h"
#include "services/KeyService.h"
#include "vault/SecretBytes.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The window `keydesk --sandbox` opens, offscreen on a real keydesk-sandbox with --demo: the
// profiles grouped by service, each one's keys, a profile without its secret, removal with
// confirmation, and what the window remembers.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    DemoSandbox m_demoSandbox;
    const DemoProfiles *m_demo = nullptr;
    ClipboardGuard *m_clipboard = nullptr;

    std::unique_ptr<MainWindow> window(bool withSecrets = true)
    {
        auto window = std::make_unique<MainWindow>(
            m_demo->profiles(), KeyPageTools {nullptr, nullptr, m_clipboard}, nullptr);
        if (withSecrets) {
            for (const Profile &profile : m_demo->profiles()) {
                QByteArray secret = m_demo->secret(profile.id);
                window->setSecret(profile.id, secret);
                wipeSecret(secret);
            }
        }
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestMainWindow"_s);
        QVERIFY2(m_demoSandbox.start(), qPrintable(m_demoSandbox.errorString()));
        m_demo = &m_demoSandbox.demo();
        m_clipboard = new ClipboardGuard(this);
    }

    void profilesGroupedByService()
    {
        const auto shown = window();
        QVERIFY(shown);
        auto *tree = shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s);
        QCOMPARE(tree->topLevelItemCount(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(tree->topLevelItem(i)->text(0),
                     serviceDisplayName(static_cast<ServiceKind>(i)));
            QCOMPARE(tree->topLevelItem(i)->childCount(), 1);
        }
    }

    void eachProfileListsItsKeys()
    {
        const auto shown = window();
        QVERIFY(shown);
        QVERIFY(!shown->currentPage());
        for (const Profile &profile : m_demo->profiles()) {
            shown->selectProfile(profile.id);
            KeyListPage *page = shown->currentPage();
            QVERIFY(page);
            QCOMPARE(page->service()->kind(), profile.service);
            QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 20000);
            QCOMPARE(page->state(), KeyListPage::State::Keys);
            QVERIFY(page->table()->model()->rowCount() >= 2);
        }
        // Going back shows the same page, not a new one.
        KeyListPage *first = shown->pageFor(m_demo->profiles().first().id);
        shown->selectProfile(m_demo->profiles().first().id);
        QCOMPARE(shown->currentPage(), first);
    }

    void missingSecretIsNamed()
    {
        const auto shown = window(false);
        QVERIFY(shown);
        const Profile &profile = m_demo->profiles().at(2);
        shown->setSecretMissing(profile.id, u"no secret in the keychain"_s);
        QVERIFY2(shown->statusBar()->currentMessage().contains(profile.displayName),
                 qPrintable(shown->statusBar()->currentMessage()));
        shown->selectProfile(profile.id);
        QVERIFY(!shown->currentPage());
        auto *placeholder = shown->findChild<QLabel *>(u"placeholder"_s);
        QVERIFY(placeholder->isVisible());
        QVERIFY2(placeholder->text().contains(u"no secret in the keychain"_s),
                 qPrintable(placeholder->text()));
        // The secret arriving later shows the keys.
        QByteArray secret = m_demo->secret(profile.id);
        shown->setSecret(profile.id, secret);
        wipeSecret(secret);
        QVERIFY(shown->currentPage());
        QVERIFY(shown->statusBar()->currentMessage().isEmpty());
    }

    void removeAsksFirst()
    {
        const auto shown = window();
        QVERIFY(shown);
        const Profile &profile = m_demo->profiles().at(4);
        shown->selectProfile(profile.id);
        QVERIFY(shown->currentPage());
        auto *remove = shown->sidebar()->findChild<QPushButton *>(u"removeProfile"_s);
        QVERIFY(remove->isEnabled());

        QTest::mouseClick(remove, Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = shown->findChild<QMessageBox *>(u"confirmRemoval"_s)));
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        confirm->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!shown->findChild<QMessageBox *>(u"confirmRemoval"_s));
        QVERIFY(shown->pageFor(profile.id));

        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY((confirm = shown->findChild<QMessageBox *>(u"confirmRemoval"_s)));
        QTest::mouseClick(confirm->findChild<QPushButton *>(u"remove"_s), Qt::LeftButton);
        QTRY_VERIFY(!shown->pageFor(profile.id));
        auto *tree = shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s);
        QCOMPARE(tree->topLevelItemCount(), 4);
    }

    void remembersGeometryAndSortOrder()
    {
        const Profile &profile = m_demo->profiles().at(3);
        {
            const auto shown = window();
            QVERIFY(shown);
            shown->resize(870, 530);
            shown->selectProfile(profile.id);
            QVERIFY(shown->currentPage());
            shown->currentPage()->table()->sortByColumn(KeyTableModel::CreatedColumn,
                                                        Qt::DescendingOrder);
            shown->close();
        }
        const auto again = window();
        QVERIFY(again);
        QCOMPARE(again->size(), QSize(870, 530));
        again->selectProfile(profile.id);
        const QHeaderView *header = again->currentPage()->table()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(KeyTableModel::CreatedColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void addAndEditOpenTheProfileDialog()
    {
        const auto shown = window();
        QVERIFY(shown);
        auto *edit = shown->sidebar()->findChild<QPushButton *>(u"editProfile"_s);
        QVERIFY(!edit->isEnabled());
        QTest::mouseClick(shown->sidebar()->findChild<QPushButton *>(u"addProfile"_s),
                          Qt::LeftButton);
        QPointer<ProfileDialog> dialog = shown->findChild<ProfileDialog *>(u"profileDialog"_s);
        QVERIFY(dialog);
        QVERIFY(!dialog->isEditing());
        // The demo's window has no store: what is added lasts for the session, and it says so.
        QVERIFY(dialog->findChild<QLabel *>(u"sessionNote"_s)->isVisibleTo(dialog));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        const Profile &profile = m_demo->profiles().at(1);
        shown->selectProfile(profile.id);
        QVERIFY(edit->isEnabled());
        QTest::mouseClick(edit, Qt::LeftButton);
        dialog = shown->findChild<ProfileDialog *>(u"profileDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isEditing());
        QCOMPARE(dialog->profile().id, profile.id);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(shown->sidebar()->findChild<QTreeWidget *>(u"profiles"_s)->topLevelItemCount(), 5);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
