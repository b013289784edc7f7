#include "DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerDirectory
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// The files the sandbox writes into its data directory, relative to it.
const QStringList &secretFiles()
{
    static const QStringList files {u"sandbox.sqlite"_s,      u"sandbox.sqlite-wal"_s,
                                    u"sandbox.sqlite-shm"_s,  u"sandbox.sqlite-journal"_s,
                                    u"demo-account.json"_s,   u"tls/sandbox-key.pem"_s,
                                    u"tls/sandbox-cert.pem"_s};
    return files;
}

QString restrict(const QString &path, QFileDevice::Permissions permissions)
{
    if (!QFile::setPermissions(path, permissions))
        return u"cannot make %1 private to its owner"_s.arg(path);
    return {};
}

// Creates the file with mode 0600 unless it exists (then its mode is set by restrict()).
QString createPrivate(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return u"cannot create %1"_s.arg(path);
    ::close(fd);
#else
    Q_UNUSED(path)
#endif
    return {};
}

} // namespace

QString DataDirectory::secure(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return u"cannot create the data directory %1"_s.arg(dir);
    if (QString error = restrict(dir, kOwnerDirectory); !error.isEmpty())
        return error;
    const QDir root(dir);
    if (QFileInfo(root.filePath(u"tls"_s)).isDir()) {
        if (QString error = restrict(root.filePath(u"tls"_s), kOwnerDirectory); !error.isEmpty())
            return error;
    }
    if (QString error = createPrivate(root.filePath(u"sandbox.sqlite"_s)); !error.isEmpty())
        return error;
    for (const QString &name : secretFiles()) {
        const QString path = root.filePath(name);
        if (!QFileInfo(path).isFile())
            continue;
        if (QString error = restrict(path, kOwnerFile); !error.isEmpty())
            return error;
    }
    return {};
}

QString DataDirectory::secureFileInside(const QString &dir, const QString &path)
{
    const QString inside = QDir(dir).canonicalPath();
    const QString file = QFileInfo(path).canonicalFilePath();
    if (inside.isEmpty() || file.isEmpty() || !file.startsWith(inside + u'/'))
        return {};
    return restrict(file, kOwnerFile);
}
