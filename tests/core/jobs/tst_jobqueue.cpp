#include "../transfer/transfertesthelpers.h"
#include "core/api/ratelimitmeter.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/jobs/jobqueue.h"
#include "core/store/localstore.h"
#include "core/transfer/storeresolver.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

namespace {

// A store job that fails with `error` once started.
class FailedJob final : public StoreJob
{
public:
    explicit FailedJob(Error error) : m_failure(std::move(error)) { }

protected:
    void doStart() override { emitResult(m_failure); }

private:
    Error m_failure;
};

// A local folder standing in for a Procore project whose sign-in can be revoked: while `revoked`
// every write fails with AuthRevoked, as ProcoreStore's do when the refresh token is dead.
class RevocableStore final : public Store
{
public:
    RevocableStore(const QString &root, std::shared_ptr<QAtomicInt> revoked)
        : m_inner(root), m_revoked(std::move(revoked))
    { }

    QString displayName() const override { return m_inner.displayName(); }
    StoreLimits limits() const override { return m_inner.limits(); }
    Capabilities capabilities() const override { return NoCapabilities; }
    ListJob *list(const StorePath &folder) override { return m_inner.list(folder); }
    StatJob *stat(const StorePath &path) override { return m_inner.stat(path); }
    StoreJob *makeFolder(const StorePath &path) override
    {
        return m_revoked->loadAcquire() ? new FailedJob(revokedError()) : m_inner.makeFolder(path);
    }
    StoreJob *move(const StorePath &from, const StorePath &to) override { return m_inner.move(from, to); }
    StoreJob *remove(const StorePath &path, RemoveMode mode) override { return m_inner.remove(path, mode); }
    StoreJob *readInto(const StorePath &path, QIODevice *sink) override
    {
        return m_inner.readInto(path, sink);
    }
    StoreJob *writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                        WriteMode mode) override
    {
        return m_revoked->loadAcquire() ? new FailedJob(revokedError())
                                        : m_inner.writeFrom(path, source, size, mtime, mode);
    }

private:
    static Error revokedError()
    {
        return Error(Error::Kind::AuthRevoked, QStringLiteral("Sign in again to Remote."));
    }

    LocalStore m_inner;
    std::shared_ptr<QAtomicInt> m_revoked;
};

// "local:" connections as LocalStoreResolver has them, and "remote:<folder>" ones on a
// RevocableStore, with an API budget (a meter) like a Procore connection's.
class RevocableResolver final : public StoreResolver
{
public:
    static QString remote(const QString &folder) { return QStringLiteral("remote:") + folder; }
    std::shared_ptr<QAtomicInt> revoked = std::make_shared<QAtomicInt>(0);
    bool signedOut = false; // prepare() refuses, as ConnectionStores does without a valid sign-in

    Error parseEndpoint(const QString &argument, QString *connection, QString *path) override
    {
        return m_local.parseEndpoint(argument, connection, path);
    }
    void prepare(const QString &connection, std::function<void(const Error &)> done) override
    {
        if (isRemote(connection))
            done(signedOut ? Error(Error::Kind::AuthRevoked, QStringLiteral("Sign in again to Remote."))
                           : Error());
        else
            m_local.prepare(connection, std::move(done));
    }
    std::unique_ptr<Store> openStore(const QString &connection, Error *error) override
    {
        if (isRemote(connection))
            return factory(connection)();
        return m_local.openStore(connection, error);
    }
    StoreFactory factory(const QString &connection) override
    {
        if (!isRemote(connection))
            return m_local.factory(connection);
        const QString root = connection.mid(7);
        const std::shared_ptr<QAtomicInt> flag = revoked;
        return [root, flag]() -> std::unique_ptr<Store> {
            return std::make_unique<RevocableStore>(root, flag);
        };
    }
    RateLimitMeter *meter(const QString &connection) override
    {
        // Static: the queue's engines are deleted later (deleteLater) and count calls until then.
        static RateLimitMeter budget;
        return isRemote(connection) ? &budget : nullptr;
    }
    QString displayName(const QString &connection) override { return connection; }

private:
    static bool isRemote(const QString &connection)
    {
        return connection.startsWith(QLatin1String("remote:"));
    }

    LocalStoreResolver m_local;
};

} // namespace

class TestJobQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void submitRunsAndCopies();
    void previewCountsMatchTheRun();
    void discardRemovesThePreview();
    void pauseAndResume();
    void cancelStopsTheJob();
    void retryFailedItems();
    void restoreResumesAnInterruptedJob();
    void restoreKeepsPausedAndPlannedJobs();
    void maxRunningJobsRespected();
    void reportExportsCsvAndHtml();
    void revokedSignInPausesAndHoldsTheConnection();
    void scheduledJobRunsAgainAtItsTime();

private:
    void makeTree(const QString &root, int count, int maxSize, quint32 seed);
    JobSpec spec(const QString &source, const QString &destination) const;
    std::unique_ptr<JobQueue> makeQueue();
    // Waits for the job's jobFinished and returns its error.
    Error waitFinished(JobQueue &queue, qint64 jobId, int timeoutMs = 60000);
    JobRecord journaled(qint64 jobId);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_src;
    QString m_dst;
    std::unique_ptr<Database> m_database;
    LocalStoreResolver m_resolver;
};

void TestJobQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_src = m_dir->filePath(QStringLiteral("src"));
    m_dst = m_dir->filePath(QStringLiteral("dst"));
    QVERIFY(QDir().mkpath(m_src) && QDir().mkpath(m_dst));
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
}

void TestJobQueue::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestJobQueue::makeTree(const QString &root, int count, int maxSize, quint32 seed)
{
    QRandomGenerator random(seed);
    for (int i = 0; i < count; ++i) {
        const QString rel = QStringLiteral("d%1/s%2/file-%3.bin").arg(i % 4).arg(i % 3).arg(i);
        QByteArray bytes(int(random.bounded(maxSize)) + 1, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        putFile(root, rel, bytes, fixedTime(i));
    }
}

JobSpec TestJobQueue::spec(const QString &source, const QString &destination) const
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = LocalStoreResolver::connectionFor(source);
    spec.destinationConnection = LocalStoreResolver::connectionFor(destination);
    spec.policies.conflicts = ConflictPolicy::SourceWins;
    return spec;
}

std::unique_ptr<JobQueue> TestJobQueue::makeQueue()
{
    return std::make_unique<JobQueue>(*m_database, m_resolver);
}

Error TestJobQueue::waitFinished(JobQueue &queue, qint64 jobId, int timeoutMs)
{
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    // A job may already be finished (its signal came before the spy).
    if (isFinished(queue.job(jobId).state))
        return Error();
    for (;;) {
        for (const QList<QVariant> &args : std::as_const(finished)) {
            if (args.at(0).toLongLong() == jobId)
                return args.at(1).value<Error>();
        }
        if (!finished.wait(timeoutMs))
            return Error(Error::Kind::Timeout, QStringLiteral("no jobFinished"));
    }
}

JobRecord TestJobQueue::journaled(qint64 jobId)
{
    Journal journal(*m_database);
    Result<JobRecord> record = journal.job(jobId);
    return record.ok() ? record.value() : JobRecord();
}

void TestJobQueue::submitRunsAndCopies()
{
    makeTree(m_src, 40, 8192, 1);
    auto queue = makeQueue();
    QSignalSpy added(queue.get(), &JobQueue::jobAdded);
    QSignalSpy progress(queue.get(), &JobQueue::jobProgress);
    const qint64 jobId = queue->submit(spec(m_src, m_dst), false);
    QVERIFY(jobId > 0);
    QCOMPARE(added.size(), 1);
    QCOMPARE(queue->job(jobId).state, JobState::Queued);
    const Error error = waitFinished(*queue, jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src)); // sha256 of every file
    QCOMPARE(queue->job(jobId).state, JobState::Done);
    QCOMPARE(journaled(jobId).state, JobState::Done);
    QVERIFY(queue->job(jobId).itemsDone > 40); // 40 files and their folders
    QVERIFY(!progress.isEmpty());
    QCOMPARE(queue->progress(jobId).itemsDone, queue->job(jobId).itemsDone);
    QCOMPARE(queue->jobs().size(), 1);
    QCOMPARE(queue->runningCount(), 0);
}

void TestJobQueue::previewCountsMatchTheRun()
{
    makeTree(m_src, 30, 4096, 2);
    // Half of it already there (same content and time: unchanged), one differs (replaced).
    makeTree(m_dst, 10, 4096, 2);
    putFile(m_dst, QStringLiteral("d1/s1/file-1.bin"), QByteArray("different"), fixedTime(1));
    auto queue = makeQueue();
    QSignalSpy planReady(queue.get(), &JobQueue::planReady);
    const qint64 jobId = queue->submit(spec(m_src, m_dst), true);
    QVERIFY(planReady.wait(30000));
    QCOMPARE(planReady.constFirst().at(0).toLongLong(), jobId);
    const PlanSummary summary = planReady.constFirst().at(1).value<PlanSummary>();
    QCOMPARE(queue->job(jobId).state, JobState::Planned);
    QCOMPARE(summary.filesNew, qint64(20));
    QCOMPARE(summary.filesReplaced, qint64(1));
    QCOMPARE(summary.unchanged, qint64(9));
    QCOMPARE(queue->plan(jobId).filesNew, summary.filesNew);
    // Nothing moved yet.
    QVERIFY(!QFile::exists(m_dst + QStringLiteral("/d2/s2/file-14.bin")));

    queue->startPlanned(jobId);
    const Error error = waitFinished(*queue, jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    const JobRecord done = journaled(jobId);
    QCOMPARE(done.state, JobState::Done);
    QCOMPARE(done.itemsTotal, summary.itemCount() + summary.skipped + summary.verifies);
    QCOMPARE(done.itemsDone, summary.itemCount());
    QCOMPARE(done.itemsSkipped, summary.skipped);
    QCOMPARE(done.bytesDone, summary.bytesToCopy);
}

void TestJobQueue::discardRemovesThePreview()
{
    makeTree(m_src, 10, 1024, 3);
    auto queue = makeQueue();
    QSignalSpy planReady(queue.get(), &JobQueue::planReady);
    QSignalSpy removed(queue.get(), &JobQueue::jobRemoved);
    const qint64 jobId = queue->submit(spec(m_src, m_dst), true);
    QVERIFY(planReady.wait(30000));
    queue->discard(jobId);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(0).toLongLong(), jobId);
    QVERIFY(!queue->contains(jobId));
    QVERIFY(queue->jobs().isEmpty());
    Journal journal(*m_database);
    QVERIFY(!journal.job(jobId).ok());
    QVERIFY(journal.jobs().value().isEmpty());
    QTest::qWait(100); // nothing runs afterwards
    QVERIFY(QDir(m_dst).isEmpty());
}

void TestJobQueue::pauseAndResume()
{
    makeTree(m_src, 150, 128 * 1024, 4);
    auto queue = makeQueue();
    queue->setWorkersPerJob(2);
    // Paused as soon as the queue says it runs (the pause is queued to the engine behind its start).
    bool paused = false;
    connect(queue.get(), &JobQueue::jobChanged, queue.get(), [&](const JobRecord &job) {
        if (job.state == JobState::Running && !paused) {
            paused = true;
            queue->pause(job.id);
        }
    });
    const qint64 jobId = queue->submit(spec(m_src, m_dst), false);
    QTRY_VERIFY_WITH_TIMEOUT(paused, 30000);
    QCOMPARE(queue->job(jobId).state, JobState::Paused);
    QCOMPARE(queue->runningCount(), 0); // a paused job holds no slot
    QTRY_VERIFY_WITH_TIMEOUT(journaled(jobId).state == JobState::Paused, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(queue->progress(jobId).itemsInFlight == 0, 30000);
    QVERIFY(queue->progress(jobId).itemsDone < queue->progress(jobId).itemsTotal);
    QCOMPARE(queue->job(jobId).state, JobState::Paused);

    queue->resume(jobId);
    QCOMPARE(queue->job(jobId).state, JobState::Running);
    const Error error = waitFinished(*queue, jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    QCOMPARE(journaled(jobId).state, JobState::Done);
}

void TestJobQueue::cancelStopsTheJob()
{
    makeTree(m_src, 150, 128 * 1024, 5);
    auto queue = makeQueue();
    queue->setWorkersPerJob(2);
    connect(queue.get(), &JobQueue::jobChanged, queue.get(), [&](const JobRecord &job) {
        if (job.state == JobState::Running)
            queue->cancel(job.id);
    });
    const qint64 jobId = queue->submit(spec(m_src, m_dst), false);
    const Error error = waitFinished(*queue, jobId);
    QCOMPARE(error.kind(), Error::Kind::Cancelled);
    QCOMPARE(queue->job(jobId).state, JobState::Cancelled);
    QCOMPARE(journaled(jobId).state, JobState::Cancelled);
    QVERIFY(journaled(jobId).itemsDone < journaled(jobId).itemsTotal);

    // A queued job that never started is cancelled at once.
    queue->setMaxRunningJobs(1);
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    queue->disconnect(queue.get());
    const qint64 first = queue->submit(spec(m_src, other), false);
    const qint64 second = queue->submit(spec(m_src, m_dst), false);
    queue->cancel(second);
    QCOMPARE(queue->job(second).state, JobState::Cancelled);
    QVERIFY(!waitFinished(*queue, first));
    QCOMPARE(journaled(second).state, JobState::Cancelled);
    QCOMPARE(journaled(second).itemsTotal, qint64(0)); // never planned
}

void TestJobQueue::retryFailedItems()
{
    makeTree(m_src, 30, 4096, 6);
    auto queue = makeQueue();
    QSignalSpy planReady(queue.get(), &JobQueue::planReady);
    const qint64 jobId = queue->submit(spec(m_src, m_dst), true);
    QVERIFY(planReady.wait(30000));
    // A file vanishes between the preview and the run: its item fails, the rest is done.
    const QString victim = m_src + QStringLiteral("/d3/s0/file-3.bin");
    QFile file(victim);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    file.close();
    QVERIFY(QFile::remove(victim));
    queue->startPlanned(jobId);
    const Error error = waitFinished(*queue, jobId);
    QVERIFY(error.isError());
    QCOMPARE(queue->job(jobId).state, JobState::Failed);
    QCOMPARE(queue->job(jobId).itemsFailed, qint64(1));
    Result<QVector<JobItem>> items = queue->items(jobId, -1, 1000);
    QVERIFY(items.ok());
    int failed = 0;
    for (const JobItem &item : items.value()) {
        if (item.state == ItemState::Failed) {
            ++failed;
            QVERIFY(!item.errorMessage.isEmpty()); // the reason in words
        }
    }
    QCOMPARE(failed, 1);

    putFile(m_src, QStringLiteral("d3/s0/file-3.bin"), content, fixedTime(3));
    QSignalSpy finished(queue.get(), &JobQueue::jobFinished);
    queue->retryFailed(jobId);
    QCOMPARE(queue->runningCount(), 1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.constFirst().at(0).toLongLong(), jobId);
    const Error again = finished.constFirst().at(1).value<Error>();
    QVERIFY2(!again, qPrintable(again.toString()));
    QCOMPARE(queue->job(jobId).state, JobState::Done);
    QCOMPARE(queue->job(jobId).itemsFailed, qint64(0));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
}

void TestJobQueue::restoreResumesAnInterruptedJob()
{
    makeTree(m_src, 400, 256 * 1024, 7);
    qint64 jobId = 0;
    QHash<qint64, int> attemptsOfDone;
    {
        auto queue = makeQueue();
        jobId = queue->submit(spec(m_src, m_dst), false);
        QTRY_VERIFY_WITH_TIMEOUT(queue->progress(jobId).itemsDone >= 30, 60000);
        // The queue (and its engine) destroyed mid-job, as when the application quits or dies.
    }
    const JobRecord interrupted = journaled(jobId);
    QVERIFY(interrupted.itemsDone < interrupted.itemsTotal);
    QVERIFY(!isFinished(interrupted.state));
    Journal journal(*m_database);
    QVERIFY(journal
                .forEachItem(jobId,
                             [&](const JobItem &item) {
                                 if (item.state == ItemState::Done)
                                     attemptsOfDone.insert(item.id, item.attempts);
                                 return true;
                             })
                .ok());
    QVERIFY(!attemptsOfDone.isEmpty());

    auto queue = makeQueue();
    QSignalSpy added(queue.get(), &JobQueue::jobAdded);
    queue->restore();
    QCOMPARE(added.size(), 1);
    QCOMPARE(queue->jobs().size(), 1);
    const Error error = waitFinished(*queue, jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src)); // nothing missing, nothing extra
    int redone = 0;
    QVERIFY(journal
                .forEachItem(jobId,
                             [&](const JobItem &item) {
                                 if (attemptsOfDone.contains(item.id)
                                     && attemptsOfDone.value(item.id) != item.attempts)
                                     ++redone;
                                 return true;
                             })
                .ok());
    QCOMPARE(redone, 0);
    QCOMPARE(journaled(jobId).state, JobState::Done);
    QCOMPARE(journaled(jobId).itemsDone, interrupted.itemsTotal);
}

void TestJobQueue::restoreKeepsPausedAndPlannedJobs()
{
    makeTree(m_src, 150, 64 * 1024, 8);
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    qint64 pausedId = 0;
    qint64 plannedId = 0;
    PlanSummary planned;
    {
        auto queue = makeQueue();
        QSignalSpy planReady(queue.get(), &JobQueue::planReady);
        plannedId = queue->submit(spec(m_src, other), true);
        QVERIFY(planReady.wait(30000));
        planned = queue->plan(plannedId);
        bool paused = false;
        connect(queue.get(), &JobQueue::jobChanged, queue.get(), [&](const JobRecord &job) {
            if (job.state == JobState::Running && !paused) {
                paused = true;
                queue->pause(job.id);
            }
        });
        pausedId = queue->submit(spec(m_src, m_dst), false);
        QTRY_VERIFY_WITH_TIMEOUT(journaled(pausedId).state == JobState::Paused, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(queue->progress(pausedId).itemsInFlight == 0, 30000);
    }
    auto queue = makeQueue();
    queue->restore();
    QCOMPARE(queue->jobs().size(), 2);
    QCOMPARE(queue->jobs().at(0).id, pausedId); // newest first
    QTest::qWait(200); // neither starts by itself
    QCOMPARE(queue->job(pausedId).state, JobState::Paused);
    QCOMPARE(queue->job(plannedId).state, JobState::Planned);
    QCOMPARE(queue->runningCount(), 0);
    // The preview survives the restart (rebuilt from the journal's items).
    QCOMPARE(queue->plan(plannedId).filesNew, planned.filesNew);
    QCOMPARE(queue->plan(plannedId).foldersToCreate, planned.foldersToCreate);
    QCOMPARE(queue->plan(plannedId).bytesToCopy, planned.bytesToCopy);

    queue->resume(pausedId);
    queue->startPlanned(plannedId);
    QVERIFY(!waitFinished(*queue, pausedId));
    QVERIFY(!waitFinished(*queue, plannedId));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    QCOMPARE(treeManifest(other), treeManifest(m_src));
}

void TestJobQueue::maxRunningJobsRespected()
{
    makeTree(m_src, 20, 64 * 1024, 9);
    auto queue = makeQueue();
    queue->setMaxRunningJobs(2);
    int mostActive = 0;
    int mostQueuedWhileActive = 0;
    auto count = [&] {
        int active = 0;
        int queued = 0;
        for (const JobRecord &job : queue->jobs()) {
            if (job.state == JobState::Planning || job.state == JobState::Running
                || job.state == JobState::Waiting)
                ++active;
            else if (job.state == JobState::Queued)
                ++queued;
        }
        mostActive = qMax(mostActive, qMax(active, queue->runningCount()));
        if (active > 0)
            mostQueuedWhileActive = qMax(mostQueuedWhileActive, queued);
    };
    connect(queue.get(), &JobQueue::jobChanged, queue.get(), count);
    connect(queue.get(), &JobQueue::jobProgress, queue.get(), count);
    QVector<qint64> ids;
    QStringList destinations;
    for (int i = 0; i < 5; ++i) {
        destinations.append(m_dir->filePath(QStringLiteral("dst%1").arg(i)));
        QVERIFY(QDir().mkpath(destinations.last()));
        ids.append(queue->submit(spec(m_src, destinations.last()), false));
    }
    for (qint64 id : std::as_const(ids))
        QVERIFY(!waitFinished(*queue, id));
    QCOMPARE(mostActive, 2);
    QVERIFY(mostQueuedWhileActive >= 1); // the others did wait
    for (const QString &destination : std::as_const(destinations))
        QCOMPARE(treeManifest(destination), treeManifest(m_src));
}

void TestJobQueue::reportExportsCsvAndHtml()
{
    makeTree(m_src, 5, 1024, 10);
    auto queue = makeQueue();
    const qint64 jobId = queue->submit(spec(m_src, m_dst), false);
    QVERIFY(!waitFinished(*queue, jobId));
    const QString csv = m_dir->filePath(QStringLiteral("report.csv"));
    const QString html = m_dir->filePath(QStringLiteral("report.html"));
    QVERIFY(queue->exportReport(jobId, csv).ok());
    QVERIFY(queue->exportReport(jobId, html).ok());
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readAll().contains("file-4.bin"));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QByteArray page = htmlFile.readAll();
    QVERIFY(page.contains("<table") || page.contains("<TABLE"));
    QVERIFY(page.contains("file-4.bin"));
    QVERIFY(!queue->exportReport(jobId, m_dir->filePath(QStringLiteral("missing/dir/r.csv"))).ok());

    queue->remove(jobId);
    QVERIFY(!queue->contains(jobId));
    QVERIFY(!Journal(*m_database).job(jobId).ok());
}

void TestJobQueue::revokedSignInPausesAndHoldsTheConnection()
{
    const QString src2 = m_dir->filePath(QStringLiteral("src2"));
    const QString dst2 = m_dir->filePath(QStringLiteral("dst2"));
    QVERIFY(QDir().mkpath(src2) && QDir().mkpath(dst2));
    makeTree(m_src, 12, 4096, 21);
    makeTree(src2, 6, 4096, 22);
    RevocableResolver resolver;
    resolver.revoked->storeRelease(1); // the sign-in is dead from the start
    JobQueue queue(*m_database, resolver);
    queue.setMaxRunningJobs(2);
    QSignalSpy stopped(&queue, &JobQueue::jobStopped);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    JobSpec first = spec(m_src, m_dst);
    first.destinationConnection = RevocableResolver::remote(m_dst);
    JobSpec second = spec(src2, dst2);
    second.destinationConnection = RevocableResolver::remote(m_dst); // the same connection
    second.destinationPath = QStringLiteral("b");
    const qint64 a = queue.submit(first, false);
    QVERIFY(a > 0);
    QVERIFY(stopped.wait(30000));
    QCOMPARE(stopped.constFirst().at(0).toLongLong(), a);
    // Paused once with "sign in again", not failed; nothing counted as failed.
    const Error reason = stopped.constFirst().at(1).value<Error>();
    QCOMPARE(reason.kind(), Error::Kind::AuthRevoked);
    QVERIFY2(reason.message().contains(QLatin1String("Sign in again")), qPrintable(reason.message()));
    QCOMPARE(queue.job(a).state, JobState::Paused);
    QCOMPARE(queue.stopReason(a).kind(), Error::Kind::AuthRevoked);
    QCOMPARE(queue.job(a).lastErrorKind, Error::Kind::AuthRevoked);
    QCOMPARE(queue.job(a).itemsFailed, qint64(0));
    QCOMPARE(journaled(a).state, JobState::Paused);
    QVERIFY(queue.needsSignIn(RevocableResolver::remote(m_dst)));
    QCOMPARE(queue.runningCount(), 0);
    QVERIFY(finished.isEmpty());

    // Another job of the same connection is not started into the same failure: it stays queued.
    const qint64 b = queue.submit(second, false);
    QVERIFY(b > 0);
    QTest::qWait(300); // room for a wrong start: the assertion is on the state, not on time
    QCOMPARE(queue.job(b).state, JobState::Queued);
    QCOMPARE(stopped.size(), 1);

    // Resumed before signing in again: it cannot prepare the connection, and waits paused again
    // (not failed).
    resolver.signedOut = true;
    queue.resume(a);
    QTRY_COMPARE(stopped.size(), 2);
    QCOMPARE(queue.job(a).state, JobState::Paused);
    QCOMPARE(queue.stopReason(a).kind(), Error::Kind::AuthRevoked);
    QVERIFY(queue.needsSignIn(RevocableResolver::remote(m_dst)));
    QCOMPARE(queue.job(b).state, JobState::Queued);
    QVERIFY(finished.isEmpty());

    // Signed in again: the paused job goes on, the queued one starts; nothing failed, all copied.
    resolver.signedOut = false;
    resolver.revoked->storeRelease(0);
    queue.connectionSignedIn(RevocableResolver::remote(m_dst));
    QVERIFY(!queue.needsSignIn(RevocableResolver::remote(m_dst)));
    const Error endA = waitFinished(queue, a);
    QVERIFY2(!endA, qPrintable(endA.toString()));
    const Error endB = waitFinished(queue, b);
    QVERIFY2(!endB, qPrintable(endB.toString()));
    QCOMPARE(queue.job(a).state, JobState::Done);
    QCOMPARE(queue.job(b).state, JobState::Done);
    QVERIFY(!queue.stopReason(a));
    QCOMPARE(queue.job(a).itemsFailed, qint64(0));
    QMap<QString, QString> expected = treeManifest(m_src);
    expected.insert(QStringLiteral("b"), QStringLiteral("<dir>"));
    const QMap<QString, QString> more = treeManifest(src2);
    for (auto it = more.cbegin(); it != more.cend(); ++it)
        expected.insert(QStringLiteral("b/") + it.key(), it.value());
    QCOMPARE(treeManifest(m_dst), expected);
}

void TestJobQueue::scheduledJobRunsAgainAtItsTime()
{
    makeTree(m_src, 8, 4096, 31);
    auto queue = makeQueue();
    // The schedule's clock is the test's: moved, never waited for.
    QDateTime now = QDateTime::currentDateTimeUtc();
    queue->setClock([&now] { return now; });
    JobSpec scheduled = spec(m_src, m_dst);
    scheduled.policies.schedule = JobSchedule::every(6);
    const qint64 first = queue->submit(scheduled, false);
    QVERIFY(first > 0);
    const Error error = waitFinished(*queue, first);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    QTRY_VERIFY(queue->nextScheduledRun(first).isValid());
    const QDateTime next = queue->nextScheduledRun(first);
    QCOMPARE(next, queue->job(first).startedAt.addSecs(6 * 3600));

    // Not before its time: nothing new while the clock stays short of it.
    QSignalSpy added(queue.get(), &JobQueue::jobAdded);
    now = next.addSecs(-60);
    queue->setClock([&now] { return now; });
    QTest::qWait(200); // room for a wrong start: the assertion is on the jobs, not on time
    QCOMPARE(added.size(), 0);
    QCOMPARE(queue->jobs().size(), 1);

    // A change on the source meanwhile; then the time comes: the series runs again and picks up
    // only what changed.
    putFile(m_src, QStringLiteral("d0/added.txt"), QByteArray("added since"), fixedTime(99));
    now = next.addSecs(1);
    queue->setClock([&now] { return now; });
    QVERIFY(added.wait(10000));
    const qint64 second = added.constFirst().at(0).value<JobRecord>().id;
    QVERIFY(second > first);
    const Error again = waitFinished(*queue, second);
    QVERIFY2(!again, qPrintable(again.toString()));
    QCOMPARE(queue->job(second).itemsDone, qint64(1));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    // The newest of the series carries the schedule on, from its own start.
    QTRY_VERIFY(queue->nextScheduledRun(second).isValid());
    QVERIFY(!queue->nextScheduledRun(first).isValid());
    QCOMPARE(added.size(), 1);
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
