// The engine against the Procore sandbox over real HTTP: a share -> Procore copy and back, with
// the API calls counted by the sandbox compared with the floor F + 2N.
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorecache.h"
#include "core/store/procorestore.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/transferengine.h"
#include "core/transfer/treewalker.h"
#include "core/transfer/walkmemo.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QFileInfo>
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
    void planStoppedMidWalkGoesOnWhereItStopped();
    void planCutByAKillGoesOnFromItsWalkFile();
    // Folders taken from a walk memo teach the path cache their subfolders' ids: listing or
    // writing into one costs no call to find it.
    void walkFromMemoTeachesThePathCache();

private:
    qint64 plan(JobKind kind, Store *source, Store *destination, PlanSummary *summary)
    {
        JobSpec spec;
        spec.kind = kind;
        return testing::planNewJob(m_fx.journal.get(), spec, source, destination, summary);
    }

    testing::SandboxJobFixture m_fx;
};

void TestEngineProcore::initTestCase()
{
    const QString error = m_fx.open({QStringLiteral("--seed"), QStringLiteral("empty")});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestEngineProcore::cleanupTestCase()
{
    m_fx.close();
}

void TestEngineProcore::copyToProcoreAndBack()
{
    const QString share = m_fx.dir.filePath(QStringLiteral("share"));
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
    ProcoreStore planningStore(m_fx.connection.client.get(), m_fx.connection.projectId,
                               QStringLiteral("Sandbox project"));
    PlanSummary summary;
    const qint64 upJob = plan(JobKind::Copy, &local, &planningStore, &summary);
    QVERIFY(upJob > 0);
    QCOMPARE(summary.foldersToCreate, qint64(3));
    QCOMPARE(summary.filesNew, qint64(files));
    const qint64 floor = procoreCallFloor(summary.foldersToCreate, summary.filesNew);
    QCOMPARE(summary.estimatedApiCalls, floor);

    QVERIFY(m_fx.sandbox.resetStats());
    const QString src = share;
    Error error = m_fx.run([src] { return std::make_unique<LocalStore>(src); },
                           m_fx.procoreFactory(planningStore.sharedCache()), upJob);
    QVERIFY2(!error, qPrintable(error.toString()));
    const int calls = m_fx.apiCalls();
    // The workers share the planner's path cache: the folders the plan creates are known to every
    // worker once one has made them, so the job costs the floor and nothing more.
    qInfo("share -> Procore: %d API calls for F=%lld folders, N=%lld files; floor F+2N = %lld", calls,
          summary.foldersToCreate, summary.filesNew, floor);
    QVERIFY(calls >= floor);
    // The job counted its calls through the meter: the sandbox saw the same number.
    QCOMPARE(m_fx.journal->job(upJob).value().apiCalls, qint64(calls));
    QCOMPARE(calls, int(floor));

    // No duplicate, nothing missing: a fresh walk of the project.
    {
        ProcoreStore fresh(m_fx.connection.client.get(), m_fx.connection.projectId,
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
    const QString back = m_fx.dir.filePath(QStringLiteral("back"));
    QVERIFY(QDir().mkpath(back));
    LocalStore backStore(back);
    ProcoreStore planningSource(m_fx.connection.client.get(), m_fx.connection.projectId,
                                QStringLiteral("Sandbox project"));
    PlanSummary downSummary;
    const qint64 downJob = plan(JobKind::Copy, &planningSource, &backStore, &downSummary);
    QVERIFY(downJob > 0);
    QCOMPARE(downSummary.filesNew, qint64(files));
    QVERIFY(m_fx.sandbox.resetStats());
    error = m_fx.run(
        m_fx.procoreFactory(), [back] { return std::make_unique<LocalStore>(back); }, downJob);
    QVERIFY2(!error, qPrintable(error.toString()));
    qInfo("Procore -> share: %d API calls for %d files", m_fx.apiCalls(), files);
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
        const std::unique_ptr<Store> looker = m_fx.procoreFactory(stale)();
        ListJob *list = looker->list(StorePath::root());
        QSignalSpy listed(list, &ListJob::finished);
        list->start();
        QVERIFY(listed.wait(30000));
    }
    QVERIFY(stale->childrenKnown(StorePath::root()));
    const std::unique_ptr<Store> elsewhere = m_fx.procoreFactory()();
    StoreJob *made = elsewhere->makeFolder(StorePath::fromString(QStringLiteral("Made Elsewhere")).value());
    QSignalSpy madeDone(made, &StoreJob::finished);
    made->start();
    QVERIFY(madeDone.wait(30000));
    QVERIFY(!stale->node(StorePath::fromString(QStringLiteral("Made Elsewhere")).value()));

    // A file for that folder, planned against the project as it is (the folder exists: no create).
    const QString share = m_fx.dir.filePath(QStringLiteral("share-stale"));
    putFile(share, QStringLiteral("Made Elsewhere/note.pdf"), QByteArray(5000, 'n'), fixedTime(1));
    LocalStore source(share);
    const std::unique_ptr<Store> planner = m_fx.procoreFactory()();
    PlanSummary summary;
    const qint64 jobId = plan(JobKind::Copy, &source, planner.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(1));

    // The workers share the stale cache.
    const Error error =
        m_fx.run([share] { return std::make_unique<LocalStore>(share); }, m_fx.procoreFactory(stale), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    const Result<JobRecord> job = m_fx.journal->job(jobId);
    QVERIFY(job.ok());
    QCOMPARE(job.value().itemsFailed, qint64(0));
    QVERIFY(stale->node(StorePath::fromString(QStringLiteral("Made Elsewhere/note.pdf")).value()));
}

namespace {

// What decides a plan: each item's action, paths and size, in order.
QStringList planOf(Journal *journal, qint64 jobId)
{
    QStringList rows;
    const Result<QVector<JobItem>> items = journal->items(jobId, -1, 1000);
    for (const JobItem &item : items.value())
        rows.append(QStringLiteral("%1 %2 -> %3 (%4)")
                        .arg(itemActionName(item.action), item.sourcePath, item.destinationPath)
                        .arg(item.size));
    return rows;
}

// root/fI/sJ in the project: `tops` folders of `subs` folders each; with `withFiles`, a file.pdf
// of 100 + 10 I + J bytes in every sJ. The first failure, if any.
Error makeFolderTree(ProcoreStore &writer, const QString &root, int tops, int subs, bool withFiles)
{
    const auto at = [](const QString &path) {
        return StorePath::fromString(path).value();
    };
    if (const Error e = testing::awaitJob(writer.makeFolder(at(root))))
        return e;
    for (int i = 0; i < tops; ++i) {
        const QString top = root + QStringLiteral("/f%1").arg(i);
        if (const Error e = testing::awaitJob(writer.makeFolder(at(top))))
            return e;
        for (int j = 0; j < subs; ++j) {
            const QString sub = top + QStringLiteral("/s%1").arg(j);
            if (const Error e = testing::awaitJob(writer.makeFolder(at(sub))))
                return e;
            if (!withFiles)
                continue;
            QByteArray bytes(100 + 10 * i + j, char('a' + j));
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            if (const Error e = testing::awaitJob(writer.writeFrom(at(sub + QStringLiteral("/file.pdf")),
                                                                   &buffer, bytes.size(), fixedTime(j),
                                                                   Store::WriteMode::FailIfExists)))
                return e;
        }
    }
    return {};
}

} // namespace

// A plan stopped mid-walk (the test hook stops the source walk after 5 listings, as a kill would)
// and planned again in the same process with the listings it made: the same plan as a clean one,
// and only the folders not yet listed cost calls. (A cache that knows nothing, as after a restart
// of the process, learns the listed folders' ids from the memo: the same 8; it was 13.)
void TestEngineProcore::planStoppedMidWalkGoesOnWhereItStopped()
{
    // Tree/fI/sJ/file.pdf: 1 + 3 + 9 folders, 9 files.
    const Error made = makeFolderTree(*m_fx.procoreStore(), QStringLiteral("Tree"), 3, 3, true);
    QVERIFY2(!made, qPrintable(made.toString()));
    const QString share = m_fx.dir.filePath(QStringLiteral("walk-dst"));
    QVERIFY(QDir().mkpath(share));
    LocalStore local(share);
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourcePath = QStringLiteral("Tree");
    constexpr int kFolders = 13;

    // A clean plan from a store that knows nothing.
    QVERIFY(m_fx.sandbox.resetStats());
    PlanSummary clean;
    const qint64 cleanJob =
        testing::planNewJob(m_fx.journal.get(), spec, m_fx.procoreStore().get(), &local, &clean);
    QVERIFY(cleanJob > 0);
    const int cleanCalls = m_fx.apiCalls();
    QCOMPARE(clean.sourceListCalls, kFolders);

    // Stopped after 5 listings.
    auto sourceMemo = std::make_shared<WalkMemo>();
    auto destinationMemo = std::make_shared<WalkMemo>();
    // The connection's stores share one path cache (as the application's do), which knows
    // nothing yet.
    auto cache = std::make_shared<ProcorePathCache>();
    const qint64 cutJob = m_fx.journal->createJob(spec.toRecord()).value();
    {
        const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore(cache);
        JobPlanner planner(spec, store.get(), &local);
        planner.setJournal(m_fx.journal.get(), cutJob);
        planner.setWalkMemos(sourceMemo, destinationMemo);
        planner.setSourceListLimitForTest(5);
        QSignalSpy finished(&planner, &JobPlanner::finished);
        planner.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(planner.error().kind(), Error::Kind::Cancelled);
    }
    QCOMPARE(m_fx.journal->job(cutJob).value().state, JobState::Planning);
    QCOMPARE(m_fx.journal->job(cutJob).value().itemsTotal, qint64(0));
    const int walked = sourceMemo->folders();
    QCOMPARE(walked, 5);

    // Planned again with what the stopped walk listed.
    QVERIFY(m_fx.sandbox.resetStats());
    const qint64 againJob = m_fx.journal->createJob(spec.toRecord()).value();
    PlanSummary again;
    {
        const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore(cache);
        JobPlanner planner(spec, store.get(), &local);
        planner.setJournal(m_fx.journal.get(), againJob);
        planner.setWalkMemos(sourceMemo, destinationMemo);
        QSignalSpy finished(&planner, &JobPlanner::finished);
        planner.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(!planner.error(), qPrintable(planner.error().toString()));
        again = planner.summary();
    }
    const int againCalls = m_fx.apiCalls();
    qInfo("clean plan: %d calls; stopped after %d of %d folders; planned again: %d calls", cleanCalls, walked,
          kFolders, againCalls);
    QCOMPARE(again.sourceListCalls, kFolders - walked);
    // The folders not yet listed, and nothing else: the ids of those listed are in the cache.
    QCOMPARE(againCalls, kFolders - walked);
    QCOMPARE(again.filesNew, clean.filesNew);
    QCOMPARE(again.foldersToCreate, clean.foldersToCreate);
    QCOMPARE(again.bytesToCopy, clean.bytesToCopy);
    QCOMPARE(planOf(m_fx.journal.get(), againJob), planOf(m_fx.journal.get(), cleanJob));
    QCOMPARE(planOf(m_fx.journal.get(), cleanJob).size(), 9 + 12); // 12 folders below Tree, 9 files
}

// As planStoppedMidWalkGoesOnWhereItStopped, across the end of the process: the cut plan's
// listings are in its walk file beside the journal, and the next plan of the same job (a new job
// id, a store that knows nothing) lists only the folders not yet listed: the walk file's listings
// give the ids of their subfolders too.
void TestEngineProcore::planCutByAKillGoesOnFromItsWalkFile()
{
    // Wide/fI/sJ: 1 + 3 + 18 folders.
    const Error made = makeFolderTree(*m_fx.procoreStore(), QStringLiteral("Wide"), 3, 6, false);
    QVERIFY2(!made, qPrintable(made.toString()));
    constexpr int kFolders = 22;
    constexpr int kCut = 12;
    const QString share = m_fx.dir.filePath(QStringLiteral("wide-dst"));
    QVERIFY(QDir().mkpath(share));
    LocalStore local(share);
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourcePath = QStringLiteral("Wide");
    const QDir walks(QFileInfo(m_fx.database->filePath()).absolutePath() + QStringLiteral("/walks"));
    const QStringList walkFilter{QStringLiteral("*.walk")};

    QVERIFY(m_fx.sandbox.resetStats());
    PlanSummary clean;
    const qint64 cleanJob =
        testing::planNewJob(m_fx.journal.get(), spec, m_fx.procoreStore().get(), &local, &clean);
    QVERIFY(cleanJob > 0);
    const int cleanCalls = m_fx.apiCalls();
    QCOMPARE(clean.sourceListCalls, kFolders);
    QVERIFY(walks.entryList(walkFilter, QDir::Files).isEmpty()); // a complete plan leaves none

    const qint64 cutJob = m_fx.journal->createJob(spec.toRecord()).value();
    {
        const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
        JobPlanner planner(spec, store.get(), &local);
        planner.setJournal(m_fx.journal.get(), cutJob);
        planner.setSourceListLimitForTest(kCut);
        QSignalSpy finished(&planner, &JobPlanner::finished);
        planner.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(planner.error().kind(), Error::Kind::Cancelled);
    }
    // The Procore side's listings only (the share's cost nothing to list again).
    QCOMPARE(walks.entryList(walkFilter, QDir::Files).size(), 1);

    QVERIFY(m_fx.sandbox.resetStats());
    PlanSummary again;
    const qint64 againJob =
        testing::planNewJob(m_fx.journal.get(), spec, m_fx.procoreStore().get(), &local, &again);
    QVERIFY(againJob > 0);
    const int againCalls = m_fx.apiCalls();
    qInfo("clean plan: %d calls; cut after %d of %d folders; planned again after a restart: %d calls",
          cleanCalls, kCut, kFolders, againCalls);
    QCOMPARE(again.sourceListCalls, kFolders - kCut);
    // The folders not yet listed and nothing else: the ids of those below listed ones come from
    // the walk file (it was up to 5 more, one per id found again).
    QCOMPARE(againCalls, kFolders - kCut);
    QCOMPARE(planOf(m_fx.journal.get(), againJob), planOf(m_fx.journal.get(), cleanJob));
    QCOMPARE(planOf(m_fx.journal.get(), cleanJob).size(), kFolders - 1);
    QVERIFY(walks.entryList(walkFilter, QDir::Files).isEmpty());
}

void TestEngineProcore::walkFromMemoTeachesThePathCache()
{
    const QString root = QStringLiteral("Memo");
    auto at = [&root](const QString &rel) {
        return StorePath::fromString(root + rel).value();
    };
    {
        const std::unique_ptr<ProcoreStore> writer = m_fx.procoreStore();
        QVERIFY(!testing::awaitJob(writer->makeFolder(at(QString()))));
        for (const QString &sub : {QStringLiteral("/a"), QStringLiteral("/b")}) {
            QVERIFY(!testing::awaitJob(writer->makeFolder(at(sub))));
            QByteArray bytes("existing");
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            QVERIFY(!testing::awaitJob(writer->writeFrom(at(sub + QStringLiteral("/old.pdf")), &buffer,
                                                         bytes.size(), fixedTime(),
                                                         Store::WriteMode::FailIfExists)));
        }
    }
    auto memo = std::make_shared<WalkMemo>();
    auto walk = [&](ProcoreStore *store) {
        TreeWalker walker(store, at(QString()));
        walker.setMemo(memo);
        QSignalSpy finished(&walker, &TreeWalker::finished);
        walker.start();
        if (!finished.wait(30000) || walker.error())
            return -1;
        return walker.listCalls();
    };
    {
        const std::unique_ptr<ProcoreStore> first = m_fx.procoreStore();
        QCOMPARE(walk(first.get()), 3);
    }
    QCOMPARE(memo->folders(), 3);

    // As after a restart: a store whose cache knows nothing walks from the memo, no call.
    const auto cache = std::make_shared<ProcorePathCache>();
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore(cache);
    QVERIFY(m_fx.sandbox.resetStats());
    QCOMPARE(walk(store.get()), 0);
    QCOMPARE(m_fx.apiCalls(), 0);

    // A worker's store sharing the connection's cache writes into a folder the memo gave: create
    // upload and create file, nothing to find the folder (it was 2 listings more: the project's
    // top and Memo).
    const std::unique_ptr<Store> worker = m_fx.procoreFactory(cache)();
    QByteArray bytes("new file");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(!testing::awaitJob(worker->writeFrom(at(QStringLiteral("/b/new.pdf")), &buffer, bytes.size(),
                                                 fixedTime(), Store::WriteMode::FailIfExists)));
    const int written = m_fx.apiCalls();

    // Listing the other folder: the listing itself.
    QVERIFY(m_fx.sandbox.resetStats());
    ListJob *list = store->list(at(QStringLiteral("/a")));
    list->setAutoDelete(false);
    QVERIFY(!testing::awaitJob(list));
    QCOMPARE(list->entries().size(), 1);
    delete list;
    const int listed = m_fx.apiCalls();
    qInfo("after a walk from the memo: writing a file into a folder %d calls, listing one %d calls", written,
          listed);
    QCOMPARE(written, 2);
    QCOMPARE(listed, 1);
}

QTEST_GUILESS_MAIN(TestEngineProcore)
#include "tst_engine_procore.moc"
