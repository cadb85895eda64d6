#include "core/store/localstreamjobs.h"

#include "core/store/streampump.h"

#include <QFileInfo>

namespace trestle {

LocalReadIntoJob::LocalReadIntoJob(LocalRoot root, StorePath path, QIODevice *sink, QObject *parent)
    : StoreJob(parent), m_root(std::move(root)), m_path(std::move(path)), m_sink(sink)
{ }

LocalReadIntoJob::~LocalReadIntoJob() = default;

void LocalReadIntoJob::doStart()
{
    const Result<QString> resolved = m_root.resolveExisting(m_path);
    if (!resolved.ok()) {
        emitResult(resolved.error());
        return;
    }
    const QFileInfo info(resolved.value());
    if (!info.isFile()) {
        // Never open a FIFO or device: reading one could block forever.
        emitResult(Error(info.isDir() ? Error::Kind::NotFound : Error::Kind::InvalidName,
                         tr("\u201C%1\u201D is not a file.").arg(m_path.toString())));
        return;
    }
    if (!m_sink || !m_sink->isWritable()) {
        emitResult(Error(Error::Kind::Internal, tr("The destination of the read is not open for writing.")));
        return;
    }
    m_file.setFileName(resolved.value());
    if (!m_file.open(QIODevice::ReadOnly)) {
        emitResult(Error(m_file.error() == QFileDevice::PermissionsError ? Error::Kind::Permission
                                                                         : Error::Kind::LocalIo,
                         tr("Could not open \u201C%1\u201D.").arg(m_path.toString()), m_file.errorString()));
        return;
    }
    const qint64 total = m_file.size();
    setProgress(0, total);
    m_pump = new StreamPump(&m_file, m_sink, total, this);
    connect(m_pump, &StreamPump::progress, this, &LocalReadIntoJob::setProgress);
    connect(m_pump, &StreamPump::done, this, [this](const Error &error, bool sinkFailed) {
        m_file.close();
        // A WriteSession knows why it refused the bytes (DiskFull, Permission): report that.
        const auto *session = qobject_cast<WriteSession *>(m_sink.data());
        if (sinkFailed && session && session->error().isError())
            emitResult(session->error());
        else if (error.isError() && !sinkFailed)
            emitResult(Error(Error::Kind::LocalIo,
                             tr("Could not read \u201C%1\u201D.").arg(m_path.toString()), error.toString()));
        else
            emitResult(error);
    });
    m_pump->start();
}

void LocalReadIntoJob::doKill()
{
    if (m_pump)
        m_pump->cancel();
    m_file.close();
}

LocalWriteFromJob::LocalWriteFromJob(Store *store, StorePath path, QIODevice *source, qint64 size,
                                     QDateTime mtime, Store::WriteMode mode, QObject *parent)
    : StoreJob(parent)
    , m_store(store)
    , m_path(std::move(path))
    , m_source(source)
    , m_size(size)
    , m_mtime(std::move(mtime))
    , m_mode(mode)
{ }

LocalWriteFromJob::~LocalWriteFromJob() = default;

void LocalWriteFromJob::doStart()
{
    if (!m_store) {
        emitResult(Error(Error::Kind::Internal, tr("The store was closed before the write started.")));
        return;
    }
    if (!m_source || !m_source->isReadable()) {
        emitResult(Error(Error::Kind::Internal, tr("The source of the write is not open for reading.")));
        return;
    }
    Result<std::unique_ptr<WriteSession>> session = m_store->beginWrite(m_path, m_size, m_mtime, m_mode);
    if (!session.ok()) {
        emitResult(session.error());
        return;
    }
    m_session = session.takeValue();
    setProgress(0, m_size);
    m_pump = new StreamPump(m_source, m_session.get(), m_size, this);
    connect(m_pump, &StreamPump::progress, this, &LocalWriteFromJob::setProgress);
    connect(m_pump, &StreamPump::done, this, [this](const Error &error, bool sinkFailed) {
        if (error.isError()) {
            const Error cause = sinkFailed && m_session->error().isError() ? m_session->error() : error;
            m_session->abort();
            emitResult(cause);
            return;
        }
        const Status committed = m_session->commit();
        emitResult(committed.ok() ? Error() : committed.error());
    });
    m_pump->start();
}

void LocalWriteFromJob::doKill()
{
    if (m_pump)
        m_pump->cancel();
    if (m_session)
        m_session->abort();
}

} // namespace trestle
