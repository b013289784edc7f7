#pragma once

#include "PassphraseJob.h"

#include <QByteArrayView>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

// The console's own passphrase for local verification (DESIGN.md §6): set on first use, kept
// only as an Argon2id verifier in the keychain (service "KeyDesk", key "consolePassphrase"),
// never as the passphrase. Wrong attempts earn growing delays: none after the first, then
// 1, 2, 4, 8, 16 s and 30 s from then on. An attempt during a delay is refused at once with
// the time left; nothing sleeps or blocks. One check or change runs at a time.
//
// The count of wrong attempts lives in this object (the console keeps one for its whole run and
// passes it to whoever asks for the passphrase) and, so that it survives a restart, in the
// keychain next to the verifier (key "consolePassphraseAttempts": the count and the wall-clock
// time of the last failure, no secret). An attempt is counted there before Argon2id runs, so
// killing the console during a check does not make the guess free; the right passphrase
// clears it. The stored count is read once, before the first check of the run.
class ConsolePassphrase : public QObject
{
    Q_OBJECT

public:
    // A monotonic clock; tests inject their own so that no test sleeps.
    using Clock = std::function<std::chrono::milliseconds()>;

    static constexpr std::chrono::seconds maximumDelay {30};

    explicit ConsolePassphrase(QObject *parent = nullptr);
    ~ConsolePassphrase() override;

    static QString serviceName(); // "KeyDesk"
    static QString keyName(); // "consolePassphrase"
    static QString attemptsKeyName(); // "consolePassphraseAttempts"
    static std::chrono::seconds delayAfterFailures(int failures);

    void setClock(Clock clock);
    int failedAttempts() const { return m_failures; }
    std::chrono::milliseconds retryAfter() const; // 0: an attempt may be made now

    // Jobs not started yet: connect PassphraseJob::finished, then start().
    PassphraseJob *checkIsSet();
    PassphraseJob *setInitial(QByteArrayView passphrase);
    PassphraseJob *verify(QByteArrayView passphrase);
    PassphraseJob *change(QByteArrayView oldPassphrase, QByteArrayView newPassphrase);

private:
    friend class PassphraseJob;

    std::chrono::milliseconds now() const { return m_clock(); }
    bool claim(PassphraseJob *job);
    void release(PassphraseJob *job);
    void recordFailure();
    void recordSuccess();
    // The stored count: "<failures> <ms since the epoch of the last failure>".
    static QByteArray attemptsRecord(int failures);
    void restore(const QByteArray &record); // once per run; a malformed record counts as none
    bool isRestored() const { return m_restored; }
    void markRestored() { m_restored = true; }

    Clock m_clock;
    int m_failures = 0;
    std::chrono::milliseconds m_earliestAttempt {0};
    bool m_restored = false;
    QPointer<PassphraseJob> m_running;
};
