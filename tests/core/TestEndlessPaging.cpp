#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/AccessKeyInventory.h"
#include "services/ModelStudioService.h"
#include "services/PageGuard.h"
#include "services/RamService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// Every paged listing against a server that pages forever (the sandbox's repeatMarker fault:
// the same marker on every page, or a new one each time) or sends a huge page (hugePage):
// each stops with a typed error after a bounded number of requests, counted at the sandbox,
// and the window's event loop keeps running meanwhile.
class TestEndlessPaging : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;

    QUrl at(const QString &path)
    {
        QUrl url = m_sandbox.http();
        url.setPath(path);
        return url;
    }

    bool setFaults(const QJsonArray &rules)
    {
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"rules"_s, rules}}).toJson(QJsonDocument::Compact);
        return m_sandbox.net()
                   .send("POST", at(u"/_sandbox/faults"_s), {{"content-type", "application/json"}},
                         body)
                   .status
            == 200;
    }

    // How many requests reached rule `index` (the sandbox counts what it received).
    int matched(int index = 0)
    {
        const QJsonArray rules = m_sandbox.net()
                                     .send("GET", at(u"/_sandbox/faults"_s))
                                     .json.value(u"rules"_s)
                                     .toArray();
        return rules.size() <= index ? -1 : rules.at(index).toObject().value(u"matched"_s).toInt();
    }

    static QJsonObject fault(const QJsonObject &match, const QString &kind, QJsonObject fields = {})
    {
        fields.insert(u"match"_s, match);
        fields.insert(u"fault"_s, kind);
        return fields;
    }

    static QJsonObject action(const QString &name) { return {{u"action"_s, name}}; }

    Profile profile(ServiceKind service, const SandboxAccount &account)
    {
        return sandboxProfile(service, m_sandbox.http(),
                              QString::fromLatin1(account.root.accessKeyId));
    }

    std::unique_ptr<RamService> ram(const SandboxAccount &account)
    {
        return std::make_unique<RamService>(profile(ServiceKind::Ram, account),
                                            account.root.accessKeySecret, &m_client);
    }

    std::unique_ptr<ModelStudioService> modelStudio(const SandboxAccount &account)
    {
        return std::make_unique<ModelStudioService>(profile(ServiceKind::ModelStudio, account),
                                                    account.root.accessKeySecret, &m_client);
    }

    static KeyError runInventory(AccessKeyInventory *inventory)
    {
        KeyError error;
        bool finished = false;
        inventory->setAutoDelete(false);
        const std::unique_ptr<AccessKeyInventory> owner(inventory);
        QObject::connect(inventory, &AccessKeyInventory::finished, inventory,
                         [&](AccessKeyInventory *done) {
                             error = done->error();
                             finished = true;
                         });
        inventory->start();
        if (!QTest::qWaitFor([&finished] { return finished; }, 30000))
            qWarning("The inventory did not finish.");
        return error;
    }

    static KeyError listWorkspaces(ModelStudioService &service)
    {
        KeyError error;
        bool finished = false;
        WorkspaceListJob *job = service.listWorkspaces();
        QObject::connect(job, &WorkspaceListJob::finished, job, [&](WorkspaceListJob *done) {
            error = done->error();
            finished = true;
        });
        if (!QTest::qWaitFor([&finished] { return finished; }, 30000))
            qWarning("The job did not finish.");
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QVERIFY(trustSandbox(m_client, m_sandbox));
    }

    void cleanup() { QVERIFY(setFaults({})); }

    // The same Marker twice: RAM's listing stops at the second page.
    void ramStopsOnARepeatedMarker()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({fault(action(u"ListUsers"_s), u"repeatMarker"_s)}));
        const KeyJobResult listed = await(ram(account)->listKeys(), 30000);
        QVERIFY(listed.finished);
        QCOMPARE(listed.error.kind, KeyError::Kind::BadResponse);
        QVERIFY(!listed.error.requestId.isEmpty());
        QCOMPARE(matched(), 2);

        QVERIFY(setFaults({fault(action(u"ListUsers"_s), u"repeatMarker"_s)}));
        const KeyError report = runInventory(ram(account)->inventory());
        QCOMPARE(report.kind, KeyError::Kind::BadResponse);
        QCOMPARE(matched(), 2);
    }

    // A new marker on every page: the listing stops at the page cap.
    void ramStopsAtThePageCap()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(
            setFaults({fault(action(u"ListUsers"_s), u"repeatMarker"_s, {{u"fresh"_s, true}})}));
        const KeyJobResult listed = await(ram(account)->listKeys(), 60000);
        QVERIFY(listed.finished);
        QCOMPARE(listed.error.kind, KeyError::Kind::TooLarge);
        QCOMPARE(matched(), PageGuard::kMaxPages);
    }

    void modelStudioStopsOnARepeatedToken()
    {
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({fault({{u"pathPrefix"_s, u"/maas/apikeys"_s}}, u"repeatMarker"_s)}));
        const KeyJobResult listed = await(modelStudio(account)->listKeys(), 30000);
        QVERIFY(listed.finished);
        QCOMPARE(listed.error.kind, KeyError::Kind::BadResponse);
        QCOMPARE(matched(), 2);

        QVERIFY(setFaults({fault({{u"pathPrefix"_s, u"/maas/workspaces"_s}}, u"repeatMarker"_s)}));
        QCOMPARE(listWorkspaces(*modelStudio(account)).kind, KeyError::Kind::BadResponse);
        QCOMPARE(matched(), 2);
    }

    // 200,000 users in a page pass the listing's reply cap; 5,000 (more than the 1,000 asked
    // for) are refused before a single user's keys are asked for. The event loop runs on.
    void aHugePageIsRefused_data()
    {
        QTest::addColumn<int>("items");
        QTest::newRow("200000 users, past the reply cap") << 200000;
        QTest::newRow("5000 users, past the page size") << 5000;
    }

    void aHugePageIsRefused()
    {
        QFETCH(int, items);
        const SandboxAccount account = m_sandbox.createAccount(false);
        QVERIFY(setFaults({fault(action(u"ListUsers"_s), u"hugePage"_s, {{u"items"_s, items}}),
                           fault(action(u"ListAccessKeys"_s), u"latency"_s, {{u"delayMs"_s, 1}})}));
        qint64 longestGapMs = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, &ticker,
                [&] { longestGapMs = qMax(longestGapMs, sinceTick.restart()); });
        ticker.start(20);
        const KeyJobResult listed = await(ram(account)->listKeys(), 30000);
        ticker.stop();
        QVERIFY(listed.finished);
        QCOMPARE(listed.error.kind, KeyError::Kind::TooLarge);
        QVERIFY(listed.list.keys.isEmpty());
        QCOMPARE(matched(0), 1);
        QVERIFY(matched(1) <= 1); // the caller's own keys at most: no user's
        QVERIFY2(longestGapMs < 2000, qPrintable(QString::number(longestGapMs)));

        QVERIFY(setFaults({fault(action(u"ListUsers"_s), u"hugePage"_s, {{u"items"_s, items}})}));
        QCOMPARE(runInventory(ram(account)->inventory()).kind, KeyError::Kind::TooLarge);
    }
};

QTEST_GUILESS_MAIN(TestEndlessPaging)
#include "TestEndlessPaging.moc"
