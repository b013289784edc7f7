#include "KeyringSession.h"
#include "VaultTestSupport.h"
#include "vault/ConsolePassphrase.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

// The count of wrong console passphrases and its growing delay survive a restart of the
// console (a new ConsolePassphrase, as the next run has): they are kept in the keychain next to
// the verifier, counted before Argon2id runs, and cleared by the right passphrase.
class TestPassphraseAttempts : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    static constexpr char kRight[] = "restart proof";

    // The record as another program reads it from the keychain.
    static QByteArray storedRecord()
    {
        const ToolOutput output = secretTool({u"lookup"_s, u"xdg:schema"_s, u"org.qt.keychain"_s,
                                              u"server"_s, ConsolePassphrase::serviceName(),
                                              u"user"_s, ConsolePassphrase::attemptsKeyName()});
        return QByteArray::fromBase64(output.out.trimmed());
    }

    // Five wrong attempts in one run, its delays skipped with an injected clock: 8 s to wait.
    static void failFiveTimes()
    {
        ConsolePassphrase first;
        milliseconds now = 1000s;
        first.setClock([&now] { return now; });
        for (int failure = 1; failure <= 5; ++failure) {
            const JobResult wrong = runJob(first.verify("a guess"));
            QCOMPARE(wrong.passphraseError, PassphraseJob::Error::WrongPassphrase);
            QCOMPARE(wrong.passphraseJob->failedAttempts(), failure);
            now += first.retryAfter();
        }
        QCOMPARE(ConsolePassphrase::delayAfterFailures(5), std::chrono::seconds(8));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
    }

    void init()
    {
        for (const QString &key :
             {ConsolePassphrase::keyName(), ConsolePassphrase::attemptsKeyName()})
            QCOMPARE(runJob(new VaultJob(VaultJob::Operation::Delete,
                                         ConsolePassphrase::serviceName(), key))
                         .vaultError,
                     VaultJob::Error::NoError);
        ConsolePassphrase setter;
        QCOMPARE(runJob(setter.setInitial(kRight)).passphraseError, PassphraseJob::Error::NoError);
    }

    void theDelaySurvivesARestart()
    {
        failFiveTimes();
        QVERIFY(!QTest::currentTestFailed());
        // Not the passphrase, only the count and when the last failure was.
        const QByteArray record = storedRecord();
        QVERIFY2(record.startsWith("5 "), record.constData());
        QVERIFY(!record.contains(kRight));

        // The next run refuses even the right passphrase until the delay is over.
        ConsolePassphrase restarted;
        const JobResult early = runJob(restarted.verify(kRight));
        QCOMPARE(early.passphraseError, PassphraseJob::Error::TooSoon);
        QCOMPARE(early.passphraseJob->failedAttempts(), 5);
        QVERIFY(early.passphraseJob->retryAfter() > 0ms);
        QVERIFY(early.passphraseJob->retryAfter() <= 8000ms);
    }

    void theRightPassphraseClearsTheStoredCount()
    {
        failFiveTimes();
        QVERIFY(!QTest::currentTestFailed());
        ConsolePassphrase restarted;
        milliseconds now = 5000s;
        restarted.setClock([&now] { return now; });
        QCOMPARE(runJob(restarted.verify(kRight)).passphraseError, PassphraseJob::Error::TooSoon);
        now += 8s;
        QCOMPARE(runJob(restarted.verify(kRight)).passphraseError, PassphraseJob::Error::NoError);
        QVERIFY2(storedRecord().startsWith("0 "), storedRecord().constData());

        ConsolePassphrase again;
        const JobResult wrong = runJob(again.verify("a guess"));
        QCOMPARE(wrong.passphraseError, PassphraseJob::Error::WrongPassphrase);
        QCOMPARE(wrong.passphraseJob->failedAttempts(), 1);
    }

    // Counted before Argon2id runs: a check cut short (the console killed) still counts.
    void aCheckCutShortStillCounts()
    {
        {
            ConsolePassphrase first;
            std::unique_ptr<PassphraseJob> job(first.verify("a guess"));
            job->start();
            QTRY_VERIFY_WITH_TIMEOUT(storedRecord().startsWith("1 "), 15000);
        } // gone before its answer, as in a killed console
        ConsolePassphrase restarted;
        const JobResult wrong = runJob(restarted.verify("another guess"));
        QCOMPARE(wrong.passphraseError, PassphraseJob::Error::WrongPassphrase);
        QCOMPARE(wrong.passphraseJob->failedAttempts(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseAttempts)
#include "TestPassphraseAttempts.moc"
