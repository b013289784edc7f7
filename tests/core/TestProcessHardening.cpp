#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

// The real `keydesk` (headless `--sandbox`, which starts like the console does) seen from
// outside while it runs: no core dump, and not dumpable, so that another process of the same
// user cannot read its memory or attach to it. As root (CI) both run as the user nobody through
// setpriv, since root may read any process; otherwise both run as the caller.
class TestProcessHardening : public QObject
{
    Q_OBJECT

private:
    static constexpr uint kNobody = 65534;
    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_console;

    static bool asRoot() { return ::geteuid() == 0; }

    // program and arguments, as the user nobody when this test is root.
    static QStringList command(const QStringList &program)
    {
        if (!asRoot())
            return program;
        return QStringList {u"setpriv"_s, u"--reuid=65534"_s, u"--regid=65534"_s,
                            u"--clear-groups"_s}
        + program;
    }

    static QString field(const QByteArray &text, const QByteArray &name)
    {
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(name))
                return QString::fromLatin1(line.mid(name.size()).simplified());
        }
        return {};
    }

    QString pidPath(const QString &name) const
    {
        return u"/proc/%1/%2"_s.arg(m_console->processId()).arg(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        if (asRoot())
            QCOMPARE(::chown(QFile::encodeName(m_home.path()).constData(), kNobody, kNobody), 0);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_home.path());
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        m_console = std::make_unique<QProcess>();
        m_console->setProcessEnvironment(environment);
        const QStringList program
            = command({QStringLiteral(KEYDESK_CONSOLE_PROGRAM), u"--sandbox"_s});
        m_console->start(program.first(), program.mid(1));
        QByteArray output;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         output += m_console->readAllStandardOutput();
                         return output.contains("demo account")
                             || m_console->state() == QProcess::NotRunning;
                     },
                     30000),
                 "keydesk --sandbox did not start within 30 s");
        QVERIFY2(output.contains("demo account"),
                 qPrintable(QString::fromLocal8Bit(output + m_console->readAllStandardError())));
    }

    void cleanupTestCase()
    {
        if (!m_console)
            return;
        ::kill(static_cast<pid_t>(m_console->processId()), SIGINT);
        QVERIFY(m_console->waitForFinished(10000));
        QCOMPARE(m_console->exitCode(), 0);
    }

    void writesNoCoreDump()
    {
        QFile limits(pidPath(u"limits"_s));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QString core = field(limits.readAll(), "Max core file size");
        QVERIFY2(core.startsWith(u"0 0 "_s), qPrintable(core));
    }

    // A process that is not dumpable has its /proc entries owned by root, whoever runs it.
    void isNotDumpable()
    {
        QFile status(pidPath(u"status"_s));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QStringList uids = field(status.readAll(), "Uid:").split(u' ');
        QVERIFY(!uids.isEmpty());
        QCOMPARE(uids.first().toUInt(), asRoot() ? kNobody : ::getuid());
        QCOMPARE(QFileInfo(pidPath(u"mem"_s)).ownerId(), 0U);
        QCOMPARE(QFileInfo(pidPath(u"environ"_s)).ownerId(), 0U);
    }

    // What that keeps out: another process of the same user reading the console's memory
    // (here its environment, which /proc guards as it guards mem).
    void sameUserCannotReadItsMemory()
    {
        QProcess reader;
        const QStringList program = command({u"head"_s, u"-c"_s, u"1"_s, pidPath(u"environ"_s)});
        reader.start(program.first(), program.mid(1));
        QVERIFY(reader.waitForFinished(10000));
        QVERIFY2(reader.exitCode() != 0, "the console's /proc/PID/environ was readable");
        QVERIFY2(reader.readAllStandardError().contains("Permission denied"),
                 "the read failed for another reason than permission");
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "TestProcessHardening.moc"
