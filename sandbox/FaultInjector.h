#pragma once

#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

#include <optional>

enum class FaultKind {
    Latency,
    Status,
    Throttle,
    AcsThrottle,
    Reset,
    Truncate,
    RichTextMessage, // an error whose message is HTML with a link (kRichTextMessage)
    // A hostile or broken server (docs/sandbox-api.md, fault injection):
    EndlessBody, // a 200 whose body never ends (streamEndlessBody)
    RepeatMarker, // an empty page that is never the last, with the same Marker / nextToken
    BasicChallenge, // a 401 that asks for HTTP Basic, the secret in clear text
    HugePage, // a ListUsers page of `items` users
};

// What a "richTextMessage" fault answers as the error's message: a hostile server's markup,
// which the console must show as literal text, never as a link.
inline constexpr char16_t kRichTextMessage[]
    = u"<a href=\"https://evil.example\">click</a><b>bold</b>";

// What the HTTP front does to one request when a rule fires (docs/sandbox-api.md, fault injection).
struct FaultPlan
{
    FaultKind kind = FaultKind::Latency;
    bool handleFirst = false; // the request is handled (state changes) before the fault
    int delayMs = 0; // the answer (or reset) is held this long
    qint64 truncateBytes = -1; // body bytes sent by "truncate"; -1: half the body
    bool announceLength = false; // endlessBody: with a Content-Length of 1 TiB, else none
    HttpReply answer; // when hasOwnAnswer()

    // Status, throttle, acsThrottle, and truncate before handling (which cuts the gateway's 503)
    // answer for themselves; the other faults act on the handler's answer.
    bool hasOwnAnswer() const;
};

class QTcpSocket;

// endlessBody (HostileFaults.cpp, with the other faults of a hostile server): writes a 200's head
// on the socket and then body bytes for as long as the client reads them (a few hundred KiB ahead
// at most), until it closes the connection (or 64 GiB).
void streamEndlessBody(QTcpSocket *socket, bool announceLength, int delayMs);

// Test-defined faults for the console's retry and timeout tests: rules set through the admin
// hook `/_sandbox/faults` (or --fault-latency-ms) decide, request by request, whether the answer
// is delayed, replaced by an error or throttling answer, reset or cut short. Deterministic:
// count, every-Nth and seeded probability only.
class FaultInjector
{
public:
    // Replaces every rule by the JSON array `rules`; on error returns a message and changes
    // nothing.
    QString setRules(const QJsonValue &rules);
    void clear() { m_rules.clear(); }
    // {"rules": [each rule as given, plus "matched" and "fired"]}
    QJsonObject state() const;

    // The fault for this request, if a rule fires; counts it. Admin paths are never faulted.
    std::optional<FaultPlan> decide(const HttpRequest &request);

    static bool isAdminPath(const QByteArray &path) { return path.startsWith("/_sandbox/"); }

private:
    struct Rule
    {
        QJsonObject source;
        QByteArray pathPrefix;
        QString action;
        QByteArray method;
        FaultPlan plan;
        int status = 0;
        QString code;
        QString message;
        std::optional<QJsonObject> body;
        qint64 retryAfter = -1; // seconds (Retry-After) or ms (x-acs-retry-after)
        qint64 items = 200000; // hugePage
        bool freshMarkers = false; // repeatMarker: a marker never given before on every page
        qint64 count = -1; // -1: unlimited
        qint64 every = 1;
        double probability = 1.0;
        QRandomGenerator random;
        qint64 matched = 0;
        qint64 fired = 0;
    };

    static std::optional<Rule> parseRule(const QJsonObject &object, QString &error);
    static bool parseMatch(const QJsonValue &value, Rule &rule, QString &error);
    static bool parseAnswer(const QJsonObject &object, Rule &rule, QString &error);
    static bool matches(const Rule &rule, const HttpRequest &request);
    static HttpReply answerOf(const Rule &rule, const HttpRequest &request);
    static bool parseHostile(const QJsonObject &object, Rule &rule, QString &error);
    static HttpReply hostileAnswerOf(const Rule &rule, const HttpRequest &request);

    QList<Rule> m_rules;
};
