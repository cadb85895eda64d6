#pragma once

#include "core/store/entry.h"
#include "core/store/storepath.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

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

// The path→id cache of one ProcoreStore (DESIGN.md "API economy": a path→id lookup never costs a
// call of its own). Filled by every folder listing, by the documents index and by every create,
// rename, move and delete the store makes. A folder whose children are "known" answers "not
// there" without a call; a listing replaces what was known about that folder. Not thread-safe:
// it belongs to its store's thread.
class ProcorePathCache final
{
public:
    ProcorePathCache();

    void clear();

    qint64 rootId() const { return m_rootId; }
    void setRootId(qint64 id);

    std::optional<ProcoreNode> node(const StorePath &path) const;
    // Procore compares names case-insensitively: the sibling that would clash with `path`'s name
    // (exact match first), if the parent's children are known.
    std::optional<ProcoreNode> clash(const StorePath &path) const;
    bool childrenKnown(const StorePath &folder) const { return m_children.contains(folder); }
    // Known children in listing order (empty if not known).
    QList<ProcoreNode> children(const StorePath &folder) const;

    // Replaces the children of `folder` (marks them known). Children that vanished are forgotten
    // with everything below them.
    void setChildren(const StorePath &folder, const QList<ProcoreNode> &children);
    // Marks a folder as known to be empty (a folder this store just created).
    void setEmpty(const StorePath &folder);
    // Adds or updates one item (and appends it to its parent's known children).
    void put(const ProcoreNode &node);
    // A rename or move made by this store: `moved` (with its new path) replaces `from`, and what
    // was known below a moved folder stays known under the new path.
    void move(const StorePath &from, const ProcoreNode &moved);
    // Forgets an item and everything below it.
    void forget(const StorePath &path);
    int size() const { return int(m_nodes.size()); }
    // id → path of every cached item and the root (for the index, which names parents by id).
    QHash<qint64, StorePath> pathsById() const;

private:
    void forgetBelow(const StorePath &path);

    qint64 m_rootId = 0;
    QHash<StorePath, ProcoreNode> m_nodes; // the root is not stored here
    QHash<StorePath, QList<StorePath>> m_children; // only for folders whose children are known
};

} // namespace trestle
