#pragma once

#include <QString>

namespace keydesk {

// What a person may change about how the console handles secrets, kept in QSettings under
// "security/" (no secret in it). Each value is bounded, so that a hand-edited settings file
// can shorten or lengthen a safeguard but never turn it off. The console's language is kept
// under "console/".
namespace ConsoleSettings {

inline constexpr int defaultViewingSeconds = 60;
inline constexpr int minimumViewingSeconds = 10;
inline constexpr int maximumViewingSeconds = 600;
inline constexpr int defaultClipboardSeconds = 30;
inline constexpr int minimumClipboardSeconds = 5;
inline constexpr int maximumClipboardSeconds = 600;
inline constexpr int defaultLockIdleMinutes = 10;
inline constexpr int minimumLockIdleMinutes = 1;
inline constexpr int maximumLockIdleMinutes = 240;

// How long a viewing session shows a key's value.
int viewingSeconds();
void setViewingSeconds(int seconds);
// How long a copied value stays on the clipboard.
int clipboardSeconds();
void setClipboardSeconds(int seconds);
// How long the console may go without input before it locks (ConsoleLock).
int lockIdleMinutes();
void setLockIdleMinutes(int minutes);
// The console's language, one of consoleLanguages() (ConsoleTranslations.h), or empty to follow
// the system's; a value the console does not speak reads as empty. Used at the next start.
QString language();
void setLanguage(const QString &language);

} // namespace ConsoleSettings

} // namespace keydesk
