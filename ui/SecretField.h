#pragma once

#include <QObject>

#include <functional>

class QLineEdit;

namespace keydesk {

// Empties a line edit that held a secret: its text is zeroed in place first (text() shares the
// widget's buffer), and set anew rather than cleared, which would keep the removed characters
// in the field's undo history for Ctrl+Z to bring back. Signals are the caller's to block.
void wipeLineEdit(QLineEdit *field);

// Keeps a read-only line edit that shows a secret from handing it over around the
// ClipboardGuard. Its own copy paths are closed: no text can be selected (by mouse, keyboard,
// focus or double-click), so nothing is dragged and the X11 selection (PRIMARY) never receives
// it; Ctrl+C (and Cut) and the context menu's only entry, Copy, call copy, which goes through
// the guard. The field keeps its focus for screen readers. Installed on the field, a child of it.
class SecretFieldGuard : public QObject
{
    Q_OBJECT

public:
    SecretFieldGuard(QLineEdit *field, std::function<void()> copy);

    // Whether the context menu's Copy is offered (e.g. not once the value is gone).
    void setCopyEnabled(bool enabled) { m_copyEnabled = enabled; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMenu(const QPoint &globalPosition);

    QLineEdit *m_field;
    std::function<void()> m_copy;
    bool m_copyEnabled = true;
};

} // namespace keydesk
