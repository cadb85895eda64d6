// JobQueue: the "ask" conflicts policy's decisions, taken in the window after a job ended (the rest
// of the queue is in jobqueue.cpp and jobqueueholds.cpp).
#include "core/jobs/jobqueue.h"
#include "core/jobs/jobqueueentry.h"

#include "core/db/database.h"

#include <algorithm>

namespace trestle {

namespace {

bool asksForDecisions(const JobRecord &record)
{
    if (record.itemsSkipped <= 0)
        return false; // a waiting item counts as skipped until it is decided
    const Result<JobPolicies> policies = JobPolicies::fromJsonText(record.policiesJson);
    return policies.ok() && policies.value().conflicts == ConflictPolicy::Ask;
}

} // namespace

Result<QVector<JobItem>> JobQueue::awaitingDecisions(qint64 jobId) const
{
    const Entry *job = find(jobId);
    if (!job || !isFinished(job->record.state) || job->engine || job->planner || job->preparing
        || !asksForDecisions(job->record))
        return QVector<JobItem>();
    return ConflictDecisions(m_database).awaiting(jobId);
}

Status JobQueue::resolveConflicts(qint64 jobId, const QHash<qint64, ConflictDecisions::Decision> &decisions)
{
    Entry *job = find(jobId);
    if (!job)
        return Error(Error::Kind::NotFound, tr("This job is no longer in the list."),
                     QStringLiteral("job %1").arg(jobId));
    if (!isFinished(job->record.state) || job->engine || job->planner || job->preparing)
        return Error(Error::Kind::Validation, tr("Wait until the job has ended, then decide."),
                     QStringLiteral("job %1 is at work").arg(jobId));
    // In item order, so the journal reads the same whatever order the caller's hash has.
    QList<qint64> itemIds = decisions.keys();
    std::sort(itemIds.begin(), itemIds.end());
    ConflictDecisions decider(m_database);
    bool copies = false;
    Status result = Done{};
    for (qint64 itemId : std::as_const(itemIds)) {
        const ConflictDecisions::Decision decision = decisions.value(itemId);
        const Result<JobItem> item = m_journal.item(itemId);
        if (item.ok() && item.value().jobId != jobId) {
            result = Error(Error::Kind::Validation, tr("This file belongs to another job."),
                           QStringLiteral("item %1 is not of job %2").arg(itemId).arg(jobId));
            continue;
        }
        const Status decided = decider.decide(itemId, decision);
        if (!decided.ok()) {
            result = decided; // the others are still decided: each one stands on its own
            continue;
        }
        copies = copies || decision != ConflictDecisions::Decision::LeaveBoth;
    }
    refresh(*job);
    Q_EMIT jobChanged(job->record);
    if (copies) {
        // The user asked for this: it runs even when every slot is taken (as resume() does).
        job->cancelRequested = false;
        job->holdsSlot = true;
        run(*job, false);
    }
    return result;
}

} // namespace trestle
