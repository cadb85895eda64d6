#include "core/store/procorestore.h"

#include "core/api/procoreclient.h"
#include "core/store/namerules.h"
#include "core/store/procorejobs.h"
#include "core/store/procoremovejob.h"
#include "core/store/procorereadjob.h"
#include "core/store/procoreversionlistjob.h"
#include "core/store/procoreversionreadjob.h"
#include "core/store/procorewritejob.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

namespace trestle {

namespace {

Error notFound(const StorePath &path)
{
    return Error(Error::Kind::NotFound,
                 ProcoreStore::tr("\u201C%1\u201D does not exist in Procore.").arg(path.toString()));
}

Error exists(const StorePath &path)
{
    return Error(Error::Kind::Conflict,
                 ProcoreStore::tr("\u201C%1\u201D already exists.").arg(path.toString()));
}

// An item whose name from the server no StorePath can hold: listed, but not usable.
Entry unusable(const QString &name, const StorePath &folder, bool isFolder, const QString &why)
{
    Entry entry;
    entry.name = name;
    entry.path = folder;
    entry.kind = Entry::Kind::Other;
    entry.note = ProcoreStore::tr("This %1 cannot be used: %2")
                     .arg(isFolder ? ProcoreStore::tr("folder") : ProcoreStore::tr("file"), why);
    return entry;
}

} // namespace

ProcoreStore::ProcoreStore(ProcoreClient *client, qint64 projectId, QString projectName, QObject *parent)
    : ProcoreStore(client, projectId, std::move(projectName), nullptr, parent)
{ }

ProcoreStore::ProcoreStore(ProcoreClient *client, qint64 projectId, QString projectName,
                           std::shared_ptr<ProcorePathCache> cache, QObject *parent)
    : Store(parent)
    , m_client(client)
    , m_projectId(projectId)
    , m_projectName(std::move(projectName))
    , m_cache(cache ? std::move(cache) : std::make_shared<ProcorePathCache>())
{ }

ProcoreStore::~ProcoreStore()
{
    m_cache->dropWaiters(this);
}

QString ProcoreStore::displayName() const
{
    return tr("Procore: %1").arg(m_projectName.isEmpty() ? QString::number(m_projectId) : m_projectName);
}

StoreLimits ProcoreStore::limits() const
{
    return StoreLimits::procoreDocuments();
}

Error ProcoreStore::storeError(const Error &error, const StorePath &path)
{
    if (error.httpStatus() == 422 && error.detail().contains(QLatin1String("\"name\""))) {
        if (error.detail().contains(QLatin1String("taken"), Qt::CaseInsensitive))
            return Error(Error::Kind::Conflict, exists(path).message(), error.detail()).setHttpStatus(422);
        // The server's own reason is in the client's message already.
        return Error(Error::Kind::InvalidName,
                     tr("Procore does not accept the name \u201C%1\u201D. %2")
                         .arg(path.name(), error.message()),
                     error.detail())
            .setHttpStatus(422);
    }
    if (error.kind() == Error::Kind::NotFound)
        return Error(Error::Kind::NotFound, notFound(path).message(), error.detail())
            .setHttpStatus(error.httpStatus());
    return error;
}

ProcoreNode ProcoreStore::fileNode(const File &file, const StorePath &path)
{
    ProcoreNode node;
    node.id = file.id;
    node.entry.name = file.name;
    node.entry.path = path;
    node.entry.kind = Entry::Kind::File;
    node.entry.size = file.size;
    node.entry.modified = file.updatedAt.isValid() ? file.updatedAt : file.createdAt;
    node.entry.backendId = QString::number(file.id);
    if (!file.versions.isEmpty()) {
        // Newest first (sandbox README); with show_latest_file_version_only it is the only one.
        const FileVersion &current = file.versions.constFirst();
        node.downloadUrl = current.url;
        node.entry.versionCount = qMax(int(file.versions.size()), current.number);
        if (node.entry.size < 0)
            node.entry.size = current.size;
    }
    return node;
}

ProcoreNode ProcoreStore::folderNode(const Folder &folder, const StorePath &path)
{
    ProcoreNode node;
    node.id = folder.id;
    node.entry.name = folder.name;
    node.entry.path = path;
    node.entry.kind = Entry::Kind::Folder;
    node.entry.modified = folder.updatedAt;
    node.entry.backendId = QString::number(folder.id);
    return node;
}

void ProcoreStore::fetchChildren(const StorePath &folder, qint64 folderId,
                                 std::function<void(Result<QList<Entry>>)> done)
{
    QPointer<ProcoreStore> self(this);
    ProcoreClient::FolderQuery query;
    query.latestVersionOnly = true; // the current version's URL is all a download needs
    const quint64 asked = m_cache->listingStamp();
    auto handle = [self, folder, done, asked](Result<Folder> reply) {
        if (!self)
            return;
        if (!reply.ok())
            return done(storeError(reply.error(), folder));
        if (reply.value().isDeleted) {
            // GET /folders/{id} still shows a folder in the recycle bin: for the store it is gone.
            self->m_cache->forget(folder);
            return done(notFound(folder));
        }
        if (folder.isRoot())
            self->m_cache->setRootId(reply.value().id);
        auto listed = std::make_shared<const Folder>(reply.takeValue());
        if (listed->folders.size() + listed->files.size() < BuildOffThreadChildren)
            return done(buildListing(*listed, folder, *self->m_cache, asked));
        // A big folder (10,000 items: ~30 ms of names checked, nodes made and hashed into the
        // cache, and as long again to free the reply) is built on the pool, so the caller's
        // event loop (the window's) goes on meanwhile. The cache is thread-safe; the stamp keeps
        // what another store put meanwhile. The watcher is the store's child: a store destroyed
        // meanwhile takes it along, and `done` is not called, as for a reply after the store.
        using Built = std::shared_ptr<QList<Entry>>;
        auto *watcher = new QFutureWatcher<Built>(self.data());
        watcher->setObjectName(QStringLiteral("procoreListingBuild"));
        QObject::connect(watcher, &QFutureWatcherBase::finished, self.data(), [watcher, done] {
            watcher->deleteLater();
            const Built built = watcher->future().resultCount() > 0 ? watcher->future().result() : nullptr;
            if (!built)
                return done(Error(Error::Kind::Internal, tr("The folder listing could not be read.")));
            done(std::move(*built));
        });
        const std::shared_ptr<ProcorePathCache> cache = self->m_cache;
        auto promise = std::make_shared<QPromise<Built>>();
        watcher->setFuture(promise->future());
        promise->start();
        std::function<void()> task = [promise, listed, folder, cache, asked] {
            promise->addResult(std::make_shared<QList<Entry>>(buildListing(*listed, folder, *cache, asked)));
            promise->finish();
        };
        if (self->m_buildRunner)
            self->m_buildRunner(std::move(task));
        else
            QThreadPool::globalInstance()->start(std::move(task));
    };
    if (folder.isRoot() || folderId <= 0)
        m_client->rootFolder(m_projectId, query, handle);
    else
        m_client->folder(m_projectId, folderId, query, handle);
}

QList<Entry> ProcoreStore::buildListing(const Folder &listed, const StorePath &folder,
                                        ProcorePathCache &cache, quint64 asked)
{
    QList<Entry> entries;
    QList<ProcoreNode> nodes;
    entries.reserve(listed.folders.size() + listed.files.size());
    nodes.reserve(entries.capacity());
    for (const Folder &child : listed.folders) {
        if (child.isDeleted)
            continue;
        const Result<StorePath> path = folder.child(child.name);
        if (!path.ok()) {
            entries.append(unusable(child.name, folder, true, path.error().message()));
            continue;
        }
        nodes.append(folderNode(child, path.value()));
        entries.append(nodes.constLast().entry);
    }
    for (const File &child : listed.files) {
        if (child.isDeleted)
            continue;
        const Result<StorePath> path = folder.child(child.name);
        if (!path.ok()) {
            entries.append(unusable(child.name, folder, false, path.error().message()));
            continue;
        }
        nodes.append(fileNode(child, path.value()));
        entries.append(nodes.constLast().entry);
    }
    if (cache.setChildren(folder, nodes, asked))
        return entries;
    // A listing asked for later reached the cache first (two refreshes, built on the pool in
    // either order): the newest request wins, also for this one's caller. (Items with unusable
    // names are not cached, so they are missing from this answer.)
    if (const std::optional<QList<ProcoreNode>> newer = cache.knownChildren(folder)) {
        QList<Entry> current;
        current.reserve(newer->size());
        for (const ProcoreNode &node : *newer)
            current.append(node.entry);
        return current;
    }
    return entries; // forgotten since: this answer is all there is
}

void ProcoreStore::ensureChildren(const StorePath &folder, qint64 folderId, std::function<void(Error)> ready)
{
    if (m_cache->childrenKnown(folder))
        return ready(Error());
    QPointer<ProcoreStore> self(this);
    ProcorePathCache::Ticket ticket =
        m_cache->board(QStringLiteral("list:") + folder.toString(), this, [self, folder, folderId, ready] {
            if (self)
                self->ensureChildren(folder, folderId, ready); // known now, or that flight failed
        });
    if (!ticket)
        return; // another store is listing it: resumed when that lands
    fetchChildren(folder, folderId, [ticket, ready](Result<QList<Entry>> listed) {
        ready(listed.ok() ? Error() : listed.error());
    });
}

void ProcoreStore::resolve(const StorePath &path, std::function<void(Result<ProcoreNode>)> done)
{
    if (std::optional<ProcoreNode> known = m_cache->node(path))
        return done(*known);
    const StorePath parent = path.parent();
    if (m_cache->childrenKnown(parent))
        return done(notFound(path));
    QPointer<ProcoreStore> self(this);
    resolve(parent, [self, path, parent, done](Result<ProcoreNode> folder) {
        if (!self)
            return;
        if (!folder.ok())
            return done(folder.error().kind() == Error::Kind::NotFound ? notFound(path) : folder.error());
        if (!folder.value().isFolder())
            return done(notFound(path));
        self->ensureChildren(parent, folder.value().id, [self, path, done](Error error) {
            if (!self)
                return;
            if (error)
                return done(error);
            if (std::optional<ProcoreNode> found = self->m_cache->node(path))
                return done(*found);
            done(notFound(path));
        });
    });
}

void ProcoreStore::ensureSnapshot(std::function<void(Error)> ready)
{
    if (m_snapshotChecked)
        return ready(Error());
    QPointer<ProcoreStore> self(this);
    // A planner lists several folders at once: one refresh between them (and between stores of
    // the same cache); the others look again when it lands.
    ProcorePathCache::Ticket ticket = m_cache->board(QStringLiteral("snapshot"), this, [self, ready] {
        if (self)
            self->ensureSnapshot(ready);
    });
    if (!ticket)
        return;
    // Asked before the calls, with slack for the clocks of this machine and the server: an item
    // reported twice is harmless, one never reported is not.
    const QDateTime asked = QDateTime::currentDateTimeUtc().addSecs(-5);
    const QDateTime since = m_cache->snapshotTime();
    const auto finish = [self, asked, ready, ticket](const Error &error) {
        if (self && !error) {
            self->m_snapshotChecked = true;
            self->m_cache->setSnapshotTime(asked);
        }
        ready(error);
    };
    const auto runJob = [self](ListJob *job, std::function<void(Error)> then) {
        QObject::connect(job, &StoreJob::finished, self.data(),
                         [then](StoreJob *done) { then(done->error()); });
        job->start();
    };
    if (!since.isValid())
        return runJob(indexProject(), finish);
    runJob(changedSince(since), [self, since, runJob, finish](Error error) {
        if (error || !self)
            return finish(error ? error : Error(Error::Kind::Internal, tr("The Procore store is gone.")));
        runJob(self->deletedSince(since), finish);
    });
}

ListJob *ProcoreStore::list(const StorePath &folder)
{
    QPointer<ProcoreStore> self(this);
    if (m_listingSource == ListingSource::ProjectSnapshot) {
        return new ProcoreListJob(folder, [self, folder](ProcoreListJob *job) {
            if (!self)
                return job->fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
            self->ensureSnapshot(procoreGuard<ProcoreListJob, Error>(job, [self, job, folder](Error error) {
                if (error || !self)
                    return job->fail(error ? error
                                           : Error(Error::Kind::Internal, tr("The Procore store is gone.")));
                const std::optional<ProcoreNode> node = self->m_cache->node(folder);
                if (node && !node->isFolder())
                    return job->fail(notFound(folder));
                if (node && self->m_cache->childrenKnown(folder)) {
                    QList<Entry> entries;
                    for (const ProcoreNode &child : self->m_cache->children(folder))
                        entries.append(child.entry);
                    return job->succeed(std::move(entries));
                }
                // Not in the snapshot (a folder made elsewhere since, without its children):
                // one call, as in PerFolder.
                self->resolve(folder,
                              procoreGuard<ProcoreListJob, Result<ProcoreNode>>(
                                  job, [self, job, folder](Result<ProcoreNode> found) {
                                      if (!found.ok() || !self)
                                          return job->fail(found.ok() ? notFound(folder) : found.error());
                                      if (!found.value().isFolder())
                                          return job->fail(notFound(folder));
                                      self->fetchChildren(folder, found.value().id,
                                                          procoreGuard<ProcoreListJob, Result<QList<Entry>>>(
                                                              job, [job](Result<QList<Entry>> entries) {
                                                                  if (!entries.ok())
                                                                      return job->fail(entries.error());
                                                                  job->succeed(entries.takeValue());
                                                              }));
                                  }));
            }));
        });
    }
    return new ProcoreListJob(folder, [self, folder](ProcoreListJob *job) {
        if (!self)
            return job->fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
        self->resolve(folder,
                      procoreGuard<ProcoreListJob, Result<ProcoreNode>>(
                          job, [self, job, folder](Result<ProcoreNode> node) {
                              if (!node.ok())
                                  return job->fail(node.error());
                              if (!node.value().isFolder() || !self)
                                  return job->fail(notFound(folder));
                              self->fetchChildren(folder, node.value().id,
                                                  procoreGuard<ProcoreListJob, Result<QList<Entry>>>(
                                                      job, [job](Result<QList<Entry>> entries) {
                                                          if (!entries.ok())
                                                              return job->fail(entries.error());
                                                          job->succeed(entries.takeValue());
                                                      }));
                          }));
    });
}

StatJob *ProcoreStore::stat(const StorePath &path)
{
    QPointer<ProcoreStore> self(this);
    return new ProcoreStatJob(path, [self, path](ProcoreStatJob *job) {
        if (!self)
            return job->fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
        self->resolve(path,
                      procoreGuard<ProcoreStatJob, Result<ProcoreNode>>(job, [job](Result<ProcoreNode> node) {
                          if (!node.ok())
                              return job->fail(node.error());
                          job->succeed(node.value().entry);
                      }));
    });
}

StoreJob *ProcoreStore::makeFolder(const StorePath &path)
{
    QPointer<ProcoreStore> self(this);
    const Error invalid = path.isRoot() ? Error(Error::Kind::Conflict, tr("The top folder already exists."))
                                        : checkNewName(path);
    return new ProcoreTaskJob([self, path, invalid](ProcoreTaskJob *job) {
        if (invalid)
            return job->finish(invalid);
        if (!self)
            return job->finish(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
        const StorePath parent = path.parent();
        self->resolve(
            parent,
            procoreGuard<ProcoreTaskJob, Result<ProcoreNode>>(
                job, [self, job, path, parent](Result<ProcoreNode> folder) {
                    if (!folder.ok())
                        return job->finish(folder.error().kind() == Error::Kind::NotFound ? notFound(path)
                                                                                          : folder.error());
                    if (!folder.value().isFolder() || !self)
                        return job->finish(notFound(path));
                    const qint64 parentId = folder.value().id;
                    // Two stores sharing the cache never create the same folder twice: the
                    // second waits for the first's call and then sees it exists.
                    std::shared_ptr<std::function<void()>> create = std::make_shared<std::function<void()>>();
                    std::weak_ptr<std::function<void()>> again = create;
                    *create = [self, job, path, parentId, again] {
                        if (!self)
                            return job->finish(
                                Error(Error::Kind::Internal, tr("The Procore store is gone.")));
                        if (self->m_cache->clash(path))
                            return job->finish(exists(path));
                        QPointer<ProcoreTaskJob> alive(job);
                        ProcorePathCache::Ticket ticket =
                            self->m_cache->board(QStringLiteral("mkdir:") + path.toString(), self.data(),
                                                 [self, alive, retry = again.lock()] {
                                                     if (self && alive && !alive->isFinished() && retry)
                                                         (*retry)();
                                                 });
                        if (!ticket)
                            return;
                        // The client answers an existing folder as success after "name taken"; the
                        // parent's children are known here, so that only happens in a race with
                        // another writer.
                        self->m_client->createFolder(
                            self->m_projectId, parentId, path.name(),
                            procoreGuard<ProcoreTaskJob, Result<Folder>>(
                                job, [self, job, path, ticket](Result<Folder> created) {
                                    if (!created.ok())
                                        return job->finish(storeError(created.error(), path));
                                    if (self) {
                                        self->m_cache->put(folderNode(created.value(), path));
                                        self->m_cache->setEmpty(path);
                                    }
                                    job->finish();
                                }));
                    };
                    self->ensureChildren(
                        parent, parentId,
                        procoreGuard<ProcoreTaskJob, Error>(job, [job, create](Error listed) {
                            if (listed)
                                return job->finish(listed);
                            (*create)();
                        }));
                }));
    });
}

StoreJob *ProcoreStore::move(const StorePath &from, const StorePath &to)
{
    const Error invalid = checkMove(from, to);
    return new ProcoreMoveJob(this, from, to, invalid);
}

StoreJob *ProcoreStore::remove(const StorePath &path, RemoveMode mode)
{
    QPointer<ProcoreStore> self(this);
    return new ProcoreTaskJob([self, path, mode](ProcoreTaskJob *job) {
        if (path.isRoot())
            return job->finish(Error(Error::Kind::InvalidName, tr("The top folder cannot be deleted.")));
        if (!self)
            return job->finish(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
        self->resolve(
            path,
            procoreGuard<ProcoreTaskJob, Result<ProcoreNode>>(
                job, [self, job, path, mode](Result<ProcoreNode> node) {
                    if (!node.ok() || !self)
                        return job->finish(node.ok() ? notFound(path) : node.error());
                    const qint64 id = node.value().id;
                    auto done = procoreGuard<ProcoreTaskJob, Result<Done>>(
                        job, [self, job, path](Result<Done> removed) {
                            if (!removed.ok())
                                return job->finish(storeError(removed.error(), path));
                            if (self)
                                self->m_cache->forget(path); // to the recycle bin, with everything below it
                            job->finish();
                        });
                    if (!node.value().isFolder())
                        return self->m_client->deleteFile(self->m_projectId, id, done);
                    if (mode == RemoveMode::Recursive)
                        return self->m_client->deleteFolder(self->m_projectId, id, done);
                    auto removeIfEmpty = [self, job, path, id, done](bool empty) {
                        if (!empty)
                            return job->finish(
                                Error(Error::Kind::Conflict,
                                      tr("The folder \u201C%1\u201D is not empty.").arg(path.toString())));
                        self->m_client->deleteFolder(self->m_projectId, id, done);
                    };
                    if (self->m_cache->childrenKnown(path))
                        return removeIfEmpty(self->m_cache->children(path).isEmpty());
                    self->fetchChildren(path, id,
                                        procoreGuard<ProcoreTaskJob, Result<QList<Entry>>>(
                                            job, [self, job, removeIfEmpty](Result<QList<Entry>> listed) {
                                                if (!listed.ok() || !self)
                                                    return job->finish(
                                                        listed.ok() ? Error(Error::Kind::Internal,
                                                                            tr("The Procore store is gone."))
                                                                    : listed.error());
                                                // Also items with unusable names count: they are there.
                                                removeIfEmpty(listed.value().isEmpty());
                                            }));
                }));
    });
}

StoreJob *ProcoreStore::readInto(const StorePath &path, QIODevice *sink)
{
    return new ProcoreReadJob(this, path, sink);
}

StoreJob *ProcoreStore::writeFrom(const StorePath &path, QIODevice *source, qint64 size,
                                  const QDateTime &mtime, WriteMode mode)
{
    Q_UNUSED(mtime) // Procore keeps its own timestamps (limits().keepsTimestamps is false)
    return new ProcoreWriteJob(this, path, source, size, mode);
}

void ProcoreStore::learnListedFolders(const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        bool numeric = false;
        ProcoreNode node;
        node.id = entry.backendId.toLongLong(&numeric);
        if (!entry.isFolder() || !numeric || node.id == 0)
            continue;
        node.entry = entry;
        m_cache->put(node);
    }
}

void ProcoreStore::forgetListingAbove(const StorePath &path)
{
    m_cache->forgetListing(path);
}

VersionListJob *ProcoreStore::listVersions(const StorePath &path)
{
    return new ProcoreVersionListJob(this, path);
}

StoreJob *ProcoreStore::readVersionInto(const StorePath &path, const StoreVersion &version, QIODevice *sink)
{
    if (version.id.isEmpty())
        return readInto(path, sink); // the file itself (one version)
    return new ProcoreVersionReadJob(this, path, version, sink);
}

} // namespace trestle
