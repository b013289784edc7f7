#pragma once

#include "domain/Profile.h"
#include "net/HttpClient.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class SandboxLauncher;

struct BenchOptions
{
    QString nodeDir; // bench/node, with node_modules installed
    QString sandboxProgram; // empty: keydesk-sandbox next to this program
    int users = 2000;
    int keysPerUser = 2;
    int calls = 10000; // timed ListAccessKeys calls per client and round
    int warmupCalls = 2000; // untimed calls before each timed run
    int inFlight = 6; // calls in flight for both clients
    int inventoryInFlight = 0; // the console's inventory; 0: AccessKeyInventory's default
    int pageSize = 1000; // ListUsers MaxItems, both inventories
    int rounds = 3; // each figure is the median of this many runs
    QStringList schemes {QStringLiteral("https"), QStringLiteral("http")}; // measured in turn
};

// One benchmark run (bench/README.md): starts one keydesk-sandbox, seeds an account through the
// RAM API, then times the console's RAM client (RamCallQueue, AccessKeyInventory over
// HttpClient) and the official Node SDK against it, in alternating rounds. Prints the figures
// on stdout as "name: value unit" and everything else on stderr.
class BenchRun : public QObject
{
    Q_OBJECT

public:
    explicit BenchRun(BenchOptions options, QObject *parent = nullptr);
    ~BenchRun() override;

    int run(); // the exit code

private:
    bool measure(const QString &scheme);
    bool useScheme(const QString &scheme);
    bool startSandbox();
    bool createAccount();
    bool seed();
    bool warmUp();
    std::optional<double> keydeskCallsPerSecond();
    std::optional<double> keydeskInventorySeconds();
    std::optional<QJsonObject> runNode(const QStringList &arguments);
    bool fail(const QString &error);
    double sandboxCpuSeconds() const;

    BenchOptions m_options;
    QTemporaryDir m_dataDir;
    std::unique_ptr<SandboxLauncher> m_sandbox;
    // The console's client for the scheme being measured: a new one for each, as a console
    // has one per thread; HTTPS trusts the sandbox's certificate as a profile's extra CA.
    std::unique_ptr<keydesk::HttpClient> m_client;
    keydesk::Profile m_profile;
    QString m_scheme;
    QByteArray m_secret;
    QString m_userName; // whose keys the calls benchmark lists
    qint64 m_sandboxPid = 0;
    QString m_error;
};
