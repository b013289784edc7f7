#include "RevealSession.h"

#include "vault/SecretBytes.h"

#include <QTimer>

#include <algorithm>

namespace keydesk {

RevealSession::RevealSession(QByteArrayView value, int seconds, QObject *parent)
    : QObject(parent)
    , m_value(detachedSecretCopy(value))
    , m_timer(new QTimer(this))
    , m_lengthSeconds(std::max(1, seconds))
    , m_remaining(m_lengthSeconds)
{
    // A precise timer: a coarse one may fire up to 5 % late, which adds up over a minute.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RevealSession::tick);
    m_timer->start();
}

RevealSession::~RevealSession()
{
    wipeSecret(m_value);
}

void RevealSession::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_timer->stop();
    m_remaining = 0;
    wipeSecret(m_value);
    Q_EMIT ended();
}

void RevealSession::tick()
{
    m_remaining = std::max(0, m_remaining - 1);
    Q_EMIT remainingChanged(m_remaining);
    if (m_remaining == 0)
        end();
}

} // namespace keydesk
