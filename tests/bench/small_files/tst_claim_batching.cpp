// The runner's claims (issue 5, bench_small_files): each claim of pending items is one synced
// transaction on the control thread, during which no worker gets a new item. At a fixed 2 items
// per worker a run of small files paid an fsync every 8 files (380 of them, 1.4 s in all and up to
// 33 ms each, in a 3,000-file run on a busy disk). The claim now grows while claims follow each
// other quickly and shrinks when they do not (JobRunner::nextClaimSize).
//
// No durations are asserted: the policy is a pure function of the time between claims, and the
// end-to-end case checks counts (bounds on the claims, every item done, the destination equal to
// the source) and the kill-safety rule that matters — every item a worker writes was in flight in
// the journal (committed) before its bytes moved.
#include "transfertesthelpers.h"

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/jobrunner.h"

#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace trestle;

namespace {

constexpr int kWorkers = 4;
constexpr int kFiles = 300;

// Records what the runner reports, on the test thread.
class Listener final : public QObject, public RunnerListener
{
    Q_OBJECT

public:
    void runnerProgress(const EngineProgress &) override { }
    void runnerFinished(qint64 jobId, const Error &error) override
    {
        m_error = error;
        Q_EMIT finished(jobId);
    }
    Error m_error;

Q_SIGNALS:
    void finished(qint64 jobId);
};

// A local destination that, before it writes a file, reads that item's state from the journal
// through a connection of its own (so only committed state is seen) and notes every item that was
// not in flight. Everything else goes to a LocalStore.
class CheckingStore final : public Store
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckingStore)

public:
    struct Shared final
    {
        Database *database = nullptr;
        qint64 jobId = 0;
        QMutex mutex;
        QStringList notInFlight;
        int checked = 0;
    };

    CheckingStore(const QString &root, Shared *shared) : m_inner(root), m_shared(shared) { }

    QString displayName() const override { return m_inner.displayName(); }
    StoreLimits limits() const override { return m_inner.limits(); }
    Capabilities capabilities() const override { return m_inner.capabilities() & ~Capabilities(PushWrite); }
    ListJob *list(const StorePath &folder) override { return m_inner.list(folder); }
    StatJob *stat(const StorePath &path) override { return m_inner.stat(path); }
    StoreJob *makeFolder(const StorePath &path) override { return m_inner.makeFolder(path); }
    StoreJob *move(const StorePath &from, const StorePath &to) override { return m_inner.move(from, to); }
    StoreJob *remove(const StorePath &path, RemoveMode mode) override { return m_inner.remove(path, mode); }
    StoreJob *readInto(const StorePath &path, QIODevice *sink) override
    {
        return m_inner.readInto(path, sink);
    }
    StoreJob *writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                        WriteMode mode) override
    {
        const QString wanted = path.toString();
        bool inFlight = false;
        Status visited = Done{};
        {
            Journal journal(*m_shared->database);
            visited = journal.forEachItem(m_shared->jobId, [&](const JobItem &item) {
                if (item.destinationPath != wanted)
                    return true;
                inFlight = item.state == ItemState::InFlight;
                return false;
            });
        }
        m_shared->database->closeConnectionForCurrentThread();
        {
            QMutexLocker lock(&m_shared->mutex);
            ++m_shared->checked;
            if (!visited.ok() || !inFlight)
                m_shared->notInFlight.append(wanted);
        }
        return m_inner.writeFrom(path, source, size, mtime, mode);
    }

private:
    LocalStore m_inner;
    Shared *m_shared;
};

} // namespace

class TestClaimBatching final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsWhileClaimsAreQuick();
    void shrinksWhenClaimsAreSlow();
    void neverBelowTwoPerWorkerNorAboveTheCap();
    void everyWrittenItemWasClaimedFirst();
};

void TestClaimBatching::growsWhileClaimsAreQuick()
{
    const qint64 quick = JobRunner::kClaimFastMs - 1;
    QCOMPARE(JobRunner::nextClaimSize(8, kWorkers, quick), 16);
    QCOMPARE(JobRunner::nextClaimSize(16, kWorkers, quick), 32);
    QCOMPARE(JobRunner::nextClaimSize(32, kWorkers, 0), 64);
    // Between quick and slow: unchanged.
    QCOMPARE(JobRunner::nextClaimSize(16, kWorkers, JobRunner::kClaimFastMs), 16);
    QCOMPARE(JobRunner::nextClaimSize(16, kWorkers, JobRunner::kClaimSlowMs), 16);
    // The first claim of a run has nothing to compare with.
    QCOMPARE(JobRunner::nextClaimSize(8, kWorkers, -1), 8);
}

void TestClaimBatching::shrinksWhenClaimsAreSlow()
{
    const qint64 slow = JobRunner::kClaimSlowMs + 1;
    QCOMPARE(JobRunner::nextClaimSize(64, kWorkers, slow), 32);
    QCOMPARE(JobRunner::nextClaimSize(32, kWorkers, slow), 16);
    QCOMPARE(JobRunner::nextClaimSize(16, kWorkers, slow), 8);
}

void TestClaimBatching::neverBelowTwoPerWorkerNorAboveTheCap()
{
    QCOMPARE(JobRunner::nextClaimSize(8, kWorkers, JobRunner::kClaimSlowMs + 1), 8);
    QCOMPARE(JobRunner::nextClaimSize(1, kWorkers, JobRunner::kClaimSlowMs + 1), 8);
    QCOMPARE(JobRunner::nextClaimSize(JobRunner::kMaxClaim, kWorkers, 0), JobRunner::kMaxClaim);
    QCOMPARE(JobRunner::nextClaimSize(1000, kWorkers, 0), JobRunner::kMaxClaim);
    // Many workers: two each, even above the cap.
    QCOMPARE(JobRunner::nextClaimSize(80, 40, 0), 80);
    QCOMPARE(JobRunner::nextClaimSize(80, 40, JobRunner::kClaimSlowMs + 1), 80);
}

void TestClaimBatching::everyWrittenItemWasClaimedFirst()
{
    testing::LocalJobFixture fx;
    QVERIFY(fx.open());
    for (int i = 0; i < kFiles; ++i)
        testing::putFile(fx.src, QStringLiteral("d%1/f%2.bin").arg(i % 3).arg(i),
                         QByteArray(512, char('a' + i % 26)), testing::fixedTime(i));
    LocalStore source(fx.src);
    LocalStore destination(fx.dst);
    JobSpec spec;
    spec.kind = JobKind::Copy;
    const qint64 jobId = testing::planNewJob(fx.journal.get(), spec, &source, &destination);
    QVERIFY(jobId > 0);
    const qint64 items = fx.journal->job(jobId).value().itemsTotal;
    QCOMPARE(items, qint64(kFiles + 3));

    CheckingStore::Shared shared;
    shared.database = fx.database.get();
    shared.jobId = jobId;
    const QString src = fx.src;
    const QString dst = fx.dst;
    Listener listener;
    auto *runner = new JobRunner(
        *fx.database, [src] { return std::make_unique<LocalStore>(src); },
        [&shared, dst]() -> std::unique_ptr<Store> { return std::make_unique<CheckingStore>(dst, &shared); },
        kWorkers, &listener, &listener);
    QSignalSpy finished(&listener, &Listener::finished);
    runner->start(jobId);
    QVERIFY(finished.wait(120000));
    const int claims = runner->claimCount();
    delete runner;

    QVERIFY2(!listener.m_error, qPrintable(listener.m_error.toString()));
    QCOMPARE(testing::treeManifest(fx.dst), testing::treeManifest(fx.src));
    QCOMPARE(fx.journal->job(jobId).value().itemsDone, items);
    QCOMPARE(shared.checked, kFiles);
    QVERIFY2(shared.notInFlight.isEmpty(), qPrintable(shared.notInFlight.join(QStringLiteral(", "))));
    // Never more claims than at the old fixed 2 per worker (plus the empty one that ends the run),
    // never fewer than the cap allows.
    const int most = int((items + 2 * kWorkers - 1) / (2 * kWorkers)) + 2;
    const int least = int((items + JobRunner::kMaxClaim - 1) / JobRunner::kMaxClaim);
    QVERIFY2(claims <= most && claims >= least,
             qPrintable(QStringLiteral("%1 claims for %2 items").arg(claims).arg(items)));
    qInfo("%d claims for %lld items", claims, items);
    fx.close();
}

QTEST_GUILESS_MAIN(TestClaimBatching)
#include "tst_claim_batching.moc"
