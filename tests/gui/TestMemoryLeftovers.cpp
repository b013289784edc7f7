#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "CreatedKeyDialog.h"
#include "DemoSandbox.h"
#include "KeyFilterModel.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "KeyTestDialog.h"
#include "KeyringSession.h"
#include "MemorySearch.h"
#include "RevealSession.h"
#include "VerificationDialog.h"
#include "ViewKeyDialog.h"
#include "WidgetLookup.h"
#include "services/KeyService.h"
#include "vault/ConsolePassphrase.h"
#include "vault/CredentialVault.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

template<typename T>
T *openedDialog(const QWidget *page, const QString &objectName)
{
    T *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = page->findChild<T *>(objectName)); }, 15000))
        return nullptr;
    return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

} // namespace

// No leftovers after a session: the real key list pages of every service, with the real tools
// (keychain, console passphrase, clipboard guard), against keydesk-sandbox --demo over HTTPS.
// Each page creates a key (shown once, a copy kept), views it after verification (Show, Copy)
// until the viewing session ends, and tests it. Then, with the pages still open as in the
// console, this process's memory is read through /proc/self/mem: neither a value nor the
// console passphrase may be in it, raw or UTF-16, while a value planted on purpose is found.
// The test links the allocator of `keydesk` (app/ScrubbingFree.cpp) and holds what it searches
// for only masked (MemorySearch.h).
class TestMemoryLeftovers : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    DemoSandbox m_demo;
    CredentialVault m_vault;
    std::unique_ptr<ConsolePassphrase> m_passphrase;
    ClipboardGuard *m_clipboard = nullptr;
    MaskedNeedle m_passphraseNeedle = MaskedNeedle::random(u"console passphrase"_s, 24);
    QList<MaskedNeedle> m_values;
    std::vector<std::unique_ptr<KeyListPage>> m_pages; // open until the search, as in the console

    KeyListPage *openPage(ServiceKind service)
    {
        auto page = std::make_unique<KeyListPage>(
            m_demo.service(service), KeyPageTools {&m_vault, m_passphrase.get(), m_clipboard});
        page->resize(900, 500);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get())
            || !QTest::qWaitFor([&] { return !page->isLoading(); }, 20000))
            return nullptr;
        m_pages.push_back(std::move(page));
        return m_pages.back().get();
    }

    static bool select(KeyListPage &page, const QString &id)
    {
        const auto *proxy = qobject_cast<KeyFilterModel *>(page.table()->model());
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (page.keyModel()->keyAt(proxy->sourceRow(row)).id == id) {
                page.table()->selectRow(row);
                return page.currentKey() && page.currentKey()->id == id;
            }
        }
        return false;
    }

    static void fillCreateDialog(CreateKeyDialog *dialog, ServiceKind service)
    {
        if (auto *name = byAccessibleName<QLineEdit>(dialog, u"Name or description"_s))
            QTest::keyClicks(name, u"leftovers"_s);
        if (auto *permission = byAccessibleName<QComboBox>(dialog, u"Permission"_s))
            permission->setCurrentIndex(permission->findData(u"read"_s));
        if (service == ServiceKind::Ram)
            byAccessibleName<QComboBox>(dialog, u"Owner"_s)->setCurrentText(u"bob"_s);
        QVERIFY(dialog->isValid());
    }

    // Create, shown once, a copy kept; the new key's id.
    QString create(KeyListPage &page, ServiceKind service)
    {
        QSet<QString> before;
        for (const ApiKey &key : page.keyModel()->keys())
            before.insert(key.id);
        page.action(u"create"_s)->trigger();
        auto *dialog = openedDialog<CreateKeyDialog>(&page, u"createKeyDialog"_s);
        if (!dialog)
            return {};
        fillCreateDialog(dialog, service);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Create"_s), Qt::LeftButton);
        auto *created = openedDialog<CreatedKeyDialog>(&page, u"createdKeyDialog"_s);
        if (!created)
            return {};
        QTest::mouseClick(byAccessibleName<QToolButton>(created, u"Show the value"_s),
                          Qt::LeftButton);
        m_values.append(MaskedNeedle(
            serviceId(service) + u" value"_s,
            QStringView(byAccessibleName<QLineEdit>(created, u"Key value"_s)->text())));
        QTest::mouseClick(
            byAccessibleName<QCheckBox>(created, u"Keep a copy in the system keychain"_s),
            Qt::LeftButton);
        const QPointer<CreatedKeyDialog> guard(created);
        QTest::mouseClick(byAccessibleName<QPushButton>(created, u"Done"_s), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !guard; }, 15000))
            return {};
        QString id;
        [[maybe_unused]] const bool listed = QTest::qWaitFor(
            [&] {
                for (const ApiKey &key : page.keyModel()->keys()) {
                    if (!before.contains(key.id))
                        id = key.id;
                }
                return !id.isEmpty() && !page.isLoading();
            },
            15000);
        return id;
    }

    // View after verification (the service's value again, or the kept copy), Show, Copy, and
    // the session runs out by its own clock (sped up); the ended dialog stays open.
    void view(KeyListPage &page, ServiceKind service, const QString &id)
    {
        QVERIFY(select(page, id));
        page.action(u"view"_s)->trigger();
        QPointer<VerificationDialog> verification
            = openedDialog<VerificationDialog>(&page, u"verificationDialog"_s);
        QVERIFY(verification);
        const bool code = verification->mode() == VerificationDialog::Mode::ServiceCode;
        auto *input = byAccessibleName<QLineEdit>(
            verification, code ? u"Verification code"_s : u"Console passphrase"_s);
        QVERIFY(input);
        if (code) {
            QTest::keyClicks(input, m_demo.totp());
        } else {
            QByteArray passphrase = m_passphraseNeedle.unmasked();
            QString typed = QString::fromLatin1(passphrase);
            wipeSecret(passphrase);
            QTest::keyClicks(input, typed);
            wipeSecret(typed);
        }
        QTest::mouseClick(byAccessibleName<QPushButton>(verification, u"Verify"_s), Qt::LeftButton);
        auto *dialog = openedDialog<ViewKeyDialog>(&page, u"viewKeyDialog"_s);
        QVERIFY2(dialog, qPrintable(serviceId(service)));
        QTRY_VERIFY(!verification);
        auto *field = byAccessibleName<QLineEdit>(dialog, u"Key value"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Show the value"_s),
                          Qt::LeftButton);
        QVERIFY(m_values.last().matches(field->text()));
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Copy the value"_s),
                          Qt::LeftButton);
        QVERIFY(m_clipboard->holdsSecret());
        dialog->session()->findChild<QTimer *>()->setInterval(5);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->session()->isActive(), 10000);
        QVERIFY(!m_clipboard->holdsSecret());
        QVERIFY(!m_values.last().matches(field->text()));
    }

    // Test with the value pasted, then closed.
    void test(KeyListPage &page, const QString &id)
    {
        QVERIFY(select(page, id));
        page.action(u"test"_s)->trigger();
        QPointer<KeyTestDialog> dialog = openedDialog<KeyTestDialog>(&page, u"keyTestDialog"_s);
        QVERIFY(dialog);
        QByteArray value = m_values.last().unmasked();
        QString typed = QString::fromLatin1(value);
        wipeSecret(value);
        QTest::keyClicks(byAccessibleName<QLineEdit>(dialog, u"Value to test"_s), typed);
        wipeSecret(typed);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Test"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QCOMPARE(dialog->resultText(), u"The key works: the service accepted it."_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Close"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
    }

private Q_SLOTS:
    void initTestCase()
    {
#ifndef KEYDESK_SCRUBBING_FREE
        QSKIP("Built with the sanitizers, whose allocator takes the place of keydesk's "
              "scrubbing free (app/ScrubbingFree.cpp).");
#endif
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestMemoryLeftovers"_s);
        m_clipboard = new ClipboardGuard(this);
        ConsolePassphrase passphrase;
        QByteArray initial = m_passphraseNeedle.unmasked();
        PassphraseJob *job = passphrase.setInitial(initial);
        QSignalSpy finished(job, &PassphraseJob::finished);
        job->start();
        QVERIFY(finished.wait(15000));
        wipeSecret(initial);
        QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
        m_passphrase = std::make_unique<ConsolePassphrase>();
    }

    void noValueIsLeftInMemory()
    {
        for (const ServiceKind service : DemoSandbox::services()) {
            KeyListPage *page = openPage(service);
            QVERIFY2(page, qPrintable(serviceId(service)));
            const QString id = create(*page, service);
            QVERIFY2(!id.isEmpty(), qPrintable(serviceId(service)));
            QCOMPARE(m_values.size(), m_pages.size());
            view(*page, service, id);
            QVERIFY(!QTest::currentTestFailed());
            test(*page, id);
            QVERIFY(!QTest::currentTestFailed());
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        // Planted and deliberately not wiped: the search must find it, or it proves nothing.
        const MaskedNeedle planted = MaskedNeedle::random(u"planted"_s, 32);
        const QByteArray plantedValue = planted.unmasked();
        QList<MaskedNeedle> needles = m_values;
        needles.append(m_passphraseNeedle);
        needles.append(planted);
        QStringList found = findInProcessMemory(needles);
        QVERIFY2(found.removeIf([](const QString &hit) {
            return hit.startsWith(u"planted (raw)"_s);
        }) > 0,
                 "the planted value was not found: the search is blind");
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        QVERIFY(!plantedValue.isEmpty());
    }
};

QTEST_MAIN(TestMemoryLeftovers)
#include "TestMemoryLeftovers.moc"
