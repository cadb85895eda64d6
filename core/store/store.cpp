#include "core/store/store.h"

namespace trestle {

Store::Store(QObject *parent) : QObject(parent) { }

Store::~Store() = default;

Result<std::unique_ptr<QIODevice>> Store::openReadDevice(const StorePath &path)
{
    return Error(Error::Kind::Internal, tr("This store cannot open files for random access."),
                 QStringLiteral("openReadDevice unsupported: %1").arg(path.toString()));
}

Result<std::unique_ptr<WriteSession>> Store::beginWrite(const StorePath &path, qint64 size,
                                                        const QDateTime &mtime, WriteMode mode)
{
    Q_UNUSED(size)
    Q_UNUSED(mtime)
    Q_UNUSED(mode)
    return Error(Error::Kind::Internal, tr("This store cannot take pushed writes."),
                 QStringLiteral("beginWrite unsupported: %1").arg(path.toString()));
}

} // namespace trestle
