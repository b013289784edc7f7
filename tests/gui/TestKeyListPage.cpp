#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "CreatedKeyDialog.h"
#include "DemoProfiles.h"
#include "DemoSandbox.h"
#include "ErrorPanel.h"
#include "KeyFilterModel.h"
#include "KeyJobWait.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/ServiceFactory.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

Q_DECLARE_METATYPE(keydesk::ServiceKind)

namespace {

template<typename T>
T *byAccessibleName(const QWidget *root, const QString &name)
{
    const QList<T *> widgets = root->findChildren<T *>();
    for (T *widget : widgets) {
        if (widget->accessibleName() == name && widget->isVisibleTo(root))
            return widget;
    }
    return nullptr;
}

void addServiceRows()
{
    QTest::addColumn<ServiceKind>("service");
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase})
        QTest::newRow(qPrintable(serviceId(service))) << service;
}

} // namespace

// The key list of each service, driven offscreen against a real keydesk-sandbox started with
// --demo, through the profiles `keydesk --sandbox` uses: listing, filter, F5, the create flow
// end to end, limits, the error state with Retry, and Disable/Enable.
class TestKeyListPage : public QObject
{
    Q_OBJECT

private:
    DemoSandbox m_demoSandbox;
    const DemoProfiles *m_demo = nullptr;
    HttpClient m_client;
    ClipboardGuard *m_clipboard = nullptr;

    Profile profileOf(ServiceKind service) const
    {
        for (const Profile &profile : m_demo->profiles()) {
            if (profile.service == service)
                return profile;
        }
        return {};
    }

    std::unique_ptr<KeyService> adapter(const Profile &profile)
    {
        QByteArray secret = m_demo->secret(profile.id);
        std::unique_ptr<KeyService> service = makeKeyService(profile, secret, &m_client);
        wipeSecret(secret);
        return service;
    }

    // A page shown and listed (or failed): its first list has finished.
    std::unique_ptr<KeyListPage> page(const Profile &profile)
    {
        auto page = std::make_unique<KeyListPage>(adapter(profile),
                                                  KeyPageTools {nullptr, nullptr, m_clipboard});
        page->resize(900, 500);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        if (!QTest::qWaitFor([&] { return !page->isLoading(); }, 20000))
            return nullptr;
        return page;
    }

    static KeyFilterModel *proxy(const KeyListPage &page)
    {
        return qobject_cast<KeyFilterModel *>(page.table()->model());
    }

    static int rowWhere(const KeyListPage &page, const std::function<bool(const ApiKey &)> &match)
    {
        for (int row = 0; row < proxy(page)->rowCount(); ++row) {
            if (match(page.keyModel()->keyAt(proxy(page)->sourceRow(row))))
                return row;
        }
        return -1;
    }

    // Creates keys out of band until the service says the limit is reached.
    void fillUp(const Profile &profile, const CreateKeyRequest &request)
    {
        const std::unique_ptr<KeyService> service = adapter(profile);
        for (int i = 0; i < 10; ++i) {
            const KeyJobResult created = await(service->createKey(request));
            if (created.error.kind == KeyError::Kind::LimitReached)
                return;
            expectOk(created);
            if (QTest::currentTestFailed())
                return;
        }
        QFAIL("no limit reached");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestKeyListPage"_s);
        QVERIFY2(m_demoSandbox.start(), qPrintable(m_demoSandbox.errorString()));
        m_demo = &m_demoSandbox.demo();
        m_clipboard = new ClipboardGuard(this);
    }

    void listsTheDemoKeys_data() { addServiceRows(); }
    void listsTheDemoKeys()
    {
        QFETCH(ServiceKind, service);
        const auto shown = page(profileOf(service));
        QVERIFY(shown);
        QCOMPARE(shown->state(), KeyListPage::State::Keys);
        QVERIFY(proxy(*shown)->rowCount() >= 2);
        for (const ApiKey &key : shown->keyModel()->keys())
            QCOMPARE(key.service, service);
        QVERIFY(!shown->usageText().isEmpty());
        // Only the columns the service has.
        const QList<KeyTableModel::Column> columns
            = KeyTableModel::columnsFor(shown->service()->capabilities());
        for (int column = 0; column < KeyTableModel::ColumnCount; ++column)
            QCOMPARE(shown->table()->isColumnHidden(column),
                     !columns.contains(static_cast<KeyTableModel::Column>(column)));
        QCOMPARE(shown->action(u"toggleEnabled"_s)->isVisible(),
                 shown->service()->capabilities().canDisable);
        // The AccessKey report is a RAM account's only.
        const auto *report = shown->findChild<QToolButton *>(u"inventoryButton"_s);
        QVERIFY(report);
        QCOMPARE(report->isVisibleTo(shown.get()), service == ServiceKind::Ram);
    }

    void filterNarrows()
    {
        const auto shown = page(profileOf(ServiceKind::DashVector));
        QVERIFY(shown);
        const int all = proxy(*shown)->rowCount();
        auto *filter = byAccessibleName<QLineEdit>(shown.get(), u"Filter keys"_s);
        QVERIFY(filter);
        shown->table()->setFocus();
        QTest::keyClick(shown.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"batch imp"_s);
        QCOMPARE(proxy(*shown)->rowCount(), 1);
        QCOMPARE(shown->keyModel()->keyAt(proxy(*shown)->sourceRow(0)).name,
                 u"Demo batch import"_s);
        filter->clear();
        QCOMPARE(proxy(*shown)->rowCount(), all);
    }

    void f5Refreshes()
    {
        const Profile profile = profileOf(ServiceKind::OceanBase);
        const auto shown = page(profile);
        QVERIFY(shown);
        const int before = proxy(*shown)->rowCount();
        CreateKeyRequest request;
        request.name = u"made elsewhere"_s;
        request.permission = u"read"_s;
        expectOk(await(adapter(profile)->createKey(request)));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(proxy(*shown)->rowCount(), before);
        shown->table()->setFocus();
        QTest::keyClick(shown->table(), Qt::Key_F5);
        QVERIFY(shown->isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(proxy(*shown)->rowCount(), before + 1, 15000);
        QVERIFY(rowWhere(*shown, [](const ApiKey &key) { return key.name == u"made elsewhere"_s; })
                >= 0);
    }

    void createFlowEndToEnd_data() { addServiceRows(); }
    void createFlowEndToEnd()
    {
        QFETCH(ServiceKind, service);
        const auto shown = page(profileOf(service));
        QVERIFY(shown);
        const int before = int(shown->keyModel()->keys().size());
        const QString name = u"made by the page "_s + serviceId(service);

        shown->table()->setFocus();
        QTest::keyClick(shown.get(), Qt::Key_N, Qt::ControlModifier);
        CreateKeyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shown->findChild<CreateKeyDialog *>()));
        QTRY_VERIFY(dialog->isVisible());
        if (auto *nameField = byAccessibleName<QLineEdit>(dialog, u"Name or description"_s))
            QTest::keyClicks(nameField, name);
        if (auto *permission = byAccessibleName<QComboBox>(dialog, u"Permission"_s))
            permission->setCurrentIndex(permission->findData(u"read"_s));
        QVERIFY2(dialog->isValid(), "the dialog's defaults and the name make a valid request");
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Create"_s), Qt::LeftButton);

        CreatedKeyDialog *created = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((created = shown->findChild<CreatedKeyDialog *>()), 15000);
        QTRY_VERIFY(created->isVisible());
        auto *value = byAccessibleName<QLineEdit>(created, u"Key value"_s);
        QVERIFY(value);
        QTest::mouseClick(byAccessibleName<QAbstractButton>(created, u"Show the value"_s),
                          Qt::LeftButton);
        QVERIFY(!value->text().isEmpty());

        // Done asks first (the value was neither copied nor kept); "I stored it" closes.
        QTest::mouseClick(byAccessibleName<QPushButton>(created, u"Done"_s), Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = created->findChild<QMessageBox *>(u"confirmClose"_s)));
        QTest::mouseClick(confirm->findChild<QPushButton *>(u"stored"_s), Qt::LeftButton);
        QTRY_VERIFY(!shown->findChild<CreatedKeyDialog *>());

        QTRY_COMPARE_WITH_TIMEOUT(int(shown->keyModel()->keys().size()), before + 1, 15000);
        if (!shown->service()->capabilities().ownerChosenOnCreate) {
            QVERIFY(rowWhere(*shown, [&](const ApiKey &key) { return key.name == name; }) >= 0);
        }
        QVERIFY(shown->action(u"create"_s)->isEnabled() || !shown->usageText().isEmpty());
    }

    void limitReachedDisablesCreate()
    {
        const Profile profile = profileOf(ServiceKind::DashVector);
        CreateKeyRequest request;
        request.name = u"filler"_s;
        fillUp(profile, request);
        QVERIFY(!QTest::currentTestFailed());
        const auto shown = page(profile);
        QVERIFY(shown);
        QVERIFY2(shown->usageText().contains(u"3 of 3 keys"_s), qPrintable(shown->usageText()));
        QAction *create = shown->action(u"create"_s);
        QVERIFY(!create->isEnabled());
        QVERIFY2(create->toolTip().contains(u"limit"_s), qPrintable(create->toolTip()));
        QTest::keyClick(shown.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!shown->findChild<CreateKeyDialog *>());
    }

    void limitReachedErrorIsShown()
    {
        const Profile profile = profileOf(ServiceKind::Ram);
        fillUp(profile, {}); // the root account's own pairs
        QVERIFY(!QTest::currentTestFailed());
        const auto shown = page(profile);
        QVERIFY(shown);
        shown->action(u"create"_s)->trigger();
        CreateKeyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shown->findChild<CreateKeyDialog *>()));
        QTRY_VERIFY(dialog->isVisible());
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, u"Create"_s), Qt::LeftButton);
        QMessageBox *error = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((error = shown->findChild<QMessageBox *>(u"createError"_s)),
                                 15000);
        QVERIFY2(error->informativeText().contains(u"Service code:"_s),
                 qPrintable(error->informativeText()));
        QVERIFY2(error->informativeText().contains(u"Request id:"_s),
                 qPrintable(error->informativeText()));
        // Retry sends again, and is refused again.
        QTest::mouseClick(byAccessibleName<QPushButton>(error, u"Retry"_s), Qt::LeftButton);
        QTRY_VERIFY(!shown->findChild<QMessageBox *>(u"createError"_s)
                    || shown->findChild<QMessageBox *>(u"createError"_s) != error);
        QTRY_VERIFY_WITH_TIMEOUT((error = shown->findChild<QMessageBox *>(u"createError"_s)),
                                 15000);
        error->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(shown->action(u"create"_s)->isEnabled());
    }

    void errorStateWithRetry()
    {
        Profile profile = profileOf(ServiceKind::DashVector);
        profile.endpoint = closedPort();
        profile.timeoutMs = 3000;
        const auto shown = page(profile);
        QVERIFY(shown);
        QCOMPARE(shown->state(), KeyListPage::State::Error);
        auto *panel = shown->findChild<ErrorPanel *>();
        QVERIFY(panel->isVisible());
        QVERIFY(!panel->detailsText().isEmpty());
        auto *details = byAccessibleName<QLabel>(panel, u"Error details"_s);
        QVERIFY(details->textInteractionFlags() & Qt::TextSelectableByMouse);
        // Nothing listens there: said as such, not as a refusal by the service.
        const QString title = byAccessibleName<QLabel>(panel, u"What failed"_s)->text();
        QVERIFY2(title.startsWith(u"The service cannot be reached."_s)
                     || title.startsWith(u"This computer is offline."_s),
                 qPrintable(title));
        QVERIFY(!shown->action(u"create"_s)->isEnabled());
        QTest::mouseClick(byAccessibleName<QPushButton>(panel, u"Retry"_s), Qt::LeftButton);
        QVERIFY(shown->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!shown->isLoading(), 20000);
        QCOMPARE(shown->state(), KeyListPage::State::Error);
    }

    void disableAndEnableOnRam()
    {
        const auto shown = page(profileOf(ServiceKind::Ram));
        QVERIFY(shown);
        const auto alice = [](const ApiKey &key) {
            return key.owner == u"alice"_s;
        };
        int row = rowWhere(*shown, alice);
        QVERIFY(row >= 0);
        const QString id = shown->keyModel()->keyAt(proxy(*shown)->sourceRow(row)).id;
        shown->table()->selectRow(row);
        QAction *toggle = shown->action(u"toggleEnabled"_s);
        QVERIFY(toggle->isEnabled());
        QCOMPARE(toggle->text().remove(u'&'), u"Disable"_s);
        QCOMPARE(toggle->iconText(), u"Disable"_s);
        toggle->trigger();
        const auto statusOf = [&] {
            for (const ApiKey &key : shown->keyModel()->keys()) {
                if (key.id == id)
                    return key.status;
            }
            return KeyStatus::Invalid;
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), KeyStatus::Inactive, 15000);
        QTRY_VERIFY(!shown->isLoading());
        shown->table()->selectRow(rowWhere(*shown, alice));
        QCOMPARE(toggle->text().remove(u'&'), u"Enable"_s);
        QCOMPARE(toggle->iconText(), u"Enable"_s); // the tool button follows the text
        toggle->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), KeyStatus::Active, 15000);
    }

    void copyIdIsPlainText()
    {
        const auto shown = page(profileOf(ServiceKind::Tablestore));
        QVERIFY(shown);
        shown->table()->selectRow(0);
        const QString id = shown->currentKey()->id;
        shown->action(u"copyId"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
        QVERIFY(!m_clipboard->holdsSecret());
    }
};

QTEST_MAIN(TestKeyListPage)
#include "TestKeyListPage.moc"
