#include "DeleteKeyDialog.h"
#include "WidgetLookup.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using keydesk::ApiKey;
using keydesk::DeleteKeyDialog;
using keydesk::KeyError;
using keydesk::ServiceCapabilities;
using Choice = keydesk::DeleteKeyDialog::Choice;

namespace {

ApiKey makeKey(const QString &name = u"prod-search"_s)
{
    ApiKey key;
    key.id = u"LTAI5tQ9xYz7Wk3d"_s;
    key.service = keydesk::ServiceKind::Ram;
    key.name = name;
    return key;
}

ServiceCapabilities capabilities(bool needsCode, bool canDisable, bool revoke = false)
{
    ServiceCapabilities result;
    result.deleteNeedsVerification = needsCode;
    result.canDisable = canDisable;
    result.deleteIsRevoke = revoke;
    return result;
}

QLineEdit *confirmation(const QWidget *dialog)
{
    return byAccessibleName<QLineEdit>(dialog, u"Confirmation"_s);
}

QPushButton *deleteButton(const QWidget *dialog)
{
    return byAccessibleName<QPushButton>(dialog, u"Delete the key"_s);
}

QPushButton *disableButton(const QWidget *dialog)
{
    return byAccessibleName<QPushButton>(dialog, u"Disable the key instead"_s);
}

} // namespace

// The delete confirmation's rules, offscreen; a real delete is in TestDashVectorKeyFlows.
class TestDeleteKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheKeyAndWhatStops()
    {
        ApiKey key = makeKey();
        key.lastUsed = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
        DeleteKeyDialog dialog(key, capabilities(false, false));
        QStringList texts;
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            texts << label->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(u"Delete the key “prod-search” (LTAI5tQ9xYz7Wk3d) from "_s),
                 qPrintable(all));
        QVERIFY(all.contains(u"“prod-search” (LTAI5tQ9xYz7Wk3d)"_s));
        QVERIFY(all.contains(keydesk::serviceDisplayName(key.service)));
        QVERIFY(all.contains(u"Every call that uses this key will be refused."_s));
        QVERIFY(all.contains(QLocale().toString(key.lastUsed.toLocalTime(), QLocale::LongFormat)));
        QCOMPARE(dialog.windowTitle(), u"Delete key"_s);

        DeleteKeyDialog unknown(makeKey(), capabilities(false, false));
        QVERIFY(byAccessibleName<QLabel>(&unknown, u"Last used"_s)->text().contains(u"unknown"_s));
    }

    void typedNameMismatchKeepsDeleteDisabled()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(false, false));
        QCOMPARE(dialog.expectedConfirmation(), u"prod-search"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        QTest::keyClicks(confirmation(&dialog), u"prod-searc"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        QTest::keyClicks(confirmation(&dialog), u"hh"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        confirmation(&dialog)->setText(u"Prod-Search"_s); // case matters
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        confirmation(&dialog)->setText(u"prod-search"_s);
        QVERIFY(deleteButton(&dialog)->isEnabled());
    }

    void withoutNameTheLastFourOfTheId()
    {
        DeleteKeyDialog dialog(makeKey(QString()), capabilities(false, false));
        QCOMPARE(dialog.expectedConfirmation(), u"Wk3d"_s);
        QTest::keyClicks(confirmation(&dialog), u"LTAI5tQ9xYz7Wk3d"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        confirmation(&dialog)->setText(u"Wk3d"_s);
        QVERIFY(deleteButton(&dialog)->isEnabled());
    }

    void codeWhereTheCapabilitiesSay_data()
    {
        QTest::addColumn<bool>("needsCode");
        QTest::newRow("verifies deletes") << true;
        QTest::newRow("no verification") << false;
    }

    void codeWhereTheCapabilitiesSay()
    {
        QFETCH(bool, needsCode);
        DeleteKeyDialog dialog(makeKey(), capabilities(needsCode, false));
        auto *code = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
        QCOMPARE(code != nullptr, needsCode);
        QTest::keyClicks(confirmation(&dialog), u"prod-search"_s);
        QCOMPARE(deleteButton(&dialog)->isEnabled(), !needsCode);
        if (!needsCode) {
            QVERIFY(dialog.code().isEmpty());
            return;
        }
        QTest::keyClicks(code, u"12x345"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        QTest::keyClicks(code, u"6"_s);
        QCOMPARE(dialog.code(), u"123456"_s);
        QVERIFY(deleteButton(&dialog)->isEnabled());
    }

    void deleteSubmitsAndWaits()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(false, false));
        QSignalSpy submitted(&dialog, &DeleteKeyDialog::submitted);
        QCOMPARE(dialog.choice(), Choice::None);
        QTest::keyClicks(confirmation(&dialog), u"prod-search"_s);
        QTest::mouseClick(deleteButton(&dialog), Qt::LeftButton);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(dialog.choice(), Choice::Delete);
        QVERIFY(dialog.isBusy());
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        dialog.showError(KeyError::make(KeyError::Kind::Network, u"connection refused"_s));
        QVERIFY(!dialog.isBusy());
        QCOMPARE(dialog.choice(), Choice::None);
        QVERIFY(deleteButton(&dialog)->isEnabled()); // the name is still typed
        QVERIFY(byAccessibleName<QLabel>(&dialog, u"Result"_s)
                    ->text()
                    .contains(u"connection refused"_s));
    }

    void enterDoesNotDelete()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(true, true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy submitted(&dialog, &DeleteKeyDialog::submitted);
        QTest::keyClicks(confirmation(&dialog), u"prod-search"_s);
        QTest::keyClicks(byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s), u"123456"_s);
        QVERIFY(deleteButton(&dialog)->isEnabled());
        QVERIFY(byAccessibleName<QPushButton>(&dialog, u"Cancel"_s)->isDefault());
        QVERIFY(!deleteButton(&dialog)->isDefault());
        QVERIFY(!deleteButton(&dialog)->autoDefault());

        // Even with the focus on Delete, Enter presses the default button: Cancel.
        deleteButton(&dialog)->setFocus();
        QTest::keyClick(deleteButton(&dialog), Qt::Key_Return);
        QCOMPARE(submitted.size(), 0);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.choice(), Choice::None);

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(confirmation(&dialog), Qt::Key_Enter);
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void disableInsteadOnlyWhereKeysCanBeDisabled_data()
    {
        QTest::addColumn<bool>("canDisable");
        QTest::newRow("can disable") << true;
        QTest::newRow("cannot") << false;
    }

    void disableInsteadOnlyWhereKeysCanBeDisabled()
    {
        QFETCH(bool, canDisable);
        DeleteKeyDialog dialog(makeKey(), capabilities(false, canDisable));
        QCOMPARE(disableButton(&dialog) != nullptr, canDisable);
        if (!canDisable)
            return;
        // Disabling can be undone: no typed name needed.
        QVERIFY(disableButton(&dialog)->isEnabled());
        QSignalSpy submitted(&dialog, &DeleteKeyDialog::submitted);
        QTest::mouseClick(disableButton(&dialog), Qt::LeftButton);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(dialog.choice(), Choice::Disable);

        ApiKey inactive = makeKey();
        inactive.status = keydesk::KeyStatus::Inactive;
        DeleteKeyDialog already(inactive, capabilities(false, true));
        QVERIFY(!disableButton(&already)->isEnabled());
    }

    void revokeWording()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(false, false, true));
        QCOMPARE(dialog.windowTitle(), u"Revoke key"_s);
        QVERIFY(!deleteButton(&dialog));
        auto *revoke = byAccessibleName<QPushButton>(&dialog, u"Revoke the key"_s);
        QVERIFY(revoke);
        QCOMPARE(revoke->text(), u"&Revoke"_s);
    }

    void wrongCodeShowsAttemptsLeft()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(true, false));
        auto *code = byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s);
        QTest::keyClicks(confirmation(&dialog), u"prod-search"_s);
        QTest::keyClicks(code, u"000000"_s);
        QTest::mouseClick(deleteButton(&dialog), Qt::LeftButton);
        KeyError wrong = KeyError::fromService(400, u"InvalidVerificationCode"_s, {}, {});
        wrong.attemptsLeft = 2;
        dialog.showError(wrong);
        auto *result = byAccessibleName<QLabel>(&dialog, u"Result"_s);
        QVERIFY2(result->text().contains(u"Wrong code. 2 attempts left."_s),
                 qPrintable(result->text()));
        QVERIFY(code->text().isEmpty());
        QVERIFY(code->isEnabled());
        QVERIFY(!deleteButton(&dialog)->isEnabled()); // a new code first
    }

    void lockedVerificationBlocksDelete()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(true, true));
        KeyError locked = KeyError::fromService(403, u"VerificationLocked"_s, {}, {});
        locked.until = QDateTime::currentDateTimeUtc().addSecs(900);
        dialog.showError(locked);
        auto *result = byAccessibleName<QLabel>(&dialog, u"Result"_s);
        QVERIFY(result->text().contains(locked.until.toLocalTime().toString(u"HH:mm"_s)));
        QVERIFY(!byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s)->isEnabled());
        QTest::keyClicks(confirmation(&dialog), u"prod-search"_s);
        QVERIFY(!deleteButton(&dialog)->isEnabled());
        QVERIFY(disableButton(&dialog)->isEnabled()); // still a way to stop the key
    }

    void everyControlHasAnAccessibleName()
    {
        DeleteKeyDialog dialog(makeKey(), capabilities(true, true));
        const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
        for (const QWidget *widget : widgets) {
            if ((widget->focusPolicy() & Qt::TabFocus) && !widget->inherits("QDialogButtonBox"))
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
        // Tab order: name, code, Cancel, Disable instead, Delete.
        QCOMPARE(nextTabStop(confirmation(&dialog)),
                 byAccessibleName<QLineEdit>(&dialog, u"Verification code"_s));
        QCOMPARE(nextTabStop(byAccessibleName<QPushButton>(&dialog, u"Cancel"_s)),
                 disableButton(&dialog));
        QCOMPARE(nextTabStop(disableButton(&dialog)), deleteButton(&dialog));
    }
};

QTEST_MAIN(TestDeleteKeyDialog)
#include "TestDeleteKeyDialog.moc"
