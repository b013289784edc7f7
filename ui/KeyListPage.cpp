#include "KeyListPage.h"

#include "ClipboardGuard.h"
#include "CreateKeyFlow.h"
#include "DeleteKeyFlow.h"
#include "ErrorPanel.h"
#include "KeyActions.h"
#include "KeyFilterModel.h"
#include "KeyItemDelegate.h"
#include "KeyTableModel.h"
#include "KeyTestDialog.h"
#include "KeyUsageText.h"
#include "PlainText.h"
#include "StaleKeptCopies.h"
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
#include <QMessageBox>
#include <QNetworkInformation>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

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
    makeFilter();
    m_usageLabel = new QLabel(this);
    showPlain(m_usageLabel);
    m_usageLabel->setObjectName(u"usage"_s);
    m_usageLabel->setAccessibleName(tr("Limits"));
    m_usageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The limits on the left, the page's report and the filter on the right, under the
    // actions: the filter keeps its width however many actions the toolbar shows.
    auto *status = new QHBoxLayout;
    status->addWidget(m_usageLabel, 1);
    status->addWidget(m_actions->reportButton());
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
    m_stale = new StaleKeptCopies(m_tools.vault, m_service->profile().id, this);
    layout->addWidget(m_stale);

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
    auto *ram = qobject_cast<RamService *>(m_service);
    m_actions = new KeyActions(m_service->capabilities(), ram != nullptr, this);
    const QList<std::pair<QString, void (KeyListPage::*)()>> runs {
        {u"create"_s, &KeyListPage::createKey},
        {u"view"_s, &KeyListPage::viewKey},
        {u"copyId"_s, &KeyListPage::copyKeyId},
        {u"test"_s, &KeyListPage::testKey},
        {u"toggleEnabled"_s, &KeyListPage::toggleEnabled},
        {u"delete"_s, &KeyListPage::deleteKey},
        {u"refresh"_s, &KeyListPage::refresh}};
    for (const auto &[name, run] : runs)
        connect(m_actions->action(name), &QAction::triggered, this, run);
    connect(m_actions->action(u"inventory"_s), &QAction::triggered, this, [this, ram] {
        if (ram)
            Q_EMIT inventoryRequested(ram);
    });
    return m_actions->toolBar();
}

void KeyListPage::makeFilter()
{
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
}

void KeyListPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_table) {
        m_actions->applyIcons();
        updateActions();
    }
    QWidget::changeEvent(event);
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
    m_actions->attachTo(m_table);
    connect(m_table, &QTableView::doubleClicked, this, &KeyListPage::viewKey);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeyListPage::updateActions);
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
    m_stale->check(job->list().keys); // kept copies of keys that are gone
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
    m_actions->update(m_state == State::Keys ? currentKey() : nullptr,
                      m_state == State::Keys || m_state == State::Empty, m_flowOpen,
                      m_blockedReason);
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
    auto *dialog = new KeyTestDialog(m_service, m_tools, *key, this);
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
            showPlain(box); // the service's message
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
