#pragma once

#include "services/AccessKeyInventory.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace keydesk {

// The rows of an AccessKey report as the inventory page shows them: texts for people in
// DisplayRole (the flags as words, never colour alone), raw values for sorting in SortRole.
// A report has a few hundred rows at most, so a plain QSortFilterProxyModel sorts it.
class AccessKeyInventoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        UserColumn,
        AccessKeyIdColumn,
        StatusColumn,
        CreatedColumn,
        LastUsedColumn,
        FlagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // qint64 (dates, msecs since epoch; flags), QString
    };
    Q_ENUM(Role)

    explicit AccessKeyInventoryModel(QObject *parent = nullptr);

    void setRows(QList<AccessKeyRow> rows);
    const QList<AccessKeyRow> &rows() const { return m_rows; }

    // "root account" for the empty user; "Old, Unused, Inactive" (empty: no flag).
    static QString userText(const QString &user);
    static QString flagsText(AccessKeyFlags flags);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const AccessKeyRow &row, int column) const;
    static QVariant sortValue(const AccessKeyRow &row, int column);

    QList<AccessKeyRow> m_rows;
};

} // namespace keydesk
