#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>

class QTcpSocket;

// How an answer ends its connection: kept open for the next request, closed after it, or reset.
enum class Ending { KeepOpen, Close, Reset };

// The answers of one connection, written in the order of its requests even when one is held
// back by a fault's delay. A child of its socket: when the client goes away during a delay, the
// socket is deleted and the pending answers (and their timers) with it.
class ConnectionOutput : public QObject
{
    Q_OBJECT

public:
    static ConnectionOutput *of(QTcpSocket *socket);

    void push(QByteArray bytes, Ending ending, int delayMs);
    // True when no answer is waiting to be written (nothing held back by a delay).
    bool isIdle() const { return m_entries.empty(); }

private:
    struct Entry
    {
        quint64 id;
        QByteArray bytes;
        Ending ending;
        bool ready;
    };

    explicit ConnectionOutput(QTcpSocket *socket);
    void flush();
    // A TCP RST instead of an orderly close, as a crashed server or a middlebox gives.
    void reset();

    QTcpSocket *m_socket; // the parent
    std::deque<Entry> m_entries;
    quint64 m_lastId = 0;
};
