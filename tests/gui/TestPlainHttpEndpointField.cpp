#include "ProfileDialog.h"
#include "ProfileFields.h"
#include "WidgetLookup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// The profile dialog refuses a plain http:// endpoint or data endpoint off this machine, with
// the reason under the field (a secret would cross the network in clear text); https:// and
// loopback http:// (the sandbox) are taken.
class TestPlainHttpEndpointField : public QObject
{
    Q_OBJECT

private:
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

    static void clickOk(const ProfileDialog &dialog)
    {
        QTest::mouseClick(
            dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
    }

private Q_SLOTS:
    void theFieldChecksRefusePlainHttpOffThisMachine_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << u"https://ram.aliyuncs.com"_s << true;
        QTest::newRow("127.0.0.1") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("localhost") << u"http://localhost:8080"_s << true;
        QTest::newRow("a name") << u"http://ram.aliyuncs.com"_s << false;
        QTest::newRow("an address") << u"http://192.168.1.10"_s << false;
    }

    void theFieldChecksRefusePlainHttpOffThisMachine()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QCOMPARE(ProfileFields::endpointProblem(url).isEmpty(), accepted);
        const ProfileFields modelStudio = ProfileFields::of(ServiceKind::ModelStudio);
        QCOMPARE(modelStudio.dataEndpointProblem(url, u"https://maas.aliyuncs.com"_s).isEmpty(),
                 accepted);
    }

    void theDialogShowsTheReasonAndKeepsTheProfile()
    {
        ProfileDialog dialog;
        QSignalSpy submitted(&dialog, &ProfileDialog::submitted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *service = byAccessibleName<QComboBox>(&dialog, u"Service"_s);
        service->setCurrentIndex(service->findData(static_cast<int>(ServiceKind::Ram)));
        set(dialog, u"displayName"_s, u"RAM prod"_s);
        set(dialog, u"endpoint"_s, u"http://ram.aliyuncs.com"_s);
        set(dialog, u"accessKeyId"_s, u"LTAI5tTestId"_s);
        set(dialog, u"secret"_s, u"s3cr3t-value"_s);
        clickOk(dialog);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(problem(dialog, u"endpoint"_s)->isVisible());
        const QString reason = problem(dialog, u"endpoint"_s)->text();
        QVERIFY2(reason.contains(u"https://"_s) && reason.contains(u"clear text"_s),
                 qPrintable(reason));

        // Loopback http, as the sandbox serves, is taken.
        set(dialog, u"endpoint"_s, u"http://127.0.0.1:8080"_s);
        QVERIFY(problem(dialog, u"endpoint"_s)->isHidden());
        clickOk(dialog);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(dialog.profile().endpoint, QUrl(u"http://127.0.0.1:8080"_s));
    }
};

QTEST_MAIN(TestPlainHttpEndpointField)
#include "TestPlainHttpEndpointField.moc"
