#pragma once

#include "core/common/error.h"
#include "core/store/store.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryFile>

#include <functional>
#include <memory>

namespace trestle {

class BandwidthLimiter;
class MeteredDevice;

// A Migrate's copy of one file with its version history (issue 5: "oldest version first, so
// Procore shows the same history"), for ItemTask: the source's versions are listed (one call on
// Procore), then each is read into a temporary file and written to the destination, oldest first:
// the first creates the file (FailIfExists), each next one adds a version (Replace). Then the
// destination's file is checked against the latest version: size, and sha256 where the
// destination gives one.
//
// Resumable: with resume() (an item in flight at a crash, or tried before) the destination's
// versions are counted first and those already there are not written again, so a crash mid-history
// never gives a version twice. Their sizes must be the source's first ones; a destination whose
// history differs fails with Conflict rather than being added to.
//
// A file that already exists at the destination (setExisting(), a NewVersion item): its versions
// are counted the same way and only the source's newer ones are added, oldest first. Where the
// destination's history is not the start of the source's (the file was put there another way,
// e.g. an earlier "latest only" migrate), the source version the destination holds last is looked
// for from the newest back, by size (Procore gives no checksum per version), and only the versions
// after it are added. Neither: Conflict, the file is left as it is.
//
// Async like KJob: start() schedules; exactly one finished(); kill() ends it with Cancelled (a
// version being written is not committed: the stores' writes are atomic).
class VersionHistoryCopy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionHistoryCopy)

public:
    VersionHistoryCopy(Store *source, StorePath sourcePath, Store *destination, StorePath destinationPath,
                       QObject *parent = nullptr);
    ~VersionHistoryCopy() override;

    // Before start(): count the destination's versions first and write only the missing ones.
    void setResume(bool resume) { m_resume = resume; }
    // Before start(): the destination holds this file already; add the source's newer versions.
    void setExisting(bool existing) { m_existing = existing; }
    // Before start(): the bytes the plan counted for this item (every version); progress is
    // scaled to them. 0 (the default): the latest version's size.
    void setPlannedBytes(qint64 bytes) { m_plannedBytes = bytes; }
    // Before start(): the job's bandwidth cap (null: none).
    void setLimiter(std::shared_ptr<BandwidthLimiter> limiter) { m_limiter = std::move(limiter); }

    void start();
    void kill();

    // After finished():
    const Error &error() const { return m_error; }
    int versionsTotal() const { return int(m_versions.size()); }
    int versionsWritten() const { return m_written; }
    int versionsAlreadyThere() const { return m_already; }
    qint64 latestSize() const;
    // sha256 (hex) of the latest version's bytes when this run copied it; empty otherwise.
    QString latestChecksum() const { return m_latestChecksum; }

Q_SIGNALS:
    void finished();
    // Bytes moved so far, every version's read and write, scaled to the planned bytes (or the
    // latest version's size), so the item's progress never runs past what the plan counted.
    void progress(qint64 bytes);

private:
    void listSource();
    void countDestination();
    void compareHistories(const QList<StoreVersion> &there);
    // The index of the source version after which the destination's history goes on (its count
    // when that history is the source's first versions); -1 when it matches none.
    int firstMissing(const QList<StoreVersion> &there) const;
    void copyNext();
    void afterRead();
    void afterWrite();
    void checkLatest();
    // Runs `job` as the current one. Once it ends, while this copy still runs: `next` if it went
    // well; on an error `recover` may take it (returns true), else the copy finishes with it.
    void follow(StoreJob *job, std::function<void()> next, std::function<bool(const Error &)> recover = {});
    // follow() for a version's read or write, whose bytes count as progress.
    void watch(StoreJob *job, void (VersionHistoryCopy::*next)());
    void finish(const Error &error = {});
    void reportProgress(qint64 bytes);

    QPointer<Store> m_source;
    const StorePath m_sourcePath;
    QPointer<Store> m_destination;
    const StorePath m_destinationPath;
    bool m_resume = false;
    bool m_existing = false;
    qint64 m_plannedBytes = 0;
    std::shared_ptr<BandwidthLimiter> m_limiter;
    QList<StoreVersion> m_versions; // the source's, oldest first
    int m_next = 0; // index of the next version to write
    int m_written = 0;
    int m_already = 0;
    qint64 m_bytesBefore = 0; // progress of the versions done
    qint64 m_historyBytes = 0; // the sizes of the versions to move, added up
    QPointer<StoreJob> m_job;
    std::unique_ptr<QTemporaryFile> m_temp;
    std::unique_ptr<MeteredDevice> m_meter;
    std::unique_ptr<MeteredDevice> m_uploadMeter;
    QString m_latestChecksum;
    QString m_currentChecksum;
    Error m_error;
    bool m_finished = false;
};

} // namespace trestle
