#include "ProfileStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// A profile's endpoints carry its secret (signatures, credentials, key values): ProfileStore
// refuses a plain http:// endpoint off this machine, when a profile is added or updated and
// when a hand-edited file names one, with the reason; https:// and loopback http:// are kept.
class TestPlainHttpProfiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newFile() { return m_dir.filePath(u"profiles-%1.ini"_s.arg(++m_files)); }

    static Profile ramProfile(const QString &endpoint, const QString &dataEndpoint = {})
    {
        Profile profile;
        profile.service = ServiceKind::Ram;
        profile.displayName = u"RAM"_s;
        profile.endpoint = QUrl(endpoint);
        profile.dataEndpoint = QUrl(dataEndpoint);
        profile.accessKeyId = u"LTAI5tTestId"_s;
        return profile;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void endpointsOffThisMachineNeedHttps_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("dataEndpoint");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << u"https://ram.aliyuncs.com"_s << QString() << true;
        QTest::newRow("loopback http") << u"http://127.0.0.1:8080"_s << QString() << true;
        QTest::newRow("localhost http") << u"http://localhost:8080"_s << QString() << true;
        QTest::newRow("::1 http") << u"http://[::1]:8080"_s << QString() << true;
        QTest::newRow("http to a name") << u"http://ram.aliyuncs.com"_s << QString() << false;
        QTest::newRow("http to an address") << u"http://10.0.0.1:8080"_s << QString() << false;
        QTest::newRow("http data endpoint")
            << u"https://ram.aliyuncs.com"_s << u"http://dashscope.aliyuncs.com"_s << false;
        QTest::newRow("loopback data endpoint")
            << u"https://ram.aliyuncs.com"_s << u"http://127.0.0.1:9000"_s << true;
    }

    void endpointsOffThisMachineNeedHttps()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, dataEndpoint);
        QFETCH(bool, accepted);
        Profile profile = ramProfile(endpoint, dataEndpoint);
        profile.id = ProfileStore::newId();
        const QString problem = ProfileStore::validate(profile);
        QCOMPARE(problem.isEmpty(), accepted);
        if (!accepted) {
            QVERIFY2(problem.contains(u"https://"_s), qPrintable(problem));
            QVERIFY2(problem.contains(u"clear text"_s), qPrintable(problem));
        }

        ProfileStore store(newFile());
        Profile added = ramProfile(endpoint, dataEndpoint);
        const ProfileStore::Error error = store.add(added);
        QCOMPARE(!error, accepted);
        QCOMPARE(store.load().profiles.size(), accepted ? 1 : 0);

        // Updating a good profile to such an endpoint is refused too, and changes nothing.
        ProfileStore other(newFile());
        Profile good = ramProfile(u"https://ram.aliyuncs.com"_s);
        QVERIFY(!other.add(good));
        Profile redirected = good;
        redirected.endpoint = QUrl(endpoint);
        redirected.dataEndpoint = QUrl(dataEndpoint);
        QCOMPARE(!other.update(redirected), accepted);
        if (!accepted)
            QCOMPARE(other.find(good.id)->endpoint, good.endpoint);
    }

    // A hand-edited file that points a profile at plain http is skipped, with the reason.
    void aStoredPlainHttpEndpointIsSkipped()
    {
        const QString path = newFile();
        QString id;
        {
            ProfileStore store(path);
            Profile profile = ramProfile(u"https://ram.aliyuncs.com"_s);
            QVERIFY(!store.add(profile));
            id = profile.id;
        }
        {
            QSettings settings(path, QSettings::IniFormat);
            const QStringList keys = settings.allKeys();
            const auto endpointKey = std::find_if(keys.cbegin(), keys.cend(), [](const QString &k) {
                return k.endsWith(u"/endpoint"_s);
            });
            QVERIFY(endpointKey != keys.cend());
            settings.setValue(*endpointKey, u"http://ram.aliyuncs.com"_s);
        }
        const ProfileStore::Loaded loaded = ProfileStore(path).load();
        QVERIFY(loaded.profiles.isEmpty());
        QCOMPARE(loaded.skipped.size(), 1);
        QCOMPARE(loaded.skipped.first().id, id);
        QVERIFY(loaded.skipped.first().reason.contains(u"https://"_s));
    }
};

QTEST_GUILESS_MAIN(TestPlainHttpProfiles)
#include "TestPlainHttpProfiles.moc"
