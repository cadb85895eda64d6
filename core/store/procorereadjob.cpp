#include "core/store/procorereadjob.h"

#include "core/api/connectioncontext.h"
#include "core/api/procoreclient.h"
#include "core/api/storagetransfer.h"
#include "core/common/logging.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"

#include <QIODevice>

namespace trestle {

ProcoreReadJob::ProcoreReadJob(ProcoreStore *store, StorePath path, QIODevice *sink, QObject *parent)
    : StoreJob(parent), m_store(store), m_path(std::move(path)), m_sink(sink)
{ }

ProcoreReadJob::~ProcoreReadJob() = default; // m_transfer is a child

void ProcoreReadJob::doStart()
{
    if (!m_store || !m_sink)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store or the destination is gone.")));
    m_store->resolve(
        m_path, procoreGuard<ProcoreReadJob, Result<ProcoreNode>>(this, [this](Result<ProcoreNode> node) {
            if (!node.ok())
                return emitResult(node.error());
            if (node.value().isFolder() || m_path.isRoot())
                return emitResult(
                    Error(Error::Kind::NotFound,
                          tr("\u201C%1\u201D is a folder, not a file.").arg(m_path.toString())));
            m_node = node.value();
            if (m_node.downloadUrl.isEmpty())
                return refreshAndRetry(); // listed without a version URL: ask for the file itself
            download(node.value());
        }));
}

void ProcoreReadJob::download(const ProcoreNode &node)
{
    m_node = node;
    if (!m_store || !m_sink)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store or the destination is gone.")));
    if (m_transfer)
        m_transfer->deleteLater(); // may be the sender of the signal we are in
    ProcoreClient *client = m_store->client();
    m_transfer = new StorageTransfer(client->context(), client->networkAccessManager(), this);
    const qint64 total = node.entry.size;
    setProgress(0, total);
    connect(m_transfer, &StorageTransfer::progress, this,
            [this, total](qint64 done, qint64) { setProgress(done, total >= 0 ? total : -1); });
    connect(m_transfer, &StorageTransfer::finished, this, &ProcoreReadJob::onTransferFinished);
    m_transfer->startDownload(QUrl(node.downloadUrl), m_sink);
}

void ProcoreReadJob::onTransferFinished()
{
    const Status result = m_transfer->result();
    const qint64 received = m_transfer->bytesDone();
    if (!result.ok()) {
        // 403 from storage: the signed URL expired (or was refused). Nothing reached the sink yet,
        // so one fresh URL and one more try is safe.
        if (result.error().httpStatus() == 403 && received == 0 && !m_refreshed) {
            qCInfo(lcStore) << "download URL refused (403); fetching the file for a fresh URL:"
                            << m_path.toString();
            return refreshAndRetry();
        }
        Error error = result.error();
        if (error.kind() == Error::Kind::NotFound)
            error = ProcoreStore::storeError(error, m_path);
        return emitResult(error);
    }
    if (m_node.entry.size >= 0 && received != m_node.entry.size)
        return emitResult(Error(Error::Kind::Network,
                                tr("The download of \u201C%1\u201D was incomplete: %2 of %3 bytes.")
                                    .arg(m_path.toString())
                                    .arg(received)
                                    .arg(m_node.entry.size)));
    setProgress(received, received);
    emitResult();
}

void ProcoreReadJob::refreshAndRetry()
{
    m_refreshed = true;
    if (!m_store)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    QPointer<ProcoreStore> store = m_store;
    const StorePath path = m_path;
    m_store->client()->file(
        m_store->projectId(), m_node.id,
        procoreGuard<ProcoreReadJob, Result<File>>(this, [this, store, path](Result<File> file) {
            if (!file.ok())
                return emitResult(ProcoreStore::storeError(file.error(), path));
            if (file.value().isDeleted)
                return emitResult(
                    Error(Error::Kind::NotFound,
                          tr("\u201C%1\u201D does not exist in Procore.").arg(path.toString())));
            const ProcoreNode fresh = ProcoreStore::fileNode(file.value(), path);
            if (store)
                store->cache().put(fresh);
            if (fresh.downloadUrl.isEmpty())
                return emitResult(
                    Error(Error::Kind::MalformedReply,
                          tr("Procore gave no download address for \u201C%1\u201D.").arg(path.toString())));
            download(fresh);
        }));
}

void ProcoreReadJob::doKill()
{
    if (m_transfer)
        m_transfer->abort();
}

} // namespace trestle
