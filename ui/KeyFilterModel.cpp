#include "KeyFilterModel.h"

#include "KeyTableModel.h"

namespace keydesk {

KeyFilterModel::KeyFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

KeyFilterModel::~KeyFilterModel() = default;

void KeyFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *keys = qobject_cast<KeyTableModel *>(sourceModel);
    Q_ASSERT_X(keys || !sourceModel, "KeyFilterModel", "the source must be a KeyTableModel");
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_keys = keys;
    QAbstractProxyModel::setSourceModel(keys);
    m_order.setModel(keys);
    m_search.setModel(keys);
    if (keys) {
        // KeyTableModel resets on setKeys(); any other change of rows is taken as a reset too.
        const auto begin = &KeyFilterModel::beginSourceReset;
        const auto end = &KeyFilterModel::endSourceReset;
        m_connections = {
            connect(keys, &QAbstractItemModel::modelAboutToBeReset, this, begin),
            connect(keys, &QAbstractItemModel::modelReset, this, end),
            connect(keys, &QAbstractItemModel::rowsAboutToBeInserted, this, begin),
            connect(keys, &QAbstractItemModel::rowsInserted, this, end),
            connect(keys, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin),
            connect(keys, &QAbstractItemModel::rowsRemoved, this, end),
            connect(keys, &QAbstractItemModel::layoutAboutToBeChanged, this, begin),
            connect(keys, &QAbstractItemModel::layoutChanged, this, end),
            connect(keys, &QAbstractItemModel::dataChanged, this,
                    &KeyFilterModel::forwardDataChanged),
            connect(keys, &QAbstractItemModel::headerDataChanged, this,
                    &QAbstractItemModel::headerDataChanged),
        };
    }
    m_order.rows(m_sortColumn, m_sortOrder, m_sorted);
    findVisibleRows();
    takeRows();
    endResetModel();
}

int KeyFilterModel::sourceRow(int row) const
{
    return row >= 0 && std::size_t(row) < m_visible.size() ? m_visible[std::size_t(row)] : -1;
}

QModelIndex KeyFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex KeyFilterModel::parent(const QModelIndex &child) const
{
    Q_UNUSED(child);
    return {};
}

int KeyFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int KeyFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_keys ? 0 : m_keys->columnCount();
}

bool KeyFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex KeyFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_keys || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    return m_keys->index(sourceRow(proxyIndex.row()), proxyIndex.column());
}

QModelIndex KeyFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_keys || !sourceIndex.isValid() || sourceIndex.model() != m_keys)
        return {};
    const auto sourceRow = std::size_t(sourceIndex.row());
    if (sourceRow >= m_proxyRows.size())
        return {};
    return index(m_proxyRows[sourceRow], sourceIndex.column());
}

void KeyFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_order.rows(column, order, m_sorted);
    findVisibleRows();
    showRows(VerticalSortHint);
}

void KeyFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_needle = text.toLower();
    findVisibleRows();
    showRows(NoLayoutChangeHint);
}

// The sorted rows that match the filter, in order, into m_next.
void KeyFilterModel::findVisibleRows()
{
    if (m_needle.isEmpty() || !m_keys) {
        m_next.assign(m_sorted.begin(), m_sorted.end());
        return;
    }
    const std::vector<bool> &matches = m_search.matches(m_needle);
    m_next.clear();
    for (int row : m_sorted) {
        if (matches[std::size_t(row)])
            m_next.push_back(row);
    }
}

// A layout change, not a reset: persistent indexes (the selection, the current index) follow
// their source row to its new place, or become invalid when it is filtered out.
void KeyFilterModel::showRows(LayoutChangeHint hint)
{
    if (m_next == m_visible)
        return;
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex &index : before)
        sourceRows << sourceRow(index.row());
    takeRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int source = sourceRows.at(i);
        after << (source < 0 ? QModelIndex()
                             : index(m_proxyRows[std::size_t(source)], before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

// m_next becomes the visible rows; the old ones' buffer is kept for the next change.
void KeyFilterModel::takeRows()
{
    std::swap(m_visible, m_next);
    m_proxyRows.assign(m_keys ? std::size_t(m_keys->rowCount()) : 0, -1);
    for (std::size_t row = 0; row < m_visible.size(); ++row)
        m_proxyRows[std::size_t(m_visible[row])] = int(row);
}

void KeyFilterModel::beginSourceReset()
{
    beginResetModel();
}

void KeyFilterModel::endSourceReset()
{
    m_order.rows(m_sortColumn, m_sortOrder, m_sorted);
    findVisibleRows();
    takeRows();
    endResetModel();
}

// Only the expiry hints change in place ("in 3 days"): the rows and their order do not.
void KeyFilterModel::forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                        const QList<int> &roles)
{
    if (m_visible.empty())
        return;
    Q_EMIT dataChanged(index(0, topLeft.column()),
                       index(int(m_visible.size()) - 1, bottomRight.column()), roles);
}

} // namespace keydesk
