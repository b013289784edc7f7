#include "ClipboardGuard.h"
#include "CreatedKeyDialog.h"
#include "ViewKeyDialog.h"
#include "WidgetLookup.h"
#include "XvfbSession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

const QByteArray kValue = "sk-Guarded0123456789abcdefGHIJ"_ba;

ApiKey makeKey()
{
    ApiKey key;
    key.id = u"dvk-guarded-0001"_s;
    key.service = ServiceKind::DashVector;
    key.name = u"guarded"_s;
    key.maskedValue = u"sk-****GHIJ"_s;
    return key;
}

QString text(QClipboard::Mode mode)
{
    return QGuiApplication::clipboard()->text(mode);
}

// The dialog of the row, shown, its value revealed; its value field.
std::unique_ptr<QDialog> openRevealed(const QString &which, ClipboardGuard *guard,
                                      QLineEdit **field)
{
    std::unique_ptr<QDialog> dialog;
    if (which == u"view"_s)
        dialog = std::make_unique<ViewKeyDialog>(makeKey(), kValue, guard);
    else
        dialog = std::make_unique<CreatedKeyDialog>(makeKey(), kValue, QDateTime(),
                                                    ServiceCapabilities {}, guard);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    auto *reveal = byAccessibleName<QAbstractButton>(dialog.get(), u"Show the value"_s);
    if (!reveal)
        return nullptr;
    reveal->click();
    *field = byAccessibleName<QLineEdit>(dialog.get(), u"Key value"_s);
    if (!*field || (*field)->text().toUtf8() != kValue || (*field)->echoMode() != QLineEdit::Normal)
        return nullptr;
    return dialog;
}

// A mouse drag over the whole field: what selects text on X11 (and a double click a word).
void dragOver(QLineEdit *field)
{
    const int y = field->height() / 2;
    QTest::mousePress(field, Qt::LeftButton, {}, QPoint(2, y));
    QTest::mouseMove(field, QPoint(field->width() / 2, y));
    QTest::mouseMove(field, QPoint(field->width() - 2, y));
    QTest::mouseRelease(field, Qt::LeftButton, {}, QPoint(field->width() - 2, y));
}

// Opens the field's context menu as a right click does and reads its entries, triggering the
// one named "copy" or, failing that, the first that copies. The field's own menu runs its
// own event loop (exec()), ours pops up: a timer handles either.
QStringList useContextMenu(QLineEdit *field)
{
    QStringList entries;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu || !entries.isEmpty())
            return;
        QAction *copy = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            entries.append(action->objectName());
            if (action->objectName() == u"copy"_s || action->objectName() == u"edit-copy"_s)
                copy = action;
        }
        menu->close();
        if (copy && copy->isEnabled())
            copy->trigger();
    });
    poll.start();
    const QPoint at = field->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, field->mapToGlobal(at));
    QApplication::sendEvent(field, &event);
    if (!QTest::qWaitFor([&] { return !entries.isEmpty(); }, 3000))
        return {u"no menu"_s};
    return entries;
}

} // namespace

// The revealed value of the view and created-key dialogs on a real X11 display (Xvfb, xcb):
// every copy goes through the ClipboardGuard (marked secret, cleared later), and neither
// Ctrl+C, the context menu, a mouse or keyboard selection nor a drag hands it over otherwise.
class TestGuardedSecretFields : public QObject
{
    Q_OBJECT

public:
    static void initMain() { XvfbSession::enter(); }

private Q_SLOTS:
    void init()
    {
        QGuiApplication::clipboard()->clear(QClipboard::Clipboard);
        QGuiApplication::clipboard()->clear(QClipboard::Selection);
    }

    // The test's own check: on this display an ordinary field does give PRIMARY its selection.
    void platformHasASelection()
    {
        QVERIFY(QGuiApplication::clipboard()->supportsSelection());
        QLineEdit plain(QString::fromLatin1(kValue));
        plain.setReadOnly(true);
        plain.resize(400, plain.sizeHint().height());
        plain.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plain));
        dragOver(&plain);
        QTRY_COMPARE(text(QClipboard::Selection).toUtf8(), kValue);
    }

    void dialogs_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("view") << u"view"_s;
        QTest::newRow("created") << u"created"_s;
    }

    void mouseSelectionStaysOffPrimary_data() { dialogs_data(); }
    void mouseSelectionStaysOffPrimary()
    {
        QFETCH(QString, which);
        ClipboardGuard guard;
        QLineEdit *field = nullptr;
        const auto dialog = openRevealed(which, &guard, &field);
        QVERIFY(dialog);
        dragOver(field);
        QVERIFY(!field->hasSelectedText());
        QVERIFY(text(QClipboard::Selection).isEmpty());
        QTest::mouseDClick(field, Qt::LeftButton, {}, field->rect().center());
        QVERIFY(!field->hasSelectedText());
        QVERIFY(text(QClipboard::Selection).isEmpty());
        QVERIFY(text(QClipboard::Clipboard).isEmpty());
    }

    void keyboardSelectionAndCtrlCGoThroughTheGuard_data() { dialogs_data(); }
    void keyboardSelectionAndCtrlCGoThroughTheGuard()
    {
        QFETCH(QString, which);
        ClipboardGuard guard;
        QLineEdit *field = nullptr;
        const auto dialog = openRevealed(which, &guard, &field);
        QVERIFY(dialog);
        field->setFocus(Qt::TabFocusReason); // a Tab focus selects all in a plain field
        QTest::keyClick(field, Qt::Key_Home);
        QTest::keyClick(field, Qt::Key_End, Qt::ShiftModifier);
        QTest::keySequence(field, QKeySequence::SelectAll);
        QVERIFY(!field->hasSelectedText());
        QTest::keySequence(field, QKeySequence::Copy);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData(QClipboard::Clipboard);
        QVERIFY(mime);
        QCOMPARE(mime->text().toUtf8(), kValue);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
        QVERIFY(guard.holdsSecret());
        QVERIFY(text(QClipboard::Selection).toUtf8() != kValue);
        guard.clearIfOurs();
        QVERIFY(text(QClipboard::Clipboard).isEmpty());
    }

    void contextMenuOffersOnlyTheGuardedCopy_data() { dialogs_data(); }
    void contextMenuOffersOnlyTheGuardedCopy()
    {
        QFETCH(QString, which);
        ClipboardGuard guard;
        guard.setClearAfterMs(300);
        QLineEdit *field = nullptr;
        const auto dialog = openRevealed(which, &guard, &field);
        QVERIFY(dialog);
        const QStringList entries = useContextMenu(field);
        QCOMPARE(entries, QStringList {u"copy"_s});
        QCOMPARE(text(QClipboard::Clipboard).toUtf8(), kValue);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData(QClipboard::Clipboard);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
        QTRY_VERIFY(text(QClipboard::Clipboard).isEmpty()); // cleared by the guard's timer
        QVERIFY(text(QClipboard::Selection).toUtf8() != kValue);
    }
};

QTEST_MAIN(TestGuardedSecretFields)
#include "TestGuardedSecretFields.moc"
