#pragma once

#include "KeyPageTools.h"
#include "domain/ApiKey.h"
#include "domain/KeyError.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace keydesk {

class ErrorPanel;
class KeyActions;
class KeyFilterModel;
class KeyJob;
class KeyService;
class KeyTableModel;
class RamService;
class StaleKeptCopies;

// The keys of one profile: a sortable, filterable table with its actions (KeyActions), the
// service's limits, and the loading, empty and error states. It composes the flows (create,
// view, test, delete); what a service can do comes from its capabilities.
class KeyListPage : public QWidget
{
    Q_OBJECT

public:
    enum class State { Loading, Keys, Empty, Error };
    Q_ENUM(State)

    KeyListPage(std::unique_ptr<KeyService> service, const KeyPageTools &tools,
                QWidget *parent = nullptr);
    ~KeyListPage() override;

    KeyService *service() const { return m_service; }
    State state() const { return m_state; }
    bool isLoading() const;
    QString usageText() const;
    QTableView *table() const { return m_table; }
    KeyTableModel *keyModel() const { return m_model; }
    const ApiKey *currentKey() const; // the selected row's key, or null

    // Actions by name, for the window's menus and for tests: "create", "view", "copyId",
    // "test", "toggleEnabled", "delete", "refresh", "filter", "inventory".
    QAction *action(const QString &name) const;

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void keysListed(int count);
    // The "inventory" action, on RAM profiles: the window shows the credential report.
    void inventoryRequested(keydesk::RamService *service);

private:
    QToolBar *makeToolBar();
    void makeFilter();
    QWidget *makeKeysPage();
    void listed(KeyJob *job);
    void showState(State state);
    static bool isOffline();
    void watchReachability();
    void updateActions();
    void createKey();
    void viewKey();
    void copyKeyId();
    void testKey();
    void toggleEnabled();
    void deleteKey();
    void flowFinished(bool changed);
    void restoreHeader();
    void saveHeader() const;

    KeyService *m_service; // owned (a child)
    KeyPageTools m_tools;
    State m_state = State::Loading;
    QPointer<KeyJob> m_listJob;
    ServiceUsage m_usage;
    QString m_blockedReason;
    bool m_flowOpen = false;
    bool m_unreachable = false; // the last list failed on the network (or its timeout)
    bool m_watchingReachability = false;
    bool m_headerRestored = false; // widths remembered from an earlier run
    bool m_columnsSized = false;

    KeyTableModel *m_model;
    KeyFilterModel *m_proxy;
    KeyActions *m_actions = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_usageLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    ErrorPanel *m_error = nullptr;
    StaleKeptCopies *m_stale = nullptr;
};

} // namespace keydesk
