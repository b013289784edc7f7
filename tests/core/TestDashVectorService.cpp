#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/DashVectorService.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

Q_DECLARE_METATYPE(keydesk::KeyError::Kind)

// The DashVector adapter (the sandbox-defined DashVector 2026-11-01 RPC API and the
// collections data plane) against a real sandbox: seed 001's rules as typed KeyErrors.
class TestDashVectorService : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    std::unique_ptr<DashVectorService> service(const protocol::AcsCredentials &credentials,
                                               const QUrl &endpoint = {})
    {
        const Profile profile = sandboxProfile(ServiceKind::DashVector,
                                               endpoint.isEmpty() ? m_sandbox.http() : endpoint,
                                               QString::fromLatin1(credentials.accessKeyId));
        return std::make_unique<DashVectorService>(profile, credentials.accessKeySecret, &m_client);
    }

    static KeyJobResult create(DashVectorService &dashvector, const QString &description)
    {
        CreateKeyRequest request;
        request.name = description;
        return await(dashvector.createKey(request));
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

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void capabilitiesDescribeDashVector()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const ServiceCapabilities capabilities = service(account.root)->capabilities();
        QVERIFY(capabilities.valueReadableAgain);
        QVERIFY(capabilities.revealNeedsVerification);
        QVERIFY(capabilities.deleteNeedsVerification);
        QVERIFY(capabilities.rootAccountOnly);
        QVERIFY(!capabilities.hasWorkspaces);
        QVERIFY(!capabilities.hasOwners);
        QVERIFY(!capabilities.hasExpiry);
        QVERIFY(!capabilities.canDisable);
        QVERIFY(!capabilities.hasTemporaryKeys);
        QCOMPARE(capabilities.maxNameLength, 128); // the Description
        QVERIFY(!capabilities.nameRequired);
        QVERIFY(!capabilities.ownerChosenOnCreate);
    }

    void createListRevealDelete()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"search service"_s);
        expectOk(created);
        const QString value = QString::fromLatin1(created.secret);
        QVERIFY2(QRegularExpression(u"^sk-[A-Za-z0-9]{32}$"_s).match(value).hasMatch(),
                 "the created value");
        QVERIFY(created.key.id.startsWith(u"dvk-"_s));
        QCOMPARE(created.key.service, ServiceKind::DashVector);
        QCOMPARE(created.key.name, u"search service"_s);
        QCOMPARE(created.key.maskedValue, u"sk-****"_s + value.right(4));
        QCOMPARE(created.key.status, KeyStatus::Active);
        QVERIFY(qAbs(created.key.created.toSecsSinceEpoch() - m_sandbox.serverNowSeconds()) < 10);
        expectOk(await(dashvector->testKey(created.secret)));

        const KeyJobResult listed = await(dashvector->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 1);
        const ApiKey &key = listed.list.keys.first();
        QCOMPARE(key.id, created.key.id);
        QCOMPARE(key.maskedValue, created.key.maskedValue); // the list never has the value
        QVERIFY(!key.maskedValue.contains(value));
        QCOMPARE(key.created, created.key.created);
        QVERIFY(listed.secret.isEmpty());
        const ServiceUsage &usage = listed.list.usage;
        QCOMPARE(usage.maxKeys, 3);
        QCOMPARE(usage.keyCount, 1);
        QCOMPARE(usage.dailyCreationLimit, 10);
        QCOMPARE(usage.creationsLeftToday, 9);
        const qint64 resets = usage.creationCountResets.toSecsSinceEpoch();
        QVERIFY(resets > m_sandbox.serverNowSeconds());
        QCOMPARE(resets % 86400, 0); // 00:00 UTC

        const KeyJobResult revealed = await(dashvector->revealKey(key.id, m_sandbox.totp(account)));
        expectOk(revealed);
        QCOMPARE(revealed.secret, created.secret);
        QCOMPARE(revealed.key.id, key.id);
        QCOMPARE(revealed.key.maskedValue, key.maskedValue);

        // Each code is good once: the delete takes the next one.
        expectOk(await(dashvector->deleteKey(key.id, m_sandbox.totp(account, 1))));
        const KeyJobResult after = await(dashvector->listKeys());
        expectOk(after);
        QVERIFY(after.list.keys.isEmpty());
        QCOMPARE(after.list.usage.keyCount, 0);
        QCOMPARE(after.list.usage.creationsLeftToday, 9); // deleting gives no creation back
        // The data plane refuses the deleted key at once.
        expectError(await(dashvector->testKey(created.secret)), KeyError::Kind::Credentials,
                    u"-49995"_s, 401);
    }

    void threeKeysAtMost()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        for (int i = 0; i < 3; ++i)
            expectOk(create(*dashvector, u"key %1"_s.arg(i)));
        expectError(create(*dashvector, u"fourth"_s), KeyError::Kind::LimitReached,
                    u"ApiKey.LimitExceeded"_s, 409);
        const KeyJobResult listed = await(dashvector->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 3);
        QCOMPARE(listed.list.usage.keyCount, 3);
        QCOMPARE(listed.list.usage.creationsLeftToday, 7);
    }

    void ramUserIsRefusedEverything_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("list") << u"list"_s;
        QTest::newRow("create") << u"create"_s;
        QTest::newRow("reveal") << u"reveal"_s;
        QTest::newRow("delete") << u"delete"_s;
    }

    void ramUserIsRefusedEverything()
    {
        QFETCH(QString, operation);
        const SandboxAccount account = m_sandbox.createAccount();
        const KeyJobResult created = create(*service(account.root), u"root's"_s);
        expectOk(created);
        const auto alice = service(m_sandbox.createRamUser(account, u"alice"_s));
        KeyJob *job = nullptr;
        if (operation == u"list"_s)
            job = alice->listKeys();
        else if (operation == u"create"_s)
            job = alice->createKey({u"alice's"_s, {}, {}, {}, {}});
        else if (operation == u"reveal"_s)
            job = alice->revealKey(created.key.id, m_sandbox.totp(account));
        else
            job = alice->deleteKey(created.key.id, m_sandbox.totp(account));
        expectError(await(job), KeyError::Kind::NotPermitted, u"Forbidden.RAM"_s, 403);
    }

    void codeIsCheckedBeforeSending_data()
    {
        QTest::addColumn<bool>("reveal");
        QTest::addColumn<QString>("code");
        QTest::addColumn<KeyError::Kind>("kind");
        for (const bool reveal : {true, false}) {
            const char *action = reveal ? "reveal" : "delete";
            QTest::addRow("%s without code", action)
                << reveal << QString() << KeyError::Kind::VerificationNeeded;
            QTest::addRow("%s 5 digits", action)
                << reveal << u"12345"_s << KeyError::Kind::VerificationWrong;
            QTest::addRow("%s 7 digits", action)
                << reveal << u"1234567"_s << KeyError::Kind::VerificationWrong;
            QTest::addRow("%s letters", action)
                << reveal << u"12a456"_s << KeyError::Kind::VerificationWrong;
        }
    }

    void codeIsCheckedBeforeSending()
    {
        QFETCH(bool, reveal);
        QFETCH(QString, code);
        QFETCH(KeyError::Kind, kind);
        const SandboxAccount account = m_sandbox.createAccount();
        const auto offline = service(account.root, closedPort());
        const QString id = u"dvk-0000000000000000"_s;
        expectLocal(await(reveal ? offline->revealKey(id, code) : offline->deleteKey(id, code)),
                    kind);
    }

    void revealWithoutCodeNeedsVerification()
    {
        // The same, against the real service: nothing is spent, the right code still works.
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        expectLocal(await(dashvector->revealKey(created.key.id, {})),
                    KeyError::Kind::VerificationNeeded);
        const KeyJobResult revealed
            = await(dashvector->revealKey(created.key.id, m_sandbox.totp(account)));
        expectOk(revealed);
        QCOMPARE(revealed.secret, created.secret);
    }

    void wrongCodeSaysAttemptsLeft()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        const KeyJobResult wrong = await(dashvector->revealKey(created.key.id, wrongCode(account)));
        expectError(wrong, KeyError::Kind::VerificationWrong, u"InvalidVerificationCode"_s, 400);
        QCOMPARE(wrong.error.attemptsLeft, 4);
        const KeyJobResult wrongDelete
            = await(dashvector->deleteKey(created.key.id, wrongCode(account)));
        expectError(wrongDelete, KeyError::Kind::VerificationWrong, u"InvalidVerificationCode"_s,
                    400);
        QCOMPARE(wrongDelete.error.attemptsLeft, 3);
        QCOMPARE(await(dashvector->listKeys()).list.keys.size(), 1); // not deleted
    }

    void fiveWrongCodesLockVerification()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        for (int left = 4; left > 0; --left) {
            const KeyJobResult wrong
                = await(dashvector->revealKey(created.key.id, wrongCode(account)));
            expectError(wrong, KeyError::Kind::VerificationWrong, u"InvalidVerificationCode"_s,
                        400);
            QCOMPARE(wrong.error.attemptsLeft, left);
        }
        const KeyJobResult locked
            = await(dashvector->revealKey(created.key.id, wrongCode(account)));
        expectError(locked, KeyError::Kind::VerificationLocked, u"VerificationLocked"_s, 403);
        QVERIFY(locked.error.until.isValid());
        QVERIFY(qAbs(locked.error.until.toSecsSinceEpoch() - (m_sandbox.serverNowSeconds() + 900))
                < 10);
        // Even the right code is refused while locked, for reveal and delete alike.
        expectError(await(dashvector->revealKey(created.key.id, m_sandbox.totp(account))),
                    KeyError::Kind::VerificationLocked, u"VerificationLocked"_s, 403);
        expectError(await(dashvector->deleteKey(created.key.id, m_sandbox.totp(account, 1))),
                    KeyError::Kind::VerificationLocked, u"VerificationLocked"_s, 403);
    }

    void usedCodeIsRefused()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        const QString code = m_sandbox.totp(account);
        expectOk(await(dashvector->revealKey(created.key.id, code)));
        expectError(await(dashvector->revealKey(created.key.id, code)),
                    KeyError::Kind::VerificationWrong, u"VerificationCodeUsed"_s, 400);
    }

    void unknownKeyIsNotFoundAndSpendsNoCode()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        const QString code = m_sandbox.totp(account);
        expectError(await(dashvector->revealKey(u"dvk-doesnotexist0000"_s, code)),
                    KeyError::Kind::NotFound, u"ApiKey.NotFound"_s, 404);
        expectOk(await(dashvector->revealKey(created.key.id, code)));
    }

    void accountWithoutMfaDeviceIsNotPermitted()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        const auto dashvector = service(account.root);
        const KeyJobResult created = create(*dashvector, u"key"_s);
        expectOk(created);
        expectError(await(dashvector->revealKey(created.key.id, u"123456"_s)),
                    KeyError::Kind::NotPermitted, u"MfaDevice.NotBound"_s, 403);
    }

    void refusedLocally()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const auto offline = service(account.root, closedPort());
        expectLocal(await(offline->createKey({QString(129, u'x'), {}, {}, {}, {}})),
                    KeyError::Kind::InvalidInput);
        expectLocal(await(offline->revealKey({}, u"123456"_s)), KeyError::Kind::InvalidInput);
        expectLocal(await(offline->testKey("sk-1\nX: y")), KeyError::Kind::InvalidInput);
    }

    void testKeyRefusesUnknownValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("made up") << "sk-00000000000000000000000000000000"_ba;
        QTest::newRow("empty") << QByteArray();
    }

    void testKeyRefusesUnknownValues()
    {
        QFETCH(QByteArray, value);
        const SandboxAccount account = m_sandbox.createAccount();
        expectError(await(service(account.root)->testKey(value)), KeyError::Kind::Credentials,
                    u"-49995"_s, 401);
    }

    void wrongSecretIsCredentials()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        protocol::AcsCredentials wrong = account.root;
        wrong.accessKeySecret = "not-the-secret";
        expectError(await(service(wrong)->listKeys()), KeyError::Kind::Credentials,
                    u"SignatureDoesNotMatch"_s, 400);
    }

    // Last: it moves the sandbox's clock forward (one TOTP step per delete, as each code is
    // good once), at most about 9 minutes in all, inside the 15-minute signature window of
    // the calls the console signs with the system clock.
    void tenCreationsADay()
    {
        const qint64 toMidnight = 86400 - m_sandbox.serverNowSeconds() % 86400;
        if (toMidnight < 300) // the count would start again halfway through
            m_sandbox.advanceClock(toMidnight + 1);
        const SandboxAccount account = m_sandbox.createAccount();
        const auto dashvector = service(account.root);
        QStringList keys;
        const auto deleteOldest = [&] {
            expectOk(await(dashvector->deleteKey(keys.takeFirst(), m_sandbox.totp(account, 1))));
            m_sandbox.advanceClock(30);
        };
        for (int i = 0; i < 10; ++i) {
            if (keys.size() == 3)
                deleteOldest();
            const KeyJobResult created = create(*dashvector, u"key %1"_s.arg(i));
            expectOk(created);
            keys << created.key.id;
            if (QTest::currentTestFailed())
                return;
        }
        deleteOldest(); // below the 3-key limit, so only the daily limit is left to refuse
        const KeyJobResult refused = create(*dashvector, u"eleventh"_s);
        expectError(refused, KeyError::Kind::LimitReached, u"ApiKey.DailyCreationLimitExceeded"_s,
                    409);
        QVERIFY(refused.error.until.isValid());
        QCOMPARE(refused.error.until.toSecsSinceEpoch() % 86400, 0);

        const KeyJobResult listed = await(dashvector->listKeys());
        expectOk(listed);
        QCOMPARE(listed.list.keys.size(), 2);
        QCOMPARE(listed.list.usage.creationsLeftToday, 0);
        QCOMPARE(listed.list.usage.dailyCreationLimit, 10);
        QCOMPARE(listed.list.usage.creationCountResets, refused.error.until);
    }
};

QTEST_GUILESS_MAIN(TestDashVectorService)
#include "TestDashVectorService.moc"
