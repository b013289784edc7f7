#include "KeySortOrder.h"

#include "KeyTableModel.h"

#include <algorithm>
#include <numeric>

namespace keydesk {

namespace {

std::vector<int> identity(int count)
{
    std::vector<int> rows(std::size_t(count > 0 ? count : 0));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

constexpr qsizetype kChunkUnits = 4; // UTF-16 units in a quint64

} // namespace

KeySortOrder::KeySortOrder(const KeyTableModel *keys)
    : m_keys(keys)
{ }

void KeySortOrder::setModel(const KeyTableModel *keys)
{
    m_keys = keys;
    m_tieRanks.clear();
    m_columns.clear();
}

std::vector<int> KeySortOrder::rows(int column, Qt::SortOrder order)
{
    if (!m_keys)
        return {};
    if (column < 0 || column >= KeyTableModel::ColumnCount)
        return identity(m_keys->rowCount());
    const Sorted &ascending = sorted(column);
    if (order == Qt::AscendingOrder)
        return ascending.rows;
    // Groups of equal keys in reverse, each group still in (name, id) order.
    std::vector<int> rows;
    rows.reserve(ascending.rows.size());
    std::size_t end = ascending.rows.size();
    while (end > 0) {
        std::size_t begin = end - 1;
        while (!ascending.startsGroup[begin])
            --begin;
        rows.insert(rows.end(), ascending.rows.begin() + qsizetype(begin),
                    ascending.rows.begin() + qsizetype(end));
        end = begin;
    }
    return rows;
}

void KeySortOrder::dropIfStale()
{
    if (m_generation == m_keys->generation() && !m_columns.empty())
        return;
    m_generation = m_keys->generation();
    m_tieRanks.clear();
    m_columns.assign(KeyTableModel::ColumnCount, {});
}

const KeySortOrder::Sorted &KeySortOrder::sorted(int column)
{
    dropIfStale();
    Sorted &result = m_columns[std::size_t(column)];
    if (result.rows.empty() && m_keys->rowCount() > 0) {
        if (column == KeyTableModel::NameColumn)
            result = sortByName();
        else if (KeyTableModel::sortsAsText(column))
            result = sortByText(column);
        else
            result = sortByNumber(column);
    }
    return result;
}

// The one sort that compares strings twice; every other column breaks its ties with these ranks.
const std::vector<int> &KeySortOrder::tieRanks()
{
    if (!m_tieRanks.empty())
        return m_tieRanks;
    std::vector<int> rows = identity(m_keys->rowCount());
    const int name = KeyTableModel::NameColumn;
    std::sort(rows.begin(), rows.end(), [this](int left, int right) {
        const int byName = m_keys->sortText(name, left).compare(m_keys->sortText(name, right));
        return byName != 0 ? byName < 0 : m_keys->keyId(left) < m_keys->keyId(right);
    });
    m_tieRanks.resize(rows.size());
    for (std::size_t position = 0; position < rows.size(); ++position)
        m_tieRanks[std::size_t(rows[position])] = int(position);
    return m_tieRanks;
}

KeySortOrder::Sorted KeySortOrder::sortByName()
{
    const std::vector<int> &ranks = tieRanks();
    Sorted result;
    result.rows.resize(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row)
        result.rows[std::size_t(ranks[row])] = int(row);
    result.startsGroup.resize(ranks.size());
    const int name = KeyTableModel::NameColumn;
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        result.startsGroup[i] = i == 0
            || m_keys->sortText(name, result.rows[i]) != m_keys->sortText(name, result.rows[i - 1]);
    }
    return result;
}

// Texts sorted four UTF-16 units at a time (most significant first, zero past the end): each
// pass sorts small entries and reads each text once, where comparing whole strings would chase
// two pointers per comparison, 1.7 million times for 100,000 rows.
KeySortOrder::Sorted KeySortOrder::sortByText(int column)
{
    const std::vector<int> &ranks = tieRanks();
    // In (name, id) order, so a range whose chunks are all equal needs no sort.
    std::vector<TextEntry> entries(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row)
        entries[std::size_t(ranks[row])] = {0, ranks[row], int(row)};
    sortTexts(column, entries.begin(), entries.end(), 0);
    Sorted result;
    result.rows.resize(entries.size());
    result.startsGroup.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        result.rows[i] = entries[i].row;
        result.startsGroup[i] = i == 0
            || m_keys->sortText(column, entries[i].row)
                != m_keys->sortText(column, entries[i - 1].row);
    }
    return result;
}

// Sorts [begin, end), whose texts are equal before offset, by their text from offset on, then
// by rank.
void KeySortOrder::sortTexts(int column, TextIterator begin, TextIterator end, qsizetype offset)
{
    bool longer = false; // a text goes on after this chunk
    for (auto entry = begin; entry != end; ++entry) {
        const QStringView text = m_keys->sortText(column, entry->row);
        entry->chunk = 0;
        for (qsizetype i = offset; i < offset + kChunkUnits; ++i)
            entry->chunk = (entry->chunk << 16) | (i < text.size() ? text[i].unicode() : 0u);
        longer = longer || text.size() > offset + kChunkUnits;
    }
    // Entries come in rank order, and each run of equal chunks leaves in rank order.
    const bool oneChunk = std::all_of(
        begin, end, [&begin](const TextEntry &entry) { return entry.chunk == begin->chunk; });
    if (!oneChunk) {
        std::sort(begin, end, [](const TextEntry &left, const TextEntry &right) {
            return left.chunk != right.chunk ? left.chunk < right.chunk : left.rank < right.rank;
        });
    }
    if (!longer)
        return;
    for (auto run = begin; run != end;) {
        auto runEnd = std::find_if(
            run, end, [&run](const TextEntry &entry) { return entry.chunk != run->chunk; });
        if (runEnd - run > 1)
            sortTexts(column, run, runEnd, offset + kChunkUnits);
        run = runEnd;
    }
}

// Numbers, ranks and rows side by side: the sort touches no model data.
KeySortOrder::Sorted KeySortOrder::sortByNumber(int column)
{
    struct Entry
    {
        qint64 key;
        int rank;
        int row;
    };
    const std::vector<int> &ranks = tieRanks();
    std::vector<Entry> entries(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row)
        entries[row] = {m_keys->sortNumber(column, int(row)), ranks[row], int(row)};
    std::sort(entries.begin(), entries.end(), [](const Entry &left, const Entry &right) {
        return left.key != right.key ? left.key < right.key : left.rank < right.rank;
    });
    Sorted result;
    result.rows.resize(entries.size());
    result.startsGroup.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        result.rows[i] = entries[i].row;
        result.startsGroup[i] = i == 0 || entries[i].key != entries[i - 1].key;
    }
    return result;
}

} // namespace keydesk
