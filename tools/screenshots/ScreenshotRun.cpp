#include "ScreenshotRun.h"

#include "AccessKeyInventoryPage.h"
#include "CreateKeyDialog.h"
#include "CreatedKeyDialog.h"
#include "DeleteKeyDialog.h"
#include "DemoProfiles.h"
#include "KeyFilterModel.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "KeyTestDialog.h"
#include "MainWindow.h"
#include "VerificationDialog.h"
#include "ViewKeyDialog.h"
#include "services/KeyService.h"
#include "vault/SecretBytes.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDialog>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTcpServer>
#include <QTimer>
#include <QWindow>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr int kPollMs = 20;
constexpr int kListDeadlineMs = 60000; // the unreachable endpoint's retries end within it

// A stand-in for a value the sandbox would return: the dialogs show it masked, and it opens
// nothing anywhere.
QByteArray madeUpValue(const QByteArray &prefix, int length)
{
    QByteArray value = prefix;
    const QByteArray pattern = "Scr33nsh0tN0tAK3y"_ba;
    while (value.size() < prefix.size() + length)
        value.append(pattern.at(value.size() % pattern.size()));
    return value;
}

// Whether an image shows something: a flat or nearly flat image is a failed paint.
bool showsSomething(const QImage &image)
{
    constexpr int kEnoughColours = 8;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= kEnoughColours)
                return true;
        }
    }
    return false;
}

} // namespace

ScreenshotRun::ScreenshotRun(Setup setup)
    : m_setup(std::move(setup))
{ }

ScreenshotRun::~ScreenshotRun() = default;

QList<ScreenshotRun::Shot> ScreenshotRun::shots()
{
    QList<Shot> list;
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase}) {
        list.append({u"main-window-"_s + serviceId(service),
                     [service](ScreenshotRun &run, const QString &name) {
                         return run.mainWindow(service, name);
                     }});
    }
    list.append({u"create-key-modelstudio"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.createKey(ServiceKind::ModelStudio, name, tr("Reporting service"));
                 }});
    list.append({u"create-key-tablestore"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.createKey(ServiceKind::Tablestore, name,
                                          tr("Knowledge base reader"));
                 }});
    list.append({u"created-key"_s, &ScreenshotRun::createdKey});
    list.append({u"verify-service-code"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.verification(ServiceKind::DashVector, name);
                 }});
    list.append({u"verify-passphrase"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.verification(ServiceKind::Tablestore, name);
                 }});
    list.append({u"view-key"_s, &ScreenshotRun::viewKey});
    list.append({u"delete-key"_s, &ScreenshotRun::deleteKey});
    list.append({u"key-test"_s, &ScreenshotRun::keyTest});
    list.append({u"error-state"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.pageState(name, KeyListPage::State::Error);
                 }});
    list.append({u"empty-state"_s, [](ScreenshotRun &run, const QString &name) {
                     return run.pageState(name, KeyListPage::State::Empty);
                 }});
    list.append({u"add-profile"_s, &ScreenshotRun::addProfile});
    list.append({u"accesskey-inventory"_s, &ScreenshotRun::inventory});
    return list;
}

bool ScreenshotRun::run()
{
    if (!QDir().mkpath(m_setup.outputDir))
        return fail(tr("cannot create %1").arg(m_setup.outputDir));
    if (!open())
        return false;
    for (const Shot &shot : shots()) {
        if (!shot.take(*this, shot.name)) {
            m_error = shot.name + u": "_s + m_error;
            return false;
        }
    }
    m_stateWindow.reset();
    m_window.reset();
    return true;
}

bool ScreenshotRun::open()
{
    m_demo = std::make_unique<DemoProfiles>(
        DemoProfiles::fromFile(m_setup.demoAccountPath, m_setup.certificatePath));
    if (m_demo->error())
        return fail(m_demo->error().message);
    m_window = std::make_unique<MainWindow>(m_demo->profiles(),
                                            KeyPageTools {nullptr, nullptr, &m_clipboard}, nullptr);
    for (const Profile &profile : m_demo->profiles()) {
        QByteArray secret = m_demo->secret(profile.id);
        m_window->setSecret(profile.id, secret);
        wipeSecret(secret);
    }
    m_window->resize(m_setup.windowSize);
    m_window->show();
    return waitUntil(
        [this] { return m_window->windowHandle() && m_window->windowHandle()->isExposed(); },
        tr("the window to show"));
}

bool ScreenshotRun::mainWindow(ServiceKind service, const QString &name)
{
    KeyListPage *page = showPage(service);
    return page && selectKey(page) && save(m_window.get(), name);
}

bool ScreenshotRun::createKey(ServiceKind service, const QString &name, const QString &keyName)
{
    KeyListPage *page = showPage(service);
    if (!page)
        return false;
    auto *dialog = triggerDialog<CreateKeyDialog>(page, u"create"_s, u"createKeyDialog"_s);
    if (!dialog)
        return false;
    if (auto *field = dialog->findChild<QLineEdit *>(u"name"_s))
        field->setText(keyName);
    return save(dialog, name) && closeDialog(dialog)
        && waitUntil([page] { return page->action(u"create"_s)->isEnabled(); },
                     tr("the create flow to end"));
}

// Made directly: through the create flow it would need a key created on the sandbox. The key
// and its value are made up, as the create dialog's shot would have made them.
bool ScreenshotRun::createdKey(const QString &name)
{
    KeyListPage *page = showPage(ServiceKind::Tablestore);
    if (!page)
        return false;
    ApiKey key;
    key.id = u"p8hq2mzt4xw7vn3c"_s;
    key.service = ServiceKind::Tablestore;
    key.name = tr("Knowledge base reader");
    key.created = QDateTime::currentDateTimeUtc();
    key.expires = key.created.addMonths(1);
    QByteArray value = madeUpValue("ots-"_ba, 48);
    const auto dialog = std::make_unique<CreatedKeyDialog>(
        key, value, QDateTime(), page->service()->capabilities(), &m_clipboard, m_window.get());
    wipeSecret(value);
    dialog->show();
    return waitUntil([&dialog] { return dialog->isVisible(); }, tr("the dialog to show"))
        && save(dialog.get(), name);
}

bool ScreenshotRun::verification(ServiceKind service, const QString &name)
{
    KeyListPage *page = showPage(service);
    if (!page || !selectKey(page))
        return false;
    auto *dialog = triggerDialog<VerificationDialog>(page, u"view"_s, u"verificationDialog"_s);
    return dialog && save(dialog, name) && closeDialog(dialog);
}

// Made directly: through the view flow it would need the account's current 6-digit code.
bool ScreenshotRun::viewKey(const QString &name)
{
    KeyListPage *page = showPage(ServiceKind::DashVector);
    if (!page || !selectKey(page))
        return false;
    QByteArray value = madeUpValue("sk-"_ba, 32);
    const auto dialog = std::make_unique<ViewKeyDialog>(
        *page->currentKey(), value, &m_clipboard, RevealSession::defaultSeconds, m_window.get());
    wipeSecret(value);
    dialog->show();
    return waitUntil([&dialog] { return dialog->isVisible(); }, tr("the dialog to show"))
        && save(dialog.get(), name);
}

bool ScreenshotRun::deleteKey(const QString &name)
{
    KeyListPage *page = showPage(ServiceKind::DashVector);
    if (!page || !selectKey(page))
        return false;
    auto *dialog = triggerDialog<DeleteKeyDialog>(page, u"delete"_s, u"deleteKeyDialog"_s);
    return dialog && save(dialog, name) && closeDialog(dialog)
        && waitUntil([page] { return page->action(u"delete"_s)->isEnabled(); },
                     tr("the delete flow to end"));
}

// The demo's active Tablestore key, whose value demo-account.json repeats, pasted and tested
// against the sandbox's data plane: the dialog with a real answer.
bool ScreenshotRun::keyTest(const QString &name)
{
    QFile file(m_setup.demoAccountPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QByteArray json = file.readAll();
    const QJsonObject tablestore
        = QJsonDocument::fromJson(json).object().value(u"tablestore"_s).toObject();
    wipeSecret(json);
    const QString keyId = tablestore.value(u"demoApiKeyId"_s).toString();
    QString value = tablestore.value(u"demoApiKey"_s).toString();

    KeyListPage *page = showPage(ServiceKind::Tablestore);
    if (!page || !selectKey(page, keyId))
        return false;
    auto *dialog = triggerDialog<KeyTestDialog>(page, u"test"_s, u"keyTestDialog"_s);
    if (!dialog)
        return false;
    auto *field = dialog->findChild<QLineEdit *>(u"value"_s);
    auto *test = dialog->findChild<QPushButton *>(u"test"_s);
    if (!field || !test)
        return fail(tr("the test dialog has no value field or Test button"));
    field->setText(value);
    value.fill(u'\0');
    test->click(); // the dialog wipes the field as it sends
    return waitUntil([dialog] { return !dialog->isBusy(); }, tr("the test's answer"))
        && save(dialog, name) && closeDialog(dialog);
}

// The sidebar's Add button, on a Model Studio profile: the fields a service needs and no more.
bool ScreenshotRun::addProfile(const QString &name)
{
    auto *add = m_window->findChild<QPushButton *>(u"addProfile"_s);
    if (!add)
        return fail(tr("the sidebar has no Add button"));
    add->click();
    QDialog *dialog = nullptr;
    if (!waitUntil(
            [&] {
                dialog = m_window->findChild<QDialog *>(u"profileDialog"_s);
                return dialog && dialog->isVisible();
            },
            tr("the profile dialog")))
        return false;
    if (auto *service = dialog->findChild<QComboBox *>(u"service"_s))
        service->setCurrentIndex(qMax(0, service->findData(int(ServiceKind::ModelStudio))));
    if (auto *displayName = dialog->findChild<QLineEdit *>(u"displayName"_s))
        displayName->setText(tr("Model Studio (Singapore)"));
    return save(dialog, name) && closeDialog(dialog);
}

// The RAM profile's AccessKey report, run to the end against the sandbox.
bool ScreenshotRun::inventory(const QString &name)
{
    KeyListPage *page = showPage(ServiceKind::Ram);
    if (!page)
        return false;
    page->action(u"inventory"_s)->trigger();
    AccessKeyInventoryPage *report = nullptr;
    if (!waitUntil(
            [&] {
                report = m_window->findChild<AccessKeyInventoryPage *>();
                return report && report->isVisible();
            },
            tr("the AccessKey report page")))
        return false;
    report->run();
    return waitUntil(
               [report] { return report->state() == AccessKeyInventoryPage::State::Complete; },
               tr("the AccessKey report"))
        && save(m_window.get(), name);
}

bool ScreenshotRun::pageState(const QString &name, KeyListPage::State state)
{
    if (!m_stateWindow) {
        if (!addStateProfiles())
            return false;
        m_stateWindow->resize(m_setup.windowSize);
        m_stateWindow->show();
    }
    const QString profileId
        = state == KeyListPage::State::Error ? u"screenshots-offline"_s : u"screenshots-new"_s;
    m_stateWindow->selectProfile(profileId);
    return waitUntil(
               [&] {
                   const KeyListPage *page = m_stateWindow->pageFor(profileId);
                   return page && page->isVisible() && page->state() == state;
               },
               tr("the page's state"), kListDeadlineMs)
        && save(m_stateWindow.get(), name);
}

// A second window with two DashVector profiles: one whose endpoint is a closed port, and one of
// a new account made with the sandbox's admin hook, which has no keys yet.
bool ScreenshotRun::addStateProfiles()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return fail(probe.errorString());
    const quint16 closedPort = probe.serverPort();
    probe.close();

    QNetworkAccessManager network;
    QUrl url = m_setup.adminUrl;
    url.setPath(u"/_sandbox/accounts"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = network.post(request, R"({"mfa": false})"_ba);
    if (!waitUntil([reply] { return reply->isFinished(); }, tr("a new sandbox account")))
        return false;
    QByteArray body = reply->readAll();
    const QJsonObject root = QJsonDocument::fromJson(body).object().value(u"root"_s).toObject();
    wipeSecret(body);
    if (reply->error() != QNetworkReply::NoError || root.isEmpty())
        return fail(tr("the sandbox made no account: %1").arg(reply->errorString()));

    const Profile &demo = *std::find_if(
        m_demo->profiles().cbegin(), m_demo->profiles().cend(),
        [](const Profile &profile) { return profile.service == ServiceKind::DashVector; });
    Profile offline = demo;
    offline.id = u"screenshots-offline"_s;
    offline.displayName = tr("DashVector (endpoint offline)");
    offline.endpoint.setPort(closedPort);
    offline.timeoutMs = 5000;
    Profile fresh = demo;
    fresh.id = u"screenshots-new"_s;
    fresh.displayName = tr("DashVector (new account)");
    fresh.accessKeyId = root.value(u"accessKeyId"_s).toString();

    m_stateWindow = std::make_unique<MainWindow>(
        QList<Profile> {offline, fresh}, KeyPageTools {nullptr, nullptr, &m_clipboard}, nullptr);
    QByteArray secret = m_demo->secret(demo.id);
    m_stateWindow->setSecret(offline.id, secret); // never sent: nothing listens there
    wipeSecret(secret);
    secret = root.value(u"accessKeySecret"_s).toString().toUtf8();
    m_stateWindow->setSecret(fresh.id, secret);
    wipeSecret(secret);
    return true;
}

KeyListPage *ScreenshotRun::showPage(ServiceKind service)
{
    const QString profileId = DemoProfiles::profileId(service);
    m_window->selectProfile(profileId);
    const bool listed = waitUntil(
        [&] {
            const KeyListPage *page = m_window->currentPage();
            return page && page == m_window->pageFor(profileId) && !page->isLoading()
                && page->state() != KeyListPage::State::Loading;
        },
        tr("the keys of %1").arg(serviceDisplayName(service)), kListDeadlineMs);
    if (!listed)
        return nullptr;
    KeyListPage *page = m_window->currentPage();
    if (page->state() != KeyListPage::State::Keys) {
        fail(tr("%1 lists no keys").arg(serviceDisplayName(service)));
        return nullptr;
    }
    return page;
}

// Selects keyId's row, or the first row: the row actions are enabled in the picture.
bool ScreenshotRun::selectKey(KeyListPage *page, const QString &keyId)
{
    const QList<ApiKey> &keys = page->keyModel()->keys();
    int sourceRow = 0;
    if (!keyId.isEmpty()) {
        sourceRow = int(std::find_if(keys.cbegin(), keys.cend(),
                                     [&](const ApiKey &key) { return key.id == keyId; })
                        - keys.cbegin());
        if (sourceRow == keys.size())
            return fail(tr("no key %1 in the list").arg(keyId));
    }
    QAbstractItemModel *shown = page->table()->model();
    int row = 0;
    if (auto *proxy = qobject_cast<KeyFilterModel *>(shown); proxy && !keyId.isEmpty())
        row = proxy->mapFromSource(page->keyModel()->index(sourceRow, 0)).row();
    page->table()->setFocus();
    page->table()->selectRow(row);
    return page->currentKey() || fail(tr("no row could be selected"));
}

template<typename Dialog>
Dialog *ScreenshotRun::triggerDialog(KeyListPage *page, const QString &action,
                                     const QString &objectName)
{
    QAction *trigger = page->action(action);
    if (!trigger || !trigger->isEnabled()) {
        fail(tr("the action “%1” is not enabled").arg(action));
        return nullptr;
    }
    trigger->trigger();
    Dialog *dialog = nullptr;
    const bool shown = waitUntil(
        [&] {
            dialog = page->findChild<Dialog *>(objectName);
            return dialog && dialog->isVisible();
        },
        tr("the dialog %1").arg(objectName));
    return shown ? dialog : nullptr;
}

bool ScreenshotRun::closeDialog(QWidget *dialog)
{
    const QPointer<QWidget> open(dialog);
    dialog->close();
    return waitUntil([&open] { return !open || !open->isVisible(); }, tr("the dialog to close"));
}

bool ScreenshotRun::waitUntil(const std::function<bool()> &ready, const QString &what,
                              int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!ready()) {
        if (deadline.hasExpired())
            return fail(tr("timed out after %1 s waiting for %2").arg(timeoutMs / 1000).arg(what));
        QEventLoop loop;
        QTimer::singleShot(kPollMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool ScreenshotRun::save(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents(); // pending layouts and paints
    const QImage image = widget->grab().toImage();
    const QString path = QDir(m_setup.outputDir).filePath(name + u".png"_s);
    if (!image.save(path, "PNG"))
        return fail(tr("cannot write %1").arg(path));
    if (m_setup.check) {
        const QImage back(path);
        constexpr int kMinSide = 120;
        if (back.width() < kMinSide || back.height() < kMinSide || !showsSomething(back))
            return fail(
                tr("%1 shows nothing (%2×%3)").arg(path).arg(back.width()).arg(back.height()));
    }
    m_saved.append(path);
    return true;
}

bool ScreenshotRun::fail(const QString &why)
{
    m_error = why;
    return false;
}

} // namespace keydesk
