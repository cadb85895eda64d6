#pragma once

#include "core/store/localroot.h"
#include "core/store/store.h"

namespace trestle {

// A Store on a folder of the local machine: a local disk, a mounted SMB/NFS share, a UNC path on
// Windows. Everything stays inside the root: names are StorePaths (no "..", no absolute paths)
// and links that lead outside are never followed (see LocalRoot).
//
// Threading: list, stat, makeFolder, move and remove run on a small worker pool and report in the
// job's thread, so a pane may call them from the GUI thread. readInto/writeFrom move bytes in
// 256 KiB steps on the job's thread's event loop (the engine runs them on its worker threads).
// openReadDevice/beginWrite open a file synchronously (worker threads only). A LocalStore is
// immutable after construction and may be used from several threads.
//
// Writes: a temporary ".trestle-*.part" file in the destination folder (hidden from listings),
// committed by an atomic rename with the modification time already set; free space is checked
// before the first byte; a full disk mid-write is DiskFull and removes the partial file.
class LocalStore final : public Store
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalStore)

public:
    // With the rules of the platform Trestle runs on.
    explicit LocalStore(const QString &rootPath, QObject *parent = nullptr);
    // With explicit rules, e.g. StoreLimits::windows() for an SMB share mounted on Linux that
    // Windows users also open.
    LocalStore(const QString &rootPath, const StoreLimits &limits, QObject *parent = nullptr);
    ~LocalStore() override;

    bool isValid() const { return m_root.isValid(); }
    Error rootError() const { return m_root.rootError(); }
    QString rootPath() const { return m_root.rootPath(); }

    QString displayName() const override;
    StoreLimits limits() const override { return m_limits; }
    Capabilities capabilities() const override;

    ListJob *list(const StorePath &folder) override;
    StatJob *stat(const StorePath &path) override;
    StoreJob *makeFolder(const StorePath &path) override;
    StoreJob *move(const StorePath &from, const StorePath &to) override;
    StoreJob *remove(const StorePath &path, RemoveMode mode = RemoveMode::OnlyIfEmpty) override;
    StoreJob *readInto(const StorePath &path, QIODevice *sink) override;
    StoreJob *writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                        WriteMode mode = WriteMode::Replace) override;
    Result<std::unique_ptr<QIODevice>> openReadDevice(const StorePath &path) override;
    Result<std::unique_ptr<WriteSession>> beginWrite(const StorePath &path, qint64 size,
                                                     const QDateTime &mtime,
                                                     WriteMode mode = WriteMode::Replace) override;

private:
    LocalRoot m_root;
    StoreLimits m_limits;
};

} // namespace trestle
