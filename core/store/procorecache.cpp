#include "core/store/procorecache.h"

#include <QMetaObject>
#include <QObject>
#include <QSet>

namespace trestle {

ProcorePathCache::ProcorePathCache() = default;

ProcorePathCache::~ProcorePathCache() = default;

void ProcorePathCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_nodes.clear();
    m_children.clear();
    m_putAt.clear();
    m_snapshotTime = QDateTime();
}

qint64 ProcorePathCache::rootId() const
{
    QMutexLocker lock(&m_mutex);
    return m_rootId;
}

void ProcorePathCache::setRootId(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_rootId = id;
}

bool ProcorePathCache::childrenKnown(const StorePath &folder) const
{
    QMutexLocker lock(&m_mutex);
    return m_children.contains(folder);
}

int ProcorePathCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_nodes.size());
}

quint64 ProcorePathCache::stamp() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

quint64 ProcorePathCache::listingStamp()
{
    QMutexLocker lock(&m_mutex);
    return ++m_generation;
}

std::optional<ProcoreNode> ProcorePathCache::node(const StorePath &path) const
{
    QMutexLocker lock(&m_mutex);
    if (path.isRoot()) {
        ProcoreNode root;
        root.id = m_rootId;
        root.entry.kind = Entry::Kind::Folder;
        root.entry.backendId = m_rootId > 0 ? QString::number(m_rootId) : QString();
        return root;
    }
    const auto it = m_nodes.constFind(path);
    if (it == m_nodes.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<ProcoreNode> ProcorePathCache::clash(const StorePath &path) const
{
    QMutexLocker lock(&m_mutex);
    if (std::optional<ProcoreNode> exact = node(path))
        return exact;
    const auto it = m_children.constFind(path.parent());
    if (it == m_children.constEnd())
        return std::nullopt;
    if (const StorePath *child = it->firstWithKey(clashKey(path.name())))
        return m_nodes.value(*child);
    return std::nullopt;
}

QString ProcorePathCache::clashKey(const QString &name)
{
    // QString::compare(Qt::CaseInsensitive) compares code point by code point after simple case
    // folding, which is what toCaseFolded() applies (tst_procorecacheclash checks every code point).
    return name.toCaseFolded();
}

QList<ProcoreNode> ProcorePathCache::children(const StorePath &folder) const
{
    return knownChildren(folder).value_or(QList<ProcoreNode>());
}

std::optional<QList<ProcoreNode>> ProcorePathCache::knownChildren(const StorePath &folder) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_children.constFind(folder);
    if (it == m_children.constEnd())
        return std::nullopt;
    QList<ProcoreNode> out;
    out.reserve(it->order().size());
    for (const StorePath &child : it->order())
        out.append(m_nodes.value(child));
    return out;
}

bool ProcorePathCache::setChildren(const StorePath &folder, const QList<ProcoreNode> &children, quint64 since)
{
    QMutexLocker lock(&m_mutex);
    const bool now = since == ~quint64(0);
    if (!now && m_listedAt.value(folder, 0) > since)
        return false; // a newer listing (or a make or forget) of this folder got here first
    m_listedAt.insert(folder, now ? ++m_generation : since);
    // Linear in the number of children: a re-list of a folder of 10,000 items must not look for
    // each old child in the new list, nor remove it from its parent's list one by one.
    QHash<StorePath, qint64> listed;
    listed.reserve(children.size());
    QList<StorePath> paths;
    paths.reserve(children.size());
    for (const ProcoreNode &child : children) {
        paths.append(child.entry.path);
        listed.insert(child.entry.path, child.id);
    }
    // Whatever was there before and is gone now (deleted or renamed elsewhere) is forgotten, and
    // so is everything below a child that changed from folder to file or got another id.
    const QList<StorePath> previous = m_children.value(folder).order();
    QList<StorePath> goneFolders;
    for (const StorePath &old : previous) {
        const auto found = listed.constFind(old);
        const auto known = m_nodes.constFind(old);
        if (found == listed.constEnd() && known != m_nodes.constEnd() && m_putAt.value(old) > since) {
            paths.append(old); // put by a store sharing this cache after the listing was asked for
            continue;
        }
        if (found != listed.constEnd() && known != m_nodes.constEnd() && *found == known->id)
            continue; // the same item: kept (updated below)
        // Forgotten; its parent's list is replaced below, so no search in it. A folder's
        // descendants go in one pass over the cache for all of them.
        if (known == m_nodes.constEnd() || known->isFolder())
            goneFolders.append(old);
        m_nodes.remove(old);
        m_putAt.remove(old);
        m_children.remove(old);
    }
    forgetBelowAll(goneFolders);
    for (const ProcoreNode &child : children) {
        // A newer put of the same path (another id) wins over the older listing.
        const auto newer = m_nodes.constFind(child.entry.path);
        if (newer != m_nodes.constEnd() && newer->id != child.id && m_putAt.value(child.entry.path) > since)
            continue;
        m_nodes.insert(child.entry.path, child);
    }
    m_children.insert(folder, KnownChildren(paths));
    return true;
}

void ProcorePathCache::setEmpty(const StorePath &folder)
{
    QMutexLocker lock(&m_mutex);
    forgetBelow(folder);
    m_children.insert(folder, KnownChildren());
    m_listedAt.insert(folder, ++m_generation); // a listing asked before it was made is stale
}

void ProcorePathCache::put(const ProcoreNode &node)
{
    QMutexLocker lock(&m_mutex);
    putLocked(node);
}

void ProcorePathCache::putLocked(const ProcoreNode &node)
{
    const StorePath path = node.entry.path;
    if (path.isRoot())
        return;
    const auto existing = m_nodes.constFind(path);
    const bool existed = existing != m_nodes.constEnd();
    if (existed && existing->id != node.id)
        forgetBelow(path);
    m_nodes.insert(path, node);
    m_putAt.insert(path, ++m_generation);
    // A known folder lists every cached child: only an item that was cached already can be in the
    // list, so a new one is appended without a linear search (uploads into a folder of 10,000).
    const auto parent = m_children.find(path.parent());
    if (parent != m_children.end() && (!existed || !parent->contains(path)))
        parent->append(path);
}

void ProcorePathCache::move(const StorePath &from, const ProcoreNode &moved)
{
    QMutexLocker lock(&m_mutex);
    const StorePath to = moved.entry.path;
    const auto rebase = [&from, &to](const StorePath &path) {
        StorePath out = to;
        const QStringList segments = path.segments();
        for (qsizetype i = from.depth(); i < segments.size(); ++i)
            out = out.child(segments.at(i)).value(); // names that were valid stay valid
        return out;
    };
    QHash<StorePath, ProcoreNode> below;
    QHash<StorePath, QList<StorePath>> belowChildren;
    if (moved.isFolder() && !from.isRoot()) {
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
            if (from.isAncestorOf(it.key())) {
                ProcoreNode node = *it;
                node.entry.path = rebase(it.key());
                below.insert(node.entry.path, node);
            }
        }
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
            if (it.key() == from || from.isAncestorOf(it.key())) {
                QList<StorePath> children;
                for (const StorePath &child : it->order())
                    children.append(rebase(child));
                belowChildren.insert(rebase(it.key()), children);
            }
        }
    }
    forgetLocked(from);
    forgetLocked(to);
    putLocked(moved);
    for (auto it = below.cbegin(); it != below.cend(); ++it)
        m_nodes.insert(it.key(), *it);
    for (auto it = belowChildren.cbegin(); it != belowChildren.cend(); ++it)
        m_children.insert(it.key(), KnownChildren(*it));
}

void ProcorePathCache::forget(const StorePath &path)
{
    QMutexLocker lock(&m_mutex);
    forgetLocked(path);
}

void ProcorePathCache::forgetListing(const StorePath &path)
{
    QMutexLocker lock(&m_mutex);
    if (path.isRoot()) {
        clear();
        return;
    }
    // The nearest folder the cache holds: when even the parent is unknown, the stale listing is
    // the one of an ancestor that "knows" the parent is not there.
    StorePath folder = path.parent();
    while (!folder.isRoot() && !m_nodes.contains(folder))
        folder = folder.parent();
    // Everything below it: a listing that replaces an unknown one cannot tell which of the items
    // cached before it are gone.
    forgetBelow(folder);
}

void ProcorePathCache::forgetLocked(const StorePath &path)
{
    if (path.isRoot()) {
        clear();
        return;
    }
    const auto known = m_nodes.constFind(path);
    // A listing of a folder asked before the folder went is stale (files are never listed).
    if (m_children.contains(path) || known == m_nodes.constEnd() || known->isFolder())
        m_listedAt.insert(path, ++m_generation);
    forgetBelow(path);
    m_nodes.remove(path);
    m_putAt.remove(path);
    m_children.remove(path);
    const auto parent = m_children.find(path.parent());
    if (parent != m_children.end())
        parent->remove(path);
}

QHash<qint64, StorePath> ProcorePathCache::pathsById() const
{
    QMutexLocker lock(&m_mutex);
    QHash<qint64, StorePath> out;
    out.reserve(m_nodes.size() + 1);
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        out.insert(it->id, it.key());
    if (m_rootId > 0)
        out.insert(m_rootId, StorePath::root());
    return out;
}

void ProcorePathCache::forgetBelow(const StorePath &path)
{
    // Linear in the cache size; only renames, moves and deletes of folders get here.
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (path.isAncestorOf(it.key())) {
            m_putAt.remove(it.key());
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (path.isAncestorOf(it.key()))
            it = m_children.erase(it);
        else
            ++it;
    }
    m_children.remove(path);
}

void ProcorePathCache::forgetBelowAll(const QList<StorePath> &folders)
{
    if (folders.isEmpty())
        return;
    if (folders.size() == 1)
        return forgetBelow(folders.constFirst());
    // One pass over the cache for all of them: an item goes when one of its ancestors is listed.
    QSet<StorePath> gone(folders.cbegin(), folders.cend());
    const auto below = [&gone](const StorePath &path) {
        for (StorePath up = path.parent(); !up.isRoot(); up = up.parent()) {
            if (gone.contains(up))
                return true;
        }
        return false;
    };
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (below(it.key())) {
            m_putAt.remove(it.key());
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (gone.contains(it.key()) || below(it.key()))
            it = m_children.erase(it);
        else
            ++it;
    }
}

ProcorePathCache::KnownChildren::KnownChildren(const QList<StorePath> &order) : m_order(order)
{
    m_byKey.reserve(order.size());
    for (const StorePath &path : order)
        m_byKey[clashKey(path.name())].append(path);
}

const StorePath *ProcorePathCache::KnownChildren::firstWithKey(const QString &key) const
{
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.constEnd() || it->isEmpty() ? nullptr : &it->constFirst();
}

bool ProcorePathCache::KnownChildren::contains(const StorePath &path) const
{
    const auto it = m_byKey.constFind(clashKey(path.name()));
    return it != m_byKey.constEnd() && it->contains(path);
}

void ProcorePathCache::KnownChildren::append(const StorePath &path)
{
    m_order.append(path);
    m_byKey[clashKey(path.name())].append(path);
}

void ProcorePathCache::KnownChildren::remove(const StorePath &path)
{
    // Linear in the folder's size, like the list it keeps; only deletes, renames and moves get here.
    if (m_order.removeAll(path) == 0)
        return;
    const auto it = m_byKey.find(clashKey(path.name()));
    if (it == m_byKey.end())
        return;
    it->removeAll(path);
    if (it->isEmpty())
        m_byKey.erase(it);
}

ProcorePathCache::Ticket ProcorePathCache::board(const QString &key, QObject *context,
                                                 std::function<void()> resume)
{
    std::weak_ptr<ProcorePathCache> weak = weak_from_this();
    if (weak.expired()) // not shared (a cache on the stack): nobody to share the flight with
        return Ticket(this, [](void *) {});
    QMutexLocker lock(&m_mutex);
    const auto flight = m_flights.find(key);
    if (flight != m_flights.end()) {
        flight->append(Waiter{context, std::move(resume)});
        return nullptr;
    }
    m_flights.insert(key, {});
    return Ticket(this, [weak, key](void *) {
        if (const std::shared_ptr<ProcorePathCache> cache = weak.lock())
            cache->land(key);
    });
}

void ProcorePathCache::land(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const QList<Waiter> waiters = m_flights.take(key);
    // Under the lock: dropWaiters() cannot run between the lookup and the post, so every context
    // here is alive; a post to one destroyed later is discarded by Qt with its other events.
    for (const Waiter &waiter : waiters)
        QMetaObject::invokeMethod(waiter.context, waiter.resume, Qt::QueuedConnection);
}

void ProcorePathCache::dropWaiters(const QObject *context)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_flights.begin(); it != m_flights.end(); ++it)
        it->removeIf([context](const Waiter &waiter) { return waiter.context == context; });
}

QDateTime ProcorePathCache::snapshotTime() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshotTime;
}

void ProcorePathCache::setSnapshotTime(const QDateTime &time)
{
    QMutexLocker lock(&m_mutex);
    m_snapshotTime = time;
}

int ProcorePathCache::flightsInProgress() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_flights.size());
}

} // namespace trestle
