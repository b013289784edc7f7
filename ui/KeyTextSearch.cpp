#include "KeyTextSearch.h"

#include "KeyTableModel.h"

namespace keydesk {

namespace {

// Enough for typing a query and deleting it again, character by character.
constexpr qsizetype kRecentMatches = 24;

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
    const std::vector<bool> *narrower = nullptr;
    for (qsizetype i = m_recent.size() - 1; i >= 0 && !narrower; --i) {
        if (needle.contains(m_recent.at(i).needle))
            narrower = &m_recent.at(i).rows;
    }
    const int rowCount = m_keys->rowCount();
    std::vector<bool> rows(std::size_t(rowCount), false);
    for (int row = 0; row < rowCount; ++row) {
        if ((!narrower || (*narrower)[std::size_t(row)])
            && m_keys->searchText(row).contains(needle))
            rows[std::size_t(row)] = true;
    }
    if (m_recent.size() == kRecentMatches)
        m_recent.removeFirst();
    m_recent.append(Match {needle, std::move(rows)});
    return m_recent.constLast().rows;
}

} // namespace keydesk
