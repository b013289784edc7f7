#include "SecretSearch.h"

#include <QDirIterator>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The base64 characters that stand for secret's bytes alone when it starts at this offset of
// a 3-byte group inside longer data: the first and last groups, which may mix in other bytes,
// are dropped.
QByteArray base64Core(const QByteArray &secret, int offset,
                      QByteArray::Base64Options options = QByteArray::Base64Encoding)
{
    const QByteArray shifted = QByteArray(offset, '\0') + secret;
    const QByteArray encoded = shifted.toBase64(options);
    return encoded.size() > 12 ? encoded.mid(4, encoded.size() - 8) : QByteArray();
}

} // namespace

QList<QByteArray> secretForms(const QByteArray &secret)
{
    const QString text = QString::fromUtf8(secret);
    QList<QByteArray> forms {
        secret,
        QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2),
        secret.toHex(),
        secret.toHex().toUpper(),
        secret.toBase64(),
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
    };
    for (const int offset : {0, 1, 2}) {
        for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            const QByteArray core = base64Core(secret, offset, options);
            if (!core.isEmpty())
                forms.append(core);
        }
    }
    return forms;
}

QStringList filesUnder(const QStringList &roots)
{
    QStringList files;
    for (const QString &root : roots) {
        QDirIterator entries(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                             QDirIterator::Subdirectories);
        while (entries.hasNext())
            files.append(entries.next());
    }
    return files;
}

QStringList findSecrets(const QStringList &roots, const QList<NamedSecret> &secrets)
{
    QList<QPair<QString, QList<QByteArray>>> wanted;
    for (const NamedSecret &secret : secrets)
        wanted.append(qMakePair(secret.name, secretForms(secret.value)));
    QStringList found;
    for (const QString &path : filesUnder(roots)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found.append(path + u": unreadable"_s);
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const auto &[name, forms] : std::as_const(wanted)) {
            if (std::any_of(forms.cbegin(), forms.cend(),
                            [&bytes](const QByteArray &form) { return bytes.contains(form); }))
                found.append(path + u": "_s + name);
        }
    }
    return found;
}
