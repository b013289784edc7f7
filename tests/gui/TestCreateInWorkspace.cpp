#include "CreateKeyFlow.h"
#include "KeyJobWait.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "TestHttp.h"
#include "WidgetLookup.h"
#include "net/HttpClient.h"
#include "services/ModelStudioService.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// Creating a Model Studio key in another workspace than the profile's, from the create flow
// against a real sandbox: the dialog offers the account's workspaces as the service lists them
// (the profile's first), and the key is made where the person chose.
class TestCreateInWorkspace : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    QWidget m_window;

    static QDialog *openDialog(const QString &objectName)
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->objectName() == objectName && widget->isVisible())
                return qobject_cast<QDialog *>(widget);
        }
        return nullptr;
    }

    QString createWorkspace(const SandboxAccount &account, const QString &name)
    {
        const HttpResult result = m_sandbox.net().roa(
            m_sandbox.http(), account.root, u"2026-03-18"_s, u"CreateWorkspace"_s, "POST",
            "/maas/workspaces", {{u"workspaceName"_s, name}});
        return result.json[u"workspace"_s][u"workspaceId"_s].toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_window.resize(800, 600);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    }

    void keyMadeInTheChosenWorkspace()
    {
        const SandboxAccount account = m_sandbox.createAccount();
        const QString own = account.details[u"modelStudio"_s][u"defaultWorkspaceId"_s].toString();
        const QString team = createWorkspace(account, u"team, west"_s);
        const QString lab = createWorkspace(account, u"lab"_s);
        QVERIFY(!own.isEmpty() && !team.isEmpty() && !lab.isEmpty());
        Profile profile = sandboxProfile(ServiceKind::ModelStudio, m_sandbox.http(),
                                         QString::fromLatin1(account.root.accessKeyId));
        profile.workspaceId = own;
        ModelStudioService studio(profile, account.root.accessKeySecret, &m_client);

        auto *flow = new CreateKeyFlow(&studio, KeyPageTools {}, &m_window);
        QSignalSpy finished(flow, &CreateKeyFlow::finished);
        flow->start(QString(), QString(), {});
        QDialog *create = nullptr;
        QTRY_VERIFY((create = openDialog(u"createKeyDialog"_s)));
        auto *workspace = byAccessibleName<QComboBox>(create, u"Workspace"_s);
        QVERIFY(workspace);
        // The profile's workspace, then the two others by name and id, listed once each.
        QTRY_COMPARE_WITH_TIMEOUT(workspace->count(), 3, 15000);
        QCOMPARE(workspace->itemData(0).toString(), QString());
        QCOMPARE(workspace->currentIndex(), 0);
        QStringList offered {workspace->itemData(1).toString(), workspace->itemData(2).toString()};
        offered.sort();
        QStringList expected {team, lab};
        expected.sort();
        QCOMPARE(offered, expected);
        const int teamIndex = workspace->findData(team);
        QCOMPARE(workspace->itemText(teamIndex), u"team, west (%1)"_s.arg(team));

        workspace->setCurrentIndex(teamIndex);
        QTest::keyClicks(byAccessibleName<QLineEdit>(create, u"Name or description"_s),
                         u"made for the team"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(create, u"Create"_s), Qt::LeftButton);
        QDialog *created = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((created = openDialog(u"createdKeyDialog"_s)), 15000);
        created->done(QDialog::Accepted); // past the show-once question: not what is tested

        Profile teamProfile = profile;
        teamProfile.workspaceId = team;
        ModelStudioService inTeam(teamProfile, account.root.accessKeySecret, &m_client);
        const KeyJobResult listed = await(inTeam.listKeys());
        QVERIFY(!listed.error);
        QCOMPARE(listed.list.keys.size(), 1);
        QCOMPARE(listed.list.keys.first().name, u"made for the team"_s);
        QCOMPARE(listed.list.keys.first().workspaceId, team);
    }
};

QTEST_MAIN(TestCreateInWorkspace)
#include "TestCreateInWorkspace.moc"
