#pragma once

#include <QObject>

class QAction;
class QKeySequence;
class QPoint;
class QTableView;
class QToolBar;
class QToolButton;
class QWidget;

namespace keydesk {

struct ApiKey;
struct ServiceCapabilities;

// The actions of a key list page: its toolbar, the AccessKey-report button beside the filter,
// the row's context menu, and which of them the selected key and the service allow. The page
// runs what they trigger; the widgets are the page's children.
class KeyActions : public QObject
{
    Q_OBJECT

public:
    // offersReport: the service lists the account's AccessKeys (RAM), so "inventory" is shown.
    KeyActions(const ServiceCapabilities &capabilities, bool offersReport, QWidget *page);

    QToolBar *toolBar() const { return m_toolBar; }
    QToolButton *reportButton() const { return m_reportButton; }
    // "create", "view", "copyId", "test", "toggleEnabled", "delete", "refresh", "inventory".
    QAction *action(const QString &name) const;
    // An action's text as a tool button shows it: "&Create…" and "创建(&C)…" without the
    // accelerator ("Create…", "创建…").
    static QString withoutAccelerator(const QString &text);

    // The row actions' shortcuts, and the context menu, on the table of keys.
    void attachTo(QTableView *table);
    void applyIcons(); // in the page's palette's colours, again when it changes
    // selected: the selected listed key or null; keysListed: the list (maybe empty) is shown;
    // createBlockedReason: why no key can be created now, empty when one can.
    void update(const ApiKey *selected, bool keysListed, bool flowOpen,
                const QString &createBlockedReason);

private:
    QAction *addToolAction(const QString &name, const QString &text, const QKeySequence &shortcut);
    static void setToolText(QAction *action, const QString &text);
    void showRowMenu(const QPoint &position);

    QWidget *m_page;
    QToolBar *m_toolBar;
    QToolButton *m_reportButton = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace keydesk
