#include "FaultInjector.h"

#include "ApiCall.h"

#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxDelayMs = 600000;
constexpr qsizetype kMaxRules = 100;

struct KindInfo
{
    QString name;
    FaultKind kind;
    QStringList fields; // besides the fields every rule has
};

const QList<KindInfo> &kinds()
{
    static const QList<KindInfo> list {
        {u"latency"_s, FaultKind::Latency, {}},
        {u"status"_s,
         FaultKind::Status,
         {u"when"_s, u"status"_s, u"code"_s, u"message"_s, u"body"_s, u"retryAfterSeconds"_s}},
        {u"throttle"_s,
         FaultKind::Throttle,
         {u"when"_s, u"code"_s, u"message"_s, u"body"_s, u"retryAfterSeconds"_s}},
        {u"acsThrottle"_s,
         FaultKind::AcsThrottle,
         {u"when"_s, u"status"_s, u"code"_s, u"message"_s, u"body"_s, u"retryAfterMs"_s}},
        {u"reset"_s, FaultKind::Reset, {u"when"_s}},
        {u"truncate"_s, FaultKind::Truncate, {u"when"_s, u"bytes"_s}},
        {u"richTextMessage"_s, FaultKind::RichTextMessage, {u"when"_s, u"status"_s, u"code"_s}},
        {u"endlessBody"_s, FaultKind::EndlessBody, {u"announceLength"_s}},
        {u"repeatMarker"_s, FaultKind::RepeatMarker, {u"fresh"_s}},
        {u"basicChallenge"_s, FaultKind::BasicChallenge, {}},
        {u"hugePage"_s, FaultKind::HugePage, {u"items"_s}},
    };
    return list;
}

// Reads an optional integer field; false (with the message) when present but not an integer
// in [min, max].
bool readInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max, qint64 &out,
                 QString &error)
{
    if (!object.contains(key))
        return true;
    const QJsonValue value = object.value(key);
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || number < static_cast<double>(min)
        || number > static_cast<double>(max)) {
        error = u"\"%1\" must be an integer from %2 to %3"_s.arg(key).arg(min).arg(max);
        return false;
    }
    out = static_cast<qint64>(number);
    return true;
}

bool readString(const QJsonObject &object, const QString &key, QString &out, QString &error)
{
    if (!object.contains(key))
        return true;
    const QJsonValue value = object.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        error = u"\"%1\" must be a non-empty string"_s.arg(key);
        return false;
    }
    out = value.toString();
    return true;
}

QString actionOf(const HttpRequest &request)
{
    if (const QByteArray header = request.header("x-acs-action"); !header.isEmpty())
        return QString::fromLatin1(header);
    if (request.hasQuery(u"Action"_s))
        return request.queryValue(u"Action"_s);
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return QUrlQuery(QString::fromUtf8(request.body))
            .queryItemValue(u"Action"_s, QUrl::FullyDecoded);
    return {};
}

} // namespace

bool FaultPlan::hasOwnAnswer() const
{
    switch (kind) {
    case FaultKind::Status:
    case FaultKind::Throttle:
    case FaultKind::AcsThrottle:
    case FaultKind::RichTextMessage:
        return true;
    case FaultKind::Truncate:
        return !handleFirst;
    case FaultKind::BasicChallenge:
    case FaultKind::HugePage:
    case FaultKind::RepeatMarker:
        return true;
    case FaultKind::Latency:
    case FaultKind::Reset:
    case FaultKind::EndlessBody:
        break;
    }
    return false;
}

QString FaultInjector::setRules(const QJsonValue &rules)
{
    if (!rules.isArray())
        return u"\"rules\" must be an array of fault rules"_s;
    const QJsonArray array = rules.toArray();
    if (array.size() > kMaxRules)
        return u"at most %1 rules"_s.arg(kMaxRules);
    QList<Rule> parsed;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString error;
        const QJsonValue value = array.at(i);
        std::optional<Rule> rule;
        if (!value.isObject())
            error = u"must be an object"_s;
        else
            rule = parseRule(value.toObject(), error);
        if (!rule)
            return u"rules[%1]: %2"_s.arg(i).arg(error);
        parsed.append(std::move(*rule));
    }
    m_rules = std::move(parsed);
    return {};
}

std::optional<FaultInjector::Rule> FaultInjector::parseRule(const QJsonObject &object,
                                                            QString &error)
{
    const QString kindName = object.value(u"fault"_s).toString();
    const auto info = std::find_if(kinds().cbegin(), kinds().cend(),
                                   [&](const KindInfo &k) { return k.name == kindName; });
    if (info == kinds().cend()) {
        error
            = u"\"fault\" must be one of latency, status, throttle, acsThrottle, reset,"
              u" truncate, richTextMessage, endlessBody, repeatMarker, basicChallenge, hugePage"_s;
        return std::nullopt;
    }
    // "matched" and "fired" are what GET adds: a rule read back can be posted again.
    static const QStringList common {u"match"_s, u"fault"_s,   u"delayMs"_s,
                                     u"count"_s, u"every"_s,   u"probability"_s,
                                     u"seed"_s,  u"matched"_s, u"fired"_s};
    for (const QString &key : object.keys()) {
        if (!common.contains(key) && !info->fields.contains(key)) {
            error = u"\"%1\" is not a field of a \"%2\" fault"_s.arg(key, kindName);
            return std::nullopt;
        }
    }

    Rule rule;
    rule.source = object;
    rule.source.remove(u"matched"_s);
    rule.source.remove(u"fired"_s);
    rule.plan.kind = info->kind;
    if (!parseMatch(object.value(u"match"_s), rule, error))
        return std::nullopt;

    const QJsonValue when = object.value(u"when"_s);
    if (!when.isUndefined() && when.toString() != u"before"_s && when.toString() != u"after"_s) {
        error = u"\"when\" must be \"before\" or \"after\""_s;
        return std::nullopt;
    }
    // Latency always handles the request at once and holds its answer, like a slow network.
    rule.plan.handleFirst = info->kind == FaultKind::Latency || when.toString() == u"after"_s;

    qint64 delay = 0;
    const qint64 minDelay = info->kind == FaultKind::Latency ? 1 : 0;
    if (info->kind == FaultKind::Latency && !object.contains(u"delayMs"_s)) {
        error = u"a latency fault needs \"delayMs\""_s;
        return std::nullopt;
    }
    if (!readInteger(object, u"delayMs"_s, minDelay, kMaxDelayMs, delay, error))
        return std::nullopt;
    rule.plan.delayMs = static_cast<int>(delay);

    qint64 seed = 1;
    if (!readInteger(object, u"count"_s, 1, 1'000'000'000, rule.count, error)
        || !readInteger(object, u"every"_s, 1, 1'000'000'000, rule.every, error)
        || !readInteger(object, u"seed"_s, 0, 4294967295LL, seed, error)
        || !readInteger(object, u"bytes"_s, 0, 1'000'000'000, rule.plan.truncateBytes, error))
        return std::nullopt;
    if (object.contains(u"probability"_s)) {
        const QJsonValue p = object.value(u"probability"_s);
        if (!p.isDouble() || p.toDouble() < 0 || p.toDouble() > 1) {
            error = u"\"probability\" must be a number from 0 to 1"_s;
            return std::nullopt;
        }
        rule.probability = p.toDouble();
    }
    rule.random.seed(static_cast<quint32>(seed));
    if (!parseAnswer(object, rule, error) || !parseHostile(object, rule, error))
        return std::nullopt;
    return rule;
}

bool FaultInjector::parseMatch(const QJsonValue &value, Rule &rule, QString &error)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject()) {
        error = u"\"match\" must be an object"_s;
        return false;
    }
    const QJsonObject match = value.toObject();
    for (const QString &key : match.keys()) {
        if (key != u"pathPrefix"_s && key != u"action"_s && key != u"method"_s) {
            error = u"\"match\" takes pathPrefix, action and method, not \"%1\""_s.arg(key);
            return false;
        }
    }
    QString prefix;
    QString method;
    if (!readString(match, u"pathPrefix"_s, prefix, error)
        || !readString(match, u"action"_s, rule.action, error)
        || !readString(match, u"method"_s, method, error))
        return false;
    if (!prefix.isEmpty() && !prefix.startsWith(u'/')) {
        error = u"\"pathPrefix\" must start with /"_s;
        return false;
    }
    rule.pathPrefix = prefix.toUtf8();
    rule.method = method.toUpper().toLatin1();
    return true;
}

bool FaultInjector::parseAnswer(const QJsonObject &object, Rule &rule, QString &error)
{
    const FaultKind kind = rule.plan.kind;
    qint64 status = kind == FaultKind::Throttle ? 429 : kind == FaultKind::AcsThrottle ? 400 : 503;
    if (kind == FaultKind::RichTextMessage)
        status = 400;
    if (kind == FaultKind::Status && !object.contains(u"status"_s)) {
        error = u"a status fault needs \"status\""_s;
        return false;
    }
    if (!readInteger(object, u"status"_s, 400, 599, status, error)
        || !readString(object, u"code"_s, rule.code, error)
        || !readString(object, u"message"_s, rule.message, error))
        return false;
    rule.status = static_cast<int>(status);
    if (object.contains(u"body"_s)) {
        if (!object.value(u"body"_s).isObject()) {
            error = u"\"body\" must be a JSON object"_s;
            return false;
        }
        if (!rule.code.isEmpty() || !rule.message.isEmpty()) {
            error = u"\"body\" is sent as given: it excludes \"code\" and \"message\""_s;
            return false;
        }
        rule.body = object.value(u"body"_s).toObject();
    }
    if (kind == FaultKind::Throttle)
        rule.retryAfter = 1;
    else if (kind == FaultKind::AcsThrottle)
        rule.retryAfter = 1000;
    return readInteger(object, u"retryAfterSeconds"_s, 0, 86400, rule.retryAfter, error)
        && readInteger(object, u"retryAfterMs"_s, 0, 86400000, rule.retryAfter, error);
}

bool FaultInjector::matches(const Rule &rule, const HttpRequest &request)
{
    return request.path.startsWith(rule.pathPrefix)
        && (rule.method.isEmpty() || request.method == rule.method)
        && (rule.action.isEmpty() || actionOf(request) == rule.action);
}

HttpReply FaultInjector::answerOf(const Rule &rule, const HttpRequest &request)
{
    // Defaults in the gateway's words (protocols.md §1.7): throttling is keyed on Code, and the
    // SDK reads x-acs-retry-after in milliseconds (openapi-core getThrottlingTimeLeft).
    QString code = rule.code;
    QString message = rule.message;
    if (rule.plan.kind == FaultKind::RichTextMessage) {
        code = code.isEmpty() ? u"InvalidParameter"_s : code;
        message = QString::fromUtf16(kRichTextMessage);
    }
    if (code.isEmpty()) {
        switch (rule.plan.kind) {
        case FaultKind::Throttle:
            code = u"Throttling"_s;
            break;
        case FaultKind::AcsThrottle:
            code = u"Throttling.User"_s;
            break;
        default:
            code = rule.status == 503 ? u"ServiceUnavailable"_s : u"InternalError"_s;
        }
    }
    if (message.isEmpty()) {
        if (code.startsWith(u"Throttling"_s))
            message = u"Request was denied due to user flow control."_s;
        else if (code == u"ServiceUnavailable"_s)
            message = u"The request has failed due to a temporary failure of the server."_s;
        else
            message = u"The request processing has failed due to some unknown error."_s;
    }
    if (rule.plan.kind == FaultKind::BasicChallenge || rule.plan.kind == FaultKind::HugePage
        || rule.plan.kind == FaultKind::RepeatMarker)
        return hostileAnswerOf(rule, request);
    const QString requestId = newRequestId();
    HttpReply reply = rule.body
        ? HttpReply::json(rule.status, *rule.body)
        : popError({rule.status, code, message, {}}, requestId, request.header("host"), {});
    reply.setHeader("x-acs-request-id", requestId.toLatin1());
    if (rule.retryAfter >= 0) {
        reply.setHeader(rule.plan.kind == FaultKind::AcsThrottle ? "x-acs-retry-after"
                                                                 : "Retry-After",
                        QByteArray::number(rule.retryAfter));
    }
    return reply;
}

std::optional<FaultPlan> FaultInjector::decide(const HttpRequest &request)
{
    if (isAdminPath(request.path))
        return std::nullopt;
    // The first rule that fires decides; the rules after it do not see the request.
    for (Rule &rule : m_rules) {
        if (!matches(rule, request))
            continue;
        ++rule.matched;
        if ((rule.count >= 0 && rule.fired >= rule.count) || rule.matched % rule.every != 0)
            continue;
        if (rule.probability < 1.0 && rule.random.generateDouble() >= rule.probability)
            continue;
        ++rule.fired;
        FaultPlan plan = rule.plan;
        if (plan.hasOwnAnswer())
            plan.answer = answerOf(rule, request);
        return plan;
    }
    return std::nullopt;
}

QJsonObject FaultInjector::state() const
{
    QJsonArray rules;
    for (const Rule &rule : m_rules) {
        QJsonObject object = rule.source;
        object.insert(u"matched"_s, rule.matched);
        object.insert(u"fired"_s, rule.fired);
        rules.append(object);
    }
    return {{u"rules"_s, rules}};
}
