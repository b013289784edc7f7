#pragma once

#include "domain/Profile.h"
#include "net/HttpClient.h"

#include <QObject>

#include <deque>

// Fills the benchmark's account through the RAM API, as an administrator would: the users
// first, then the AccessKeys of each, with several calls in flight. The keys' secrets are
// dropped as they come.
class Seeder : public QObject
{
    Q_OBJECT

public:
    Seeder(const keydesk::Profile &profile, const QByteArray &secret, keydesk::HttpClient *client,
           QObject *parent = nullptr);
    ~Seeder() override;

    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }
    // Users "<prefix>0001" … with keysPerUser AccessKeys each.
    void start(const QString &prefix, int users, int keysPerUser);

    QString error() const { return m_error; }
    int callsMade() const { return m_done; }

Q_SIGNALS:
    void finished();

private:
    struct Call
    {
        QString action;
        QString userName;
    };

    void pump();
    void answered(keydesk::HttpJob *job, const Call &call);

    keydesk::Profile m_profile;
    QByteArray m_secret;
    keydesk::HttpClient *m_client;
    int m_maxInFlight = 16;
    int m_inFlight = 0;
    int m_keysPerUser = 0;
    int m_done = 0;
    std::deque<Call> m_queue;
    QString m_error;
    bool m_finished = false;
};
