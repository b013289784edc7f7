#include "AccessKeyInventoryCsv.h"
#include "AccessKeyInventoryModel.h"
#include "AccessKeyInventoryPage.h"
#include "ErrorPanel.h"
#include "SandboxFixture.h"
#include "SandboxProfiles.h"
#include "SecretSearch.h"
#include "WidgetLookup.h"
#include "net/HttpClient.h"
#include "services/RamService.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// One AccessKey the test made.
struct SeededKey
{
    QString user; // empty: the root account
    QString id;
    QByteArray secret;
    bool used = false;
    bool inactive = false;
};

constexpr qint64 kDay = 24LL * 3600;
constexpr int kUsers = 12;

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QByteArrayList csvLines(const QByteArray &csv)
{
    QByteArrayList lines = csv.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (!line.endsWith('\r'))
            return {}; // every record ends with CRLF (RFC 4180)
        line.chop(1);
    }
    return lines;
}

} // namespace

// The AccessKey report's page against a real sandbox: an account with 12 RAM users and 19
// AccessKeys (users 0, 2, … have two; users 0, 3, 6 and 9 used their first; user05's is
// disabled), driven through the page's own controls, found by their accessible names. The
// sandbox's clock stays put (the console signs with the system clock); ages are measured from
// the page's report time, as in TestAccessKeyInventory.
class TestAccessKeyInventoryPage : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    HttpClient m_client;
    SandboxAccount m_account;
    QList<SeededKey> m_keys; // the root account's first

    HttpResult ram(const protocol::AcsCredentials &credentials, const QString &action,
                   const protocol::QueryItems &params = {})
    {
        return m_sandbox.net().rpc(m_sandbox.http(), credentials, u"2015-05-01"_s, action, params);
    }

    std::unique_ptr<RamService> service(const protocol::AcsCredentials &credentials)
    {
        return std::make_unique<RamService>(
            sandboxProfile(ServiceKind::Ram, m_sandbox.http(),
                           QString::fromLatin1(credentials.accessKeyId)),
            credentials.accessKeySecret, &m_client);
    }

    static std::unique_ptr<AccessKeyInventoryPage> page(RamService *service)
    {
        auto made = std::make_unique<AccessKeyInventoryPage>(service);
        made->resize(900, 600);
        made->show();
        if (!QTest::qWaitForWindowExposed(made.get()))
            return nullptr;
        return made;
    }

    template<typename T>
    static T *control(const AccessKeyInventoryPage &page, const QString &name)
    {
        return byAccessibleName<T>(&page, name);
    }

    // Clicks Run report and waits for the report to finish.
    static bool runReport(AccessKeyInventoryPage &page)
    {
        auto *run = control<QPushButton>(page, u"Run report"_s);
        if (!run || !run->isEnabled())
            return false;
        QTest::mouseClick(run, Qt::LeftButton);
        if (page.state() != AccessKeyInventoryPage::State::Running)
            return false;
        return QTest::qWaitFor(
            [&page] { return page.state() != AccessKeyInventoryPage::State::Running; }, 20000);
    }

    QDateTime serverNow()
    {
        return QDateTime::fromSecsSinceEpoch(m_sandbox.serverNowSeconds(), Qt::UTC);
    }

    const SeededKey *seeded(const QString &id) const
    {
        for (const SeededKey &key : m_keys) {
            if (key.id == id)
                return &key;
        }
        return nullptr;
    }

    QList<NamedSecret> secrets() const
    {
        QList<NamedSecret> named;
        for (const SeededKey &key : m_keys)
            named.append({key.id, key.secret});
        return named;
    }

    static QString expectedFlags(const SeededKey &key, const QString &ageFlags)
    {
        if (!key.inactive)
            return ageFlags;
        return ageFlags.isEmpty() ? u"Inactive"_s : ageFlags + u", Inactive"_s;
    }

    // Every row of the page's table is a seeded key, with the given age flags.
    void checkTable(const AccessKeyInventoryPage &page, const QString &ageFlags)
    {
        const QAbstractItemModel *shown = page.table()->model();
        QCOMPARE(shown->rowCount(), m_keys.size());
        QCOMPARE(cell(shown, 0, AccessKeyInventoryModel::UserColumn), u"root account"_s);
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QString id = cell(shown, row, AccessKeyInventoryModel::AccessKeyIdColumn);
            const SeededKey *key = seeded(id);
            QVERIFY2(key, qPrintable(id));
            if (!key->user.isEmpty())
                QCOMPARE(cell(shown, row, AccessKeyInventoryModel::UserColumn), key->user);
            QCOMPARE(cell(shown, row, AccessKeyInventoryModel::StatusColumn),
                     key->inactive ? u"Inactive"_s : u"Active"_s);
            QVERIFY(!cell(shown, row, AccessKeyInventoryModel::CreatedColumn).isEmpty());
            QCOMPARE(cell(shown, row, AccessKeyInventoryModel::LastUsedColumn) == u"Never"_s,
                     !key->used);
            QCOMPARE(cell(shown, row, AccessKeyInventoryModel::FlagsColumn),
                     expectedFlags(*key, ageFlags));
        }
    }

    QString summary(int old, int unused, int inactive) const
    {
        return u"%1 keys of the root account and %2 users: %3 old, %4 unused, %5 inactive"_s.arg(
            QString::number(m_keys.size()), QString::number(kUsers), QString::number(old),
            QString::number(unused), QString::number(inactive));
    }

    static int expectedCalls(qsizetype keys) { return 1 + 1 + kUsers + int(keys); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        m_account = m_sandbox.createAccount(false);
        // The root account's key signs every call of the report: it is always used.
        m_keys.append({QString(), QString::fromLatin1(m_account.root.accessKeyId),
                       m_account.root.accessKeySecret, true, false});
        for (int i = 0; i < kUsers; ++i) {
            const QString user = u"user%1"_s.arg(i, 2, 10, QChar(u'0'));
            QCOMPARE(ram(m_account.root, u"CreateUser"_s, {{u"UserName"_s, user}}).status, 200);
            for (int k = 0; k < (i % 2 == 0 ? 2 : 1); ++k) {
                const HttpResult created
                    = ram(m_account.root, u"CreateAccessKey"_s, {{u"UserName"_s, user}});
                QCOMPARE(created.status, 200);
                const QJsonObject key = created.json[u"AccessKey"_s].toObject();
                SeededKey seededKey {user, key[u"AccessKeyId"_s].toString(),
                                     key[u"AccessKeySecret"_s].toString().toLatin1(), false, false};
                if (k == 0 && i % 3 == 0) {
                    QCOMPARE(
                        ram({seededKey.id.toLatin1(), seededKey.secret, {}}, u"ListAccessKeys"_s)
                            .status,
                        200);
                    seededKey.used = true;
                }
                if (user == u"user05"_s) {
                    QCOMPARE(ram(m_account.root, u"UpdateAccessKey"_s,
                                 {{u"UserName"_s, user},
                                  {u"UserAccessKeyId"_s, seededKey.id},
                                  {u"Status"_s, u"Inactive"_s}})
                                 .status,
                             200);
                    seededKey.inactive = true;
                }
                m_keys.append(seededKey);
            }
        }
        QCOMPARE(m_keys.size(), 19);
    }

    void everyControlHasAnAccessibleName()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QVERIFY(control<QPushButton>(*shown, u"Run report"_s));
        QVERIFY(control<QPushButton>(*shown, u"Cancel report"_s));
        QVERIFY(control<QPushButton>(*shown, u"Export CSV"_s));
        QVERIFY(control<QProgressBar>(*shown, u"Report progress"_s));
        QVERIFY(control<QSpinBox>(*shown, u"Days after which a key is old or unused"_s));
        QVERIFY(control<QTableView>(*shown, u"AccessKeys"_s));
        QVERIFY(control<QLabel>(*shown, u"Report summary"_s));
        QVERIFY(control<QLabel>(*shown, u"Report status"_s));
        QCOMPARE(control<QSpinBox>(*shown, u"Days after which a key is old or unused"_s)->value(),
                 AccessKeyInventory::kDefaultStaleDays);
        // Nothing to cancel or export before a report.
        QVERIFY(!control<QPushButton>(*shown, u"Cancel report"_s)->isEnabled());
        QVERIFY(!control<QPushButton>(*shown, u"Export CSV"_s)->isEnabled());
    }

    void reportFlagsOldUnusedAndInactiveKeys()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        shown->setReportTime(serverNow().addSecs(91 * kDay));
        auto *progress = control<QProgressBar>(*shown, u"Report progress"_s);
        QSignalSpy finished(shown.get(), &AccessKeyInventoryPage::reportFinished);
        QTest::mouseClick(control<QPushButton>(*shown, u"Run report"_s), Qt::LeftButton);
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Running);
        QCOMPARE(progress->maximum(), 0); // indeterminate: no total is known yet
        QVERIFY(control<QPushButton>(*shown, u"Cancel report"_s)->isEnabled());
        QVERIFY(!control<QPushButton>(*shown, u"Run report"_s)->isEnabled());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Complete);
        checkTable(*shown, u"Old, Unused"_s);
        QCOMPARE(shown->summaryText(), summary(19, 19, 1));
        QCOMPARE(progress->maximum(), expectedCalls(m_keys.size()));
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY(shown->noteText().startsWith(u"Complete"_s));
        QVERIFY(control<QPushButton>(*shown, u"Export CSV"_s)->isEnabled());
        QVERIFY(!control<QPushButton>(*shown, u"Cancel report"_s)->isEnabled());
    }

    void todayOnlyTheDisabledKeyIsFlaggedAndASecondRunReplaces()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QVERIFY(runReport(*shown));
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Complete);
        checkTable(*shown, QString());
        QCOMPARE(shown->summaryText(), summary(0, 0, 1));
        QVERIFY(runReport(*shown));
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Complete);
        checkTable(*shown, QString()); // the same rows, not twice as many
    }

    void staleDaysReflagTheLastReport()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        shown->setReportTime(serverNow().addSecs(31 * kDay));
        QVERIFY(runReport(*shown));
        checkTable(*shown, QString());
        auto *staleDays = control<QSpinBox>(*shown, u"Days after which a key is old or unused"_s);
        staleDays->setValue(30);
        checkTable(*shown, u"Old, Unused"_s);
        QCOMPARE(shown->summaryText(), summary(19, 19, 1));
        staleDays->setValue(AccessKeyInventory::kDefaultStaleDays);
        checkTable(*shown, QString());
        // A run with the setting flags the same way.
        staleDays->setValue(30);
        QVERIFY(runReport(*shown));
        checkTable(*shown, u"Old, Unused"_s);
    }

    void tableSortsByColumn()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QVERIFY(runReport(*shown));
        QTableView *table = control<QTableView>(*shown, u"AccessKeys"_s);
        QVERIFY(table);
        table->sortByColumn(AccessKeyInventoryModel::UserColumn, Qt::DescendingOrder);
        QCOMPARE(cell(table->model(), 0, AccessKeyInventoryModel::UserColumn), u"user11"_s);
        QCOMPARE(cell(table->model(), m_keys.size() - 1, AccessKeyInventoryModel::UserColumn),
                 u"root account"_s);
        table->sortByColumn(AccessKeyInventoryModel::FlagsColumn, Qt::DescendingOrder);
        QCOMPARE(cell(table->model(), 0, AccessKeyInventoryModel::FlagsColumn), u"Inactive"_s);
        table->sortByColumn(AccessKeyInventoryModel::LastUsedColumn, Qt::AscendingOrder);
        QCOMPARE(cell(table->model(), 0, AccessKeyInventoryModel::LastUsedColumn), u"Never"_s);
        QVERIFY(cell(table->model(), m_keys.size() - 1, AccessKeyInventoryModel::LastUsedColumn)
                != u"Never"_s);
    }

    void cancelMidWayKeepsTheRowsAndSaysPartial()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        shown->setMaxInFlight(1); // one answer at a time: the cancel lands at a known point
        auto *progress = control<QProgressBar>(*shown, u"Report progress"_s);
        auto *cancel = control<QPushButton>(*shown, u"Cancel report"_s);
        int valueAtCancel = -1;
        connect(progress, &QProgressBar::valueChanged, this, [&](int value) {
            if (value >= 12 && valueAtCancel < 0 && cancel->isEnabled()) {
                valueAtCancel = value;
                QTest::mouseClick(cancel, Qt::LeftButton);
            }
        });
        QVERIFY(runReport(*shown));
        QCOMPARE(valueAtCancel, 12);
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Partial);
        QCOMPARE(shown->error().kind, KeyError::Kind::Cancelled);
        QCOMPARE(progress->value(), 12); // nothing answered after the cancel
        QVERIFY(progress->maximum() > 12);
        const QAbstractItemModel *rows = shown->table()->model();
        QVERIFY(rows->rowCount() > 0);
        QVERIFY(rows->rowCount() < m_keys.size());
        for (int row = 0; row < rows->rowCount(); ++row) {
            const SeededKey *key
                = seeded(cell(rows, row, AccessKeyInventoryModel::AccessKeyIdColumn));
            QVERIFY(key);
            QCOMPARE(cell(rows, row, AccessKeyInventoryModel::LastUsedColumn) == u"Never"_s,
                     !key->used);
        }
        QVERIFY2(shown->noteText().contains(u"partial"_s), qPrintable(shown->noteText()));
        QVERIFY2(shown->noteText().contains(u"%1 key"_s.arg(rows->rowCount())),
                 qPrintable(shown->noteText()));
        QVERIFY(!cancel->isEnabled());
        QVERIFY(control<QPushButton>(*shown, u"Export CSV"_s)->isEnabled());
        // Run again: the whole report replaces the partial one.
        progress->disconnect(this);
        QVERIFY(runReport(*shown));
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Complete);
        QCOMPARE(shown->table()->model()->rowCount(), m_keys.size());
    }

    void closingWhileRunningCancels()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QTest::mouseClick(control<QPushButton>(*shown, u"Run report"_s), Qt::LeftButton);
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Running);
        const QPointer<AccessKeyInventory> job = shown->findChild<AccessKeyInventory *>();
        QVERIFY(job);
        shown.reset();
        QVERIFY(job.isNull());
        QCoreApplication::processEvents(); // answers to cancelled calls arrive nowhere
    }

    void ramUsersKeyIsToldItNeedsTheRootAccount()
    {
        const SeededKey &user00 = m_keys[1];
        QCOMPARE(user00.user, u"user00"_s);
        auto ramService = service({user00.id.toLatin1(), user00.secret, {}});
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QVERIFY(runReport(*shown));
        QCOMPARE(shown->state(), AccessKeyInventoryPage::State::Failed);
        QCOMPARE(shown->error().kind, KeyError::Kind::NotPermitted);
        auto *panel = shown->findChild<ErrorPanel *>();
        QVERIFY(panel && panel->isVisible());
        auto *title = panel->findChild<QLabel *>(u"errorTitle"_s);
        QVERIFY(title);
        QVERIFY2(title->text().contains(u"needs the root account's AccessKey"_s),
                 qPrintable(title->text()));
        QVERIFY2(panel->detailsText().contains(u"Service code: NoPermission"_s),
                 qPrintable(panel->detailsText()));
        QVERIFY(panel->detailsText().contains(u"HTTP status: 403"_s));
        QVERIFY(!control<QPushButton>(*shown, u"Export CSV"_s)->isEnabled());
        QVERIFY(control<QPushButton>(*shown, u"Run report"_s)->isEnabled());
    }

    void exportWritesTheReportAndNoSecret()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        shown->setReportTime(serverNow().addSecs(91 * kDay));
        QVERIFY(runReport(*shown));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"report.csv"_s);
        QVERIFY(shown->exportTo(path));
        QCOMPARE(shown->exportStatusText(), u"Saved 19 keys to %1."_s.arg(path));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArrayList lines = csvLines(file.readAll());
        QCOMPARE(lines.size(), m_keys.size() + 1);
        QCOMPARE(lines[0], "User,AccessKeyId,Status,Created,LastUsed,Flags"_ba);
        QVERIFY(lines[1].startsWith(
            QByteArray("<root account>," + m_account.root.accessKeyId + ",Active,")));
        for (const SeededKey &key : std::as_const(m_keys)) {
            const QByteArray id = key.id.toLatin1();
            int found = 0;
            for (const QByteArray &line : lines) {
                const QByteArrayList fields = line.split(',');
                if (fields.size() != 6 || fields[1] != id)
                    continue;
                ++found;
                QCOMPARE(fields[2], key.inactive ? "Inactive"_ba : "Active"_ba);
                QVERIFY(
                    QDateTime::fromString(QString::fromLatin1(fields[3]), Qt::ISODate).isValid());
                QVERIFY2(fields[3].endsWith('Z'), fields[3].constData());
                QCOMPARE(fields[4].isEmpty(), !key.used);
                QCOMPARE(fields[5], key.inactive ? "Old Unused Inactive"_ba : "Old Unused"_ba);
            }
            QCOMPARE(found, 1);
        }
        QCOMPARE(findSecrets({dir.path()}, secrets()), QStringList());

        // A folder is no file: the page says so and writes nothing.
        QVERIFY(!shown->exportTo(dir.path()));
        QVERIFY2(shown->exportStatusText().contains(QDir::toNativeSeparators(dir.path())),
                 qPrintable(shown->exportStatusText()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList {u"report.csv"_s});
    }

    void exportButtonAsksWhereToSave()
    {
        auto ramService = service(m_account.root);
        auto shown = page(ramService.get());
        QVERIFY(shown);
        QVERIFY(runReport(*shown));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"chosen.csv"_s);
        bool answered = false;
        // The dialog is modal: answer it from the event loop it runs.
        auto *answer = new QTimer(this);
        connect(answer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || answered)
                return;
            answered = true;
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), checks and all
        });
        answer->start(10);
        QTest::mouseClick(control<QPushButton>(*shown, u"Export CSV"_s), Qt::LeftButton);
        delete answer;
        QVERIFY(answered);
        QVERIFY(QFile::exists(path));
        QVERIFY(shown->exportStatusText().startsWith(u"Saved 19 keys"_s));
        QCOMPARE(findSecrets({dir.path()}, secrets()), QStringList());
    }

    void csvQuotesFieldsAndDefusesFormulas()
    {
        const QDateTime created(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
        AccessKeyRow root {{}, u"LTAIroot"_s, KeyStatus::Active, created, created.addDays(1), {}};
        AccessKeyRow odd {u"ops, \"night\" team"_s,
                          u"LTAIodd"_s,
                          KeyStatus::Inactive,
                          created.toOffsetFromUtc(8 * 3600),
                          {},
                          AccessKeyFlag::Old | AccessKeyFlag::Unused | AccessKeyFlag::Inactive};
        AccessKeyRow formula {u"=HYPERLINK(\"x\")"_s, u"LTAIf"_s, KeyStatus::Active, created, {},
                              AccessKeyFlag::Old};
        AccessKeyRow lines {u"two\nlines"_s, u"-id"_s, KeyStatus::Active, created, {}, {}};
        QCOMPARE(AccessKeyInventoryCsv::toCsv({root, odd, formula, lines}),
                 "User,AccessKeyId,Status,Created,LastUsed,Flags\r\n"
                 "<root account>,LTAIroot,Active,2026-05-01T12:00:00Z,2026-05-02T12:00:00Z,\r\n"
                 "\"ops, \"\"night\"\" team\",LTAIodd,Inactive,2026-05-01T12:00:00Z,,"
                 "Old Unused Inactive\r\n"
                 "\"'=HYPERLINK(\"\"x\"\")\",LTAIf,Active,2026-05-01T12:00:00Z,,Old\r\n"
                 "\"two\nlines\",'-id,Active,2026-05-01T12:00:00Z,,\r\n"_ba);
        QCOMPARE(AccessKeyInventoryCsv::toCsv({}), AccessKeyInventoryCsv::header());
    }

    void csvWriteFailureIsTypedAndWritesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const AccessKeyRow row {
            u"user00"_s, u"LTAIx"_s, KeyStatus::Active, QDateTime::currentDateTimeUtc(), {}, {}};
        const auto entries = [&dir] {
            return QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        };

        // A folder's path.
        const AccessKeyInventoryCsv::Error folder = AccessKeyInventoryCsv::write(dir.path(), {row});
        QCOMPARE(folder.kind, AccessKeyInventoryCsv::Error::Kind::CannotOpen);
        QVERIFY(folder.message.contains(QDir::toNativeSeparators(dir.path())));
        QVERIFY(entries().isEmpty());

        // A folder that does not exist.
        const QString missing = dir.filePath(u"missing/report.csv"_s);
        const AccessKeyInventoryCsv::Error absent = AccessKeyInventoryCsv::write(missing, {row});
        QCOMPARE(absent.kind, AccessKeyInventoryCsv::Error::Kind::CannotOpen);
        QVERIFY(absent.message.contains(QDir::toNativeSeparators(missing)));
        QVERIFY(entries().isEmpty());

        // And a good path works, replacing what was there.
        const QString good = dir.filePath(u"report.csv"_s);
        QFile old(good);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
        old.close();
        QVERIFY(!AccessKeyInventoryCsv::write(good, {row}));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), AccessKeyInventoryCsv::toCsv({row}));
        QCOMPARE(entries(), QStringList {u"report.csv"_s});
    }
};

QTEST_MAIN(TestAccessKeyInventoryPage)
#include "TestAccessKeyInventoryPage.moc"
