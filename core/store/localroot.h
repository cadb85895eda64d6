#pragma once

#include "core/common/result.h"
#include "core/store/entry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>

#include <chrono>

namespace trestle {

// The folder a LocalStore is confined to, and the one place that turns a StorePath into a file
// name. Immutable and copyable, so worker threads use their own copy.
//
// Symlinks: a link whose target (after every intermediate link) stays inside the root is
// followed; one that leads outside, or nowhere, is listed as Entry::Kind::Other with a note, and
// every operation through it fails with InvalidName. Checks use canonical paths; a link swapped
// between the check and the use (a race by someone with write access to the share) is not
// defended against.
class LocalRoot final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::LocalRoot)

public:
    explicit LocalRoot(const QString &rootPath);

    // False (with the reason in rootError()) if the root does not exist or is not a folder.
    bool isValid() const { return !m_rootError.isError(); }
    Error rootError() const { return m_rootError; }
    QString rootPath() const { return m_rootPath; } // absolute, clean, no trailing separator

    // root + '/' + path, lexically.
    QString absolutePath(const StorePath &path) const;
    // The path must exist (as file or folder) and, links followed, lie inside the root.
    Result<QString> resolveExisting(const StorePath &path) const;
    // For creating path: its parent must be an existing folder inside the root; if something
    // already exists at path, it must lie inside the root as well (a link out is InvalidName).
    Result<QString> resolveForCreate(const StorePath &path) const;
    // The entry for a file-system object at path (its name already validated by the caller).
    Entry describe(const QFileInfo &info, const StorePath &path) const;

    // Temporary files of uncommitted writes: ".trestle-<random>.part" in the destination folder,
    // so a listing can hide them and a later run can sweep leftovers of a crash.
    static bool isTempName(const QString &name);
    static QString makeTempName();
    // A temporary file untouched this long and not locked by a live writer is a crash's leftover:
    // listing its folder removes it (LocalFs::removeIfStale).
    static constexpr std::chrono::minutes StaleTempAge{15};

private:
    bool isInside(const QString &canonicalPath) const;
    Error escapeError(const StorePath &path) const;

    QString m_rootPath;
    QString m_canonicalRoot;
    Error m_rootError;
};

} // namespace trestle
