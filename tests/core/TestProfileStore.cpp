#include "ProfileStore.h"
#include "SecretSearch.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

Q_DECLARE_METATYPE(keydesk::ProfileStore::Error::Kind)

namespace {

// Every field set, none at its default, so that a field the store forgets shows.
Profile fullProfile(ServiceKind service, const QString &name)
{
    Profile profile;
    profile.service = service;
    profile.displayName = name;
    profile.region = u"ap-southeast-1"_s;
    profile.endpoint = QUrl(u"https://127.0.0.1:8443/"_s + serviceId(service));
    profile.dataEndpoint = QUrl(u"https://data.example.com:9443"_s);
    profile.accessKeyId = u"LTAI"_s + serviceId(service) + u"Id"_s;
    profile.workspaceId = u"llm-workspace1"_s;
    profile.orgId = u"org-abc12345"_s;
    profile.projectId = u"proj-def67890"_s;
    profile.instanceName = u"kd-instance01"_s;
    profile.caCertificatePath = u"/etc/ssl/keydesk ca/ça.pem"_s;
    profile.timeoutMs = 4321;
    return profile;
}

void compareProfiles(const Profile &actual, const Profile &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.service, expected.service);
    QCOMPARE(actual.displayName, expected.displayName);
    QCOMPARE(actual.region, expected.region);
    QCOMPARE(actual.endpoint, expected.endpoint);
    QCOMPARE(actual.dataEndpoint, expected.dataEndpoint);
    QCOMPARE(actual.accessKeyId, expected.accessKeyId);
    QCOMPARE(actual.workspaceId, expected.workspaceId);
    QCOMPARE(actual.orgId, expected.orgId);
    QCOMPARE(actual.projectId, expected.projectId);
    QCOMPARE(actual.instanceName, expected.instanceName);
    QCOMPARE(actual.caCertificatePath, expected.caCertificatePath);
    QCOMPARE(actual.timeoutMs, expected.timeoutMs);
}

QByteArray randomSecret()
{
    QByteArray secret(30, Qt::Uninitialized);
    for (char &c : secret)
        c = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            [QRandomGenerator::global()->bounded(62)];
    return secret;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

const ProfileStore::SkippedEntry *findSkipped(const ProfileStore::Loaded &loaded, const QString &id)
{
    for (const ProfileStore::SkippedEntry &entry : loaded.skipped) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

} // namespace

// The profiles in QSettings (an INI file in a temporary directory): every field survives a
// round trip, nothing secret is ever in the file, and a hand-edited file with bad entries
// loads what it can and says why it skipped the rest.
class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newFile() { return m_dir.filePath(u"profiles-%1.ini"_s.arg(++m_files)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QVERIFY(m_dir.isValid());
        // The default store must not touch the settings of whoever runs the test.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void roundTripsEveryField()
    {
        const QString path = newFile();
        QList<Profile> added;
        {
            ProfileStore store(path);
            for (const ServiceKind service :
                 {ServiceKind::OceanBase, ServiceKind::Ram, ServiceKind::ModelStudio,
                  ServiceKind::DashVector, ServiceKind::Tablestore}) {
                // Unicode, a comma, quotes and a semicolon: all things INI files escape.
                Profile profile
                    = fullProfile(service, u"Prod, \"EU\"; Zürich 東京 "_s + serviceId(service));
                QVERIFY(profile.id.isEmpty());
                const ProfileStore::Error error = store.add(profile);
                QVERIFY2(!error, qPrintable(error.message));
                QVERIFY(ProfileStore::isValidId(profile.id));
                added.append(profile);
            }
        }
        ProfileStore reopened(path);
        const ProfileStore::Loaded loaded = reopened.load();
        QVERIFY(!loaded.error);
        QVERIFY(loaded.skipped.isEmpty());
        QCOMPARE(loaded.profiles.size(), added.size());
        // Listed by service, in the order of ServiceKind.
        for (int i = 0; i < loaded.profiles.size(); ++i)
            QCOMPARE(static_cast<int>(loaded.profiles.at(i).service), i);
        for (const Profile &expected : std::as_const(added)) {
            const std::optional<Profile> found = reopened.find(expected.id);
            QVERIFY(found);
            compareProfiles(*found, expected);
        }
    }

    void keepsOptionalFieldsEmpty()
    {
        ProfileStore store(newFile());
        Profile profile;
        profile.service = ServiceKind::DashVector;
        profile.displayName = u"Minimal"_s;
        profile.endpoint = QUrl(u"http://127.0.0.1:1"_s);
        profile.accessKeyId = u"LTAIminimal"_s;
        QVERIFY(!store.add(profile));
        const std::optional<Profile> found = store.find(profile.id);
        QVERIFY(found);
        compareProfiles(*found, profile);
        QCOMPARE(found->timeoutMs, 15000);
    }

    void givesNewIdsAndKeepsGivenOnes()
    {
        ProfileStore store(newFile());
        Profile a = fullProfile(ServiceKind::Ram, u"A"_s);
        Profile b = fullProfile(ServiceKind::Ram, u"B"_s);
        QVERIFY(!store.add(a));
        QVERIFY(!store.add(b));
        QVERIFY(a.id != b.id);
        QVERIFY(!QUuid::fromString(a.id).isNull());

        Profile chosen = fullProfile(ServiceKind::Ram, u"Chosen"_s);
        chosen.id = u"sandbox-ram"_s;
        QVERIFY(!store.add(chosen));
        QCOMPARE(chosen.id, u"sandbox-ram"_s);
        Profile again = fullProfile(ServiceKind::Ram, u"Again"_s);
        again.id = chosen.id;
        QCOMPARE(store.add(again).kind, ProfileStore::Error::Kind::AlreadyExists);
        QCOMPARE(store.find(chosen.id)->displayName, u"Chosen"_s);
    }

    // The caller keeps each profile's secret in the vault and never gives it to the store;
    // the file holds none of those values in any encoding, and only the known non-secret
    // fields at all.
    void fileHoldsNoSecret()
    {
        const QString path = newFile();
        QList<NamedSecret> secrets;
        {
            ProfileStore store(path);
            for (const ServiceKind service :
                 {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
                  ServiceKind::Tablestore, ServiceKind::OceanBase}) {
                Profile profile = fullProfile(service, serviceDisplayName(service));
                QVERIFY(!store.add(profile));
                secrets.append({profile.id + u" secret"_s, randomSecret()});
                profile.displayName += u" (edited)"_s;
                QVERIFY(!store.update(profile));
            }
        }
        QVERIFY(QFile::exists(path));
        const QStringList found = findSecrets({m_dir.path()}, secrets);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u"; "_s)));

        const QStringList allowed {u"service"_s,
                                   u"displayName"_s,
                                   u"region"_s,
                                   u"endpoint"_s,
                                   u"dataEndpoint"_s,
                                   u"accessKeyId"_s,
                                   u"workspaceId"_s,
                                   u"orgId"_s,
                                   u"projectId"_s,
                                   u"instanceName"_s,
                                   u"caCertificatePath"_s,
                                   u"timeoutMs"_s};
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.childGroups(), QStringList {u"profiles"_s});
        QVERIFY(raw.childKeys().isEmpty());
        raw.beginGroup(u"profiles"_s);
        QCOMPARE(raw.childGroups().size(), 5);
        for (const QString &id : raw.childGroups()) {
            raw.beginGroup(id);
            QVERIFY(raw.childGroups().isEmpty());
            for (const QString &key : raw.childKeys())
                QVERIFY2(allowed.contains(key), qPrintable(key));
            raw.endGroup();
        }
        raw.endGroup();
    }

    // A file edited by a person: each bad entry is skipped with the reason, the good ones load,
    // and saving another profile leaves the bad entries in place for the person to repair.
    void skipsMalformedEntries()
    {
        const QString path = newFile();
        QVERIFY(writeFile(path,
                          "[profiles]\n"
                          "good\\service=dashvector\n"
                          "good\\displayName=Good one\n"
                          "good\\endpoint=https://127.0.0.1:8443\n"
                          "good\\accessKeyId=LTAIgood\n"
                          "unknownService\\service=s3\n"
                          "unknownService\\displayName=S3\n"
                          "unknownService\\endpoint=https://s3.example.com\n"
                          "unknownService\\accessKeyId=AKIA\n"
                          "noService\\displayName=No service\n"
                          "noService\\endpoint=https://127.0.0.1\n"
                          "noService\\accessKeyId=LTAIx\n"
                          "ftpEndpoint\\service=ram\n"
                          "ftpEndpoint\\displayName=FTP\n"
                          "ftpEndpoint\\endpoint=ftp://ram.example.com\n"
                          "ftpEndpoint\\accessKeyId=LTAIx\n"
                          "noHost\\service=ram\n"
                          "noHost\\displayName=No host\n"
                          "noHost\\endpoint=not a url\n"
                          "noHost\\accessKeyId=LTAIx\n"
                          "noAccessKey\\service=ram\n"
                          "noAccessKey\\displayName=No AccessKey\n"
                          "noAccessKey\\endpoint=https://ram.aliyuncs.com\n"
                          "badTimeout\\service=ram\n"
                          "badTimeout\\displayName=Bad timeout\n"
                          "badTimeout\\endpoint=https://ram.aliyuncs.com\n"
                          "badTimeout\\accessKeyId=LTAIx\n"
                          "badTimeout\\timeoutMs=soon\n"
                          "hugeTimeout\\service=ram\n"
                          "hugeTimeout\\displayName=Huge timeout\n"
                          "hugeTimeout\\endpoint=https://ram.aliyuncs.com\n"
                          "hugeTimeout\\accessKeyId=LTAIx\n"
                          "hugeTimeout\\timeoutMs=99999999999\n"
                          "listName\\service=ram\n"
                          "listName\\displayName=Prod, EU\n"
                          "listName\\endpoint=https://ram.aliyuncs.com\n"
                          "listName\\accessKeyId=LTAIx\n"
                          "noInstance\\service=tablestore\n"
                          "noInstance\\displayName=No instance\n"
                          "noInstance\\endpoint=https://127.0.0.1\n"
                          "noInstance\\accessKeyId=LTAIx\n"
                          "noProject\\service=oceanbase\n"
                          "noProject\\displayName=No project\n"
                          "noProject\\endpoint=https://127.0.0.1\n"
                          "noProject\\accessKeyId=obx\n"
                          "noProject\\orgId=org-1\n"
                          "bad%20id\\service=ram\n"
                          "bad%20id\\displayName=Bad id\n"
                          "bad%20id\\endpoint=https://ram.aliyuncs.com\n"
                          "bad%20id\\accessKeyId=LTAIx\n"
                          "noName\\service=ram\n"
                          "noName\\endpoint=https://ram.aliyuncs.com\n"
                          "noName\\accessKeyId=LTAIx\n"
                          "bytes\\service=ram\n"
                          "bytes\\displayName=@ByteArray(abc)\n"
                          "bytes\\endpoint=https://ram.aliyuncs.com\n"
                          "bytes\\accessKeyId=LTAIx\n"));
        ProfileStore store(path);
        const ProfileStore::Loaded loaded = store.load();
        QVERIFY2(!loaded.error, qPrintable(loaded.error.message));
        QCOMPARE(loaded.profiles.size(), 1);
        QCOMPARE(loaded.profiles.first().id, u"good"_s);
        QCOMPARE(loaded.profiles.first().displayName, u"Good one"_s);

        const QList<QPair<QString, QString>> expected {
            qMakePair(u"unknownService"_s, u"\"s3\""_s),
            qMakePair(u"noService"_s, u"service is missing"_s),
            qMakePair(u"ftpEndpoint"_s, u"https://"_s),
            qMakePair(u"noHost"_s, u"endpoint"_s),
            qMakePair(u"noAccessKey"_s, u"accessKeyId"_s),
            qMakePair(u"badTimeout"_s, u"timeoutMs is not a whole number"_s),
            qMakePair(u"hugeTimeout"_s, u"timeoutMs"_s),
            qMakePair(u"listName"_s, u"displayName is not a single text value"_s),
            qMakePair(u"noInstance"_s, u"instanceName"_s),
            qMakePair(u"noProject"_s, u"projectId"_s),
            qMakePair(u"bad id"_s, u"id may hold only"_s),
            qMakePair(u"noName"_s, u"displayName is missing"_s),
            qMakePair(u"bytes"_s, u"displayName is not a single text value"_s),
        };
        QCOMPARE(loaded.skipped.size(), expected.size());
        for (const auto &[id, reason] : expected) {
            const ProfileStore::SkippedEntry *entry = findSkipped(loaded, id);
            QVERIFY2(entry, qPrintable(id));
            QVERIFY2(entry->reason.contains(reason), qPrintable(id + u": "_s + entry->reason));
            QVERIFY(!store.find(id));
        }

        Profile added = fullProfile(ServiceKind::Ram, u"Added"_s);
        QVERIFY(!store.add(added));
        QVERIFY(!store.remove(u"good"_s));
        const ProfileStore::Loaded after = ProfileStore(path).load();
        QCOMPARE(after.profiles.size(), 1);
        QCOMPARE(after.profiles.first().id, added.id);
        QCOMPARE(after.skipped.size(), expected.size());
    }

    void refusesInvalidProfiles_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("id with a slash") << u"id"_s << u"a/b"_s << u"id"_s;
        QTest::newRow("id too long") << u"id"_s << QString(65, u'a') << u"id"_s;
        QTest::newRow("no name") << u"displayName"_s << u"  "_s << u"displayName"_s;
        QTest::newRow("no endpoint") << u"endpoint"_s << QString() << u"endpoint"_s;
        QTest::newRow("file endpoint") << u"endpoint"_s << u"file:///etc/passwd"_s << u"https://"_s;
        QTest::newRow("data endpoint without host")
            << u"dataEndpoint"_s << u"https://"_s << u"dataEndpoint"_s;
        QTest::newRow("no AccessKey") << u"accessKeyId"_s << QString() << u"accessKeyId"_s;
        QTest::newRow("no org") << u"orgId"_s << QString() << u"orgId"_s;
        QTest::newRow("no instance") << u"instanceName"_s << QString() << u"instanceName"_s;
        QTest::newRow("timeout zero") << u"timeoutMs"_s << u"0"_s << u"timeoutMs"_s;
    }

    void refusesInvalidProfiles()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        const ServiceKind service
            = field == u"instanceName"_s ? ServiceKind::Tablestore : ServiceKind::OceanBase;
        Profile profile = fullProfile(service, u"Invalid"_s);
        if (field == u"id"_s)
            profile.id = value;
        else if (field == u"displayName"_s)
            profile.displayName = value;
        else if (field == u"endpoint"_s)
            profile.endpoint = QUrl(value);
        else if (field == u"dataEndpoint"_s)
            profile.dataEndpoint = QUrl(value);
        else if (field == u"accessKeyId"_s)
            profile.accessKeyId = value;
        else if (field == u"orgId"_s)
            profile.orgId = value;
        else if (field == u"instanceName"_s)
            profile.instanceName = value;
        else if (field == u"timeoutMs"_s)
            profile.timeoutMs = value.toInt();

        const QString path = newFile();
        ProfileStore store(path);
        const ProfileStore::Error error = store.add(profile);
        QCOMPARE(error.kind, ProfileStore::Error::Kind::Invalid);
        QVERIFY2(error.message.contains(reason), qPrintable(error.message));
        QVERIFY(store.load().profiles.isEmpty());

        // update() checks the same way and leaves the stored profile as it was.
        Profile valid = fullProfile(service, u"Valid"_s);
        QVERIFY(!store.add(valid));
        Profile changed = profile;
        changed.id = field == u"id"_s ? profile.id : valid.id;
        QCOMPARE(store.update(changed).kind, ProfileStore::Error::Kind::Invalid);
        compareProfiles(*store.find(valid.id), valid);
    }

    void updatesInPlace()
    {
        const QString path = newFile();
        ProfileStore store(path);
        Profile profile = fullProfile(ServiceKind::ModelStudio, u"Before"_s);
        QVERIFY(!store.add(profile));
        // A key a person added by hand goes when the profile is saved again.
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(u"profiles/"_s + profile.id + u"/note"_s, u"hand-written"_s);
        }
        profile.displayName = u"After"_s;
        profile.dataEndpoint = QUrl();
        profile.caCertificatePath.clear();
        profile.timeoutMs = 60000;
        const ProfileStore::Error error = store.update(profile);
        QVERIFY2(!error, qPrintable(error.message));
        compareProfiles(*ProfileStore(path).find(profile.id), profile);
        QSettings raw(path, QSettings::IniFormat);
        QVERIFY(!raw.contains(u"profiles/"_s + profile.id + u"/note"_s));
        QVERIFY(!raw.contains(u"profiles/"_s + profile.id + u"/dataEndpoint"_s));

        Profile unknown = fullProfile(ServiceKind::Ram, u"Unknown"_s);
        unknown.id = ProfileStore::newId();
        QCOMPARE(store.update(unknown).kind, ProfileStore::Error::Kind::NotFound);
        QVERIFY(!store.find(unknown.id));
    }

    void removes()
    {
        const QString path = newFile();
        ProfileStore store(path);
        Profile kept = fullProfile(ServiceKind::Ram, u"Kept"_s);
        Profile removed = fullProfile(ServiceKind::Ram, u"Removed"_s);
        QVERIFY(!store.add(kept));
        QVERIFY(!store.add(removed));
        QVERIFY(!store.remove(removed.id));
        QVERIFY(!store.find(removed.id));
        const ProfileStore::Loaded loaded = ProfileStore(path).load();
        QCOMPARE(loaded.profiles.size(), 1);
        compareProfiles(loaded.profiles.first(), kept);
        QVERIFY(!QSettings(path, QSettings::IniFormat)
                     .contains(u"profiles/"_s + removed.id + u"/service"_s));

        QCOMPARE(store.remove(removed.id).kind, ProfileStore::Error::Kind::NotFound);
        QCOMPARE(store.remove(QString()).kind, ProfileStore::Error::Kind::NotFound);
        // Not a way to remove the whole group, or another's entry.
        QCOMPARE(store.remove(u"../profiles"_s).kind, ProfileStore::Error::Kind::NotFound);
        QCOMPARE(store.load().profiles.size(), 1);
    }

    void sharesAGivenQSettings()
    {
        const QString path = newFile();
        QSettings settings(path, QSettings::IniFormat);
        Profile profile = fullProfile(ServiceKind::Tablestore, u"Shared"_s);
        {
            ProfileStore store(&settings);
            QVERIFY(!store.add(profile));
        }
        // The store did not own, so did not delete, the settings it was given.
        QCOMPARE(settings.value(u"profiles/"_s + profile.id + u"/service"_s).toString(),
                 u"tablestore"_s);
        compareProfiles(*ProfileStore(path).find(profile.id), profile);
    }

    void unwritableFileIsAnError()
    {
        // A directory where the file should be: no write can succeed, whoever runs the test.
        const QString path = m_dir.filePath(u"a-directory.ini"_s);
        QVERIFY(QDir().mkpath(path));
        ProfileStore store(path);
        Profile profile = fullProfile(ServiceKind::Ram, u"Nowhere"_s);
        const ProfileStore::Error error = store.add(profile);
        QCOMPARE(error.kind, ProfileStore::Error::Kind::Storage);
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
    }

    void defaultsToTheConsolesSettings()
    {
        ProfileStore store;
        Profile profile = fullProfile(ServiceKind::DashVector, u"Default"_s);
        QVERIFY(!store.add(profile));
        const QString expected = m_config.filePath(u"KeyDesk/KeyDesk.conf"_s);
        QVERIFY(QFile::exists(expected));
        compareProfiles(*ProfileStore(expected).find(profile.id), profile);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
