#pragma once

#include "domain/ApiKey.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace keydesk {

struct ServiceCapabilities;

// The keys of one profile as the key list shows them: texts for people in DisplayRole, raw
// values for sorting in SortRole. It precomputes what sorting and filtering need per row when
// the keys are set, so a proxy over 100,000 rows does no per-row allocation (KeyFilterModel).
class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        KeyColumn,
        StatusColumn,
        CreatedColumn,
        ExpiresColumn,
        LastUsedColumn,
        OwnerColumn,
        WorkspaceColumn,
        PermissionColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // qint64 (dates, msecs since epoch), int (status), QString
        KeyIdRole, // QString: the key's id, whatever the column
        StatusRole, // int: KeyStatus
        SearchTextRole, // QString: the row's searchable text, lower case
    };
    Q_ENUM(Role)

    explicit KeyTableModel(QObject *parent = nullptr);
    ~KeyTableModel() override;

    void setKeys(QList<ApiKey> keys);
    const QList<ApiKey> &keys() const { return m_keys; }
    const ApiKey &keyAt(int row) const { return m_keys.at(row); }
    // The moment the hints ("in 3 days") are relative to; invalid: the clock at each call.
    void setNow(const QDateTime &now);
    QDateTime now() const;

    // The columns a service's keys have, in display order: a view hides the others.
    static QList<Column> columnsFor(const ServiceCapabilities &capabilities);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // For KeyFilterModel: no QVariant and no allocation per call.
    QStringView searchText(int row) const { return m_rows[std::size_t(row)].searchText; }
    bool lessThan(int column, int leftRow, int rightRow) const;
    // For KeySortOrder: what a column sorts by, a text (the name case-folded, the key, owner,
    // workspace, permission) or a number (dates in msecs, status); ties go by name then id.
    static bool sortsAsText(int column);
    QStringView sortText(int column, int row) const;
    qint64 sortNumber(int column, int row) const;
    QStringView keyId(int row) const { return m_keys.at(row).id; }
    // Changes whenever the rows do, so a proxy knows when its per-row cache is stale.
    quint64 generation() const { return m_generation; }

private:
    // Per row, computed once in setKeys().
    struct RowCache
    {
        QString searchText; // lower case, fields separated by '\n'
        QString nameKey; // case-folded name, for sorting
        qint64 created = 0;
        qint64 expires = 0;
        qint64 lastUsed = 0;
    };

    QVariant displayText(const ApiKey &key, int column) const;
    QVariant sortValue(int row, int column) const;
    QVariant toolTip(const ApiKey &key, int column) const;
    QString expiryHint(const QDateTime &expires) const;
    static QString ownerText(const ApiKey &key);
    static RowCache cacheRow(const ApiKey &key);

    QList<ApiKey> m_keys;
    std::vector<RowCache> m_rows;
    QDateTime m_now;
    quint64 m_generation = 0;
};

} // namespace keydesk
