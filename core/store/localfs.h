#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <filesystem>
#include <system_error>

namespace trestle {

// Small file-system helpers for LocalStore that Qt does not offer with an error code: the
// std::filesystem calls report errno-like codes (ENOSPC, EACCES, EROFS, EEXIST, ENOTEMPTY) that
// QDir/QFile reduce to a bool, and the store must tell DiskFull from Permission from Conflict.
class LocalFs final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::LocalFs)

public:
    static std::filesystem::path toFsPath(const QString &path);
    // Renames without ever replacing an existing target (EEXIST instead), atomically where the
    // file system supports it (renameat2 RENAME_NOREPLACE, else link+unlink, else a checked rename).
    static std::error_code renameNoReplace(const QString &from, const QString &to);
    // Renames, atomically replacing an existing file (rename(2) / MoveFileEx REPLACE_EXISTING).
    static std::error_code renameReplace(const QString &from, const QString &to);
    // Makes an Error from a system error code: the kind follows the cause, the message names
    // what was attempted on which path.
    static Error toError(const std::error_code &code, const QString &action, const QString &path);
    static Error toError(int errnoValue, const QString &action, const QString &path);

    // An advisory lock that says "a live process is writing this file": taken by the writer on
    // its open temporary file and released by the kernel when the process ends, however it ends
    // (flock; also across NFS on Linux). False if another process holds it. Always true where
    // there is no flock (Windows: an open file cannot be deleted there anyway).
    static bool tryLockExclusive(int fd);
    // Removes `path` (a temporary file of an uncommitted write) when it was last written at least
    // `minAge` ago and no live process holds its lock: the leftover of a crash or SIGKILL. The
    // age guards writers on shares whose locks do not reach this machine. True if removed.
    static bool removeIfStale(const QString &path, std::chrono::seconds minAge);
};

} // namespace trestle
