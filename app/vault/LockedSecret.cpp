#include "LockedSecret.h"

#include <algorithm>
#include <sodium.h>
#include <utility>

LockedSecret::LockedSecret(QByteArrayView bytes)
{
    if (bytes.isEmpty() || sodium_init() < 0)
        return;
    const auto size = static_cast<size_t>(bytes.size());
    m_data = static_cast<char *>(sodium_malloc(size));
    if (!m_data)
        return;
    // sodium_malloc locks its pages when it can but does not say whether it could: locking
    // them again tells (locks do not stack, sodium_free unlocks once).
    m_locked = sodium_mlock(m_data, size) == 0;
    std::copy(bytes.begin(), bytes.end(), m_data);
    m_size = bytes.size();
}

LockedSecret::~LockedSecret()
{
    clear();
}

LockedSecret::LockedSecret(LockedSecret &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_locked(std::exchange(other.m_locked, false))
{ }

LockedSecret &LockedSecret::operator=(LockedSecret &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

QByteArray LockedSecret::bytes() const
{
    return m_data ? QByteArray::fromRawData(m_data, m_size) : QByteArray();
}

void LockedSecret::clear()
{
    // sodium_free wipes the bytes, unlocks the pages and unmaps them.
    if (m_data)
        sodium_free(m_data);
    m_data = nullptr;
    m_size = 0;
    m_locked = false;
}
