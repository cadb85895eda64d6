#include "core/store/localwritesession.h"

#include "core/common/logging.h"
#include "core/store/localfs.h"
#include "core/store/localroot.h"

#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace trestle {

LocalWriteSession::LocalWriteSession(const StorePath &path, const QString &finalPath, const QString &tempPath,
                                     qint64 size, const QDateTime &mtime, Store::WriteMode mode)
    : WriteSession(path)
    , m_finalPath(finalPath)
    , m_file(tempPath)
    , m_expectedSize(size)
    , m_mtime(mtime)
    , m_mode(mode)
{ }

Result<std::unique_ptr<WriteSession>> LocalWriteSession::create(const StorePath &path,
                                                                const QString &finalPath, qint64 size,
                                                                const QDateTime &mtime, Store::WriteMode mode)
{
    const QString folder = QFileInfo(finalPath).absolutePath();
    const QString tempPath = folder + QLatin1Char('/') + LocalRoot::makeTempName();
    std::unique_ptr<LocalWriteSession> session(
        new LocalWriteSession(path, finalPath, tempPath, size, mtime, mode));
    // Unbuffered: every write() reaches the file system at once, so a full disk is reported by the
    // write() that hit it (not by a later flush), and the engine's 1 MiB chunks are not copied
    // into a second buffer.
    errno = 0;
    if (!session->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        const int cause = errno;
        return cause
            ? LocalFs::toError(cause, tr("create"), path.toString())
            : Error(Error::Kind::LocalIo, tr("Could not create \u201C%1\u201D.").arg(path.toString()),
                    session->m_file.errorString());
    }
    // Held until the file is closed or the process ends: a later listing's sweep leaves the file
    // of a live write alone (LocalFs::removeIfStale). Freshly created, so nobody else holds it.
    LocalFs::tryLockExclusive(session->m_file.handle());
    session->QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    return std::unique_ptr<WriteSession>(std::move(session));
}

LocalWriteSession::~LocalWriteSession()
{
    if (!m_done)
        discard();
}

qint64 LocalWriteSession::writeData(const char *data, qint64 size)
{
    if (m_error.isError() || m_done)
        return -1;
    if (m_expectedSize >= 0 && m_accepted + size > m_expectedSize) {
        fail(Error(Error::Kind::LocalIo,
                   tr("More data arrived for \u201C%1\u201D than announced.").arg(path().toString()),
                   QStringLiteral("expected %1 bytes").arg(m_expectedSize)));
        return -1;
    }
    errno = 0;
    const qint64 written = m_file.write(data, size);
    if (written != size) {
        const int cause = errno;
        // Qt keeps errno from the failed write(2) on every POSIX system; the free-space probe is the
        // fallback where it does not.
        const bool full = cause == ENOSPC
#ifdef EDQUOT
            || cause == EDQUOT
#endif
            || QStorageInfo(QFileInfo(m_file.fileName()).absolutePath()).bytesAvailable() == 0;
        if (full) {
            const QString folder = QFileInfo(m_finalPath).absolutePath();
            const QString message = m_expectedSize >= 0
                ? tr("The disk holding \u201C%1\u201D is full: the file needs %2 in all.")
                      .arg(folder, QLocale().formattedDataSize(m_expectedSize))
                : tr("The disk holding \u201C%1\u201D is full.").arg(folder);
            fail(Error(Error::Kind::DiskFull, message,
                       QStringLiteral("write %1: %2").arg(path().toString(), m_file.errorString())));
        } else if (cause) {
            fail(LocalFs::toError(cause, tr("write"), path().toString()));
        } else {
            fail(Error(Error::Kind::LocalIo, tr("Could not write \u201C%1\u201D.").arg(path().toString()),
                       m_file.errorString()));
        }
        return -1;
    }
    m_accepted += written;
    return written;
}

void LocalWriteSession::fail(const Error &error)
{
    if (!m_error.isError())
        m_error = error;
    setErrorString(error.message());
    discard();
}

void LocalWriteSession::discard()
{
    m_done = true;
    if (m_file.isOpen())
        m_file.close();
    if (!m_file.remove() && QFileInfo::exists(m_file.fileName()))
        qCWarning(lcStore) << "could not remove temporary file" << m_file.fileName() << m_file.errorString();
    if (QIODevice::isOpen())
        QIODevice::close();
}

void LocalWriteSession::abort()
{
    if (!m_done)
        discard();
}

Status LocalWriteSession::commit()
{
    if (m_error.isError())
        return m_error;
    if (m_done)
        return Error(Error::Kind::Internal,
                     tr("The write of \u201C%1\u201D has already ended.").arg(path().toString()));
    if (m_expectedSize >= 0 && m_accepted != m_expectedSize) {
        fail(Error(Error::Kind::LocalIo,
                   tr("\u201C%1\u201D is incomplete: %2 of %3 bytes arrived.")
                       .arg(path().toString())
                       .arg(m_accepted)
                       .arg(m_expectedSize)));
        return m_error;
    }
    errno = 0;
    bool ok = m_file.flush();
#ifdef Q_OS_UNIX
    // Durable before visible: a crash right after the rename must not leave an empty file.
    ok = ok && ::fsync(m_file.handle()) == 0;
#endif
    if (!ok) {
        const int cause = errno;
        fail(cause ? LocalFs::toError(cause, tr("write"), path().toString())
                   : Error(Error::Kind::LocalIo, tr("Could not write \u201C%1\u201D.").arg(path().toString()),
                           m_file.errorString()));
        return m_error;
    }
    // Set before the rename, so the file never appears with the wrong time. Some shares refuse
    // times; that is not worth failing the copy for.
    if (m_mtime.isValid() && !m_file.setFileTime(m_mtime, QFileDevice::FileModificationTime))
        qCInfo(lcStore) << "could not keep the modification time of" << path().toString()
                        << m_file.errorString();
    m_file.close();
    const std::error_code code = m_mode == Store::WriteMode::Replace
        ? LocalFs::renameReplace(m_file.fileName(), m_finalPath)
        : LocalFs::renameNoReplace(m_file.fileName(), m_finalPath);
    if (code) {
        fail(LocalFs::toError(code, tr("save"), path().toString()));
        return m_error;
    }
    m_done = true;
    QIODevice::close();
    return Done{};
}

} // namespace trestle
