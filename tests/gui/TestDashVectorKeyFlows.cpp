#include "ClipboardGuard.h"
#include "DeleteKeyDialog.h"
#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "VerificationDialog.h"
#include "ViewKeyDialog.h"
#include "WidgetLookup.h"
#include "net/HttpClient.h"
#include "services/DashVectorService.h"
#include "vault/SecretBytes.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// View and delete of a DashVector key end to end, through the real dialogs driven offscreen
// against a real sandbox account with an MFA device: the dialogs' submitted() runs the
// adapter's job with the typed code, as the console's window does.
class TestDashVectorKeyFlows : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    std::unique_ptr<DashVectorService> service(const SandboxAccount &account)
    {
        const Profile profile = sandboxProfile(ServiceKind::DashVector, m_sandbox.http(),
                                               QString::fromLatin1(account.root.accessKeyId));
        return std::make_unique<DashVectorService>(profile, account.root.accessKeySecret,
                                                   &m_client);
    }

    // A well-formed code that is none of the codes the sandbox accepts right now.
    QString wrongCode(const SandboxAccount &account)
    {
        const QSet<QString> valid {m_sandbox.totp(account, -1), m_sandbox.totp(account),
                                   m_sandbox.totp(account, 1), m_sandbox.totp(account, 2)};
        for (int digit = 0;; ++digit) {
            QString code(6, QChar(u'0' + digit % 10));
            if (!valid.contains(code))
                return code;
        }
    }

    static ApiKey createKey(DashVectorService &dashvector, const QString &name, QByteArray *value)
    {
        CreateKeyRequest request;
        request.name = name;
        const KeyJobResult created = await(dashvector.createKey(request));
        expectOk(created);
        if (value)
            *value = created.secret;
        return created.key;
    }

    static void enterCode(QWidget *dialog, const QString &code)
    {
        auto *input = byAccessibleName<QLineEdit>(dialog, u"Verification code"_s);
        QVERIFY(input);
        QVERIFY(input->isEnabled());
        input->clear();
        QTest::keyClicks(input, code);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void viewAfterWrongThenRightCode()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account);
        QVERIFY(dashvector->capabilities().revealNeedsVerification);
        QByteArray created;
        const ApiKey key = createKey(*dashvector, u"search service"_s, &created);
        QVERIFY(!QTest::currentTestFailed());

        VerificationDialog verification(VerificationDialog::Mode::ServiceCode);
        QByteArray revealed;
        connect(&verification, &VerificationDialog::submitted, this, [&] {
            KeyJob *job = dashvector->revealKey(key.id, verification.code());
            connect(job, &KeyJob::finished, &verification, [&](KeyJob *done) {
                if (done->error()) {
                    verification.showError(done->error());
                } else {
                    revealed = detachedSecretCopy(done->secret());
                    verification.accept();
                }
            });
        });
        verification.show();
        QVERIFY(QTest::qWaitForWindowExposed(&verification));
        auto *verify = byAccessibleName<QPushButton>(&verification, u"Verify"_s);
        auto *status = byAccessibleName<QLabel>(&verification, u"Verification result"_s);

        enterCode(&verification, wrongCode(account));
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY(verification.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!verification.isBusy(), 15000);
        QVERIFY2(status->text().contains(u"Wrong code. 4 attempts left."_s),
                 qPrintable(status->text()));
        QVERIFY(verification.isVisible());
        QVERIFY(revealed.isEmpty());

        enterCode(&verification, m_sandbox.totp(account));
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(verification.result(), int(QDialog::Accepted), 15000);
        QCOMPARE(revealed, created);

        ClipboardGuard clipboard;
        ViewKeyDialog view(key, revealed, &clipboard);
        wipeSecret(revealed); // the session holds its own copy
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *field = byAccessibleName<QLineEdit>(&view, u"Key value"_s);
        QCOMPARE(field->text(), key.maskedValue);
        QTest::mouseClick(byAccessibleName<QPushButton>(&view, u"Show the value"_s),
                          Qt::LeftButton);
        QCOMPARE(field->text().toUtf8(), created);

        // Closing ends the session; viewing again would need a new verification and dialog.
        QTest::mouseClick(byAccessibleName<QPushButton>(&view, u"Close"_s), Qt::LeftButton);
        QVERIFY(!view.session()->isActive());
        QVERIFY(view.session()->value().isEmpty());
        QVERIFY(!field->text().toUtf8().contains(created));
    }

    void deleteWithTypedNameAndCode()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account);
        const ApiKey key = createKey(*dashvector, u"to be deleted"_s, nullptr);
        QVERIFY(!QTest::currentTestFailed());
        const ServiceCapabilities capabilities = dashvector->capabilities();

        DeleteKeyDialog dialog(key, capabilities);
        connect(&dialog, &DeleteKeyDialog::submitted, this, [&] {
            QCOMPARE(dialog.choice(), DeleteKeyDialog::Choice::Delete);
            KeyJob *job = dashvector->deleteKey(key.id, dialog.code());
            connect(job, &KeyJob::finished, &dialog, [&](KeyJob *done) {
                if (done->error())
                    dialog.showError(done->error());
                else
                    dialog.accept();
            });
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!byAccessibleName<QPushButton>(&dialog, u"Disable the key instead"_s));
        auto *remove = byAccessibleName<QPushButton>(&dialog, u"Delete the key"_s);
        QTest::keyClicks(byAccessibleName<QLineEdit>(&dialog, u"Confirmation"_s), key.name);
        QVERIFY(!remove->isEnabled()); // DashVector asks for the code too

        enterCode(&dialog, wrongCode(account));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
        auto *result = byAccessibleName<QLabel>(&dialog, u"Result"_s);
        QVERIFY2(result->text().contains(u"Wrong code. 4 attempts left."_s),
                 qPrintable(result->text()));
        const KeyJobResult stillThere = await(dashvector->listKeys());
        expectOk(stillThere);
        QVERIFY(findKey(stillThere.list, key.id));

        enterCode(&dialog, m_sandbox.totp(account));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        const KeyJobResult after = await(dashvector->listKeys());
        expectOk(after);
        QVERIFY(!findKey(after.list, key.id));
    }
};

QTEST_MAIN(TestDashVectorKeyFlows)
#include "TestDashVectorKeyFlows.moc"
