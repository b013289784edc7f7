#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "net/HttpClient.h"
#include "services/AccessKeyInventory.h"
#include "services/RamService.h"

#include <QPointer>
#include <QTest>

#include <algorithm>
#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace keydesk;
namespace protocol = keydesk::protocol;

Q_DECLARE_METATYPE(keydesk::AccessKeyFlags)

namespace {

// One AccessKey the test made, and what the report must say of it.
struct ExpectedKey
{
    QString user;
    QString id;
    QByteArray secret;
    QDateTime created;
    bool used = false;
    bool inactive = false;
};

// What a finished inventory held, and what it reported on the way.
struct Report
{
    int finishedCount = 0;
    KeyError error;
    QList<AccessKeyRow> rows;
    QList<QPair<int, int>> progress;
};

constexpr qint64 kDay = 24LL * 3600;

} // namespace

// The credential report (AccessKeyInventory) against a real sandbox: an account with 30 RAM
// users and 46 AccessKeys, some used, one disabled.
//
// Time: the sandbox's clock only moves forward, and the console signs with the system clock,
// so once the sandbox is moved 91 days every console call would be refused with
// InvalidTimeStamp.Expired. So the sandbox clock stays put: the account is built and keys are
// used through the fixture's own client, and ages are measured from the inventory's injected
// "now" (the sandbox's now, or 89 / 91 days later). flagRule covers the mixed cases (old but
// used recently, …) with exact dates.
class TestAccessKeyInventory : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    SandboxAccount m_account;
    QList<ExpectedKey> m_expected; // in report order

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, u"2015-05-01"_s, action, params);
    }

    std::unique_ptr<AccessKeyInventory> inventory(const protocol::AcsCredentials &credentials)
    {
        RamService service(sandboxProfile(ServiceKind::Ram, m_sandbox.http(),
                                          QString::fromLatin1(credentials.accessKeyId)),
                           credentials.accessKeySecret, &m_client);
        std::unique_ptr<AccessKeyInventory> made(service.inventory());
        made->setAutoDelete(false);
        made->setNow(QDateTime::fromSecsSinceEpoch(m_sandbox.serverNowSeconds(), Qt::UTC));
        return made;
    }

    static void collect(AccessKeyInventory *inventory, Report &report)
    {
        QObject::connect(inventory, &AccessKeyInventory::progress, inventory,
                         [&report](int done, int total) {
                             report.progress.append({done, total});
                         });
        QObject::connect(inventory, &AccessKeyInventory::finished, inventory,
                         [&report](AccessKeyInventory *done) {
                             ++report.finishedCount;
                             report.error = done->error();
                             report.rows = done->rows();
                         });
    }

    static Report run(AccessKeyInventory *inventory)
    {
        Report report;
        collect(inventory, report);
        inventory->start();
        static_cast<void>(QTest::qWaitFor([&report] { return report.finishedCount > 0; }, 20000));
        return report;
    }

    ExpectedKey createKey(const QString &user)
    {
        const HttpResult created
            = ram(m_account.root, u"CreateAccessKey"_s, {{u"UserName"_s, user}});
        const QJsonObject key = created.json[u"AccessKey"_s].toObject();
        return {user,
                key[u"AccessKeyId"_s].toString(),
                key[u"AccessKeySecret"_s].toString().toLatin1(),
                QDateTime::fromString(key[u"CreateDate"_s].toString(), Qt::ISODate),
                false,
                false};
    }

    // Every row as expected, in order; flags as the given now makes them.
    void checkRows(const QList<AccessKeyRow> &rows, AccessKeyFlags ageFlags)
    {
        QCOMPARE(rows.size(), m_expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const AccessKeyRow &row = rows[i];
            const ExpectedKey &expected = m_expected[i];
            QCOMPARE(row.user, expected.user);
            QCOMPARE(row.accessKeyId, expected.id);
            QCOMPARE(row.created, expected.created);
            QCOMPARE(row.status, expected.inactive ? KeyStatus::Inactive : KeyStatus::Active);
            QCOMPARE(row.lastUsed.isValid(), expected.used);
            if (expected.used) {
                QVERIFY(row.lastUsed >= expected.created);
                QVERIFY(row.lastUsed.toSecsSinceEpoch() <= m_sandbox.serverNowSeconds());
            }
            AccessKeyFlags flags = ageFlags;
            if (expected.inactive)
                flags |= AccessKeyFlag::Inactive;
            QCOMPARE(row.flags, flags);
        }
    }

    int expectedCalls(int pageSize) const
    {
        const int users = 30;
        const int pages = (users + pageSize - 1) / pageSize;
        return pages + 1 + users + static_cast<int>(m_expected.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_account = m_sandbox.createAccount(false);
        const HttpResult rootKeys = ram(m_account.root, u"ListAccessKeys"_s);
        const QJsonObject rootKey = rootKeys.json[u"AccessKeys"_s][u"AccessKey"_s][0].toObject();
        // The root account's key signs the inventory's own calls: it is always used.
        m_expected.append({QString(), QString::fromLatin1(m_account.root.accessKeyId),
                           m_account.root.accessKeySecret,
                           QDateTime::fromString(rootKey[u"CreateDate"_s].toString(), Qt::ISODate),
                           true, false});
        for (int i = 0; i < 30; ++i) {
            const QString user = u"user%1"_s.arg(i, 2, 10, QChar(u'0'));
            QCOMPARE(ram(m_account.root, u"CreateUser"_s, {{u"UserName"_s, user}}).status, 200);
            m_expected.append(createKey(user));
            if (i % 2 == 0)
                m_expected.append(createKey(user));
        }
        // ListAccessKeys answers a user's keys by creation date, then id.
        std::sort(m_expected.begin() + 1, m_expected.end(),
                  [](const ExpectedKey &a, const ExpectedKey &b) {
                      return std::tie(a.user, a.created, a.id) < std::tie(b.user, b.created, b.id);
                  });
        for (ExpectedKey &key : m_expected) {
            if (key.user.isEmpty() || key.user.mid(4).toInt() % 3 != 0 || key.used)
                continue;
            // The user's first key makes one call of its own.
            QCOMPARE(ram({key.id.toLatin1(), key.secret, {}}, u"ListAccessKeys"_s).status, 200);
            key.used = true;
        }
        ExpectedKey &disabled = m_expected[1 + 5 + 3]; // user05's key (users 0, 2, 4 have two)
        QCOMPARE(disabled.user, u"user05"_s);
        QCOMPARE(ram(m_account.root, u"UpdateAccessKey"_s,
                     {{u"UserName"_s, disabled.user},
                      {u"UserAccessKeyId"_s, disabled.id},
                      {u"Status"_s, u"Inactive"_s}})
                     .status,
                 200);
        disabled.inactive = true;
        QCOMPARE(m_expected.size(), 46);
    }

    void reportHasEveryKeyWithItsLastUse()
    {
        auto made = inventory(m_account.root);
        const Report report = run(made.get());
        QCOMPARE(report.finishedCount, 1);
        QVERIFY2(!report.error, qPrintable(report.error.summary()));
        checkRows(report.rows, {});
        for (const AccessKeyRow &row : report.rows) {
            for (const ExpectedKey &key : std::as_const(m_expected))
                QVERIFY(!row.accessKeyId.contains(QString::fromLatin1(key.secret)));
        }
    }

    void progressReachesTheTotal()
    {
        auto made = inventory(m_account.root);
        const Report report = run(made.get());
        QVERIFY2(!report.error, qPrintable(report.error.summary()));
        const int calls = expectedCalls(1000);
        QCOMPARE(report.progress.size(), calls);
        for (qsizetype i = 0; i < report.progress.size(); ++i) {
            QCOMPARE(report.progress[i].first, static_cast<int>(i + 1));
            QVERIFY(report.progress[i].second >= report.progress[i].first);
            if (i > 0)
                QVERIFY(report.progress[i].second >= report.progress[i - 1].second);
        }
        QCOMPARE(report.progress.last(), qMakePair(calls, calls));
    }

    void flagsFollowTheReportsNow_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<AccessKeyFlags>("ageFlags");
        QTest::newRow("89 days on") << 89 << AccessKeyFlags();
        QTest::newRow("91 days on") << 91 << (AccessKeyFlag::Old | AccessKeyFlag::Unused);
    }

    void flagsFollowTheReportsNow()
    {
        QFETCH(int, days);
        QFETCH(AccessKeyFlags, ageFlags);
        auto made = inventory(m_account.root);
        made->setNow(
            QDateTime::fromSecsSinceEpoch(m_sandbox.serverNowSeconds() + days * kDay, Qt::UTC));
        const Report report = run(made.get());
        QVERIFY2(!report.error, qPrintable(report.error.summary()));
        checkRows(report.rows, ageFlags);
    }

    void flagRule_data()
    {
        QTest::addColumn<qint64>("createdDaysAgo");
        QTest::addColumn<qint64>("usedSecondsAgo"); // -1: never
        QTest::addColumn<bool>("active");
        QTest::addColumn<int>("staleDays");
        QTest::addColumn<AccessKeyFlags>("flags");
        const AccessKeyFlags none;
        const auto old = AccessKeyFlags(AccessKeyFlag::Old);
        const auto stale = AccessKeyFlag::Old | AccessKeyFlag::Unused;
        QTest::newRow("new, never used") << 10LL << -1LL << true << 90 << none;
        QTest::newRow("new, used") << 10LL << kDay << true << 90 << none;
        QTest::newRow("old, never used") << 91LL << -1LL << true << 90 << stale;
        QTest::newRow("old, used yesterday") << 400LL << kDay << true << 90 << old;
        QTest::newRow("old, used 91 days ago") << 400LL << 91 * kDay << true << 90 << stale;
        QTest::newRow("exactly 90 days, never used") << 90LL << -1LL << true << 90 << none;
        QTest::newRow("used exactly 90 days ago") << 95LL << 90 * kDay << true << 90 << old;
        QTest::newRow("used 90 days and a second ago")
            << 95LL << 90 * kDay + 1 << true << 90 << stale;
        QTest::newRow("inactive, new")
            << 1LL << -1LL << false << 90 << AccessKeyFlags(AccessKeyFlag::Inactive);
        QTest::newRow("inactive, old, unused")
            << 200LL << 100 * kDay << false << 90 << (stale | AccessKeyFlag::Inactive);
        QTest::newRow("30-day rule") << 31LL << 31 * kDay << true << 30 << stale;
    }

    void flagRule()
    {
        QFETCH(qint64, createdDaysAgo);
        QFETCH(qint64, usedSecondsAgo);
        QFETCH(bool, active);
        QFETCH(int, staleDays);
        QFETCH(AccessKeyFlags, flags);
        const QDateTime now(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
        AccessKeyRow row;
        row.created = now.addSecs(-createdDaysAgo * kDay);
        if (usedSecondsAgo >= 0)
            row.lastUsed = now.addSecs(-usedSecondsAgo);
        row.status = active ? KeyStatus::Active : KeyStatus::Inactive;
        QCOMPARE(AccessKeyInventory::flagsFor(row, now, staleDays), flags);
    }

    void pagingAndConcurrencyGiveTheSameReport_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("maxInFlight");
        QTest::newRow("pages of 7, one at a time") << 7 << 1;
        QTest::newRow("pages of 7, four at once") << 7 << 4;
        QTest::newRow("pages of 1, 32 at once") << 1 << 32;
        QTest::newRow("one page, 16 at once") << 1000 << 16;
    }

    void pagingAndConcurrencyGiveTheSameReport()
    {
        QFETCH(int, pageSize);
        QFETCH(int, maxInFlight);
        auto made = inventory(m_account.root);
        made->setPageSize(pageSize);
        made->setMaxInFlight(maxInFlight);
        const Report report = run(made.get());
        QVERIFY2(!report.error, qPrintable(report.error.summary()));
        checkRows(report.rows, {});
        QCOMPARE(report.progress.last(),
                 qMakePair(expectedCalls(pageSize), expectedCalls(pageSize)));
    }

    void cancelMidWayKeepsWholeRows()
    {
        auto made = inventory(m_account.root);
        AccessKeyInventory *running = made.get();
        int doneAtCancel = -1;
        QObject::connect(running, &AccessKeyInventory::progress, running,
                         [running, &doneAtCancel](int done, int) {
                             if (done >= 20 && doneAtCancel < 0) {
                                 doneAtCancel = done;
                                 running->cancel();
                             }
                         });
        const Report report = run(running);
        QCOMPARE(report.finishedCount, 1);
        QCOMPARE(report.error.kind, KeyError::Kind::Cancelled);
        QCOMPARE(doneAtCancel, 20);
        QCOMPARE(report.progress.last().first, 20); // nothing answered after the cancel
        QVERIFY(report.rows.size() < m_expected.size());
        // The rows it has are whole and right, and in report order.
        qsizetype next = 0;
        for (const AccessKeyRow &row : report.rows) {
            while (next < m_expected.size() && m_expected[next].id != row.accessKeyId)
                ++next;
            QVERIFY2(next < m_expected.size(), "a row out of order or unknown");
            QCOMPARE(row.user, m_expected[next].user);
            QCOMPARE(row.lastUsed.isValid(), m_expected[next].used);
        }
        running->cancel(); // after finished: nothing more
        QCoreApplication::processEvents();
        QCOMPARE(report.finishedCount, 1);
    }

    void cancelBeforeAnyAnswer()
    {
        auto made = inventory(m_account.root);
        Report report;
        collect(made.get(), report);
        made->start();
        made->cancel();
        QVERIFY(QTest::qWaitFor([&report] { return report.finishedCount > 0; }, 10000));
        QCOMPARE(report.error.kind, KeyError::Kind::Cancelled);
        QVERIFY(report.rows.isEmpty());
        QVERIFY(report.progress.isEmpty());
    }

    void cancelBeforeStart()
    {
        auto made = inventory(m_account.root);
        Report report;
        collect(made.get(), report);
        made->cancel();
        made->start(); // too late: it has finished
        QVERIFY(QTest::qWaitFor([&report] { return report.finishedCount > 0; }, 10000));
        QCOMPARE(report.error.kind, KeyError::Kind::Cancelled);
        QCoreApplication::processEvents();
        QCOMPARE(report.finishedCount, 1);
        QVERIFY(report.progress.isEmpty());
    }

    void ramUserIsNotPermitted()
    {
        const protocol::AcsCredentials user00 {
            m_expected[1].id.toLatin1(), m_expected[1].secret, {}};
        auto made = inventory(user00);
        const Report report = run(made.get());
        QCOMPARE(report.error.kind, KeyError::Kind::NotPermitted);
        QCOMPARE(report.error.serviceCode, u"NoPermission"_s);
        QCOMPARE(report.error.httpStatus, 403);
        QVERIFY(report.rows.isEmpty());
    }

    void wrongSecretIsCredentials()
    {
        protocol::AcsCredentials wrong = m_account.root;
        wrong.accessKeySecret = "not-the-secret";
        auto made = inventory(wrong);
        const Report report = run(made.get());
        QCOMPARE(report.error.kind, KeyError::Kind::Credentials);
        QCOMPARE(report.error.serviceCode, u"SignatureDoesNotMatch"_s);
        QVERIFY(report.rows.isEmpty());
    }

    void deletesItselfAfterFinishing()
    {
        auto made = inventory(m_account.root);
        made->setAutoDelete(true);
        const QPointer<AccessKeyInventory> watched = made.release();
        Report report;
        collect(watched, report);
        watched->start();
        QVERIFY(QTest::qWaitFor([&watched] { return watched.isNull(); }, 20000));
        QCOMPARE(report.finishedCount, 1);
        QCOMPARE(report.rows.size(), m_expected.size());
    }
};

QTEST_MAIN(TestAccessKeyInventory)
#include "TestAccessKeyInventory.moc"
