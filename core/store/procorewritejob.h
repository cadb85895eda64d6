#pragma once

#include "core/api/apitypes.h"
#include "core/store/store.h"
#include "core/store/storejob.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>

#include <memory>

class QIODevice;
class QTemporaryFile;

namespace trestle {

class ProcoreStore;
class RangeDevice;
class Sha256;
class StorageTransfer;
class StreamPump;

// ProcoreStore::writeFrom, in phases:
//  1. check the name (limits), find the parent folder and whether the file exists (cache first);
//  2. make the bytes random-access: a sequential source is spooled to a temporary file (its
//     progress counts), a random-access one is used in place (from its current position);
//  3. upload to storage: form upload up to formUploadLimit(), else segmented (sha256 of every
//     segment first, read from disk, then one PUT per segment and the complete call); or, with
//     the budget saver on and a new file, the single-call `file[data]` create;
//  4. attach: create the file with the upload (new), or PATCH it (a new version of an existing
//     file). A create answered "name taken" looks at the parent once: an existing file gets the
//     upload as a new version (Replace) or the job fails with Conflict (FailIfExists).
// Nothing is visible at the path before step 4; kill() before it leaves nothing behind (an
// unused storage upload expires on its own).
class ProcoreWriteJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreWriteJob)

public:
    ProcoreWriteJob(ProcoreStore *store, StorePath path, QIODevice *source, qint64 size,
                    Store::WriteMode mode, QObject *parent = nullptr);
    ~ProcoreWriteJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    void checkTarget();
    void prepareSource();
    void startUpload();
    void formUpload();
    void hashStep();
    void segmentedUpload();
    void putSegments();
    void dataCreate();
    void attach(const QString &uploadUuid);
    void onNameTaken(const QString &uploadUuid);
    void succeed(const File &file);
    void fail(const Error &error);
    // A fresh read-only window on the bytes to send. Windows are given to the StorageTransfer that
    // sends them: it keeps one alive as long as its request, which Qt may still read after an
    // abort, so a window must not die with this job (see StorageTransfer::releaseReply).
    std::unique_ptr<RangeDevice> window(qint64 offset, qint64 length) const;
    StorageTransfer *newTransfer();
    void report(qint64 uploaded);

    QPointer<ProcoreStore> m_store;
    const StorePath m_path;
    QPointer<QIODevice> m_source;
    const qint64 m_size;
    const Store::WriteMode m_mode;
    qint64 m_parentId = 0;
    qint64 m_existingId = 0; // > 0: a new version of this file
    bool m_takenChecked = false;
    bool m_staleRetried = false;

    QIODevice *m_data = nullptr; // m_source or m_spool
    qint64 m_offset = 0;
    std::unique_ptr<QTemporaryFile> m_spool;
    StreamPump *m_pump = nullptr;
    qint64 m_prepared = 0; // bytes spooled or hashed
    qint64 m_prepTotal = 0; // 0 when no preparation pass is needed

    Upload m_upload;
    QList<QByteArray> m_segmentHashes;
    std::unique_ptr<Sha256> m_hash;
    qint64 m_hashed = 0;
    QByteArray m_buffer;
    static constexpr int kParallelSegments = 2;
    qint64 m_segmentSize = 0;
    qint64 m_segmentBase = 0; // bytes of the segments sent completely
    int m_nextSegment = 0;
    int m_segmentsDone = 0;
    QHash<StorageTransfer *, qint64> m_segmentsInFlight; // → bytes sent so far
    StorageTransfer *m_transfer = nullptr;
};

} // namespace trestle
