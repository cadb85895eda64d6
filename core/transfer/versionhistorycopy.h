#pragma once

#include "core/common/error.h"
#include "core/store/store.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryFile>

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
    // Bytes moved so far, every version's read and write, scaled to the latest version's size:
    // the plan counts only the latest, so the item's progress never runs past its size.
    void progress(qint64 bytes);

private:
    void listSource();
    void countDestination();
    void compareHistories(const QList<StoreVersion> &there);
    void copyNext();
    void afterRead(StoreJob *job);
    void afterWrite(StoreJob *job);
    void checkLatest();
    void watch(StoreJob *job, void (VersionHistoryCopy::*next)(StoreJob *));
    void finish(const Error &error = {});
    void reportProgress(qint64 bytes);

    QPointer<Store> m_source;
    const StorePath m_sourcePath;
    QPointer<Store> m_destination;
    const StorePath m_destinationPath;
    bool m_resume = false;
    std::shared_ptr<BandwidthLimiter> m_limiter;
    QList<StoreVersion> m_versions; // the source's, oldest first
    int m_next = 0; // index of the next version to write
    int m_written = 0;
    int m_already = 0;
    qint64 m_bytesBefore = 0; // progress of the versions done
    qint64 m_historyBytes = 0; // every version's size, added up
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
