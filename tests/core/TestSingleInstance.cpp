#include "SingleInstance.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The guard that keeps KeyDesk to one window, on real local sockets in a runtime directory of
// the test's own. A second start blocks while it asks, as it does before the event loop of a
// real start: here it runs on a thread of its own so that the first can answer.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    int m_keys = 0;

    QString newKey() { return u"test-key-%1"_s.arg(++m_keys); }

    // Another start with the key, as another process would make it; its outcome, once the
    // caller's event loop has let the first instance answer.
    static std::optional<SingleInstance::Outcome> startElsewhere(const QString &key,
                                                                 int answerTimeout = 3000)
    {
        std::optional<SingleInstance::Outcome> outcome;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            SingleInstance other(key);
            other.setAnswerTimeout(answerTimeout);
            outcome = other.start();
        }));
        thread->start();
        if (!QTest::qWaitFor([&] { return thread->isFinished(); }, answerTimeout + 10000))
            return std::nullopt;
        thread->wait();
        return outcome;
    }

    // What a client sending these bytes gets back before the instance closes the connection.
    static QByteArray answerTo(const QString &path, const QByteArray &bytes)
    {
        QLocalSocket socket;
        socket.connectToServer(path);
        if (!socket.waitForConnected(3000))
            return "no connection"_ba;
        socket.write(bytes);
        QByteArray answer;
        const bool closed = QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return socket.state() == QLocalSocket::UnconnectedState;
            },
            10000);
        return closed ? answer + socket.readAll() : "left open"_ba;
    }

    // A socket file with nobody listening on it, as a crashed instance leaves it behind.
    static bool leaveDeadSocket(const QString &path)
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        if (fd < 0 || name.size() >= qsizetype(sizeof(address.sun_path)))
            return false;
        std::copy(name.begin(), name.end(), address.sun_path);
        const bool bound
            = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
        ::close(fd);
        return bound && QFile::exists(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void socketIsInTheRuntimeDirectory()
    {
        const SingleInstance one(newKey());
        const SingleInstance same(u"test-key-%1"_s.arg(m_keys));
        const SingleInstance other(newKey());
        QVERIFY(one.socketPath().startsWith(m_runtime.path() + u'/'));
        QCOMPARE(same.socketPath(), one.socketPath());
        QVERIFY(other.socketPath() != one.socketPath());
    }

    void secondStartActivatesTheFirst()
    {
        const QString key = newKey();
        SingleInstance first(key);
        QCOMPARE(first.start(), SingleInstance::Outcome::Listening);
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        QCOMPARE(startElsewhere(key), SingleInstance::Outcome::OtherActivated);
        QTRY_COMPARE(activated.size(), 1);
        // and again: the first keeps listening
        QCOMPARE(startElsewhere(key), SingleInstance::Outcome::OtherActivated);
        QTRY_COMPARE(activated.size(), 2);
    }

    void otherKeyIsItsOwnInstance()
    {
        SingleInstance first(newKey());
        QCOMPARE(first.start(), SingleInstance::Outcome::Listening);
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        SingleInstance second(newKey());
        QCOMPARE(second.start(), SingleInstance::Outcome::Listening);
        QCOMPARE(answerTo(second.socketPath(), "activate\n"_ba), "activated\n"_ba);
        QCOMPARE(activated.size(), 0);
    }

    void socketLeftByACrashIsTakenOver()
    {
        const QString key = newKey();
        const QString path = SingleInstance(key).socketPath();
        QVERIFY(leaveDeadSocket(path));
        SingleInstance instance(key);
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        QSignalSpy activated(&instance, &SingleInstance::activationRequested);
        QCOMPARE(answerTo(path, "activate\n"_ba), "activated\n"_ba);
        QCOMPARE(activated.size(), 1);
    }

    void plainFileAtThePathIsTakenOver()
    {
        const QString key = newKey();
        QFile file(SingleInstance(key).socketPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        SingleInstance instance(key);
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
    }

    // A process that still holds the socket but never answers (hung): after the answer timeout
    // the new start takes its place instead of exiting.
    void silentServerIsTakenOver()
    {
        const QString key = newKey();
        QLocalServer silent;
        QVERIFY(silent.listen(SingleInstance(key).socketPath()));
        QCOMPARE(startElsewhere(key, 500), SingleInstance::Outcome::Listening);
    }

    void garbageIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("unknown request") << "quit\n"_ba;
        QTest::newRow("request with trailing bytes") << "activate now\n"_ba;
        QTest::newRow("binary") << QByteArray("\x00\xff\x01\n", 4);
        QTest::newRow("oversized line") << QByteArray(100000, 'a') + '\n';
        QTest::newRow("oversized without newline") << QByteArray(100000, 'a');
        QTest::newRow("request after a long prefix") << QByteArray(200, ' ') + "activate\n";
    }

    void garbageIsIgnored()
    {
        QFETCH(QByteArray, bytes);
        SingleInstance instance(newKey());
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        QSignalSpy activated(&instance, &SingleInstance::activationRequested);
        QCOMPARE(answerTo(instance.socketPath(), bytes), QByteArray());
        QCOMPARE(activated.size(), 0);
        // still serving
        QCOMPARE(answerTo(instance.socketPath(), "activate\n"_ba), "activated\n"_ba);
        QCOMPARE(activated.size(), 1);
    }

    void silentClientIsDropped()
    {
        SingleInstance instance(newKey());
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        QLocalSocket socket;
        socket.connectToServer(instance.socketPath());
        QVERIFY(socket.waitForConnected(3000));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QLocalSocket::UnconnectedState, 10000);
    }

    // Several starts at once: exactly one becomes the instance, every other one activates it.
    void racingStartsAgreeOnOne()
    {
        const QString key = newKey();
        constexpr int kStarts = 4;
        std::array<std::optional<SingleInstance::Outcome>, kStarts> outcomes;
        std::array<std::unique_ptr<SingleInstance>, kStarts> instances;
        std::array<std::unique_ptr<QThread>, kStarts> threads;
        for (int i = 0; i < kStarts; ++i) {
            threads[i].reset(QThread::create([&, i] {
                instances[i] = std::make_unique<SingleInstance>(key);
                outcomes[i] = instances[i]->start();
                // The winner serves from the test's thread, where the event loop runs.
                instances[i]->moveToThread(QCoreApplication::instance()->thread());
            }));
        }
        for (const auto &thread : threads)
            thread->start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(threads.begin(), threads.end(),
                                   [](const auto &thread) { return thread->isFinished(); });
            },
            30000));
        for (const auto &thread : threads)
            thread->wait();
        const auto listening
            = std::count(outcomes.begin(), outcomes.end(), SingleInstance::Outcome::Listening);
        const auto activated
            = std::count(outcomes.begin(), outcomes.end(), SingleInstance::Outcome::OtherActivated);
        QCOMPARE(listening, 1);
        QCOMPARE(activated, kStarts - 1);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
