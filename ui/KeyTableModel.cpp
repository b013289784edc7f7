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

// How a span of time reads on each side of now. English needs "1 day" but "3 days"; %n keeps
// the count translatable with plural forms.
struct SpanWording
{
    const char *day;
    const char *days;
    const char *hour;
    const char *hours;
    const char *minutes;
    const char *moment; // under two minutes
};

constexpr SpanWording kFuture {
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "in 1 day"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "in %n days"),
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "in 1 hour"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "in %n hours"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "in %n minutes"),
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "in a minute"),
};

constexpr SpanWording kPast {
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "expired 1 day ago"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "expired %n days ago"),
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "expired 1 hour ago"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "expired %n hours ago"),
    QT_TRANSLATE_N_NOOP("keydesk::KeyTableModel", "expired %n minutes ago"),
    QT_TRANSLATE_NOOP("keydesk::KeyTableModel", "expired just now"),
};

// seconds >= 0, in the largest whole unit.
QString spanText(qint64 seconds, const SpanWording &words)
{
    const int days = int(seconds / kDay);
    const int hours = int(seconds / kHour);
    const int minutes = int(seconds / kMinute);
    if (days > 0)
        return days == 1 ? KeyTableModel::tr(words.day) : KeyTableModel::tr(words.days, "", days);
    if (hours > 0)
        return hours == 1 ? KeyTableModel::tr(words.hour)
                          : KeyTableModel::tr(words.hours, "", hours);
    if (minutes > 1)
        return KeyTableModel::tr(words.minutes, "", minutes);
    return KeyTableModel::tr(words.moment);
}

// The status text always goes with the colour; the colour only helps the eye. Lighter tones
// on a dark palette keep the contrast.
QColor statusColour(KeyStatus status)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (status) {
    case KeyStatus::Active:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case KeyStatus::Inactive: {
        // Dimmed, but not the disabled text colour: styles make that too faint to read
        // (#bebebe on white in Fusion); 60 % of the way from Base to Text stays over 3:1.
        const QPalette palette = QGuiApplication::palette();
        const QColor text = palette.color(QPalette::Text);
        const QColor base = palette.color(QPalette::Base);
        const auto mix = [](int from, int to) {
            return (2 * from + 3 * to) / 5;
        };
        return QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                      mix(base.blue(), text.blue()));
    }
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
    const auto rowCount = std::size_t(m_keys.size());
    m_rows.clear();
    m_rows.reserve(rowCount);
    m_searchBuffer.clear();
    m_searchStarts.clear();
    m_searchStarts.reserve(rowCount + 1);
    m_sortPrefixes.assign(prefixSlot(IdText) + 1, {});
    for (SortPrefixes &prefixes : m_sortPrefixes) {
        prefixes.chunks.resize(rowCount * kSortPrefixChunks);
        prefixes.sizes.resize(rowCount);
    }
    // One pass in row order while each key's strings are in the cache.
    for (int row = 0; row < int(rowCount); ++row) {
        const ApiKey &key = m_keys.at(row);
        m_rows.push_back(cacheRow(key));
        cacheSearchText(key);
        cacheSortPrefixes(row);
    }
    m_searchStarts.push_back(m_searchBuffer.size());
    m_searchBuffer.squeeze();
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
    QList<Column> columns {NameColumn};
    if (capabilities.listsMaskedValues) // else the column would stay empty
        columns.append(KeyColumn);
    columns.append({StatusColumn, CreatedColumn});
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
        return QString::fromUtf8(searchText(index.row()));
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

QByteArrayView KeyTableModel::searchText(int row) const
{
    const qsizetype start = searchStart(row);
    return QByteArrayView(m_searchBuffer).sliced(start, searchStart(row + 1) - start - 1);
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

// SortRole: the numbers sortNumber() gives (the status as an int), the case-folded name, and
// the shown text of the other text columns.
QVariant KeyTableModel::sortValue(int row, int column) const
{
    if (column == StatusColumn)
        return int(m_keys.at(row).status);
    if (!sortsAsText(column))
        return sortNumber(column, row);
    if (column == NameColumn)
        return m_rows[std::size_t(row)].nameKey;
    return displayText(m_keys.at(row), column);
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
    return seconds > 0 ? spanText(seconds, kFuture) : spanText(-seconds, kPast);
}

QString KeyTableModel::ownerText(const ApiKey &key)
{
    return key.owner.isEmpty() ? tr("Root account") : key.owner;
}

KeyTableModel::RowCache KeyTableModel::cacheRow(const ApiKey &key)
{
    RowCache row;
    row.nameKey = key.name.toCaseFolded();
    row.created = sortableTime(key.created, std::numeric_limits<qint64>::min());
    row.expires = sortableTime(key.expires, std::numeric_limits<qint64>::max());
    row.lastUsed = sortableTime(key.lastUsed, std::numeric_limits<qint64>::min());
    return row;
}

// UTF-8 keeps the buffer half the size of UTF-16, and a needle is in a text's UTF-8 exactly when
// it is in its UTF-16; no needle from a line edit holds '\n', so none spans two fields or rows.
void KeyTableModel::cacheSearchText(const ApiKey &key)
{
    const QChar separator = u'\n';
    m_searchStarts.push_back(m_searchBuffer.size());
    m_searchBuffer += QString(key.name % separator % key.id % separator % key.maskedValue
                              % separator % ownerText(key) % separator % key.workspaceId % separator
                              % key.permission % separator % keyStatusName(key.status) % separator)
                          .toLower()
                          .toUtf8();
}

void KeyTableModel::cacheSortPrefixes(int row)
{
    for (int column : {int(NameColumn), int(KeyColumn), int(OwnerColumn), int(WorkspaceColumn),
                       int(PermissionColumn), IdText}) {
        const QStringView text = column == IdText ? keyId(row) : sortText(column, row);
        SortPrefixes &prefixes = m_sortPrefixes[prefixSlot(column)];
        prefixes.sizes[std::size_t(row)] = int(text.size());
        quint64 *chunks = &prefixes.chunks[std::size_t(row) * kSortPrefixChunks];
        for (qsizetype i = 0; i < qsizetype(kSortPrefixChunks) * kSortChunkUnits; ++i) {
            quint64 &chunk = chunks[i / kSortChunkUnits];
            chunk = (chunk << 16) | (i < text.size() ? text[i].unicode() : 0u);
        }
    }
}

} // namespace keydesk
