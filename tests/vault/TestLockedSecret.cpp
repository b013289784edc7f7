#include "net/HttpClient.h"
#include "services/ServiceFactory.h"
#include "vault/LockedSecret.h"

#include <QFile>
#include <QTest>

#include <cstring>
#include <memory>
#include <sodium.h>

using namespace keydesk;

namespace {

// A random secret, so that no other copy of it is anywhere in the process by chance.
QByteArray randomSecret()
{
    QByteArray secret(30, '\0');
    randombytes_buf(secret.data(), static_cast<size_t>(secret.size()));
    return secret.toHex();
}

struct Mapping
{
    quintptr start = 0;
    quintptr end = 0;
    bool readable = false;
    qint64 lockedKb = 0;
};

// The process's mappings, with what /proc/self/smaps says is locked in each.
QList<Mapping> mappings()
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    QList<Mapping> all;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        if (line.startsWith("Locked:") && !all.isEmpty()) {
            all.last().lockedKb = line.mid(7).trimmed().split(' ').first().toLongLong();
            continue;
        }
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash <= 0 || space < dash || !line.contains(' ') || line.endsWith(':'))
            continue;
        bool startOk = false;
        bool endOk = false;
        Mapping mapping {line.left(dash).toULongLong(&startOk, 16),
                         line.mid(dash + 1, space - dash - 1).toULongLong(&endOk, 16),
                         line.mid(space + 1, 1) == "r", 0};
        if (startOk && endOk)
            all.append(mapping);
    }
    return all;
}

// Whether secret's bytes sit in a mapping of which the kernel says pages are locked.
bool inLockedMemory(const QByteArray &secret)
{
    for (const Mapping &mapping : mappings()) {
        if (mapping.lockedKb <= 0 || !mapping.readable)
            continue;
        const QByteArrayView bytes(reinterpret_cast<const char *>(mapping.start),
                                   static_cast<qsizetype>(mapping.end - mapping.start));
        if (bytes.indexOf(secret) >= 0)
            return true;
    }
    return false;
}

} // namespace

// The profile secret that every adapter holds for as long as its profile is shown, in memory
// that is locked (never swapped out), as the kernel reports it in /proc/self/smaps.
class TestLockedSecret : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
#ifdef KEYDESK_SANITIZE
        // AddressSanitizer turns mlock() into a no-op (sanitizer_common's mlock interceptor), so
        // no page is ever locked in this build; the ci and dev builds run these checks.
        QSKIP("AddressSanitizer makes mlock() a no-op: nothing can be locked in this build.");
#endif
        QVERIFY(sodium_init() >= 0);
    }

    void holdsTheBytesInLockedMemory()
    {
        const QByteArray value = randomSecret();
        LockedSecret secret(value);
        QCOMPARE(secret.view(), QByteArrayView(value));
        QVERIFY(secret.isLocked());
        QVERIFY(inLockedMemory(value));
        QVERIFY(secret.bytes() == value);
        QCOMPARE(static_cast<const void *>(secret.bytes().constData()),
                 static_cast<const void *>(secret.view().data())); // no copy
    }

    void clearWipesAndFrees()
    {
        const QByteArray value = randomSecret();
        LockedSecret secret(value);
        QVERIFY(inLockedMemory(value));
        secret.clear();
        QVERIFY(secret.isEmpty());
        QVERIFY(!secret.isLocked());
        QVERIFY(secret.bytes().isEmpty());
        QVERIFY(!inLockedMemory(value));
    }

    void movesWithoutACopy()
    {
        const QByteArray value = randomSecret();
        LockedSecret first(value);
        const char *bytes = first.view().data();
        LockedSecret second(std::move(first));
        QCOMPARE(static_cast<const void *>(second.view().data()), static_cast<const void *>(bytes));
        QVERIFY(first.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from is empty
        LockedSecret third;
        third = std::move(second);
        QCOMPARE(third.view(), QByteArrayView(value));
        QVERIFY(inLockedMemory(value));
    }

    void emptyIsNothing()
    {
        const LockedSecret secret {QByteArrayView()};
        QVERIFY(secret.isEmpty());
        QVERIFY(secret.bytes().isEmpty());
    }

    // Every adapter: the secret it is given goes to locked memory, and clearSecret() (the
    // locked console) takes it out of memory until replaceSecret().
    void everyAdapterKeepsItsProfileSecretLocked()
    {
        HttpClient client;
        for (const ServiceKind service :
             {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
              ServiceKind::Tablestore, ServiceKind::OceanBase}) {
            Profile profile;
            profile.id = QStringLiteral("locked-") + serviceId(service);
            profile.service = service;
            const QByteArray value = randomSecret();
            const std::unique_ptr<KeyService> adapter = makeKeyService(profile, value, &client);
            QVERIFY(adapter);
            QVERIFY2(inLockedMemory(value), qPrintable(serviceId(service)));
            QVERIFY(adapter->hasSecret());
            QVERIFY(adapter->secretIsLocked());
            adapter->clearSecret();
            QVERIFY(!adapter->hasSecret());
            QVERIFY(!inLockedMemory(value));
            adapter->replaceSecret(value);
            QVERIFY(inLockedMemory(value));
        }
    }
};

QTEST_GUILESS_MAIN(TestLockedSecret)
#include "TestLockedSecret.moc"
