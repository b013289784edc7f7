#include "ClipboardGuard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using keydesk::ClipboardGuard;

namespace {

const QByteArray kSecret = "sk-test-0123456789abcdef"_ba;

QString clipboardText()
{
    return QGuiApplication::clipboard()->text(QClipboard::Clipboard);
}

} // namespace

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void copyMarksTheSecret();
    void clearedAfterTheDelay();
    void notClearedWhenReplaced();
    void clearIfOursClearsNow();
    void clearedOnDestruction();
    void destructionLeavesOthersAlone();
    void clearedOnQuit();
};

void TestClipboardGuard::init()
{
    QGuiApplication::clipboard()->clear(QClipboard::Clipboard);
}

void TestClipboardGuard::copyMarksTheSecret()
{
    ClipboardGuard guard;
    QCOMPARE(guard.clearAfterMs(), 30000);
    QSignalSpy copied(&guard, &ClipboardGuard::copied);
    guard.copySecret(kSecret);
    QCOMPARE(copied.count(), 1);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QCOMPARE(mime->text().toUtf8(), kSecret);
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
    QVERIFY(guard.holdsSecret());
}

void TestClipboardGuard::clearedAfterTheDelay()
{
    ClipboardGuard guard;
    guard.setClearAfterMs(200);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    QCOMPARE(clipboardText().toUtf8(), kSecret);
    QTRY_COMPARE(cleared.count(), 1);
    QVERIFY(clipboardText().isEmpty());
    QVERIFY(!guard.holdsSecret());
}

void TestClipboardGuard::notClearedWhenReplaced()
{
    ClipboardGuard guard;
    guard.setClearAfterMs(200);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    QGuiApplication::clipboard()->setText(u"something else"_s);
    // Someone else's copy ends ours: reported at once, and their text stays.
    QCOMPARE(cleared.count(), 1);
    QVERIFY(!guard.holdsSecret());
    // Past the guard's delay (its timer would have fired first): their text is untouched.
    QTimer later;
    later.setSingleShot(true);
    QSignalSpy passed(&later, &QTimer::timeout);
    later.start(400);
    QVERIFY(passed.wait());
    QCOMPARE(clipboardText(), u"something else"_s);
    QCOMPARE(cleared.count(), 1);
}

void TestClipboardGuard::clearIfOursClearsNow()
{
    ClipboardGuard guard;
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    guard.clearIfOurs();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(clipboardText().isEmpty());
    guard.clearIfOurs(); // nothing of ours left: nothing happens
    QCOMPARE(cleared.count(), 1);
}

void TestClipboardGuard::clearedOnDestruction()
{
    {
        ClipboardGuard guard;
        guard.copySecret(kSecret);
        QCOMPARE(clipboardText().toUtf8(), kSecret);
    }
    QVERIFY(clipboardText().isEmpty());
}

void TestClipboardGuard::destructionLeavesOthersAlone()
{
    {
        ClipboardGuard guard;
        guard.copySecret(kSecret);
        QGuiApplication::clipboard()->setText(u"mine"_s);
    }
    QCOMPARE(clipboardText(), u"mine"_s);
}

void TestClipboardGuard::clearedOnQuit()
{
    ClipboardGuard guard;
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(kSecret);
    // What QCoreApplication::exec() emits on its way out.
    QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit");
    QCOMPARE(cleared.count(), 1);
    QVERIFY(clipboardText().isEmpty());
}

QTEST_MAIN(TestClipboardGuard)
#include "TestClipboardGuard.moc"
