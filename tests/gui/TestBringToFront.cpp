#include "MainWindow.h"
#include "SingleInstance.h"

#include <QFile>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// A second `keydesk` start, as the running console's window sees it (offscreen): the request
// on the single-instance socket brings the window back from the taskbar and in front.
class TestBringToFront : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

    // The request a second start sends, from a client on this thread (the window answers in
    // the event loop meanwhile).
    static bool askToActivate(const SingleInstance &instance)
    {
        QLocalSocket socket;
        socket.connectToServer(instance.socketPath());
        if (!socket.waitForConnected(3000))
            return false;
        socket.write("activate\n"_ba);
        return QTest::qWaitFor([&] { return socket.canReadLine(); }, 5000)
            && socket.readLine() == "activated\n"_ba;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestBringToFront"_s);
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void minimizedWindowComesBack_data()
    {
        QTest::addColumn<bool>("maximized");
        QTest::newRow("normal") << false;
        QTest::newRow("maximized") << true;
    }

    void minimizedWindowComesBack()
    {
        QFETCH(bool, maximized);
        MainWindow window({}, KeyPageTools {}, nullptr);
        SingleInstance instance(SingleInstance::settingsKey());
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        connect(&instance, &SingleInstance::activationRequested, &window,
                &MainWindow::bringToFront);
        if (maximized)
            window.showMaximized();
        else
            window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showMinimized();
        QTRY_VERIFY(window.isMinimized());

        QVERIFY(askToActivate(instance));
        QTRY_VERIFY(!window.isMinimized());
        QVERIFY(window.isVisible());
        QCOMPARE(window.isMaximized(), maximized);
    }

    // Behind another window, it is raised and becomes the active one.
    void windowBehindAnotherIsActivated()
    {
        MainWindow window({}, KeyPageTools {}, nullptr);
        SingleInstance instance(SingleInstance::settingsKey());
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        connect(&instance, &SingleInstance::activationRequested, &window,
                &MainWindow::bringToFront);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget other;
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        other.activateWindow();
        QTRY_VERIFY(other.isActiveWindow());

        QVERIFY(askToActivate(instance));
        QTRY_VERIFY(window.isActiveWindow());
    }

    // A hidden window is shown.
    void hiddenWindowIsShown()
    {
        MainWindow window({}, KeyPageTools {}, nullptr);
        SingleInstance instance(SingleInstance::settingsKey());
        QCOMPARE(instance.start(), SingleInstance::Outcome::Listening);
        connect(&instance, &SingleInstance::activationRequested, &window,
                &MainWindow::bringToFront);
        QVERIFY(askToActivate(instance));
        QTRY_VERIFY(window.isVisible());
    }
};

QTEST_MAIN(TestBringToFront)
#include "TestBringToFront.moc"
