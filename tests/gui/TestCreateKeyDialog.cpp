#include "CreateKeyDialog.h"
#include "net/HttpClient.h"
#include "services/ServiceFactory.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using keydesk::CreateKeyDialog;
using keydesk::ServiceKind;

namespace {

// A real adapter's capabilities; capabilities() sends nothing.
keydesk::ServiceCapabilities capabilitiesOf(ServiceKind service)
{
    keydesk::HttpClient client;
    keydesk::Profile profile;
    profile.id = u"test"_s;
    profile.service = service;
    profile.endpoint = QUrl(u"http://127.0.0.1:9"_s);
    return keydesk::makeKeyService(profile, "not-a-secret"_ba, &client)->capabilities();
}

QPushButton *createButton(const CreateKeyDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok);
}

// The reason shown under a field, empty when the label is hidden.
QString problem(const CreateKeyDialog &dialog, const QString &name)
{
    const auto *label = dialog.findChild<QLabel *>(name);
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TestCreateKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsForEachService_data();
    void fieldsForEachService();
    void everyControlIsNamed_data() { fieldsForEachService_data(); }
    void everyControlIsNamed();
    void nameTooLong();
    void tablestoreExpiryInThePastRefused();
    void oceanBaseNeedsAPermission();
    void ramOwner();
    void modelStudioWorkspace();
    void modelStudioTemporaryKey();
    void limitReachedBlocksCreate();
    void cancelWipesThePastedValue();
};

void TestCreateKeyDialog::fieldsForEachService_data()
{
    QTest::addColumn<int>("service");
    QTest::addColumn<QStringList>("fields");
    // RAM's AccessKeys have no name, and only RAM's create chooses the owner.
    QTest::newRow("ram") << int(ServiceKind::Ram) << QStringList {u"owner"_s};
    QTest::newRow("modelstudio") << int(ServiceKind::ModelStudio)
                                 << QStringList {u"name"_s, u"workspace"_s, u"temporaryMode"_s};
    QTest::newRow("dashvector") << int(ServiceKind::DashVector) << QStringList {u"name"_s};
    QTest::newRow("tablestore") << int(ServiceKind::Tablestore)
                                << QStringList {u"name"_s, u"expiry"_s};
    QTest::newRow("oceanbase") << int(ServiceKind::OceanBase)
                               << QStringList {u"name"_s, u"permission"_s};
}

void TestCreateKeyDialog::fieldsForEachService()
{
    QFETCH(int, service);
    QFETCH(QStringList, fields);
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind(service)));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList all {u"name"_s,  u"expiry"_s,    u"expires"_s,       u"permission"_s,
                           u"owner"_s, u"workspace"_s, u"temporaryMode"_s, u"parentValue"_s};
    for (const QString &name : all) {
        const auto *widget = dialog.findChild<QWidget *>(name);
        const bool shown = widget && widget->isVisible();
        QVERIFY2(shown == fields.contains(name), qPrintable(name));
    }
}

void TestCreateKeyDialog::everyControlIsNamed()
{
    QFETCH(int, service);
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind(service)));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        // A combo's or a spin box's own line edit is part of a control named already.
        const QWidget *owner = widget->parentWidget();
        if (qobject_cast<const QComboBox *>(owner) || qobject_cast<const QAbstractSpinBox *>(owner))
            continue;
        if (widget->focusPolicy() != Qt::NoFocus && widget->isVisible())
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    // The tab order follows the form from top to bottom: the name comes first, where keys
    // have one.
    if (auto *name = dialog.findChild<QLineEdit *>(u"name"_s)) {
        name->setFocus();
        QVERIFY(name->hasFocus());
        QTest::keyClick(name, Qt::Key_Tab);
        QVERIFY(!name->hasFocus());
    }
}

void TestCreateKeyDialog::nameTooLong()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::DashVector));
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(u"name"_s);
    QVERIFY(createButton(dialog)->isEnabled()); // a name is optional here
    QTest::keyClicks(name, QString(129, u'a')); // DashVector's Description: at most 128
    QVERIFY(!problem(dialog, u"nameError"_s).isEmpty());
    QVERIFY(!createButton(dialog)->isEnabled());
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(problem(dialog, u"nameError"_s).isEmpty());
    QVERIFY(createButton(dialog)->isEnabled());
    QTest::mouseClick(createButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().name, QString(128, u'a'));
}

void TestCreateKeyDialog::tablestoreExpiryInThePastRefused()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::Tablestore));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *expiry = dialog.findChild<QDateTimeEdit *>(u"expiry"_s);
    QVERIFY(expiry->dateTime() > QDateTime::currentDateTime()); // a default in the future
    QVERIFY(createButton(dialog)->isEnabled());

    expiry->setFocus();
    expiry->setCurrentSection(QDateTimeEdit::YearSection);
    QTest::keyClick(expiry, Qt::Key_Down); // a year earlier: in the past
    QVERIFY(expiry->dateTime() < QDateTime::currentDateTime());
    QCOMPARE(problem(dialog, u"expiryError"_s), u"The expiration time must be in the future."_s);
    QVERIFY(!createButton(dialog)->isEnabled());
    dialog.accept(); // refused even when asked directly
    QVERIFY(dialog.isVisible());

    QTest::keyClick(expiry, Qt::Key_Up);
    QVERIFY(problem(dialog, u"expiryError"_s).isEmpty());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"name"_s), u"reports"_s);
    QTest::mouseClick(createButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const keydesk::CreateKeyRequest request = dialog.request();
    QCOMPARE(request.name, u"reports"_s);
    QCOMPARE(request.expires, expiry->dateTime().toUTC());
    QVERIFY(request.expires > QDateTime::currentDateTimeUtc());
}

void TestCreateKeyDialog::oceanBaseNeedsAPermission()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::OceanBase));
    dialog.show();
    QVERIFY(!createButton(dialog)->isEnabled());
    QVERIFY(problem(dialog, u"permissionError"_s).contains(u"read, write, all"_s));
    QCOMPARE(problem(dialog, u"nameError"_s), u"A name is required."_s);
    auto *permission = dialog.findChild<QComboBox *>(u"permission"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"name"_s), u"etl"_s);
    QVERIFY(problem(dialog, u"nameError"_s).isEmpty());
    permission->setFocus();
    QTest::keyClick(permission, Qt::Key_Down);
    QTest::keyClick(permission, Qt::Key_Down);
    QCOMPARE(permission->currentText(), u"write"_s);
    QVERIFY(problem(dialog, u"permissionError"_s).isEmpty());
    QTest::mouseClick(createButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().permission, u"write"_s);
    QCOMPARE(dialog.request().name, u"etl"_s);
}

void TestCreateKeyDialog::ramOwner()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::Ram));
    dialog.setOwners({u"alice"_s, u"bob"_s});
    dialog.show();
    auto *owner = dialog.findChild<QComboBox *>(u"owner"_s);
    QCOMPARE(owner->count(), 3); // the caller, alice, bob
    QVERIFY(createButton(dialog)->isEnabled());
    QCOMPARE(dialog.request().owner, QString()); // the caller's own account

    QTest::keyClicks(owner->lineEdit(), u"no such user!"_s);
    QVERIFY(!problem(dialog, u"ownerError"_s).isEmpty());
    QVERIFY(!createButton(dialog)->isEnabled());
    owner->lineEdit()->clear();
    QTest::keyClicks(owner->lineEdit(), u"bob"_s);
    QVERIFY(problem(dialog, u"ownerError"_s).isEmpty());
    QTest::mouseClick(createButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().owner, u"bob"_s);
}

void TestCreateKeyDialog::modelStudioWorkspace()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::ModelStudio));
    dialog.setWorkspaces({qMakePair(u"ws-1"_s, u"Main"_s), qMakePair(u"ws-2"_s, u"Lab"_s)},
                         u"ws-2"_s);
    dialog.show();
    auto *workspace = dialog.findChild<QComboBox *>(u"workspace"_s);
    QCOMPARE(workspace->currentText(), u"Lab (ws-2)"_s);
    QCOMPARE(dialog.request().workspaceId, u"ws-2"_s);
    workspace->setCurrentIndex(0);
    QCOMPARE(dialog.request().workspaceId, QString()); // the profile's
    QVERIFY(!dialog.isTemporary());
}

void TestCreateKeyDialog::modelStudioTemporaryKey()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::ModelStudio));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QRadioButton *>(u"temporaryMode"_s), Qt::LeftButton);
    QVERIFY(dialog.isTemporary());
    QVERIFY(!dialog.findChild<QWidget *>(u"permanentFields"_s)->isVisible());
    auto *parent = dialog.findChild<QLineEdit *>(u"parentValue"_s);
    QVERIFY(parent->isVisible());
    QCOMPARE(parent->echoMode(), QLineEdit::Password);
    QVERIFY(!problem(dialog, u"parentValueError"_s).isEmpty());
    QVERIFY(!createButton(dialog)->isEnabled());

    auto *seconds = dialog.findChild<QSpinBox *>(u"seconds"_s);
    QCOMPARE(seconds->value(), 60);
    QCOMPARE(seconds->minimum(), 1);
    QCOMPARE(seconds->maximum(), 1800);
    seconds->selectAll();
    QTest::keyClicks(seconds, u"120"_s);
    QCOMPARE(dialog.temporarySeconds(), 120);

    QTest::keyClicks(parent, u"sk parent"_s);
    QVERIFY(!problem(dialog, u"parentValueError"_s).isEmpty()); // no spaces in a key
    parent->clear();
    QTest::keyClicks(parent, u"sk-parent-1234"_s);
    QVERIFY(problem(dialog, u"parentValueError"_s).isEmpty());
    QTest::mouseClick(createButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.takeParentValue(), "sk-parent-1234"_ba);
    QVERIFY(parent->text().isEmpty());
}

void TestCreateKeyDialog::limitReachedBlocksCreate()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::ModelStudio));
    dialog.setUsage(u"20 of 20 keys in this workspace"_s,
                    u"The workspace has its 20 keys: delete one first."_s);
    dialog.show();
    const QString usage = dialog.findChild<QLabel *>(u"usage"_s)->text();
    QVERIFY(usage.contains(u"20 of 20 keys in this workspace"_s));
    QVERIFY(usage.contains(u"delete one first"_s));
    QVERIFY(!createButton(dialog)->isEnabled());
    // Temporary keys are not counted against the limit.
    QTest::mouseClick(dialog.findChild<QRadioButton *>(u"temporaryMode"_s), Qt::LeftButton);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"parentValue"_s), u"sk-parent"_s);
    QVERIFY(createButton(dialog)->isEnabled());

    dialog.setUsage(u"2 of 20 keys in this workspace"_s);
    QTest::mouseClick(dialog.findChild<QRadioButton *>(u"permanentMode"_s), Qt::LeftButton);
    QVERIFY(createButton(dialog)->isEnabled());
}

void TestCreateKeyDialog::cancelWipesThePastedValue()
{
    CreateKeyDialog dialog(capabilitiesOf(ServiceKind::ModelStudio));
    dialog.show();
    QTest::mouseClick(dialog.findChild<QRadioButton *>(u"temporaryMode"_s), Qt::LeftButton);
    auto *parent = dialog.findChild<QLineEdit *>(u"parentValue"_s);
    QTest::keyClicks(parent, u"sk-parent"_s);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(parent->text().isEmpty());
    QVERIFY(dialog.takeParentValue().isEmpty());
}

QTEST_MAIN(TestCreateKeyDialog)
#include "TestCreateKeyDialog.moc"
