#pragma once

#include <QByteArray>
#include <QByteArrayView>

// A long-lived secret (a profile's AccessKey secret) in memory of its own that never reaches
// swap or a core dump: libsodium's guarded allocation (sodium_malloc: locked with mlock, left
// out of core dumps, guard pages on both sides, a canary before it). It is wiped, unlocked and
// freed by clear() and when it goes. Moves, never copies.
class LockedSecret
{
public:
    LockedSecret() = default;
    explicit LockedSecret(QByteArrayView bytes);
    ~LockedSecret();
    LockedSecret(LockedSecret &&other) noexcept;
    LockedSecret &operator=(LockedSecret &&other) noexcept;
    LockedSecret(const LockedSecret &) = delete;
    LockedSecret &operator=(const LockedSecret &) = delete;

    bool isEmpty() const { return m_size == 0; }
    qsizetype size() const { return m_size; }
    QByteArrayView view() const { return {m_data, m_size}; }
    // The bytes without a copy (QByteArray::fromRawData), for APIs that take a QByteArray: valid
    // while this secret lives and is not cleared, and never to be kept beyond a call.
    QByteArray bytes() const;

    // The bytes wiped, the memory unlocked and freed; empty afterwards.
    void clear();
    // Whether the bytes sit in locked memory (mlock can fail under a low RLIMIT_MEMLOCK).
    bool isLocked() const { return m_locked; }

private:
    char *m_data = nullptr;
    qsizetype m_size = 0;
    bool m_locked = false;
};
