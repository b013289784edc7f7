#include "KeyTableModel.h"
#include "net/HttpClient.h"
#include "services/DashVectorService.h"
#include "services/ModelStudioService.h"
#include "services/OceanBaseService.h"
#include "services/RamService.h"
#include "services/TablestoreService.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QLocale>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using keydesk::ApiKey;
using keydesk::KeyStatus;
using keydesk::KeyTableModel;
using Column = keydesk::KeyTableModel::Column;

namespace {

const QDateTime kNow(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

ApiKey makeKey(const QString &id, const QString &name)
{
    ApiKey key;
    key.id = id;
    key.name = name;
    key.maskedValue = u"sk-****"_s + id.right(4);
    key.created = kNow.addDays(-30);
    return key;
}

QString shortDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

class TestKeyTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void displayTexts();
    void expiryHints_data();
    void expiryHints();
    void statusHasTextAndColour();
    void sortRoleGivesRawValues();
    void keyIdAndKeyAt();
    void columnsForEachService_data();
    void columnsForEachService();
};

void TestKeyTableModel::passesModelTester()
{
    KeyTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys({makeKey(u"k1"_s, u"one"_s), makeKey(u"k2"_s, u"two"_s)});
    model.setNow(kNow);
    model.setKeys({});
    model.setKeys({makeKey(u"k3"_s, u"three"_s)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(KeyTableModel::ColumnCount));
}

void TestKeyTableModel::displayTexts()
{
    ApiKey key = makeKey(u"LTAI5tAbCd"_s, u"ci deploy"_s);
    key.lastUsed = kNow.addSecs(-3600);
    key.owner = u"alice"_s;
    key.workspaceId = u"ws-default"_s;
    key.permission = u"read"_s;
    ApiKey rootKey = makeKey(u"LTAI5tRoot"_s, u"root"_s);
    ApiKey unnamed = makeKey(u"LTAI5tNoName"_s, QString()); // as every RAM AccessKey
    KeyTableModel model;
    model.setNow(kNow);
    model.setKeys({key, rootKey, unnamed});

    auto text = [&model](int row, Column column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, KeyTableModel::NameColumn), u"ci deploy"_s);
    QCOMPARE(text(2, KeyTableModel::NameColumn), u"LTAI5tNoName"_s); // known by its id
    QCOMPARE(model.headerData(KeyTableModel::NameColumn, Qt::Horizontal).toString(),
             u"Name or ID"_s);
    QCOMPARE(text(0, KeyTableModel::KeyColumn), u"sk-****AbCd"_s);
    QCOMPARE(text(0, KeyTableModel::StatusColumn), u"Active"_s);
    QCOMPARE(text(0, KeyTableModel::CreatedColumn), shortDate(key.created));
    QCOMPARE(text(0, KeyTableModel::ExpiresColumn), u"Never"_s);
    QCOMPARE(text(0, KeyTableModel::LastUsedColumn), shortDate(key.lastUsed));
    QCOMPARE(text(1, KeyTableModel::LastUsedColumn), u"Not reported"_s);
    QCOMPARE(text(0, KeyTableModel::OwnerColumn), u"alice"_s);
    QCOMPARE(text(1, KeyTableModel::OwnerColumn), u"Root account"_s);
    QCOMPARE(text(0, KeyTableModel::WorkspaceColumn), u"ws-default"_s);
    QCOMPARE(text(0, KeyTableModel::PermissionColumn), u"read"_s);
    QCOMPARE(model.headerData(KeyTableModel::LastUsedColumn, Qt::Horizontal).toString(),
             u"Last used"_s);
    QVERIFY(model.index(0, KeyTableModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"LTAI5tAbCd"_s));
}

void TestKeyTableModel::expiryHints_data()
{
    QTest::addColumn<qint64>("offsetSeconds");
    QTest::addColumn<QString>("hint");
    constexpr qint64 hour = 3600;
    constexpr qint64 day = 24 * hour;
    QTest::newRow("in 3 days") << 3 * day + hour << u"in 3 days"_s;
    QTest::newRow("in 1 day") << day + 5 << u"in 1 day"_s;
    QTest::newRow("in 5 hours") << 5 * hour << u"in 5 hours"_s;
    QTest::newRow("in 1 hour") << hour << u"in 1 hour"_s;
    QTest::newRow("in 10 minutes") << qint64(600) << u"in 10 minutes"_s;
    QTest::newRow("in a minute") << qint64(30) << u"in a minute"_s;
    QTest::newRow("just now") << qint64(0) << u"expired just now"_s;
    QTest::newRow("2 hours ago") << -2 * hour - 1 << u"expired 2 hours ago"_s;
    QTest::newRow("1 day ago") << -day << u"expired 1 day ago"_s;
    QTest::newRow("2 days ago") << -2 * day << u"expired 2 days ago"_s;
}

void TestKeyTableModel::expiryHints()
{
    QFETCH(qint64, offsetSeconds);
    QFETCH(QString, hint);
    ApiKey key = makeKey(u"k1"_s, u"one"_s);
    key.expires = kNow.addSecs(offsetSeconds);
    KeyTableModel model;
    model.setNow(kNow);
    model.setKeys({key});
    QCOMPARE(model.index(0, KeyTableModel::ExpiresColumn).data().toString(),
             u"%1 (%2)"_s.arg(shortDate(key.expires), hint));
}

void TestKeyTableModel::statusHasTextAndColour()
{
    ApiKey active = makeKey(u"k1"_s, u"one"_s);
    ApiKey invalid = makeKey(u"k2"_s, u"two"_s);
    invalid.status = KeyStatus::Invalid;
    ApiKey expired = makeKey(u"k3"_s, u"three"_s);
    expired.status = KeyStatus::Expired;
    KeyTableModel model;
    model.setKeys({active, invalid, expired});

    QStringList texts;
    QList<QColor> colours;
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = model.index(row, KeyTableModel::StatusColumn);
        texts << index.data().toString();
        colours << index.data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(!index.data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(index.data(KeyTableModel::StatusRole).toInt(), int(model.keyAt(row).status));
    }
    QCOMPARE(texts, (QStringList {u"Active"_s, u"Invalid"_s, u"Expired"_s}));
    QVERIFY(colours.at(0).isValid() && colours.at(1).isValid() && colours.at(2).isValid());
    QVERIFY(colours.at(0) != colours.at(1));
    QVERIFY(colours.at(1) != colours.at(2));
    // Only the status column is coloured.
    QVERIFY(!model.index(0, KeyTableModel::NameColumn).data(Qt::ForegroundRole).isValid());
}

void TestKeyTableModel::sortRoleGivesRawValues()
{
    ApiKey key = makeKey(u"k1"_s, u"Deploy"_s);
    key.expires = kNow.addDays(3);
    KeyTableModel model;
    model.setKeys({key, makeKey(u"k2"_s, u"other"_s)});
    auto sortValue = [&model](int row, Column column) {
        return model.index(row, column).data(KeyTableModel::SortRole);
    };
    QCOMPARE(sortValue(0, KeyTableModel::CreatedColumn).toLongLong(),
             key.created.toMSecsSinceEpoch());
    QCOMPARE(sortValue(0, KeyTableModel::ExpiresColumn).toLongLong(),
             key.expires.toMSecsSinceEpoch());
    // Never expiring sorts after every date, never used before every date.
    QCOMPARE(sortValue(1, KeyTableModel::ExpiresColumn).toLongLong(),
             std::numeric_limits<qint64>::max());
    QCOMPARE(sortValue(1, KeyTableModel::LastUsedColumn).toLongLong(),
             std::numeric_limits<qint64>::min());
    QCOMPARE(sortValue(0, KeyTableModel::StatusColumn).toInt(), int(KeyStatus::Active));
    QCOMPARE(sortValue(0, KeyTableModel::NameColumn).toString(), u"deploy"_s);
    // What KeySortOrder reads: the same keys without QVariant.
    QVERIFY(!KeyTableModel::sortsAsText(KeyTableModel::ExpiresColumn));
    QCOMPARE(model.sortNumber(KeyTableModel::ExpiresColumn, 0), key.expires.toMSecsSinceEpoch());
    QCOMPARE(model.sortNumber(KeyTableModel::ExpiresColumn, 1), std::numeric_limits<qint64>::max());
    QVERIFY(KeyTableModel::sortsAsText(KeyTableModel::NameColumn));
    QCOMPARE(model.sortText(KeyTableModel::NameColumn, 0).toString(), u"deploy"_s);
    QCOMPARE(model.sortText(KeyTableModel::OwnerColumn, 0).toString(), key.owner);
}

void TestKeyTableModel::keyIdAndKeyAt()
{
    KeyTableModel model;
    model.setKeys({makeKey(u"k1"_s, u"one"_s), makeKey(u"k2"_s, u"two"_s)});
    for (int column = 0; column < KeyTableModel::ColumnCount; ++column)
        QCOMPARE(model.index(1, column).data(KeyTableModel::KeyIdRole).toString(), u"k2"_s);
    QCOMPARE(model.keyAt(0).name, u"one"_s);
    QCOMPARE(model.keys().size(), 2);
}

void TestKeyTableModel::columnsForEachService_data()
{
    QTest::addColumn<int>("service");
    QTest::addColumn<bool>("masked"); // the list gives masked values: a Key column after Name
    QTest::addColumn<QList<Column>>("extra"); // after Name, [Key,] Status, Created
    using K = KeyTableModel;
    QTest::newRow("ram") << int(keydesk::ServiceKind::Ram) << false
                         << QList<Column> {K::LastUsedColumn, K::OwnerColumn};
    QTest::newRow("modelstudio") << int(keydesk::ServiceKind::ModelStudio) << true
                                 << QList<Column> {K::LastUsedColumn, K::OwnerColumn,
                                                   K::WorkspaceColumn};
    QTest::newRow("dashvector") << int(keydesk::ServiceKind::DashVector) << true
                                << QList<Column> {K::LastUsedColumn};
    QTest::newRow("tablestore") << int(keydesk::ServiceKind::Tablestore) << false
                                << QList<Column> {K::ExpiresColumn, K::LastUsedColumn};
    QTest::newRow("oceanbase") << int(keydesk::ServiceKind::OceanBase) << true
                               << QList<Column> {K::LastUsedColumn, K::PermissionColumn};
}

// Each real adapter's capabilities; nothing is sent.
void TestKeyTableModel::columnsForEachService()
{
    QFETCH(int, service);
    QFETCH(bool, masked);
    QFETCH(QList<Column>, extra);
    keydesk::HttpClient client;
    keydesk::Profile profile;
    profile.id = u"test"_s;
    profile.service = keydesk::ServiceKind(service);
    profile.endpoint = QUrl(u"http://127.0.0.1:9"_s);
    const QByteArray secret = "not-a-secret"_ba;
    std::unique_ptr<keydesk::KeyService> adapter;
    switch (profile.service) {
    case keydesk::ServiceKind::Ram:
        adapter = std::make_unique<keydesk::RamService>(profile, secret, &client);
        break;
    case keydesk::ServiceKind::ModelStudio:
        adapter = std::make_unique<keydesk::ModelStudioService>(profile, secret, &client);
        break;
    case keydesk::ServiceKind::DashVector:
        adapter = std::make_unique<keydesk::DashVectorService>(profile, secret, &client);
        break;
    case keydesk::ServiceKind::Tablestore:
        adapter = std::make_unique<keydesk::TablestoreService>(profile, secret, &client);
        break;
    case keydesk::ServiceKind::OceanBase:
        adapter = std::make_unique<keydesk::OceanBaseService>(profile, secret, &client);
        break;
    }
    QList<Column> expected {KeyTableModel::NameColumn};
    if (masked)
        expected.append(KeyTableModel::KeyColumn);
    expected += QList<Column> {KeyTableModel::StatusColumn, KeyTableModel::CreatedColumn} + extra;
    QCOMPARE(KeyTableModel::columnsFor(adapter->capabilities()), expected);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Fixed texts ("in 3 days", "Never") whatever the machine's language.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    TestKeyTableModel test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeyTableModel.moc"
