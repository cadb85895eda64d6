// ProcoreStore, the part that reads the flat documents index (GET /rest/v1.0/projects/{pid}/
// documents): the whole project in ceil(N / per_page) calls, and "what changed since T".
#include "core/api/procoreclient.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"

#include <QSet>

namespace trestle {

namespace {

ProcoreNode documentNode(const DocumentEntry &d, const StorePath &path)
{
    ProcoreNode node;
    node.id = d.id;
    node.entry.name = d.name;
    node.entry.path = path;
    node.entry.kind = d.type == DocumentEntry::Type::Folder ? Entry::Kind::Folder : Entry::Kind::File;
    node.entry.modified = d.updatedAt.isValid() ? d.updatedAt : d.createdAt;
    node.entry.backendId = QString::number(d.id);
    if (d.type == DocumentEntry::Type::File) {
        node.entry.size = d.size;
        if (d.currentVersion) {
            node.downloadUrl = d.currentVersion->url;
            node.entry.versionCount = qMax(1, d.currentVersion->number);
            if (node.entry.size < 0)
                node.entry.size = d.currentVersion->size;
        }
    }
    return node;
}

// Paths of index items from their parent ids: `known` holds paths already known (the cache);
// items of the answer may name each other as parents in any order.
class IndexPaths final
{
public:
    IndexPaths(const QList<DocumentEntry> &items, QHash<qint64, StorePath> known) : m_known(std::move(known))
    {
        for (const DocumentEntry &d : items)
            m_items.insert(d.id, &d);
    }

    // nullopt when the chain of parents leaves what is known, or a name cannot be a StorePath.
    std::optional<StorePath> pathOf(qint64 id, int depth = 0)
    {
        if (const auto it = m_known.constFind(id); it != m_known.constEnd())
            return *it;
        const auto item = m_items.constFind(id);
        if (item == m_items.constEnd() || depth > 200 || m_failed.contains(id))
            return std::nullopt;
        const std::optional<StorePath> parent = pathOf((*item)->parentId, depth + 1);
        std::optional<StorePath> path;
        if (parent) {
            const Result<StorePath> child = parent->child((*item)->name);
            if (child.ok())
                path = child.value();
        }
        if (path)
            m_known.insert(id, *path);
        else
            m_failed.insert(id);
        return path;
    }

private:
    QHash<qint64, const DocumentEntry *> m_items;
    QHash<qint64, StorePath> m_known;
    QSet<qint64> m_failed;
};

Error storeGone()
{
    return Error(Error::Kind::Internal, ProcoreStore::tr("The Procore store is gone."));
}

// What a read of the index becomes: the entries a job hands out (the handler runs on the store).
using IndexToEntries = std::function<QList<Entry>(ProcoreStore *store, const QList<DocumentEntry> &items)>;

// One read of the documents index (every page of it) as a ListJob: the job fails when the read
// does or when the store went away meanwhile, and else hands out what `toEntries` makes of it.
ListJob *readDocumentsIndex(QPointer<ProcoreStore> self, const ProcoreClient::DocumentQuery &query,
                            IndexToEntries toEntries)
{
    return new ProcoreListJob(StorePath::root(), [self, query, toEntries](ProcoreListJob *job) {
        if (!self)
            return job->fail(storeGone());
        self->client()->documents(self->projectId(), query,
                                  procoreGuard<ProcoreListJob, Result<QList<DocumentEntry>>>(
                                      job, [self, job, toEntries](Result<QList<DocumentEntry>> reply) {
                                          if (!reply.ok())
                                              return job->fail(reply.error());
                                          if (!self)
                                              return job->fail(storeGone());
                                          job->succeed(toEntries(self.data(), reply.value()));
                                      }));
    });
}

} // namespace

ListJob *ProcoreStore::indexProject()
{
    ProcoreClient::DocumentQuery query;
    query.extended = true; // files carry their current version: size and download URL
    return readDocumentsIndex(this, query, [](ProcoreStore *self, const QList<DocumentEntry> &items) {
        // The root is not in the index: it is the parent that is no item of it.
        QSet<qint64> ids;
        for (const DocumentEntry &d : items)
            ids.insert(d.id);
        qint64 rootId = self->m_cache->rootId();
        for (const DocumentEntry &d : items) {
            if (!d.isDeleted && d.parentId > 0 && !ids.contains(d.parentId)) {
                rootId = d.parentId;
                break;
            }
        }
        // The index is a snapshot of the whole project: it replaces what was known.
        self->m_cache->clear();
        self->m_cache->setRootId(rootId);
        QHash<qint64, StorePath> known;
        if (rootId > 0)
            known.insert(rootId, StorePath::root());
        IndexPaths paths(items, known);
        QHash<StorePath, QList<ProcoreNode>> children;
        children.insert(StorePath::root(), {});
        QList<Entry> entries;
        entries.reserve(items.size());
        for (const DocumentEntry &d : items) {
            if (d.isDeleted || d.isInRecycleBin)
                continue;
            const std::optional<StorePath> path = paths.pathOf(d.id);
            if (!path) {
                Entry other;
                other.name = d.name;
                other.kind = Entry::Kind::Other;
                other.backendId = QString::number(d.id);
                other.note = tr("This item cannot be used: its name or one of its folders' names is not "
                                "a valid name.");
                entries.append(other);
                continue;
            }
            const ProcoreNode node = documentNode(d, *path);
            children[path->parent()].append(node);
            if (node.isFolder())
                children.insert(*path, children.value(*path));
            entries.append(node.entry);
        }
        for (auto it = children.cbegin(); it != children.cend(); ++it)
            self->m_cache->setChildren(it.key(), it.value());
        return entries;
    });
}

ListJob *ProcoreStore::changedSince(const QDateTime &since)
{
    ProcoreClient::DocumentQuery query;
    query.updatedFrom = since;
    query.extended = true;
    return readDocumentsIndex(this, query, [](ProcoreStore *self, const QList<DocumentEntry> &items) {
        const QHash<qint64, StorePath> before = self->m_cache->pathsById();
        // Ids of changed items are looked up by their parents only: a renamed or moved item must not
        // find itself at its old path.
        QHash<qint64, StorePath> parentsOnly = before;
        for (const DocumentEntry &d : items)
            parentsOnly.remove(d.id);
        IndexPaths paths(items, parentsOnly);
        QList<Entry> entries;
        for (const DocumentEntry &d : items) {
            if (d.isDeleted || d.isInRecycleBin)
                continue;
            const std::optional<StorePath> path = paths.pathOf(d.id);
            if (!path)
                continue;
            if (const auto old = before.constFind(d.id); old != before.constEnd() && *old != *path)
                self->m_cache->forget(*old); // renamed or moved since it was cached
            const ProcoreNode node = documentNode(d, *path);
            self->m_cache->put(node);
            entries.append(node.entry);
        }
        return entries;
    });
}

ListJob *ProcoreStore::deletedSince(const QDateTime &since)
{
    ProcoreClient::DocumentQuery query;
    query.updatedFrom = since;
    query.inRecycleBin = true;
    query.extended = false; // paths and kinds are all a deletion needs
    return readDocumentsIndex(this, query, [](ProcoreStore *self, const QList<DocumentEntry> &items) {
        // Deleted items keep their parent ids: known paths first, then deleted parents.
        IndexPaths paths(items, self->m_cache->pathsById());
        QList<Entry> entries;
        QList<StorePath> gone;
        for (const DocumentEntry &d : items) {
            const std::optional<StorePath> path = paths.pathOf(d.id);
            if (!path || path->isRoot())
                continue;
            // Still there under that path with another id: the deleted one was replaced.
            const std::optional<ProcoreNode> now = self->m_cache->node(*path);
            if (now && now->id != d.id)
                continue;
            ProcoreNode node = documentNode(d, *path);
            node.entry.note = tr("Deleted in Procore (in its recycle bin).");
            entries.append(node.entry);
            gone.append(*path);
        }
        for (const StorePath &path : std::as_const(gone))
            self->m_cache->forget(path);
        return entries;
    });
}

} // namespace trestle
