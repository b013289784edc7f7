#include "SandboxFixture.h"
#include "protocol/Base32.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
namespace protocol = keydesk::protocol;

// keydesk-sandbox's command line and demo data, and `keydesk --sandbox`, as a person runs them.
class TestSandboxCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    static Run runSandbox(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(KEYDESK_SANDBOX_PROGRAM), arguments);
        if (!process.waitForFinished(20000))
            return {};
        return {process.exitCode(), QString::fromLocal8Bit(process.readAll())};
    }

    static QJsonObject readJson(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    static bool startLauncher(SandboxLauncher &launcher)
    {
        QSignalSpy started(&launcher, &SandboxLauncher::started);
        launcher.start();
        return started.wait(30000);
    }

private Q_SLOTS:
    void badArgumentsFailWithAReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no data dir") << QStringList {} << u"--data-dir"_s;
        QTest::newRow("bad listen")
            << QStringList {u"--data-dir"_s, u"/tmp/x"_s, u"--listen"_s, u"nonsense"_s}
            << u"--listen"_s;
        QTest::newRow("port out of range")
            << QStringList {u"--data-dir"_s, u"/tmp/x"_s, u"--listen"_s, u"127.0.0.1:70000"_s}
            << u"--listen"_s;
        QTest::newRow("tls without cert")
            << QStringList {u"--data-dir"_s, u"/tmp/x"_s, u"--tls-listen"_s, u"127.0.0.1:0"_s}
            << u"--tls-cert"_s;
    }

    void badArgumentsFailWithAReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, reason);
        const Run run = runSandbox(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(reason), qPrintable(run.output));
    }

    void portInUseFails()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        const Run run = runSandbox({u"--data-dir"_s, dir.path(), u"--listen"_s,
                                    u"127.0.0.1:%1"_s.arg(taken.serverPort())});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(u"cannot listen"_s), qPrintable(run.output));
    }

    void unusableDataDirFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"not-a-dir"_s);
        QFile(file).open(QIODevice::WriteOnly);
        const Run run = runSandbox({u"--data-dir"_s, file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(u"cannot"_s), qPrintable(run.output));
    }

    void versionIsPrinted()
    {
        const Run run = runSandbox({u"--version"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.output.contains(QStringLiteral(KEYDESK_VERSION)));
    }

    void demoAccountIsWrittenOnceAndWorks()
    {
        QTemporaryDir dir;
        SandboxLauncher::Options options;
        options.program = QStringLiteral(KEYDESK_SANDBOX_PROGRAM);
        options.dataDir = dir.path();
        QString accountId;
        for (int start = 0; start < 2; ++start) {
            SandboxLauncher launcher(options);
            QVERIFY(startLauncher(launcher));
            QFile file(launcher.demoAccountPath());
            QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                     QFileDevice::Permissions());
            const QJsonObject demo = readJson(launcher.demoAccountPath());
            if (start == 0)
                accountId = demo[u"accountId"_s].toString();
            QVERIFY(!accountId.isEmpty());
            QCOMPARE(demo[u"accountId"_s].toString(), accountId); // created once
            QCOMPARE(demo[u"endpoints"_s][u"http"_s].toString(), launcher.httpUrl().toString());
            QCOMPARE(demo[u"endpoints"_s][u"https"_s].toString(), launcher.httpsUrl().toString());
            QVERIFY(protocol::base32Decode(demo[u"mfaSecret"_s].toString().toLatin1())->size()
                    >= 10);
            QCOMPARE(demo[u"ramUsers"_s].toArray().size(), 2);
            const QJsonObject oceanbase = demo[u"oceanbase"_s].toObject();
            for (const QString &field :
                 {u"accessKeyId"_s, u"accessKeySecret"_s, u"orgId"_s, u"projectId"_s})
                QVERIFY2(!oceanbase[field].toString().isEmpty(), qPrintable(field));

            TestHttp http;
            const QJsonObject root = demo[u"root"_s].toObject();
            const protocol::AcsCredentials rootKey {
                root[u"accessKeyId"_s].toString().toLatin1(),
                root[u"accessKeySecret"_s].toString().toLatin1(),
                {}};
            const HttpResult users
                = http.rpc(launcher.httpUrl(), rootKey, u"2015-05-01"_s, u"ListUsers"_s);
            QCOMPARE(users.status, 200);
            QVERIFY(users.json[u"Users"_s][u"User"_s].toArray().size() >= 2);
            for (const QJsonValue user : demo[u"ramUsers"_s].toArray()) {
                const protocol::AcsCredentials key {
                    user[u"accessKeyId"_s].toString().toLatin1(),
                    user[u"accessKeySecret"_s].toString().toLatin1(),
                    {}};
                QCOMPARE(
                    http.rpc(launcher.httpUrl(), key, u"2015-05-01"_s, u"ListAccessKeys"_s).status,
                    200);
            }
        }
    }

    void adminHooksAreOffByDefault()
    {
        QTemporaryDir dir;
        SandboxLauncher::Options options;
        options.program = QStringLiteral(KEYDESK_SANDBOX_PROGRAM);
        options.dataDir = dir.path();
        options.demo = false;
        SandboxLauncher launcher(options);
        QVERIFY(startLauncher(launcher));
        QUrl url = launcher.httpUrl();
        url.setPath(u"/_sandbox/accounts"_s);
        TestHttp http;
        QCOMPARE(http.send("POST", url, {}, "{}").status, 404);
    }

    void keydeskSandboxStartsAndStopsTheSandbox_data()
    {
        QTest::addColumn<bool>("window");
        QTest::addColumn<int>("signal");
        QTest::newRow("no display, SIGTERM") << false << SIGTERM;
        QTest::newRow("no display, Ctrl+C") << false << SIGINT;
        QTest::newRow("window, SIGTERM") << true << SIGTERM;
        QTest::newRow("window, Ctrl+C") << true << SIGINT;
    }

    // Either way the console ends cleanly on a signal, as if its window were closed, and the
    // sandbox goes with it.
    void keydeskSandboxStartsAndStopsTheSandbox()
    {
        QFETCH(bool, window);
        QFETCH(int, signal);
        QTemporaryDir home;
        QProcess keydesk;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        if (window)
            environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        keydesk.setProcessEnvironment(environment);
        keydesk.start(QStringLiteral(KEYDESK_CONSOLE_PROGRAM), {u"--sandbox"_s});
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += keydesk.readAllStandardOutput()).contains("demo account"), 30000);
        QCOMPARE(output.contains("No display is available"), !window);
        const QString demoPath = home.filePath(u"data/keydesk/sandbox/demo-account.json"_s);
        QVERIFY2(output.contains(demoPath.toUtf8()), output.constData());
        const QJsonObject demo = readJson(demoPath);
        const QUrl http(demo[u"endpoints"_s][u"http"_s].toString());
        QVERIFY(output.contains(http.toString().toUtf8()));
        const QJsonObject root = demo[u"root"_s].toObject();
        TestHttp client;
        QCOMPARE(client
                     .rpc(http,
                          {root[u"accessKeyId"_s].toString().toLatin1(),
                           root[u"accessKeySecret"_s].toString().toLatin1(),
                           {}},
                          u"2015-05-01"_s, u"ListAccessKeys"_s)
                     .status,
                 200);

        ::kill(static_cast<pid_t>(keydesk.processId()), signal);
        QVERIFY(keydesk.waitForFinished(10000));
        QCOMPARE(keydesk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(keydesk.exitCode(), 0);
        // A window closes as a person closing it would: its settings are saved.
        QCOMPARE(QFile::exists(home.filePath(u"config/KeyDesk/KeyDesk.conf"_s)), window);
        // The sandbox goes with the console.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QTcpSocket probe;
                probe.connectToHost(http.host(), static_cast<quint16>(http.port()));
                return !probe.waitForConnected(1000);
            }(),
            10000);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCommandLine)
#include "TestSandboxCommandLine.moc"
