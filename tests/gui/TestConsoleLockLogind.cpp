#include "ConsoleLock.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// ConsoleLock on logind's signals, over a real, private system bus: a dbus-daemon of this test's
// own, whose address reaches the console through DBUS_SYSTEM_BUS_ADDRESS (libdbus's own
// variable, which QDBusConnection::systemBus() honours; nothing in KeyDesk reads it). The test
// owns org.freedesktop.login1 on that bus and emits what logind emits.
class TestConsoleLockLogind : public QObject
{
    Q_OBJECT

    QProcess m_bus;
    QString m_address;

    static QDBusMessage signal(const QString &path, const QString &interface, const QString &member,
                               const QVariantList &arguments = {})
    {
        QDBusMessage message = QDBusMessage::createSignal(path, interface, member);
        message.setArguments(arguments);
        return message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address"_s});
        QVERIFY2(m_bus.waitForStarted(), "dbus-daemon is missing (scripts/install-deps)");
        while (!m_bus.canReadLine())
            QVERIFY(m_bus.waitForReadyRead(10000));
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
        // Before anything asks for the system bus: the first call connects it.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        qputenv("XDG_SESSION_ID", "c7");
        QVERIFY(QDBusConnection::systemBus().isConnected());
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(u"logind"_s);
        m_bus.terminate();
        m_bus.waitForFinished();
    }

    void sessionPathsAreEncodedAsLogindDoes()
    {
        QCOMPARE(ConsoleLock::logindSessionPath(u"c7"_s), u"/org/freedesktop/login1/session/c7"_s);
        QCOMPARE(ConsoleLock::logindSessionPath(u"2"_s), u"/org/freedesktop/login1/session/_32"_s);
        QCOMPARE(ConsoleLock::logindSessionPath(u"a-1"_s),
                 u"/org/freedesktop/login1/session/a_2d1"_s);
    }

    void lockOfThisSessionAndSleepLock()
    {
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, u"logind"_s);
        QVERIFY(logind.isConnected());
        QVERIFY(logind.registerService(u"org.freedesktop.login1"_s));
        ConsoleLock lock;
        QCOMPARE(lock.sessionPath(), u"/org/freedesktop/login1/session/c7"_s);
        QSignalSpy requested(&lock, &ConsoleLock::lockRequested);
        const QString session = u"org.freedesktop.login1.Session"_s;
        const QString manager = u"org.freedesktop.login1.Manager"_s;
        // Another session's Lock and waking up lock nothing; this session's Lock and going to
        // sleep do. All on one connection, so they arrive in this order.
        QVERIFY(logind.send(signal(u"/org/freedesktop/login1/session/c8"_s, session, u"Lock"_s)));
        QVERIFY(logind.send(
            signal(u"/org/freedesktop/login1"_s, manager, u"PrepareForSleep"_s, {false})));
        QVERIFY(logind.send(signal(lock.sessionPath(), session, u"Lock"_s)));
        QVERIFY(logind.send(
            signal(u"/org/freedesktop/login1"_s, manager, u"PrepareForSleep"_s, {true})));
        QTRY_VERIFY(!requested.isEmpty() && requested.last().first().toString() == u"sleep"_s);
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.first().first().toString(), u"screen"_s);
    }

    void signalsFromAnyoneButLogindAreIgnored()
    {
        ConsoleLock lock;
        QSignalSpy requested(&lock, &ConsoleLock::lockRequested);
        QDBusConnection other = QDBusConnection::connectToBus(m_address, u"other"_s);
        QVERIFY(other.isConnected());
        QVERIFY(
            other.send(signal(lock.sessionPath(), u"org.freedesktop.login1.Session"_s, u"Lock"_s)));
        // A round trip: the bus has handled (and routed) the signal before it answers.
        QVERIFY(other.interface()->isServiceRegistered(u"org.freedesktop.login1"_s).value());
        // Then logind's own, which does lock: the first, sent before it, did not.
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, u"logind"_s);
        QVERIFY(
            logind.send(signal(u"/org/freedesktop/login1"_s, u"org.freedesktop.login1.Manager"_s,
                               u"PrepareForSleep"_s, {true})));
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), u"sleep"_s);
        QDBusConnection::disconnectFromBus(u"other"_s);
    }
};

QTEST_GUILESS_MAIN(TestConsoleLockLogind)
#include "TestConsoleLockLogind.moc"
