#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// A search of this process's own memory for secrets, to prove that a flow left no copy of them
// behind (DESIGN.md §4). The test that searches must not hold what it looks for: a needle is
// kept XOR-masked with a random key of its own and compared a byte at a time, never unmasked
// as a whole, so that it cannot find itself.
class MaskedNeedle
{
public:
    MaskedNeedle() = default;
    // value: its bytes (ASCII or Latin-1 text, as keys and passphrases are here); the needle
    // finds them raw and as UTF-16. The caller wipes value afterwards.
    MaskedNeedle(QString name, QByteArrayView value);
    MaskedNeedle(QString name, QStringView value);
    // A random value of size bytes (printable), for the caller to plant with plant().
    static MaskedNeedle random(QString name, qsizetype size);

    QString name() const { return m_name; }
    qsizetype size() const { return m_masked.size(); }
    bool isEmpty() const { return m_masked.isEmpty(); }
    // The plain value in a new buffer, for a moment: typed into a field, then wiped.
    QByteArray unmasked() const;

    // Whether text is the value, compared a character at a time.
    bool matches(QStringView text) const;
    // Where the value starts in bytes, raw or (utf16) as UTF-16LE; -1: nowhere.
    qsizetype findIn(QByteArrayView bytes, bool utf16) const;

private:
    QString m_name;
    QByteArray m_key;
    QByteArray m_masked;
};

// "name (raw|UTF-16) at 0x…  in <mapping>" for every needle found in the process's writable or
// anonymous memory, read through /proc/self/mem over /proc/self/maps. Read-only mappings of
// files (code, constants) are left out: no secret comes from them.
QStringList findInProcessMemory(const QList<MaskedNeedle> &needles);
