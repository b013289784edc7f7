#include "KeyTableModel.h"

#include "services/KeyService.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <limits>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// Invalid dates sort as given: "never expires" after every date, "never used" before.
qint64 sortableTime(const QDateTime &time, qint64 whenInvalid)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : whenInvalid;
}

QString shortDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString longDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

// English needs "1 day" but "3 days"; %n keeps the count translatable with plural forms.
QString futureSpan(qint64 seconds)
{
    const int days = int(seconds / kDay);
    const int hours = int(seconds / kHour);
    const int minutes = int(seconds / kMinute);
    if (days > 0)
        return days == 1 ? KeyTableModel::tr("in 1 day")
                         : KeyTableModel::tr("in %n days", "", days);
    if (hours > 0)
        return hours == 1 ? KeyTableModel::tr("in 1 hour")
                          : KeyTableModel::tr("in %n hours", "", hours);
    if (minutes > 1)
        return KeyTableModel::tr("in %n minutes", "", minutes);
    return KeyTableModel::tr("in a minute");
}

QString pastSpan(qint64 seconds)
{
    const int days = int(seconds / kDay);
    const int hours = int(seconds / kHour);
    const int minutes = int(seconds / kMinute);
    if (days > 0)
        return days == 1 ? KeyTableModel::tr("expired 1 day ago")
                         : KeyTableModel::tr("expired %n days ago", "", days);
    if (hours > 0)
        return hours == 1 ? KeyTableModel::tr("expired 1 hour ago")
                          : KeyTableModel::tr("expired %n hours ago", "", hours);
    if (minutes > 1)
        return KeyTableModel::tr("expired %n minutes ago", "", minutes);
    return KeyTableModel::tr("expired just now");
}

// The status text always goes with the colour; the colour only helps the eye. Lighter tones
// on a dark palette keep the contrast.
QColor statusColour(KeyStatus status)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (status) {
    case KeyStatus::Active:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case KeyStatus::Inactive:
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case KeyStatus::Expired:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0x9a, 0x4a, 0x00);
    case KeyStatus::Revoked:
    case KeyStatus::Invalid:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    }
    return {};
}

QString statusExplanation(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return KeyTableModel::tr("The key works.");
    case KeyStatus::Inactive:
        return KeyTableModel::tr("The key is disabled: calls with it are refused until it is "
                                 "enabled again.");
    case KeyStatus::Expired:
        return KeyTableModel::tr("The key has passed its expiration time: calls with it are "
                                 "refused.");
    case KeyStatus::Revoked:
        return KeyTableModel::tr("The key was revoked: calls with it are refused.");
    case KeyStatus::Invalid:
        return KeyTableModel::tr("The key's owner was disabled, deleted or removed from the "
                                 "workspace: calls with it are refused.");
    }
    return {};
}

} // namespace

KeyTableModel::KeyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

KeyTableModel::~KeyTableModel() = default;

void KeyTableModel::setKeys(QList<ApiKey> keys)
{
    beginResetModel();
    m_keys = std::move(keys);
    m_rows.clear();
    m_rows.reserve(std::size_t(m_keys.size()));
    for (const ApiKey &key : std::as_const(m_keys))
        m_rows.push_back(cacheRow(key));
    ++m_generation;
    endResetModel();
}

void KeyTableModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn));
}

QDateTime KeyTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QList<KeyTableModel::Column> KeyTableModel::columnsFor(const ServiceCapabilities &capabilities)
{
    QList<Column> columns {NameColumn, KeyColumn, StatusColumn, CreatedColumn};
    if (capabilities.hasExpiry)
        columns.append(ExpiresColumn);
    columns.append(LastUsedColumn);
    if (capabilities.hasOwners)
        columns.append(OwnerColumn);
    if (capabilities.hasWorkspaces)
        columns.append(WorkspaceColumn);
    if (!capabilities.permissions.isEmpty())
        columns.append(PermissionColumn);
    return columns;
}

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(key, index.column());
    case Qt::ToolTipRole:
        return toolTip(key, index.column());
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(statusColour(key.status));
        return {};
    case SortRole:
        return sortValue(index.row(), index.column());
    case KeyIdRole:
        return key.id;
    case StatusRole:
        return int(key.status);
    case SearchTextRole:
        return m_rows[std::size_t(index.row())].searchText;
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name or ID");
    case KeyColumn:
        return tr("Key");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case ExpiresColumn:
        return tr("Expires");
    case LastUsedColumn:
        return tr("Last used");
    case OwnerColumn:
        return tr("Owner");
    case WorkspaceColumn:
        return tr("Workspace");
    case PermissionColumn:
        return tr("Permission");
    case ColumnCount:
        break;
    }
    return {};
}

bool KeyTableModel::lessThan(int column, int leftRow, int rightRow) const
{
    if (sortsAsText(column))
        return sortText(column, leftRow) < sortText(column, rightRow);
    return sortNumber(column, leftRow) < sortNumber(column, rightRow);
}

bool KeyTableModel::sortsAsText(int column)
{
    switch (Column(column)) {
    case NameColumn:
    case KeyColumn:
    case OwnerColumn:
    case WorkspaceColumn:
    case PermissionColumn:
        return true;
    default:
        return false;
    }
}

QStringView KeyTableModel::sortText(int column, int row) const
{
    const ApiKey &key = m_keys.at(row);
    switch (Column(column)) {
    case NameColumn:
        return m_rows[std::size_t(row)].nameKey;
    case KeyColumn:
        return key.maskedValue;
    case OwnerColumn:
        return key.owner;
    case WorkspaceColumn:
        return key.workspaceId;
    case PermissionColumn:
        return key.permission;
    default:
        return {};
    }
}

qint64 KeyTableModel::sortNumber(int column, int row) const
{
    const RowCache &cache = m_rows[std::size_t(row)];
    switch (Column(column)) {
    case StatusColumn:
        return qint64(m_keys.at(row).status);
    case CreatedColumn:
        return cache.created;
    case ExpiresColumn:
        return cache.expires;
    case LastUsedColumn:
        return cache.lastUsed;
    default:
        return 0;
    }
}

QVariant KeyTableModel::displayText(const ApiKey &key, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        // A key without a name (every RAM AccessKey) is known by its id.
        return key.name.isEmpty() ? key.id : key.name;
    case KeyColumn:
        return key.maskedValue;
    case StatusColumn:
        return keyStatusName(key.status);
    case CreatedColumn:
        return key.created.isValid() ? shortDate(key.created) : QString();
    case ExpiresColumn:
        if (!key.expires.isValid())
            return tr("Never");
        return tr("%1 (%2)").arg(shortDate(key.expires), expiryHint(key.expires));
    case LastUsedColumn:
        // Not "Never": a list without the date does not mean the key was never used.
        return key.lastUsed.isValid() ? shortDate(key.lastUsed) : tr("Not reported");
    case OwnerColumn:
        return ownerText(key);
    case WorkspaceColumn:
        return key.workspaceId;
    case PermissionColumn:
        return key.permission;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant KeyTableModel::sortValue(int row, int column) const
{
    const RowCache &cache = m_rows[std::size_t(row)];
    const ApiKey &key = m_keys.at(row);
    switch (Column(column)) {
    case NameColumn:
        return cache.nameKey;
    case StatusColumn:
        return int(key.status);
    case CreatedColumn:
        return cache.created;
    case ExpiresColumn:
        return cache.expires;
    case LastUsedColumn:
        return cache.lastUsed;
    default:
        return displayText(key, column);
    }
}

QVariant KeyTableModel::toolTip(const ApiKey &key, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return tr("%1\nID: %2").arg(key.name, key.id);
    case KeyColumn:
        return tr("The value is never listed; View shows it after verification.");
    case StatusColumn:
        return statusExplanation(key.status);
    case CreatedColumn:
        return key.created.isValid() ? longDate(key.created) : QVariant();
    case ExpiresColumn:
        return key.expires.isValid() ? longDate(key.expires) : tr("The key never expires.");
    case LastUsedColumn:
        return key.lastUsed.isValid() ? longDate(key.lastUsed)
                                      : tr("Not used yet, or the service does not say.");
    default:
        return {};
    }
}

QString KeyTableModel::expiryHint(const QDateTime &expires) const
{
    const qint64 seconds = now().secsTo(expires);
    return seconds > 0 ? futureSpan(seconds) : pastSpan(-seconds);
}

QString KeyTableModel::ownerText(const ApiKey &key)
{
    return key.owner.isEmpty() ? tr("Root account") : key.owner;
}

KeyTableModel::RowCache KeyTableModel::cacheRow(const ApiKey &key)
{
    RowCache row;
    const QChar separator = u'\n';
    row.searchText = QString(key.name % separator % key.id % separator % key.maskedValue % separator
                             % ownerText(key) % separator % key.workspaceId % separator
                             % key.permission % separator % keyStatusName(key.status))
                         .toLower();
    row.nameKey = key.name.toCaseFolded();
    row.created = sortableTime(key.created, std::numeric_limits<qint64>::min());
    row.expires = sortableTime(key.expires, std::numeric_limits<qint64>::max());
    row.lastUsed = sortableTime(key.lastUsed, std::numeric_limits<qint64>::min());
    return row;
}

} // namespace keydesk
