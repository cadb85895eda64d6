#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::runToEnd;
using testing::treeManifest;

namespace {

// The inode of each file: a file the engine wrote again gets a new one (writes are temp + rename).
QMap<QString, quint64> inodes(const QString &root)
{
    QMap<QString, quint64> result;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        if (::stat(QFile::encodeName(path).constData(), &st) == 0)
            result.insert(QDir(root).relativeFilePath(path), quint64(st.st_ino));
    }
    return result;
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void copyLocalToLocal();
    void syncPropagatesChangesAndDeletes();
    void migrateCopiesThenVerifies();
    void pauseAndResume();
    void cancelThenRunAgain();
    void failureThenRetryFailed();
    void verifiesInFlightItemsInsteadOfRedoing();
    void crashMidJobAndResume();
    // A claim takes items ahead of the workers: only those a worker started are in progress.
    void onlyStartedItemsAreInProgress();

private:
    // Writes `count` files of pseudo-random sizes (up to maxSize) in a few nested folders.
    void makeTree(int count, int maxSize, quint32 seed);
    qint64 planInto(JobKind kind, DeletePolicy deletes = DeletePolicy::Keep);
    std::unique_ptr<TransferEngine> makeEngine(int workers = 4);
    JobRecord job(qint64 id);

    testing::LocalJobFixture m_fx;
};

void TestEngine::init()
{
    QVERIFY(m_fx.open());
}

void TestEngine::cleanup()
{
    m_fx.close();
}

void TestEngine::makeTree(int count, int maxSize, quint32 seed)
{
    QRandomGenerator random(seed);
    for (int i = 0; i < count; ++i) {
        const QString rel = QStringLiteral("d%1/s%2/file-%3.bin").arg(i % 5).arg(i % 3).arg(i);
        QByteArray bytes(random.bounded(maxSize) + 1, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        putFile(m_fx.src, rel, bytes, fixedTime(i));
    }
}

qint64 TestEngine::planInto(JobKind kind, DeletePolicy deletes)
{
    JobSpec spec;
    spec.kind = kind;
    spec.policies.deletes = deletes;
    spec.policies.conflicts = ConflictPolicy::SourceWins;
    LocalStore source(m_fx.src);
    LocalStore destination(m_fx.dst);
    return testing::planNewJob(m_fx.journal.get(), spec, &source, &destination);
}

std::unique_ptr<TransferEngine> TestEngine::makeEngine(int workers)
{
    const QString src = m_fx.src;
    const QString dst = m_fx.dst;
    return std::make_unique<TransferEngine>(
        *m_fx.database, [src] { return std::make_unique<LocalStore>(src); },
        [dst] { return std::make_unique<LocalStore>(dst); }, workers);
}

JobRecord TestEngine::job(qint64 id)
{
    Result<JobRecord> record = m_fx.journal->job(id);
    return record.ok() ? record.value() : JobRecord();
}

void TestEngine::copyLocalToLocal()
{
    makeTree(200, 64 * 1024, 1);
    putFile(m_fx.src, QStringLiteral("empty.txt"), QByteArray());
    QVERIFY(QDir(m_fx.src).mkpath(QStringLiteral("empty-folder/inner")));
    const qint64 jobId = planInto(JobKind::Copy);
    QVERIFY(jobId > 0);
    auto engine = makeEngine();
    QSignalSpy progress(engine.get(), &TransferEngine::progress);
    QElapsedTimer elapsed;
    elapsed.start();
    const Error error = runToEnd(*engine, jobId);
    // At most 10 reports a second, plus the forced ones at the start and the end. (A slow machine
    // only loosens the bound.)
    QVERIFY2(progress.size() <= elapsed.elapsed() / 100 + 3,
             qPrintable(QStringLiteral("%1 reports in %2 ms").arg(progress.size()).arg(elapsed.elapsed())));
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
    const JobRecord record = job(jobId);
    QCOMPARE(record.state, JobState::Done);
    QCOMPARE(record.itemsDone, record.itemsTotal);
    QCOMPARE(record.bytesDone, record.bytesTotal);
    QVERIFY(!progress.isEmpty());
    const EngineProgress last = engine->lastProgress();
    QCOMPARE(last.state, JobState::Done);
    QCOMPARE(last.itemsDone, record.itemsTotal);
    QCOMPARE(last.bytesDone, record.bytesTotal);
    QCOMPARE(last.itemsInFlight, qint64(0));
    // Modification times travel with the files.
    QCOMPARE(QFileInfo(m_fx.dst + QStringLiteral("/d1/s1/file-1.bin")).lastModified().toUTC(), fixedTime(1));

    // Nothing changed: a second plan has nothing to do.
    const qint64 again = planInto(JobKind::Copy);
    QCOMPARE(job(again).itemsTotal, qint64(0));
}

void TestEngine::syncPropagatesChangesAndDeletes()
{
    makeTree(60, 8 * 1024, 2);
    QVERIFY(!runToEnd(*makeEngine(), planInto(JobKind::Copy)));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));

    // Changes on the source: a file edited (newer), files deleted, a folder deleted, files added.
    putFile(m_fx.src, QStringLiteral("d1/s1/file-1.bin"), "edited", fixedTime(100000));
    QVERIFY(QFile::remove(m_fx.src + QStringLiteral("/d2/s2/file-2.bin")));
    QVERIFY(QDir(m_fx.src + QStringLiteral("/d4")).removeRecursively());
    putFile(m_fx.src, QStringLiteral("new/folder/added.txt"), "added", fixedTime(5));
    // A copy never deletes.
    const qint64 copyJob = planInto(JobKind::Copy);
    QCOMPARE(job(copyJob).itemsTotal, qint64(4)); // the edit, new, new/folder, added.txt
    QVERIFY(!runToEnd(*makeEngine(), copyJob));
    QVERIFY(QFile::exists(m_fx.dst + QStringLiteral("/d2/s2/file-2.bin")));
    // A sync with deletes mirrors.
    const qint64 syncJob = planInto(JobKind::Sync, DeletePolicy::Delete);
    QVERIFY(syncJob > 0);
    const Error error = runToEnd(*makeEngine(2), syncJob);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
}

void TestEngine::migrateCopiesThenVerifies()
{
    makeTree(40, 16 * 1024, 8);
    const qint64 jobId = planInto(JobKind::Migrate);
    QVERIFY(jobId > 0);
    const JobRecord planned = job(jobId);
    QCOMPARE(planned.itemsTotal, qint64(5 + 15 + 40 + 40)); // folders, copies, verifies
    const Error error = runToEnd(*makeEngine(), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
    int verified = 0;
    QVERIFY(m_fx.journal
                ->forEachItem(jobId,
                              [&](const JobItem &item) {
                                  verified +=
                                      item.action == ItemAction::Verify && item.state == ItemState::Done;
                                  return true;
                              })
                .ok());
    QCOMPARE(verified, 40);

    // A second migration finds everything in place.
    const qint64 second = planInto(JobKind::Migrate);
    QCOMPARE(job(second).itemsTotal, qint64(0)); // nothing left to migrate
}

void TestEngine::pauseAndResume()
{
    makeTree(150, 128 * 1024, 3);
    const qint64 jobId = planInto(JobKind::Copy);
    auto engine = makeEngine(2);
    QSignalSpy finished(engine.get(), &TransferEngine::finished);
    QSignalSpy progress(engine.get(), &TransferEngine::progress);
    // Both requests are queued to the engine in this order: it starts, hands out one item per
    // worker, and pauses; what is in flight finishes, nothing new starts.
    engine->start(jobId);
    engine->pause();
    QTRY_VERIFY_WITH_TIMEOUT(
        engine->lastProgress().state == JobState::Paused && engine->lastProgress().itemsInFlight == 0, 30000);
    QCOMPARE(job(jobId).state, JobState::Paused);
    const qint64 doneWhilePaused = engine->lastProgress().itemsDone;
    QVERIFY(doneWhilePaused < job(jobId).itemsTotal);
    // Nothing moves while paused (the engine would report it: progress is published on change).
    QTest::qWait(300);
    QCOMPARE(engine->lastProgress().itemsDone, doneWhilePaused);
    QVERIFY(finished.isEmpty());
    engine->resume();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.constFirst().at(1).value<Error>());
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
    QCOMPARE(job(jobId).state, JobState::Done);
}

void TestEngine::cancelThenRunAgain()
{
    makeTree(150, 128 * 1024, 4);
    const qint64 jobId = planInto(JobKind::Copy);
    {
        auto engine = makeEngine(2);
        QSignalSpy finished(engine.get(), &TransferEngine::finished);
        engine->start(jobId);
        engine->cancel(); // queued right behind the start: the job cannot have finished

        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.constFirst().at(1).value<Error>().kind(), Error::Kind::Cancelled);
        QCOMPARE(job(jobId).state, JobState::Cancelled);
        QVERIFY(job(jobId).itemsDone < job(jobId).itemsTotal);
    }
    // Cancelled items went back to pending, not failed; nothing half-written is left.
    QCOMPARE(job(jobId).itemsFailed, qint64(0));
    const auto partial = treeManifest(m_fx.dst);
    for (auto it = partial.cbegin(); it != partial.cend(); ++it)
        QVERIFY2(!it.key().contains(QLatin1String(".trestle-")), qPrintable(it.key()));
    const Error error = runToEnd(*makeEngine(), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
}

void TestEngine::failureThenRetryFailed()
{
    makeTree(30, 4096, 5);
    const qint64 jobId = planInto(JobKind::Copy);
    // A file vanishes between planning and running: that item fails (not transient), the rest
    // are done and the job reports the failure.
    const QString victim = m_fx.src + QStringLiteral("/d3/s0/file-3.bin");
    QFile file(victim);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    file.close();
    QVERIFY(QFile::remove(victim));
    auto engine = makeEngine();
    const Error error = runToEnd(*engine, jobId);
    QVERIFY(error.isError());
    QCOMPARE(job(jobId).state, JobState::Failed);
    QCOMPARE(job(jobId).itemsFailed, qint64(1));
    QVERIFY(!QFile::exists(m_fx.dst + QStringLiteral("/d3/s0/file-3.bin")));

    putFile(m_fx.src, QStringLiteral("d3/s0/file-3.bin"), content, fixedTime(3));
    QSignalSpy finished(engine.get(), &TransferEngine::finished);
    engine->retryFailed(jobId);
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.constFirst().at(1).value<Error>());
    QCOMPARE(job(jobId).state, JobState::Done);
    QCOMPARE(job(jobId).itemsFailed, qint64(0));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
}

void TestEngine::verifiesInFlightItemsInsteadOfRedoing()
{
    makeTree(20, 4096, 6);
    const qint64 jobId = planInto(JobKind::Copy);
    // Simulate a crash after the bytes arrived but before the outcome was recorded: claim every
    // item (in flight), do the folders and two files by hand, and start the engine.
    Result<QVector<JobItem>> claimed = m_fx.journal->takePending(jobId, 1000);
    QVERIFY(claimed.ok());
    QStringList copiedByHand;
    for (const JobItem &item : claimed.value()) {
        if (item.action == ItemAction::CreateFolder) {
            QVERIFY(QDir(m_fx.dst).mkpath(item.destinationPath));
        } else if (item.action == ItemAction::Upload && copiedByHand.size() < 2) {
            QVERIFY(QFile::copy(m_fx.src + QLatin1Char('/') + item.sourcePath,
                                m_fx.dst + QLatin1Char('/') + item.destinationPath));
            QFile copied(m_fx.dst + QLatin1Char('/') + item.destinationPath);
            QVERIFY(copied.open(QIODevice::ReadWrite));
            QVERIFY(copied.setFileTime(QDateTime::fromMSecsSinceEpoch(item.mtimeMs, Qt::UTC),
                                       QFileDevice::FileModificationTime));
            copiedByHand.append(item.destinationPath);
        }
    }
    const auto before = inodes(m_fx.dst);
    const Error error = runToEnd(*makeEngine(), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
    const auto after = inodes(m_fx.dst);
    for (const QString &path : std::as_const(copiedByHand))
        QCOMPARE(after.value(path), before.value(path)); // verified, not uploaded again
    int verified = 0;
    QVERIFY(m_fx.journal
                ->forEachItem(jobId,
                              [&](const JobItem &item) {
                                  verified += item.reason.contains(QLatin1String("restart")) ? 1 : 0;
                                  return true;
                              })
                .ok());
    QCOMPARE(verified, 2 + 5 + 15); // two files, the 5 top folders and their 15 subfolders
}

void TestEngine::onlyStartedItemsAreInProgress()
{
    // Three files that take about a second each under the cap, on one worker (claims of two).
    for (int i = 0; i < 3; ++i)
        putFile(m_fx.src, QStringLiteral("f%1.bin").arg(i), QByteArray(64 * 1024, char('a' + i)),
                fixedTime(i));
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.policies.bandwidthLimit = 64 * 1024;
    LocalStore source(m_fx.src);
    LocalStore destination(m_fx.dst);
    const qint64 jobId = testing::planNewJob(m_fx.journal.get(), spec, &source, &destination);
    QVERIFY(jobId > 0);
    auto engine = makeEngine(1);
    QSignalSpy finished(engine.get(), &TransferEngine::finished);
    engine->start(jobId);
    int mostStarted = 0;
    bool claimedAhead = false; // seen: two in flight, one of them started
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QVector<JobItem> items = m_fx.journal->items(jobId, -1, 10).value();
            int inFlight = 0;
            int started = 0;
            for (const JobItem &item : items) {
                inFlight += item.state == ItemState::InFlight ? 1 : 0;
                started += item.state == ItemState::InFlight && item.started ? 1 : 0;
            }
            mostStarted = qMax(mostStarted, started);
            claimedAhead = claimedAhead || (inFlight == 2 && started == 1);
            return !finished.isEmpty();
        }(),
        60000);
    QVERIFY(!finished.constFirst().at(1).value<Error>());
    QVERIFY(claimedAhead);
    QCOMPARE(mostStarted, 1); // one worker: never more than one item in progress
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src));
}

void TestEngine::crashMidJobAndResume()
{
    makeTree(600, 256 * 1024, 7);
    const qint64 jobId = planInto(JobKind::Copy);
    QVERIFY(jobId > 0);
    {
        auto engine = makeEngine(4);
        engine->start(jobId);
        QTRY_VERIFY_WITH_TIMEOUT(engine->lastProgress().itemsDone >= 30, 60000);
        // Destroyed mid-job: workers are stopped where they are, nothing is marked for them.
    }
    QVERIFY(job(jobId).itemsDone < job(jobId).itemsTotal);
    QHash<qint64, int> attemptsOfDone;
    QVERIFY(m_fx.journal
                ->forEachItem(jobId,
                              [&](const JobItem &item) {
                                  if (item.state == ItemState::Done)
                                      attemptsOfDone.insert(item.id, item.attempts);
                                  return true;
                              })
                .ok());
    QVERIFY(!attemptsOfDone.isEmpty());
    const auto before = inodes(m_fx.dst);

    // A new engine on the reopened journal resumes.
    m_fx.journal = std::make_unique<Journal>(*m_fx.database);
    const Error error = runToEnd(*makeEngine(4), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(treeManifest(m_fx.dst), treeManifest(m_fx.src)); // none missing, none extra or duplicated
    int redone = 0;
    QVERIFY(m_fx.journal
                ->forEachItem(jobId,
                              [&](const JobItem &item) {
                                  if (attemptsOfDone.contains(item.id)
                                      && attemptsOfDone.value(item.id) != item.attempts)
                                      ++redone;
                                  return true;
                              })
                .ok());
    QCOMPARE(redone, 0);
    const auto after = inodes(m_fx.dst);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!it.key().contains(QLatin1String(".trestle-")))
            QCOMPARE(after.value(it.key()), it.value()); // files that had arrived were not written again
    }
    QCOMPARE(job(jobId).state, JobState::Done);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
