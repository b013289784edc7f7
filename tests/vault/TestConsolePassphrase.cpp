#include "KeyringSession.h"
#include "VaultTestSupport.h"
#include "vault/Argon2Verifier.h"
#include "vault/ConsolePassphrase.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

// The console passphrase (DESIGN.md §6) against the real Secret Service: kept only as an
// Argon2id verifier, checked with growing delays after wrong attempts. The clock is injected,
// so the delays are tested without sleeping.
class TestConsolePassphrase : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    std::unique_ptr<ConsolePassphrase> m_passphrase;
    milliseconds m_now = 1000s;

    PassphraseJob::Error set(const QByteArray &passphrase)
    {
        return runJob(m_passphrase->setInitial(passphrase)).passphraseError;
    }
    JobResult verify(const QByteArray &passphrase)
    {
        return runJob(m_passphrase->verify(passphrase));
    }

    // The verifier as another program reads it from the keychain (QtKeychain's base64).
    static QByteArray storedVerifier()
    {
        const ToolOutput output = secretTool({u"lookup"_s, u"xdg:schema"_s, u"org.qt.keychain"_s,
                                              u"server"_s, ConsolePassphrase::serviceName(),
                                              u"user"_s, ConsolePassphrase::keyName()});
        return QByteArray::fromBase64(output.out.trimmed());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
    }

    // Each test starts with no passphrase stored and a fresh count of wrong attempts (the
    // count a run leaves in the keychain is TestPassphraseAttempts').
    void init()
    {
        for (const QString &key :
             {ConsolePassphrase::keyName(), ConsolePassphrase::attemptsKeyName()}) {
            const JobResult removed = runJob(
                new VaultJob(VaultJob::Operation::Delete, ConsolePassphrase::serviceName(), key));
            QCOMPARE(removed.vaultError, VaultJob::Error::NoError);
        }
        m_passphrase = std::make_unique<ConsolePassphrase>();
        m_passphrase->setClock([this] { return m_now; });
    }

    void delaySchedule_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("seconds");
        const QList<QPair<int, int>> schedule {{0, 0}, {1, 0},  {2, 1},  {3, 2},  {4, 4},
                                               {5, 8}, {6, 16}, {7, 30}, {8, 30}, {1000, 30}};
        for (const auto &[failures, seconds] : schedule)
            QTest::addRow("%d failures", failures) << failures << seconds;
    }

    void delaySchedule()
    {
        QFETCH(int, failures);
        QFETCH(int, seconds);
        QCOMPARE(ConsolePassphrase::delayAfterFailures(failures).count(), seconds);
    }

    void nothingIsSetAtFirst()
    {
        const JobResult check = runJob(m_passphrase->checkIsSet());
        QCOMPARE(check.passphraseError, PassphraseJob::Error::NoError);
        QVERIFY(!check.passphraseJob->isSet());

        const JobResult attempt = verify("anything");
        QCOMPARE(attempt.passphraseError, PassphraseJob::Error::NotSet);
        QVERIFY(!attempt.errorString.isEmpty());
        QCOMPARE(m_passphrase->failedAttempts(), 0);
    }

    void setThenVerify()
    {
        QCOMPARE(set("correct horse battery staple"), PassphraseJob::Error::NoError);
        const JobResult check = runJob(m_passphrase->checkIsSet());
        QVERIFY(check.passphraseJob->isSet());

        const JobResult attempt = verify("correct horse battery staple");
        QCOMPARE(attempt.passphraseError, PassphraseJob::Error::NoError);
        QCOMPARE(attempt.signalCount, 1);
        QCOMPARE(m_passphrase->failedAttempts(), 0);
    }

    void onlyAnArgon2idVerifierIsStored()
    {
        const QByteArray passphrase = "Tr0ub4dor&3 passphrase";
        QCOMPARE(set(passphrase), PassphraseJob::Error::NoError);

        const QByteArray verifier = storedVerifier();
        QVERIFY2(verifier.startsWith("$argon2id$"), verifier.constData());
        QVERIFY(verifier.startsWith("$argon2id$v=19$m=65536,t=2,p=1$")); // libsodium INTERACTIVE
        for (const QByteArray &form : {passphrase, passphrase.toBase64(), passphrase.toHex()})
            QVERIFY(!verifier.contains(form));
        // The stored string is a real verifier of this passphrase, by libsodium itself.
        QVERIFY(Argon2Verifier::matches(verifier, passphrase));
        QVERIFY(!Argon2Verifier::matches(verifier, "Tr0ub4dor&3 passphrasf"));

        // A second passphrase gets a new salt: equal passphrases give different verifiers.
        QVERIFY(Argon2Verifier::make(passphrase) != verifier);
    }

    void wrongPassphraseIsRefused()
    {
        QCOMPARE(set("the right one"), PassphraseJob::Error::NoError);
        const JobResult attempt = verify("the wrong one");
        QCOMPARE(attempt.passphraseError, PassphraseJob::Error::WrongPassphrase);
        QCOMPARE(attempt.passphraseJob->failedAttempts(), 1);
        QCOMPARE(attempt.passphraseJob->retryAfter(), 0ms); // a first typo costs nothing
        QVERIFY(!attempt.errorString.isEmpty());
        QVERIFY(!attempt.errorString.contains(u"wrong one"_s));
        QCOMPARE(verify("the right one").passphraseError, PassphraseJob::Error::NoError);
    }

    void delaysGrowAfterWrongAttempts()
    {
        QCOMPARE(set("patience"), PassphraseJob::Error::NoError);
        const QList<milliseconds> delays {0s, 1s, 2s, 4s, 8s, 16s, 30s, 30s};
        for (int failure = 1; failure <= delays.size(); ++failure) {
            const milliseconds delay = delays[failure - 1];
            const JobResult wrong = verify("impatience");
            QCOMPARE(wrong.passphraseError, PassphraseJob::Error::WrongPassphrase);
            QCOMPARE(wrong.passphraseJob->failedAttempts(), failure);
            QCOMPARE(wrong.passphraseJob->retryAfter(), delay);
            QCOMPARE(m_passphrase->retryAfter(), delay);
            if (delay == 0ms)
                continue;

            // During the delay even the right passphrase is refused, at once and unchecked,
            // with the time left; the refusal is not another failure.
            const JobResult early = verify("patience");
            QCOMPARE(early.passphraseError, PassphraseJob::Error::TooSoon);
            QCOMPARE(early.passphraseJob->retryAfter(), delay);
            QVERIFY2(early.errorString.contains(QString::number(delay.count() / 1000)),
                     qPrintable(early.errorString));
            m_now += delay - 1ms;
            const JobResult almost = verify("patience");
            QCOMPARE(almost.passphraseError, PassphraseJob::Error::TooSoon);
            QCOMPARE(almost.passphraseJob->retryAfter(), 1ms);
            QCOMPARE(m_passphrase->failedAttempts(), failure);
            m_now += 1ms;
            QCOMPARE(m_passphrase->retryAfter(), 0ms);
        }

        // The right passphrase, once the delay is over, clears the count.
        const JobResult right = verify("patience");
        QCOMPARE(right.passphraseError, PassphraseJob::Error::NoError);
        QCOMPARE(m_passphrase->failedAttempts(), 0);
        QCOMPARE(verify("impatience").passphraseJob->retryAfter(), 0ms);
    }

    void setInitialTwiceIsRefused()
    {
        QCOMPARE(set("first passphrase"), PassphraseJob::Error::NoError);
        const QByteArray before = storedVerifier();
        const JobResult again = runJob(m_passphrase->setInitial("second passphrase"));
        QCOMPARE(again.passphraseError, PassphraseJob::Error::AlreadySet);
        QVERIFY(!again.errorString.isEmpty());
        QCOMPARE(storedVerifier(), before);
        QCOMPARE(verify("first passphrase").passphraseError, PassphraseJob::Error::NoError);
    }

    void changeRequiresTheOldPassphrase()
    {
        QCOMPARE(set("old passphrase"), PassphraseJob::Error::NoError);
        const QByteArray before = storedVerifier();

        const JobResult guessed = runJob(m_passphrase->change("guess", "new passphrase"));
        QCOMPARE(guessed.passphraseError, PassphraseJob::Error::WrongPassphrase);
        QCOMPARE(m_passphrase->failedAttempts(), 1); // counts like any wrong attempt
        QCOMPARE(storedVerifier(), before);

        const JobResult changed = runJob(m_passphrase->change("old passphrase", "new passphrase"));
        QCOMPARE(changed.passphraseError, PassphraseJob::Error::NoError);
        QCOMPARE(m_passphrase->failedAttempts(), 0);
        const QByteArray after = storedVerifier();
        QVERIFY(after.startsWith("$argon2id$"));
        QVERIFY(after != before);
        QVERIFY(!after.contains("new passphrase"));

        QCOMPARE(verify("new passphrase").passphraseError, PassphraseJob::Error::NoError);
        QCOMPARE(verify("old passphrase").passphraseError, PassphraseJob::Error::WrongPassphrase);
    }

    void changeWaitsOutTheDelayToo()
    {
        QCOMPARE(set("old passphrase"), PassphraseJob::Error::NoError);
        QCOMPARE(verify("wrong 1").passphraseError, PassphraseJob::Error::WrongPassphrase);
        QCOMPARE(verify("wrong 2").passphraseError, PassphraseJob::Error::WrongPassphrase);
        const JobResult early = runJob(m_passphrase->change("old passphrase", "new passphrase"));
        QCOMPARE(early.passphraseError, PassphraseJob::Error::TooSoon);
        QCOMPARE(early.passphraseJob->retryAfter(), 1000ms);
        m_now += 1s;
        QCOMPARE(runJob(m_passphrase->change("old passphrase", "new passphrase")).passphraseError,
                 PassphraseJob::Error::NoError);
    }

    void emptyPassphrasesAreRefused()
    {
        QCOMPARE(set(QByteArray()), PassphraseJob::Error::EmptyPassphrase);
        QVERIFY(!runJob(m_passphrase->checkIsSet()).passphraseJob->isSet());
        QCOMPARE(set("not empty"), PassphraseJob::Error::NoError);
        QCOMPARE(verify(QByteArray()).passphraseError, PassphraseJob::Error::EmptyPassphrase);
        QCOMPARE(runJob(m_passphrase->change("not empty", QByteArray())).passphraseError,
                 PassphraseJob::Error::EmptyPassphrase);
        QCOMPARE(m_passphrase->failedAttempts(), 0);
        QCOMPARE(verify("not empty").passphraseError, PassphraseJob::Error::NoError);
    }

    // Two checks at once would double the guessing rate: the second is refused while the
    // first runs, and the next one after it is accepted.
    void oneCheckAtATime()
    {
        QCOMPARE(set("single file"), PassphraseJob::Error::NoError);
        std::unique_ptr<PassphraseJob> first(m_passphrase->verify("single file"));
        first->setAutoDelete(false);
        QSignalSpy firstDone(first.get(), &PassphraseJob::finished);
        first->start();
        const JobResult second = verify("single file");
        QCOMPARE(second.passphraseError, PassphraseJob::Error::Busy);
        QVERIFY(firstDone.count() == 1 || firstDone.wait(20000));
        QCOMPARE(first->error(), PassphraseJob::Error::NoError);
        QCOMPARE(verify("single file").passphraseError, PassphraseJob::Error::NoError);
    }

    // A job deleted while Argon2id runs frees its claim; the worker finishes on its own.
    void deletingARunningJobIsSafe()
    {
        QCOMPARE(set("short lived"), PassphraseJob::Error::NoError);
        QPointer<PassphraseJob> job = m_passphrase->verify("short lived");
        job->start();
        QTest::qWait(20);
        delete job.data();
        QCOMPARE(verify("short lived").passphraseError, PassphraseJob::Error::NoError);
    }

    void corruptVerifierIsReported()
    {
        auto *write = new VaultJob(VaultJob::Operation::Write, ConsolePassphrase::serviceName(),
                                   ConsolePassphrase::keyName());
        write->setSecret("$2y$10$not-an-argon2id-verifier");
        QCOMPARE(runJob(write).vaultError, VaultJob::Error::NoError);
        const JobResult attempt = verify("anything");
        QCOMPARE(attempt.passphraseError, PassphraseJob::Error::Other);
        QVERIFY2(attempt.errorString.contains(u"Argon2id"_s), qPrintable(attempt.errorString));
        QCOMPARE(m_passphrase->failedAttempts(), 0);
    }

    // Argon2id takes a good part of a second; the calling thread keeps serving its event loop
    // meanwhile. A timer on this thread must never wait anywhere near that long.
    void argon2DoesNotBlockTheCallingThread()
    {
        QElapsedTimer hashing;
        hashing.start();
        QVERIFY(!Argon2Verifier::make("timing").isEmpty());
        const qint64 hashMs = hashing.elapsed();

        QCOMPARE(set("responsive"), PassphraseJob::Error::NoError);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(2);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        QCOMPARE(verify("responsive").passphraseError, PassphraseJob::Error::NoError);
        ticker.stop();
        QVERIFY2(longestGap < hashMs / 2,
                 qPrintable(u"event loop stalled %1 ms; one Argon2id takes %2 ms"_s.arg(longestGap)
                                .arg(hashMs)));
    }
};

QTEST_GUILESS_MAIN(TestConsolePassphrase)
#include "TestConsolePassphrase.moc"
