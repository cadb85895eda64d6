#include "core/transfer/jobrunner.h"

#include "core/api/ratelimitmeter.h"
#include "core/common/logging.h"
#include "core/store/store.h"
#include "core/transfer/bandwidthlimiter.h"
#include "core/transfer/syncbaseline.h"

namespace trestle {

namespace {

// `a` is `b` or one of its ancestors ("" is the root, the ancestor of everything).
bool isSameOrAncestor(const QString &a, const QString &b)
{
    if (a.isEmpty() || a == b)
        return true;
    return b.size() > a.size() && b.startsWith(a) && b.at(a.size()) == QLatin1Char('/');
}

bool related(const QString &a, const QString &b)
{
    return isSameOrAncestor(a, b) || isSameOrAncestor(b, a);
}

// Two items that must not run at once (the earlier first). A two-way sync's reverse items write
// in the source store, so there the source paths count too (a keep-both conflict copies a file to
// one side and then on from there).
bool conflicting(const JobItem &a, const JobItem &b)
{
    if (related(a.destinationPath, b.destinationPath))
        return true;
    return (a.reverse || b.reverse) && !a.sourcePath.isEmpty() && !b.sourcePath.isEmpty()
        && related(a.sourcePath, b.sourcePath);
}

bool isCopy(ItemAction action)
{
    return action == ItemAction::Upload || action == ItemAction::Download || action == ItemAction::NewVersion;
}

// The sign-in is dead: every item needs a new one.
bool isSignIn(const Error &error)
{
    return error.kind() == Error::Kind::AuthRevoked || error.kind() == Error::Kind::AuthFailed;
}

constexpr qint64 kSpeedWindowMs = 5000;
// A hold shorter than this (the spike window's pacing) is not shown as waiting: it would flicker.
constexpr qint64 kShowWaitingAfterMs = 1000;
// When a rate-limited item does not say when to try again.
constexpr qint64 kDefaultHoldMs = 10000;

} // namespace

JobRunner::JobRunner(Database &database, StoreFactory sourceFactory, StoreFactory destinationFactory,
                     int workers, QObject *listenerContext, RunnerListener *listener)
    : m_database(database)
    , m_journal(database)
    , m_sourceFactory(std::move(sourceFactory))
    , m_destinationFactory(std::move(destinationFactory))
    , m_workerCount(qMax(1, workers))
    , m_listenerContext(listenerContext)
    , m_listener(listener)
{
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        const Status flushed = flushOutcomes();
        if (!flushed.ok())
            fail(flushed.error());
    });
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        updateWaiting();
        publishProgress();
    });
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, [this] {
        updateWaiting();
        fill();
    });
    m_clock.start();
}

JobRunner::~JobRunner()
{
    shutdown();
}

void JobRunner::startWorkers()
{
    if (!m_workers.isEmpty())
        return;
    m_workers.resize(m_workerCount);
    for (int i = 0; i < m_workerCount; ++i) {
        Worker &worker = m_workers[i];
        worker.thread = new QThread;
        worker.thread->setObjectName(QStringLiteral("trestle-worker-%1").arg(i));
        worker.object = new TransferWorker(i, m_sourceFactory, m_destinationFactory, this, this,
                                           m_policies.mtimeToleranceMs);
        worker.object->moveToThread(worker.thread);
        worker.thread->start();
    }
}

void JobRunner::start(qint64 jobId)
{
    if (m_running) {
        qCWarning(lcTransfer) << "job" << m_jobId << "is running; start of" << jobId << "ignored";
        return;
    }
    m_jobId = jobId;
    Result<JobRecord> job = m_journal.job(jobId);
    if (!job.ok()) {
        m_running = true;
        fail(job.error());
        return;
    }
    if (job.value().state == JobState::Queued || job.value().state == JobState::Planning) {
        // Planning was interrupted: the items written so far are not the whole plan.
        m_running = true;
        fail(Error(Error::Kind::Validation, tr("The job was never completely planned; plan it again.")));
        return;
    }
    Result<JobPolicies> policies = JobPolicies::fromJsonText(job.value().policiesJson);
    if (!policies.ok()) {
        m_running = true;
        fail(policies.error());
        return;
    }
    m_policies = policies.takeValue();
    m_kind = job.value().kind;
    // Items a crash (or an engine destroyed mid-job) left in flight are checked before redone.
    Result<QVector<JobItem>> toVerify = m_journal.resetInFlight(jobId);
    Status running =
        toVerify.ok() ? m_journal.setJobState(jobId, JobState::Running) : Status(toVerify.error());
    if (running.ok())
        running = m_journal.recomputeCounters(jobId);
    if (running.ok())
        job = m_journal.job(jobId);
    m_running = true;
    m_paused = false;
    m_cancelling = false;
    m_stopping = false;
    m_stopReason = Error();
    m_journalExhausted = false;
    m_queue.clear();
    m_started.clear();
    m_claimSize = 2 * m_workerCount;
    m_claims = 0;
    m_lastClaimAt = -1;
    m_tries.clear();
    m_failure = Error();
    m_holdUntil = QDateTime();
    m_copyChecksums.clear();
    m_failedCopies.clear();
    if (toVerify.ok() && running.ok()) {
        Result<QHash<QString, Error::Kind>> failed = m_journal.failedCopies(jobId);
        if (failed.ok())
            m_failedCopies = failed.takeValue();
        else
            running = failed.error();
    }
    m_limiter = m_policies.bandwidthLimit > 0 ? std::make_shared<BandwidthLimiter>(m_policies.bandwidthLimit)
                                              : nullptr;
    if (!running.ok() || !job.ok()) {
        fail(running.ok() ? job.error() : running.error());
        return;
    }
    const JobRecord &record = job.value();
    m_progress = EngineProgress();
    m_progress.jobId = jobId;
    m_progress.state = JobState::Running;
    m_progress.itemsTotal = record.itemsTotal;
    m_progress.itemsDone = record.itemsDone;
    m_progress.itemsFailed = record.itemsFailed;
    m_progress.itemsSkipped = record.itemsSkipped;
    m_progress.bytesTotal = record.bytesTotal;
    m_bytesFinished = record.bytesDone;
    m_samples.clear();
    m_apiCallsBefore = record.apiCalls;
    m_apiCallBaseline = m_apiCallCounter ? m_apiCallCounter() : 0;
    m_apiCallsRecorded = 0;
    qCInfo(lcTransfer) << "job" << jobId << "starts:" << record.itemsTotal << "items,"
                       << toVerify.value().size() << "to verify first";
    startWorkers();
    m_flushTimer.start();
    m_progressTimer.start();
    publishProgress(true);
    fill();
}

void JobRunner::pause()
{
    if (!m_running || m_paused || m_cancelling)
        return;
    m_paused = true;
    m_progress.state = JobState::Paused;
    const Status state = m_journal.setJobState(m_jobId, JobState::Paused);
    if (!state.ok())
        qCWarning(lcTransfer) << "could not record the pause:" << state.error().toString();
    publishProgress(true);
}

void JobRunner::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    m_progress.state = JobState::Running;
    const Status state = m_journal.setJobState(m_jobId, JobState::Running);
    if (!state.ok())
        qCWarning(lcTransfer) << "could not record the resume:" << state.error().toString();
    publishProgress(true);
    updateWaiting();
    fill();
}

void JobRunner::returnClaimedToPending()
{
    for (const JobItem &item : std::as_const(m_queue)) {
        ItemOutcome back;
        back.itemId = item.id;
        back.jobId = item.jobId;
        back.state = ItemState::Pending;
        m_outcomes.append(back);
    }
    m_queue.clear();
}

void JobRunner::cancel()
{
    if (!m_running || m_cancelling)
        return;
    m_cancelling = true;
    returnClaimedToPending();
    for (Worker &worker : m_workers) {
        if (worker.busy) {
            TransferWorker *object = worker.object;
            QMetaObject::invokeMethod(
                object, [object] { object->cancelCurrent(); }, Qt::QueuedConnection);
        }
    }
    maybeFinish();
}

void JobRunner::retryFailed(qint64 jobId)
{
    if (m_running) {
        qCWarning(lcTransfer) << "retry of job" << jobId << "ignored: a job is running";
        return;
    }
    QVector<ItemOutcome> again;
    const Status visited = m_journal.forEachItem(jobId, [&again](const JobItem &item) {
        // The failed ones, and those skipped because their copy failed (they go with it).
        const bool afterFailedCopy = item.state == ItemState::Skipped && item.action != ItemAction::Skip
            && item.errorKind != Error::Kind::None;
        if (item.state == ItemState::Failed || afterFailedCopy) {
            ItemOutcome outcome;
            outcome.itemId = item.id;
            outcome.jobId = item.jobId;
            outcome.state = ItemState::Pending;
            again.append(outcome);
        }
        return true;
    });
    Status recorded = visited.ok() ? m_journal.recordOutcomes(again) : visited;
    if (!recorded.ok()) {
        m_jobId = jobId;
        m_running = true;
        fail(recorded.error());
        return;
    }
    qCInfo(lcTransfer) << "job" << jobId << ":" << again.size() << "failed items go again";
    start(jobId);
}

bool JobRunner::blocked(const JobItem &item, qsizetype queueIndex) const
{
    for (const Worker &worker : m_workers) {
        if (worker.busy && conflicting(worker.item, item))
            return true;
    }
    for (qsizetype i = 0; i < queueIndex; ++i) {
        if (conflicting(m_queue.at(i), item))
            return true;
    }
    return false;
}

bool JobRunner::holding() const
{
    return m_holdUntil.isValid() && QDateTime::currentDateTimeUtc() < m_holdUntil;
}

void JobRunner::fill()
{
    if (m_stopping) {
        maybeFinish();
        return;
    }
    if (m_running && holding()) {
        m_holdTimer.start(
            int(qBound(qint64(1), QDateTime::currentDateTimeUtc().msecsTo(m_holdUntil), qint64(3600000))));
        return; // nothing finishes while items wait for the budget
    }
    while (m_running && !m_paused && !m_cancelling) {
        int idle = -1;
        for (int i = 0; i < m_workers.size(); ++i) {
            if (!m_workers.at(i).busy) {
                idle = i;
                break;
            }
        }
        if (idle < 0)
            break;
        if (m_queue.isEmpty() && !m_journalExhausted) {
            Result<QVector<JobItem>> taken = claim();
            if (taken.ok() && taken.value().isEmpty()) {
                // Retries recorded but not committed yet are pending too.
                const Status flushed = flushOutcomes();
                if (!flushed.ok()) {
                    fail(flushed.error());
                    return;
                }
                taken = claim();
            }
            if (!taken.ok()) {
                fail(taken.error());
                return;
            }
            m_queue = taken.takeValue();
            m_journalExhausted = m_queue.isEmpty();
        }
        qsizetype pick = -1;
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            if (!blocked(m_queue.at(i), i)) {
                pick = i;
                break;
            }
        }
        if (pick < 0)
            break;
        const JobItem item = m_queue.takeAt(pick);
        if (skipIfCopyFailed(item))
            continue;
        dispatch(m_workers[idle], idle, item);
    }
    maybeFinish();
}

bool JobRunner::skipIfCopyFailed(const JobItem &item)
{
    const auto failed = m_failedCopies.constFind(item.destinationPath);
    if (failed == m_failedCopies.cend())
        return false;
    ItemOutcome outcome;
    outcome.itemId = item.id;
    outcome.jobId = item.jobId;
    outcome.state = ItemState::Skipped;
    // The kind marks it for retryFailed(); the report shows the reason.
    outcome.error = Error(*failed, QString());
    outcome.reason = item.action == ItemAction::Delete
        ? tr("skipped: its copy failed, so the source was kept")
        : tr("skipped: its copy failed");
    ++m_progress.itemsSkipped;
    m_outcomes.append(outcome);
    return true;
}

void JobRunner::requeueDependents(const JobItem &copy)
{
    for (qsizetype i = m_queue.size() - 1; i >= 0; --i) {
        const JobItem &queued = m_queue.at(i);
        if (queued.id == copy.id || queued.destinationPath != copy.destinationPath)
            continue;
        ItemOutcome back;
        back.itemId = queued.id;
        back.jobId = queued.jobId;
        back.state = ItemState::Pending;
        m_outcomes.append(back);
        m_queue.removeAt(i);
        m_journalExhausted = false;
    }
}

int JobRunner::nextClaimSize(int current, int workers, qint64 msSinceLastClaim)
{
    const int least = 2 * qMax(1, workers);
    const int most = qMax(least, kMaxClaim);
    int next = qBound(least, current, most);
    if (msSinceLastClaim >= 0 && msSinceLastClaim < kClaimFastMs)
        next *= 2;
    else if (msSinceLastClaim > kClaimSlowMs)
        next /= 2;
    return qBound(least, next, most);
}

Result<QVector<JobItem>> JobRunner::claim()
{
    const qint64 now = m_clock.elapsed();
    if (m_lastClaimAt >= 0)
        m_claimSize = nextClaimSize(m_claimSize, m_workerCount, now - m_lastClaimAt);
    m_lastClaimAt = now;
    ++m_claims;
    return m_journal.takePending(m_jobId, qMax(m_claimSize, 2 * m_workerCount));
}

void JobRunner::dispatch(Worker &worker, int index, const JobItem &item)
{
    Q_UNUSED(index)
    worker.busy = true;
    worker.item = item;
    worker.bytesOfItem = 0;
    ++m_tries[item.id];
    m_started.append(item.id); // journaled with the next flush
    JobItem run = item;
    if ((run.action == ItemAction::Verify || (run.reverse && run.action == ItemAction::Delete))
        && run.checksum.isEmpty())
        run.checksum = m_copyChecksums.value(run.destinationPath);
    worker.item = run;
    TransferWorker *object = worker.object;
    const std::shared_ptr<BandwidthLimiter> limiter = m_limiter;
    const JobKind kind = m_kind;
    QMetaObject::invokeMethod(
        object, [object, run, limiter, kind] { object->run(run, limiter, kind); }, Qt::QueuedConnection);
}

void JobRunner::workerFinishedItem(int index, const JobItem &item, const ItemOutcome &reported,
                                   const Error &jobStop)
{
    if (index < 0 || index >= m_workers.size() || !m_workers.at(index).busy)
        return;
    Worker &worker = m_workers[index];
    worker.busy = false;
    worker.bytesOfItem = 0;
    ItemOutcome outcome = reported;
    const bool failed = outcome.state == ItemState::Failed;
    if (failed && (isSignIn(outcome.error) || jobStop)) {
        // Not this item's fault, and not a try: it waits, with the whole job, for the user.
        --m_tries[item.id];
        if (!m_stopping) {
            const Error why = jobStop
                ? jobStop
                : Error(Error::Kind::AuthRevoked,
                        tr("%1 The job was paused; resume it once you have signed in again.")
                            .arg(outcome.error.message()),
                        outcome.error.detail());
            stop(why);
        }
        qCInfo(lcTransfer) << "item" << item.id
                           << "waits for the job to be resumed:" << outcome.error.toString();
        outcome.state = ItemState::Pending;
        outcome.error = Error();
    } else if (outcome.state == ItemState::Failed && outcome.error.kind() == Error::Kind::RateLimited) {
        // Never a failure, and not a try: the item waits for the budget with the whole job.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime until = outcome.error.retryAt();
        if (!until.isValid() || until <= now)
            until = now.addMSecs(kDefaultHoldMs);
        if (!m_holdUntil.isValid() || until > m_holdUntil)
            m_holdUntil = until;
        qCInfo(lcTransfer) << "item" << item.id << "waits for the API budget until" << m_holdUntil;
        --m_tries[item.id];
        outcome.state = ItemState::Pending;
        outcome.error = Error();
        updateWaiting();
    } else if (outcome.state == ItemState::Failed && outcome.error.kind() == Error::Kind::Cancelled) {
        outcome.state = ItemState::Pending; // cancelled, not failed: a later run does it
        outcome.error = Error();
    } else if (outcome.state == ItemState::Failed && outcome.error.isTransient()
               && m_tries.value(item.id) < m_policies.maxAttempts) {
        qCInfo(lcTransfer) << "item" << item.id << "will be tried again:" << outcome.error.toString();
        outcome.state = ItemState::Pending;
    } else if (outcome.state == ItemState::Failed) {
        qCWarning(lcTransfer) << "item" << item.id << "failed:" << outcome.error.toString();
    }
    if (outcome.state == ItemState::Done && !outcome.checksum.isEmpty() && item.action != ItemAction::Verify)
        m_copyChecksums.insert(item.destinationPath, outcome.checksum); // for the Verify after it
    if (isCopy(item.action) && outcome.state == ItemState::Pending)
        requeueDependents(item);
    else if (isCopy(item.action) && outcome.state == ItemState::Failed)
        m_failedCopies.insert(item.destinationPath,
                              outcome.error ? outcome.error.kind() : Error::Kind::Internal);
    switch (outcome.state) {
    case ItemState::Done:
        ++m_progress.itemsDone;
        m_bytesFinished += outcome.bytesDone;
        break;
    case ItemState::Failed:
        ++m_progress.itemsFailed;
        break;
    case ItemState::Pending:
        m_journalExhausted = false;
        break;
    case ItemState::Skipped:
        ++m_progress.itemsSkipped;
        break;
    case ItemState::InFlight:
        break;
    }
    m_outcomes.append(outcome);
    if (m_outcomes.size() >= kOutcomeBatch) {
        const Status flushed = flushOutcomes();
        if (!flushed.ok()) {
            fail(flushed.error());
            return;
        }
    }
    fill();
}

void JobRunner::workerMovedBytes(int index, qint64 bytesOfItem)
{
    if (index >= 0 && index < m_workers.size() && m_workers.at(index).busy)
        m_workers[index].bytesOfItem = bytesOfItem;
}

Status JobRunner::flushOutcomes()
{
    if (m_apiCallCounter && m_jobId > 0) {
        // Approximate when other jobs or browsing share the connection's meter meanwhile.
        const qint64 spent = m_apiCallCounter() - m_apiCallBaseline;
        if (spent > m_apiCallsRecorded && m_journal.addApiCalls(m_jobId, spent - m_apiCallsRecorded).ok())
            m_apiCallsRecorded = spent;
    }
    if (m_outcomes.isEmpty() && m_started.isEmpty())
        return Done{};
    // One transaction: the items workers started (for the user: claimed is not yet running), then
    // what became of items (an item started and done within one flush ends done).
    const Status recorded = m_journal.atomically([this](Journal &journal) -> Status {
        const Status marked = journal.markStarted(m_started);
        return marked.ok() ? journal.recordOutcomes(m_outcomes) : marked;
    });
    if (recorded.ok()) {
        m_outcomes.clear();
        m_started.clear();
    }
    return recorded;
}

qint64 JobRunner::inFlightCount() const
{
    qint64 count = 0;
    for (const Worker &worker : m_workers)
        count += worker.busy ? 1 : 0;
    return count;
}

void JobRunner::updateWaiting()
{
    if (!m_running || m_paused || m_cancelling || m_stopping)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime until = holding() ? m_holdUntil : QDateTime();
    if (m_meter) {
        const QDateTime held = m_meter->snapshot().waitingUntil;
        if (held.isValid() && held > now && (!until.isValid() || held > until))
            until = held;
    }
    if (until.isValid() && now.msecsTo(until) < kShowWaitingAfterMs && m_progress.state != JobState::Waiting)
        until = QDateTime();
    const JobState state = until.isValid() ? JobState::Waiting : JobState::Running;
    m_progress.waitingUntil = until;
    if (state == m_progress.state)
        return;
    m_progress.state = state;
    qCInfo(lcTransfer) << "job" << m_jobId << (until.isValid() ? "waits for the API budget until" : "goes on")
                       << until;
    const Status stored = m_journal.setJobState(m_jobId, state);
    if (!stored.ok())
        qCWarning(lcTransfer) << "could not record the job's state:" << stored.error().toString();
    publishProgress(true);
}

void JobRunner::publishProgress(bool force)
{
    m_progress.itemsInFlight = inFlightCount();
    qint64 bytes = m_bytesFinished;
    for (const Worker &worker : std::as_const(m_workers))
        bytes += worker.busy ? worker.bytesOfItem : 0;
    m_progress.bytesDone = bytes;
    m_progress.bytesMetered = m_limiter ? m_limiter->bytesAccounted() : 0;
    if (m_apiCallCounter)
        m_progress.apiCalls = m_apiCallsBefore + m_apiCallCounter() - m_apiCallBaseline;
    const qint64 now = m_clock.elapsed();
    m_samples.emplace_back(now, bytes);
    while (m_samples.size() > 2 && now - m_samples.front().first > kSpeedWindowMs)
        m_samples.pop_front();
    const qint64 spanMs = now - m_samples.front().first;
    m_progress.bytesPerSecond = spanMs > 0 ? (bytes - m_samples.front().second) * 1000 / spanMs : 0;
    const qint64 left = qMax<qint64>(0, m_progress.bytesTotal - bytes);
    m_progress.etaSeconds =
        m_progress.bytesPerSecond > 0 ? left / m_progress.bytesPerSecond : (left == 0 ? 0 : -1);
    if (!force && m_progress == m_published)
        return;
    m_published = m_progress;
    RunnerListener *listener = m_listener;
    const EngineProgress progress = m_progress;
    QMetaObject::invokeMethod(
        m_listenerContext, [listener, progress] { listener->runnerProgress(progress); },
        Qt::QueuedConnection);
}

void JobRunner::shutdown()
{
    for (Worker &worker : m_workers) {
        TransferWorker *object = worker.object;
        QMetaObject::invokeMethod(
            object, [object] { object->shutdown(); }, Qt::BlockingQueuedConnection);
        worker.thread->quit();
        worker.thread->wait();
        delete worker.object;
        delete worker.thread;
    }
    m_workers.clear();
    // What finished is recorded; what was in flight stays so, and is verified on the next start.
    const Status flushed = flushOutcomes();
    if (!flushed.ok())
        qCWarning(lcTransfer) << "outcomes lost at shutdown:" << flushed.error().toString();
    m_flushTimer.stop();
    m_progressTimer.stop();
    m_running = false;
}

} // namespace trestle
