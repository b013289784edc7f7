#include "Sandbox.h"

#include "protocol/Base32.h"
#include "services/DashVectorApi.h"
#include "services/MaasApi.h"
#include "services/OceanBaseApi.h"
#include "services/RamApi.h"
#include "services/TablestoreApi.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

Sandbox::Sandbox()
    : m_identity(m_store, m_clock)
    , m_authenticator(m_store, m_clock, m_identity)
    , m_mfa(m_store, m_clock, m_identity)
    , m_context {m_store, m_clock, m_identity, m_mfa}
    , m_router(m_authenticator, m_identity, m_clock)
{
    m_services.push_back(std::make_unique<RamApi>(m_context));
    m_services.push_back(std::make_unique<MaasApi>(m_context));
    m_services.push_back(std::make_unique<DashVectorApi>(m_context));
    m_services.push_back(std::make_unique<TablestoreApi>(m_context));
    m_services.push_back(std::make_unique<OceanBaseApi>(m_context));
}

Sandbox::~Sandbox() = default;

QString Sandbox::open(const SandboxOptions &options)
{
    if (QString error = m_store.open(options.dataDir); !error.isEmpty())
        return error;
    try {
        QStringList schema
            = Identity::schema() + AcsAuthenticator::schema() + MfaVerifier::schema();
        for (const auto &service : m_services)
            schema += service->schema();
        m_store.migrate(schema);
    } catch (const StoreError &error) {
        return QString::fromUtf8(error.what());
    }
    for (const auto &service : m_services)
        service->registerRoutes(m_router);
    if (options.enableAdmin)
        registerAdminRoutes();
    return {};
}

QJsonObject Sandbox::createAccount(bool withMfa)
{
    QJsonObject details;
    m_store.transaction([&] {
        const NewAccount account = m_identity.createAccount(withMfa);
        details.insert(u"accountId"_s, account.accountId);
        details.insert(u"root"_s,
                       QJsonObject {{u"accessKeyId"_s, account.rootAccessKeyId},
                                    {u"accessKeySecret"_s, account.rootAccessKeySecret}});
        if (withMfa)
            details.insert(u"mfaSecret"_s,
                           QString::fromLatin1(keydesk::protocol::base32Encode(account.mfaSecret)));
        for (const auto &service : m_services)
            service->provisionAccount(account.accountId, details);
    });
    return details;
}

QJsonObject Sandbox::ensureDemo(const QJsonObject &endpoints)
{
    QJsonObject demo = QJsonDocument::fromJson(m_store.meta(u"demo"_s).toUtf8()).object();
    if (demo.isEmpty()) {
        m_store.transaction([&] {
            demo = createAccount(true);
            const QString accountId = demo.value(u"accountId"_s).toString();
            for (const auto &service : m_services)
                service->seedDemo(accountId, demo);
            m_store.setMeta(u"demo"_s,
                            QString::fromUtf8(QJsonDocument(demo).toJson(QJsonDocument::Compact)));
        });
    }
    demo.insert(u"endpoints"_s, endpoints);
    return demo;
}

static QJsonObject readJsonBody(const HttpRequest &request, bool &ok)
{
    if (request.body.trimmed().isEmpty()) {
        ok = true;
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

static HttpReply adminError(int status, const QString &message)
{
    return HttpReply::json(status, {{u"error"_s, message}});
}

void Sandbox::registerAdminRoutes()
{
    // Test hooks, enabled by --enable-admin and answered only on loopback.
    const auto guarded = [](auto handler) {
        return [handler](const HttpRequest &request, const QString &requestId) {
            if (!request.peer.isLoopback())
                return adminError(403, u"the admin API answers only on loopback"_s);
            bool ok = false;
            const QJsonObject body = readJsonBody(request, ok);
            if (!ok)
                return adminError(400, u"the body must be a JSON object"_s);
            Q_UNUSED(requestId)
            return handler(body);
        };
    };
    m_router.addRawRoute("POST", "/_sandbox/accounts", guarded([this](const QJsonObject &body) {
                             return HttpReply::json(
                                 200, createAccount(body.value(u"mfa"_s).toBool(true)));
                         }));
    const auto clockState = [this] {
        return QJsonObject {{u"now"_s, Identity::isoDate(m_clock.now())},
                            {u"nowSeconds"_s, m_clock.nowSeconds()},
                            {u"offsetSeconds"_s, m_clock.offsetSeconds()}};
    };
    m_router.addRawRoute("GET", "/_sandbox/clock", guarded([clockState](const QJsonObject &) {
                             return HttpReply::json(200, clockState());
                         }));
    m_router.addRawRoute("POST", "/_sandbox/clock",
                         guarded([this, clockState](const QJsonObject &body) {
                             const QJsonValue seconds = body.value(u"advanceSeconds"_s);
                             if (!seconds.isDouble() || seconds.toDouble() < 0)
                                 return adminError(400, u"advanceSeconds must be a number >= 0"_s);
                             m_clock.advance(static_cast<qint64>(seconds.toDouble()));
                             return HttpReply::json(200, clockState());
                         }));
    // Fault rules for the console's retry and timeout tests (docs/sandbox-api.md, fault injection).
    m_router.addRawRoute("GET", "/_sandbox/faults", guarded([this](const QJsonObject &) {
                             return HttpReply::json(200, m_faults.state());
                         }));
    m_router.addRawRoute("POST", "/_sandbox/faults", guarded([this](const QJsonObject &body) {
                             const QString error = m_faults.setRules(body.value(u"rules"_s));
                             if (!error.isEmpty())
                                 return adminError(400, error);
                             return HttpReply::json(200, m_faults.state());
                         }));
    m_router.addRawRoute("DELETE", "/_sandbox/faults", guarded([this](const QJsonObject &) {
                             m_faults.clear();
                             return HttpReply::json(200, m_faults.state());
                         }));
}
