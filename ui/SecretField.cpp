#include "SecretField.h"

#include "vault/SecretBytes.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// The keys a line edit selects text with: eaten, so no selection ever exists.
bool selectsText(const QKeyEvent *key)
{
    static constexpr std::array selecting {
        QKeySequence::SelectAll,           QKeySequence::SelectNextChar,
        QKeySequence::SelectPreviousChar,  QKeySequence::SelectNextWord,
        QKeySequence::SelectPreviousWord,  QKeySequence::SelectStartOfLine,
        QKeySequence::SelectEndOfLine,     QKeySequence::SelectStartOfBlock,
        QKeySequence::SelectEndOfBlock,    QKeySequence::SelectStartOfDocument,
        QKeySequence::SelectEndOfDocument, QKeySequence::SelectNextLine,
        QKeySequence::SelectPreviousLine,
    };
    return std::any_of(selecting.begin(), selecting.end(),
                       [key](QKeySequence::StandardKey standard) { return key->matches(standard); })
        || (key->modifiers() & Qt::ShiftModifier);
}

bool copies(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut);
}

} // namespace

void wipeLineEdit(QLineEdit *field)
{
    if (!field)
        return;
    QString text = field->text();
    wipeSecret(text);
    field->setText(QString());
}

SecretFieldGuard::SecretFieldGuard(QLineEdit *field, std::function<void()> copy)
    : QObject(field)
    , m_field(field)
    , m_copy(std::move(copy))
{
    field->setDragEnabled(false);
    field->setContextMenuPolicy(Qt::DefaultContextMenu); // delivered here, shown by us
    field->installEventFilter(this);
    // The last line: whatever selects (a Tab focus selects all) is undone at once, before a
    // mouse release or anything else could hand the selection to the clipboard.
    connect(field, &QLineEdit::selectionChanged, this, [this] {
        if (m_field->hasSelectedText())
            m_field->deselect();
    });
}

bool SecretFieldGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_field)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
        return true; // no mouse selection, no drag, no PRIMARY
    case QEvent::ShortcutOverride: {
        if (copies(static_cast<QKeyEvent *>(event))) {
            event->accept(); // ours, not a window shortcut's
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (copies(key)) {
            if (m_copyEnabled && m_copy)
                m_copy();
            return true;
        }
        if (selectsText(key) && key->key() != Qt::Key_Backtab && key->key() != Qt::Key_Tab)
            return true;
        break;
    }
    case QEvent::ContextMenu:
        showMenu(static_cast<QContextMenuEvent *>(event)->globalPos());
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void SecretFieldGuard::showMenu(const QPoint &globalPosition)
{
    auto *menu = new QMenu(m_field);
    menu->setObjectName(u"secretFieldMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copy = menu->addAction(tr("&Copy"));
    copy->setObjectName(u"copy"_s);
    copy->setEnabled(m_copyEnabled && m_copy);
    connect(copy, &QAction::triggered, this, [this] {
        if (m_copyEnabled && m_copy)
            m_copy();
    });
    menu->popup(globalPosition);
}

} // namespace keydesk
