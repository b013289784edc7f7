#include "ClipboardGuard.h"
#include "CreatedKeyDialog.h"
#include "net/HttpClient.h"
#include "services/ServiceFactory.h"
#include "vault/SecretBytes.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using keydesk::CreatedKeyDialog;
using keydesk::ServiceKind;

namespace {

const QByteArray kValue = "sk-created-0123456789abcdef"_ba;

keydesk::ServiceCapabilities capabilitiesOf(ServiceKind service)
{
    keydesk::HttpClient client;
    keydesk::Profile profile;
    profile.id = u"test"_s;
    profile.service = service;
    profile.endpoint = QUrl(u"http://127.0.0.1:9"_s);
    return keydesk::makeKeyService(profile, "not-a-secret"_ba, &client)->capabilities();
}

keydesk::ApiKey createdKey()
{
    keydesk::ApiKey key;
    key.id = u"key-1"_s;
    key.name = u"reports"_s;
    return key;
}

// The question asked before closing, once it is open.
QMessageBox *confirmation(const CreatedKeyDialog &dialog)
{
    auto *box = dialog.findChild<QMessageBox *>(u"confirmClose"_s);
    return box && box->isVisible() ? box : nullptr;
}

QString valueText(const CreatedKeyDialog &dialog)
{
    return dialog.findChild<QLineEdit *>(u"value"_s)->text();
}

} // namespace

class TestCreatedKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }
    void warningOnlyWhereTrue_data();
    void warningOnlyWhereTrue();
    void maskedWithRevealToggle();
    void escapeAsksUntilCopied();
    void closeButtonAsks();
    void confirmingStoredCloses();
    void keepingACopyHandsOverTheValue();
    void copyMarksTheClipboard();
    void temporaryKeyCountsDown();
};

void TestCreatedKeyDialog::warningOnlyWhereTrue_data()
{
    QTest::addColumn<int>("service");
    QTest::addColumn<bool>("warned");
    QTest::newRow("ram") << int(ServiceKind::Ram) << true;
    QTest::newRow("modelstudio") << int(ServiceKind::ModelStudio) << false;
    QTest::newRow("dashvector") << int(ServiceKind::DashVector) << false;
    QTest::newRow("tablestore") << int(ServiceKind::Tablestore) << true;
    QTest::newRow("oceanbase") << int(ServiceKind::OceanBase) << true;
}

void TestCreatedKeyDialog::warningOnlyWhereTrue()
{
    QFETCH(int, service);
    QFETCH(bool, warned);
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind(service)), &guard);
    dialog.show();
    const auto *warning = dialog.findChild<QLabel *>(u"notShownAgain"_s);
    QCOMPARE(warning && warning->isVisible(), warned);
    if (warned)
        QCOMPARE(warning->text(), u"This value will not be shown again. Store it now."_s);
    QVERIFY(dialog.findChild<QCheckBox *>(u"keepCopy"_s)->isVisible());
    QVERIFY(!dialog.findChild<QLabel *>(u"countdown"_s));
    for (const QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (widget->focusPolicy() != Qt::NoFocus && widget->isVisible())
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"copy"_s), Qt::LeftButton);
    dialog.accept();
}

void TestCreatedKeyDialog::maskedWithRevealToggle()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::Tablestore),
                            &guard);
    dialog.show();
    auto *value = dialog.findChild<QLineEdit *>(u"value"_s);
    auto *reveal = dialog.findChild<QToolButton *>(u"reveal"_s);
    QCOMPARE(value->text().toUtf8(), kValue);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QVERIFY(value->isReadOnly());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(value->echoMode(), QLineEdit::Normal);
    QCOMPARE(value->displayText().toUtf8(), kValue);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    // The first thing to do.
    QCOMPARE(dialog.focusWidget(), dialog.findChild<QPushButton *>(u"copy"_s));
}

void TestCreatedKeyDialog::escapeAsksUntilCopied()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::Tablestore),
                            &guard);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(confirmation(dialog));
    QVERIFY(dialog.isVisible());
    QCOMPARE(QApplication::activeModalWidget(), confirmation(dialog));
    QTest::mouseClick(confirmation(dialog)->findChild<QPushButton *>(u"goBack"_s), Qt::LeftButton);
    QTRY_VERIFY(!confirmation(dialog));
    QVERIFY(dialog.isVisible());
    QCOMPARE(valueText(dialog).toUtf8(), kValue);

    // Done asks too.
    QTest::mouseClick(
        dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QTRY_VERIFY(confirmation(dialog));
    QTest::keyClick(confirmation(dialog), Qt::Key_Escape); // Esc on the question: go back
    QTRY_VERIFY(!confirmation(dialog));
    QVERIFY(dialog.isVisible());

    QTest::mouseClick(dialog.findChild<QPushButton *>(u"copy"_s), Qt::LeftButton);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QVERIFY(!confirmation(dialog));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(valueText(dialog).isEmpty()); // wiped from the widget
}

void TestCreatedKeyDialog::closeButtonAsks()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::OceanBase),
                            &guard);
    dialog.show();
    QVERIFY(!dialog.close()); // the window's close button
    QTRY_VERIFY(confirmation(dialog));
    QVERIFY(dialog.isVisible());
    QTest::mouseClick(confirmation(dialog)->findChild<QPushButton *>(u"goBack"_s), Qt::LeftButton);
    QTRY_VERIFY(!confirmation(dialog));
    QVERIFY(dialog.isVisible());
}

void TestCreatedKeyDialog::confirmingStoredCloses()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::Ram), &guard);
    dialog.show();
    dialog.reject();
    QTRY_VERIFY(confirmation(dialog));
    QTest::mouseClick(confirmation(dialog)->findChild<QPushButton *>(u"stored"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(valueText(dialog).isEmpty());
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty()); // nothing was copied
}

void TestCreatedKeyDialog::keepingACopyHandsOverTheValue()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::Tablestore),
                            &guard);
    QByteArray kept; // what a caller writing to the vault copies in its slot
    QSignalSpy spy(&dialog, &CreatedKeyDialog::keepCopyRequested);
    connect(&dialog, &CreatedKeyDialog::keepCopyRequested, this,
            [&kept](const QByteArray &value) { kept = detachedSecretCopy(value); });
    dialog.show();
    QTest::mouseClick(dialog.findChild<QCheckBox *>(u"keepCopy"_s), Qt::LeftButton);
    QVERIFY(dialog.keepInKeychain());
    QVERIFY(dialog.valueSecured());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(kept, kValue);
    // The buffer the signal carried was the dialog's, zeroed when it closed.
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toByteArray(), QByteArray(kValue.size(), '\0'));
}

void TestCreatedKeyDialog::copyMarksTheClipboard()
{
    keydesk::ClipboardGuard guard;
    CreatedKeyDialog dialog(createdKey(), kValue, {}, capabilitiesOf(ServiceKind::DashVector),
                            &guard);
    QSignalSpy copied(&dialog, &CreatedKeyDialog::valueCopied);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"copy"_s), Qt::LeftButton);
    QCOMPARE(copied.count(), 1);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QCOMPARE(mime->text().toUtf8(), kValue);
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), "secret"_ba);
    QVERIFY(dialog.findChild<QLabel *>(u"copyStatus"_s)->text().contains(u"30 s"_s));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), kValue); // still there to paste
}

void TestCreatedKeyDialog::temporaryKeyCountsDown()
{
    keydesk::ClipboardGuard guard;
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(2);
    CreatedKeyDialog dialog(createdKey(), kValue, expires, capabilitiesOf(ServiceKind::ModelStudio),
                            &guard);
    dialog.show();
    QVERIFY(dialog.isTemporary());
    QVERIFY(!dialog.findChild<QCheckBox *>(u"keepCopy"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"notShownAgain"_s)->isVisible());
    auto *countdown = dialog.findChild<QLabel *>(u"countdown"_s);
    QVERIFY2(countdown->text().startsWith(u"Valid for another 0:0"_s),
             qPrintable(countdown->text()));
    QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), u"This temporary key has expired."_s, 5000);
    QVERIFY(valueText(dialog).isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(u"copy"_s)->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_Escape); // nothing left to lose: no question
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestCreatedKeyDialog)
#include "TestCreatedKeyDialog.moc"
