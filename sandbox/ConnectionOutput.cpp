#include "ConnectionOutput.h"

#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

ConnectionOutput *ConnectionOutput::of(QTcpSocket *socket)
{
    auto *output = socket->findChild<ConnectionOutput *>(QString(), Qt::FindDirectChildrenOnly);
    return output ? output : new ConnectionOutput(socket);
}

ConnectionOutput::ConnectionOutput(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{ }

void ConnectionOutput::push(QByteArray bytes, Ending ending, int delayMs)
{
    const quint64 id = ++m_lastId;
    m_entries.push_back({id, std::move(bytes), ending, delayMs <= 0});
    if (delayMs <= 0) {
        flush();
        return;
    }
    QTimer::singleShot(delayMs, this, [this, id] {
        for (Entry &entry : m_entries) {
            if (entry.id == id)
                entry.ready = true;
        }
        flush();
    });
}

void ConnectionOutput::flush()
{
    while (!m_entries.empty() && m_entries.front().ready) {
        const Entry entry = std::move(m_entries.front());
        m_entries.pop_front();
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_entries.clear(); // the client left: drop silently
            return;
        }
        if (entry.ending == Ending::Reset) {
            reset();
            return;
        }
        m_socket->write(entry.bytes);
        if (entry.ending == Ending::Close) {
            m_entries.clear();
            m_socket->disconnectFromHost();
            return;
        }
    }
}

void ConnectionOutput::reset()
{
    m_entries.clear();
#ifdef Q_OS_UNIX
    const linger hard {1, 0};
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                 sizeof hard);
#endif
    m_socket->abort();
}
