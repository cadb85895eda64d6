#include "documents/fileappend.h"

#include <QByteArray>
#include <QFile>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <unistd.h>
#endif

namespace sandbox {

namespace {

// Copies `source` from its current position to its end onto the end of `target`.
bool copyThroughBuffer(QFile &source, QFile &target)
{
    if (!target.seek(target.size()))
        return false;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    while (true) {
        const qint64 n = source.read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        if (target.write(buffer.constData(), n) != n)
            return false;
    }
}

} // namespace

bool appendFile(QFile &target, const QString &sourcePath)
{
    QFile source(sourcePath);
    if (!target.isOpen() || !source.open(QIODevice::ReadOnly) || !target.flush())
        return false;
#ifdef Q_OS_LINUX
    qint64 remaining = source.size();
    loff_t in = 0;
    loff_t out = target.size();
    while (remaining > 0) {
        const size_t chunk = size_t(qMin<qint64>(remaining, Q_INT64_C(1) << 30));
        const ssize_t n = ::copy_file_range(source.handle(), &in, target.handle(), &out, chunk, 0);
        if (n > 0) {
            remaining -= n;
            continue;
        }
        if (n == 0)
            return false; // the source is shorter than it was a moment ago
        if (errno == EINTR)
            continue;
        // Not supported here (old kernel, file systems that refuse it): copy the usual way.
        if (in == 0
            && (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP
                || errno == EBADF))
            return copyThroughBuffer(source, target);
        return false;
    }
    return true;
#else
    return copyThroughBuffer(source, target);
#endif
}

} // namespace sandbox
