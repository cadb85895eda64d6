// What one engine job holds must be gone when its TransferEngine is (issue 9's soak: a new engine
// per job, round after round, for 30 minutes). After every job: the journal's per-thread database
// connections, Qt's named SQL connections, the process's threads, the stores the workers made and
// their QNetworkAccessManagers are back at the baseline. And the worker threads run at a lower CPU
// priority than the thread that started the engine (issue 7: the GUI thread waited for a core).
// With glibc, in a process that made the start-up call (core/common/memorytuning.cpp), large blocks
// stay mmap()ed (the soak's linear growth) and all threads share a few arenas (the soak's late step).
#include "core/common/memorytuning.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TRESTLE_CLANG_ASAN 1
#endif
#endif

using namespace trestle;

namespace {

// Live objects of one kind, counted through QObject::destroyed (any thread).
struct LiveCounter
{
    QAtomicInteger<int> live{0};
    QAtomicInteger<int> made{0};

    void track(QObject *object)
    {
        live.ref();
        made.ref();
        QObject::connect(object, &QObject::destroyed, [this] { live.deref(); });
    }
};

// The process's threads but Qt's thread-pool threads ("Thread (pooled)"): a pool keeps up to its
// maximum and lets idle ones go after 30 s, however many jobs ran, so they say nothing about leaks.
int processThreads()
{
    int threads = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && !comm.readAll().startsWith("Thread (pooled)"))
            ++threads;
    }
    return threads;
}

// Threads an engine started ("trestle-engine", "trestle-worker-N") still alive.
int engineThreads()
{
    int threads = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("trestle-"))
            ++threads;
    }
    return threads;
}

// The threads' names, for a failure message.
QString threadNames()
{
    QStringList names;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly))
            names.append(QString::fromUtf8(comm.readAll().trimmed()));
    }
    return names.join(QStringLiteral(", "));
}

#ifdef __GLIBC__
// malloc's arenas (malloc_info's <heap> elements): arenas are never freed, so this is how many
// the process ever made.
int mallocArenas()
{
    char *buffer = nullptr;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (!stream)
        return -1;
    malloc_info(0, stream);
    std::fclose(stream);
    const int arenas = int(QByteArray(buffer, qsizetype(size)).count("<heap nr="));
    std::free(buffer);
    return arenas;
}
#endif

#ifdef Q_OS_LINUX
int currentThreadNice()
{
    return ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)));
}
#endif

} // namespace

class TestEngineResources final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void jobsGiveBackWhatTheyHeld();
    void procoreJobsGiveBackTheirNetworkManagers();
    void workersRunAtLowerPriority();
    void largeBlocksStayOutOfTheArenas();
    void threadsShareABoundedSetOfArenas();

private:
    // Source and destination stores of m_fx's folders, each counted (and its network managers).
    StoreFactory countingFactory(const QString &root);
    qint64 planRound(int round);

    testing::LocalJobFixture m_fx;
    LiveCounter m_stores;
    LiveCounter m_networkManagers;
    QMutex m_mutex;
    QList<int> m_factoryNices; // the nice value of each thread a store was made in
};

void TestEngineResources::init()
{
    QVERIFY(m_fx.open());
    m_stores.live.storeRelaxed(0);
    m_stores.made.storeRelaxed(0);
    m_networkManagers.live.storeRelaxed(0);
    m_networkManagers.made.storeRelaxed(0);
    m_factoryNices.clear();
}

void TestEngineResources::cleanup()
{
    m_fx.close();
}

StoreFactory TestEngineResources::countingFactory(const QString &root)
{
    return [this, root]() -> std::unique_ptr<Store> {
        auto store = std::make_unique<LocalStore>(root);
        m_stores.track(store.get());
#ifdef Q_OS_LINUX
        QMutexLocker locker(&m_mutex);
        m_factoryNices.append(currentThreadNice()); // factories run in the worker's own thread
#endif
        return store;
    };
}

qint64 TestEngineResources::planRound(int round)
{
    for (int i = 0; i < 6; ++i)
        testing::putFile(m_fx.src, QStringLiteral("round-%1/file-%2.bin").arg(round).arg(i),
                         QByteArray(1000 + 10 * i, char('a' + round % 26)), testing::fixedTime(i));
    JobSpec spec;
    spec.kind = JobKind::Copy;
    LocalStore source(m_fx.src);
    LocalStore destination(m_fx.dst);
    return testing::planNewJob(m_fx.journal.get(), spec, &source, &destination);
}

void TestEngineResources::jobsGiveBackWhatTheyHeld()
{
    // The baseline, after one job: Qt starts some threads of its own once and keeps them, and this
    // thread's journal connection is open.
    const auto runRound = [this](int round) {
        const qint64 jobId = planRound(round);
        QVERIFY(jobId > 0);
        TransferEngine engine(*m_fx.database, countingFactory(m_fx.src), countingFactory(m_fx.dst), 4);
        const Error error = testing::runToEnd(engine, jobId);
        QVERIFY2(!error, qPrintable(error.toString()));
        QVERIFY(engine.lastProgress().itemsDone > 0);
    };
    runRound(1);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(engineThreads(), 0); // joined; the kernel may list it a moment longer
    QCOMPARE(m_stores.live.loadRelaxed(), 0);
    const int connections = m_fx.database->connectionCount();
    const int sqlConnections = int(QSqlDatabase::connectionNames().size());
    const int threads = processThreads();
    QVERIFY(threads > 0);
    const QString baselineThreads = threadNames();

    constexpr int kRounds = 6;
    for (int round = 2; round <= kRounds; ++round) {
        runRound(round);
        if (QTest::currentTestFailed())
            return;
        // Counts, not time: each must come back to the baseline, however loaded the machine.
        QCOMPARE(m_stores.live.loadRelaxed(), 0);
        QCOMPARE(m_fx.database->connectionCount(), connections);
        QCOMPARE(int(QSqlDatabase::connectionNames().size()), sqlConnections);
        // A joined thread may still be leaving the kernel's task list for a moment.
        QTRY_COMPARE(engineThreads(), 0);
        QTRY_VERIFY2(processThreads() <= threads,
                     qPrintable(QStringLiteral("threads after round %1: %2; baseline: %3")
                                    .arg(round)
                                    .arg(threadNames(), baselineThreads)));
    }
    QVERIFY(m_stores.made.loadRelaxed() >= kRounds * 2); // the factories did run (in the workers)
    QCOMPARE(testing::treeManifest(m_fx.dst), testing::treeManifest(m_fx.src));
}

void TestEngineResources::procoreJobsGiveBackTheirNetworkManagers()
{
    testing::SandboxJobFixture sandbox;
    const QString opened = sandbox.open({QStringLiteral("--seed"), QStringLiteral("empty")});
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    const StoreFactory procore = sandbox.procoreFactory();
    // Every Procore store the workers make has a client with its own network manager.
    const StoreFactory counted = [this, procore]() -> std::unique_ptr<Store> {
        std::unique_ptr<Store> store = procore();
        m_stores.track(store.get());
        const QList<QNetworkAccessManager *> managers = store->findChildren<QNetworkAccessManager *>();
        for (QNetworkAccessManager *manager : managers)
            m_networkManagers.track(manager);
        return store;
    };
    QVERIFY(sandbox.journal->jobs().ok());
    int connections = 0;
    int threads = 0;

    for (int round = 1; round <= 4; ++round) {
        const QString folder = QStringLiteral("round-%1").arg(round);
        for (int i = 0; i < 4; ++i)
            testing::putFile(m_fx.src, QStringLiteral("%1/f%2.txt").arg(folder).arg(i),
                             QByteArray(500 + i, char('k' + round)), testing::fixedTime(i));
        JobSpec spec;
        spec.kind = JobKind::Copy;
        spec.sourcePath = folder;
        spec.destinationPath = folder;
        LocalStore source(m_fx.src);
        std::unique_ptr<Store> destination = procore();
        const qint64 jobId = testing::planNewJob(sandbox.journal.get(), spec, &source, destination.get());
        QVERIFY(jobId > 0);
        destination.reset();
        const Error error = sandbox.run(countingFactory(m_fx.src), counted, jobId);
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(m_networkManagers.live.loadRelaxed(), 0);
        QCOMPARE(m_stores.live.loadRelaxed(), 0);
        QTRY_COMPARE(engineThreads(), 0);
        if (round == 1) { // the baseline (see jobsGiveBackWhatTheyHeld)
            connections = sandbox.database->connectionCount();
            threads = processThreads();
            continue;
        }
        QCOMPARE(sandbox.database->connectionCount(), connections);
        // A network manager's own thread (made in the main thread for planning) ends with it.
        QTRY_VERIFY2(processThreads() <= threads, qPrintable(threadNames()));
    }
    QVERIFY(m_networkManagers.made.loadRelaxed() >= 3); // the Procore side did make its managers
    sandbox.close();
}

void TestEngineResources::workersRunAtLowerPriority()
{
#ifdef Q_OS_LINUX
    const int mine = currentThreadNice();
    const qint64 jobId = planRound(1);
    QVERIFY(jobId > 0);
    {
        TransferEngine engine(*m_fx.database, countingFactory(m_fx.src), countingFactory(m_fx.dst), 4);
        const Error error = testing::runToEnd(engine, jobId);
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    QMutexLocker locker(&m_mutex);
    QVERIFY(!m_factoryNices.isEmpty());
    const int expected = std::min(mine + TransferWorker::kNiceIncrement, 19);
    for (const int nice : std::as_const(m_factoryNices))
        QCOMPARE(nice, expected);
    QCOMPARE(currentThreadNice(), mine); // only the workers, not the thread that made the engine
#else
    QSKIP("Per-thread nice values are a Linux feature; elsewhere the workers keep the default priority.");
#endif
}

void TestEngineResources::largeBlocksStayOutOfTheArenas()
{
#if defined(__SANITIZE_ADDRESS__) || defined(TRESTLE_CLANG_ASAN)
    // AddressSanitizer replaces malloc with its own allocator: glibc's thresholds (what the engine
    // sets, what mallinfo2 reports) do not apply there. The default build runs this case.
    QSKIP("AddressSanitizer's allocator is not glibc's malloc");
#endif
#ifdef __GLIBC__
    // Through a volatile pointer, so the compiler cannot drop a malloc/free pair.
    static void *(*volatile allocate)(size_t) = std::malloc;
    static void (*volatile release)(void *) = std::free;
    const auto mmappedBlocks = [] {
        return mallinfo2().hblks;
    };
    // main() made the start-up call, as the app's main does. glibc's default raises the mmap
    // threshold to the largest block freed (here 1 MiB), so the 300 KiB block after it would come
    // from an arena. With the setting it is mmap()ed like the first: the count of mmap()ed blocks
    // goes up by one each time.
    const size_t before = mmappedBlocks();
    void *big = allocate(1024 * 1024);
    QVERIFY(big);
    QCOMPARE(mmappedBlocks(), before + 1);
    release(big);
    QCOMPARE(mmappedBlocks(), before);
    void *smaller = allocate(300 * 1024);
    QVERIFY(smaller);
    QCOMPARE(mmappedBlocks(), before + 1);
    release(smaller);
#else
    QSKIP("Only glibc's malloc has the dynamic mmap threshold MemoryTuning turns off.");
#endif
}

void TestEngineResources::threadsShareABoundedSetOfArenas()
{
#if defined(__SANITIZE_ADDRESS__) || defined(TRESTLE_CLANG_ASAN)
    QSKIP("AddressSanitizer's allocator is not glibc's malloc");
#endif
#ifdef __GLIBC__
    // glibc gives each new thread that allocates an arena of its own, up to 8 per core, and a
    // thread that comes late (a thread-pool thread re-created after its expiry, the first parse
    // of a large reply off the client's thread) keeps the free memory of its work in an arena no
    // one else uses (the 30-minute soak's step of ~4 MB). With the start-up setting, every thread
    // shares a few arenas. Threads alive at once, each allocating, as an engine's are.
    constexpr int kThreads = 24;
    QSemaphore allocated;
    QSemaphore release;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back(QThread::create([&allocated, &release] {
            static void *(*volatile allocate)(size_t) = std::malloc;
            static void (*volatile deallocate)(void *) = std::free;
            void *block = allocate(4096);
            allocated.release();
            release.acquire();
            deallocate(block);
        }));
        threads.back()->start();
    }
    const bool allAllocated = allocated.tryAcquire(kThreads, 60000);
    const int arenas = mallocArenas();
    release.release(kThreads); // before any QVERIFY: a running QThread must not be destroyed
    for (const std::unique_ptr<QThread> &thread : threads)
        thread->wait();
    QVERIFY(allAllocated);
    QVERIFY2(arenas <= MemoryTuning::kMaxArenas,
             qPrintable(QStringLiteral("%1 arenas for %2 threads").arg(arenas).arg(kThreads)));
    QVERIFY(arenas >= 1);

    // And an engine's job leaves the count where it was (no arena per worker).
    const qint64 jobId = planRound(1);
    QVERIFY(jobId > 0);
    {
        TransferEngine engine(*m_fx.database, countingFactory(m_fx.src), countingFactory(m_fx.dst), 8);
        const Error error = testing::runToEnd(engine, jobId);
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    QVERIFY(mallocArenas() <= MemoryTuning::kMaxArenas);
#else
    QSKIP("Only glibc's malloc gives each thread an arena of its own.");
#endif
}

int main(int argc, char *argv[])
{
    MemoryTuning::apply(); // as the app's main does, before any thread exists
    QCoreApplication app(argc, argv);
    TestEngineResources test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_engine_resources.moc"
