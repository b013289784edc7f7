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
// The count of wrong attempts lives in this object: the console keeps one for its whole run
// and passes it to whoever asks for the passphrase.
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

    Clock m_clock;
    int m_failures = 0;
    std::chrono::milliseconds m_earliestAttempt {0};
    QPointer<PassphraseJob> m_running;
};
