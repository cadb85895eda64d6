#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVector>

#include <functional>
#include <memory>

namespace trestle {

class Database;

namespace db {
class SqlTransaction;
}

// The job journal: jobs, their planned items and what became of each. It is the truth a restart
// resumes from: items are marked in flight (durably) before work on them starts, so after a crash
// resetInFlight() hands back exactly the items whose destination must be checked before redoing
// them.
//
// A Journal works through the calling thread's connection and is used by one thread at a time;
// several Journal objects on different threads may share one Database (WAL lets readers run while
// one writer commits). Writes from many threads should go through the JournalWriter's owner thread,
// which batches them; readers (GUI models, the command line) use a Journal of their own.
class Journal final
{
    Q_DISABLE_COPY_MOVE(Journal)

public:
    explicit Journal(Database &database);
    ~Journal();

    // The database this journal writes to (e.g. for a Journal of another thread).
    Database &database() const { return m_database; }

    // --- Batches --------------------------------------------------------------------------------
    // Between beginBatch() and commitBatch() every write joins one transaction (each write still
    // all-or-nothing on its own, through a savepoint). Without a batch, each write commits alone.
    Status beginBatch();
    Status commitBatch();
    void rollbackBatch();
    bool inBatch() const;
    // Runs several journal calls as one all-or-nothing write (nested in the batch if one is open).
    Status atomically(const std::function<Status(Journal &)> &writes);

    // --- Jobs -----------------------------------------------------------------------------------
    // Stores a new job (state as given, usually Queued) and returns its id.
    Result<qint64> createJob(const JobRecord &job);
    Result<JobRecord> job(qint64 jobId) const;
    // Every job, newest first.
    Result<QVector<JobRecord>> jobs() const;
    // Jobs to resume after a start: every job not done, failed or cancelled, oldest first.
    Result<QVector<JobRecord>> unfinishedJobs() const;
    // Moves a job to `state`. Entering Running stamps startedAt (once); entering Done, Failed or
    // Cancelled stamps finishedAt. A non-empty `error` is kept as the job's last error.
    Status setJobState(qint64 jobId, JobState state, const Error &error = Error());
    Status addApiCalls(qint64 jobId, qint64 calls);
    // Keeps the planner's figures that no item can tell, as its JSON text (PlanSummaryReader
    // reads them back with the items' counts).
    Status setPlanFigures(qint64 jobId, const QString &json);
    // Deletes the job and its items.
    Status removeJob(qint64 jobId);

    // --- Items ----------------------------------------------------------------------------------
    // Appends planned items in one transaction (one prepared statement) and fills in their ids.
    Status addItems(qint64 jobId, QVector<JobItem> &items);
    // Claims up to `count` pending items in order: marks them in flight and counts an attempt, in a
    // transaction committed with synchronous=FULL so the claim survives even a power loss before
    // the work starts. Returns the claimed items (state InFlight).
    Result<QVector<JobItem>> takePending(qint64 jobId, int count);
    // After a crash: every item left in flight goes back to pending with needsVerify set, and every
    // item needing verification is returned. The engine checks each one against the destination
    // before redoing it (a retried create must not make a duplicate).
    Result<QVector<JobItem>> resetInFlight(qint64 jobId);
    // Marks claimed items as started by a worker (JobItem::started; not synced: it only tells the
    // user which of the claimed items run). Items no longer in flight are left alone.
    Status markStarted(const QVector<qint64> &itemIds);
    // Records what became of items and updates their jobs' counters, in one transaction.
    Status recordOutcomes(const QVector<ItemOutcome> &outcomes);
    Result<JobItem> item(qint64 itemId) const;
    // The next page of a job's items in order: up to `limit` items whose order key is above
    // `afterOrderKey` (-1 for the first page). Keyset paging: every page costs the same, however
    // deep into a 100,000-item job it starts.
    Result<QVector<JobItem>> items(qint64 jobId, qint64 afterOrderKey, int limit) const;
    // Visits every item of a job in order without loading them all; stop early by returning false.
    Status forEachItem(qint64 jobId, const std::function<bool(const JobItem &)> &visit) const;
    // The destination paths of the job's copies (upload, download, new version) that failed, with
    // their error kinds: the items after them on those paths wait for them (JobRunner).
    Result<QHash<QString, Error::Kind>> failedCopies(qint64 jobId) const;
    // Recomputes a job's item and byte counters from its items (the counters kept by
    // recordOutcomes() are a fast path; this is the truth).
    Status recomputeCounters(qint64 jobId);

private:
    Result<QSqlDatabase> connection() const;
    // Runs `body` atomically: inside an open batch or another write through a savepoint, else in
    // its own transaction.
    Status write(const QString &what, const std::function<Status(QSqlDatabase &)> &body);
    Result<QVector<JobRecord>> queryJobs(const QString &where) const;

    Database &m_database;
    std::unique_ptr<db::SqlTransaction> m_batch;
    int m_writeDepth = 0; // > 0 while a write's body runs: nested writes use savepoints
};

} // namespace trestle
