#pragma once

#include "domain/ApiKey.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QByteArrayView>
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

    // For KeyTextSearch: every row's searchable text, lower case, in UTF-8, one contiguous
    // buffer in row order, each row's fields and the row itself ended by '\n'.
    QByteArrayView searchBuffer() const { return m_searchBuffer; }
    qsizetype searchStart(int row) const { return m_searchStarts[std::size_t(row)]; }
    QByteArrayView searchText(int row) const;
    // For KeySortOrder: what a column sorts by, a text (the name case-folded, the key, owner,
    // workspace, permission) or a number (dates in msecs, status); ties go by name then id.
    static bool sortsAsText(int column);
    QStringView sortText(int column, int row) const;
    qint64 sortNumber(int column, int row) const;
    QStringView keyId(int row) const { return m_keys.at(row).id; }
    // Also for KeySortOrder: the first kSortPrefixChunks chunks of kSortChunkUnits UTF-16 units
    // of a text column's sort text (IdText: the id), the first unit most significant, zeros past
    // the end, and the text's size; copied in setKeys(), row after row, so that sorting 100,000
    // rows reads two dense arrays instead of 100,000 strings scattered over the heap.
    static constexpr int IdText = ColumnCount;
    static constexpr int kSortChunkUnits = 4;
    static constexpr int kSortPrefixChunks = 4;
    const quint64 *sortPrefix(int column, int row) const
    {
        return &m_sortPrefixes[prefixSlot(column)].chunks[std::size_t(row) * kSortPrefixChunks];
    }
    qsizetype sortTextSize(int column, int row) const
    {
        return m_sortPrefixes[prefixSlot(column)].sizes[std::size_t(row)];
    }
    // Changes whenever the rows do, so a proxy knows when its per-row cache is stale.
    quint64 generation() const { return m_generation; }

private:
    // Per row, computed once in setKeys().
    struct RowCache
    {
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
    void cacheSearchText(const ApiKey &key);
    void cacheSortPrefixes(int row);
    static constexpr std::size_t prefixSlot(int column)
    {
        switch (column) {
        case NameColumn:
            return 0;
        case KeyColumn:
            return 1;
        case OwnerColumn:
            return 2;
        case WorkspaceColumn:
            return 3;
        case PermissionColumn:
            return 4;
        default: // IdText
            return 5;
        }
    }

    // Per text column (prefixSlot()), for KeySortOrder.
    struct SortPrefixes
    {
        std::vector<quint64> chunks; // kSortPrefixChunks per row
        std::vector<int> sizes;
    };

    QList<ApiKey> m_keys;
    std::vector<RowCache> m_rows;
    QByteArray m_searchBuffer;
    std::vector<qsizetype> m_searchStarts; // per row and one past the last
    std::vector<SortPrefixes> m_sortPrefixes;
    QDateTime m_now;
    quint64 m_generation = 0;
};

} // namespace keydesk
