#pragma once

#include "core/common/result.h"
#include "core/store/listjob.h"
#include "core/store/statjob.h"
#include "core/store/storejob.h"
#include "core/store/storelimits.h"
#include "core/store/versionlistjob.h"
#include "core/store/writesession.h"

#include <QDateTime>
#include <QIODevice>
#include <QObject>

#include <memory>

namespace trestle {

// "A tree of folders and files" (DESIGN.md, The Store abstraction). Both panes, the planner and
// the engine use only this interface; LocalStore and ProcoreStore implement it.
//
// Every operation that can touch a disk or the network returns an unstarted job: connect to
// finished(), then start(). Jobs belong to the caller's thread and delete themselves after
// finished() unless setAutoDelete(false). A store never blocks the caller's event loop for I/O
// in list/stat/makeFolder/move/remove/readInto/writeFrom. Errors are trestle::Error kinds:
// NotFound, LocalIo, DiskFull, InvalidName (also: leads out of the root), Permission, Conflict
// (exists), Cancelled, and the network kinds for remote stores.
//
// Bytes can move four ways, so the engine never copies a file more than it must:
//  - readInto(path, sink): the store pushes the file's bytes into the sink (every store);
//  - writeFrom(path, source, size, mtime): the store pulls from the source (every store; what a
//    remote store that needs the whole stream, such as a Procore upload, implements);
//  - openReadDevice(path): a random-access device on the file (capability RandomAccessRead,
//    local stores), so a remote store can upload straight from disk;
//  - beginWrite(path, size, mtime): a WriteSession that takes pushed bytes (capability
//    PushWrite, local stores). These two are synchronous and meant for the engine's worker
//    threads, where opening a local file may block briefly.
class Store : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)

public:
    enum Capability {
        NoCapabilities = 0x0,
        RandomAccessRead = 0x1, // openReadDevice() works
        PushWrite = 0x2, // beginWrite() works
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    // What a write does when a file already exists at the path. A store that keeps versions adds
    // a version on Replace.
    enum class WriteMode { Replace, FailIfExists };
    enum class RemoveMode { OnlyIfEmpty, Recursive };

    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    // For the user ("Procore: Project X", "/mnt/share").
    virtual QString displayName() const = 0;
    virtual StoreLimits limits() const = 0;
    virtual Capabilities capabilities() const = 0;

    // The children of a folder. NotFound if it does not exist or is a file.
    virtual ListJob *list(const StorePath &folder) = 0;
    // One entry; the root is a folder with an empty name.
    virtual StatJob *stat(const StorePath &path) = 0;
    // Creates one folder; its parent must exist. Conflict if anything exists at path; InvalidName
    // if limits() do not allow the name.
    virtual StoreJob *makeFolder(const StorePath &path) = 0;
    // Renames and/or moves a file or folder. Never overwrites: Conflict if `to` exists. `to`'s
    // parent must exist; a folder cannot move into itself (InvalidName).
    virtual StoreJob *move(const StorePath &from, const StorePath &to) = 0;
    // Deletes a file or a folder. A non-empty folder needs RemoveMode::Recursive (else Conflict).
    // The root cannot be removed (InvalidName).
    virtual StoreJob *remove(const StorePath &path, RemoveMode mode = RemoveMode::OnlyIfEmpty) = 0;
    // Pushes the file's bytes into sink (open for writing, owned by the caller, alive until
    // finished()). Progress counts bytes.
    virtual StoreJob *readInto(const StorePath &path, QIODevice *sink) = 0;
    // Creates or replaces the file at path with exactly `size` bytes read from source (open for
    // reading, owned by the caller, alive until finished()) and keeps mtime where the store
    // keeps timestamps. Nothing is visible at path until the whole file has arrived; on an error
    // or kill() nothing is left behind (a new version is not added).
    virtual StoreJob *writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                                WriteMode mode = WriteMode::Replace) = 0;

    // InvalidName (with every reason) if limits() do not allow the last name of path or the path's
    // length. Every store checks a new name with it before it touches a disk or spends a call.
    Error checkNewName(const StorePath &path) const;
    // The preconditions every move shares (the root, into itself, the new name); none if it may go on.
    Error checkMove(const StorePath &from, const StorePath &to) const;

    // Capability RandomAccessRead: the file opened for reading. Default: unsupported (Internal).
    virtual Result<std::unique_ptr<QIODevice>> openReadDevice(const StorePath &path);
    // Capability PushWrite: a session that takes the file's bytes; size -1 if unknown (then no
    // free-space check before writing). Default: unsupported (Internal).
    virtual Result<std::unique_ptr<WriteSession>> beginWrite(const StorePath &path, qint64 size,
                                                             const QDateTime &mtime,
                                                             WriteMode mode = WriteMode::Replace);

    // The versions of a file, oldest first (a migration copies them in that order). Default: the
    // file itself as its only version (empty id), from stat(). A store that keeps versions lists
    // them all; ProcoreStore does it in one call, and in none for a file whose entry says it has
    // one version (Entry::versionCount <= 1).
    virtual VersionListJob *listVersions(const StorePath &path);
    // Pushes one version's bytes (as listVersions() gave it) into sink, like readInto(). Default:
    // readInto() for a version with an empty id; any other is unsupported (Internal).
    virtual StoreJob *readVersionInto(const StorePath &path, const StoreVersion &version, QIODevice *sink);

    // For a store that remembers what it listed (ProcoreStore keeps folder ids, so it need not ask
    // again): folders someone else listed in this store (the planner's walk, a walk file replayed
    // after a crash), and a listing to forget because an operation found it stale (NotFound).
    // Default: a store that asks every time (a disk) has nothing to learn or forget.
    virtual void learnListedFolders(const QList<Entry> &entries);
    virtual void forgetListingAbove(const StorePath &path);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Store::Capabilities)

} // namespace trestle
