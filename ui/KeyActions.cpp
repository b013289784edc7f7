#include "KeyActions.h"

#include "Icons.h"
#include "PlainText.h"
#include "domain/ApiKey.h"
#include "services/KeyService.h"

#include <QAction>
#include <QMenu>
#include <QRegularExpression>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
const QStringList rowActions {u"view"_s, u"copyId"_s, u"test"_s, u"toggleEnabled"_s, u"delete"_s};
} // namespace

KeyActions::KeyActions(const ServiceCapabilities &capabilities, bool offersReport, QWidget *page)
    : QObject(page)
    , m_page(page)
    , m_toolBar(new QToolBar(page))
{
    m_toolBar->setObjectName(u"keyActions"_s);
    m_toolBar->setAccessibleName(tr("Key actions"));
    // Text beside each icon: no action is known by its picture alone.
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addToolAction(u"create"_s, tr("&Create…"), QKeySequence(Qt::CTRL | Qt::Key_N));
    addToolAction(u"view"_s, tr("&View…"), Qt::Key_Return);
    addToolAction(u"copyId"_s, tr("Copy &ID"), {});
    addToolAction(u"test"_s, tr("&Test…"), {});
    addToolAction(u"toggleEnabled"_s, tr("&Disable"), {})->setVisible(capabilities.canDisable);
    addToolAction(u"delete"_s, tr("De&lete…"), QKeySequence(Qt::Key_Delete));
    addToolAction(u"refresh"_s, tr("&Refresh"), QKeySequence(Qt::Key_F5));
    // The account's credential report: every AccessKey of the root account and its users. A
    // page's action, not a key's: beside the filter, where a narrow window does not push it
    // into the toolbar's overflow menu.
    auto *report = new QAction(this);
    report->setObjectName(u"inventory"_s);
    setToolText(report, tr("AccessKey &report…"));
    report->setToolTip(tr("Every AccessKey of the account and its RAM users, flagged when old, "
                          "unused or inactive"));
    m_reportButton = new QToolButton(page);
    m_reportButton->setObjectName(u"inventoryButton"_s);
    m_reportButton->setDefaultAction(report);
    m_reportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reportButton->setAutoRaise(true);
    m_reportButton->setVisible(offersReport);
    report->setVisible(offersReport);
    applyIcons();
}

QAction *KeyActions::action(const QString &name) const
{
    QAction *onToolBar = m_toolBar->findChild<QAction *>(name);
    return onToolBar ? onToolBar : findChild<QAction *>(name);
}

QString KeyActions::withoutAccelerator(const QString &text)
{
    // Written "&Refresh" in English and "刷新(&R)" in Chinese; "&&" is a literal "&".
    static const QRegularExpression accelerator(uR"(\(&[^&]\)|&(?=[^&]))"_s);
    return QString(text).remove(accelerator).replace(u"&&"_s, u"&"_s);
}

void KeyActions::setToolText(QAction *action, const QString &text)
{
    action->setText(text); // the context menu's, with its accelerator
    // The tool button's: QAction would drop the "&" alone and leave "刷新(R)".
    action->setIconText(withoutAccelerator(text));
}

QAction *KeyActions::addToolAction(const QString &name, const QString &text,
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

void KeyActions::attachTo(QTableView *table)
{
    m_table = table;
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &KeyActions::showRowMenu);
    // Enter and Del act on the table only, so that they keep their meaning in the filter field.
    for (const QString &name : {u"view"_s, u"delete"_s}) {
        QAction *rowAction = action(name);
        rowAction->setShortcutContext(Qt::WidgetShortcut);
        m_table->addAction(rowAction);
    }
}

void KeyActions::applyIcons()
{
    const QList<std::pair<QString, QString>> icons {
        {u"create"_s, u"create"_s},   {u"view"_s, u"view"_s},     {u"copyId"_s, u"copy-id"_s},
        {u"test"_s, u"test"_s},       {u"delete"_s, u"delete"_s}, {u"refresh"_s, u"refresh"_s},
        {u"inventory"_s, u"report"_s}};
    for (const auto &[actionName, iconName] : icons)
        action(actionName)->setIcon(themedIcon(iconName, m_page->palette()));
    // "toggleEnabled" shows Enable or Disable by the selected key: update() draws it.
}

void KeyActions::update(const ApiKey *selected, bool keysListed, bool flowOpen,
                        const QString &createBlockedReason)
{
    for (const QString &name : rowActions)
        action(name)->setEnabled(selected && !flowOpen);
    QAction *toggle = action(u"toggleEnabled"_s);
    const bool inactive = selected && selected->status == KeyStatus::Inactive;
    setToolText(toggle, inactive ? tr("&Enable") : tr("&Disable"));
    toggle->setIcon(themedIcon(inactive ? u"enable"_s : u"disable"_s, m_page->palette()));
    toggle->setEnabled(
        selected && !flowOpen
        && (selected->status == KeyStatus::Active || selected->status == KeyStatus::Inactive));
    QAction *create = action(u"create"_s);
    create->setEnabled(keysListed && createBlockedReason.isEmpty() && !flowOpen);
    create->setToolTip(
        !createBlockedReason.isEmpty()
            ? plainToolTip(createBlockedReason)
            : tr("Create a key (%1)").arg(create->shortcut().toString(QKeySequence::NativeText)));
}

void KeyActions::showRowMenu(const QPoint &position)
{
    if (!m_table->indexAt(position).isValid())
        return;
    auto *menu = new QMenu(m_page);
    menu->setObjectName(u"rowMenu"_s);
    menu->setAccessibleName(tr("Key actions"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const QString &name : rowActions) {
        if (action(name)->isVisible())
            menu->addAction(action(name));
    }
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

} // namespace keydesk
