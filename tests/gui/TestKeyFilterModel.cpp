#include "KeyFilterModel.h"
#include "KeyTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using keydesk::ApiKey;
using keydesk::KeyFilterModel;
using keydesk::KeyStatus;
using keydesk::KeyTableModel;

namespace {

const QDateTime kNow(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

// Five keys, each with one field no other key has.
QList<ApiKey> sampleKeys()
{
    QList<ApiKey> keys;
    auto add = [&keys](const QString &id, const QString &name, int ageDays) {
        ApiKey key;
        key.id = id;
        key.name = name;
        key.maskedValue = u"sk-****"_s + id.right(4);
        key.created = kNow.addDays(-ageDays);
        keys.append(key);
        return &keys.last();
    };
    add(u"id-0001"_s, u"Deploy Bot"_s, 10)->owner = u"alice"_s;
    ApiKey *key = add(u"id-0002"_s, u"nightly"_s, 30);
    key->workspaceId = u"ws-Research"_s;
    key->expires = kNow.addDays(2);
    key = add(u"id-0003"_s, u"reader"_s, 20);
    key->permission = u"read"_s;
    key->status = KeyStatus::Inactive;
    key->lastUsed = kNow.addDays(-1);
    key = add(u"id-0004"_s, u"old one"_s, 40);
    key->status = KeyStatus::Invalid;
    key->maskedValue = u"sk-****ZZ9q"_s;
    key->expires = kNow.addDays(-5);
    key = add(u"id-0005"_s, u"agent"_s, 5);
    key->lastUsed = kNow.addDays(-3);
    return keys;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList values = column(model, 0, KeyTableModel::KeyIdRole);
    values.sort();
    return values;
}

// Many ties: three names, two statuses, a few dates, each id once, in no particular order.
QList<ApiKey> tiedKeys()
{
    const QStringList names {u"beta"_s, u"Alpha"_s, u"alpha"_s};
    QList<ApiKey> keys;
    for (int i = 0; i < 30; ++i) {
        ApiKey key;
        key.id = u"id-%1"_s.arg((i * 7) % 30, 2, 10, QChar(u'0'));
        key.name = names.at(i % 3);
        key.maskedValue = u"sk-****%1"_s.arg(i % 4);
        key.status = i % 5 == 0 ? KeyStatus::Expired : KeyStatus::Active;
        key.created = kNow.addDays(-(i % 4));
        if (i % 3 == 0)
            key.expires = kNow.addDays(i % 2);
        if (i % 2 == 0)
            key.lastUsed = kNow.addDays(-(i % 3));
        key.owner = i % 6 == 0 ? QString() : u"user-%1"_s.arg(i % 2);
        key.workspaceId = u"ws-%1"_s.arg(i % 2);
        key.permission = i % 2 ? u"read"_s : u"write"_s;
        keys.append(key);
    }
    return keys;
}

// More keys than KeySortOrder sorts by insertion, with what its radix passes and dense copies
// must get right: texts that share more than their first 16 units (the ids too), that differ
// only in length, non-ASCII and empty texts, and ties in every column.
QList<ApiKey> manyKeys()
{
    const QStringList names {u"service-account-production-%1"_s,
                             u"\u00c4rger-%1"_s,
                             u"\u00e4rger-%1"_s,
                             u"z%1"_s,
                             QString(),
                             u"service-%1"_s,
                             u"a\u00e9%1"_s};
    const QStringList owners {QString(), u"ram"_s, u"ram-user-very-long-owner-name-%1"_s,
                              u"ram-user"_s};
    const QStringList permissions {u"read"_s, u"write"_s, u"readwrite"_s};
    QList<ApiKey> keys;
    for (int i = 0; i < 500; ++i) {
        ApiKey key;
        key.id = u"LTAI5tAAAAAAAAAAAA%1"_s.arg((i * 37) % 500, 3, 10, QChar(u'0'));
        const QString &name = names.at(i % names.size());
        key.name = name.isEmpty() ? name : name.arg(i % 50);
        key.maskedValue = u"sk-****%1"_s.arg(i % 9);
        key.status = KeyStatus(i % 5);
        key.created = kNow.addSecs(-qint64(i % 13) * 3600);
        if (i % 3 != 0)
            key.expires = kNow.addDays(i % 5 - 2);
        if (i % 2 == 0)
            key.lastUsed = kNow.addDays(-(i % 7));
        const QString &owner = owners.at(i % owners.size());
        key.owner = owner.contains(u'%') ? owner.arg(i % 3) : owner;
        key.workspaceId = u"workspace-with-a-long-shared-prefix-%1"_s.arg(i % 2);
        key.permission = permissions.at(i % permissions.size());
        keys.append(key);
    }
    return keys;
}

// The order a sort by column must give: by the column's key in the given order, ties by name
// (case-insensitively) then id, ascending, whatever the order.
QStringList expectedOrder(const KeyTableModel &model, int column, Qt::SortOrder order)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << row;
    // Whether left's key in column comes before right's.
    const auto lessThan = [&model, column](int left, int right) {
        if (KeyTableModel::sortsAsText(column))
            return model.sortText(column, left) < model.sortText(column, right);
        return model.sortNumber(column, left) < model.sortNumber(column, right);
    };
    std::sort(rows.begin(), rows.end(), [&](int left, int right) {
        if (lessThan(left, right) || lessThan(right, left))
            return order == Qt::AscendingOrder ? lessThan(left, right) : lessThan(right, left);
        const QString leftName = model.keyAt(left).name.toCaseFolded();
        const QString rightName = model.keyAt(right).name.toCaseFolded();
        if (leftName != rightName)
            return leftName < rightName;
        return model.keyAt(left).id < model.keyAt(right).id;
    });
    QStringList ids;
    for (int row : rows)
        ids << model.keyAt(row).id;
    return ids;
}

} // namespace

class TestKeyFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void passesModelTester();
    void matchesEachField_data();
    void matchesEachField();
    void narrowsAndWidens();
    void appliesToNewKeys();
    void sortsByDatesAndStatus();
    void sortsFilteredRows();
    void sortsEveryColumnWithTiesByNameThenId_data();
    void sortsEveryColumnWithTiesByNameThenId();
    void sortsManyKeys_data();
    void sortsManyKeys();
    void searchesManyKeys();
    void unsortedIsSourceOrder();
    void mapsToSourceRows();
    void selectionFollowsFilterAndSort();
    void headerClickSorts();
    void forwardsExpiryHintChanges();

private:
    KeyTableModel *m_keys = nullptr;
    KeyFilterModel *m_filter = nullptr;
};

void TestKeyFilterModel::init()
{
    m_keys = new KeyTableModel(this);
    m_keys->setNow(kNow);
    m_keys->setKeys(sampleKeys());
    m_filter = new KeyFilterModel(this);
    m_filter->setSourceModel(m_keys);
}

void TestKeyFilterModel::cleanup()
{
    delete m_filter;
    delete m_keys;
}

void TestKeyFilterModel::passesModelTester()
{
    QAbstractItemModelTester tester(m_filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filter->sort(KeyTableModel::CreatedColumn);
    m_filter->setFilterText(u"e"_s);
    m_filter->setFilterText(u"ea"_s);
    m_filter->sort(KeyTableModel::NameColumn, Qt::DescendingOrder);
    m_filter->setFilterText(u""_s);
    m_keys->setKeys(sampleKeys().mid(1));
    m_filter->setFilterText(u"zzz"_s);
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestKeyFilterModel::matchesEachField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name") << u"deploy"_s << QStringList {u"id-0001"_s};
    QTest::newRow("name, other case") << u"NIGHT"_s << QStringList {u"id-0002"_s};
    QTest::newRow("id") << u"ID-0003"_s << QStringList {u"id-0003"_s};
    QTest::newRow("masked value") << u"zz9Q"_s << QStringList {u"id-0004"_s};
    QTest::newRow("owner") << u"Alice"_s << QStringList {u"id-0001"_s};
    QTest::newRow("root owner") << u"root acc"_s
                                << QStringList {u"id-0002"_s, u"id-0003"_s, u"id-0004"_s,
                                                u"id-0005"_s};
    QTest::newRow("workspace") << u"research"_s << QStringList {u"id-0002"_s};
    QTest::newRow("permission") << u"READ"_s << QStringList {u"id-0003"_s};
    QTest::newRow("status") << u"inactive"_s << QStringList {u"id-0003"_s};
    QTest::newRow("status invalid") << u"Invalid"_s << QStringList {u"id-0004"_s};
    QTest::newRow("none") << u"no such key"_s << QStringList {};
}

void TestKeyFilterModel::matchesEachField()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_filter->setFilterText(text);
    QCOMPARE(m_filter->filterText(), text);
    QCOMPARE(ids(*m_filter), expected);
    m_filter->setFilterText(QString());
    QCOMPARE(m_filter->rowCount(), 5);
}

// Each keystroke narrows or widens the previous result; the rows must be those a fresh
// search finds.
void TestKeyFilterModel::narrowsAndWidens()
{
    const QStringList typed {u"e"_s,   u"e"_s,  u"er"_s, u"e"_s, u"r"_s, u"re"_s,
                             u"rea"_s, u"re"_s, u""_s,   u"o"_s, u"od"_s};
    for (const QString &text : typed) {
        m_filter->setFilterText(text);
        KeyFilterModel fresh;
        fresh.setSourceModel(m_keys);
        fresh.setFilterText(text);
        QCOMPARE(ids(*m_filter), ids(fresh));
    }
    m_filter->setFilterText(u"re"_s);
    QCOMPARE(ids(*m_filter), (QStringList {u"id-0002"_s, u"id-0003"_s}));
}

void TestKeyFilterModel::appliesToNewKeys()
{
    m_filter->setFilterText(u"agent"_s);
    QCOMPARE(m_filter->rowCount(), 1);
    QList<ApiKey> keys = sampleKeys();
    keys[0].name = u"second agent"_s;
    m_keys->setKeys(keys);
    QCOMPARE(ids(*m_filter), (QStringList {u"id-0001"_s, u"id-0005"_s}));
    m_keys->setKeys({});
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestKeyFilterModel::sortsByDatesAndStatus()
{
    m_filter->sort(KeyTableModel::CreatedColumn);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             (QStringList {u"id-0004"_s, u"id-0002"_s, u"id-0003"_s, u"id-0001"_s, u"id-0005"_s}));
    m_filter->sort(KeyTableModel::CreatedColumn, Qt::DescendingOrder);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole).first(), u"id-0005"_s);

    // Never expiring after every date; expired first.
    m_filter->sort(KeyTableModel::ExpiresColumn);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole).mid(0, 2),
             (QStringList {u"id-0004"_s, u"id-0002"_s}));
    // Never used first, then oldest use.
    m_filter->sort(KeyTableModel::LastUsedColumn);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole).mid(3),
             (QStringList {u"id-0005"_s, u"id-0003"_s}));

    m_filter->sort(KeyTableModel::StatusColumn);
    QCOMPARE(column(*m_filter, KeyTableModel::StatusColumn),
             (QStringList {u"Active"_s, u"Active"_s, u"Active"_s, u"Inactive"_s, u"Invalid"_s}));

    // Names case-insensitively.
    m_filter->sort(KeyTableModel::NameColumn);
    QCOMPARE(column(*m_filter, KeyTableModel::NameColumn),
             (QStringList {u"agent"_s, u"Deploy Bot"_s, u"nightly"_s, u"old one"_s, u"reader"_s}));
}

void TestKeyFilterModel::sortsFilteredRows()
{
    m_filter->sort(KeyTableModel::CreatedColumn, Qt::DescendingOrder);
    m_filter->setFilterText(u"e"_s);
    // Every status text has an "e" ("Active", "Inactive", "Invalid" in "old one").
    QCOMPARE(column(*m_filter, KeyTableModel::NameColumn),
             (QStringList {u"agent"_s, u"Deploy Bot"_s, u"reader"_s, u"nightly"_s, u"old one"_s}));
    m_filter->setFilterText(u"ea"_s); // "reader", and "nightly" in workspace "ws-Research"
    QCOMPARE(column(*m_filter, KeyTableModel::NameColumn),
             (QStringList {u"reader"_s, u"nightly"_s}));
}

void TestKeyFilterModel::sortsEveryColumnWithTiesByNameThenId_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    const QMetaEnum columns = QMetaEnum::fromType<KeyTableModel::Column>();
    for (int column = 0; column < KeyTableModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            QTest::addRow("%s %s", columns.valueToKey(column),
                          order == Qt::AscendingOrder ? "ascending" : "descending")
                << column << order;
        }
    }
}

void TestKeyFilterModel::sortsEveryColumnWithTiesByNameThenId()
{
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    m_keys->setKeys(tiedKeys());
    QAbstractItemModelTester tester(m_filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // From another order each time, so nothing is left from an earlier sort.
    m_filter->sort((sortColumn + 1) % KeyTableModel::ColumnCount, Qt::DescendingOrder);
    m_filter->sort(sortColumn, order);
    QCOMPARE(m_filter->sortColumn(), sortColumn);
    QCOMPARE(m_filter->sortOrder(), order);
    const QStringList expected = expectedOrder(*m_keys, sortColumn, order);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole), expected);

    // Filtering keeps the order: the matching rows of the full sorted list.
    m_filter->setFilterText(u"user-1"_s);
    QStringList filtered;
    for (const QString &id : expected) {
        const auto key = std::find_if(m_keys->keys().cbegin(), m_keys->keys().cend(),
                                      [&id](const ApiKey &k) { return k.id == id; });
        if (key->owner == u"user-1"_s)
            filtered << id;
    }
    QVERIFY(!filtered.isEmpty());
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole), filtered);
}

void TestKeyFilterModel::sortsManyKeys_data()
{
    sortsEveryColumnWithTiesByNameThenId_data();
}

void TestKeyFilterModel::sortsManyKeys()
{
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    m_keys->setKeys(manyKeys());
    m_filter->sort(sortColumn, order);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             expectedOrder(*m_keys, sortColumn, order));
}

// Typed and deleted: each result must be the keys a plain search of their fields finds, whether
// the search scanned every row or only those an earlier needle kept.
void TestKeyFilterModel::searchesManyKeys()
{
    m_keys->setKeys(manyKeys());
    const QStringList typed {u"r"_s,
                             u"ra"_s,
                             u"ram-user-very"_s,
                             u"ram-user-very-long-owner-name-1"_s,
                             u"ram"_s,
                             u"\u00c4"_s,
                             u"\u00e4rger-"_s,
                             u"\u00e4rger-1"_s,
                             u"\u00e4rger-12"_s,
                             u"aaaa0"_s,
                             u"aaaa04"_s,
                             u"aaaa049"_s,
                             u"nothing like it"_s,
                             u"-"_s};
    for (const QString &text : typed) {
        m_filter->setFilterText(text);
        QStringList expected;
        for (const ApiKey &key : m_keys->keys()) {
            const QStringList fields {key.name,
                                      key.id,
                                      key.maskedValue,
                                      key.owner.isEmpty() ? u"Root account"_s : key.owner,
                                      key.workspaceId,
                                      key.permission,
                                      keydesk::keyStatusName(key.status)};
            if (fields.join(u'\n').toLower().contains(text.toLower()))
                expected << key.id;
        }
        expected.sort();
        QCOMPARE(ids(*m_filter), expected);
    }
    QCOMPARE(m_filter->rowCount(), 500);
}

void TestKeyFilterModel::unsortedIsSourceOrder()
{
    QCOMPARE(m_filter->sortColumn(), -1);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             column(*m_keys, 0, KeyTableModel::KeyIdRole));
    m_filter->sort(KeyTableModel::NameColumn);
    m_filter->sort(-1);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             column(*m_keys, 0, KeyTableModel::KeyIdRole));
}

void TestKeyFilterModel::mapsToSourceRows()
{
    m_filter->sort(KeyTableModel::CreatedColumn, Qt::DescendingOrder);
    m_filter->setFilterText(u"e"_s);
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex proxy = m_filter->index(row, KeyTableModel::StatusColumn);
        const QModelIndex source = m_filter->mapToSource(proxy);
        QCOMPARE(source.row(), m_filter->sourceRow(row));
        QCOMPARE(source.column(), int(KeyTableModel::StatusColumn));
        QCOMPARE(m_filter->mapFromSource(source), proxy);
        QCOMPARE(proxy.data(KeyTableModel::KeyIdRole).toString(), m_keys->keyAt(source.row()).id);
    }
    m_filter->setFilterText(u"agent"_s);
    QCOMPARE(m_filter->rowCount(), 1);
    QVERIFY(!m_filter->mapFromSource(m_keys->index(0, 0)).isValid()); // "Deploy Bot"
    QCOMPARE(m_filter->sourceRow(1), -1);
}

// The view's selection and current index are persistent indexes: they follow the key while it
// is visible, whatever the order.
void TestKeyFilterModel::selectionFollowsFilterAndSort()
{
    QTableView view;
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setModel(m_filter);
    QItemSelectionModel *selection = view.selectionModel();
    auto selectedIds = [selection] {
        QStringList values;
        for (const QModelIndex &index : selection->selectedRows())
            values << index.data(KeyTableModel::KeyIdRole).toString();
        return values;
    };
    m_filter->sort(KeyTableModel::NameColumn);
    const QModelIndex reader = m_filter->mapFromSource(m_keys->index(2, 0));
    QCOMPARE(reader.data(KeyTableModel::KeyIdRole).toString(), u"id-0003"_s);
    selection->setCurrentIndex(reader,
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(selectedIds(), QStringList {u"id-0003"_s});

    m_filter->setFilterText(u"r"_s);
    QCOMPARE(selectedIds(), QStringList {u"id-0003"_s});
    m_filter->sort(KeyTableModel::CreatedColumn, Qt::DescendingOrder);
    QCOMPARE(selectedIds(), QStringList {u"id-0003"_s});
    QCOMPARE(selection->currentIndex().data(KeyTableModel::KeyIdRole).toString(), u"id-0003"_s);
    m_filter->setFilterText(QString());
    QCOMPARE(selectedIds(), QStringList {u"id-0003"_s});

    m_filter->setFilterText(u"agent"_s); // filters it out
    QVERIFY(selectedIds().isEmpty());
}

void TestKeyFilterModel::headerClickSorts()
{
    QTableView view;
    view.setSortingEnabled(true);
    view.setModel(m_filter);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView *header = view.horizontalHeader();
    const int x = header->sectionViewportPosition(KeyTableModel::CreatedColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QCOMPARE(m_filter->sortColumn(), int(KeyTableModel::CreatedColumn));
    const Qt::SortOrder first = m_filter->sortOrder();
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             expectedOrder(*m_keys, KeyTableModel::CreatedColumn, first));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QVERIFY(m_filter->sortOrder() != first);
    QCOMPARE(column(*m_filter, 0, KeyTableModel::KeyIdRole),
             expectedOrder(*m_keys, KeyTableModel::CreatedColumn, m_filter->sortOrder()));
}

void TestKeyFilterModel::forwardsExpiryHintChanges()
{
    m_filter->setFilterText(u"nightly"_s);
    QSignalSpy changed(m_filter, &QAbstractItemModel::dataChanged);
    m_keys->setNow(kNow.addDays(1));
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(KeyTableModel::ExpiresColumn));
    QVERIFY(topLeft.data().toString().contains(u"in 1 day"_s));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    TestKeyFilterModel test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeyFilterModel.moc"
