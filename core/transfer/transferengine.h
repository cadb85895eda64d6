#pragma once

#include "core/common/error.h"
#include "core/transfer/engineprogress.h"
#include "core/transfer/jobrunner.h"
#include "core/transfer/transferworker.h"

#include <QObject>
#include <QThread>

namespace trestle {

class Database;
class RateLimitMeter;

// Runs planned jobs from the journal on N worker threads (default 4), each with its own source
// and destination stores made by the factories in that thread. The journal is the truth: every
// outcome is recorded there (in batches); destroying the engine mid-job, a crash or a power loss
// leaves items in flight, and the next start() checks each against the destination before redoing
// it.
//
// The engine's bookkeeping (journal reads and writes) runs on a control thread of its own, so the
// thread that owns a TransferEngine (the GUI's) never waits for SQLite or a store. Every method
// only posts a request; results arrive as queued signals: progress() at most 10 times a second,
// and exactly one finished() per start()/retryFailed().
//
// One job at a time per engine.
//
// A long-running process of engines (the window, the command line) calls MemoryTuning::apply()
// at start-up (core/common/memorytuning.h): without it glibc's malloc lets a long run's memory grow.
class TransferEngine final : public QObject, private RunnerListener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferEngine)

public:
    static constexpr int kDefaultWorkers = 4;

    // The database must outlive the engine.
    TransferEngine(Database &database, StoreFactory sourceFactory, StoreFactory destinationFactory,
                   int workers = kDefaultWorkers, QObject *parent = nullptr);
    // Stops the workers (what they were writing is thrown away, atomically) and keeps every item
    // they had in flight in flight in the journal.
    ~TransferEngine() override;

    void start(qint64 jobId);
    void pause();
    void resume();
    void cancel();
    // Puts the job's failed items back to pending and runs the job again.
    void retryFailed(qint64 jobId);
    // Counts the job's API calls (progress and the journal) from the connection's meter, e.g.
    // [meter] { return meter->totalAcquired(); }. Called from the engine's thread. Before start().
    void setApiCallCounter(std::function<qint64()> counter);
    // The RateLimitMeter of the connection whose API budget the job spends (not owned; it must
    // outlive the engine). While the meter holds calls (the Background budget is spent, or a 429
    // / Retry-After hold) the job's progress and journal state are Waiting with waitingUntil, and
    // the job goes on by itself when the window resets. Items are never failed for the rate limit:
    // an item that comes back rate-limited waits (with every other) until its retry time. Any
    // thread; before start().
    void setRateLimitMeter(RateLimitMeter *meter);

    const EngineProgress &lastProgress() const { return m_last; }

Q_SIGNALS:
    void progress(const trestle::EngineProgress &progress);
    // error is empty when every item is done (or skipped); Cancelled after cancel(); AuthRevoked,
    // DiskFull or LocalIo (a read-only destination) when the job stopped once for a cause every
    // item would meet: the job is then Paused (journal and last progress), its items pending, and
    // start() goes on after the cause is gone; otherwise why the job failed (a journal error, or
    // "n items failed" with the kind the failed items share).
    void finished(qint64 jobId, const trestle::Error &error);

private:
    void runnerProgress(const EngineProgress &progress) override;
    void runnerFinished(qint64 jobId, const Error &error) override;
    template<typename F>
    void post(F call);

    QThread m_control;
    JobRunner *m_runner = nullptr; // lives in m_control
    EngineProgress m_last;
};

} // namespace trestle
