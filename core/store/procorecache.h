#pragma once

#include "core/store/entry.h"
#include "core/store/storepath.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace trestle {

// What ProcoreStore knows about one item of the project: its id (the only thing the API takes)
// and the Entry it reports. Files also keep the current version's download URL, so a download
// after a listing costs no API call.
struct ProcoreNode final
{
    qint64 id = 0; // 0 = not known (only the root before its first listing)
    Entry entry;
    QString downloadUrl; // files: file_versions[0].url

    bool isFolder() const { return entry.isFolder(); }
};

// The path→id cache of one ProcoreStore, or of all the ProcoreStores of one connection and project
// (DESIGN.md "API economy": a path→id lookup never costs a call of its own). Filled by every folder
// listing, by the documents index and by every create, rename, move and delete the stores make. A
// folder whose children are "known" answers "not there" without a call; a listing replaces what
// was known about that folder, except items put after the listing was asked for (another store
// sharing the cache may have created one while the listing was on its way).
//
// Thread-safe: the engine's workers each own a ProcoreStore on their own thread and share one
// cache (std::shared_ptr), so a folder one worker created or listed is known to all. Each call is
// atomic on its own; a sequence of calls is not. The single-flight board (board()) lets the
// stores agree on who makes a call that several would make at once (list a folder, create one).
class ProcorePathCache final : public std::enable_shared_from_this<ProcorePathCache>
{
public:
    ProcorePathCache();
    ~ProcorePathCache();
    ProcorePathCache(const ProcorePathCache &) = delete;
    ProcorePathCache &operator=(const ProcorePathCache &) = delete;

    void clear();

    qint64 rootId() const;
    void setRootId(qint64 id);

    std::optional<ProcoreNode> node(const StorePath &path) const;
    // Procore compares names case-insensitively: the sibling that would clash with `path`'s name
    // (exact match first), if the parent's children are known.
    std::optional<ProcoreNode> clash(const StorePath &path) const;
    // The key clash() indexes a known folder's children by: two names clash exactly when their keys
    // are equal (the same test as QString::compare(…, Qt::CaseInsensitive) == 0).
    static QString clashKey(const QString &name);
    bool childrenKnown(const StorePath &folder) const;
    // Known children in listing order (empty if not known).
    QList<ProcoreNode> children(const StorePath &folder) const;

    // The cache's current stamp: what was put so far is at or before it.
    quint64 stamp() const;
    // A stamp to take when asking for a listing, newer than every stamp before it, to give to
    // setChildren() with the answer: of two listings of one folder, the one asked for last wins.
    quint64 listingStamp();
    // Replaces the children of `folder` (marks them known) with a listing asked for at `since` (a
    // stamp; the default: asked for now). Children that vanished are forgotten with everything
    // below them, unless they were put after `since`. Returns false, and changes nothing, when
    // the folder's children were set from a listing asked for later, or the folder was made or
    // forgotten later: two refreshes of a big folder are built on the thread pool and may finish
    // in either order, and the older answer must not replace the newer one.
    bool setChildren(const StorePath &folder, const QList<ProcoreNode> &children,
                     quint64 since = ~quint64(0));
    // The known children of `folder` in listing order, or nothing when they are not known (one
    // lock for both questions).
    std::optional<QList<ProcoreNode>> knownChildren(const StorePath &folder) const;
    // Marks a folder as known to be empty (a folder this store just created).
    void setEmpty(const StorePath &folder);
    // Adds or updates one item (and appends it to its parent's known children).
    void put(const ProcoreNode &node);
    // A rename or move made by this store: `moved` (with its new path) replaces `from`, and what
    // was known below a moved folder stays known under the new path.
    void move(const StorePath &from, const ProcoreNode &moved);
    // Forgets an item and everything below it.
    void forget(const StorePath &path);
    // Forgets the listing of `path`'s parent (or, when the parent is not cached either, of the
    // nearest cached ancestor): every item below that folder and that its children are known, so
    // the next lookup of the path lists again instead of trusting a stale listing (the engine
    // before it retries an item that met NotFound). That folder's own id stays.
    void forgetListing(const StorePath &path);
    int size() const;
    // id → path of every cached item and the root (for the index, which names parents by id).
    QHash<qint64, StorePath> pathsById() const;

    // Single flight. A ticket stands for one call in flight under `key` (e.g. "list:<folder>"):
    // board() gives the first caller a ticket; a caller while that ticket lives gets none, and its
    // `resume` runs on `context`'s thread (queued) once the ticket is gone, to look at the cache
    // again (and to board itself if the flight failed). The ticket lands when the last copy of it
    // is destroyed: keep it in the call's callback, so a call that never answers (a killed job, a
    // destroyed client) lands it too.
    using Ticket = std::shared_ptr<void>;
    Ticket board(const QString &key, QObject *context, std::function<void()> resume);
    // Drops the waiters of a context that is being destroyed (ProcoreStore's destructor).
    void dropWaiters(const QObject *context);
    // When the cache last held the whole project (the documents index, then brought up to date
    // by changedSince/deletedSince): ProcoreStore's snapshot listing asks only for what changed
    // since then. Invalid: never.
    QDateTime snapshotTime() const;
    void setSnapshotTime(const QDateTime &time);

    // Calls in flight and waiters (for tests).
    int flightsInProgress() const;

private:
    struct Waiter
    {
        QObject *context = nullptr;
        std::function<void()> resume;
    };

    // The known children of one folder: in listing order, and by clashKey() of their names, so
    // clash() and put() do not scan a folder of 10,000 for each upload into it. Kept in one value
    // so that whatever adds, removes or replaces a folder's children keeps both in step.
    class KnownChildren final
    {
    public:
        KnownChildren() = default;
        explicit KnownChildren(const QList<StorePath> &order);
        const QList<StorePath> &order() const { return m_order; }
        // The first child (in listing order) whose name has `key`, or nullptr.
        const StorePath *firstWithKey(const QString &key) const;
        bool contains(const StorePath &path) const;
        void append(const StorePath &path);
        void remove(const StorePath &path);

    private:
        QList<StorePath> m_order;
        QHash<QString, QList<StorePath>> m_byKey; // each list in listing order
    };

    void land(const QString &key);
    void putLocked(const ProcoreNode &node);
    void forgetLocked(const StorePath &path);
    void forgetBelow(const StorePath &path);
    void forgetBelowAll(const QList<StorePath> &folders);

    // Recursive: callers may hold it through a sequence, and the public methods call each other.
    mutable QRecursiveMutex m_mutex;
    quint64 m_generation = 0;
    QDateTime m_snapshotTime;
    QHash<StorePath, quint64> m_putAt; // generation of the last put() per path
    // Per folder, the stamp of the listing its children came from (or of its making or
    // forgetting): an answer to a listing asked for before that is stale. Kept through clear()
    // and forget() (a listing asked before those is stale too); one number per folder ever seen.
    QHash<StorePath, quint64> m_listedAt;
    QHash<QString, QList<Waiter>> m_flights;

    qint64 m_rootId = 0;
    QHash<StorePath, ProcoreNode> m_nodes; // the root is not stored here
    QHash<StorePath, KnownChildren> m_children; // only for folders whose children are known
};

} // namespace trestle
