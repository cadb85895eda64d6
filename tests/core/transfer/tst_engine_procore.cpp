// The engine against the Procore sandbox over real HTTP: a share -> Procore copy and back, with
// the API calls counted by the sandbox compared with the floor F + 2N.
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/transferengine.h"
#include "core/transfer/treewalker.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

class TestEngineProcore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void copyToProcoreAndBack();
    void notFoundRetryForgetsTheSharedListing();

private:
    // Worker stores share `cache` (the planner's): a folder one of them knows, all know.
    StoreFactory procoreFactory(std::shared_ptr<ProcorePathCache> cache = {}) const;
    qint64 plan(JobKind kind, Store *source, Store *destination, PlanSummary *summary);
    Error run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId);
    int apiCalls() const { return m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt(); }

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

void TestEngineProcore::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_connection.open(m_sandbox), qPrintable(m_connection.error));
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);
}

void TestEngineProcore::cleanupTestCase()
{
    m_journal.reset();
    m_database.reset();
    m_connection.client.reset();
    m_sandbox.stop();
}

StoreFactory TestEngineProcore::procoreFactory(std::shared_ptr<ProcorePathCache> cache) const
{
    // Each worker thread gets its own client (its own QNAM) on the shared connection context.
    const std::shared_ptr<ConnectionContext> context = m_connection.context;
    const qint64 projectId = m_connection.projectId;
    if (!cache)
        cache = std::make_shared<ProcorePathCache>();
    return [context, projectId, cache]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        auto store =
            std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"), cache);
        client->setParent(store.get());
        return store;
    };
}

qint64 TestEngineProcore::plan(JobKind kind, Store *source, Store *destination, PlanSummary *summary)
{
    JobSpec spec;
    spec.kind = kind;
    Result<qint64> id = m_journal->createJob(spec.toRecord());
    if (!id.ok())
        return 0;
    const Error error = testing::planJob(spec, source, destination, summary, m_journal.get(), id.value());
    if (error) {
        qWarning() << error.toString();
        return 0;
    }
    return id.value();
}

Error TestEngineProcore::run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId)
{
    TransferEngine engine(*m_database, source, destination, 4);
    RateLimitMeter *meter = m_connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(120000))
        return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
    return finished.constFirst().at(1).value<Error>();
}

void TestEngineProcore::copyToProcoreAndBack()
{
    const QString share = m_dir.filePath(QStringLiteral("share"));
    QRandomGenerator random(11);
    int files = 0;
    for (const QString &folder :
         {QStringLiteral("Drawings"), QStringLiteral("Drawings/Level 1"), QStringLiteral("Specs")}) {
        for (int i = 0; i < 4; ++i, ++files) {
            QByteArray bytes(int(random.bounded(40000)) + 1, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            putFile(share, QStringLiteral("%1/sheet %2.pdf").arg(folder).arg(i), bytes, fixedTime(i));
        }
    }
    LocalStore local(share);
    ProcoreStore planningStore(m_connection.client.get(), m_connection.projectId,
                               QStringLiteral("Sandbox project"));
    PlanSummary summary;
    const qint64 upJob = plan(JobKind::Copy, &local, &planningStore, &summary);
    QVERIFY(upJob > 0);
    QCOMPARE(summary.foldersToCreate, qint64(3));
    QCOMPARE(summary.filesNew, qint64(files));
    const qint64 floor = procoreCallFloor(summary.foldersToCreate, summary.filesNew);
    QCOMPARE(summary.estimatedApiCalls, floor);

    QVERIFY(m_sandbox.resetStats());
    const QString src = share;
    Error error = run([src] { return std::make_unique<LocalStore>(src); },
                      procoreFactory(planningStore.sharedCache()), upJob);
    QVERIFY2(!error, qPrintable(error.toString()));
    const int calls = apiCalls();
    // The workers share the planner's path cache: the folders the plan creates are known to every
    // worker once one has made them, so the job costs the floor and nothing more.
    qInfo("share -> Procore: %d API calls for F=%lld folders, N=%lld files; floor F+2N = %lld", calls,
          summary.foldersToCreate, summary.filesNew, floor);
    QVERIFY(calls >= floor);
    // The job counted its calls through the meter: the sandbox saw the same number.
    QCOMPARE(m_journal->job(upJob).value().apiCalls, qint64(calls));
    QCOMPARE(calls, int(floor));

    // No duplicate, nothing missing: a fresh walk of the project.
    {
        ProcoreStore fresh(m_connection.client.get(), m_connection.projectId,
                           QStringLiteral("Sandbox project"));
        TreeWalker walker(&fresh, StorePath());
        QSignalSpy walked(&walker, &TreeWalker::finished);
        walker.start();
        QVERIFY(walked.wait(30000));
        QVERIFY(!walker.error());
        int remoteFiles = 0;
        int remoteFolders = 0;
        for (const TreeNode &node : walker.nodes())
            (node.entry.isFile() ? remoteFiles : remoteFolders) += 1;
        QCOMPARE(remoteFiles, files);
        QCOMPARE(remoteFolders, 3);
    }

    // And back to an empty folder: byte for byte the same tree.
    const QString back = m_dir.filePath(QStringLiteral("back"));
    QVERIFY(QDir().mkpath(back));
    LocalStore backStore(back);
    ProcoreStore planningSource(m_connection.client.get(), m_connection.projectId,
                                QStringLiteral("Sandbox project"));
    PlanSummary downSummary;
    const qint64 downJob = plan(JobKind::Copy, &planningSource, &backStore, &downSummary);
    QVERIFY(downJob > 0);
    QCOMPARE(downSummary.filesNew, qint64(files));
    QVERIFY(m_sandbox.resetStats());
    error = run(
        procoreFactory(), [back] { return std::make_unique<LocalStore>(back); }, downJob);
    QVERIFY2(!error, qPrintable(error.toString()));
    qInfo("Procore -> share: %d API calls for %d files", apiCalls(), files);
    const auto original = treeManifest(share);
    auto copied = treeManifest(back);
    QCOMPARE(copied.keys(), original.keys());
    QCOMPARE(copied, original);
}

// Regression: the worker tries a NotFound once more with fresh stores, but the stores of a
// connection share one path cache, so the retry met the same stale listing and failed again. The
// worker now forgets the parent's cached listing first.
void TestEngineProcore::notFoundRetryForgetsTheSharedListing()
{
    // The shared cache lists the root before a folder is made elsewhere (another user, another
    // connection): it "knows" the folder is not there.
    auto stale = std::make_shared<ProcorePathCache>();
    {
        const std::unique_ptr<Store> looker = procoreFactory(stale)();
        ListJob *list = looker->list(StorePath::root());
        QSignalSpy listed(list, &ListJob::finished);
        list->start();
        QVERIFY(listed.wait(30000));
    }
    QVERIFY(stale->childrenKnown(StorePath::root()));
    const std::unique_ptr<Store> elsewhere = procoreFactory()();
    StoreJob *made = elsewhere->makeFolder(StorePath::fromString(QStringLiteral("Made Elsewhere")).value());
    QSignalSpy madeDone(made, &StoreJob::finished);
    made->start();
    QVERIFY(madeDone.wait(30000));
    QVERIFY(!stale->node(StorePath::fromString(QStringLiteral("Made Elsewhere")).value()));

    // A file for that folder, planned against the project as it is (the folder exists: no create).
    const QString share = m_dir.filePath(QStringLiteral("share-stale"));
    putFile(share, QStringLiteral("Made Elsewhere/note.pdf"), QByteArray(5000, 'n'), fixedTime(1));
    LocalStore source(share);
    const std::unique_ptr<Store> planner = procoreFactory()();
    PlanSummary summary;
    const qint64 jobId = plan(JobKind::Copy, &source, planner.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(1));

    // The workers share the stale cache.
    const Error error =
        run([share] { return std::make_unique<LocalStore>(share); }, procoreFactory(stale), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    const Result<JobRecord> job = m_journal->job(jobId);
    QVERIFY(job.ok());
    QCOMPARE(job.value().itemsFailed, qint64(0));
    QVERIFY(stale->node(StorePath::fromString(QStringLiteral("Made Elsewhere/note.pdf")).value()));
}

QTEST_GUILESS_MAIN(TestEngineProcore)
#include "tst_engine_procore.moc"
