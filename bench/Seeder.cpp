#include "Seeder.h"

#include "net/AcsRequest.h"
#include "services/RamCallQueue.h"

using namespace Qt::StringLiterals;
using namespace keydesk;

Seeder::Seeder(const Profile &profile, const QByteArray &secret, HttpClient *client,
               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secret(secret)
    , m_client(client)
{ }

Seeder::~Seeder()
{
    m_secret.fill('\0');
}

void Seeder::start(const QString &prefix, int users, int keysPerUser)
{
    m_keysPerUser = keysPerUser;
    for (int i = 1; i <= users; ++i)
        m_queue.push_back({u"CreateUser"_s, prefix + u"%1"_s.arg(i, 4, 10, QChar(u'0'))});
    pump();
}

void Seeder::pump()
{
    while (m_error.isEmpty() && m_inFlight < m_maxInFlight && !m_queue.empty()) {
        const Call call = m_queue.front();
        m_queue.pop_front();
        // Writes: never retried, so nothing is made twice.
        HttpJob *job
            = m_client->send(acsRpcRequest(m_profile, m_secret, ramVersion(), call.action,
                                           {qMakePair(u"UserName"_s, call.userName)}, false));
        ++m_inFlight;
        connect(job, &HttpJob::finished, this,
                [this, call](HttpJob *finished) { answered(finished, call); });
    }
    if (!m_finished && m_inFlight == 0 && (m_queue.empty() || !m_error.isEmpty())) {
        m_finished = true;
        Q_EMIT finished();
    }
}

void Seeder::answered(HttpJob *job, const Call &call)
{
    --m_inFlight;
    ++m_done;
    QJsonObject answer;
    if (const KeyError error = acsAnswer(*job, answer); error && m_error.isEmpty())
        m_error = call.action + u" "_s + call.userName + u": "_s + error.summary();
    // A user's keys go after the users still queued: the user exists by then.
    if (call.action == u"CreateUser"_s) {
        for (int i = 0; i < m_keysPerUser; ++i)
            m_queue.push_back({u"CreateAccessKey"_s, call.userName});
    }
    pump();
}
