#include "VerificationDialog.h"
#include "WidgetLookup.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using keydesk::KeyError;
using keydesk::VerificationDialog;
using Mode = keydesk::VerificationDialog::Mode;

namespace {

KeyError wrongCode(int attemptsLeft)
{
    KeyError error = KeyError::fromService(400, u"InvalidVerificationCode"_s,
                                           u"The verification code is wrong."_s, u"req-1"_s);
    error.attemptsLeft = attemptsLeft;
    return error;
}

} // namespace

// The verification dialog's own behaviour, offscreen; the flow against a sandbox is in
// TestDashVectorKeyFlows.
class TestVerificationDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeIsSixDigitsOnly();
    void verifySubmitsAndWaits();
    void enterWithIncompleteCodeDoesNothing();
    void wrongCodeShowsAttemptsLeft();
    void usedCodeSaysWaitForTheNext();
    void lockedShowsUntilAndDisablesInput();
    void passphraseDelayReenablesInput();
    void passphraseModeHidesInput();
    void everyControlHasAnAccessibleName_data();
    void everyControlHasAnAccessibleName();
};

void TestVerificationDialog::codeIsSixDigitsOnly()
{
    VerificationDialog dialog(Mode::ServiceCode);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
    auto *verify = byAccessibleName<QPushButton>(&dialog, u"Verify"_s);
    QVERIFY(input && verify);
    QTest::keyClicks(input, u"12ab-34"_s);
    QCOMPARE(input->text(), u"1234"_s);
    QVERIFY(!verify->isEnabled());
    QTest::keyClicks(input, u"5678"_s);
    QCOMPARE(input->text(), u"123456"_s);
    QCOMPARE(dialog.code(), u"123456"_s);
    QVERIFY(verify->isEnabled());
    QVERIFY(dialog.passphrase().isEmpty());
}

void TestVerificationDialog::verifySubmitsAndWaits()
{
    VerificationDialog dialog(Mode::ServiceCode);
    QSignalSpy submitted(&dialog, &VerificationDialog::submitted);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
    auto *verify = byAccessibleName<QPushButton>(&dialog, u"Verify"_s);
    QTest::keyClicks(input, u"654321"_s);
    QTest::mouseClick(verify, Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
    QVERIFY(dialog.isBusy());
    QVERIFY(!input->isEnabled());
    QVERIFY(!verify->isEnabled());
    QCOMPARE(dialog.code(), u"654321"_s); // kept for the caller while busy
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // the caller accepts, not the dialog
    dialog.showError(wrongCode(1));
    QVERIFY(byAccessibleName<QLabel>(&dialog, u"Verification result"_s)
                ->text()
                .contains(u"1 attempt left."_s));
}

void TestVerificationDialog::enterWithIncompleteCodeDoesNothing()
{
    VerificationDialog dialog(Mode::ServiceCode);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy submitted(&dialog, &VerificationDialog::submitted);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
    QTest::keyClicks(input, u"123"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(input, u"456"_s);
    QTest::keyClick(input, Qt::Key_Return); // Verify is the default button
    QCOMPARE(submitted.size(), 1);
}

void TestVerificationDialog::wrongCodeShowsAttemptsLeft()
{
    VerificationDialog dialog(Mode::ServiceCode);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
    auto *status = byAccessibleName<QLabel>(&dialog, u"Verification result"_s);
    QTest::keyClicks(input, u"000000"_s);
    Q_EMIT byAccessibleName<QPushButton>(&dialog, u"Verify"_s)->click();
    dialog.showError(wrongCode(3));
    QVERIFY(!dialog.isBusy());
    QVERIFY(status->text().contains(u"Wrong code."_s));
    QVERIFY2(status->text().contains(u"3 attempts left."_s), qPrintable(status->text()));
    QVERIFY(input->isEnabled());
    QVERIFY(input->text().isEmpty()); // ready for the next code
    dialog.showError(wrongCode(0));
    QVERIFY(status->text().contains(u"No attempts left"_s));
}

void TestVerificationDialog::usedCodeSaysWaitForTheNext()
{
    VerificationDialog dialog(Mode::ServiceCode);
    dialog.showError(KeyError::fromService(400, u"VerificationCodeUsed"_s, {}, {}));
    auto *status = byAccessibleName<QLabel>(&dialog, u"Verification result"_s);
    QVERIFY(status->text().contains(u"used already"_s));
}

void TestVerificationDialog::lockedShowsUntilAndDisablesInput()
{
    VerificationDialog dialog(Mode::ServiceCode);
    KeyError locked = KeyError::fromService(403, u"VerificationLocked"_s, {}, {});
    locked.until = QDateTime::currentDateTimeUtc().addSecs(900);
    dialog.showError(locked);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
    auto *status = byAccessibleName<QLabel>(&dialog, u"Verification result"_s);
    const QString until = VerificationDialog::lockedUntilText(locked.until);
    QCOMPARE(until, locked.until.toLocalTime().toString(u"HH:mm"_s));
    QVERIFY2(status->text().contains(u"Locked until "_s + until), qPrintable(status->text()));
    QVERIFY(!input->isEnabled());
    QVERIFY(!byAccessibleName<QPushButton>(&dialog, u"Verify"_s)->isEnabled());
    QVERIFY(byAccessibleName<QPushButton>(&dialog, u"Cancel"_s)->isEnabled());

    // Locked without an end: no try from this dialog at all.
    VerificationDialog noEnd(Mode::ServiceCode);
    noEnd.showError(KeyError::fromService(403, u"VerificationLocked"_s, {}, {}));
    QVERIFY(!byAccessibleName<QLineEdit>(&noEnd, u"Verification code"_s)->isEnabled());
}

void TestVerificationDialog::passphraseDelayReenablesInput()
{
    VerificationDialog dialog(Mode::ConsolePassphrase);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Console passphrase"_s);
    auto *status = byAccessibleName<QLabel>(&dialog, u"Verification result"_s);
    QVERIFY(input && status);
    const KeyError wrong = VerificationDialog::passphraseError(
        PassphraseJob::Error::WrongPassphrase, std::chrono::milliseconds(1000), u"Wrong"_s);
    QCOMPARE(wrong.kind, KeyError::Kind::VerificationWrong);
    dialog.showError(wrong);
    QVERIFY(status->text().contains(u"Wrong passphrase."_s));
    QVERIFY2(status->text().contains(u"Try again in"_s), qPrintable(status->text()));
    QVERIFY(!input->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(input->isEnabled(), 3000);
    QVERIFY(status->text().contains(u"You can try again now."_s));

    const KeyError tooSoon = VerificationDialog::passphraseError(
        PassphraseJob::Error::TooSoon, std::chrono::milliseconds(8000), {});
    QVERIFY(tooSoon.until.isValid());
    dialog.showError(tooSoon);
    QVERIFY(!input->isEnabled());
    QVERIFY(!VerificationDialog::passphraseError(PassphraseJob::Error::NoError, {}, {}));
}

void TestVerificationDialog::passphraseModeHidesInput()
{
    VerificationDialog dialog(Mode::ConsolePassphrase);
    auto *input = byAccessibleName<QLineEdit>(&dialog, u"Console passphrase"_s);
    QCOMPARE(input->echoMode(), QLineEdit::Password);
    input->setText(u"pässword 1"_s); // keyClicks() types Latin-1 only
    QCOMPARE(dialog.passphrase(), u"pässword 1"_s.toUtf8());
    QVERIFY(dialog.code().isEmpty());
    QVERIFY(byAccessibleName<QPushButton>(&dialog, u"Verify"_s)->isEnabled());

    // After a failed try the passphrase is zeroed where the field kept it; `kept` shares
    // the field's buffer (typed, not a literal, which lives in read-only memory).
    input->clear();
    QTest::keyClicks(input, u"typed secret"_s);
    const QString kept = input->text();
    const QByteArray given = dialog.passphrase();
    dialog.showError(
        VerificationDialog::passphraseError(PassphraseJob::Error::WrongPassphrase, {}, {}));
    QCOMPARE(kept, QString(12, QChar(0)));
    QVERIFY(input->text().isEmpty());
    QCOMPARE(given, "typed secret"_ba); // the caller's copy is the caller's
}

void TestVerificationDialog::everyControlHasAnAccessibleName_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::newRow("code") << Mode::ServiceCode;
    QTest::newRow("passphrase") << Mode::ConsolePassphrase;
}

void TestVerificationDialog::everyControlHasAnAccessibleName()
{
    QFETCH(Mode, mode);
    VerificationDialog dialog(mode);
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if ((widget->focusPolicy() & Qt::TabFocus) && !widget->inherits("QDialogButtonBox"))
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    // Tab order: input, Verify, Cancel.
    auto *input = dialog.findChild<QLineEdit *>();
    QCOMPARE(nextTabStop(input), byAccessibleName<QPushButton>(&dialog, u"Verify"_s));
}

QTEST_MAIN(TestVerificationDialog)
#include "TestVerificationDialog.moc"
