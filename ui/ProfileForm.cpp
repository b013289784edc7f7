#include "ProfileForm.h"

#include "PlainText.h"
#include "ProfileFields.h"
#include "ProfileStore.h"
#include "SecretField.h"
#include "vault/SecretBytes.h"

#include <QComboBox>
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

} // namespace

ProfileForm::ProfileForm(const Profile &original, QWidget *parent)
    : QWidget(parent)
    , m_original(original)
{
    build();
}

ProfileForm::~ProfileForm()
{
    wipeSecretField();
}

void ProfileForm::build()
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);

    m_service = new QComboBox(this);
    m_service->setObjectName(u"service"_s);
    m_service->setAccessibleName(tr("Service"));
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase})
        m_service->addItem(serviceDisplayName(service), static_cast<int>(service));
    // A profile's keys, pages and kept copies belong to its service: editing cannot move them.
    m_service->setEnabled(!isEditing());
    connect(m_service, &QComboBox::currentIndexChanged, this, &ProfileForm::serviceChanged);
    addRow(tr("&Service:"), m_service, nullptr);

    m_serviceHint = new QLabel(this);
    showPlain(m_serviceHint);
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
    connect(m_region, &QComboBox::currentIndexChanged, this, &ProfileForm::regionChanged);
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
    connect(m_caCertificate, &QLineEdit::textChanged, this, &ProfileForm::edited);
    m_browse = new QPushButton(tr("&Browse…"), m_caRow);
    m_browse->setObjectName(u"browseCaCertificate"_s);
    m_browse->setAccessibleName(tr("Browse for a CA certificate"));
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &ProfileForm::browseCaCertificate);
    caLayout->addWidget(m_caCertificate, 1);
    caLayout->addWidget(m_browse);
    m_caCertificateError
        = makeProblemLabel(u"caCertificateError"_s, tr("Extra CA certificate"), this);
    addRow(tr("CA certi&ficate:"), m_caRow, m_caCertificateError);
    m_caRow->setFocusProxy(m_caCertificate);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(u"timeout"_s);
    m_timeout->setAccessibleName(tr("Timeout in seconds"));
    m_timeout->setRange(kMinTimeoutSeconds, kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(Profile().timeoutMs / 1000);
    addRow(tr("&Timeout:"), m_timeout, nullptr);

    // The order of the form, top to bottom; hidden rows are skipped by Tab on their own.
    const QList<QWidget *> order {m_service,      m_displayName, m_region,       m_endpoint,
                                  m_dataEndpoint, m_accessKeyId, m_secret,       m_workspaceId,
                                  m_orgId,        m_projectId,   m_instanceName, m_caCertificate,
                                  m_browse,       m_timeout};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

QWidget *ProfileForm::lastField() const
{
    return m_timeout;
}

QLabel *ProfileForm::makeProblemLabel(const QString &name, const QString &accessibleName,
                                      QWidget *parent)
{
    auto *label = new QLabel(parent);
    showPlain(label);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setAccessibleName(tr("Problem with %1").arg(accessibleName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLineEdit *ProfileForm::addLineEdit(const QString &name, const QString &accessibleName,
                                    const QString &label, QLabel **error)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(name);
    field->setAccessibleName(accessibleName);
    *error = makeProblemLabel(name + u"Error"_s, accessibleName, this);
    connect(field, &QLineEdit::textChanged, this, &ProfileForm::edited);
    addRow(label, field, *error);
    return field;
}

void ProfileForm::addRow(const QString &label, QWidget *field, QLabel *error)
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

void ProfileForm::fill()
{
    const Profile &profile = m_original; // adding: the first service, as a new Profile has
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

ServiceKind ProfileForm::service() const
{
    return static_cast<ServiceKind>(m_service->currentData().toInt());
}

QString ProfileForm::region() const
{
    return ProfileFields::of(service()).region ? m_region->currentData().toString() : QString();
}

void ProfileForm::serviceChanged()
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
    Q_EMIT edited();
}

void ProfileForm::regionChanged()
{
    // The data endpoint follows the region while it holds the previous region's default.
    const QString text = m_dataEndpoint->text().trimmed();
    if (text.isEmpty()
        || text == ProfileFields::defaultDataEndpoint(service(), m_shownRegion).toString())
        m_dataEndpoint->setText(ProfileFields::defaultDataEndpoint(service(), region()).toString());
    m_shownRegion = region();
    Q_EMIT edited();
}

void ProfileForm::browseCaCertificate()
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

Profile ProfileForm::profile() const
{
    const ProfileFields fields = ProfileFields::of(service());
    Profile profile = m_original; // what the form does not show stays as it was
    profile.service = service();
    profile.displayName = m_displayName->text().trimmed();
    profile.region = fields.region ? region() : m_original.region;
    profile.endpoint = ProfileFields::urlFrom(m_endpoint->text());
    profile.dataEndpoint
        = fields.dataEndpoint ? ProfileFields::urlFrom(m_dataEndpoint->text()) : QUrl();
    profile.accessKeyId = m_accessKeyId->text().trimmed();
    profile.workspaceId = fields.workspace ? m_workspaceId->text().trimmed() : QString();
    profile.orgId = fields.orgAndProject ? m_orgId->text().trimmed() : QString();
    profile.projectId = fields.orgAndProject ? m_projectId->text().trimmed() : QString();
    profile.instanceName = fields.instance ? m_instanceName->text().trimmed() : QString();
    profile.caCertificatePath = m_caCertificate->text().trimmed();
    profile.timeoutMs = m_timeout->value() * 1000;
    return profile;
}

QByteArray ProfileForm::takeSecret()
{
    QString text = m_secret->text();
    QString trimmed = text.trimmed();
    QByteArray secret = trimmed.toUtf8();
    wipeSecret(trimmed);
    wipeSecretField();
    return secret;
}

bool ProfileForm::hasTypedSecret() const
{
    return !m_secret->text().trimmed().isEmpty();
}

void ProfileForm::wipeSecretField()
{
    if (!m_secret)
        return;
    const QSignalBlocker blocker(m_secret);
    wipeLineEdit(m_secret);
}

// Each field's problem label with the field's problem now, top to bottom.
QList<std::pair<QLabel *, QString>> ProfileForm::fieldProblems() const
{
    const ProfileFields fields = ProfileFields::of(service());
    return {
        {m_displayNameError, ProfileFields::displayNameProblem(m_displayName->text())},
        {m_endpointError, ProfileFields::endpointProblem(m_endpoint->text())},
        {m_dataEndpointError,
         fields.dataEndpointProblem(m_dataEndpoint->text(), m_endpoint->text())},
        {m_accessKeyIdError, ProfileFields::accessKeyIdProblem(m_accessKeyId->text())},
        {m_secretError, ProfileFields::secretProblem(m_secret->text(), isEditing())},
        {m_workspaceError, fields.workspaceIdProblem(m_workspaceId->text())},
        {m_orgIdError, fields.orgIdProblem(m_orgId->text())},
        {m_projectIdError, fields.projectIdProblem(m_projectId->text())},
        {m_instanceError, fields.instanceNameProblem(m_instanceName->text())},
        {m_caCertificateError,
         ProfileFields::caCertificateProblem(m_caCertificate->text().trimmed())},
    };
}

QString ProfileForm::profileProblem() const
{
    Profile whole = profile();
    if (whole.id.isEmpty())
        whole.id = u"new"_s; // the store gives the id; the rest is what it checks
    return ProfileStore::validate(whole);
}

void ProfileForm::showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

bool ProfileForm::showFieldProblems()
{
    bool none = true;
    for (const auto &[label, problem] : fieldProblems()) {
        showProblem(label, problem);
        none = none && problem.isEmpty();
    }
    return none;
}

bool ProfileForm::isValid() const
{
    const QList<std::pair<QLabel *, QString>> problems = fieldProblems();
    return std::all_of(problems.cbegin(), problems.cend(),
                       [](const auto &field) { return field.second.isEmpty(); })
        && profileProblem().isEmpty();
}

void ProfileForm::focusFirstProblem()
{
    // Focus goes to the first field whose reason shows, so the person lands on it.
    for (const auto &[label, problem] : fieldProblems()) {
        if (!label->isHidden()) {
            label->parentWidget()->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void ProfileForm::setReadOnly(bool readOnly)
{
    const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        edit->setReadOnly(readOnly);
    m_service->setEnabled(!readOnly && !isEditing());
    m_region->setEnabled(!readOnly);
    m_timeout->setEnabled(!readOnly);
    m_browse->setEnabled(!readOnly);
}

} // namespace keydesk
