#pragma once

#include "core/api/apitypes.h"
#include "core/store/procorecache.h"
#include "core/store/store.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace trestle {

class ProcoreClient;

// One Procore project's Documents as a Store (procore-api.md §5–§8, §12; DESIGN.md "API
// economy"). Every API call goes through the given ProcoreClient (not owned; same thread; it must
// outlive the store). Costs, in API calls (storage transfers are not API calls):
//  - list(folder): 1 (GET /folders[/{id}], not paginated); the ids of every child are cached, so a
//    later stat/read/write/move of a child costs no lookup call. Listing a folder whose own id is
//    not known yet lists its ancestors first (1 each, only once).
//  - indexProject(): the whole project through the flat documents index at per_page 2,000:
//    ceil(N / 2000) calls for N items, and it fills the cache for every folder.
//  - changedSince(T): one call (plus pages) with filters[updated_at]=T...; deletions are not in
//    that index (deleted items leave it): deletedSince(T) asks the recycle bin, one call more.
//  - stat(path): 0 when the parent was listed (or indexed); else the listing of the parent.
//  - writeFrom, a new file: form upload (size <= formUploadLimit(), default 100 MiB) = create
//    upload + create file = 2; segmented upload (larger) = create upload + complete upload +
//    create file = 3 (the complete PATCH is an API call of its own; 2 is not reachable for it).
//    A new version of a known file: the same with PATCH /files/{id} instead of the create = 2/3,
//    never a duplicate. Budget saver (deprecated `file[data]`): 1 for a new file.
//  - readInto: 0 with a cached download URL (the download hop is not counted by default), +1
//    (GET /files/{id}) when the signed storage URL has expired (403), at most once.
//  - makeFolder/move/remove: 1 each (+1 to list a parent whose children are not known, where the
//    answer decides: an existing folder, a non-empty folder).
// Bytes are streamed from and to disk; a sequential source is first spooled to a temporary file
// (a segmented upload needs each segment's sha256 before the first byte is sent, and a form
// upload must not start with fewer bytes than announced).
//
// Threading: one ProcoreStore per thread, with that thread's ProcoreClient. The stores of one
// connection and project (the engine's workers) should share one path cache: pass the first
// store's sharedCache() to the others' constructor. Then a folder one of them listed or created is
// known to all, and stores that would list the same folder or create the same folder at the same
// time make one call between them (ProcorePathCache::board).
class ProcoreStore final : public Store
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreStore)

public:
    ProcoreStore(ProcoreClient *client, qint64 projectId, QString projectName, QObject *parent = nullptr);
    // With a path cache shared with other ProcoreStores of the same project (any thread); null =
    // a cache of its own.
    ProcoreStore(ProcoreClient *client, qint64 projectId, QString projectName,
                 std::shared_ptr<ProcorePathCache> cache, QObject *parent = nullptr);
    ~ProcoreStore() override;

    static constexpr qint64 DefaultFormUploadLimit = Q_INT64_C(100) * 1024 * 1024;
    static constexpr qint64 MinSegmentSize = Q_INT64_C(5) * 1024 * 1024; // procore-api.md §6 B
    static constexpr qint64 DefaultSegmentSize = Q_INT64_C(64) * 1024 * 1024;

    qint64 projectId() const { return m_projectId; }
    ProcoreClient *client() const { return m_client; }

    // Uses the deprecated single-call `file[data]` upload for new files (1 call instead of 2).
    void setBudgetSaver(bool enabled) { m_budgetSaver = enabled; }
    bool budgetSaver() const { return m_budgetSaver; }
    // Files up to this size take the form upload (2 calls), larger ones the segmented upload.
    void setFormUploadLimit(qint64 bytes) { m_formUploadLimit = qMax<qint64>(0, bytes); }
    qint64 formUploadLimit() const { return m_formUploadLimit; }
    // Segment size of segmented uploads; at least MinSegmentSize.
    void setSegmentSize(qint64 bytes) { m_segmentSize = qMax(MinSegmentSize, bytes); }
    qint64 segmentSize() const { return m_segmentSize; }

    // Where list() gets a folder's children from. PerFolder: one call per folder, always fresh.
    // ProjectSnapshot (for planners that walk the whole tree): the first list() of this store
    // brings the cache's snapshot of the whole project up to date — the documents index
    // (ceil(N / 2000) calls) the first time for the cache, else changedSince + deletedSince of
    // the snapshot's time (2 calls) — and every list() of this store is then answered from the
    // snapshot without a call (a folder the snapshot does not hold is listed with a call). With a
    // path cache shared over the connection's lifetime, a re-sync with nothing changed costs 2
    // calls. Limit: the same as changedSince/deletedSince (an item changed elsewhere without a
    // new updated_at is not seen until the next full index).
    enum class ListingSource { PerFolder, ProjectSnapshot };
    void setListingSource(ListingSource source) { m_listingSource = source; }
    ListingSource listingSource() const { return m_listingSource; }

    // Every folder and file of the project (paths from the root) through the flat documents
    // index, in as few calls as its page size allows; fills the path→id cache for all of them.
    ListJob *indexProject();
    // Items created or changed at or after `since` (one call plus pages); updates the cache.
    // Items whose folder is not known to the cache are reported with the path their parents give
    // when those are in the same answer, else left out.
    ListJob *changedSince(const QDateTime &since);
    // Items moved to the recycle bin at or after `since` (one call plus pages: the documents index
    // with filters[is_in_recycle_bin]=true and filters[updated_at]=since...), which changedSince()
    // cannot report because deleted items leave the normal index. Paths come from the cache (or
    // from deleted parents in the same answer); the cache forgets them. So "what changed and what
    // was deleted since T" costs 2 calls. Relies on a deletion setting updated_at, which the
    // sandbox does and Procore's docs do not confirm (procore-api.md §5); an item whose path is
    // not known is left out (a full re-index finds it gone).
    ListJob *deletedSince(const QDateTime &since);

    QString displayName() const override;
    StoreLimits limits() const override;
    Capabilities capabilities() const override { return NoCapabilities; }

    ListJob *list(const StorePath &folder) override;
    StatJob *stat(const StorePath &path) override;
    StoreJob *makeFolder(const StorePath &path) override;
    StoreJob *move(const StorePath &from, const StorePath &to) override;
    StoreJob *remove(const StorePath &path, RemoveMode mode = RemoveMode::OnlyIfEmpty) override;
    StoreJob *readInto(const StorePath &path, QIODevice *sink) override;
    StoreJob *writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                        WriteMode mode = WriteMode::Replace) override;
    // Versions (procoreversionlistjob.h, procoreversionreadjob.h): 1 call (GET /files/{id}) for a
    // file whose entry has versionCount > 1, none for a file with one version; reading a listed
    // version costs no call.
    VersionListJob *listVersions(const StorePath &path) override;
    StoreJob *readVersionInto(const StorePath &path, const StoreVersion &version, QIODevice *sink) override;
    // Folders with a numeric backend id go into the (shared) path cache.
    void learnListedFolders(const QList<Entry> &entries) override;
    void forgetListingAbove(const StorePath &path) override;

    // For the store's own jobs ------------------------------------------------------------
    ProcorePathCache &cache() { return *m_cache; }
    std::shared_ptr<ProcorePathCache> sharedCache() const { return m_cache; }
    // The item at path: from the cache, or by listing the parent (recursively) when the parent's
    // children are not known. NotFound when it does not exist.
    void resolve(const StorePath &path, std::function<void(Result<ProcoreNode>)> done);
    // Lists one folder (1 call), replaces its children in the cache, returns every entry (also
    // unusable names as Entry::Kind::Other).
    void fetchChildren(const StorePath &folder, qint64 folderId,
                       std::function<void(Result<QList<Entry>>)> done);
    // Store errors from client errors: 422 on a name → InvalidName with the server's reason, or
    // Conflict for "has already been taken"; the rest as the client reported it.
    static Error storeError(const Error &error, const StorePath &path);
    static ProcoreNode fileNode(const File &file, const StorePath &path);
    static ProcoreNode folderNode(const Folder &folder, const StorePath &path);
    // A listing of at least this many children is turned into entries (and put in the cache) on
    // the thread pool instead of the store's thread; fewer are not worth the hop.
    static constexpr qsizetype BuildOffThreadChildren = 1000;
    // Runs a big listing's build (a task that may run on any thread) somewhere off the store's
    // thread. Default (none set): Qt's global thread pool. Injected rather than fixed so that a
    // caller can decide when each build runs: two refreshes of one folder make two builds that
    // finish in either order, and a test holds the first until the second is done to show that
    // the newer listing wins.
    using BuildRunner = std::function<void(std::function<void()> task)>;
    void setBuildRunner(BuildRunner runner) { m_buildRunner = std::move(runner); }

private:
    // A folder's reply as entries in the reply's order (folders, then files; also unusable names
    // as Entry::Kind::Other), its usable children put in `cache`. Pure but for the thread-safe
    // cache: runs on any thread.
    static QList<Entry> buildListing(const Folder &listed, const StorePath &folder, ProcorePathCache &cache,
                                     quint64 asked);

    ProcoreClient *const m_client;
    const qint64 m_projectId;
    const QString m_projectName;
    // Lists `folder` unless its children are known, sharing the call with other stores of the
    // same cache; `ready` runs once they are known (or with the listing's error).
    void ensureChildren(const StorePath &folder, qint64 folderId, std::function<void(Error)> ready);

    // ProjectSnapshot: brings the snapshot up to date once per store; `ready` gets the error.
    void ensureSnapshot(std::function<void(Error)> ready);

    const std::shared_ptr<ProcorePathCache> m_cache;
    ListingSource m_listingSource = ListingSource::PerFolder;
    bool m_snapshotChecked = false;
    bool m_budgetSaver = false;
    qint64 m_formUploadLimit = DefaultFormUploadLimit;
    qint64 m_segmentSize = DefaultSegmentSize;
    BuildRunner m_buildRunner;
};

} // namespace trestle
