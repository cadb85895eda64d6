#include "core/jobs/jobqueue.h"
#include "core/jobs/jobqueueentry.h"

#include "core/api/ratelimitmeter.h"
#include "core/common/logging.h"
#include "core/db/reportexporter.h"
#include "core/jobs/itempagereader.h"
#include "core/jobs/plansummaryreader.h"
#include "core/store/store.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/storeresolver.h"
#include "core/transfer/transferengine.h"

#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>

namespace trestle {

using jobqueue::isSignIn;
using jobqueue::isStopCause;

namespace {

// Objects deleted from inside their own signal handlers must outlive the handler.
template<typename T>
void releaseLater(std::unique_ptr<T> &object)
{
    if (object)
        object.release()->deleteLater();
}

EngineProgress progressOf(const JobRecord &record)
{
    EngineProgress progress;
    progress.jobId = record.id;
    progress.state = record.state;
    progress.itemsTotal = record.itemsTotal;
    progress.itemsDone = record.itemsDone;
    progress.itemsFailed = record.itemsFailed;
    progress.itemsSkipped = record.itemsSkipped;
    progress.bytesTotal = record.bytesTotal;
    progress.bytesDone = record.bytesDone;
    progress.apiCalls = record.apiCalls;
    return progress;
}

Error cancelledError()
{
    return Error(Error::Kind::Cancelled, JobQueue::tr("The job was cancelled."));
}

} // namespace

JobQueue::JobQueue(Database &database, StoreResolver &resolver, QObject *parent)
    : QObject(parent), m_database(database), m_resolver(resolver), m_journal(database)
{
    connect(&m_schedules, &ScheduleTimer::due, this, &JobQueue::fireSchedule);
}

JobQueue::~JobQueue()
{
    // Engines first (their workers stop; items in flight stay in flight), then planners and stores.
    for (auto &[id, job] : m_jobs) {
        if (job->engine)
            job->engine->disconnect(this);
        job->engine.reset();
        if (job->planner)
            job->planner->disconnect(this);
        job->planner.reset();
    }
}

JobQueue::Entry *JobQueue::find(qint64 jobId) const
{
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

JobQueue::Entry &JobQueue::add(const JobRecord &record, bool emitAdded)
{
    auto entry = std::make_unique<Entry>();
    entry->record = record;
    entry->progress = progressOf(record);
    Entry &job = *entry;
    m_jobs[record.id] = std::move(entry);
    if (emitAdded)
        Q_EMIT jobAdded(job.record);
    return job;
}

void JobQueue::refresh(Entry &job)
{
    Result<JobRecord> record = m_journal.job(job.record.id);
    if (!record.ok()) {
        qCWarning(lcTransfer) << "job" << job.record.id << "could not be read:" << record.error().toString();
        return;
    }
    job.record = record.takeValue();
    const EngineProgress running = job.progress;
    job.progress = progressOf(job.record);
    if (job.engine) {
        job.progress.bytesPerSecond = running.bytesPerSecond;
        job.progress.etaSeconds = running.etaSeconds;
        job.progress.waitingUntil = running.waitingUntil;
    }
}

// Shows `state` without writing it to the journal (the engine or the planner records it).
void JobQueue::show(Entry &job, JobState state)
{
    if (job.record.state == state)
        return;
    job.record.state = state;
    job.progress.state = state;
    if (state != JobState::Waiting)
        job.progress.waitingUntil = QDateTime();
    Q_EMIT jobChanged(job.record);
}

void JobQueue::setState(Entry &job, JobState state, const Error &error)
{
    const Status stored = m_journal.setJobState(job.record.id, state, error);
    if (!stored.ok())
        qCWarning(lcTransfer) << "job" << job.record.id << "state not recorded:" << stored.error().toString();
    refresh(job);
    job.record.state = state; // even when the journal refused: the queue acts on it
    job.progress.state = state;
    Q_EMIT jobChanged(job.record);
}

void JobQueue::finishStep(Entry &job, JobState state, const Error &error)
{
    job.holdsSlot = false;
    job.preparing = false;
    releaseLater(job.planner);
    releaseLater(job.source);
    releaseLater(job.destination);
    setState(job, state, error);
    Q_EMIT jobFinished(job.record.id, state == JobState::Done ? Error() : error);
    scheduleLater();
}

void JobQueue::restore()
{
    Result<QVector<JobRecord>> stored = m_journal.jobs();
    if (!stored.ok()) {
        qCWarning(lcTransfer) << "the journal's jobs could not be read:" << stored.error().toString();
        return;
    }
    const QVector<JobRecord> &records = stored.value();
    // Oldest first, so older unfinished jobs get the free slots first.
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        JobRecord record = *it;
        if (find(record.id))
            continue;
        if (record.state == JobState::Planning) {
            // An interrupted plan wrote only some items; the job is planned again from scratch.
            JobRecord fresh = record;
            fresh.id = 0;
            fresh.state = JobState::Queued;
            fresh.itemsTotal = fresh.itemsDone = fresh.itemsFailed = fresh.itemsSkipped = 0;
            fresh.bytesTotal = fresh.bytesDone = fresh.apiCalls = 0;
            Status removed = m_journal.removeJob(record.id);
            Result<qint64> created =
                removed.ok() ? m_journal.createJob(fresh) : Result<qint64>(removed.error());
            Result<JobRecord> reread =
                created.ok() ? m_journal.job(created.value()) : Result<JobRecord>(created.error());
            if (!reread.ok()) {
                qCWarning(lcTransfer) << "interrupted plan of job" << record.id
                                      << "could not be redone:" << reread.error().toString();
                continue;
            }
            record = reread.takeValue();
        }
        Entry &job = add(record, false);
        switch (record.state) {
        case JobState::Running:
        case JobState::Waiting:
            // Resumed when a slot is free; the journal keeps its state until the engine starts.
            job.planned = true;
            job.record.state = JobState::Queued;
            job.progress.state = JobState::Queued;
            break;
        case JobState::Queued:
            job.planned = record.itemsTotal > 0;
            break;
        case JobState::Planned: {
            job.planned = true;
            Result<PlanSummary> summary = PlanSummaryReader::read(m_database, record.id, record.kind);
            if (summary.ok()) {
                job.summary = summary.takeValue();
                job.hasSummary = true;
            }
            break;
        }
        case JobState::Paused:
            job.planned = true;
            // Paused by the engine before the restart: still waiting for what it waited for.
            if (isStopCause(record.lastErrorKind) && !record.lastError.isEmpty()) {
                job.stopReason = Error(record.lastErrorKind, record.lastError);
                if (isSignIn(record.lastErrorKind)) {
                    for (const QString &connection : signInConnections(record))
                        m_signInNeeded.insert(connection);
                }
            }
            break;
        default:
            job.planned = true;
            break;
        }
        Q_EMIT jobAdded(job.record);
    }
    scheduleLater();
}

qint64 JobQueue::submit(const JobSpec &spec, bool previewFirst)
{
    const JobRecord record = spec.toRecord();
    Result<qint64> created = m_journal.createJob(record);
    if (!created.ok()) {
        qCWarning(lcTransfer) << "a job could not be stored:" << created.error().toString();
        const Error error = created.error();
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT jobFinished(0, error); }, Qt::QueuedConnection);
        return 0;
    }
    const qint64 jobId = created.value();
    Result<JobRecord> stored = m_journal.job(jobId);
    Entry &job = add(stored.ok() ? stored.value() : record, true);
    job.record.id = jobId;
    if (previewFirst) {
        job.previewRequested = true;
        // Planned at once, slot or not: the user is waiting for the preview. After the caller
        // has the id, so every signal about the job names a job it knows.
        QPointer<JobQueue> self(this);
        QMetaObject::invokeMethod(
            this,
            [self, jobId] {
                if (!self)
                    return;
                Entry *job = self->find(jobId);
                if (job && job->record.state == JobState::Queued && !job->planner && !job->preparing) {
                    job->previewRequested = false;
                    self->plan(*job, false);
                }
            },
            Qt::QueuedConnection);
    } else {
        scheduleLater();
    }
    return jobId;
}

void JobQueue::startPlanned(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || job->record.state != JobState::Planned)
        return;
    // Queued with its items in the journal: a restart sees a planned job waiting for a slot.
    setState(*job, JobState::Queued);
    scheduleLater();
}

void JobQueue::discard(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || job->engine || isFinished(job->record.state))
        return;
    const JobState state = job->record.state;
    if (state != JobState::Planned && state != JobState::Planning && state != JobState::Queued)
        return;
    const Status removed = m_journal.removeJob(jobId);
    if (!removed.ok())
        qCWarning(lcTransfer) << "job" << jobId << "could not be removed:" << removed.error().toString();
    removeEntry(jobId);
}

void JobQueue::removeEntry(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job)
        return;
    const bool heldSlot = job->holdsSlot;
    if (job->planner) {
        job->planner->disconnect(this);
        job->planner->cancel();
    }
    releaseLater(job->planner);
    releaseLater(job->source);
    releaseLater(job->destination);
    m_jobs.erase(jobId);
    Q_EMIT jobRemoved(jobId);
    if (heldSlot)
        scheduleLater();
}

void JobQueue::pause(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || !job->engine)
        return;
    if (job->record.state != JobState::Running && job->record.state != JobState::Waiting)
        return;
    // The runner records Paused in the journal; a paused job lets a queued one use its slot.
    job->engine->pause();
    job->holdsSlot = false;
    show(*job, JobState::Paused);
    scheduleLater();
}

void JobQueue::resume(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || job->record.state != JobState::Paused || job->preparing)
        return;
    // The user asked for this job: it runs even when every slot is taken. A job the engine
    // paused goes on: the user says its cause is gone (signed in again, space freed). Its
    // connections' hold goes once they prove usable (runPrepared()).
    job->stopReason = Error();
    job->holdsSlot = true;
    if (job->engine) {
        job->engine->resume();
        show(*job, JobState::Running);
    } else {
        run(*job, false); // restored paused: a new engine resumes from the journal
    }
}

void JobQueue::cancel(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || isFinished(job->record.state))
        return;
    job->cancelRequested = true;
    if (job->engine) {
        job->engine->cancel(); // engineFinished() records it
        return;
    }
    if (job->planner) {
        job->planner->cancel(); // planFinished() records it
        return;
    }
    ++job->generation; // a prepare still under way is ignored when it answers
    finishStep(*job, JobState::Cancelled, cancelledError());
}

void JobQueue::retryFailed(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || job->engine || job->planner || job->preparing)
        return;
    if (job->record.state != JobState::Failed && job->record.state != JobState::Cancelled)
        return;
    if (!job->planned || job->record.itemsTotal == 0)
        return; // failed or cancelled while planning: nothing to retry
    job->cancelRequested = false;
    job->holdsSlot = true;
    run(*job, true);
}

void JobQueue::remove(qint64 jobId)
{
    Entry *job = find(jobId);
    if (!job || !isFinished(job->record.state) || job->engine || job->planner || job->preparing)
        return;
    const Status removed = m_journal.removeJob(jobId);
    if (!removed.ok()) {
        qCWarning(lcTransfer) << "job" << jobId << "could not be removed:" << removed.error().toString();
        return;
    }
    removeEntry(jobId);
}

void JobQueue::clearFinished()
{
    QVector<qint64> finished;
    for (const auto &[id, job] : m_jobs) {
        if (isFinished(job->record.state) && !job->engine && !job->planner && !job->preparing)
            finished.append(id);
    }
    for (qint64 id : std::as_const(finished))
        remove(id);
}

void JobQueue::setMaxRunningJobs(int jobs)
{
    m_maxRunning = qMax(1, jobs);
    scheduleLater();
}

void JobQueue::setWorkersPerJob(int workers)
{
    m_workersPerJob = qBound(1, workers, 64);
}

QVector<JobRecord> JobQueue::jobs() const
{
    QVector<JobRecord> records;
    records.reserve(int(m_jobs.size()));
    for (auto it = m_jobs.crbegin(); it != m_jobs.crend(); ++it)
        records.append(it->second->record);
    return records;
}

bool JobQueue::contains(qint64 jobId) const
{
    return find(jobId) != nullptr;
}

JobRecord JobQueue::job(qint64 jobId) const
{
    const Entry *job = find(jobId);
    return job ? job->record : JobRecord();
}

EngineProgress JobQueue::progress(qint64 jobId) const
{
    const Entry *job = find(jobId);
    return job ? job->progress : EngineProgress();
}

PlanSummary JobQueue::plan(qint64 jobId) const
{
    const Entry *job = find(jobId);
    return job && job->hasSummary ? job->summary : PlanSummary();
}

int JobQueue::runningCount() const
{
    int count = 0;
    for (const auto &[id, job] : m_jobs) {
        if (job->holdsSlot)
            ++count;
    }
    return count;
}

Result<QVector<JobItem>> JobQueue::items(qint64 jobId, qint64 afterOrderKey, int limit) const
{
    return m_journal.items(jobId, afterOrderKey, limit);
}

ItemPageReader &JobQueue::itemPageReader()
{
    if (!m_itemPageReader)
        m_itemPageReader = std::make_unique<ItemPageReader>(m_database);
    return *m_itemPageReader;
}

Result<QVector<JobItem>> JobQueue::renamedItems(qint64 jobId, int limit) const
{
    return PlanSummaryReader::renamedItems(m_database, jobId, limit);
}

Status JobQueue::exportReport(qint64 jobId, const QString &filePath) const
{
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    const bool html = suffix == QLatin1String("html") || suffix == QLatin1String("htm");
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Kind::LocalIo, tr("The report could not be written to “%1”.").arg(filePath),
                     file.errorString());
    ReportExporter exporter(m_database);
    const Status written = html ? exporter.writeHtml(jobId, &file) : exporter.writeCsv(jobId, &file);
    if (!written.ok()) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error(Error::Kind::LocalIo, tr("The report could not be written to “%1”.").arg(filePath),
                     file.errorString());
    return Done();
}

void JobQueue::scheduleLater()
{
    if (m_scheduleQueued)
        return;
    m_scheduleQueued = true;
    QMetaObject::invokeMethod(this, &JobQueue::schedule, Qt::QueuedConnection);
}

void JobQueue::schedule()
{
    m_scheduleQueued = false;
    refreshSchedules();
    // Oldest first (ids grow with time).
    for (auto &[id, job] : m_jobs) {
        if (runningCount() >= m_maxRunning)
            return;
        if (job->record.state != JobState::Queued || job->holdsSlot || job->preparing || job->planner
            || job->engine || job->previewRequested)
            continue;
        if (heldForSignIn(job->record))
            continue; // it would fail the same way: it waits for connectionSignedIn()
        job->holdsSlot = true;
        if (job->planned)
            run(*job, false);
        else
            plan(*job, true);
    }
}

void JobQueue::prepareBoth(qint64 jobId, std::function<void(Entry &)> ready)
{
    Entry *job = find(jobId);
    if (!job)
        return;
    job->preparing = true;
    const quint64 generation = job->generation;
    const QString source = job->record.sourceConnection;
    const QString destination = job->record.destinationConnection;
    QPointer<JobQueue> self(this);
    // The entry may be gone (discarded) or the step cancelled by the time an answer comes.
    auto current = [self, jobId, generation]() -> Entry * {
        if (!self)
            return nullptr;
        Entry *job = self->find(jobId);
        return job && job->generation == generation && job->preparing ? job : nullptr;
    };
    auto failed = [self](Entry &job, const Error &error) {
        if (job.planned && isSignIn(error.kind())) {
            // A planned job (a resume, a queued run) whose connection needs a new sign-in waits
            // paused for it, as when the engine stops it; it does not fail.
            job.preparing = false;
            job.holdsSlot = false;
            self->setState(job, JobState::Paused, error);
            self->stopped(job, error);
            return;
        }
        self->finishStep(job, JobState::Failed, error);
    };
    // One after the other: a Procore connection may read its tokens from the keychain.
    m_resolver.prepare(source, [self, current, failed, ready, destination](const Error &error) {
        Entry *job = current();
        if (!job)
            return;
        if (error) {
            failed(*job, error);
            return;
        }
        if (destination.isEmpty()) {
            job->preparing = false;
            ready(*job);
            return;
        }
        self->m_resolver.prepare(destination, [current, failed, ready](const Error &destinationError) {
            Entry *job = current();
            if (!job)
                return;
            if (destinationError) {
                failed(*job, destinationError);
                return;
            }
            job->preparing = false;
            ready(*job);
        });
    });
}

void JobQueue::plan(Entry &job, bool thenRun)
{
    job.cancelRequested = false;
    show(job, JobState::Planning);
    prepareBoth(job.record.id, [this, thenRun](Entry &prepared) { planPrepared(prepared, thenRun); });
}

void JobQueue::planPrepared(Entry &job, bool thenRun)
{
    Result<JobSpec> spec = JobSpec::fromRecord(job.record);
    if (!spec.ok()) {
        finishStep(job, JobState::Failed, spec.error());
        return;
    }
    const bool analyze = spec.value().kind == JobKind::Analyze;
    Error error;
    job.source = m_resolver.openStore(job.record.sourceConnection, &error);
    if (job.source && !analyze)
        job.destination = m_resolver.openStore(job.record.destinationConnection, &error);
    if (!job.source || (!analyze && !job.destination)) {
        finishStep(job, JobState::Failed, error);
        return;
    }
    job.planner = std::make_unique<JobPlanner>(spec.takeValue(), job.source.get(), job.destination.get());
    job.planner->setJournal(&m_journal, job.record.id);
    if (m_hourlyBudget > 0)
        job.planner->setHourlyBudget(m_hourlyBudget);
    const qint64 jobId = job.record.id;
    connect(job.planner.get(), &JobPlanner::finished, this,
            [this, jobId, thenRun](const Error &planError) { planFinished(jobId, thenRun, planError); });
    job.planner->start();
}

void JobQueue::planFinished(qint64 jobId, bool thenRun, const Error &error)
{
    Entry *job = find(jobId);
    if (!job || !job->planner)
        return;
    job->summary = job->planner->summary();
    job->hasSummary = true;
    releaseLater(job->planner);
    releaseLater(job->source);
    releaseLater(job->destination);
    if (job->cancelRequested) {
        finishStep(*job, JobState::Cancelled, cancelledError());
        return;
    }
    if (error) {
        finishStep(*job, JobState::Failed, error);
        return;
    }
    if (job->record.kind == JobKind::Analyze) {
        finishStep(*job, JobState::Done, Error());
        return;
    }
    job->planned = true;
    refresh(*job);
    if (thenRun) {
        run(*job, false);
        return;
    }
    Q_EMIT jobChanged(job->record);
    Q_EMIT planReady(jobId, job->summary);
}

void JobQueue::run(Entry &job, bool retry)
{
    job.cancelRequested = false;
    prepareBoth(job.record.id, [this, retry](Entry &prepared) { runPrepared(prepared, retry); });
}

void JobQueue::runPrepared(Entry &job, bool retry)
{
    const qint64 jobId = job.record.id;
    // Prepared: the connections are signed in (again), so their other jobs may start too.
    bool released = false;
    for (const QString &connection : signInConnections(job.record))
        released = m_signInNeeded.remove(connection) || released;
    if (released)
        scheduleLater();
    StoreFactory sourceFactory = m_resolver.factory(job.record.sourceConnection);
    StoreFactory destinationFactory = m_resolver.factory(job.record.destinationConnection);
    if (!sourceFactory || !destinationFactory) {
        finishStep(job, JobState::Failed,
                   Error(Error::Kind::Config, tr("The job’s connections are not available.")));
        return;
    }
    // The runner refuses a job still marked Queued (an unplanned job); this one has every item.
    Result<JobRecord> stored = m_journal.job(jobId);
    if (stored.ok() && stored.value().state == JobState::Queued) {
        const Status planned = m_journal.setJobState(jobId, JobState::Planned);
        if (!planned.ok()) {
            finishStep(job, JobState::Failed, planned.error());
            return;
        }
    }
    job.engine =
        std::make_unique<TransferEngine>(m_database, sourceFactory, destinationFactory, m_workersPerJob);
    RateLimitMeter *meter = m_resolver.meter(job.record.destinationConnection);
    if (!meter)
        meter = m_resolver.meter(job.record.sourceConnection);
    if (meter) {
        job.engine->setApiCallCounter([meter] { return meter->totalAcquired(); });
        // While the budget is spent the engine reports Waiting with waitingUntil; it passes
        // through engineProgress() unchanged.
        job.engine->setRateLimitMeter(meter);
    }
    connect(job.engine.get(), &TransferEngine::progress, this,
            [this, jobId](const EngineProgress &progress) { engineProgress(jobId, progress); });
    connect(job.engine.get(), &TransferEngine::finished, this,
            [this, jobId](qint64, const Error &error) { engineFinished(jobId, error); });
    // Started before the change is announced, so a pause or cancel asked for in answer to it is
    // queued to the engine behind the start.
    if (retry)
        job.engine->retryFailed(jobId);
    else
        job.engine->start(jobId);
    show(job, JobState::Running);
}

void JobQueue::engineProgress(qint64 jobId, const EngineProgress &progress)
{
    Entry *job = find(jobId);
    if (!job || !job->engine)
        return;
    job->progress = progress;
    JobRecord &record = job->record;
    record.itemsTotal = progress.itemsTotal;
    record.itemsDone = progress.itemsDone;
    record.itemsFailed = progress.itemsFailed;
    record.itemsSkipped = progress.itemsSkipped;
    record.bytesTotal = progress.bytesTotal;
    record.bytesDone = progress.bytesDone;
    record.apiCalls = progress.apiCalls;
    // The end is reported by engineFinished() from the journal; a pause asked for here is shown
    // already. Waiting (and waitingUntil) pass through as the engine says.
    const bool stateChanged = !isFinished(progress.state) && progress.state != record.state
        && !(record.state == JobState::Paused && progress.state == JobState::Running);
    if (stateChanged) {
        record.state = progress.state;
        Q_EMIT jobChanged(record);
    } else {
        job->progress.state = record.state;
    }
    Q_EMIT jobProgress(job->progress);
}

void JobQueue::engineFinished(qint64 jobId, const Error &error)
{
    Entry *job = find(jobId);
    if (!job || !job->engine)
        return;
    releaseLater(job->engine);
    job->holdsSlot = false;
    job->cancelRequested = false;
    refresh(*job);
    if (job->record.state == JobState::Paused && error && isStopCause(error.kind())) {
        stopped(*job, error);
        return;
    }
    Q_EMIT jobProgress(job->progress);
    Q_EMIT jobChanged(job->record);
    Q_EMIT jobFinished(jobId, error);
    scheduleLater();
}

} // namespace trestle
