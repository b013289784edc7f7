#include "SingleInstance.h"

#include "Logging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr QByteArrayView kRequest = "activate";
constexpr QByteArrayView kAnswer = "activated";
constexpr qint64 kMaxLine = 64; // a request or an answer, newline included
constexpr int kIdleLimit = 5000; // a connection that sends no request in time is dropped

// The first line on the socket, bounded; callers check canReadLine() first.
QByteArray firstLine(QLocalSocket &socket)
{
    return socket.readLine(kMaxLine).trimmed();
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
{
    const QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtimeDir.isEmpty())
        return;
    const QByteArray hash
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = QDir(runtimeDir).filePath(u"keydesk-"_s + QString::fromLatin1(hash));
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::settingsKey()
{
    return QSettings().fileName();
}

SingleInstance::Outcome SingleInstance::start()
{
    if (m_path.isEmpty()) {
        m_error = tr("There is no runtime directory for the socket that keeps KeyDesk to one "
                     "window.");
        return Outcome::Unguarded;
    }
    // Two starts at once take turns: QLocalServer::listen() with access options replaces an
    // existing socket (it renames its own into place), so asking and listening must not
    // interleave. A lock left by a crashed start is stale at once (its process is gone).
    QLockFile lock(m_path + u".lock"_s);
    if (!lock.tryLock(2 * m_answerTimeout + 1000))
        qCWarning(lcCore) << "single instance: proceeding without the start lock" << lock.error();
    if (askRunning())
        return Outcome::OtherActivated;
    // Nobody answered: whatever is at the path is left from a crash (or hangs); take its place.
    QLocalServer::removeServer(m_path);
    if (listen())
        return Outcome::Listening;
    // Only without the lock can another start have won in between: ask once more.
    if (askRunning())
        return Outcome::OtherActivated;
    return Outcome::Unguarded;
}

bool SingleInstance::askRunning() const
{
    QLocalSocket socket;
    const QDeadlineTimer deadline(m_answerTimeout);
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    socket.write(kRequest.toByteArray() + '\n');
    while (!socket.canReadLine()) {
        if (socket.bytesAvailable() >= kMaxLine || deadline.hasExpired()
            || !socket.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    return firstLine(socket) == kAnswer;
}

bool SingleInstance::listen()
{
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        m_error = tr("Cannot listen on %1: %2").arg(m_path, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setReadBufferSize(kMaxLine * 4);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kIdleLimit, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

// One request per connection; anything but a short "activate" line closes it unanswered.
void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() >= kMaxLine) {
            socket->abort();
            socket->deleteLater();
        }
        return;
    }
    const bool activate = firstLine(*socket) == kRequest;
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    if (!activate) {
        qCDebug(lcCore) << "single instance: an unknown request was ignored";
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->write(kAnswer.toByteArray() + '\n');
    socket->disconnectFromServer(); // after the answer is written
    Q_EMIT activationRequested();
}

} // namespace keydesk
