#pragma once

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
    // Every row in the column's order; column -1: the model's own order.
    std::vector<int> rows(int column, Qt::SortOrder order);

private:
    struct Sorted
    {
        std::vector<int> rows; // ascending
        std::vector<bool> startsGroup; // per position: its key differs from the previous one
    };

    struct TextEntry
    {
        quint64 chunk; // four UTF-16 units of the text
        int rank;
        int row;
    };
    using TextIterator = std::vector<TextEntry>::iterator;

    void dropIfStale();
    const Sorted &sorted(int column);
    const std::vector<int> &tieRanks();
    Sorted sortByName();
    Sorted sortByText(int column);
    void sortTexts(int column, TextIterator begin, TextIterator end, qsizetype offset);
    Sorted sortByNumber(int column);

    const KeyTableModel *m_keys;
    quint64 m_generation = 0;
    std::vector<int> m_tieRanks; // per row: its position in (name, id) order
    std::vector<Sorted> m_columns; // per column; empty rows: not sorted yet
};

} // namespace keydesk
