#include "AccessKeyInventoryModel.h"

#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

QString shortDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString longDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

// "Never used" sorts before every date, as in the key list.
qint64 sortableTime(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

AccessKeyInventoryModel::AccessKeyInventoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AccessKeyInventoryModel::setRows(QList<AccessKeyRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString AccessKeyInventoryModel::userText(const QString &user)
{
    return user.isEmpty() ? tr("root account") : user;
}

QString AccessKeyInventoryModel::flagsText(AccessKeyFlags flags)
{
    QStringList words;
    if (flags.testFlag(AccessKeyFlag::Old))
        words.append(tr("Old"));
    if (flags.testFlag(AccessKeyFlag::Unused))
        words.append(tr("Unused"));
    if (flags.testFlag(AccessKeyFlag::Inactive))
        words.append(tr("Inactive"));
    return words.join(tr(", "));
}

int AccessKeyInventoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccessKeyInventoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessKeyInventoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccessKeyRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn && row.created.isValid())
            return longDate(row.created);
        if (index.column() == LastUsedColumn)
            return row.lastUsed.isValid() ? longDate(row.lastUsed)
                                          : tr("The service reports no use of this key.");
        return {};
    default:
        return {};
    }
}

QVariant AccessKeyInventoryModel::displayText(const AccessKeyRow &row, int column) const
{
    switch (column) {
    case UserColumn:
        return userText(row.user);
    case AccessKeyIdColumn:
        return row.accessKeyId;
    case StatusColumn:
        return keyStatusName(row.status);
    case CreatedColumn:
        return row.created.isValid() ? shortDate(row.created) : QString();
    case LastUsedColumn:
        return row.lastUsed.isValid() ? shortDate(row.lastUsed) : tr("Never");
    case FlagsColumn:
        return flagsText(row.flags);
    default:
        return {};
    }
}

QVariant AccessKeyInventoryModel::sortValue(const AccessKeyRow &row, int column)
{
    switch (column) {
    case UserColumn:
        return row.user.toCaseFolded(); // the root account (empty) first
    case AccessKeyIdColumn:
        return row.accessKeyId;
    case StatusColumn:
        return qint64(row.status);
    case CreatedColumn:
        return sortableTime(row.created);
    case LastUsedColumn:
        return sortableTime(row.lastUsed);
    case FlagsColumn:
        return qint64(row.flags.toInt());
    default:
        return {};
    }
}

QVariant AccessKeyInventoryModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("User");
    case AccessKeyIdColumn:
        return tr("AccessKey ID");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case LastUsedColumn:
        return tr("Last used");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace keydesk
