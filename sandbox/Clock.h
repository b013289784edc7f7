#pragma once

#include <QDateTime>

// The sandbox's time: the system clock plus an offset that tests may move forward
// (admin API), so day limits, lockouts and expiry can be tested without waiting.
class Clock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }
    qint64 nowSeconds() const { return now().toSecsSinceEpoch(); }
    qint64 offsetSeconds() const { return m_offsetSeconds; }
    void advance(qint64 seconds) { m_offsetSeconds += seconds; }

private:
    qint64 m_offsetSeconds = 0;
};
