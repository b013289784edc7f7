#pragma once

#include <QStringView>
#include <Qt>
#include <QtGlobal>

#include <vector>

namespace keydesk {

class KeyTableModel;

// The rows of a KeyTableModel in each column's order, ties by name then id in both directions.
// Each column is sorted once per generation of rows, on first use, over plain keys (no
// QModelIndex, no QVariant); after that an order is a linear pass, so a proxy can re-sort
// 100,000 rows within a frame and filter an already sorted list without sorting again.
class KeySortOrder
{
public:
    explicit KeySortOrder(const KeyTableModel *keys = nullptr);

    void setModel(const KeyTableModel *keys);
    // Every row in the column's order into rows (its capacity reused: in this VM a fresh
    // 400 kB buffer costs more in page faults than the pass); column -1: the model's own order.
    void rows(int column, Qt::SortOrder order, std::vector<int> &rows);

private:
    struct Sorted
    {
        std::vector<int> rows; // ascending
        std::vector<bool> startsGroup; // per position: its key differs from the previous one
    };

    // A sort key and its row: 16 bytes, moved by the sort instead of strings.
    struct Entry
    {
        quint64 key;
        int row;
    };

    // A text column, or the ids, read through the model's dense copies (KeySortOrder.cpp).
    class Texts;

    void dropIfStale();
    const Sorted &sorted(int column);
    const std::vector<int> &tieRanks();
    Sorted sortByText(int column);
    Sorted sortByNumber(int column);
    std::vector<Entry> &inRankOrder();
    void sortTexts(const Texts &texts, Entry *begin, Entry *end, int level);
    void sortByKey(Entry *begin, Entry *end);
    static Sorted groupTexts(const Texts &texts, const std::vector<Entry> &entries);

    const KeyTableModel *m_keys;
    quint64 m_generation = 0;
    std::vector<int> m_tieRanks; // per row: its position in (name, id) order
    std::vector<Sorted> m_columns; // per column; empty rows: not sorted yet
    // Kept from sort to sort, for the same reason as rows().
    std::vector<Entry> m_entries;
};

} // namespace keydesk
