// The ends of a JobRunner's run (split from jobrunner.cpp by phase): done, failed, cancelled,
// or stopped once and paused for a cause every item would meet; a two-way sync's baseline first.
#include "core/common/logging.h"
#include "core/store/store.h"
#include "core/transfer/jobrunner.h"
#include "core/transfer/syncbaseline.h"

namespace trestle {

void JobRunner::maybeFinish()
{
    if (!m_running || m_finishing || inFlightCount() > 0)
        return;
    if (m_stopping && !m_cancelling) {
        finishStopped();
        return;
    }
    if (m_cancelling) {
        finishJob(m_failure ? m_failure : Error(Error::Kind::Cancelled, tr("The job was cancelled.")));
        return;
    }
    if (!m_paused && m_queue.isEmpty() && m_journalExhausted)
        finishJob({});
}

void JobRunner::finishJob(const Error &error)
{
    if (m_finishing)
        return;
    Status status = flushOutcomes();
    if (status.ok())
        status = m_journal.recomputeCounters(m_jobId);
    Error result = status.ok() ? error : status.error();
    JobState state = JobState::Cancelled;
    Result<JobRecord> job = m_journal.job(m_jobId);
    if (!result || result.kind() != Error::Kind::Cancelled) {
        if (!result && job.ok() && job.value().itemsFailed > 0)
            result = failedItemsError(job.value().itemsFailed);
        if (job.ok()) {
            m_progress.itemsDone = job.value().itemsDone;
            m_progress.itemsFailed = job.value().itemsFailed;
            m_progress.itemsSkipped = job.value().itemsSkipped;
            m_bytesFinished = job.value().bytesDone;
        }
        state = result ? JobState::Failed : JobState::Done;
    }
    if (state != JobState::Cancelled && job.ok() && job.value().kind == JobKind::Sync
        && m_policies.direction == SyncDirection::TwoWay && m_sourceFactory && m_destinationFactory) {
        recordBaseline(job.value(), result, state);
        return;
    }
    completeJob(result, state);
}

Error JobRunner::failedItemsError(qint64 failed)
{
    // The kind the failed items share tells the user (and a script) more than "internal".
    Error::Kind kind = Error::Kind::None;
    bool mixed = false;
    QString first;
    const Status visited = m_journal.forEachItem(m_jobId, [&](const JobItem &item) {
        if (item.state != ItemState::Failed)
            return true;
        if (kind == Error::Kind::None) {
            kind = item.errorKind;
            first = item.errorMessage;
        } else if (item.errorKind != kind) {
            mixed = true;
            return false;
        }
        return true;
    });
    const QString count = tr("%n item(s) failed.", nullptr, int(failed));
    if (!visited.ok() || mixed || kind == Error::Kind::None)
        return Error(Error::Kind::Internal, count);
    return Error(kind, failed == 1 ? first : tr("%1 The first: %2").arg(count, first));
}

void JobRunner::stop(const Error &why)
{
    if (m_stopping || m_cancelling || !m_running)
        return;
    qCWarning(lcTransfer) << "job" << m_jobId << "stops until it is resumed:" << why.toString();
    m_stopping = true;
    m_stopReason = why;
    returnClaimedToPending(); // those in flight finish first
    m_holdTimer.stop();
}

void JobRunner::finishStopped()
{
    m_stopping = false;
    Status status = flushOutcomes();
    if (status.ok())
        status = m_journal.recomputeCounters(m_jobId);
    const Result<JobRecord> job = m_journal.job(m_jobId);
    if (job.ok()) {
        m_progress.itemsDone = job.value().itemsDone;
        m_progress.itemsFailed = job.value().itemsFailed;
        m_progress.itemsSkipped = job.value().itemsSkipped;
        m_bytesFinished = job.value().bytesDone;
    }
    if (!status.ok()) {
        completeJob(status.error(), JobState::Failed);
        return;
    }
    completeJob(m_stopReason, JobState::Paused);
}

void JobRunner::recordBaseline(const JobRecord &job, const Error &result, JobState state)
{
    // The state both sides agree on now, for the next run (before the job counts as ended, so a
    // crash here runs it again on resume).
    m_finishing = true;
    m_flushTimer.stop();
    const SyncPair pair = SyncBaseline::pairOf(job.sourceConnection, job.sourcePath,
                                               job.destinationConnection, job.destinationPath);
    m_baselineSource = m_sourceFactory();
    m_baselineDestination = m_destinationFactory();
    m_baseline = std::make_unique<SyncBaseline>(
        m_database, pair, m_policies, m_baselineSource.get(), StorePath::fromString(pair.leftRoot).value(),
        m_baselineDestination.get(), StorePath::fromString(pair.rightRoot).value());
    connect(m_baseline.get(), &SyncBaseline::finished, this, [this, result, state](const Error &recorded) {
        Error outcome = result;
        JobState end = state;
        if (recorded && !outcome) {
            qCWarning(lcTransfer) << "could not record the sync state:" << recorded.toString();
            outcome = recorded;
            end = JobState::Failed;
        }
        // Not from inside the baseline's own signal: it is deleted here.
        QTimer::singleShot(0, this, [this, outcome, end] {
            m_baseline.reset();
            m_baselineSource.reset();
            m_baselineDestination.reset();
            m_finishing = false;
            completeJob(outcome, end);
        });
    });
    m_baseline->start();
}

void JobRunner::completeJob(const Error &result, JobState state)
{
    const Status stored = m_journal.setJobState(m_jobId, state, result);
    if (!stored.ok())
        qCWarning(lcTransfer) << "could not record the job's end:" << stored.error().toString();
    m_running = false;
    m_flushTimer.stop();
    m_progressTimer.stop();
    m_progress.state = state;
    m_progress.waitingUntil = QDateTime();
    m_holdTimer.stop();
    publishProgress(true);
    qCInfo(lcTransfer) << "job" << m_jobId << "ends:" << jobStateName(state);
    RunnerListener *listener = m_listener;
    const qint64 jobId = m_jobId;
    QMetaObject::invokeMethod(
        m_listenerContext, [listener, jobId, result] { listener->runnerFinished(jobId, result); },
        Qt::QueuedConnection);
}

void JobRunner::fail(const Error &error)
{
    qCWarning(lcTransfer) << "job" << m_jobId << "stops:" << error.toString();
    m_cancelling = true; // no new items
    m_failure = error.isError() ? error : Error(Error::Kind::Internal, tr("The job stopped."));
    for (Worker &worker : m_workers) {
        if (worker.busy) {
            TransferWorker *object = worker.object;
            QMetaObject::invokeMethod(
                object, [object] { object->cancelCurrent(); }, Qt::QueuedConnection);
        }
    }
    if (inFlightCount() > 0)
        return; // finishes (as cancelled) when they are back; the error is logged
    m_running = true;
    finishJob(m_failure);
}

} // namespace trestle
