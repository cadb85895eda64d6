#include "core/store/procorecache.h"

namespace trestle {

ProcorePathCache::ProcorePathCache() = default;

void ProcorePathCache::clear()
{
    m_nodes.clear();
    m_children.clear();
}

void ProcorePathCache::setRootId(qint64 id)
{
    m_rootId = id;
}

std::optional<ProcoreNode> ProcorePathCache::node(const StorePath &path) const
{
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
    if (std::optional<ProcoreNode> exact = node(path))
        return exact;
    const auto it = m_children.constFind(path.parent());
    if (it == m_children.constEnd())
        return std::nullopt;
    const QString name = path.name();
    for (const StorePath &child : *it) {
        if (child.name().compare(name, Qt::CaseInsensitive) == 0)
            return m_nodes.value(child);
    }
    return std::nullopt;
}

QList<ProcoreNode> ProcorePathCache::children(const StorePath &folder) const
{
    QList<ProcoreNode> out;
    const auto it = m_children.constFind(folder);
    if (it == m_children.constEnd())
        return out;
    out.reserve(it->size());
    for (const StorePath &child : *it)
        out.append(m_nodes.value(child));
    return out;
}

void ProcorePathCache::setChildren(const StorePath &folder, const QList<ProcoreNode> &children)
{
    QList<StorePath> paths;
    paths.reserve(children.size());
    for (const ProcoreNode &child : children)
        paths.append(child.entry.path);
    // Whatever was there before and is gone now (deleted or renamed elsewhere) is forgotten, and
    // so is everything below a child that changed from folder to file or got another id.
    const QList<StorePath> previous = m_children.value(folder);
    for (const StorePath &old : previous) {
        const auto found = std::find_if(children.cbegin(), children.cend(),
                                        [&old](const ProcoreNode &n) { return n.entry.path == old; });
        if (found == children.cend() || found->id != m_nodes.value(old).id)
            forget(old);
    }
    for (const ProcoreNode &child : children)
        m_nodes.insert(child.entry.path, child);
    m_children.insert(folder, paths);
}

void ProcorePathCache::setEmpty(const StorePath &folder)
{
    forgetBelow(folder);
    m_children.insert(folder, {});
}

void ProcorePathCache::put(const ProcoreNode &node)
{
    const StorePath path = node.entry.path;
    if (path.isRoot())
        return;
    const auto existing = m_nodes.constFind(path);
    if (existing != m_nodes.constEnd() && existing->id != node.id)
        forgetBelow(path);
    m_nodes.insert(path, node);
    const auto parent = m_children.find(path.parent());
    if (parent != m_children.end() && !parent->contains(path))
        parent->append(path);
}

void ProcorePathCache::move(const StorePath &from, const ProcoreNode &moved)
{
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
                for (const StorePath &child : *it)
                    children.append(rebase(child));
                belowChildren.insert(rebase(it.key()), children);
            }
        }
    }
    forget(from);
    forget(to);
    put(moved);
    for (auto it = below.cbegin(); it != below.cend(); ++it)
        m_nodes.insert(it.key(), *it);
    for (auto it = belowChildren.cbegin(); it != belowChildren.cend(); ++it)
        m_children.insert(it.key(), *it);
}

void ProcorePathCache::forget(const StorePath &path)
{
    if (path.isRoot()) {
        clear();
        return;
    }
    forgetBelow(path);
    m_nodes.remove(path);
    m_children.remove(path);
    const auto parent = m_children.find(path.parent());
    if (parent != m_children.end())
        parent->removeAll(path);
}

QHash<qint64, StorePath> ProcorePathCache::pathsById() const
{
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
        if (path.isAncestorOf(it.key()))
            it = m_nodes.erase(it);
        else
            ++it;
    }
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (path.isAncestorOf(it.key()))
            it = m_children.erase(it);
        else
            ++it;
    }
    m_children.remove(path);
}

} // namespace trestle
