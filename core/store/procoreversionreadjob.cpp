#include "core/store/procoreversionreadjob.h"

#include "core/api/procoreclient.h"
#include "core/api/storagetransfer.h"
#include "core/common/logging.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"

#include <QIODevice>
#include <QUrl>

namespace trestle {

ProcoreVersionReadJob::ProcoreVersionReadJob(ProcoreStore *store, StorePath path, StoreVersion version,
                                             QIODevice *sink, QObject *parent)
    : StoreJob(parent), m_store(store), m_path(std::move(path)), m_version(std::move(version)), m_sink(sink)
{ }

ProcoreVersionReadJob::~ProcoreVersionReadJob() = default; // m_transfer is a child

void ProcoreVersionReadJob::doStart()
{
    if (!m_store || !m_sink)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store or the destination is gone.")));
    if (m_version.location.isEmpty())
        return refreshAndRetry();
    download(m_version.location);
}

void ProcoreVersionReadJob::download(const QString &url)
{
    if (!m_store || !m_sink)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store or the destination is gone.")));
    if (m_transfer)
        m_transfer->deleteLater(); // may be the sender of the signal we are in
    ProcoreClient *client = m_store->client();
    m_transfer = new StorageTransfer(client->context(), client->networkAccessManager(), this);
    const qint64 total = m_version.size;
    setProgress(0, total);
    connect(m_transfer, &StorageTransfer::progress, this,
            [this, total](qint64 done, qint64) { setProgress(done, total >= 0 ? total : -1); });
    connect(m_transfer, &StorageTransfer::finished, this, &ProcoreVersionReadJob::onTransferFinished);
    m_transfer->startDownload(QUrl(url), m_sink);
}

void ProcoreVersionReadJob::onTransferFinished()
{
    const Status result = m_transfer->result();
    const qint64 received = m_transfer->bytesDone();
    if (!result.ok()) {
        if (result.error().httpStatus() == 403 && received == 0 && !m_refreshed) {
            qCInfo(lcStore) << "version URL refused (403); fetching the version for a fresh URL:"
                            << m_path.toString() << m_version.number;
            return refreshAndRetry();
        }
        Error error = result.error();
        if (error.kind() == Error::Kind::NotFound)
            error = ProcoreStore::storeError(error, m_path);
        return emitResult(error);
    }
    if (m_version.size >= 0 && received != m_version.size)
        return emitResult(
            Error(Error::Kind::Network,
                  tr("The download of version %1 of \u201C%2\u201D was incomplete: %3 of %4 bytes.")
                      .arg(m_version.number)
                      .arg(m_path.toString())
                      .arg(received)
                      .arg(m_version.size)));
    setProgress(received, received);
    emitResult();
}

void ProcoreVersionReadJob::refreshAndRetry()
{
    m_refreshed = true;
    if (!m_store)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    bool ok = false;
    const qint64 versionId = m_version.id.toLongLong(&ok);
    if (!ok)
        return emitResult(Error(Error::Kind::Internal,
                                tr("This version of \u201C%1\u201D has no id.").arg(m_path.toString())));
    const StorePath path = m_path;
    m_store->client()->fileVersion(
        m_store->projectId(), versionId,
        procoreGuard<ProcoreVersionReadJob, Result<FileVersion>>(
            this, [this, path](Result<FileVersion> version) {
                if (!version.ok())
                    return emitResult(ProcoreStore::storeError(version.error(), path));
                if (version.value().url.isEmpty())
                    return emitResult(Error(
                        Error::Kind::MalformedReply,
                        tr("Procore gave no download address for \u201C%1\u201D.").arg(path.toString())));
                if (version.value().size >= 0)
                    m_version.size = version.value().size;
                download(version.value().url);
            }));
}

void ProcoreVersionReadJob::doKill()
{
    if (m_transfer)
        m_transfer->abort();
}

} // namespace trestle
