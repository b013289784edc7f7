#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>
#include <QStringList>

class QAbstractButton;

namespace keydesk {

// The console's icons: line drawings in resources/icons/ (SVG, stroke="currentColor"), drawn
// in the palette's text colour so they read on light and dark palettes, and rendered at the
// size and device pixel ratio asked for, so they stay sharp on HiDPI screens.

// Every name themedIcon() knows: "create", "view", "copy-id", "test", "disable", "enable",
// "delete", "refresh", "report", "add-profile", "edit", "remove", "back".
QStringList themedIconNames();

// The named icon in the palette's WindowText (its Disabled WindowText when disabled, its
// HighlightedText when selected); a null icon for an unknown name.
QIcon themedIcon(const QString &name, const QPalette &palette);

// The application's own icon (a key in fixed colours), for windows and the desktop.
QIcon appIcon();

// Gives the button the named icon in its own palette, and again each time that palette changes
// (a switch between light and dark), without the button's owner having to watch for it.
void setThemedIcon(QAbstractButton *button, const QString &name);

} // namespace keydesk
