#include "core/store/procoreversionlistjob.h"

#include "core/api/procoreclient.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"

namespace trestle {

ProcoreVersionListJob::ProcoreVersionListJob(ProcoreStore *store, StorePath path, QObject *parent)
    : VersionListJob(std::move(path), parent), m_store(store)
{ }

ProcoreVersionListJob::~ProcoreVersionListJob() = default;

void ProcoreVersionListJob::doStart()
{
    if (!m_store)
        return emitResult(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    m_store->resolve(
        path(),
        procoreGuard<ProcoreVersionListJob, Result<ProcoreNode>>(this, [this](Result<ProcoreNode> node) {
            if (!node.ok())
                return emitResult(node.error());
            if (node.value().isFolder() || path().isRoot())
                return emitResult(
                    Error(Error::Kind::NotFound,
                          tr("\u201C%1\u201D is a folder, not a file.").arg(path().toString())));
            const Entry &entry = node.value().entry;
            if (entry.versionCount > 1)
                return fetch(node.value().id);
            // One version: the file itself, read the usual way.
            StoreVersion only;
            only.number = 1;
            only.size = entry.size;
            only.modified = entry.modified;
            setVersions({only});
            emitResult();
        }));
}

void ProcoreVersionListJob::fetch(qint64 fileId)
{
    const StorePath filePath = path();
    QPointer<ProcoreStore> store = m_store;
    m_store->client()->file(
        m_store->projectId(), fileId,
        procoreGuard<ProcoreVersionListJob, Result<File>>(this, [this, store, filePath](Result<File> file) {
            if (!file.ok())
                return emitResult(ProcoreStore::storeError(file.error(), filePath));
            if (file.value().isDeleted)
                return emitResult(
                    Error(Error::Kind::NotFound,
                          tr("\u201C%1\u201D does not exist in Procore.").arg(filePath.toString())));
            if (store)
                store->cache().put(ProcoreStore::fileNode(file.value(), filePath));
            QList<StoreVersion> versions;
            for (const FileVersion &v : file.value().versions) {
                StoreVersion version;
                version.id = QString::number(v.id);
                version.number = v.number;
                version.size = v.size;
                version.modified = v.createdAt;
                version.location = v.url;
                versions.append(version);
            }
            if (versions.isEmpty())
                return emitResult(
                    Error(Error::Kind::MalformedReply,
                          tr("Procore gave no versions for \u201C%1\u201D.").arg(filePath.toString())));
            setVersions(std::move(versions));
            emitResult();
        }));
}

} // namespace trestle
