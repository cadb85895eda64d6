// JobQueue: the holds a revoked sign-in puts on a connection's jobs, and the schedules that start
// finished jobs again (the rest of the queue is in jobqueue.cpp).
#include "core/jobs/jobqueue.h"
#include "core/jobs/jobqueueentry.h"

#include "core/common/logging.h"
#include "core/transfer/storeresolver.h"

namespace trestle {

namespace jobqueue {

bool isStopCause(Error::Kind kind)
{
    return kind == Error::Kind::AuthRevoked || kind == Error::Kind::AuthFailed
        || kind == Error::Kind::DiskFull || kind == Error::Kind::LocalIo;
}

bool isSignIn(Error::Kind kind)
{
    return kind == Error::Kind::AuthRevoked || kind == Error::Kind::AuthFailed;
}

QString seriesOf(const JobRecord &record)
{
    return QStringList{jobKindName(record.kind), record.sourceConnection, record.sourcePath,
                       record.destinationConnection, record.destinationPath}
        .join(QChar(0));
}

JobSchedule scheduleOf(const JobRecord &record)
{
    const Result<JobPolicies> policies = JobPolicies::fromJsonText(record.policiesJson);
    return policies.ok() ? policies.value().schedule : JobSchedule();
}

} // namespace jobqueue

using jobqueue::isSignIn;
using jobqueue::scheduleOf;
using jobqueue::seriesOf;

void JobQueue::connectionSignedIn(const QString &connection)
{
    if (!m_signInNeeded.remove(connection))
        return;
    qCInfo(lcTransfer) << "connection signed in again:" << connection;
    QVector<qint64> waiting;
    for (const auto &[id, job] : m_jobs) {
        if (job->record.state == JobState::Paused && job->stopReason && isSignIn(job->stopReason.kind())
            && signInConnections(job->record).contains(connection))
            waiting.append(id);
    }
    for (qint64 id : std::as_const(waiting)) {
        Entry *job = find(id);
        // Another of its connections may still wait for its own sign-in.
        if (!job || heldForSignIn(job->record))
            continue;
        // Queued, not run at once: it takes a free slot like any other job.
        job->stopReason = Error();
        job->planned = true;
        setState(*job, JobState::Queued);
    }
    scheduleLater();
}

Error JobQueue::stopReason(qint64 jobId) const
{
    const Entry *job = find(jobId);
    return job ? job->stopReason : Error();
}

bool JobQueue::needsSignIn(const QString &connection) const
{
    return m_signInNeeded.contains(connection);
}

QDateTime JobQueue::nextScheduledRun(qint64 jobId) const
{
    return m_schedules.nextRun(jobId);
}

void JobQueue::setClock(std::function<QDateTime()> clock)
{
    m_schedules.setClock(std::move(clock));
    refreshSchedules();
}

void JobQueue::refreshSchedules()
{
    QHash<QString, qint64> newest;
    for (const auto &[id, job] : m_jobs)
        newest.insert(seriesOf(job->record), id); // ids grow: the last one is the newest
    for (const auto &[id, job] : m_jobs) {
        const JobSchedule schedule = scheduleOf(job->record);
        const bool idle = isFinished(job->record.state) && !job->engine && !job->planner && !job->preparing;
        if (!schedule.isActive() || !idle || newest.value(seriesOf(job->record)) != id) {
            m_schedules.unwatch(id);
            continue;
        }
        QDateTime lastRun = job->record.startedAt.isValid() ? job->record.startedAt : job->record.createdAt;
        if (job->lastScheduledRun.isValid() && job->lastScheduledRun > lastRun)
            lastRun = job->lastScheduledRun;
        m_schedules.watch(id, schedule, lastRun);
    }
    m_schedules.rearm();
}

void JobQueue::fireSchedule(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || !isFinished(job->record.state) || job->engine || job->planner || job->preparing)
        return;
    const QDateTime firedAt = m_schedules.now();
    job->lastScheduledRun = firedAt;
    const JobRecord record = job->record;
    const bool stoppedShort = (record.state == JobState::Failed || record.state == JobState::Cancelled)
        && job->planned && record.itemsTotal > 0;
    qCInfo(lcTransfer) << "job" << jobId << "runs by its schedule"
                       << (stoppedShort ? "(goes on)" : "(again)");
    if (stoppedShort) {
        retryFailed(jobId); // from its journal: what is done stays done
        return;
    }
    Result<JobSpec> spec = JobSpec::fromRecord(record);
    if (!spec.ok()) {
        qCWarning(lcTransfer) << "scheduled job" << jobId << "cannot run again:" << spec.error().toString();
        return;
    }
    // Its next run counts from this one, on the schedule's clock.
    if (Entry *next = find(submit(spec.value(), false)))
        next->lastScheduledRun = firedAt;
}

QStringList JobQueue::signInConnections(const JobRecord &record) const
{
    QStringList connections;
    for (const QString &connection : {record.sourceConnection, record.destinationConnection}) {
        if (!connection.isEmpty() && m_resolver.meter(connection) && !connections.contains(connection))
            connections.append(connection);
    }
    if (connections.isEmpty()) {
        for (const QString &connection : {record.sourceConnection, record.destinationConnection}) {
            if (!connection.isEmpty() && !connections.contains(connection))
                connections.append(connection);
        }
    }
    return connections;
}

bool JobQueue::heldForSignIn(const JobRecord &record) const
{
    if (m_signInNeeded.isEmpty())
        return false;
    return m_signInNeeded.contains(record.sourceConnection)
        || m_signInNeeded.contains(record.destinationConnection);
}

void JobQueue::stopped(Entry &job, const Error &reason)
{
    job.stopReason = reason;
    job.record.lastErrorKind = reason.kind();
    job.record.lastError = reason.message();
    if (isSignIn(reason.kind())) {
        for (const QString &connection : signInConnections(job.record))
            m_signInNeeded.insert(connection);
    }
    qCInfo(lcTransfer) << "job" << job.record.id << "paused by the engine:" << reason.toString();
    Q_EMIT jobProgress(job.progress);
    Q_EMIT jobChanged(job.record);
    Q_EMIT jobStopped(job.record.id, reason);
    scheduleLater();
}

} // namespace trestle
