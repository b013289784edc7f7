#include "SandboxFixture.h"
#include "protocol/HttpDigest.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// The sandbox's own secrets and credentials (issue #12, "The sandbox"): its data directory and
// the files holding the demo's secrets are its owner's only, also when they were wider before,
// and an OceanBase Digest answer is bound to the whole request-target, query included.
class TestSandboxHardening : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;

    struct ObAccount
    {
        QByteArray accessKeyId;
        QByteArray secret;
        protocol::HttpHeaders scope;
    };

    static int modeOf(const QString &path)
    {
        struct stat info
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return -1;
        return static_cast<int>(info.st_mode & 07777);
    }

    QString inData(const QString &name) const { return QDir(m_sandbox.dataDir()).filePath(name); }

    // The files that hold secrets, each of them present once the sandbox has written.
    QStringList secretFiles() const
    {
        QStringList files {inData(u"sandbox.sqlite"_s), inData(u"tls/sandbox-key.pem"_s)};
        if (QFileInfo::exists(inData(u"sandbox.sqlite-wal"_s)))
            files.append(inData(u"sandbox.sqlite-wal"_s));
        return files;
    }

    void expectPrivate()
    {
        QCOMPARE(modeOf(m_sandbox.dataDir()), 0700);
        QCOMPARE(modeOf(inData(u"tls"_s)), 0700);
        for (const QString &file : secretFiles()) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QCOMPARE(modeOf(file), 0600);
        }
    }

    ObAccount newAccount()
    {
        const QJsonObject ob = m_sandbox.createAccount(false).details[u"oceanbase"_s].toObject();
        return {ob[u"accessKeyId"_s].toString().toLatin1(),
                ob[u"accessKeySecret"_s].toString().toLatin1(),
                {qMakePair("X-OB-Org-Id"_ba, ob[u"orgId"_s].toString().toLatin1()),
                 qMakePair("X-OB-Project-Id"_ba, ob[u"projectId"_s].toString().toLatin1())}};
    }

    QUrl url(const QByteArray &target) const
    {
        return QUrl(m_sandbox.http().toString() + QString::fromLatin1(target));
    }

    HttpResult withBasic(const ObAccount &account, const QByteArray &method,
                         const QByteArray &target, const QByteArray &body = {})
    {
        protocol::HttpHeaders headers = account.scope;
        headers.append(qMakePair(
            "Authorization"_ba,
            "Basic " + QByteArray(account.accessKeyId + ':' + account.secret).toBase64()));
        headers.append(qMakePair("Content-Type"_ba, "application/json"_ba));
        return m_sandbox.net().send(method, url(target), headers, body);
    }

    QString createKey(const ObAccount &account, const QString &name)
    {
        const QJsonObject body {{u"name"_s, name}, {u"action"_s, u"read"_s}};
        return withBasic(account, "POST", "/api/v2/maas/apikeys",
                         QJsonDocument(body).toJson(QJsonDocument::Compact))
            .json[u"data"_s][u"id"_s]
            .toString();
    }

    QStringList keyIds(const ObAccount &account)
    {
        QStringList ids;
        const QJsonArray list = withBasic(account, "GET", "/api/v2/maas/apikeys?pageSize=100")
                                    .json[u"data"_s][u"list"_s]
                                    .toArray();
        for (const auto &item : list)
            ids.append(item[u"id"_s].toString());
        return ids;
    }

    // A Digest answer (MD5, qop=auth) to a fresh challenge, computed for signedTarget.
    QByteArray digestFor(const ObAccount &account, const QByteArray &method,
                         const QByteArray &signedTarget)
    {
        const HttpResult challenged
            = m_sandbox.net().send("GET", url("/api/v2/maas/apikeys"), account.scope);
        QByteArray value = challenged.header("www-authenticate");
        if (!value.startsWith("Digest "))
            return {};
        value = value.mid(7);
        if (const qsizetype next = value.indexOf(", Digest "); next >= 0)
            value.truncate(next);
        const auto challenge
            = protocol::parseAuthParameters(value).value_or(QMap<QByteArray, QByteArray>());
        protocol::DigestAuthorization auth;
        auth.username = account.accessKeyId;
        auth.realm = challenge.value("realm");
        auth.nonce = challenge.value("nonce");
        auth.uri = signedTarget;
        auth.algorithm = "MD5";
        auth.qop = "auth";
        auth.nc = "00000001";
        auth.cnonce = TestHttp::freshNonce();
        auth.opaque = challenge.value("opaque");
        auth.response = protocol::digestResponse(auth, method, account.secret);
        return "Digest username=\"" + auth.username + "\", realm=\"" + auth.realm + "\", nonce=\""
            + auth.nonce + "\", uri=\"" + auth.uri + "\", algorithm=MD5, qop=auth, nc=" + auth.nc
            + ", cnonce=\"" + auth.cnonce + "\", response=\"" + auth.response + "\", opaque=\""
            + auth.opaque + '"';
    }

    HttpResult withDigest(const ObAccount &account, const QByteArray &method,
                          const QByteArray &target, const QByteArray &authorization)
    {
        protocol::HttpHeaders headers = account.scope;
        headers.append(qMakePair("Authorization"_ba, authorization));
        return m_sandbox.net().send(method, url(target), headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // What a sandbox that does not see to its own modes would make of a usual umask and a
        // directory made by someone else.
        ::umask(022);
        QVERIFY(QFile::setPermissions(m_sandbox.dataDir(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther));
        QCOMPARE(modeOf(m_sandbox.dataDir()), 0755);
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_sandbox.createAccount(false); // a write: the WAL exists from here on
    }

    void dataDirectoryAndSecretsAreOwnerOnly()
    {
        QVERIFY(QFileInfo::exists(inData(u"sandbox.sqlite-wal"_s)));
        expectPrivate();
    }

    void widerModesAreNarrowedAtTheNextStart()
    {
        m_sandbox.kill(); // the WAL stays behind, as after a crash
        QVERIFY(::chmod(QFile::encodeName(m_sandbox.dataDir()).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(inData(u"tls"_s)).constData(), 0755) == 0);
        for (const QString &file : secretFiles())
            QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_sandbox.createAccount(false);
        expectPrivate();
    }

    void digestAnswerIsBoundToTheQuery()
    {
        const ObAccount account = newAccount();
        const QString signedFor = createKey(account, u"signed-for"_s);
        const QString other = createKey(account, u"other"_s);
        QVERIFY(!signedFor.isEmpty() && !other.isEmpty());
        const QByteArray signedTarget = "/api/v2/maas/apikeys?id=" + signedFor.toLatin1();

        // A captured answer for one key's DELETE, sent with another key's id.
        const HttpResult tampered
            = withDigest(account, "DELETE", "/api/v2/maas/apikeys?id=" + other.toLatin1(),
                         digestFor(account, "DELETE", signedTarget));
        QCOMPARE(tampered.status, 401);
        QCOMPARE(tampered.json[u"errorCode"_s].toString(), u"AUTHENTICATION_FAILED"_s);
        QVERIFY(keyIds(account).contains(other));

        // The same answer on the target it was computed for is accepted.
        const HttpResult honest = withDigest(account, "DELETE", signedTarget,
                                             digestFor(account, "DELETE", signedTarget));
        QCOMPARE(honest.status, 200);
        QVERIFY(!keyIds(account).contains(signedFor));
    }

    void digestAnswerWithoutTheQueryIsRefused()
    {
        const ObAccount account = newAccount();
        const QString key = createKey(account, u"path-only"_s);
        const HttpResult result
            = withDigest(account, "DELETE", "/api/v2/maas/apikeys?id=" + key.toLatin1(),
                         digestFor(account, "DELETE", "/api/v2/maas/apikeys"));
        QCOMPARE(result.status, 401);
        QVERIFY(keyIds(account).contains(key));
    }
};

QTEST_GUILESS_MAIN(TestSandboxHardening)
#include "TestSandboxHardening.moc"
