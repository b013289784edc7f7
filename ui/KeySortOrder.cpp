#include "KeySortOrder.h"

#include "KeyTableModel.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace keydesk {

namespace {

void identity(int count, std::vector<int> &rows)
{
    rows.resize(std::size_t(count > 0 ? count : 0));
    std::iota(rows.begin(), rows.end(), 0);
}

constexpr int kChunkUnits = KeyTableModel::kSortChunkUnits;
constexpr int kPrefixChunks = KeyTableModel::kSortPrefixChunks;

// Four UTF-16 units from offset, the first the most significant, zero past the end: comparing
// chunks compares the texts' units in order, as QStringView's operator< does.
quint64 chunkOf(QStringView text, qsizetype offset)
{
    quint64 chunk = 0;
    for (qsizetype i = offset; i < offset + kChunkUnits; ++i)
        chunk = (chunk << 16) | (i < text.size() ? text[i].unicode() : 0u);
    return chunk;
}

} // namespace

// A text column (or the ids) as the sort reads it: the first chunks from the model's dense
// copies, the rest (rarely needed) from the texts themselves.
class KeySortOrder::Texts
{
public:
    Texts(const KeyTableModel *keys, int column)
        : m_keys(keys)
        , m_column(column)
    { }

    quint64 chunk(int row, int level) const
    {
        return level < kPrefixChunks ? m_keys->sortPrefix(m_column, row)[level]
                                     : chunkOf(text(row), qsizetype(level) * kChunkUnits);
    }

    // Whether the text goes on past the chunk at level.
    bool goesOn(int row, int level) const
    {
        return m_keys->sortTextSize(m_column, row) > qsizetype(level + 1) * kChunkUnits;
    }

    bool same(int left, int right) const
    {
        const qsizetype size = m_keys->sortTextSize(m_column, left);
        if (size != m_keys->sortTextSize(m_column, right))
            return false;
        if (!std::equal(m_keys->sortPrefix(m_column, left),
                        m_keys->sortPrefix(m_column, left) + kPrefixChunks,
                        m_keys->sortPrefix(m_column, right)))
            return false;
        return size <= qsizetype(kPrefixChunks) * kChunkUnits || text(left) == text(right);
    }

private:
    QStringView text(int row) const
    {
        return m_column == KeyTableModel::IdText ? m_keys->keyId(row)
                                                 : m_keys->sortText(m_column, row);
    }

    const KeyTableModel *m_keys;
    int m_column;
};

KeySortOrder::KeySortOrder(const KeyTableModel *keys)
    : m_keys(keys)
{ }

void KeySortOrder::setModel(const KeyTableModel *keys)
{
    m_keys = keys;
    m_tieRanks.clear();
    m_columns.clear();
}

void KeySortOrder::rows(int column, Qt::SortOrder order, std::vector<int> &rows)
{
    if (!m_keys) {
        rows.clear();
        return;
    }
    if (column < 0 || column >= KeyTableModel::ColumnCount) {
        identity(m_keys->rowCount(), rows);
        return;
    }
    const Sorted &ascending = sorted(column);
    if (order == Qt::AscendingOrder) {
        rows.assign(ascending.rows.begin(), ascending.rows.end());
        return;
    }
    // Groups of equal keys in reverse, each group still in (name, id) order.
    rows.clear();
    std::size_t end = ascending.rows.size();
    while (end > 0) {
        std::size_t begin = end - 1;
        while (!ascending.startsGroup[begin])
            --begin;
        rows.insert(rows.end(), ascending.rows.begin() + qsizetype(begin),
                    ascending.rows.begin() + qsizetype(end));
        end = begin;
    }
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
    if (m_columns[std::size_t(column)].rows.empty() && m_keys->rowCount() > 0) {
        if (column == KeyTableModel::NameColumn)
            tieRanks(); // sorts by name on the way
        else if (KeyTableModel::sortsAsText(column))
            m_columns[std::size_t(column)] = sortByText(column);
        else
            m_columns[std::size_t(column)] = sortByNumber(column);
    }
    return m_columns[std::size_t(column)];
}

// Every column breaks its ties with these ranks: the ids sorted, then the names sorted with the
// rows in id order, which the stable passes keep among equal names.
const std::vector<int> &KeySortOrder::tieRanks()
{
    if (!m_tieRanks.empty())
        return m_tieRanks;
    const int rowCount = m_keys->rowCount();
    std::vector<Entry> &entries = m_entries;
    entries.resize(std::size_t(rowCount));
    for (int row = 0; row < rowCount; ++row)
        entries[std::size_t(row)] = {0, row};
    {
        const Texts ids(m_keys, KeyTableModel::IdText);
        sortTexts(ids, entries.data(), entries.data() + entries.size(), 0);
    }
    const int name = KeyTableModel::NameColumn;
    const Texts names(m_keys, name);
    sortTexts(names, entries.data(), entries.data() + entries.size(), 0);
    m_tieRanks.resize(entries.size());
    for (std::size_t position = 0; position < entries.size(); ++position)
        m_tieRanks[std::size_t(entries[position].row)] = int(position);
    m_columns[std::size_t(name)] = groupTexts(names, entries);
    return m_tieRanks;
}

// Every row, in (name, id) order: the stable passes keep that order among equal keys.
std::vector<KeySortOrder::Entry> &KeySortOrder::inRankOrder()
{
    const std::vector<int> &ranks = tieRanks();
    m_entries.resize(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row)
        m_entries[std::size_t(ranks[row])] = {0, int(row)};
    return m_entries;
}

KeySortOrder::Sorted KeySortOrder::sortByText(int column)
{
    std::vector<Entry> &entries = inRankOrder();
    const Texts texts(m_keys, column);
    sortTexts(texts, entries.data(), entries.data() + entries.size(), 0);
    return groupTexts(texts, entries);
}

// Sorts [begin, end), whose texts are equal before the chunk at level, by their text from
// there on; equal texts keep their order.
void KeySortOrder::sortTexts(const Texts &texts, Entry *begin, Entry *end, int level)
{
    bool goesOn = false;
    for (Entry *entry = begin; entry != end; ++entry) {
        entry->key = texts.chunk(entry->row, level);
        goesOn = goesOn || texts.goesOn(entry->row, level);
    }
    sortByKey(begin, end);
    if (!goesOn)
        return;
    for (Entry *run = begin; run != end;) {
        const quint64 key = run->key;
        Entry *runEnd
            = std::find_if(run, end, [key](const Entry &entry) { return entry.key != key; });
        if (runEnd - run > 1)
            sortTexts(texts, run, runEnd, level + 1);
        run = runEnd;
    }
}

// A stable sort by key. The keys are dense 64-bit numbers (dates, statuses, four UTF-16 units
// of text), so comparisons are cheap and touch no string.
void KeySortOrder::sortByKey(Entry *begin, Entry *end)
{
    std::stable_sort(begin, end,
                     [](const Entry &left, const Entry &right) { return left.key < right.key; });
}

KeySortOrder::Sorted KeySortOrder::groupTexts(const Texts &texts, const std::vector<Entry> &entries)
{
    Sorted result;
    result.rows.resize(entries.size());
    result.startsGroup.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        result.rows[i] = entries[i].row;
        result.startsGroup[i] = i == 0 || !texts.same(entries[i].row, entries[i - 1].row);
    }
    return result;
}

// Numbers as unsigned keys in the same order (the sign bit flipped), in (name, id) order.
KeySortOrder::Sorted KeySortOrder::sortByNumber(int column)
{
    const std::vector<int> &ranks = tieRanks();
    std::vector<Entry> &entries = m_entries;
    entries.resize(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row) {
        const qint64 number = m_keys->sortNumber(column, int(row));
        entries[std::size_t(ranks[row])] = {quint64(number) ^ (quint64(1) << 63), int(row)};
    }
    sortByKey(entries.data(), entries.data() + entries.size());
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
