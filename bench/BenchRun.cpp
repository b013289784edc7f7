#include "BenchRun.h"

#include "NodeBench.h"
#include "SandboxLauncher.h"
#include "Seeder.h"
#include "StepLoop.h"
#include "net/AcsRequest.h"
#include "services/AccessKeyInventory.h"
#include "services/RamCallQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

constexpr int kStepTimeoutMs = 30 * 60 * 1000;

void say(const QString &line)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(line));
    std::fflush(stderr);
}

void printFigure(const QString &name, double value, int decimals, const char *unit)
{
    std::printf("%s: %.*f %s\n", qPrintable(name), decimals, value, unit);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

double processCpuSeconds()
{
    timespec time {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}

// A child process's user + system time, from /proc/PID/stat (fields 14 and 15, in ticks).
double childCpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

// The pid of this process's child running `name` (the sandbox started by SandboxLauncher).
qint64 childNamed(const QByteArray &name)
{
    const QStringList tasks
        = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile children(u"/proc/self/task/%1/children"_s.arg(task));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : children.readAll().simplified().split(' ')) {
            QFile comm(u"/proc/%1/comm"_s.arg(QString::fromLatin1(pid)));
            if (comm.open(QIODevice::ReadOnly) && name.startsWith(comm.readAll().trimmed()))
                return pid.toLongLong();
        }
    }
    return 0;
}

} // namespace

BenchRun::BenchRun(BenchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

BenchRun::~BenchRun()
{
    m_secret.fill('\0');
}

bool BenchRun::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

double BenchRun::sandboxCpuSeconds() const
{
    return childCpuSeconds(m_sandboxPid);
}

int BenchRun::run()
{
    if (!m_dataDir.isValid())
        fail(u"cannot create a temporary directory"_s);
    if (m_error.isEmpty() && startSandbox() && createAccount() && seed()) {
        for (const QString &scheme : std::as_const(m_options.schemes)) {
            if (!useScheme(scheme) || !warmUp() || !measure(scheme))
                break;
        }
    }
    if (!m_error.isEmpty()) {
        say(u"failed: "_s + m_error);
        return 1;
    }
    return 0;
}

bool BenchRun::useScheme(const QString &scheme)
{
    m_scheme = scheme;
    m_client = std::make_unique<HttpClient>();
    if (scheme == u"https"_s) {
        m_client->setExtraCaCertificates(QSslCertificate::fromPath(m_sandbox->certificatePath()));
        m_profile.endpoint = m_sandbox->httpsUrl();
    } else {
        m_profile.endpoint = m_sandbox->httpUrl();
    }
    say(u"measuring over %1"_s.arg(m_profile.endpoint.toString()));
    return true;
}

// Both figures for the current scheme, each the median of its rounds; the HTTPS figures carry
// the issue's names (the services' endpoints are HTTPS), the plain HTTP ones the same names
// with "_http".
bool BenchRun::measure(const QString &scheme)
{
    QList<double> keydeskRates, nodeRates, keydeskInventory, nodeInventory;
    const QString calls = QString::number(m_options.calls);
    const QString warmup = QString::number(m_options.warmupCalls);
    const QString inFlight = QString::number(m_options.inFlight);
    const int expectedRows = m_options.users * m_options.keysPerUser + 1;
    for (int round = 1; round <= m_options.rounds && m_error.isEmpty(); ++round) {
        // Alternate who goes first, so a drift of the machine's speed favours neither.
        for (int turn = 0; turn < 2 && m_error.isEmpty(); ++turn) {
            if ((turn == 0) == (round % 2 == 1)) {
                if (const auto rate = keydeskCallsPerSecond())
                    keydeskRates.append(*rate);
                continue;
            }
            const auto result = runNode({u"calls"_s, calls, warmup, inFlight, m_userName});
            if (!result)
                break;
            nodeRates.append(result->value(u"callsPerSecond"_s).toDouble());
            say(u"node sdk %1 calls/s (node cpu %2 s, sandbox cpu %3 s incl. warm-up)"_s
                    .arg(nodeRates.last(), 0, 'f', 0)
                    .arg(result->value(u"cpuSeconds"_s).toDouble(), 0, 'f', 2)
                    .arg(result->value(u"sandboxCpuSeconds"_s).toDouble(), 0, 'f', 2));
        }
    }
    for (int round = 1; round <= m_options.rounds && m_error.isEmpty(); ++round) {
        for (int turn = 0; turn < 2 && m_error.isEmpty(); ++turn) {
            if ((turn == 0) == (round % 2 == 1)) {
                if (const auto time = keydeskInventorySeconds())
                    keydeskInventory.append(*time);
                continue;
            }
            const auto result
                = runNode({u"inventory"_s, warmup, inFlight, QString::number(m_options.pageSize)});
            if (!result)
                break;
            if (result->value(u"rows"_s).toInt() != expectedRows) {
                fail(u"the Node SDK's inventory has %1 rows, not %2"_s
                         .arg(result->value(u"rows"_s).toInt())
                         .arg(expectedRows));
                break;
            }
            nodeInventory.append(result->value(u"seconds"_s).toDouble());
            say(u"node sdk inventory %1 s, %2 calls, %3 rows (node cpu %4 s, sandbox cpu %5 s"
                u" incl. warm-up)"_s.arg(nodeInventory.last(), 0, 'f', 2)
                    .arg(result->value(u"calls"_s).toInt())
                    .arg(expectedRows)
                    .arg(result->value(u"cpuSeconds"_s).toDouble(), 0, 'f', 2)
                    .arg(result->value(u"sandboxCpuSeconds"_s).toDouble(), 0, 'f', 2));
        }
    }
    if (!m_error.isEmpty())
        return false;

    const QString suffix = scheme == u"https"_s ? QString() : u"_"_s + scheme;
    const auto name = [&suffix](const char *base) -> QString {
        return QLatin1StringView(base) + suffix;
    };
    const double keydeskRate = median(keydeskRates);
    const double nodeRate = median(nodeRates);
    const double keydeskTime = median(keydeskInventory);
    const double nodeTime = median(nodeInventory);
    printFigure(name("keydesk_list_access_keys_calls_per_s"), keydeskRate, 0, "calls/s");
    printFigure(name("node_sdk_list_access_keys_calls_per_s"), nodeRate, 0, "calls/s");
    printFigure(name("calls_per_s_ratio_vs_node_sdk"), keydeskRate / nodeRate, 2, "x");
    printFigure(name("keydesk_inventory_s"), keydeskTime, 2, "s");
    printFigure(name("node_sdk_inventory_s"), nodeTime, 2, "s");
    printFigure(name("inventory_time_ratio_vs_node_sdk"), keydeskTime / nodeTime, 2, "x");
    return true;
}

bool BenchRun::startSandbox()
{
    SandboxLauncher::Options options;
    options.program = m_options.sandboxProgram;
    options.dataDir = m_dataDir.path();
    options.demo = false;
    options.tls = m_options.schemes.contains(u"https"_s);
    options.enableAdmin = true;
    m_sandbox = std::make_unique<SandboxLauncher>(options);
    StepLoop step;
    connect(m_sandbox.get(), &SandboxLauncher::started, this, [&step] { step.finish(); });
    connect(m_sandbox.get(), &SandboxLauncher::failed, this,
            [&step](const QString &reason) { step.fail(reason); });
    m_sandbox->start();
    if (!step.run(30000))
        return fail(u"the sandbox did not start within 30 s"_s);
    if (step.failed())
        return fail(step.error());
    m_sandboxPid = childNamed("keydesk-sandbox");
    say(u"sandbox pid %1"_s.arg(m_sandboxPid));
    return useScheme(u"http"_s); // for the setup: the account and the seeding
    return true;
}

bool BenchRun::createAccount()
{
    HttpRequestSpec spec;
    spec.method = "POST";
    spec.url = m_sandbox->httpUrl();
    spec.url.setPath(u"/_sandbox/accounts"_s);
    spec.headers.append(qMakePair("content-type"_ba, "application/json"_ba));
    spec.body = R"({"mfa": false})"_ba;
    StepLoop step;
    QJsonObject account;
    HttpJob *job = m_client->send(std::move(spec));
    connect(job, &HttpJob::finished, this, [&](HttpJob *answer) {
        if (answer->status() != 200)
            step.fail(u"POST /_sandbox/accounts answered %1"_s.arg(answer->status()));
        account = QJsonDocument::fromJson(answer->body()).object();
        step.finish();
    });
    if (!step.run(30000) || step.failed())
        return fail(step.failed() ? step.error() : u"POST /_sandbox/accounts timed out"_s);
    const QJsonObject root = account.value(u"root"_s).toObject();
    m_profile.service = ServiceKind::Ram;
    m_profile.accessKeyId = root.value(u"accessKeyId"_s).toString();
    m_secret = root.value(u"accessKeySecret"_s).toString().toLatin1();
    if (m_profile.accessKeyId.isEmpty() || m_secret.isEmpty())
        return fail(u"POST /_sandbox/accounts answered no root AccessKey"_s);
    return true;
}

bool BenchRun::seed()
{
    const QString prefix = u"bench-user-"_s;
    m_userName = prefix + u"0001"_s;
    Seeder seeder(m_profile, m_secret, m_client.get());
    StepLoop step;
    connect(&seeder, &Seeder::finished, this, [&step] { step.finish(); });
    QElapsedTimer timer;
    timer.start();
    seeder.start(prefix, m_options.users, m_options.keysPerUser);
    if (!step.run(kStepTimeoutMs))
        return fail(u"seeding timed out"_s);
    if (!seeder.error().isEmpty())
        return fail(u"seeding failed: "_s + seeder.error());
    say(u"seeded %1 RAM users with %2 AccessKeys each through the RAM API: %3 calls in %4 s"_s
            .arg(m_options.users)
            .arg(m_options.keysPerUser)
            .arg(seeder.callsMade())
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 2));
    return true;
}

// Untimed calls of the inventory's three actions through the console's client, before any
// figure is taken (Node warms up in each of its runs: it starts a new process each time).
bool BenchRun::warmUp()
{
    RamCallQueue queue(m_profile, m_secret, m_client.get());
    queue.setMaxInFlight(m_options.inFlight);
    StepLoop step;
    int done = 0;
    const int count = m_options.warmupCalls;
    for (int i = 0; i < count; ++i) {
        const QString action = i % 2 ? u"GetAccessKeyLastUsed"_s : u"ListAccessKeys"_s;
        protocol::QueryItems params {qMakePair(u"UserName"_s, m_userName)};
        if (i % 2)
            params.append(qMakePair(u"UserAccessKeyId"_s, u"LTAInotakeynotakeynotake"_s));
        queue.enqueue(action, params, [&](const KeyError &error, const QJsonObject &) {
            // The made-up key is NotFound: the path is the same as for a real one.
            if (error && error.kind != KeyError::Kind::NotFound)
                step.fail(u"warm-up: "_s + error.summary());
            if (++done == count)
                step.finish();
        });
    }
    if (!step.run(kStepTimeoutMs) || step.failed())
        return fail(step.failed() ? step.error() : u"the warm-up timed out"_s);
    return true;
}

// COUNT ListAccessKeys calls through the queue, each answer read as the console reads it.
static bool listKeys(RamCallQueue &queue, const QString &userName, int count, QString &error)
{
    StepLoop step;
    int done = 0;
    qsizetype keys = -1;
    for (int i = 0; i < count; ++i) {
        queue.enqueue(u"ListAccessKeys"_s, {qMakePair(u"UserName"_s, userName)},
                      [&](const KeyError &callError, const QJsonObject &answer) {
                          QList<ApiKey> list;
                          if (callError)
                              step.fail(u"ListAccessKeys: "_s + callError.summary());
                          else if (!parseRamAccessKeys(answer, userName, list)
                                   || (keys >= 0 && list.size() != keys))
                              step.fail(u"ListAccessKeys answered an unexpected list"_s);
                          keys = list.size();
                          if (++done == count)
                              step.finish();
                      });
    }
    if (!step.run(kStepTimeoutMs))
        error = u"the ListAccessKeys calls timed out"_s;
    else if (step.failed())
        error = step.error();
    queue.cancelAll();
    return error.isEmpty();
}

std::optional<double> BenchRun::keydeskCallsPerSecond()
{
    RamCallQueue queue(m_profile, m_secret, m_client.get());
    queue.setMaxInFlight(m_options.inFlight);
    QString error;
    if (!listKeys(queue, m_userName, m_options.warmupCalls, error)) {
        fail(error);
        return std::nullopt;
    }
    const double cpuBefore = processCpuSeconds();
    const double sandboxBefore = sandboxCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    if (!listKeys(queue, m_userName, m_options.calls, error)) {
        fail(error);
        return std::nullopt;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double rate = m_options.calls / seconds;
    say(u"keydesk %1 calls/s (client cpu %2 s, sandbox cpu %3 s)"_s.arg(rate, 0, 'f', 0)
            .arg(processCpuSeconds() - cpuBefore, 0, 'f', 2)
            .arg(sandboxCpuSeconds() - sandboxBefore, 0, 'f', 2));
    return rate;
}

std::optional<double> BenchRun::keydeskInventorySeconds()
{
    if (!warmUp())
        return std::nullopt;
    AccessKeyInventory inventory(m_profile, m_secret, m_client.get());
    inventory.setAutoDelete(false);
    inventory.setPageSize(m_options.pageSize);
    if (m_options.inventoryInFlight > 0)
        inventory.setMaxInFlight(m_options.inventoryInFlight);
    StepLoop step;
    int calls = 0;
    connect(&inventory, &AccessKeyInventory::finished, this, [&step] { step.finish(); });
    connect(&inventory, &AccessKeyInventory::progress, this,
            [&calls](int done, int) { calls = done; });
    const double cpuBefore = processCpuSeconds();
    const double sandboxBefore = sandboxCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    inventory.start();
    if (!step.run(kStepTimeoutMs)) {
        fail(u"the inventory timed out"_s);
        return std::nullopt;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (inventory.error()) {
        fail(u"the inventory failed: "_s + inventory.error().summary());
        return std::nullopt;
    }
    const int expectedRows = m_options.users * m_options.keysPerUser + 1;
    if (inventory.rows().size() != expectedRows) {
        fail(u"the inventory has %1 rows, not %2"_s.arg(inventory.rows().size()).arg(expectedRows));
        return std::nullopt;
    }
    say(u"keydesk inventory %1 s, %2 calls (client cpu %3 s, sandbox cpu %4 s)"_s
            .arg(seconds, 0, 'f', 2)
            .arg(calls)
            .arg(processCpuSeconds() - cpuBefore, 0, 'f', 2)
            .arg(sandboxCpuSeconds() - sandboxBefore, 0, 'f', 2));
    return seconds;
}

std::optional<QJsonObject> BenchRun::runNode(const QStringList &arguments)
{
    NodeBench node(m_options.nodeDir, m_profile.endpoint, m_profile.accessKeyId.toLatin1(),
                   m_secret);
    if (m_scheme == u"https"_s)
        node.setCaCertificatePath(m_sandbox->certificatePath());
    StepLoop step;
    connect(&node, &NodeBench::finished, this, [&step] { step.finish(); });
    const double sandboxBefore = sandboxCpuSeconds();
    node.start(arguments);
    if (!step.run(kStepTimeoutMs)) {
        fail(u"node ram-bench.cjs timed out"_s);
        return std::nullopt;
    }
    if (!node.error().isEmpty()) {
        fail(node.error());
        return std::nullopt;
    }
    QJsonObject result = node.result();
    result.insert(u"sandboxCpuSeconds"_s, sandboxCpuSeconds() - sandboxBefore);
    return result;
}
