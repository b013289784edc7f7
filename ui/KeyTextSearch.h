#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace keydesk {

class KeyTableModel;

// The rows of a KeyTableModel whose lower-case search text (name, id, masked value, owner,
// workspace, permission, status) contains a needle. Typing extends the needle, so a new result
// only re-tests the rows an earlier needle it contains kept; deleting back to an earlier needle
// reuses that result. Results are dropped when the model's rows change. The texts are one UTF-8
// buffer (KeyTableModel::searchBuffer()): a broad search is one memmem() scan of it.
class KeyTextSearch
{
public:
    explicit KeyTextSearch(const KeyTableModel *keys = nullptr);

    void setModel(const KeyTableModel *keys);
    // Per row of the model: whether its text contains needle (lower case, not empty).
    const std::vector<bool> &matches(const QString &needle);

private:
    struct Match
    {
        QString needle;
        std::vector<bool> rows;
        int count = 0; // rows that match
    };

    int scanAll(const QByteArray &needle, std::vector<bool> &rows) const;
    int scanRows(const QByteArray &needle, const std::vector<bool> &candidates,
                 std::vector<bool> &rows) const;

    const KeyTableModel *m_keys;
    quint64 m_generation = 0;
    QList<Match> m_recent; // most recent last
};

} // namespace keydesk
