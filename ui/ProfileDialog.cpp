#include "ProfileDialog.h"

#include "ProfileFields.h"
#include "ProfileStore.h"
#include "vault/SecretBytes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr int kMinTimeoutSeconds = 1; // ProfileStore::validate(): 1000–600000 ms
constexpr int kMaxTimeoutSeconds = 600;

QUrl urlOf(const QLineEdit *field)
{
    const QString text = field->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

} // namespace

ProfileDialog::ProfileDialog(QWidget *parent)
    : QDialog(parent)
{
    build();
    m_service->setCurrentIndex(0);
    serviceChanged();
    validate();
}

ProfileDialog::ProfileDialog(const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
{
    build();
    fill(profile);
    validate();
}

ProfileDialog::~ProfileDialog()
{
    wipeSecretField();
}

void ProfileDialog::build()
{
    setWindowTitle(isEditing() ? tr("Edit profile") : tr("Add profile"));
    setAccessibleName(windowTitle());
    auto *layout = new QVBoxLayout(this);

    m_sessionNote = new QLabel(tr("This is a demo session: profiles added or changed here are not "
                                  "saved. They and their secrets last until the console closes."),
                               this);
    m_sessionNote->setObjectName(u"sessionNote"_s);
    m_sessionNote->setAccessibleName(tr("Demo session"));
    m_sessionNote->setWordWrap(true);
    m_sessionNote->hide();
    layout->addWidget(m_sessionNote);

    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_service = new QComboBox(this);
    m_service->setObjectName(u"service"_s);
    m_service->setAccessibleName(tr("Service"));
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase})
        m_service->addItem(serviceDisplayName(service), static_cast<int>(service));
    // A profile's keys, pages and kept copies belong to its service: editing cannot move them.
    m_service->setEnabled(!isEditing());
    connect(m_service, &QComboBox::currentIndexChanged, this, &ProfileDialog::serviceChanged);
    addRow(tr("&Service:"), m_service, nullptr);

    m_serviceHint = new QLabel(this);
    m_serviceHint->setObjectName(u"serviceHint"_s);
    m_serviceHint->setAccessibleName(tr("About the service's endpoints"));
    m_serviceHint->setWordWrap(true);
    m_form->addRow(m_serviceHint);

    m_displayName
        = addLineEdit(u"displayName"_s, tr("Display name"), tr("&Name:"), &m_displayNameError);
    m_displayName->setPlaceholderText(tr("Required, e.g. Production (Singapore)"));

    m_region = new QComboBox(this);
    m_region->setObjectName(u"region"_s);
    m_region->setAccessibleName(tr("Region"));
    for (const ProfileFields::Region &region : ProfileFields::regions())
        m_region->addItem(u"%1 (%2)"_s.arg(region.name, region.id), region.id);
    connect(m_region, &QComboBox::currentIndexChanged, this, &ProfileDialog::regionChanged);
    addRow(tr("&Region:"), m_region, nullptr);

    m_endpoint
        = addLineEdit(u"endpoint"_s, tr("Management endpoint"), tr("&Endpoint:"), &m_endpointError);
    m_dataEndpoint = addLineEdit(u"dataEndpoint"_s, tr("Data endpoint"), tr("&Data endpoint:"),
                                 &m_dataEndpointError);
    m_accessKeyId = addLineEdit(u"accessKeyId"_s, tr("AccessKey ID"), tr("Access&Key ID:"),
                                &m_accessKeyIdError);
    m_accessKeyId->setPlaceholderText(tr("Required"));
    m_secret = addLineEdit(u"secret"_s, tr("AccessKey secret"), tr("Se&cret:"), &m_secretError);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(isEditing() ? tr("Empty: keep the secret stored now")
                                             : tr("Required"));
    m_workspaceId = addLineEdit(u"workspaceId"_s, tr("Workspace ID"), tr("&Workspace ID:"),
                                &m_workspaceError);
    m_workspaceId->setPlaceholderText(tr("Empty: the account's default workspace"));
    m_orgId
        = addLineEdit(u"orgId"_s, tr("Organization ID"), tr("&Organization ID:"), &m_orgIdError);
    m_orgId->setPlaceholderText(tr("Required, sent as X-OB-Org-Id"));
    m_projectId
        = addLineEdit(u"projectId"_s, tr("Project ID"), tr("&Project ID:"), &m_projectIdError);
    m_projectId->setPlaceholderText(tr("Required, sent as X-OB-Project-Id"));
    m_instanceName
        = addLineEdit(u"instanceName"_s, tr("Instance name"), tr("&Instance:"), &m_instanceError);
    m_instanceName->setPlaceholderText(tr("Required, the Tablestore instance"));

    m_caRow = new QWidget(this);
    auto *caLayout = new QHBoxLayout(m_caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    m_caCertificate = new QLineEdit(m_caRow);
    m_caCertificate->setObjectName(u"caCertificate"_s);
    m_caCertificate->setAccessibleName(tr("Extra CA certificate"));
    m_caCertificate->setPlaceholderText(tr("Optional: a PEM file to trust as well"));
    connect(m_caCertificate, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    m_browse = new QPushButton(tr("&Browse…"), m_caRow);
    m_browse->setObjectName(u"browseCaCertificate"_s);
    m_browse->setAccessibleName(tr("Browse for a CA certificate"));
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &ProfileDialog::browseCaCertificate);
    caLayout->addWidget(m_caCertificate, 1);
    caLayout->addWidget(m_browse);
    m_caCertificateError = makeErrorLabel(u"caCertificateError"_s, tr("Extra CA certificate"));
    addRow(tr("CA certi&ficate:"), m_caRow, m_caCertificateError);
    m_caRow->setFocusProxy(m_caCertificate);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(u"timeout"_s);
    m_timeout->setAccessibleName(tr("Timeout in seconds"));
    m_timeout->setRange(kMinTimeoutSeconds, kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(Profile().timeoutMs / 1000);
    addRow(tr("&Timeout:"), m_timeout, nullptr);

    m_problem = makeErrorLabel(u"problem"_s, tr("Profile"));
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttons"_s);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(isEditing() ? tr("&Save") : tr("&Add"));
    ok->setAccessibleName(isEditing() ? tr("Save") : tr("Add"));
    ok->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // The order of the form, top to bottom; hidden rows are skipped by Tab on their own.
    const QList<QWidget *> order {m_service,
                                  m_displayName,
                                  m_region,
                                  m_endpoint,
                                  m_dataEndpoint,
                                  m_accessKeyId,
                                  m_secret,
                                  m_workspaceId,
                                  m_orgId,
                                  m_projectId,
                                  m_instanceName,
                                  m_caCertificate,
                                  m_browse,
                                  m_timeout,
                                  ok,
                                  m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    resize(560, sizeHint().height());
}

QLabel *ProfileDialog::makeErrorLabel(const QString &name, const QString &accessibleName)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setAccessibleName(tr("Problem with %1").arg(accessibleName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLineEdit *ProfileDialog::addLineEdit(const QString &name, const QString &accessibleName,
                                      const QString &label, QLabel **error)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(name);
    field->setAccessibleName(accessibleName);
    *error = makeErrorLabel(name + u"Error"_s, accessibleName);
    connect(field, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    addRow(label, field, *error);
    return field;
}

void ProfileDialog::addRow(const QString &label, QWidget *field, QLabel *error)
{
    // The reason sits under its field, so a screen reader announces it with the field too.
    auto *cell = new QWidget(this);
    auto *box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(field);
    if (error)
        box->addWidget(error);
    cell->setFocusProxy(field);
    m_form->addRow(label, cell);
    if (auto *buddy = qobject_cast<QLabel *>(m_form->labelForField(cell)))
        buddy->setBuddy(field);
}

void ProfileDialog::fill(const Profile &profile)
{
    const QSignalBlocker blocker(m_service);
    m_service->setCurrentIndex(m_service->findData(static_cast<int>(profile.service)));
    m_shownService = profile.service;
    if (ProfileFields::of(profile.service).region && !profile.region.isEmpty()) {
        if (m_region->findData(profile.region) < 0) // a region from a newer console, or the file
            m_region->addItem(profile.region, profile.region);
        const QSignalBlocker regionBlocker(m_region);
        m_region->setCurrentIndex(m_region->findData(profile.region));
    }
    m_shownRegion = region();
    m_displayName->setText(profile.displayName);
    m_endpoint->setText(profile.endpoint.toString());
    m_dataEndpoint->setText(profile.dataEndpoint.toString());
    m_accessKeyId->setText(profile.accessKeyId);
    m_workspaceId->setText(profile.workspaceId);
    m_orgId->setText(profile.orgId);
    m_projectId->setText(profile.projectId);
    m_instanceName->setText(profile.instanceName);
    m_caCertificate->setText(profile.caCertificatePath);
    m_timeout->setValue(qBound(kMinTimeoutSeconds, profile.timeoutMs / 1000, kMaxTimeoutSeconds));
    serviceChanged();
}

void ProfileDialog::setSessionOnly(bool sessionOnly)
{
    m_sessionNote->setVisible(sessionOnly);
}

ServiceKind ProfileDialog::service() const
{
    return static_cast<ServiceKind>(m_service->currentData().toInt());
}

QString ProfileDialog::region() const
{
    return ProfileFields::of(service()).region ? m_region->currentData().toString() : QString();
}

void ProfileDialog::serviceChanged()
{
    const ServiceKind now = service();
    const ProfileFields fields = ProfileFields::of(now);
    // A field still holding the previous service's default takes the new one; typed text stays.
    const auto replaceDefault = [](QLineEdit *field, const QUrl &before, const QUrl &after) {
        const QString text = field->text().trimmed();
        if (text.isEmpty() || text == before.toString())
            field->setText(after.toString());
    };
    if (!isEditing()) {
        replaceDefault(m_endpoint, ProfileFields::defaultEndpoint(m_shownService),
                       ProfileFields::defaultEndpoint(now));
        replaceDefault(m_dataEndpoint,
                       ProfileFields::defaultDataEndpoint(m_shownService, m_shownRegion),
                       ProfileFields::defaultDataEndpoint(now, region()));
    }
    m_shownService = now;
    m_shownRegion = region();

    m_form->setRowVisible(m_region->parentWidget(), fields.region);
    m_form->setRowVisible(m_dataEndpoint->parentWidget(), fields.dataEndpoint);
    m_form->setRowVisible(m_workspaceId->parentWidget(), fields.workspace);
    m_form->setRowVisible(m_orgId->parentWidget(), fields.orgAndProject);
    m_form->setRowVisible(m_projectId->parentWidget(), fields.orgAndProject);
    m_form->setRowVisible(m_instanceName->parentWidget(), fields.instance);

    m_serviceHint->setText(fields.hint);
    m_endpoint->setPlaceholderText(fields.endpointPlaceholder);
    m_dataEndpoint->setPlaceholderText(fields.dataEndpointPlaceholder);
    validate();
}

void ProfileDialog::regionChanged()
{
    // The data endpoint follows the region while it holds the previous region's default.
    const QString text = m_dataEndpoint->text().trimmed();
    if (text.isEmpty()
        || text == ProfileFields::defaultDataEndpoint(service(), m_shownRegion).toString())
        m_dataEndpoint->setText(ProfileFields::defaultDataEndpoint(service(), region()).toString());
    m_shownRegion = region();
    validate();
}

void ProfileDialog::browseCaCertificate()
{
    auto *files = new QFileDialog(this, tr("Trust a CA certificate"),
                                  QFileInfo(m_caCertificate->text()).absolutePath(),
                                  tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    files->setObjectName(u"caCertificateFiles"_s);
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::ExistingFile);
    connect(files, &QFileDialog::fileSelected, m_caCertificate, &QLineEdit::setText);
    files->open();
}

Profile ProfileDialog::profile() const
{
    const ProfileFields fields = ProfileFields::of(service());
    Profile profile = m_original; // what the dialog does not show stays as it was
    profile.service = service();
    profile.displayName = m_displayName->text().trimmed();
    profile.region = fields.region ? region() : m_original.region;
    profile.endpoint = urlOf(m_endpoint);
    profile.dataEndpoint = fields.dataEndpoint ? urlOf(m_dataEndpoint) : QUrl();
    profile.accessKeyId = m_accessKeyId->text().trimmed();
    profile.workspaceId = fields.workspace ? m_workspaceId->text().trimmed() : QString();
    profile.orgId = fields.orgAndProject ? m_orgId->text().trimmed() : QString();
    profile.projectId = fields.orgAndProject ? m_projectId->text().trimmed() : QString();
    profile.instanceName = fields.instance ? m_instanceName->text().trimmed() : QString();
    profile.caCertificatePath = m_caCertificate->text().trimmed();
    profile.timeoutMs = m_timeout->value() * 1000;
    return profile;
}

QByteArray ProfileDialog::takeSecret()
{
    QString text = m_secret->text();
    QString trimmed = text.trimmed();
    QByteArray secret = trimmed.toUtf8();
    wipeSecret(trimmed);
    wipeSecretField();
    return secret;
}

void ProfileDialog::wipeSecretField()
{
    if (!m_secret)
        return;
    // text() shares the line edit's buffer: zero it in place before the widget lets it go;
    // setText() also drops the field's undo history.
    QString text = m_secret->text();
    wipeSecret(text);
    const QSignalBlocker blocker(m_secret);
    m_secret->setText(QString());
}

QString ProfileDialog::displayNameProblem() const
{
    const QString name = m_displayName->text();
    if (name.trimmed().isEmpty())
        return tr("A name is required.");
    if (std::any_of(name.cbegin(), name.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return tr("No control characters (tabs, line breaks).");
    return {};
}

QString ProfileDialog::endpointProblem() const
{
    if (m_endpoint->text().trimmed().isEmpty())
        return tr("The endpoint is required: the address of the service's management API.");
    return ProfileFields::urlProblem(m_endpoint->text());
}

QString ProfileDialog::dataEndpointProblem() const
{
    const ProfileFields fields = ProfileFields::of(service());
    if (!fields.dataEndpoint)
        return {};
    const QString text = m_dataEndpoint->text().trimmed();
    if (!text.isEmpty()) {
        if (QString problem = ProfileFields::urlProblem(text); !problem.isEmpty())
            return problem;
    }
    // TablestoreService refuses to send an API key over plain HTTP (seed 000).
    const QUrl dataPlane = text.isEmpty() ? urlOf(m_endpoint) : urlOf(m_dataEndpoint);
    if (fields.httpsDataPlane && dataPlane.isValid() && dataPlane.scheme() == u"http"_s)
        return tr("Tablestore's API keys need HTTPS: give an https:// data endpoint.");
    return {};
}

QString ProfileDialog::accessKeyIdProblem() const
{
    const QString id = m_accessKeyId->text().trimmed();
    if (id.isEmpty())
        return tr("The AccessKey ID is required: it signs every call.");
    if (!ProfileFields::isPlainToken(id))
        return tr("An AccessKey ID has no spaces or special characters.");
    return {};
}

QString ProfileDialog::secretProblem() const
{
    const QString secret = m_secret->text().trimmed();
    if (secret.isEmpty())
        return isEditing() ? QString() : tr("The AccessKey secret is required.");
    if (!ProfileFields::isPlainToken(secret))
        return tr("An AccessKey secret has no spaces or special characters.");
    return {};
}

QString ProfileDialog::workspaceProblem() const
{
    if (!ProfileFields::of(service()).workspace
        || ProfileFields::isPlainToken(m_workspaceId->text().trimmed()))
        return {};
    return tr("A workspace ID has no spaces or special characters.");
}

QString ProfileDialog::orgIdProblem() const
{
    if (!ProfileFields::of(service()).orgAndProject)
        return {};
    const QString id = m_orgId->text().trimmed();
    if (id.isEmpty())
        return tr("The organization ID is required: OceanBase asks for it on every call.");
    return ProfileFields::isPlainToken(id) ? QString()
                                           : tr("An ID has no spaces or special characters.");
}

QString ProfileDialog::projectIdProblem() const
{
    if (!ProfileFields::of(service()).orgAndProject)
        return {};
    const QString id = m_projectId->text().trimmed();
    if (id.isEmpty())
        return tr("The project ID is required: OceanBase asks for it on every call.");
    return ProfileFields::isPlainToken(id) ? QString()
                                           : tr("An ID has no spaces or special characters.");
}

QString ProfileDialog::instanceProblem() const
{
    if (!ProfileFields::of(service()).instance)
        return {};
    const QString name = m_instanceName->text().trimmed();
    if (name.isEmpty())
        return tr("The instance name is required: Tablestore's API keys belong to an instance.");
    return ProfileFields::isPlainToken(name)
        ? QString()
        : tr("An instance name has no spaces or special characters.");
}

QString ProfileDialog::caCertificateProblem() const
{
    return ProfileFields::caCertificateProblem(m_caCertificate->text().trimmed());
}

QString ProfileDialog::profileProblem() const
{
    Profile whole = profile();
    if (whole.id.isEmpty())
        whole.id = u"new"_s; // the store gives the id; the rest is what it checks
    return ProfileStore::validate(whole);
}

void ProfileDialog::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

void ProfileDialog::validate()
{
    if (!m_buttons || !m_checked)
        return; // problems show once OK was pressed, not while the person starts typing
    showProblem(m_displayNameError, displayNameProblem());
    showProblem(m_endpointError, endpointProblem());
    showProblem(m_dataEndpointError, dataEndpointProblem());
    showProblem(m_accessKeyIdError, accessKeyIdProblem());
    showProblem(m_secretError, secretProblem());
    showProblem(m_workspaceError, workspaceProblem());
    showProblem(m_orgIdError, orgIdProblem());
    showProblem(m_projectIdError, projectIdProblem());
    showProblem(m_instanceError, instanceProblem());
    showProblem(m_caCertificateError, caCertificateProblem());
    const bool fieldsFine = m_displayNameError->isHidden() && m_endpointError->isHidden()
        && m_dataEndpointError->isHidden() && m_accessKeyIdError->isHidden()
        && m_secretError->isHidden() && m_workspaceError->isHidden() && m_orgIdError->isHidden()
        && m_projectIdError->isHidden() && m_instanceError->isHidden()
        && m_caCertificateError->isHidden();
    showProblem(m_problem, fieldsFine ? profileProblem() : QString());
}

bool ProfileDialog::isValid() const
{
    return displayNameProblem().isEmpty() && endpointProblem().isEmpty()
        && dataEndpointProblem().isEmpty() && accessKeyIdProblem().isEmpty()
        && secretProblem().isEmpty() && workspaceProblem().isEmpty() && orgIdProblem().isEmpty()
        && projectIdProblem().isEmpty() && instanceProblem().isEmpty()
        && caCertificateProblem().isEmpty() && profileProblem().isEmpty();
}

void ProfileDialog::accept()
{
    if (m_busy)
        return;
    m_checked = true;
    validate();
    if (!isValid()) {
        // Focus goes to the first field whose reason shows, so the person lands on it.
        for (QLabel *error : {m_displayNameError, m_endpointError, m_dataEndpointError,
                              m_accessKeyIdError, m_secretError, m_workspaceError, m_orgIdError,
                              m_projectIdError, m_instanceError, m_caCertificateError}) {
            if (!error->isHidden()) {
                error->parentWidget()->setFocus(Qt::OtherFocusReason);
                break;
            }
        }
        return;
    }
    setBusy(true);
    Q_EMIT submitted();
}

void ProfileDialog::saved()
{
    setBusy(false);
    QDialog::accept();
}

void ProfileDialog::showSaveError(const QString &message)
{
    setBusy(false);
    showProblem(m_problem, message);
}

void ProfileDialog::setBusy(bool busy)
{
    m_busy = busy;
    // While the keychain writes, nothing may change what is being saved or close the dialog.
    const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        edit->setReadOnly(busy);
    m_service->setEnabled(!busy && !isEditing());
    m_region->setEnabled(!busy);
    m_timeout->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (busy)
        showProblem(m_problem, tr("Saving…"));
}

void ProfileDialog::done(int result)
{
    if (m_busy)
        return; // the caller's save is under way; it ends with saved() or showSaveError()
    wipeSecretField();
    QDialog::done(result);
}

} // namespace keydesk
