#pragma once

#include "core/store/storepath.h"

#include <QString>

// Paths of a plan relative to a job's root ("a/b/c.pdf", "" for the root itself), as the planners
// and the item filter handle them. Text only: a relative path is validated as a StorePath where it
// meets a store.
namespace trestle::relpath {

inline QString parentOf(const QString &relPath)
{
    const qsizetype slash = relPath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relPath.left(slash);
}

inline QString nameOf(const QString &relPath)
{
    const qsizetype slash = relPath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? relPath : relPath.mid(slash + 1);
}

inline QString join(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + QLatin1Char('/') + name;
}

// The store path (as text) of a relative path under a job's root.
inline QString underRoot(const StorePath &root, const QString &relPath)
{
    const QString base = root.toString();
    if (relPath.isEmpty())
        return base;
    return base.isEmpty() ? relPath : base + QLatin1Char('/') + relPath;
}

inline int depthOf(const QString &relPath)
{
    return relPath.isEmpty() ? 0 : int(relPath.count(QLatin1Char('/'))) + 1;
}

} // namespace trestle::relpath
