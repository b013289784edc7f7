#include "ClipboardGuard.h"
#include "ViewKeyDialog.h"
#include "WidgetLookup.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using keydesk::ApiKey;
using keydesk::ClipboardGuard;
using keydesk::ViewKeyDialog;

namespace {

const QByteArray kValue = "sk-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"_ba;

ApiKey makeKey()
{
    ApiKey key;
    key.id = u"dvk-0123456789abcdef"_s;
    key.service = keydesk::ServiceKind::DashVector;
    key.name = u"search service"_s;
    key.maskedValue = u"sk-****"_s + QString::fromLatin1(kValue.right(4));
    return key;
}

bool allZero(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c == '\0'; });
}

QLineEdit *valueField(const QWidget *dialog)
{
    return byAccessibleName<QLineEdit>(dialog, u"Key value"_s);
}

} // namespace

// The viewing session's dialog, offscreen, with the real clipboard of the offscreen platform.
class TestViewKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void maskedUntilRevealed()
    {
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard);
        QLineEdit *field = valueField(&dialog);
        QVERIFY(field && field->isReadOnly());
        QCOMPARE(field->text(), makeKey().maskedValue);
        QVERIFY(!dialog.isRevealed());
        auto *show = byAccessibleName<QPushButton>(&dialog, u"Show the value"_s);
        QVERIFY(show);
        QTest::mouseClick(show, Qt::LeftButton);
        QVERIFY(dialog.isRevealed());
        QCOMPARE(field->text().toUtf8(), kValue);
        QCOMPARE(show->accessibleName(), u"Hide the value"_s);
        const QString shown = field->text(); // shares the field's buffer
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(field->text(), makeKey().maskedValue);
        QCOMPARE(shown, QString(kValue.size(), QChar(0))); // zeroed, not just let go
    }

    void copyGoesThroughTheGuard()
    {
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), kValue);
        QVERIFY(clipboard.holdsSecret());
        QVERIFY(byAccessibleName<QLabel>(&dialog, u"Session status"_s)
                    ->text()
                    .startsWith(u"Copied."_s));
    }

    void countdownIsVisible()
    {
        ViewKeyDialog dialog(makeKey(), kValue, nullptr, 30);
        auto *countdown
            = byAccessibleName<QProgressBar>(&dialog, u"Time left in this viewing session"_s);
        QVERIFY(countdown);
        QCOMPARE(countdown->maximum(), 30);
        QCOMPARE(countdown->value(), 30);
        QCOMPARE(countdown->text(), u"Session ends in 30 seconds"_s);
        QTRY_COMPARE_WITH_TIMEOUT(countdown->value(), 29, 3000);
        QCOMPARE(countdown->text(), u"Session ends in 29 seconds"_s);
        // Without a clipboard guard there is no Copy.
        QVERIFY(byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s)->isHidden());
    }

    void sessionEndWipesFieldMemoryAndClipboard()
    {
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard, 1);
        dialog.show();
        const QByteArray alias = dialog.session()->value(); // the session's own buffer
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Show the value"_s),
                          Qt::LeftButton);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), kValue);

        QTRY_VERIFY_WITH_TIMEOUT(!dialog.session()->isActive(), 4000);
        QVERIFY(allZero(alias));
        QVERIFY(dialog.session()->value().isEmpty());
        QLineEdit *field = valueField(&dialog);
        QCOMPARE(field->text(), u"Session ended"_s);
        QVERIFY(!dialog.isRevealed());
        QVERIFY(!field->text().toUtf8().contains(kValue.right(8)));
        QVERIFY(!QGuiApplication::clipboard()->text().toUtf8().contains(kValue));
        QVERIFY(!clipboard.holdsSecret());
        QVERIFY(!byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s)->isEnabled());
        QVERIFY(!byAccessibleName<QPushButton>(&dialog, u"Show the value"_s)->isEnabled());
        QVERIFY(byAccessibleName<QLabel>(&dialog, u"Session status"_s)
                    ->text()
                    .startsWith(u"Session ended"_s));
        QVERIFY(dialog.isVisible()); // it says so rather than vanishing
    }

    void closingEndsTheSession_data()
    {
        QTest::addColumn<bool>("escape");
        QTest::newRow("Close button") << false;
        QTest::newRow("Escape") << true;
    }

    void closingEndsTheSession()
    {
        QFETCH(bool, escape);
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QByteArray alias = dialog.session()->value();
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s),
                          Qt::LeftButton);
        if (escape)
            QTest::keyClick(&dialog, Qt::Key_Escape);
        else
            QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Close"_s), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QVERIFY(!dialog.session()->isActive());
        QVERIFY(allZero(alias));
        QVERIFY(!QGuiApplication::clipboard()->text().toUtf8().contains(kValue));
    }

    void clipboardChangedSinceIsLeftAlone()
    {
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s),
                          Qt::LeftButton);
        QGuiApplication::clipboard()->setText(u"something else"_s);
        dialog.reject();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"something else"_s);
    }

    void everyControlHasAnAccessibleName()
    {
        ClipboardGuard clipboard;
        ViewKeyDialog dialog(makeKey(), kValue, &clipboard);
        const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
        for (const QWidget *widget : widgets) {
            if ((widget->focusPolicy() & Qt::TabFocus) && !widget->inherits("QDialogButtonBox"))
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
        QWidget *show = byAccessibleName<QPushButton>(&dialog, u"Show the value"_s);
        QCOMPARE(nextTabStop(show), byAccessibleName<QPushButton>(&dialog, u"Copy the value"_s));
    }
};

QTEST_MAIN(TestViewKeyDialog)
#include "TestViewKeyDialog.moc"
