#include "KeyringSession.h"
#include "VerificationDialog.h"
#include "WidgetLookup.h"
#include "vault/ConsolePassphrase.h"
#include "vault/SecretBytes.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using keydesk::VerificationDialog;

// Local verification end to end: the verification dialog in passphrase mode drives the real
// ConsolePassphrase (Argon2id verifier in a private Secret Service), whose growing delays
// the dialog shows and waits out before the right passphrase gets through.
class TestPassphraseVerificationFlow : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    ConsolePassphrase m_passphrase;

    static void type(VerificationDialog &dialog, const QString &text)
    {
        auto *input = byAccessibleName<QLineEdit>(&dialog, u"Console passphrase"_s);
        QVERIFY(input->isEnabled());
        QTest::keyClicks(input, text);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Verify"_s), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        PassphraseJob *job = m_passphrase.setInitial("correct horse");
        PassphraseJob::Error error = PassphraseJob::Error::Other;
        connect(job, &PassphraseJob::finished, this,
                [&](PassphraseJob *done) { error = done->error(); });
        QSignalSpy finished(job, &PassphraseJob::finished);
        job->start();
        QVERIFY(finished.wait(15000));
        QCOMPARE(error, PassphraseJob::Error::NoError);
    }

    void wrongPassphrasesEarnDelaysThenTheRightOneVerifies()
    {
        VerificationDialog dialog(VerificationDialog::Mode::ConsolePassphrase);
        connect(&dialog, &VerificationDialog::submitted, this, [&] {
            QByteArray typed = dialog.passphrase();
            PassphraseJob *job = m_passphrase.verify(typed);
            wipeSecret(typed);
            connect(job, &PassphraseJob::finished, &dialog, [&](PassphraseJob *done) {
                if (done->error() == PassphraseJob::Error::NoError)
                    dialog.accept();
                else
                    dialog.showError(VerificationDialog::passphraseError(
                        done->error(), done->retryAfter(), done->errorString()));
            });
            job->start();
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *input = byAccessibleName<QLineEdit>(&dialog, u"Console passphrase"_s);
        auto *status = byAccessibleName<QLabel>(&dialog, u"Verification result"_s);

        // The first wrong attempt (a typo) earns no delay.
        type(dialog, u"wrong one"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
        QVERIFY2(status->text().startsWith(u"Wrong passphrase."_s), qPrintable(status->text()));
        QVERIFY(input->isEnabled());

        // The second earns 1 s, during which the dialog takes no attempt.
        type(dialog, u"wrong two"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
        QVERIFY2(status->text().contains(u"Try again in 1 second."_s), qPrintable(status->text()));
        QVERIFY(!input->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(input->isEnabled(), 5000);
        QCOMPARE(m_passphrase.failedAttempts(), 2);

        type(dialog, u"correct horse"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        QCOMPARE(m_passphrase.failedAttempts(), 0);
    }
};

QTEST_MAIN(TestPassphraseVerificationFlow)
#include "TestPassphraseVerificationFlow.moc"
