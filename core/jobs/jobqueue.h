#pragma once

#include "core/common/result.h"
#include "core/db/conflictdecisions.h"
#include "core/db/journal.h"
#include "core/db/journaltypes.h"
#include "core/transfer/engineprogress.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"
#include "core/transfer/scheduletimer.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <functional>
#include <map>
#include <memory>

namespace trestle {

class Database;
class ItemPageReader;
class StoreResolver;

// The application's jobs: plans, runs, pauses and restores them, one TransferEngine per running
// job, at most maxRunningJobs() at a time (the others wait in Queued). Lives on the GUI thread and
// never blocks it: planning (JobPlanner) and running (TransferEngine) are asynchronous; only a few
// journal rows are read synchronously.
//
// The journal is the truth. A job submitted without a preview stays Queued until a slot is free,
// then is planned and run in that slot, so a restart finds it either Queued (planned again), or
// Planning (interrupted: planned again as a new job), or Running/Waiting (resumed; the engine
// checks what was in flight), or Paused (kept paused). A planned job waiting for a slot is kept in
// the journal as Queued with its items; a preview the user has not decided on stays Planned.
//
// A job the engine stopped for a cause every item would meet (TransferEngine: a revoked sign-in,
// a full disk, a read-only destination) is Paused with that cause as its stopReason() (and the
// record's lastError), gives up its slot and emits jobStopped(). A revoked sign-in also holds the
// job's Procore connections: no queued job of theirs is started into the same failure until
// connectionSignedIn() (after a reconnect), or until a job of theirs the user resumes prepares its
// connections again (one that still cannot is paused again for the sign-in, not failed).
//
// Schedules (JobPolicies::schedule) are fired here: the newest finished job of a series (same
// kind, connections and paths) with an active schedule runs again at JobSchedule::nextRun() of its
// last start. A run that stopped short (Failed or Cancelled) goes on from its journal (retry
// failed); a finished one is submitted again as a new job of the series, whose plan picks up what
// changed or is still missing since.
class JobQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobQueue)

public:
    static constexpr int kDefaultMaxRunningJobs = 2;
    static constexpr int kDefaultWorkersPerJob = 4;

    // The database and the resolver must outlive the queue.
    JobQueue(Database &database, StoreResolver &resolver, QObject *parent = nullptr);
    // Stops every engine; their items in flight stay in flight in the journal (resumed by the next
    // restore()).
    ~JobQueue() override;

    // Loads the journal's jobs; unfinished ones are resumed (Running/Waiting) or kept as they were
    // (Paused, Planned awaiting a decision). Call once at start. Emits jobAdded for each job.
    void restore();

    // Plans a job (prepares both connections through the resolver; JobPlanner writes the items).
    // previewFirst: plans at once, stops at Planned and emits planReady; otherwise the job waits
    // in Queued for a free slot, then is planned and run. Returns the job's id (0 when the journal
    // refused it; jobFinished then says why).
    qint64 submit(const JobSpec &spec, bool previewFirst);
    void startPlanned(qint64 jobId); // after the preview
    void discard(qint64 jobId); // a preview the user did not want: removed from the journal
    void pause(qint64 jobId);
    void resume(qint64 jobId); // also runs a job restored as Paused
    void cancel(qint64 jobId); // queued, planning, planned, running, waiting or paused jobs
    void retryFailed(qint64 jobId); // a Failed (or Cancelled) job: failed items again
    // The user signed in to `connection` again: its jobs paused for the sign-in go on, and its
    // queued jobs may start again.
    void connectionSignedIn(const QString &connection);
    void remove(qint64 jobId); // finished jobs only
    void clearFinished();

    void setMaxRunningJobs(int jobs); // default 2; paused jobs do not hold a slot
    int maxRunningJobs() const { return m_maxRunning; }
    void setWorkersPerJob(int workers); // default 4 (settings); used by engines made afterwards
    int workersPerJob() const { return m_workersPerJob; }
    // The share of the hourly API budget plans estimate their time for (default the planner's).
    void setHourlyBudget(int calls) { m_hourlyBudget = calls; }

    QVector<JobRecord> jobs() const; // snapshot, newest first
    bool contains(qint64 jobId) const;
    JobRecord job(qint64 jobId) const; // a default record (id 0) for an unknown job
    EngineProgress progress(qint64 jobId) const;
    PlanSummary plan(qint64 jobId) const; // of a planned job (the preview); empty otherwise
    // Jobs currently holding a slot (planning for a run, running or waiting for the budget).
    int runningCount() const;
    // Why the engine paused the job (AuthRevoked: "sign in again", DiskFull, LocalIo), with the
    // sentence to show; none for a job paused by the user or not paused.
    Error stopReason(qint64 jobId) const;
    // Jobs of the connection wait for a new sign-in (see above).
    bool needsSignIn(const QString &connection) const;
    // When the job's schedule runs it next (invalid: no active schedule, not the newest of its
    // series, or not finished).
    QDateTime nextScheduledRun(qint64 jobId) const;
    // The clock schedules are measured by (UTC; default the system's), e.g. for tests.
    void setClock(std::function<QDateTime()> clock);

    // Items of a job for the expandable view, in pages (Journal::items(after, limit)).
    Result<QVector<JobItem>> items(qint64 jobId, qint64 afterOrderKey, int limit) const;
    // The same pages read on a thread of the reader's own (the view reads ahead with it, so
    // scrolling does not wait for SQLite); made on first use, lives as long as the queue.
    ItemPageReader &itemPageReader();
    // The job's items renamed for the destination, in plan order, at most `limit` (the preview);
    // filtered by SQLite, not by reading every item.
    Result<QVector<JobItem>> renamedItems(qint64 jobId, int limit) const;
    Status exportReport(qint64 jobId, const QString &filePath) const; // .csv or .html (by suffix)

    // The "ask" conflicts policy (ConflictDecisions): the items of a finished job that wait for the
    // user's decision, in plan order. Empty for a job still at work or under another policy; read
    // only then, so asking about any job is cheap.
    Result<QVector<JobItem>> awaitingDecisions(qint64 jobId) const;
    // Records the user's decision for waiting items (item id -> decision) and runs what they copy,
    // and only that (the rest of the job stays as it was). Validation for a job still at work.
    Status resolveConflicts(qint64 jobId, const QHash<qint64, ConflictDecisions::Decision> &decisions);

Q_SIGNALS:
    void jobAdded(const trestle::JobRecord &job);
    void jobChanged(const trestle::JobRecord &job); // state or counters
    void jobRemoved(qint64 jobId);
    void jobProgress(const trestle::EngineProgress &progress); // at most 10 a second per job
    void planReady(qint64 jobId, const trestle::PlanSummary &summary);
    void jobFinished(qint64 jobId, const trestle::Error &error); // for notifications
    // The engine paused the job: `reason` is its stopReason() (for a notification; the job is
    // not finished, resume() goes on).
    void jobStopped(qint64 jobId, const trestle::Error &reason);

private:
    struct Entry;

    Entry *find(qint64 jobId) const;
    Entry &add(const JobRecord &record, bool emitAdded);
    void refresh(Entry &job); // re-reads the job's record (counters) from the journal
    void show(Entry &job, JobState state);
    void setState(Entry &job, JobState state, const Error &error = Error());
    // Ends a planning or preparing step (or a job without an engine) in `state`.
    void finishStep(Entry &job, JobState state, const Error &error);
    void removeEntry(qint64 jobId);
    void scheduleLater();
    void schedule(); // starts queued jobs, oldest first, while slots are free
    void prepareBoth(qint64 jobId, std::function<void(Entry &)> ready);
    void plan(Entry &job, bool thenRun);
    void planPrepared(Entry &job, bool thenRun);
    void planFinished(qint64 jobId, bool thenRun, const Error &error);
    void run(Entry &job, bool retry);
    void runPrepared(Entry &job, bool retry);
    void engineProgress(qint64 jobId, const EngineProgress &progress);
    void engineFinished(qint64 jobId, const Error &error);
    // A job the engine stopped (see stopReason()); holds its connections after a revoked sign-in.
    void stopped(Entry &job, const Error &reason);
    // The connections a revoked sign-in of this job concerns: those that spend an API budget
    // (Procore), or both when the resolver cannot tell.
    QStringList signInConnections(const JobRecord &record) const;
    bool heldForSignIn(const JobRecord &record) const;
    // Watches the newest finished job of each series whose schedule is active.
    void refreshSchedules();
    void fireSchedule(qint64 jobId);

    Database &m_database;
    StoreResolver &m_resolver;
    Journal m_journal;
    std::map<qint64, std::unique_ptr<Entry>> m_jobs;
    int m_maxRunning = kDefaultMaxRunningJobs;
    int m_workersPerJob = kDefaultWorkersPerJob;
    int m_hourlyBudget = 0; // 0: the planner's default
    bool m_scheduleQueued = false;
    QSet<QString> m_signInNeeded; // connections whose jobs wait for a new sign-in
    ScheduleTimer m_schedules;
    std::unique_ptr<ItemPageReader> m_itemPageReader;
};

} // namespace trestle
