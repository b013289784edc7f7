#include "DemoProfiles.h"
#include "KeyJobWait.h"
#include "ProfileStore.h"
#include "SandboxFixture.h"
#include "SecretSearch.h"
#include "net/HttpClient.h"
#include "services/ServiceFactory.h"
#include "vault/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

Q_DECLARE_METATYPE(keydesk::ServiceKind)

namespace {

QSet<QString> namesOf(const KeyList &list)
{
    QSet<QString> names;
    for (const ApiKey &key : list.keys)
        names.insert(key.name);
    return names;
}

QSet<QString> idsOf(const KeyList &list)
{
    QSet<QString> ids;
    for (const ApiKey &key : list.keys)
        ids.insert(key.id);
    return ids;
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    const QByteArray bytes = QJsonDocument(object).toJson();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

// A demo account of the shape keydesk-sandbox --demo writes, with made-up values.
QJsonObject madeUpDemoAccount()
{
    return QJsonObject {
        {u"endpoints"_s, QJsonObject {{u"https"_s, u"https://127.0.0.1:1"_s}}},
        {u"root"_s, QJsonObject {{u"accessKeyId"_s, u"LTAIid"_s}, {u"accessKeySecret"_s, u"s1"_s}}},
        {u"modelStudio"_s,
         QJsonObject {{u"defaultWorkspaceId"_s, u"llm-x"_s}, {u"region"_s, u"ap-southeast-1"_s}}},
        {u"tablestore"_s, QJsonObject {{u"instanceName"_s, u"kd-x"_s}}},
        {u"oceanbase"_s,
         QJsonObject {{u"accessKeyId"_s, u"obid"_s},
                      {u"accessKeySecret"_s, u"s2"_s},
                      {u"orgId"_s, u"org-x"_s},
                      {u"projectId"_s, u"proj-x"_s}}},
    };
}

} // namespace

// The profiles `keydesk --sandbox` sets up, from a real keydesk-sandbox started with --demo:
// one per service, each reaching the sandbox over HTTPS with nothing trusted but its own CA
// certificate, and listing the demo keys docs/sandbox-api.md documents for its service.
class TestDemoProfiles : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    QJsonObject m_demo; // what the sandbox wrote, to compare with

    QString demoPath() const { return QDir(m_sandbox.dataDir()).filePath(u"demo-account.json"_s); }
    QString certificatePath() const
    {
        return QDir(m_sandbox.dataDir()).filePath(u"tls/sandbox-cert.pem"_s);
    }
    DemoProfiles demo() const { return DemoProfiles::fromFile(demoPath(), certificatePath()); }
    QString demoText(const QString &object, const QString &field) const
    {
        return m_demo.value(object).toObject().value(field).toString();
    }

    static const Profile *profileOf(const DemoProfiles &demo, ServiceKind service)
    {
        for (const Profile &profile : demo.profiles()) {
            if (profile.service == service)
                return &profile;
        }
        return nullptr;
    }

    void checkKeys(ServiceKind service, const KeyList &list);

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start({u"--demo"_s}), qPrintable(m_sandbox.errorString()));
        QFile file(demoPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_demo = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_demo.isEmpty());
    }

    void onePerServiceOnHttps()
    {
        const DemoProfiles profiles = demo();
        QVERIFY2(!profiles.error(), qPrintable(profiles.error().message));
        QCOMPARE(profiles.profiles().size(), 5);
        const QString rootId = demoText(u"root"_s, u"accessKeyId"_s);
        for (int i = 0; i < profiles.profiles().size(); ++i) {
            const Profile &profile = profiles.profiles().at(i);
            QCOMPARE(static_cast<int>(profile.service), i);
            QCOMPARE(profile.id, DemoProfiles::profileId(profile.service));
            QCOMPARE(profile.endpoint, m_sandbox.https());
            QVERIFY(profile.dataEndpoint.isEmpty());
            QCOMPARE(profile.caCertificatePath, certificatePath());
            QVERIFY2(ProfileStore::validate(profile).isEmpty(),
                     qPrintable(ProfileStore::validate(profile)));
            const bool oceanBase = profile.service == ServiceKind::OceanBase;
            QCOMPARE(profile.accessKeyId,
                     oceanBase ? demoText(u"oceanbase"_s, u"accessKeyId"_s) : rootId);
            QCOMPARE(QString::fromUtf8(profiles.secret(profile.id)),
                     oceanBase ? demoText(u"oceanbase"_s, u"accessKeySecret"_s)
                               : demoText(u"root"_s, u"accessKeySecret"_s));
        }
        const Profile *studio = profileOf(profiles, ServiceKind::ModelStudio);
        QCOMPARE(studio->workspaceId, demoText(u"modelStudio"_s, u"defaultWorkspaceId"_s));
        QCOMPARE(studio->region, u"ap-southeast-1"_s);
        QCOMPARE(profileOf(profiles, ServiceKind::Tablestore)->instanceName,
                 demoText(u"tablestore"_s, u"instanceName"_s));
        const Profile *oceanBase = profileOf(profiles, ServiceKind::OceanBase);
        QCOMPARE(oceanBase->orgId, demoText(u"oceanbase"_s, u"orgId"_s));
        QCOMPARE(oceanBase->projectId, demoText(u"oceanbase"_s, u"projectId"_s));
        QVERIFY(profiles.secret(u"no-such-profile"_s).isEmpty());
    }

    void listsTheDemoKeys_data()
    {
        QTest::addColumn<ServiceKind>("service");
        for (const ServiceKind service :
             {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
              ServiceKind::Tablestore, ServiceKind::OceanBase})
            QTest::newRow(qPrintable(serviceId(service))) << service;
    }

    void listsTheDemoKeys()
    {
        QFETCH(ServiceKind, service);
        const DemoProfiles profiles = demo();
        QVERIFY(!profiles.error());
        const Profile *profile = profileOf(profiles, service);
        QVERIFY(profile);
        // A client trusting nothing extra: the profile's own CA is all that makes HTTPS work.
        HttpClient client;
        QByteArray secret = profiles.secret(profile->id);
        const std::unique_ptr<KeyService> adapter = makeKeyService(*profile, secret, &client);
        wipeSecret(secret); // the adapter has a copy of its own
        QVERIFY(adapter);
        QCOMPARE(adapter->kind(), service);
        const KeyJobResult listed = await(adapter->listKeys());
        expectOk(listed);
        if (QTest::currentTestFailed())
            return;
        checkKeys(service, listed.list);
    }

    void untrustedWithoutTheProfilesCa_data() { listsTheDemoKeys_data(); }

    void untrustedWithoutTheProfilesCa()
    {
        QFETCH(ServiceKind, service);
        const DemoProfiles profiles = demo();
        Profile profile = *profileOf(profiles, service);
        profile.caCertificatePath.clear();
        HttpClient client;
        const std::unique_ptr<KeyService> adapter
            = makeKeyService(profile, profiles.secret(profile.id), &client);
        const KeyJobResult listed = await(adapter->listKeys());
        QCOMPARE(listed.error.kind, KeyError::Kind::Tls);
        QVERIFY(listed.list.keys.isEmpty());
    }

    // Stored as the console stores them: the file holds none of the demo's secrets.
    void storedWithoutSecrets()
    {
        const DemoProfiles profiles = demo();
        QTemporaryDir dir;
        QList<NamedSecret> secrets {
            {u"root secret"_s, demoText(u"root"_s, u"accessKeySecret"_s).toUtf8()},
            {u"OceanBase secret"_s, demoText(u"oceanbase"_s, u"accessKeySecret"_s).toUtf8()},
            {u"Tablestore demo key"_s, demoText(u"tablestore"_s, u"demoApiKey"_s).toUtf8()},
            {u"MFA secret"_s, m_demo.value(u"mfaSecret"_s).toString().toUtf8()}};
        for (const QJsonValue user : m_demo.value(u"ramUsers"_s).toArray())
            secrets.append(
                {user[u"userName"_s].toString(), user[u"accessKeySecret"_s].toString().toUtf8()});
        {
            ProfileStore store(dir.filePath(u"keydesk.ini"_s));
            for (Profile profile : profiles.profiles())
                QVERIFY(!store.add(profile));
            QCOMPARE(store.load().profiles.size(), 5);
        }
        const QStringList found = findSecrets({dir.path()}, secrets);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u"; "_s)));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const DemoProfiles none
            = DemoProfiles::fromFile(dir.filePath(u"demo-account.json"_s), certificatePath());
        QCOMPARE(none.error().kind, DemoProfiles::Error::Kind::Missing);
        QVERIFY(none.error().message.contains(u"--demo"_s));
        QVERIFY(none.profiles().isEmpty());

        const QString path = dir.filePath(u"made-up.json"_s);
        QVERIFY(writeJson(path, madeUpDemoAccount()));
        QVERIFY(!DemoProfiles::fromFile(path, certificatePath()).error());
        const DemoProfiles noCertificate
            = DemoProfiles::fromFile(path, dir.filePath(u"tls/sandbox-cert.pem"_s));
        QCOMPARE(noCertificate.error().kind, DemoProfiles::Error::Kind::Missing);
        QVERIFY(noCertificate.profiles().isEmpty());
    }

    void malformedFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        const auto without = [](const QString &object, const QString &field) {
            QJsonObject account = madeUpDemoAccount();
            QJsonObject inner = account.value(object).toObject();
            inner.remove(field);
            account.insert(object, inner);
            return QJsonDocument(account).toJson();
        };
        QTest::newRow("not JSON") << "{\"root\": "_ba << u"JSON"_s;
        QTest::newRow("an array") << "[]"_ba << u"JSON"_s;
        QTest::newRow("no instance")
            << without(u"tablestore"_s, u"instanceName"_s) << u"tablestore.instanceName"_s;
        QTest::newRow("no project")
            << without(u"oceanbase"_s, u"projectId"_s) << u"oceanbase.projectId"_s;
        QTest::newRow("no root secret")
            << without(u"root"_s, u"accessKeySecret"_s) << u"root.accessKeySecret"_s;
        QTest::newRow("no HTTPS") << without(u"endpoints"_s, u"https"_s) << u"endpoints.https"_s;
        QJsonObject plain = madeUpDemoAccount();
        plain.insert(u"endpoints"_s, QJsonObject {{u"https"_s, u"http://127.0.0.1:1"_s}});
        QTest::newRow("plain HTTP") << QJsonDocument(plain).toJson() << u"HTTPS"_s;
        QJsonObject number = madeUpDemoAccount();
        number.insert(u"oceanbase"_s, QJsonObject {{u"accessKeyId"_s, 42}});
        QTest::newRow("a number") << QJsonDocument(number).toJson() << u"oceanbase.accessKeyId"_s;
    }

    void malformedFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo-account.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        const DemoProfiles broken = DemoProfiles::fromFile(path, certificatePath());
        QCOMPARE(broken.error().kind, DemoProfiles::Error::Kind::Malformed);
        QVERIFY2(broken.error().message.contains(reason), qPrintable(broken.error().message));
        QVERIFY(broken.profiles().isEmpty());
    }
};

// The demo keys of each service, as docs/sandbox-api.md's "Demo data" sections describe them.
void TestDemoProfiles::checkKeys(ServiceKind service, const KeyList &list)
{
    for (const ApiKey &key : list.keys)
        QCOMPARE(key.service, service);
    switch (service) {
    case ServiceKind::Ram: {
        // The root's own pair, and alice's and bob's.
        QCOMPARE(list.keys.size(), 3);
        const ApiKey *root = findKey(list, demoText(u"root"_s, u"accessKeyId"_s));
        QVERIFY(root);
        QVERIFY(root->owner.isEmpty());
        const QJsonArray users = m_demo.value(u"ramUsers"_s).toArray();
        QCOMPARE(users.size(), 2);
        for (const QJsonValue user : users) {
            const ApiKey *key = findKey(list, user[u"accessKeyId"_s].toString());
            QVERIFY(key);
            QCOMPARE(key->owner, user[u"userName"_s].toString());
        }
        break;
    }
    case ServiceKind::ModelStudio: {
        // Of the root's key and alice's in each workspace, those of the profile's workspace.
        QCOMPARE(list.keys.size(), 2);
        QSet<QString> owners;
        for (const ApiKey &key : list.keys) {
            QCOMPARE(key.workspaceId, demoText(u"modelStudio"_s, u"defaultWorkspaceId"_s));
            owners.insert(key.owner);
        }
        QCOMPARE(owners, (QSet<QString> {QString(), u"alice"_s}));
        break;
    }
    case ServiceKind::DashVector: {
        QSet<QString> ids;
        for (const QJsonValue id : m_demo.value(u"dashvector"_s)[u"apiKeyIds"_s].toArray())
            ids.insert(id.toString());
        QCOMPARE(ids.size(), 2);
        QCOMPARE(idsOf(list), ids);
        QCOMPARE(namesOf(list), (QSet<QString> {u"Demo search service"_s, u"Demo batch import"_s}));
        break;
    }
    case ServiceKind::Tablestore: {
        // One Active for a year (the one demo-account.json gives), one Revoked.
        QCOMPARE(list.keys.size(), 2);
        const ApiKey *active = findKey(list, demoText(u"tablestore"_s, u"demoApiKeyId"_s));
        QVERIFY(active);
        QCOMPARE(active->status, KeyStatus::Active);
        QVERIFY(active->expires > QDateTime::currentDateTimeUtc().addDays(300));
        for (const ApiKey &key : list.keys) {
            if (key.id != active->id)
                QCOMPARE(key.status, KeyStatus::Revoked);
        }
        break;
    }
    case ServiceKind::OceanBase: {
        QCOMPARE(list.keys.size(), 2);
        QCOMPARE(namesOf(list), (QSet<QString> {u"demo-read"_s, u"demo-write"_s}));
        for (const ApiKey &key : list.keys)
            QCOMPARE(key.permission, key.name == u"demo-read"_s ? u"read"_s : u"write"_s);
        break;
    }
    }
}

QTEST_GUILESS_MAIN(TestDemoProfiles)
#include "TestDemoProfiles.moc"
