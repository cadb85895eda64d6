#include "core/store/procoremovejob.h"

#include "core/api/procoreclient.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"

namespace trestle {

namespace {

Error notFound(const StorePath &path)
{
    return Error(Error::Kind::NotFound,
                 ProcoreMoveJob::tr("\u201C%1\u201D does not exist in Procore.").arg(path.toString()));
}

Error storeGone()
{
    return Error(Error::Kind::Internal, ProcoreMoveJob::tr("The Procore store is gone."));
}

} // namespace

ProcoreMoveJob::ProcoreMoveJob(ProcoreStore *store, StorePath from, StorePath to, Error invalid,
                               QObject *parent)
    : StoreJob(parent)
    , m_store(store)
    , m_from(std::move(from))
    , m_to(std::move(to))
    , m_invalid(std::move(invalid))
{ }

ProcoreMoveJob::~ProcoreMoveJob() = default;

void ProcoreMoveJob::doStart()
{
    if (m_invalid)
        return emitResult(m_invalid);
    if (!m_store)
        return emitResult(storeGone());
    m_store->resolve(
        m_from, procoreGuard<ProcoreMoveJob, Result<ProcoreNode>>(this, [this](Result<ProcoreNode> node) {
            if (!node.ok())
                return emitResult(node.error());
            m_source = node.value();
            resolveTarget();
        }));
}

void ProcoreMoveJob::resolveTarget()
{
    if (!m_store)
        return emitResult(storeGone());
    m_store->resolve(
        m_to.parent(),
        procoreGuard<ProcoreMoveJob, Result<ProcoreNode>>(this, [this](Result<ProcoreNode> folder) {
            if (!folder.ok())
                return emitResult(folder.error().kind() == Error::Kind::NotFound ? notFound(m_to)
                                                                                 : folder.error());
            if (!folder.value().isFolder() || !m_store)
                return emitResult(notFound(m_to));
            if (const std::optional<ProcoreNode> clash = m_store->cache().clash(m_to);
                clash && clash->id != m_source.id)
                return emitResult(
                    Error(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(m_to.toString())));
            const bool moves = m_to.parent() != m_from.parent();
            if (!moves || folder.value().id > 0)
                return patch(moves ? folder.value().id : 0);
            if (m_rootListed)
                return emitResult(
                    Error(Error::Kind::MalformedReply, tr("Procore did not tell the top folder's id.")));
            // Moving to the top needs the root's id, which only a root listing tells.
            m_rootListed = true;
            m_store->fetchChildren(
                StorePath::root(), 0,
                procoreGuard<ProcoreMoveJob, Result<QList<Entry>>>(this, [this](Result<QList<Entry>> listed) {
                    if (!listed.ok())
                        return emitResult(listed.error());
                    resolveTarget(); // the listing may also have revealed a clash
                }));
        }));
}

void ProcoreMoveJob::patch(qint64 parentId)
{
    const std::optional<QString> name =
        m_to.name() != m_from.name() ? std::optional<QString>(m_to.name()) : std::nullopt;
    const std::optional<qint64> parent = parentId > 0 ? std::optional<qint64>(parentId) : std::nullopt;
    ProcoreClient *client = m_store->client();
    if (m_source.isFolder()) {
        return client->updateFolder(
            m_store->projectId(), m_source.id, ProcoreClient::FolderChange{name, parent},
            procoreGuard<ProcoreMoveJob, Result<Folder>>(this, [this](Result<Folder> moved) {
                if (!moved.ok())
                    return done(moved.error());
                done(ProcoreStore::folderNode(moved.value(), m_to));
            }));
    }
    ProcoreClient::FileChange change;
    change.name = name;
    change.parentId = parent;
    client->updateFile(m_store->projectId(), m_source.id, change,
                       procoreGuard<ProcoreMoveJob, Result<File>>(this, [this](Result<File> moved) {
                           if (!moved.ok())
                               return done(moved.error());
                           done(ProcoreStore::fileNode(moved.value(), m_to));
                       }));
}

void ProcoreMoveJob::done(const Result<ProcoreNode> &moved)
{
    if (!moved.ok())
        return emitResult(ProcoreStore::storeError(moved.error(), m_to));
    if (m_store)
        m_store->cache().move(m_from, moved.value());
    emitResult();
}

} // namespace trestle
