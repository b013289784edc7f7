#pragma once

#include <QEventLoop>
#include <QString>
#include <QTimer>

// The bench is a script of steps, one after another, like a test: each step starts its
// asynchronous work and waits here, in the event loop, until it calls finish() or times out.
class StepLoop
{
public:
    // True when finish() came before the timeout.
    bool run(int timeoutMs)
    {
        if (m_finished)
            return true;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
        m_loop.exec();
        return m_finished;
    }

    void finish()
    {
        m_finished = true;
        m_loop.quit();
    }

    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
        finish();
    }

    QString error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

private:
    QEventLoop m_loop;
    QString m_error;
    bool m_finished = false;
};
