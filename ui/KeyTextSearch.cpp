#include "KeyTextSearch.h"

#include "KeyTableModel.h"

#include <cstring>

namespace keydesk {

namespace {

// Enough for typing a query and deleting it again, character by character.
constexpr qsizetype kRecentMatches = 24;

// Below this share of the rows left by an earlier needle, testing those rows one by one beats
// one scan of the whole buffer.
constexpr int kNarrowShare = 8;

const char *find(const char *from, const char *end, const QByteArray &needle)
{
    // memmem's pointers must never be null, and an empty model's buffer is a null view: an
    // empty range holds only the empty needle, as memmem would answer.
    if (from == end)
        return needle.isEmpty() ? from : nullptr;
    return static_cast<const char *>(
        memmem(from, std::size_t(end - from), needle.constData(), std::size_t(needle.size())));
}

} // namespace

KeyTextSearch::KeyTextSearch(const KeyTableModel *keys)
    : m_keys(keys)
{ }

void KeyTextSearch::setModel(const KeyTableModel *keys)
{
    m_keys = keys;
    m_recent.clear();
}

const std::vector<bool> &KeyTextSearch::matches(const QString &needle)
{
    if (m_generation != m_keys->generation()) {
        m_recent.clear();
        m_generation = m_keys->generation();
    }
    for (qsizetype i = m_recent.size() - 1; i >= 0; --i) {
        if (m_recent.at(i).needle == needle) {
            m_recent.move(i, m_recent.size() - 1);
            return m_recent.constLast().rows;
        }
    }
    // A row without an earlier needle that this one contains cannot contain this one.
    const Match *narrower = nullptr;
    for (qsizetype i = m_recent.size() - 1; i >= 0 && !narrower; --i) {
        if (needle.contains(m_recent.at(i).needle))
            narrower = &m_recent.at(i);
    }
    const int rowCount = m_keys->rowCount();
    const QByteArray utf8 = needle.toUtf8();
    Match match {needle, std::vector<bool>(std::size_t(rowCount), false), 0};
    if (narrower && narrower->count < rowCount / kNarrowShare)
        match.count = scanRows(utf8, narrower->rows, match.rows);
    else
        match.count = scanAll(utf8, match.rows);
    if (m_recent.size() == kRecentMatches)
        m_recent.removeFirst();
    m_recent.append(std::move(match));
    return m_recent.constLast().rows;
}

// Every match in the buffer, in order; after one, the scan goes on from the next row.
int KeyTextSearch::scanAll(const QByteArray &needle, std::vector<bool> &rows) const
{
    const QByteArrayView buffer = m_keys->searchBuffer();
    const char *const begin = buffer.data();
    const char *const end = begin + buffer.size();
    const int rowCount = m_keys->rowCount();
    int count = 0;
    int row = 0;
    for (const char *at = find(begin, end, needle); at; at = find(at, end, needle)) {
        const qsizetype offset = at - begin;
        while (m_keys->searchStart(row + 1) <= offset)
            ++row;
        rows[std::size_t(row)] = true;
        ++count;
        if (++row == rowCount)
            break;
        at = begin + m_keys->searchStart(row);
    }
    return count;
}

int KeyTextSearch::scanRows(const QByteArray &needle, const std::vector<bool> &candidates,
                            std::vector<bool> &rows) const
{
    const char *const begin = m_keys->searchBuffer().data();
    int count = 0;
    for (int row = 0; row < m_keys->rowCount(); ++row) {
        if (candidates[std::size_t(row)]
            && find(begin + m_keys->searchStart(row), begin + m_keys->searchStart(row + 1),
                    needle)) {
            rows[std::size_t(row)] = true;
            ++count;
        }
    }
    return count;
}

} // namespace keydesk
