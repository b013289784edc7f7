#pragma once

#include "KeySortOrder.h"
#include "KeyTextSearch.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QPointer>
#include <QString>

#include <vector>

namespace keydesk {

class KeyTableModel;

// Filter-as-you-type and sorting for the key list, within a frame at 100,000 rows: the filter is
// a case-insensitive substring of a row's name, id, masked value, owner, workspace, permission
// or status (KeyTextSearch); the visible rows are the current sort order (KeySortOrder) with the
// rows that do not match left out, one linear pass that never sorts again. Changes are layout
// changes, so a selected key stays selected while it is visible. The source must be a
// KeyTableModel: the proxy works on its precomputed texts and keys.
class KeyFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit KeyFilterModel(QObject *parent = nullptr);
    ~KeyFilterModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    QString filterText() const { return m_filterText; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // -1 when row is not a visible row.
    int sourceRow(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public Q_SLOTS:
    void setFilterText(const QString &text);

private:
    void findVisibleRows();
    void showRows(LayoutChangeHint hint);
    void takeRows();
    void beginSourceReset();
    void endSourceReset();
    void forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                            const QList<int> &roles);

    QPointer<KeyTableModel> m_keys;
    QList<QMetaObject::Connection> m_connections;
    KeySortOrder m_order;
    KeyTextSearch m_search;
    QString m_filterText;
    QString m_needle; // m_filterText in lower case
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_sorted; // every source row, in the sort order
    std::vector<int> m_visible; // per proxy row: its source row
    std::vector<int> m_next; // what m_visible becomes, its capacity kept for the next change
    std::vector<int> m_proxyRows; // per source row: its proxy row, or -1
};

} // namespace keydesk
