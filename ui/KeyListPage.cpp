#include "KeyListPage.h"

#include "ClipboardGuard.h"
#include "CreateKeyFlow.h"
#include "DeleteKeyFlow.h"
#include "ErrorPanel.h"
#include "Icons.h"
#include "KeyFilterModel.h"
#include "KeyItemDelegate.h"
#include "KeyTableModel.h"
#include "KeyTestDialog.h"
#include "KeyUsageText.h"
#include "ViewKeyFlow.h"
#include "services/KeyService.h"
#include "services/RamService.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
const QStringList rowActions {u"view"_s, u"copyId"_s, u"test"_s, u"toggleEnabled"_s, u"delete"_s};
} // namespace

KeyListPage::KeyListPage(std::unique_ptr<KeyService> service, const KeyPageTools &tools,
                         QWidget *parent)
    : QWidget(parent)
    , m_service(service.release())
    , m_tools(tools)
    , m_model(new KeyTableModel(this))
    , m_proxy(new KeyFilterModel(this))
{
    m_service->setParent(this);
    setAccessibleName(tr("Keys of %1").arg(m_service->profile().displayName));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeToolBar());
    m_usageLabel = new QLabel(this);
    m_usageLabel->setObjectName(u"usage"_s);
    m_usageLabel->setAccessibleName(tr("Limits"));
    m_usageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The limits on the left, the page's report and the filter on the right, under the
    // actions: the filter keeps its width however many actions the toolbar shows.
    auto *status = new QHBoxLayout;
    status->addWidget(m_usageLabel, 1);
    status->addWidget(m_reportButton);
    status->addWidget(m_filter);
    layout->addLayout(status);
    // Indeterminate and beside the table, never modal: the window stays usable while it runs.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busy"_s);
    m_busy->setAccessibleName(tr("Loading keys"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height() / 2 + 2);
    m_busy->setTextVisible(false);
    m_busy->hide();
    layout->addWidget(m_busy);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(makeKeysPage());
    m_empty = new QLabel(this);
    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAccessibleName(tr("No keys"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("This profile has no keys yet.\nCreate one with Create (Ctrl+N)."));
    m_stack->addWidget(m_empty);
    m_error = new ErrorPanel(this);
    m_error->setObjectName(u"errorState"_s);
    connect(m_error, &ErrorPanel::retryRequested, this, &KeyListPage::refresh);
    m_stack->addWidget(m_error);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_filter, m_table);
    restoreHeader();
    updateActions();
    refresh();
}

KeyListPage::~KeyListPage()
{
    saveHeader();
}

QToolBar *KeyListPage::makeToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(u"keyActions"_s);
    m_toolBar->setAccessibleName(tr("Key actions"));
    // Text beside each icon: no action is known by its picture alone.
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(addToolAction(u"create"_s, tr("&Create…"), QKeySequence(Qt::CTRL | Qt::Key_N)),
            &QAction::triggered, this, &KeyListPage::createKey);
    QAction *view = addToolAction(u"view"_s, tr("&View…"), Qt::Key_Return);
    connect(view, &QAction::triggered, this, &KeyListPage::viewKey);
    connect(addToolAction(u"copyId"_s, tr("Copy &ID"), {}), &QAction::triggered, this,
            &KeyListPage::copyKeyId);
    connect(addToolAction(u"test"_s, tr("&Test…"), {}), &QAction::triggered, this,
            &KeyListPage::testKey);
    QAction *toggle = addToolAction(u"toggleEnabled"_s, tr("&Disable"), {});
    toggle->setVisible(m_service->capabilities().canDisable);
    connect(toggle, &QAction::triggered, this, &KeyListPage::toggleEnabled);
    QAction *remove = addToolAction(u"delete"_s, tr("De&lete…"), QKeySequence(Qt::Key_Delete));
    connect(remove, &QAction::triggered, this, &KeyListPage::deleteKey);
    connect(addToolAction(u"refresh"_s, tr("&Refresh"), QKeySequence(Qt::Key_F5)),
            &QAction::triggered, this, &KeyListPage::refresh);
    // The account's credential report: every AccessKey of the root account and its users. A
    // page's action, not a key's: beside the filter, where a narrow window does not push it
    // into the toolbar's overflow menu.
    auto *ram = qobject_cast<RamService *>(m_service);
    auto *report = new QAction(this);
    report->setObjectName(u"inventory"_s);
    setToolText(report, tr("AccessKey &report…"));
    report->setToolTip(tr("Every AccessKey of the account and its RAM users, flagged when old, "
                          "unused or inactive"));
    connect(report, &QAction::triggered, this, [this, ram] {
        if (ram)
            Q_EMIT inventoryRequested(ram);
    });
    m_reportButton = new QToolButton(this);
    m_reportButton->setObjectName(u"inventoryButton"_s);
    m_reportButton->setDefaultAction(report);
    m_reportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reportButton->setAutoRaise(true);
    m_reportButton->setVisible(ram != nullptr);
    report->setVisible(ram != nullptr);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"filter"_s);
    m_filter->setAccessibleName(tr("Filter keys"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 32);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &KeyFilterModel::setFilterText);
    auto *focusFilter = new QAction(tr("Filter"), this);
    focusFilter->setObjectName(u"filter"_s);
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    QWidget::addAction(focusFilter);
    applyIcons();
    return m_toolBar;
}

void KeyListPage::applyIcons()
{
    const QList<std::pair<QString, QString>> icons {
        {u"create"_s, u"create"_s},   {u"view"_s, u"view"_s},     {u"copyId"_s, u"copy-id"_s},
        {u"test"_s, u"test"_s},       {u"delete"_s, u"delete"_s}, {u"refresh"_s, u"refresh"_s},
        {u"inventory"_s, u"report"_s}};
    for (const auto &[actionName, iconName] : icons)
        action(actionName)->setIcon(themedIcon(iconName, palette()));
    // "toggleEnabled" shows Enable or Disable by the selected key: updateActions() draws it.
}

void KeyListPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_table) {
        applyIcons();
        updateActions();
    }
    QWidget::changeEvent(event);
}

QString KeyListPage::withoutAccelerator(const QString &text)
{
    // Written "&Refresh" in English and "刷新(&R)" in Chinese; "&&" is a literal "&".
    static const QRegularExpression accelerator(uR"(\(&[^&]\)|&(?=[^&]))"_s);
    return QString(text).remove(accelerator).replace(u"&&"_s, u"&"_s);
}

void KeyListPage::setToolText(QAction *action, const QString &text)
{
    action->setText(text); // the context menu's, with its accelerator
    // The tool button's: QAction would drop the "&" alone and leave "刷新(R)".
    action->setIconText(withoutAccelerator(text));
}

QAction *KeyListPage::addToolAction(const QString &name, const QString &text,
                                    const QKeySequence &shortcut)
{
    QAction *action = m_toolBar->addAction(QString());
    setToolText(action, text);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    if (!shortcut.isEmpty())
        action->setToolTip(tr("%1 (%2)", "a tool button's tooltip: its action and shortcut")
                               .arg(withoutAccelerator(text).remove(u'…'),
                                    shortcut.toString(QKeySequence::NativeText)));
    return action;
}

QWidget *KeyListPage::makeKeysPage()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"keys"_s);
    m_table->setAccessibleName(tr("Keys"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // a date on one line
    m_table->setItemDelegate(new KeyItemDelegate(m_table));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &KeyListPage::showContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, &KeyListPage::viewKey);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeyListPage::updateActions);
    // Enter and Del act on the table only, so that they keep their meaning in the filter field.
    for (const QString &name : {u"view"_s, u"delete"_s}) {
        QAction *rowAction = action(name);
        rowAction->setShortcutContext(Qt::WidgetShortcut);
        m_table->addAction(rowAction);
    }
    return m_table;
}

QAction *KeyListPage::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

bool KeyListPage::isLoading() const
{
    return m_listJob;
}

QString KeyListPage::usageText() const
{
    return m_usageLabel->text();
}

const ApiKey *KeyListPage::currentKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const int row = m_proxy->sourceRow(rows.first().row());
    return row < 0 ? nullptr : &m_model->keyAt(row);
}

void KeyListPage::refresh()
{
    if (m_listJob)
        return;
    m_listJob = m_service->listKeys();
    connect(m_listJob, &KeyJob::finished, this, &KeyListPage::listed);
    m_busy->show();
    if (m_state != State::Keys)
        showState(State::Loading);
}

void KeyListPage::listed(KeyJob *job)
{
    m_busy->hide();
    if (job->error()) {
        const KeyError::Kind kind = job->error().kind;
        m_unreachable = kind == KeyError::Kind::Network || kind == KeyError::Kind::Timeout;
        if (m_unreachable)
            watchReachability(); // only now: asking the system costs a D-Bus round trip
        m_error->setError(!m_unreachable ? tr("The keys could not be listed.")
                              : isOffline()
                              ? tr("This computer is offline. The keys are listed again as soon "
                                   "as it is back online.")
                              : tr("The service cannot be reached. Check the profile's endpoint "
                                   "and the network, then retry."),
                          job->error());
        showState(State::Error);
        return;
    }
    m_unreachable = false;
    m_usage = job->list().usage;
    const KeyUsageText usage = KeyUsageText::describe(m_usage, m_service->capabilities());
    m_usageLabel->setText(usage.line);
    m_blockedReason = usage.blockedReason;
    m_model->setKeys(job->list().keys);
    if (!m_columnsSized && !job->list().keys.isEmpty()) {
        // Once, when nothing remembered says how wide: as wide as the first screen of keys.
        m_columnsSized = true;
        if (!m_headerRestored)
            m_table->resizeColumnsToContents();
    }
    showState(job->list().keys.isEmpty() ? State::Empty : State::Keys);
    Q_EMIT keysListed(int(job->list().keys.size()));
}

// What the system says of the network (QNetworkInformation, where a backend exists); false when
// it cannot tell, so that "offline" is only said when known.
bool KeyListPage::isOffline()
{
    const QNetworkInformation *information = QNetworkInformation::instance();
    return information
        && information->reachability() == QNetworkInformation::Reachability::Disconnected;
}

void KeyListPage::watchReachability()
{
    if (m_watchingReachability)
        return;
    m_watchingReachability = true;
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (const QNetworkInformation *information = QNetworkInformation::instance()) {
        connect(information, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    // Back online: a list that failed for want of a network is read again.
                    if (reachability == QNetworkInformation::Reachability::Online
                        && m_state == State::Error && m_unreachable)
                        refresh();
                });
    }
}

void KeyListPage::showState(State state)
{
    m_state = state;
    m_stack->setCurrentWidget(state == State::Empty       ? static_cast<QWidget *>(m_empty)
                                  : state == State::Error ? static_cast<QWidget *>(m_error)
                                                          : m_table);
    updateActions();
}

void KeyListPage::updateActions()
{
    const ApiKey *key = m_state == State::Keys ? currentKey() : nullptr;
    for (const QString &name : rowActions)
        action(name)->setEnabled(key && !m_flowOpen);
    QAction *toggle = action(u"toggleEnabled"_s);
    const bool inactive = key && key->status == KeyStatus::Inactive;
    setToolText(toggle, inactive ? tr("&Enable") : tr("&Disable"));
    toggle->setIcon(themedIcon(inactive ? u"enable"_s : u"disable"_s, palette()));
    toggle->setEnabled(key && !m_flowOpen
                       && (key->status == KeyStatus::Active || key->status == KeyStatus::Inactive));
    QAction *create = action(u"create"_s);
    const bool listed = m_state == State::Keys || m_state == State::Empty;
    create->setEnabled(listed && m_blockedReason.isEmpty() && !m_flowOpen);
    create->setToolTip(
        !m_blockedReason.isEmpty()
            ? m_blockedReason
            : tr("Create a key (%1)").arg(create->shortcut().toString(QKeySequence::NativeText)));
}

void KeyListPage::showContextMenu(const QPoint &position)
{
    if (!m_table->indexAt(position).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(u"rowMenu"_s);
    menu->setAccessibleName(tr("Key actions"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const QString &name : rowActions) {
        if (action(name)->isVisible())
            menu->addAction(action(name));
    }
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void KeyListPage::createKey()
{
    if (!action(u"create"_s)->isEnabled())
        return;
    QStringList owners;
    for (const ApiKey &key : m_model->keys()) {
        if (!key.owner.isEmpty() && !owners.contains(key.owner))
            owners.append(key.owner);
    }
    auto *flow = new CreateKeyFlow(m_service, m_tools, this);
    connect(flow, &CreateKeyFlow::finished, this, &KeyListPage::flowFinished);
    m_flowOpen = true;
    updateActions();
    flow->start(m_usageLabel->text(), m_blockedReason, owners);
}

void KeyListPage::viewKey()
{
    const ApiKey *key = currentKey();
    if (!key || m_flowOpen)
        return;
    (new ViewKeyFlow(m_service, m_tools, *key, this))->start();
}

void KeyListPage::copyKeyId()
{
    if (const ApiKey *key = currentKey())
        QApplication::clipboard()->setText(key->id); // an id is not a secret
}

void KeyListPage::testKey()
{
    const ApiKey *key = currentKey();
    if (!key)
        return;
    auto *dialog = new KeyTestDialog(m_service, m_tools.vault, *key, this);
    dialog->setObjectName(u"keyTestDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void KeyListPage::toggleEnabled()
{
    const ApiKey *key = currentKey();
    if (!key || m_flowOpen)
        return;
    m_flowOpen = true;
    updateActions();
    KeyJob *job = m_service->setKeyEnabled(key->id, key->status != KeyStatus::Active);
    connect(job, &KeyJob::finished, this, [this](KeyJob *done) {
        if (done->error()) {
            auto *box
                = new QMessageBox(QMessageBox::Warning, tr("Not changed"),
                                  tr("The key's status was not changed."), QMessageBox::Ok, this);
            box->setObjectName(u"toggleError"_s);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setInformativeText(ErrorPanel::describe(done->error()));
            box->open();
        }
        flowFinished(!done->error());
    });
}

void KeyListPage::deleteKey()
{
    const ApiKey *key = currentKey();
    if (!key || m_flowOpen)
        return;
    auto *flow = new DeleteKeyFlow(m_service, m_tools, *key, this);
    connect(flow, &DeleteKeyFlow::finished, this, &KeyListPage::flowFinished);
    m_flowOpen = true;
    updateActions();
    flow->start();
}

void KeyListPage::flowFinished(bool changed)
{
    m_flowOpen = false;
    updateActions();
    if (changed)
        refresh();
}

// Column widths, order and the sort column per service: the same columns on every profile of
// a service (no secrets, only the header's layout).
void KeyListPage::restoreHeader()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QSettings settings;
    const QByteArray state
        = settings.value(u"keyList/%1/header"_s.arg(serviceId(m_service->kind()))).toByteArray();
    m_headerRestored = !state.isEmpty() && header->restoreState(state);
    if (!m_headerRestored)
        header->setSortIndicator(KeyTableModel::NameColumn, Qt::AscendingOrder);
    const QList<KeyTableModel::Column> shown = KeyTableModel::columnsFor(m_service->capabilities());
    for (int column = 0; column < KeyTableModel::ColumnCount; ++column)
        header->setSectionHidden(column,
                                 !shown.contains(static_cast<KeyTableModel::Column>(column)));
    m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void KeyListPage::saveHeader() const
{
    QSettings settings;
    settings.setValue(u"keyList/%1/header"_s.arg(serviceId(m_service->kind())),
                      m_table->horizontalHeader()->saveState());
}

} // namespace keydesk
