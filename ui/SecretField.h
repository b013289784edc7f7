#pragma once

class QLineEdit;

namespace keydesk {

// Empties a line edit that held a secret: its text is zeroed in place first (text() shares the
// widget's buffer), and set anew rather than cleared, which would keep the removed characters
// in the field's undo history for Ctrl+Z to bring back. Signals are the caller's to block.
void wipeLineEdit(QLineEdit *field);

} // namespace keydesk
