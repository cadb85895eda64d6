#pragma once

#include "core/common/error.h"
#include "core/db/journal.h"
#include "core/transfer/engineprogress.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/transferworker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVector>

#include <deque>
#include <functional>
#include <memory>
#include <utility>

namespace trestle {

class Database;
class BandwidthLimiter;
class RateLimitMeter;
class Store;
class SyncBaseline;

// What the runner reports; calls arrive queued in the receiver's thread.
class RunnerListener
{
public:
    virtual ~RunnerListener() = default;
    virtual void runnerProgress(const EngineProgress &progress) = 0;
    virtual void runnerFinished(qint64 jobId, const Error &error) = 0;
};

// The engine's dispatcher, living in the engine's control thread (TransferEngine owns it): claims
// items from the journal, hands them to idle workers, records outcomes in batched transactions,
// retries transient failures, and publishes progress. Nothing here blocks a GUI thread.
//
// A failure every next item would meet too stops the job once instead of failing item after item:
// a revoked sign-in (AuthRevoked), a full disk (DiskFull) or a read-only destination (LocalIo).
// No new item starts, the items in flight finish (a write half done is never left behind, and one
// that fails for the same cause goes back to pending, not counted as a try), then the job ends
// this run Paused with that error (journal state and last error, and finished()). Starting the job
// again (after a new sign-in, free space) goes on from there; nothing done is redone.
//
// Ordering: an item never runs while an item on the same destination path, an ancestor or a
// descendant of it is running or waiting before it, so a folder exists before anything goes in,
// and deletes never race with writes below them; siblings run in parallel.
//
// Items after a copy on its destination path depend on it (a Migrate's Verify and source delete,
// the second half of a keep-both): while the copy waits for another try they wait too (back to
// pending, so they never check a destination the copy has not written yet), and when it failed
// for good they end skipped ("its copy failed", with the copy's error kind) instead of failing a
// second time for the same file. retryFailed() runs them again with their copy.
class JobRunner final : public QObject, public WorkerListener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    JobRunner(Database &database, StoreFactory sourceFactory, StoreFactory destinationFactory, int workers,
              QObject *listenerContext, RunnerListener *listener);
    ~JobRunner() override;

    // All in the control thread.
    void start(qint64 jobId);
    void pause();
    void resume();
    void cancel();
    void retryFailed(qint64 jobId);
    // Calls spent so far by the connection the job uses (RateLimitMeter::totalAcquired); any thread.
    void setApiCallCounter(std::function<qint64()> counter) { m_apiCallCounter = std::move(counter); }
    // The meter of the connection that spends API calls (not owned; it outlives the runner). While
    // it holds calls the job is Waiting, with EngineProgress::waitingUntil.
    void setRateLimitMeter(RateLimitMeter *meter) { m_meter = meter; }
    // Stops the workers; items in flight stay in flight in the journal, to be verified on resume.
    void shutdown();

    void workerFinishedItem(int worker, const JobItem &item, const ItemOutcome &outcome,
                            const Error &jobStop) override;
    void workerMovedBytes(int worker, qint64 bytesOfItem) override;

    static constexpr int kOutcomeBatch = 200;
    static constexpr int kFlushIntervalMs = 100;
    static constexpr int kProgressIntervalMs = 100; // at most 10 reports a second

    // How many pending items the next claim takes. A claim is one synced transaction on the
    // control thread (its items must be durably in flight before any reaches a worker), and no
    // worker gets an item meanwhile: at a fixed 2 per worker, small files paid an fsync (1–30 ms
    // on a busy disk) every 8 files. A claim used up within kClaimFastMs doubles the next one, up
    // to kMaxClaim; one that lasted longer than kClaimSlowMs halves it, never below 2 per worker.
    // So syncs stay at a few a second, and what a crash leaves in flight (checked against the
    // destination on resume, never redone blindly) stays about a quarter second's work.
    static int nextClaimSize(int current, int workers, qint64 msSinceLastClaim);
    static constexpr int kMaxClaim = 64;
    static constexpr qint64 kClaimFastMs = 250;
    static constexpr qint64 kClaimSlowMs = 2000;
    // Claims (synced transactions) made by this run so far; for tests and benchmarks.
    int claimCount() const { return m_claims; }

private:
    struct Worker final
    {
        QThread *thread = nullptr;
        TransferWorker *object = nullptr;
        bool busy = false;
        JobItem item;
        qint64 bytesOfItem = 0;
    };

    void startWorkers();
    void fill();
    bool blocked(const JobItem &item, qsizetype queueIndex) const;
    void dispatch(Worker &worker, int index, const JobItem &item);
    Status flushOutcomes();
    void maybeFinish();
    void finishJob(const Error &error);
    void recordBaseline(const JobRecord &job, const Error &result, JobState state);
    void completeJob(const Error &result, JobState state);
    void fail(const Error &error);
    // Stops the job once (see above): no new items; ends Paused with `why` when none is in flight.
    void stop(const Error &why);
    // The items claimed from the journal but not started yet go back to pending (as outcomes of
    // the next flush), so a later run takes them again.
    void returnClaimedToPending();
    void finishStopped();
    // The job's error when items failed: their kind when they share one.
    Error failedItemsError(qint64 failed);
    void publishProgress(bool force = false);
    // Running <-> Waiting, from the meter's hold and the items that came back rate-limited.
    void updateWaiting();
    bool holding() const;
    qint64 inFlightCount() const;
    // Claims the next items for m_queue (see nextClaimSize).
    Result<QVector<JobItem>> claim();
    // An item whose copy failed for good: ends skipped without running (true).
    bool skipIfCopyFailed(const JobItem &item);
    // A copy goes back to pending for another try: the queued items on its path go back too.
    void requeueDependents(const JobItem &copy);

    Database &m_database;
    Journal m_journal;
    StoreFactory m_sourceFactory;
    StoreFactory m_destinationFactory;
    int m_workerCount;
    QObject *m_listenerContext;
    RunnerListener *m_listener;
    QVector<Worker> m_workers;

    qint64 m_jobId = 0;
    JobPolicies m_policies;
    JobKind m_kind = JobKind::Copy;
    bool m_running = false;
    bool m_paused = false;
    bool m_cancelling = false;
    bool m_journalExhausted = false;
    bool m_finishing = false; // recording a two-way sync's baseline before the job ends
    std::unique_ptr<Store> m_baselineSource;
    std::unique_ptr<Store> m_baselineDestination;
    std::unique_ptr<SyncBaseline> m_baseline;
    Error m_failure; // why the job stops, once fail() was called
    bool m_stopping = false; // stop() was called: the job ends Paused with m_stopReason
    Error m_stopReason;
    QHash<qint64, int> m_tries; // attempts per item in this run
    QVector<JobItem> m_queue; // claimed (in flight in the journal), not yet on a worker
    int m_claimSize = 0; // items the next claim takes
    int m_claims = 0; // claims made by this run
    qint64 m_lastClaimAt = -1; // m_clock at the last claim
    QVector<ItemOutcome> m_outcomes; // recorded, not yet committed
    QVector<qint64> m_started; // items given to a worker since the last flush
    // Children, so they move to the control thread with the runner.
    QTimer m_flushTimer{this};
    QTimer m_progressTimer{this};

    EngineProgress m_progress;
    EngineProgress m_published;
    qint64 m_bytesFinished = 0;
    std::function<qint64()> m_apiCallCounter;
    RateLimitMeter *m_meter = nullptr;
    QDateTime m_holdUntil; // no item is dispatched before (an item came back rate-limited)
    QTimer m_holdTimer{this};
    std::shared_ptr<BandwidthLimiter> m_limiter; // the job's cap (null: none)
    QHash<QString, QString> m_copyChecksums; // destination path -> sha256 of this run's copies
    QHash<QString, Error::Kind> m_failedCopies; // destination path -> why its copy failed for good
    qint64 m_apiCallsBefore = 0; // the job's count from earlier runs
    qint64 m_apiCallBaseline = 0; // the counter when this run started
    qint64 m_apiCallsRecorded = 0; // of this run, already added to the journal
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms, bytes) for the speed
    QElapsedTimer m_clock;
};

} // namespace trestle
