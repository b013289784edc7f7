#include "MemorySearch.h"

#include <QFile>
#include <QRandomGenerator>

#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

MaskedNeedle::MaskedNeedle(QString name, QByteArrayView value)
    : m_name(std::move(name))
    , m_key(value.size(), '\0')
    , m_masked(value.size(), '\0')
{
    QRandomGenerator::system()->generate(m_key.begin(), m_key.end());
    for (qsizetype i = 0; i < value.size(); ++i)
        m_masked[i] = static_cast<char>(value[i] ^ m_key[i]);
}

MaskedNeedle::MaskedNeedle(QString name, QStringView value)
    : m_name(std::move(name))
    , m_key(value.size(), '\0')
    , m_masked(value.size(), '\0')
{
    QRandomGenerator::system()->generate(m_key.begin(), m_key.end());
    for (qsizetype i = 0; i < value.size(); ++i)
        m_masked[i] = static_cast<char>(static_cast<char>(value[i].unicode()) ^ m_key[i]);
}

MaskedNeedle MaskedNeedle::random(QString name, qsizetype size)
{
    MaskedNeedle needle;
    needle.m_name = std::move(name);
    needle.m_key = QByteArray(size, '\0');
    needle.m_masked = QByteArray(size, '\0');
    QRandomGenerator::system()->generate(needle.m_key.begin(), needle.m_key.end());
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (qsizetype i = 0; i < size; ++i) {
        const char plain = kAlphabet[QRandomGenerator::system()->bounded(36)];
        needle.m_masked[i] = static_cast<char>(plain ^ needle.m_key[i]);
    }
    return needle;
}

QByteArray MaskedNeedle::unmasked() const
{
    QByteArray plain(m_masked.size(), '\0');
    for (qsizetype i = 0; i < m_masked.size(); ++i)
        plain[i] = static_cast<char>(m_masked[i] ^ m_key[i]);
    return plain;
}

bool MaskedNeedle::matches(QStringView text) const
{
    if (text.size() != m_masked.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].unicode() > 0xff
            || (static_cast<char>(text[i].unicode()) ^ m_key[i]) != m_masked[i])
            return false;
    }
    return true;
}

qsizetype MaskedNeedle::findIn(QByteArrayView bytes, bool utf16) const
{
    const qsizetype step = utf16 ? 2 : 1;
    const qsizetype length = m_masked.size() * step;
    if (m_masked.isEmpty() || bytes.size() < length)
        return -1;
    const char first = static_cast<char>(m_masked[0] ^ m_key[0]);
    const char *begin = bytes.data();
    const char *last = begin + (bytes.size() - length);
    for (const char *at = begin; at <= last;) {
        const auto *hit
            = static_cast<const char *>(std::memchr(at, first, static_cast<size_t>(last - at + 1)));
        if (!hit)
            return -1;
        bool match = true;
        for (qsizetype i = 0; match && i < m_masked.size(); ++i) {
            match = (hit[i * step] ^ m_key[i]) == m_masked[i] && (!utf16 || hit[i * 2 + 1] == 0);
        }
        if (match)
            return hit - begin;
        at = hit + 1;
    }
    return -1;
}

namespace {

struct Region
{
    quintptr start = 0;
    quintptr end = 0;
    QString name;
};

QList<Region> searchedRegions()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    QList<Region> regions;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 5 || fields[1].size() < 4 || fields[1][0] != 'r')
            continue;
        const QString path = fields.size() > 5 ? QString::fromUtf8(fields[5]) : QString();
        const bool anonymous = path.isEmpty() || path.startsWith(u'[');
        if (path == u"[vvar]"_s || path == u"[vsyscall]"_s || (!anonymous && fields[1][1] != 'w'))
            continue;
        const QList<QByteArray> range = fields[0].split('-');
        regions.append(
            {range[0].toULongLong(nullptr, 16), range[1].toULongLong(nullptr, 16), path});
    }
    return regions;
}

} // namespace

namespace {

// What surrounds a hit, printable, the value itself left out: where it came from.
QString around(QByteArrayView bytes, qsizetype hit, qsizetype length)
{
    constexpr qsizetype kContext = 80;
    const qsizetype from = qMax<qsizetype>(0, hit - kContext);
    const qsizetype to = qMin(bytes.size(), hit + length + kContext);
    QString text;
    for (qsizetype i = from; i < to; ++i) {
        if (i == hit)
            text += u"<value>"_s;
        if (i >= hit && i < hit + length)
            continue;
        const char c = bytes[i];
        text += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : u'.';
    }
    return text;
}

} // namespace

QStringList findInProcessMemory(const QList<MaskedNeedle> &needles)
{
    qsizetype longest = 0;
    for (const MaskedNeedle &needle : needles)
        longest = qMax(longest, needle.size() * 2);
    // The chunks are read into a mapping of their own, which the search leaves out.
    constexpr size_t kChunk = 4 << 20;
    const size_t bufferSize = kChunk + static_cast<size_t>(longest);
    void *buffer
        = mmap(nullptr, bufferSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    QStringList found;
    if (buffer == MAP_FAILED || mem < 0)
        found.append(u"/proc/self/mem: cannot be read"_s);
    const auto own = reinterpret_cast<quintptr>(buffer);
    const QList<Region> regions = found.isEmpty() ? searchedRegions() : QList<Region>();
    for (const Region &region : regions) {
        if (region.start < own + bufferSize && own < region.end)
            continue;
        // Each chunk overlaps the next by the longest needle, so none is missed at an edge.
        for (quintptr at = region.start; at < region.end; at += kChunk) {
            const size_t wanted = qMin(bufferSize, static_cast<size_t>(region.end - at));
            const ssize_t got = ::pread(mem, buffer, wanted, static_cast<off_t>(at));
            if (got <= 0)
                break;
            const QByteArrayView bytes(static_cast<const char *>(buffer), got);
            for (const MaskedNeedle &needle : needles) {
                for (const bool utf16 : {false, true}) {
                    const qsizetype hit = needle.findIn(bytes, utf16);
                    if (hit < 0)
                        continue;
                    const QString entry = u"%1 (%2) at 0x%3 in %4: %5"_s.arg(
                        needle.name(), utf16 ? u"UTF-16"_s : u"raw"_s,
                        QString::number(at + static_cast<quintptr>(hit), 16),
                        region.name.isEmpty() ? u"anonymous memory"_s : region.name,
                        around(bytes, hit, needle.size() * (utf16 ? 2 : 1)));
                    found.append(entry);
                }
            }
        }
    }
    if (mem >= 0)
        ::close(mem);
    if (buffer != MAP_FAILED)
        munmap(buffer, bufferSize);
    found.removeDuplicates();
    return found;
}
