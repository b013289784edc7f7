#include "ClipboardGuard.h"

#include "ConsoleSettings.h"
#include "vault/SecretBytes.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QRandomGenerator>
#include <QTimer>

#include <array>

#if defined(Q_OS_MACOS) && QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QUtiMimeConverter>
#define KEYDESK_MAC_CONCEALED 1
#endif

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// The hint KDE's Klipper and other clipboard managers read to keep a value out of their history.
constexpr auto kSecretHintFormat = "x-kde-passwordManagerHint";

#ifdef Q_OS_WIN
// Windows: named clipboard formats (Qt registers a format for this MIME form) that keep the
// value out of clipboard monitors, the clipboard history (Win+V) and the cloud clipboard. The
// last two are read as a DWORD, 0 meaning "no"; the first needs only to be present.
constexpr std::array kWindowsExclusions {"ExcludeClipboardContentFromMonitorProcessing",
                                         "CanIncludeInClipboardHistory",
                                         "CanUploadToCloudClipboard"};
#endif

#ifdef Q_OS_MACOS
// macOS: pasteboard managers (nspasteboard.org) skip data offered with this type as well.
constexpr auto kConcealedFormat = "application/x-nspasteboard-concealed-type";
#endif

#ifdef KEYDESK_MAC_CONCEALED
// Without a converter Qt puts an unknown MIME type on the pasteboard under a private UTI of its
// own ("com.trolltech.anymime…"), which no pasteboard manager reads: this one offers ours
// under the UTI they look for, org.nspasteboard.ConcealedType, its bytes as they are.
class ConcealedTypeConverter : public QUtiMimeConverter
{
public:
    static constexpr auto uti = "org.nspasteboard.ConcealedType";

    bool canConvert(const QString &mime, const QString &type) const override
    {
        return mime == QLatin1String(kConcealedFormat) && type == QLatin1String(uti);
    }
    QString mimeForUti(const QString &type) const override
    {
        return type == QLatin1String(uti) ? QString::fromLatin1(kConcealedFormat) : QString();
    }
    QString utiForMime(const QString &mime) const override
    {
        return mime == QLatin1String(kConcealedFormat) ? QString::fromLatin1(uti) : QString();
    }
    QVariant convertToMime(const QString &mime, const QList<QByteArray> &data,
                           const QString &type) const override
    {
        if (!canConvert(mime, type) || data.isEmpty())
            return {};
        return data.first();
    }
    QList<QByteArray> convertFromMime(const QString &mime, const QVariant &data,
                                      const QString &type) const override
    {
        if (!canConvert(mime, type))
            return {};
        return {data.toByteArray()};
    }
};

// Registered with Qt once, on the first copy (a converter needs the application to exist).
// Qt's registry owns converters and deletes them when the application ends.
void registerConcealedType()
{
    static const ConcealedTypeConverter *converter = new ConcealedTypeConverter;
    Q_UNUSED(converter);
}
#endif

// A salted hash, so what the guard keeps cannot be looked up in a table of known keys.
QByteArray saltedHash(const QByteArray &salt, QByteArrayView value)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(value);
    return hash.result();
}

QByteArray randomSalt()
{
    std::array<quint32, 4> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words));
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_salt(randomSalt())
{
    m_clearAfterMs = ConsoleSettings::clipboardSeconds() * 1000;
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfOurs);
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        connect(clipboard, &QClipboard::dataChanged, this, &ClipboardGuard::clipboardChanged);
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearIfOurs);
}

ClipboardGuard::~ClipboardGuard()
{
    // Nobody listening may be told anything by an object half gone.
    const QSignalBlocker blocker(this);
    clearIfOurs();
}

void ClipboardGuard::setClearAfterMs(int ms)
{
    m_clearAfterMs = qMax(0, ms);
    if (m_timer->isActive())
        m_timer->start(m_clearAfterMs);
}

int ClipboardGuard::clearAfterMs() const
{
    return m_clearAfterMs;
}

void ClipboardGuard::copySecret(const QByteArray &value)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    auto *mime = new QMimeData;
    mime->setText(QString::fromUtf8(value)); // the clipboard's own copy, wiped when we clear it
    mime->setData(QString::fromLatin1(kSecretHintFormat), "secret"_ba);
#ifdef Q_OS_WIN
    const QByteArray dwordZero(4, '\0');
    for (const char *format : kWindowsExclusions)
        mime->setData(u"application/x-qt-windows-mime;value=\"%1\""_s.arg(QLatin1String(format)),
                      dwordZero);
#endif
#ifdef Q_OS_MACOS
#ifdef KEYDESK_MAC_CONCEALED
    registerConcealedType();
#endif
    mime->setData(QString::fromLatin1(kConcealedFormat), "secret"_ba);
#endif
    m_hash = saltedHash(m_salt, value);
    m_writing = true;
    clipboard->setMimeData(mime, QClipboard::Clipboard);
    m_writing = false;
    if (m_clearAfterMs > 0)
        m_timer->start(m_clearAfterMs);
    Q_EMIT copied();
}

bool ClipboardGuard::holdsSecret() const
{
    if (m_hash.isEmpty())
        return false;
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *mime = clipboard ? clipboard->mimeData(QClipboard::Clipboard) : nullptr;
    if (!mime || !mime->hasText())
        return false;
    QByteArray text = mime->text().toUtf8();
    const bool ours = saltedHash(m_salt, text) == m_hash;
    wipeSecret(text);
    return ours;
}

void ClipboardGuard::clearIfOurs()
{
    if (!holdsSecret()) {
        forget();
        return;
    }
    QClipboard *clipboard = QGuiApplication::clipboard();
    // The text shares its buffer with the clipboard's data: zero it before Qt frees it.
    if (const QMimeData *mime = clipboard->mimeData(QClipboard::Clipboard)) {
        QString text = mime->text();
        wipeSecret(text);
    }
    m_writing = true;
    clipboard->clear(QClipboard::Clipboard);
    m_writing = false;
    forget();
    Q_EMIT cleared();
}

void ClipboardGuard::clipboardChanged()
{
    if (m_writing || m_hash.isEmpty() || holdsSecret())
        return;
    forget();
    Q_EMIT cleared();
}

void ClipboardGuard::forget()
{
    m_timer->stop();
    m_hash.clear();
}

} // namespace keydesk
