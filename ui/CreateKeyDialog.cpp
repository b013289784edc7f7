#include "CreateKeyDialog.h"

#include "PlainText.h"
#include "SecretField.h"
#include "vault/SecretBytes.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr int kMaxTemporarySeconds = 1800; // Model Studio's limit (protocols.md §5)
constexpr int kDefaultTemporarySeconds = 60;
constexpr int kDefaultExpiryDays = 30;

enum Mode { Permanent, Temporary };

} // namespace

CreateKeyDialog::CreateKeyDialog(const ServiceCapabilities &capabilities, QWidget *parent)
    : QDialog(parent)
    , m_capabilities(capabilities)
{
    setWindowTitle(tr("Create a key"));
    // Wide enough for its texts and values on one line: wrapping is for longer ones.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    setAccessibleName(windowTitle());

    auto *layout = new QVBoxLayout(this);
    m_usage = new QLabel(this);
    showPlain(m_usage);
    m_usage->setObjectName(u"usage"_s);
    m_usage->setWordWrap(true);
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_usage->hide();
    layout->addWidget(m_usage);

    if (m_capabilities.hasTemporaryKeys) {
        m_mode = new QButtonGroup(this);
        auto *permanent = new QRadioButton(tr("&Permanent key"), this);
        permanent->setObjectName(u"permanentMode"_s);
        permanent->setAccessibleName(tr("Permanent key"));
        permanent->setChecked(true);
        auto *temporary = new QRadioButton(tr("&Temporary key, issued by a permanent one"), this);
        temporary->setObjectName(u"temporaryMode"_s);
        temporary->setAccessibleName(tr("Temporary key"));
        m_mode->addButton(permanent, Permanent);
        m_mode->addButton(temporary, Temporary);
        layout->addWidget(permanent);
        layout->addWidget(temporary);
        connect(m_mode, &QButtonGroup::idToggled, this, &CreateKeyDialog::modeChanged);
    }

    m_permanentFields = makePermanentFields();
    layout->addWidget(m_permanentFields);
    if (m_capabilities.hasTemporaryKeys) {
        m_temporaryFields = makeTemporaryFields();
        layout->addWidget(m_temporaryFields);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttons"_s);
    QPushButton *create = m_buttons->button(QDialogButtonBox::Ok);
    create->setText(tr("C&reate"));
    create->setAccessibleName(tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateKeyDialog::reject);
    layout->addStretch();
    layout->addWidget(m_buttons);

    modeChanged();
}

CreateKeyDialog::~CreateKeyDialog()
{
    wipeParentValue();
}

QLabel *CreateKeyDialog::makeErrorLabel(const QString &name)
{
    auto *label = new QLabel(this);
    showPlain(label); // the service's message
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setAccessibleName(tr("Problem"));
    label->hide();
    return label;
}

void CreateKeyDialog::addRow(QFormLayout *form, const QString &label, QWidget *field, QLabel *error)
{
    // The reason sits under its field, so a screen reader announces it with the field too.
    auto *cell = new QWidget(form->parentWidget());
    auto *box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(field);
    if (error)
        box->addWidget(error);
    form->addRow(label, cell);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(cell)))
        buddy->setBuddy(field);
}

QWidget *CreateKeyDialog::makePermanentFields()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"permanentFields"_s);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);

    if (m_capabilities.maxNameLength > 0) {
        m_name = new QLineEdit(page);
        m_name->setObjectName(u"name"_s);
        m_name->setAccessibleName(tr("Name or description"));
        m_name->setPlaceholderText(m_capabilities.nameRequired ? tr("Required")
                                                               : tr("What the key is for"));
        m_name->setMaxLength(m_capabilities.maxNameLength + 1); // one more shows the reason
        m_nameError = makeErrorLabel(u"nameError"_s);
        connect(m_name, &QLineEdit::textChanged, this, &CreateKeyDialog::validate);
        addRow(form, tr("&Name:"), m_name, m_nameError);
    }

    if (m_capabilities.hasExpiry) {
        auto *expiry = new QWidget(page);
        auto *row = new QHBoxLayout(expiry);
        row->setContentsMargins(0, 0, 0, 0);
        if (!m_capabilities.expiryRequired) {
            m_expires = new QCheckBox(tr("Expires"), expiry);
            m_expires->setObjectName(u"expires"_s);
            m_expires->setAccessibleName(tr("The key expires"));
            connect(m_expires, &QCheckBox::toggled, this, &CreateKeyDialog::validate);
            row->addWidget(m_expires);
        }
        const QDateTime later = QDateTime::currentDateTime().addDays(kDefaultExpiryDays);
        m_expiry
            = new QDateTimeEdit(QDateTime(later.date(), QTime(later.time().hour(), 0)), expiry);
        m_expiry->setObjectName(u"expiry"_s);
        m_expiry->setAccessibleName(tr("Expiration time"));
        m_expiry->setCalendarPopup(true);
        m_expiry->setTimeSpec(Qt::LocalTime);
        m_expiry->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, &CreateKeyDialog::validate);
        row->addWidget(m_expiry, 1);
        m_expiryError = makeErrorLabel(u"expiryError"_s);
        addRow(form, tr("E&xpiration:"), expiry, m_expiryError); // the label's buddy: the proxy
        expiry->setFocusProxy(m_expires ? static_cast<QWidget *>(m_expires) : m_expiry);
    }

    if (!m_capabilities.permissions.isEmpty()) {
        m_permission = new QComboBox(page);
        m_permission->setObjectName(u"permission"_s);
        m_permission->setAccessibleName(tr("Permission"));
        // No choice is made for the person: what a key may do is a decision, not a default.
        m_permission->addItem(tr("Choose…"), QString());
        for (const QString &permission : m_capabilities.permissions)
            m_permission->addItem(permission, permission);
        m_permissionError = makeErrorLabel(u"permissionError"_s);
        connect(m_permission, &QComboBox::currentIndexChanged, this, &CreateKeyDialog::validate);
        addRow(form, tr("&Permission:"), m_permission, m_permissionError);
    }

    if (m_capabilities.ownerChosenOnCreate) {
        m_owner = new QComboBox(page);
        m_owner->setObjectName(u"owner"_s);
        m_owner->setAccessibleName(tr("Owner"));
        m_owner->setEditable(true);
        m_owner->setInsertPolicy(QComboBox::NoInsert);
        m_owner->lineEdit()->setAccessibleName(m_owner->accessibleName());
        m_owner->lineEdit()->setPlaceholderText(tr("Empty: your own account"));
        m_ownerError = makeErrorLabel(u"ownerError"_s);
        connect(m_owner, &QComboBox::currentTextChanged, this, &CreateKeyDialog::validate);
        addRow(form, tr("&Owner (RAM user):"), m_owner, m_ownerError);
    }

    if (m_capabilities.hasWorkspaces) {
        m_workspace = new QComboBox(page);
        m_workspace->setObjectName(u"workspace"_s);
        m_workspace->setAccessibleName(tr("Workspace"));
        setWorkspaces({});
        addRow(form, tr("&Workspace:"), m_workspace, nullptr);
    }
    return page;
}

QWidget *CreateKeyDialog::makeTemporaryFields()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"temporaryFields"_s);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);

    m_parentValue = new QLineEdit(page);
    m_parentValue->setObjectName(u"parentValue"_s);
    m_parentValue->setAccessibleName(tr("Value of the permanent key"));
    m_parentValue->setEchoMode(QLineEdit::Password);
    m_parentValue->setPlaceholderText(tr("Paste the value of the key that issues it"));
    m_parentValueError = makeErrorLabel(u"parentValueError"_s);
    connect(m_parentValue, &QLineEdit::textChanged, this, &CreateKeyDialog::validate);
    addRow(form, tr("Issued &by:"), m_parentValue, m_parentValueError);

    m_seconds = new QSpinBox(page);
    m_seconds->setObjectName(u"seconds"_s);
    m_seconds->setAccessibleName(tr("Lifetime in seconds"));
    m_seconds->setRange(1, kMaxTemporarySeconds);
    m_seconds->setValue(kDefaultTemporarySeconds);
    m_seconds->setSuffix(tr(" s"));
    addRow(form, tr("&Lasts:"), m_seconds, nullptr);
    return page;
}

void CreateKeyDialog::setUsage(const QString &usageText, const QString &blockedReason)
{
    m_blockedReason = blockedReason;
    const QString text = QStringList {usageText, blockedReason}.join(u'\n').trimmed();
    m_usage->setText(text);
    m_usage->setVisible(!text.isEmpty());
    validate();
}

void CreateKeyDialog::setOwners(const QStringList &owners)
{
    if (!m_owner)
        return;
    const QString current = m_owner->currentText();
    m_owner->clear();
    m_owner->addItem(QString()); // the caller's own account
    m_owner->addItems(owners);
    m_owner->setCurrentText(current);
}

void CreateKeyDialog::setWorkspaces(const QList<QPair<QString, QString>> &workspaces,
                                    const QString &currentId)
{
    if (!m_workspace)
        return;
    m_workspace->clear();
    m_workspace->addItem(tr("The profile's workspace"), QString());
    for (const auto &[id, name] : workspaces)
        m_workspace->addItem(name.isEmpty() ? id : u"%1 (%2)"_s.arg(name, id), id);
    m_workspace->setCurrentIndex(qMax(0, m_workspace->findData(currentId)));
}

bool CreateKeyDialog::isTemporary() const
{
    return m_mode && m_mode->checkedId() == Temporary;
}

CreateKeyRequest CreateKeyDialog::request() const
{
    CreateKeyRequest request;
    if (m_name)
        request.name = m_name->text().trimmed();
    if (m_expiry && (!m_expires || m_expires->isChecked()))
        request.expires = m_expiry->dateTime().toUTC();
    if (m_permission)
        request.permission = m_permission->currentData().toString();
    if (m_owner)
        request.owner = m_owner->currentText().trimmed();
    if (m_workspace)
        request.workspaceId = m_workspace->currentData().toString();
    return request;
}

int CreateKeyDialog::temporarySeconds() const
{
    return m_seconds ? m_seconds->value() : 0;
}

QByteArray CreateKeyDialog::takeParentValue()
{
    if (!m_parentValue)
        return {};
    QByteArray value = m_parentValue->text().trimmed().toUtf8();
    wipeParentValue();
    return value;
}

void CreateKeyDialog::wipeParentValue()
{
    if (!m_parentValue)
        return;
    const QSignalBlocker blocker(m_parentValue);
    wipeLineEdit(m_parentValue);
}

QString CreateKeyDialog::nameProblem() const
{
    if (!m_name)
        return {};
    const QString name = m_name->text();
    if (m_capabilities.nameRequired && name.trimmed().isEmpty())
        return tr("A name is required.");
    if (name.size() > m_capabilities.maxNameLength)
        return tr("At most %1 characters.").arg(m_capabilities.maxNameLength);
    if (std::any_of(name.cbegin(), name.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return tr("No control characters (tabs, line breaks).");
    return {};
}

QString CreateKeyDialog::expiryProblem() const
{
    if (!m_expiry || (m_expires && !m_expires->isChecked()))
        return {};
    if (m_expiry->dateTime().toUTC() <= QDateTime::currentDateTimeUtc())
        return tr("The expiration time must be in the future.");
    return {};
}

QString CreateKeyDialog::permissionProblem() const
{
    if (m_permission && m_permission->currentData().toString().isEmpty())
        return tr("Choose what the key may do: %1.").arg(m_capabilities.permissions.join(u", "_s));
    return {};
}

QString CreateKeyDialog::ownerProblem() const
{
    if (!m_owner)
        return {};
    // RAM's rule for a user name: 1–64 letters, digits, '.', '_' or '-'.
    static const QRegularExpression userName(u"^[A-Za-z0-9._-]{1,64}$"_s);
    const QString owner = m_owner->currentText().trimmed();
    if (!owner.isEmpty() && !userName.match(owner).hasMatch())
        return tr("A RAM user name: at most 64 letters, digits, '.', '_' or '-'.");
    return {};
}

QString CreateKeyDialog::parentValueProblem() const
{
    const QString value = m_parentValue->text().trimmed();
    if (value.isEmpty())
        return tr("Paste the value of the permanent key that issues the temporary one.");
    // What an HTTP header carries: printable ASCII without spaces.
    if (!std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c > u' ' && c < u'\x7f'; }))
        return tr("A key's value has no spaces or special characters.");
    return {};
}

void CreateKeyDialog::showProblem(QLabel *label, const QString &problem)
{
    if (label) {
        label->setText(problem);
        label->setVisible(!problem.isEmpty());
    }
}

void CreateKeyDialog::modeChanged()
{
    m_permanentFields->setVisible(!isTemporary());
    if (m_temporaryFields)
        m_temporaryFields->setVisible(isTemporary());
    validate();
}

void CreateKeyDialog::validate()
{
    if (m_name)
        showProblem(m_nameError, nameProblem());
    if (m_expiry) {
        m_expiry->setEnabled(!m_expires || m_expires->isChecked());
        showProblem(m_expiryError, expiryProblem());
    }
    showProblem(m_permissionError, permissionProblem());
    showProblem(m_ownerError, ownerProblem());
    if (m_parentValue)
        showProblem(m_parentValueError, parentValueProblem());
    if (m_buttons)
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid());
}

bool CreateKeyDialog::isValid() const
{
    if (isTemporary())
        return parentValueProblem().isEmpty();
    return m_blockedReason.isEmpty() && nameProblem().isEmpty() && expiryProblem().isEmpty()
        && permissionProblem().isEmpty() && ownerProblem().isEmpty();
}

void CreateKeyDialog::accept()
{
    validate();
    if (isValid())
        QDialog::accept();
}

void CreateKeyDialog::done(int result)
{
    // A pasted parent value stays only for a caller that accepted and takes it.
    if (result != Accepted)
        wipeParentValue();
    QDialog::done(result);
}

} // namespace keydesk
