#include "ProfileDialog.h"
#include "WidgetLookup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// A self-signed certificate (public, no key): what a profile's extra CA file holds.
constexpr char kPem[] = "-----BEGIN CERTIFICATE-----\n"
                        "MIIBizCCATGgAwIBAgIUevL6lDUiCraAnMuJQdMjNZnoeKMwCgYIKoZIzj0EAwIw\n"
                        "GjEYMBYGA1UEAwwPS2V5RGVzayB0ZXN0IENBMCAXDTI2MTEyNzA3MzYzOVoYDzIx\n"
                        "MjYxMTAzMDczNjM5WjAaMRgwFgYDVQQDDA9LZXlEZXNrIHRlc3QgQ0EwWTATBgcq\n"
                        "hkjOPQIBBggqhkjOPQMBBwNCAAR4ZlWzte3trZVpRJ8pXOFgJIN1Y3yv9RVSilHX\n"
                        "ueLPemNEFU31LbAgL1PY/AivZqOc67kNJijV9JFyPB1IosXQo1MwUTAdBgNVHQ4E\n"
                        "FgQU2EA2EmQA0zkhuz+5xCwsoCxKQ3AwHwYDVR0jBBgwFoAU2EA2EmQA0zkhuz+5\n"
                        "xCwsoCxKQ3AwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAyZ7m\n"
                        "VN2AdgWbvW5U6c8Wcg6CdV/v9iYs0lrn33FwSKoCIHZigk/g+3e+LFLFxt5/BDis\n"
                        "8co+qyqThJz2jO9o4kET\n"
                        "-----END CERTIFICATE-----\n";

const QStringList kOptionalFields {u"region"_s, u"dataEndpoint"_s, u"workspaceId"_s,
                                   u"orgId"_s,  u"projectId"_s,    u"instanceName"_s};

} // namespace

// The profile dialog alone, offscreen: which fields each service shows, the vendor's endpoints
// as defaults, every reason under its field, the secret wiped once taken, and editing, where
// an empty secret keeps the stored one.
class TestProfileDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QLineEdit *field(const ProfileDialog &dialog, const QString &name)
    {
        return dialog.findChild<QLineEdit *>(name);
    }

    static QLabel *problem(const ProfileDialog &dialog, const QString &fieldName)
    {
        return dialog.findChild<QLabel *>(fieldName + u"Error"_s);
    }

    static void set(const ProfileDialog &dialog, const QString &name, const QString &text)
    {
        QLineEdit *edit = field(dialog, name);
        QVERIFY2(edit, qPrintable(name));
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static void chooseService(const ProfileDialog &dialog, ServiceKind service)
    {
        auto *combo = byAccessibleName<QComboBox>(&dialog, u"Service"_s);
        combo->setCurrentIndex(combo->findData(static_cast<int>(service)));
    }

    static void clickOk(const ProfileDialog &dialog)
    {
        QTest::mouseClick(
            dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
    }

    // The next widget Tab reaches, as QWidget::focusNextPrevChild() finds it: hidden rows (of
    // other services) and widgets that pass focus on (a spin box's editor) are skipped.
    static QWidget *nextShownTabStop(QWidget *widget)
    {
        QWidget *next = widget->nextInFocusChain();
        while (next != widget
               && (!(next->focusPolicy() & Qt::TabFocus) || !next->isVisible() || !next->isEnabled()
                   || next->focusProxy()))
            next = next->nextInFocusChain();
        return next;
    }

    static Profile stored()
    {
        Profile profile;
        profile.id = u"prod-ob"_s;
        profile.service = ServiceKind::OceanBase;
        profile.displayName = u"OceanBase prod"_s;
        profile.endpoint = QUrl(u"https://g-api-cloud.oceanbase.com"_s);
        profile.accessKeyId = u"ob-ak-1"_s;
        profile.orgId = u"org-1"_s;
        profile.projectId = u"proj-1"_s;
        profile.timeoutMs = 30000;
        return profile;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void addingStartsOnRamWithItsEndpoint()
    {
        ProfileDialog dialog;
        QVERIFY(!dialog.isEditing());
        auto *service = byAccessibleName<QComboBox>(&dialog, u"Service"_s);
        QVERIFY(service->isEnabled());
        QCOMPARE(service->count(), 5);
        QCOMPARE(field(dialog, u"endpoint"_s)->text(), u"https://ram.aliyuncs.com"_s);
        for (const QString &name : kOptionalFields)
            QVERIFY2(!dialog.findChild<QWidget *>(name)->isVisibleTo(&dialog), qPrintable(name));
        QCOMPARE(field(dialog, u"secret"_s)->echoMode(), QLineEdit::Password);
        QCOMPARE(field(dialog, u"secret"_s)->placeholderText(), u"Required"_s);
        auto *ok = dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isDefault());
        QCOMPARE(ok->accessibleName(), u"Add"_s);
        QVERIFY(!dialog.findChild<QLabel *>(u"sessionNote"_s)->isVisibleTo(&dialog));
    }

    void eachServiceShowsItsFields_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("dataEndpoint");
        QTest::newRow("RAM") << int(ServiceKind::Ram) << QStringList()
                             << u"https://ram.aliyuncs.com"_s << QString();
        QTest::newRow("Model Studio")
            << int(ServiceKind::ModelStudio)
            << QStringList {u"region"_s, u"dataEndpoint"_s, u"workspaceId"_s}
            << u"https://maas.aliyuncs.com"_s << u"https://dashscope-intl.aliyuncs.com"_s;
        QTest::newRow("DashVector") << int(ServiceKind::DashVector)
                                    << QStringList {u"dataEndpoint"_s} << QString() << QString();
        QTest::newRow("Tablestore")
            << int(ServiceKind::Tablestore) << QStringList {u"dataEndpoint"_s, u"instanceName"_s}
            << QString() << QString();
        QTest::newRow("OceanBase") << int(ServiceKind::OceanBase)
                                   << QStringList {u"dataEndpoint"_s, u"orgId"_s, u"projectId"_s}
                                   << u"https://api-cloud.oceanbase.com"_s << QString();
    }

    void eachServiceShowsItsFields()
    {
        QFETCH(int, service);
        QFETCH(QStringList, shown);
        QFETCH(QString, endpoint);
        QFETCH(QString, dataEndpoint);
        ProfileDialog dialog;
        chooseService(dialog, static_cast<ServiceKind>(service));
        for (const QString &name : kOptionalFields)
            QVERIFY2(dialog.findChild<QWidget *>(name)->isVisibleTo(&dialog)
                         == shown.contains(name),
                     qPrintable(name));
        QCOMPARE(field(dialog, u"endpoint"_s)->text(), endpoint);
        QCOMPARE(field(dialog, u"dataEndpoint"_s)->text(), dataEndpoint);
        // Fields of another service never reach the profile.
        QCOMPARE(dialog.profile().service, static_cast<ServiceKind>(service));
    }

    void defaultsFollowTheServiceUnlessTyped()
    {
        ProfileDialog dialog;
        chooseService(dialog, ServiceKind::ModelStudio);
        auto *region = byAccessibleName<QComboBox>(&dialog, u"Region"_s);
        region->setCurrentIndex(region->findData(u"cn-beijing"_s));
        QCOMPARE(field(dialog, u"dataEndpoint"_s)->text(), u"https://dashscope.aliyuncs.com"_s);
        QCOMPARE(dialog.profile().region, u"cn-beijing"_s);

        set(dialog, u"endpoint"_s, u"https://127.0.0.1:8443"_s);
        chooseService(dialog, ServiceKind::OceanBase);
        QCOMPARE(field(dialog, u"endpoint"_s)->text(), u"https://127.0.0.1:8443"_s);
        QVERIFY(field(dialog, u"dataEndpoint"_s)->text().isEmpty());
        QVERIFY(dialog.profile().region.isEmpty());
        QVERIFY(dialog.profile().workspaceId.isEmpty());
    }

    void reasonsShowUnderTheirFields()
    {
        ProfileDialog dialog;
        QSignalSpy submitted(&dialog, &ProfileDialog::submitted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Nothing is blamed before the person asks to add.
        QVERIFY(problem(dialog, u"displayName"_s)->isHidden());

        set(dialog, u"endpoint"_s, u"ftp://ram.aliyuncs.com"_s);
        clickOk(dialog);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(dialog.isVisible());
        QCOMPARE(problem(dialog, u"displayName"_s)->text(), u"A name is required."_s);
        QVERIFY(problem(dialog, u"endpoint"_s)
                    ->text()
                    .startsWith(u"An address that starts with https://"_s));
        QVERIFY(problem(dialog, u"accessKeyId"_s)->text().contains(u"required"_s));
        QCOMPARE(problem(dialog, u"secret"_s)->text(), u"The AccessKey secret is required."_s);
        QVERIFY(problem(dialog, u"displayName"_s)->isVisible());
        QCOMPARE(dialog.focusWidget(), field(dialog, u"displayName"_s));
        // Every reason is read with its field's name.
        QCOMPARE(problem(dialog, u"secret"_s)->accessibleName(),
                 u"Problem with AccessKey secret"_s);

        // Reasons go as the fields are put right.
        set(dialog, u"displayName"_s, u"RAM prod"_s);
        QVERIFY(problem(dialog, u"displayName"_s)->isHidden());
        set(dialog, u"endpoint"_s, u"https://ram.aliyuncs.com"_s);
        set(dialog, u"accessKeyId"_s, u"LTAI test id"_s);
        QCOMPARE(problem(dialog, u"accessKeyId"_s)->text(),
                 u"An AccessKey ID has no spaces or special characters."_s);
        set(dialog, u"accessKeyId"_s, u"LTAI5tTestId"_s);
        set(dialog, u"secret"_s, u"s3cr3t-value"_s);
        set(dialog, u"caCertificate"_s, m_dir.filePath(u"missing.pem"_s));
        QCOMPARE(problem(dialog, u"caCertificate"_s)->text(),
                 u"There is no readable file at this path."_s);
        clickOk(dialog);
        QCOMPARE(submitted.count(), 0);

        QFile notPem(m_dir.filePath(u"notes.txt"_s));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        set(dialog, u"caCertificate"_s, notPem.fileName());
        QVERIFY(problem(dialog, u"caCertificate"_s)->text().startsWith(u"The file holds no PEM"_s));
        QFile pem(m_dir.filePath(u"ca.pem"_s));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(kPem);
        pem.close();
        set(dialog, u"caCertificate"_s, pem.fileName());
        QVERIFY(problem(dialog, u"caCertificate"_s)->isHidden());

        clickOk(dialog);
        QCOMPARE(submitted.count(), 1);
        QVERIFY(dialog.isBusy());
        const Profile profile = dialog.profile();
        QVERIFY(profile.id.isEmpty());
        QCOMPARE(profile.displayName, u"RAM prod"_s);
        QCOMPARE(profile.caCertificatePath, pem.fileName());
        QCOMPARE(profile.timeoutMs, 15000);
    }

    void serviceRulesAreChecked()
    {
        ProfileDialog dialog;
        QSignalSpy submitted(&dialog, &ProfileDialog::submitted);
        chooseService(dialog, ServiceKind::OceanBase);
        set(dialog, u"displayName"_s, u"OB"_s);
        set(dialog, u"accessKeyId"_s, u"ob-ak"_s);
        set(dialog, u"secret"_s, u"ob-sk"_s);
        clickOk(dialog);
        QVERIFY(
            problem(dialog, u"orgId"_s)->text().startsWith(u"The organization ID is required"_s));
        QVERIFY(
            problem(dialog, u"projectId"_s)->text().startsWith(u"The project ID is required"_s));
        QCOMPARE(submitted.count(), 0);

        chooseService(dialog, ServiceKind::Tablestore);
        QVERIFY(problem(dialog, u"orgId"_s)->isHidden());
        QVERIFY(problem(dialog, u"instanceName"_s)
                    ->text()
                    .startsWith(u"The instance name is required"_s));
        QVERIFY(problem(dialog, u"endpoint"_s)->text().startsWith(u"The endpoint is required"_s));
        set(dialog, u"instanceName"_s, u"kd-instance"_s);
        set(dialog, u"endpoint"_s, u"http://127.0.0.1:8080"_s);
        // The data plane would be the plain-HTTP endpoint: Tablestore's keys need HTTPS.
        QVERIFY(problem(dialog, u"dataEndpoint"_s)->text().contains(u"need HTTPS"_s));
        set(dialog, u"dataEndpoint"_s, u"https://kd-instance.cn-hangzhou.ots.aliyuncs.com"_s);
        QVERIFY(problem(dialog, u"dataEndpoint"_s)->isHidden());
        QVERIFY(dialog.isValid());
        clickOk(dialog);
        QCOMPARE(submitted.count(), 1);
        const Profile profile = dialog.profile();
        QCOMPARE(profile.instanceName, u"kd-instance"_s);
        QVERIFY(profile.orgId.isEmpty()); // typed for OceanBase, left behind with it
    }

    void secretIsWipedOnceTaken()
    {
        ProfileDialog dialog;
        QSignalSpy submitted(&dialog, &ProfileDialog::submitted);
        set(dialog, u"displayName"_s, u"RAM"_s);
        set(dialog, u"accessKeyId"_s, u"LTAI5tTestId"_s);
        set(dialog, u"secret"_s, u"  pasted-secret-value "_s);
        clickOk(dialog);
        QCOMPARE(submitted.count(), 1);
        QByteArray secret = dialog.takeSecret();
        QCOMPARE(secret, "pasted-secret-value"_ba);
        QLineEdit *input = field(dialog, u"secret"_s);
        QVERIFY(input->text().isEmpty());
        QVERIFY(!input->isUndoAvailable());
        QVERIFY(dialog.takeSecret().isEmpty()); // handed over once
        // While the caller saves, the dialog cannot be closed under it.
        dialog.reject();
        QVERIFY(dialog.isBusy());
        QCOMPARE(dialog.result(), 0);
        dialog.saved();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        secret.fill('\0');
    }

    void saveErrorKeepsTheDialog()
    {
        ProfileDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        set(dialog, u"displayName"_s, u"RAM"_s);
        set(dialog, u"accessKeyId"_s, u"LTAI5tTestId"_s);
        set(dialog, u"secret"_s, u"secret-one"_s);
        clickOk(dialog);
        QVERIFY(dialog.isBusy());
        QVERIFY(field(dialog, u"displayName"_s)->isReadOnly());
        QByteArray secret = dialog.takeSecret();
        dialog.showSaveError(u"The keychain is locked."_s);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        auto *message = dialog.findChild<QLabel *>(u"problem"_s);
        QCOMPARE(message->text(), u"The keychain is locked."_s);
        QVERIFY(message->isVisible());
        QCOMPARE(field(dialog, u"displayName"_s)->text(), u"RAM"_s);
        QVERIFY(!field(dialog, u"displayName"_s)->isReadOnly());
        // The secret was handed over: it has to be typed again.
        QVERIFY(field(dialog, u"secret"_s)->text().isEmpty());
        clickOk(dialog);
        QCOMPARE(problem(dialog, u"secret"_s)->text(), u"The AccessKey secret is required."_s);
        dialog.reject();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        secret.fill('\0');
    }

    void editingKeepsTheServiceAndAnEmptySecret()
    {
        ProfileDialog dialog(stored());
        QVERIFY(dialog.isEditing());
        QCOMPARE(dialog.windowTitle(), u"Edit profile"_s);
        auto *service = byAccessibleName<QComboBox>(&dialog, u"Service"_s);
        QVERIFY(!service->isEnabled());
        QCOMPARE(service->currentText(), serviceDisplayName(ServiceKind::OceanBase));
        QCOMPARE(field(dialog, u"endpoint"_s)->text(), u"https://g-api-cloud.oceanbase.com"_s);
        QCOMPARE(field(dialog, u"orgId"_s)->text(), u"org-1"_s);
        QVERIFY(field(dialog, u"orgId"_s)->isVisibleTo(&dialog));
        QCOMPARE(dialog.findChild<QSpinBox *>(u"timeout"_s)->value(), 30);
        QLineEdit *secretField = field(dialog, u"secret"_s);
        QVERIFY(secretField->text().isEmpty());
        QVERIFY2(secretField->placeholderText().contains(u"keep"_s),
                 qPrintable(secretField->placeholderText()));

        QSignalSpy submitted(&dialog, &ProfileDialog::submitted);
        set(dialog, u"displayName"_s, u"OceanBase production"_s);
        clickOk(dialog);
        QCOMPARE(submitted.count(), 1);
        QVERIFY(dialog.takeSecret().isEmpty()); // keep the stored one
        const Profile edited = dialog.profile();
        QCOMPARE(edited.id, u"prod-ob"_s);
        QCOMPARE(edited.displayName, u"OceanBase production"_s);
        QCOMPARE(edited.projectId, u"proj-1"_s);
        QCOMPARE(edited.timeoutMs, 30000);
    }

    void editingTakesANewSecret()
    {
        ProfileDialog dialog(stored());
        set(dialog, u"secret"_s, u"new secret"_s);
        clickOk(dialog);
        QCOMPARE(problem(dialog, u"secret"_s)->text(),
                 u"An AccessKey secret has no spaces or special characters."_s);
        set(dialog, u"secret"_s, u"new-secret"_s);
        QVERIFY(dialog.isValid());
        QByteArray secret = dialog.takeSecret();
        QCOMPARE(secret, "new-secret"_ba);
        secret.fill('\0');
    }

    void sessionOnlyIsSaid()
    {
        ProfileDialog dialog;
        dialog.setSessionOnly(true);
        auto *note = dialog.findChild<QLabel *>(u"sessionNote"_s);
        QVERIFY(note->isVisibleTo(&dialog));
        QVERIFY(note->text().contains(u"not saved"_s));
    }

    void everyControlIsNamedAndTabGoesDown()
    {
        ProfileDialog dialog;
        chooseService(dialog, ServiceKind::OceanBase);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList order {u"Service"_s,
                                 u"Display name"_s,
                                 u"Management endpoint"_s,
                                 u"Data endpoint"_s,
                                 u"AccessKey ID"_s,
                                 u"AccessKey secret"_s,
                                 u"Organization ID"_s,
                                 u"Project ID"_s,
                                 u"Extra CA certificate"_s,
                                 u"Browse for a CA certificate"_s,
                                 u"Timeout in seconds"_s,
                                 u"Add"_s,
                                 u"Cancel"_s};
        // Tab reaches exactly these, each named for a screen reader, then starts over.
        QWidget *at = byAccessibleName<QComboBox>(&dialog, u"Service"_s);
        for (qsizetype i = 1; i <= order.size(); ++i) {
            at = nextShownTabStop(at);
            QCOMPARE(at->accessibleName(), order.at(i % order.size()));
        }
    }
};

QTEST_MAIN(TestProfileDialog)
#include "TestProfileDialog.moc"
