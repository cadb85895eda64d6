#include "core/transfer/sourceguard.h"

#include "core/common/logging.h"

#include <QFileInfo>
#include <QMetaObject>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace trestle {

namespace {

#ifdef Q_OS_UNIX
FileStamp fromStat(const struct stat &st)
{
    FileStamp stamp;
    stamp.valid = true;
    stamp.size = qint64(st.st_size);
#if defined(Q_OS_DARWIN)
    stamp.modifiedNs = qint64(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
    stamp.changedNs = qint64(st.st_ctimespec.tv_sec) * 1000000000 + st.st_ctimespec.tv_nsec;
#else
    stamp.modifiedNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    stamp.changedNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
#endif
    stamp.device = quint64(st.st_dev);
    stamp.inode = quint64(st.st_ino);
    return stamp;
}
#endif

// Where there is no stat(2): what QFileInfo gives (size and times in milliseconds, no inode).
FileStamp fromFileInfo(const QString &path)
{
    QFileInfo info(path);
    info.setCaching(false);
    FileStamp stamp;
    if (!info.exists())
        return stamp;
    stamp.valid = true;
    stamp.size = info.size();
    stamp.modifiedNs = info.lastModified().toMSecsSinceEpoch() * 1000000;
    stamp.changedNs = info.metadataChangeTime().toMSecsSinceEpoch() * 1000000;
    return stamp;
}

} // namespace

FileStamp FileStamp::ofPath(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return FileStamp();
    return fromStat(st);
#else
    return fromFileInfo(path);
#endif
}

FileStamp FileStamp::ofOpenFile(QFileDevice *file)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (file->handle() >= 0 && ::fstat(file->handle(), &st) == 0)
        return fromStat(st);
#endif
    return fromFileInfo(file->fileName());
}

bool FileStamp::operator==(const FileStamp &other) const
{
    return valid == other.valid && size == other.size && modifiedNs == other.modifiedNs
        && changedNs == other.changedNs && device == other.device && inode == other.inode;
}

SourceGuard::SourceGuard(QFileDevice *file, QObject *parent)
    : QIODevice(parent), m_file(file), m_atOpen(FileStamp::ofOpenFile(file)), m_end(file->size())
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

SourceGuard::~SourceGuard() = default;

qint64 SourceGuard::size() const
{
    return m_end;
}

bool SourceGuard::seek(qint64 pos)
{
    if (!m_file->seek(pos))
        return false;
    return QIODevice::seek(pos);
}

bool SourceGuard::atEnd() const
{
    return pos() >= m_end;
}

qint64 SourceGuard::bytesAvailable() const
{
    return qMax<qint64>(0, m_end - pos()) + QIODevice::bytesAvailable();
}

bool SourceGuard::stillSame()
{
    if (m_changed)
        return false;
    const FileStamp open = FileStamp::ofOpenFile(m_file);
    // The path too: a save through a temporary file and a rename leaves the open file as it was.
    const FileStamp named = FileStamp::ofPath(m_file->fileName());
    if (open == m_atOpen && named == m_atOpen)
        return true;
    m_changed = true;
    qCInfo(lcTransfer) << "source changed while it was read:" << m_file->fileName();
    setErrorString(tr("The file changed while it was being copied."));
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT sourceChanged(); }, Qt::QueuedConnection);
    return false;
}

qint64 SourceGuard::readData(char *data, qint64 maxSize)
{
    if (m_changed)
        return -1;
    // Never past the size at open: bytes appended meanwhile are not part of this copy.
    const qint64 want = qMin(maxSize, qMax<qint64>(0, m_end - pos()));
    const qint64 got = want > 0 ? m_file->read(data, want) : 0;
    if (got < 0)
        return got;
    // The last bytes, or an early end (the file shrank): the moment to look again.
    if ((pos() + got >= m_end || got < want) && !stillSame())
        return -1;
    return got;
}

qint64 SourceGuard::writeData(const char *, qint64)
{
    return -1;
}

} // namespace trestle
