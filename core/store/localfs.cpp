#include "core/store/localfs.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif
#ifdef Q_OS_UNIX
#include <sys/file.h>
#endif

namespace trestle {

std::filesystem::path LocalFs::toFsPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    // Qt encodes file names as UTF-8 on every POSIX system it supports.
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

std::error_code LocalFs::renameNoReplace(const QString &from, const QString &to)
{
#ifdef Q_OS_LINUX
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return {};
    // Some network file systems (older CIFS, NFS) do not know RENAME_NOREPLACE.
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return std::error_code(errno, std::generic_category());
    if (::link(source.constData(), target.constData()) == 0) {
        ::unlink(source.constData());
        return {};
    }
    if (errno == EEXIST || errno == ENOENT || errno == EACCES || errno == EROFS || errno == ENOSPC)
        return std::error_code(errno, std::generic_category());
        // Folders and file systems without hard links: a checked rename (a tiny race is left).
#endif
    std::error_code code;
    if (std::filesystem::exists(std::filesystem::symlink_status(toFsPath(to), code)))
        return std::make_error_code(std::errc::file_exists);
    std::filesystem::rename(toFsPath(from), toFsPath(to), code);
    return code;
}

std::error_code LocalFs::renameReplace(const QString &from, const QString &to)
{
    std::error_code code;
    std::filesystem::rename(toFsPath(from), toFsPath(to), code);
    return code;
}

Error LocalFs::toError(const std::error_code &code, const QString &action, const QString &path)
{
    if (code.category() == std::generic_category() || code.category() == std::system_category())
        return toError(code.value(), action, path);
    return Error(Error::Kind::LocalIo, tr("Could not %1 \u201C%2\u201D.").arg(action, path),
                 QString::fromStdString(code.message()));
}

Error LocalFs::toError(int errnoValue, const QString &action, const QString &path)
{
    const QString detail =
        QStringLiteral("%1 %2: %3").arg(action, path, QString::fromLocal8Bit(std::strerror(errnoValue)));
    switch (errnoValue) {
    case ENOENT:
    case ENOTDIR:
        return Error(Error::Kind::NotFound, tr("\u201C%1\u201D does not exist.").arg(path), detail);
    case EACCES:
    case EPERM:
    case EROFS:
        return Error(
            Error::Kind::Permission,
            tr("No permission to %1 \u201C%2\u201D (the destination may be read-only).").arg(action, path),
            detail);
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return Error(Error::Kind::DiskFull,
                     tr("There is no space left to %1 \u201C%2\u201D.").arg(action, path), detail);
    case EEXIST:
    case ENOTEMPTY:
    case EISDIR:
        return Error(Error::Kind::Conflict,
                     tr("Could not %1 \u201C%2\u201D: it already exists or is not empty.").arg(action, path),
                     detail);
    case ENAMETOOLONG:
        return Error(Error::Kind::InvalidName, tr("The name or path \u201C%1\u201D is too long.").arg(path),
                     detail);
    case ECANCELED:
        return Error(Error::Kind::Cancelled, tr("The operation was cancelled."), detail);
    default:
        return Error(Error::Kind::LocalIo, tr("Could not %1 \u201C%2\u201D.").arg(action, path), detail);
    }
}

bool LocalFs::tryLockExclusive(int fd)
{
#ifdef Q_OS_UNIX
    int result;
    do
        result = ::flock(fd, LOCK_EX | LOCK_NB);
    while (result != 0 && errno == EINTR);
    return result == 0;
#else
    Q_UNUSED(fd)
    return true;
#endif
}

bool LocalFs::removeIfStale(const QString &path, std::chrono::seconds minAge)
{
    QFile file(path);
    const QDateTime written = QFileInfo(path).lastModified();
    if (!written.isValid() || written.secsTo(QDateTime::currentDateTimeUtc()) < minAge.count())
        return false;
    if (!file.open(QIODevice::ReadOnly) || !tryLockExclusive(file.handle()))
        return false; // gone already, not readable, or a live writer holds it
    // Removed while we hold the lock: no writer can have taken the file over in between.
    return file.remove();
}

} // namespace trestle
