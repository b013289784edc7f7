#pragma once

#include <QString>

class QLabel;
class QMessageBox;

namespace keydesk {

// Texts that come from a server, a file or a person are shown as they are: never as rich text,
// never with a link to click (a hostile server's `<a href>` stays the literal text).

// Plain text, no link opened, for a label.
void showPlain(QLabel *label);
// The same for a message box's text and informative text (QMessageBox opens links and guesses
// rich text by default): call it after the texts are set.
void showPlain(QMessageBox *box);
// A tooltip that shows text literally (Qt guesses rich text in tooltips too).
QString plainToolTip(const QString &text);

} // namespace keydesk
