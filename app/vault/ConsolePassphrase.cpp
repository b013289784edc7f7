#include "ConsolePassphrase.h"

#include <QDateTime>
#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono;

ConsolePassphrase::ConsolePassphrase(QObject *parent)
    : QObject(parent)
    , m_clock([] { return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()); })
{ }

ConsolePassphrase::~ConsolePassphrase() = default;

QString ConsolePassphrase::serviceName()
{
    // Profiles live under "KeyDesk/<profileId>", so this fixed service never meets one.
    return u"KeyDesk"_s;
}

QString ConsolePassphrase::keyName()
{
    return u"consolePassphrase"_s;
}

QString ConsolePassphrase::attemptsKeyName()
{
    return u"consolePassphraseAttempts"_s;
}

seconds ConsolePassphrase::delayAfterFailures(int failures)
{
    if (failures <= 1)
        return seconds(0); // one typo costs nothing
    const int doublings = std::min(failures - 2, 5); // 2^5 = 32 s is past the cap already
    return std::min(seconds(qint64(1) << doublings), maximumDelay);
}

void ConsolePassphrase::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

milliseconds ConsolePassphrase::retryAfter() const
{
    if (m_failures == 0)
        return milliseconds(0);
    return std::max(m_earliestAttempt - now(), milliseconds(0));
}

PassphraseJob *ConsolePassphrase::checkIsSet()
{
    return new PassphraseJob(this, PassphraseJob::Operation::CheckIsSet, {}, {});
}

PassphraseJob *ConsolePassphrase::setInitial(QByteArrayView passphrase)
{
    return new PassphraseJob(this, PassphraseJob::Operation::SetInitial, passphrase, {});
}

PassphraseJob *ConsolePassphrase::verify(QByteArrayView passphrase)
{
    return new PassphraseJob(this, PassphraseJob::Operation::Verify, passphrase, {});
}

PassphraseJob *ConsolePassphrase::change(QByteArrayView oldPassphrase, QByteArrayView newPassphrase)
{
    return new PassphraseJob(this, PassphraseJob::Operation::Change, oldPassphrase, newPassphrase);
}

bool ConsolePassphrase::claim(PassphraseJob *job)
{
    if (m_running && m_running != job)
        return false;
    m_running = job;
    return true;
}

void ConsolePassphrase::release(PassphraseJob *job)
{
    if (m_running == job)
        m_running = nullptr;
}

void ConsolePassphrase::recordFailure()
{
    ++m_failures;
    m_earliestAttempt = now() + delayAfterFailures(m_failures);
}

void ConsolePassphrase::recordSuccess()
{
    m_failures = 0;
    m_earliestAttempt = milliseconds(0);
}

QByteArray ConsolePassphrase::attemptsRecord(int failures)
{
    if (failures <= 0)
        return QByteArrayLiteral("0 0");
    return QByteArray::number(failures) + ' '
        + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
}

void ConsolePassphrase::restore(const QByteArray &record)
{
    if (m_restored)
        return;
    m_restored = true;
    const QList<QByteArray> parts = record.trimmed().split(' ');
    bool countRead = false;
    bool timeRead = false;
    const int failures = parts.size() == 2 ? parts.at(0).toInt(&countRead) : 0;
    const qint64 lastFailure = parts.size() == 2 ? parts.at(1).toLongLong(&timeRead) : 0;
    if (!countRead || !timeRead || failures <= 0)
        return;
    // What is left of the delay the last failure earned, by the wall clock (a restart resets
    // the monotonic one). A clock set back cannot make the wait longer than the delay itself.
    m_failures = std::max(m_failures, failures);
    const milliseconds delay = delayAfterFailures(m_failures);
    const milliseconds since(QDateTime::currentMSecsSinceEpoch() - lastFailure);
    const milliseconds left = std::clamp(delay - since, milliseconds(0), milliseconds(delay));
    m_earliestAttempt = std::max(m_earliestAttempt, now() + left);
}
