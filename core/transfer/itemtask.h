#pragma once

#include "core/db/journaltypes.h"
#include "core/store/store.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryFile>

#include <memory>

namespace trestle {

// Does one journal item on a worker thread, with that thread's stores: make a folder, delete, or
// move one file's bytes the cheapest way the two stores allow:
//  - the source opens a random-access device  -> destination writeFrom() (local -> anything);
//  - the destination takes pushed bytes       -> source readInto() a WriteSession (anything -> local);
//  - neither                                  -> source readInto() a temporary file, then writeFrom().
// An item left in flight by a crash (needsVerify) is first checked against the destination: a
// file already there with the right size (and time, where the destination keeps times) is done
// without moving a byte again, so a retried create never makes a duplicate.
//
// The bytes pass through a MeteredDevice: the job's bandwidth cap, and their sha256 (the item's
// checksum in the journal and the report) computed as they stream. A Verify compares the
// destination's checksum with the copy's where the destination gives one.
//
// A local source file is read through a SourceGuard: if it changes while it is copied, the write
// is stopped before it commits and the copy starts again from the new content, at most
// kMaxSourceChanges times; then the item fails ("changed while it was being copied"). Never a
// mixed copy marked done: if a store made one the destination's version before the write could be
// stopped, the next try writes the whole new file over it (a new version on Procore) and the
// item's reason says so.
//
// A failure that every next item would meet too (the destination's disk is full, a local
// destination is read-only) is also given as jobStop(): the engine stops the job once instead of
// failing item after item.
//
// A Migrate's file whose plan asks for its history (the planner sets the item's sourceId, see
// PlanBuilder) goes through a VersionHistoryCopy instead: every version (a new file) or the
// source's versions the destination lacks (a NewVersion item), oldest first, resumed after a crash
// without writing a version twice.
//
// Async like KJob: start() schedules; exactly one finished(); kill() ends it with Cancelled and
// leaves nothing half-written behind (the stores' writes are atomic).
class BandwidthLimiter;
class MeteredDevice;
class SourceGuard;
class VersionHistoryCopy;

class ItemTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemTask)

public:
    ItemTask(JobItem item, Store *source, Store *destination, qint64 mtimeToleranceMs,
             QObject *parent = nullptr);

    // The job's bandwidth cap, shared with the other workers (null: none). Before start().
    void setLimiter(std::shared_ptr<BandwidthLimiter> limiter) { m_limiter = std::move(limiter); }
    // The item's job kind. A Migrate's reverse Delete removes a source file only while the
    // destination holds its verified copy (same size, and checksum where the destination gives one).
    void setJobKind(JobKind kind) { m_kind = kind; }
    ~ItemTask() override;

    // Tries of one copy when its local source changes while it is read (then the item fails).
    static constexpr int kMaxSourceChanges = 3;

    void start();
    void kill();
    const JobItem &item() const { return m_item; }
    // After a failed finished(): why the whole job should stop (the destination is full or
    // read-only), with a sentence naming the folder; none when only this item failed.
    Error jobStop() const { return m_jobStop; }

Q_SIGNALS:
    // The outcome as the engine records it (Done or Failed; the engine decides about retries).
    void finished(const trestle::ItemOutcome &outcome);
    // Bytes of this item moved so far.
    void progress(qint64 bytes);

private:
    enum class Step { Verify, Run, ConflictCheck, CopyCheck, FailureCheck, KeepBothName };
    // A keep-both decision (ConflictDecisions::isKeepBoth): looks at the n-th free name.
    void probeKeepBothName(int n);

    void verify();
    void run();
    // The item copies its source's version history (VersionHistoryCopy).
    bool copiesHistory() const;
    void runHistory();
    void historyFinished();
    void runCopy();
    void copyThroughTempFile();
    void watch(StoreJob *job, Step step);
    void jobFinished(StoreJob *job, Step step);
    void afterTempDownload(StoreJob *job);
    // The file at the destination is the one this item was to write.
    bool destinationMatches(const Entry &entry) const;
    void finishDone(const QString &reason = {});
    // Keeps the metered bytes' sha256 when it covers the whole file.
    void takeChecksum();
    void finishFailed(const Error &error);
    void finish(ItemOutcome outcome);
    QDateTime mtime() const;
    // The local source changed while it was read: copy again, or fail after kMaxSourceChanges.
    // `written`: the store finished the write anyway (its result may be a mix).
    void sourceChanged(bool written);
    // The item's reason when its source changed on an earlier try (empty otherwise).
    QString sourceChangeNote() const;
    // The job-wide form of a failure (see jobStop()), or none.
    Error destinationWide(const Error &error) const;
    // The destination folder the item writes into, as the user knows it.
    QString destinationFolder() const;

    JobItem m_item;
    QPointer<Store> m_source;
    QPointer<Store> m_destination;
    qint64 m_tolerance;
    StorePath m_sourcePath;
    StorePath m_destinationPath;
    QPointer<StoreJob> m_job;
    std::unique_ptr<QIODevice> m_device; // source device, kept alive while a write reads it
    std::unique_ptr<SourceGuard> m_guard; // over m_device when it is a local file
    std::unique_ptr<WriteSession> m_session;
    std::unique_ptr<QTemporaryFile> m_temp;
    std::shared_ptr<BandwidthLimiter> m_limiter;
    // Between the stores and the bytes: the cap, and the sha256 computed while they stream.
    std::unique_ptr<MeteredDevice> m_meter;
    std::unique_ptr<MeteredDevice> m_uploadMeter; // the temp file's way out (cap only)
    std::unique_ptr<VersionHistoryCopy> m_history;
    QString m_checksum; // of the bytes copied, once complete
    JobKind m_kind = JobKind::Copy;
    Error m_failure; // the copy's error while FailureCheck looks at the destination
    Error m_jobStop;
    int m_sourceChanges = 0; // tries that met a changing source
    bool m_mixedWritten = false; // one of them was written all the same
    bool m_finished = false;
    int m_keepBothNumber = 0; // the name probeKeepBothName() looks at
};

} // namespace trestle
