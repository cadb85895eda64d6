// API calls of the engine against the sandbox, counted by the sandbox itself (every /rest call):
//  1. upload the `--seed large` tree (generated locally with the same names: 20 areas x (1 index
//     file + 25 levels x 20 sheets) = F folders, N files) into an empty project with 4 workers
//     whose ProcoreStores share one path cache, against the floor F + 2N (goal <= 1.05 x floor + 5);
//  2. re-sync (plan + run) with nothing changed (goal <= 3), then with 10 files changed: the
//     planner's store lists from the snapshot of a path cache kept for the connection's lifetime
//     (ProcoreStore::ListingSource::ProjectSnapshot), and for comparison one folder at a time;
//  3. the same upload with the budget saver (`file[data]`), against F + N;
//  4. for comparison, the upload with a path cache per worker (as before the shared cache).
// Usage: bench_engine_calls [areas=20] (fewer areas: a smaller tree, same shape).
#include "apitestsupport.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include "core/common/memorytuning.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/transferengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace trestle;

namespace {

struct Tree
{
    qint64 folders = 0;
    qint64 files = 0;
};

// The sandbox's seedLarge() (tests/sandbox/documents/documentsseeder.cpp), 1-20 KB per file.
Tree makeLargeTree(const QString &root, int areas)
{
    Tree tree;
    QRandomGenerator random(5);
    const auto put = [&](const QString &rel) {
        QByteArray bytes(int(random.bounded(1024, 20481)), Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        testing::putFile(root, rel, bytes, testing::fixedTime(int(tree.files)));
        ++tree.files;
    };
    for (int area = 1; area <= areas; ++area) {
        const QString areaName = QStringLiteral("Area %1").arg(area, 2, 10, QLatin1Char('0'));
        ++tree.folders;
        put(areaName + QStringLiteral("/Area %1 Index.xlsx").arg(area, 2, 10, QLatin1Char('0')));
        for (int level = 1; level <= 25; ++level) {
            const QString levelName =
                areaName + QStringLiteral("/Level %1").arg(level, 2, 10, QLatin1Char('0'));
            ++tree.folders;
            for (int i = 1; i <= 20; ++i)
                put(levelName
                    + QStringLiteral("/Sheet %1-%2-%3.pdf")
                          .arg(area)
                          .arg(level)
                          .arg(i, 2, 10, QLatin1Char('0')));
        }
    }
    return tree;
}

class Bench final
{
public:
    bool open(const QString &dir)
    {
        if (!m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty"),
                              QStringLiteral("--rate-limit"), QStringLiteral("100000000")})
            || !m_connection.open(m_sandbox)) {
            std::fprintf(stderr, "sandbox: %s %s\n", qPrintable(m_sandbox.errorString()),
                         qPrintable(m_connection.error));
            return false;
        }
        QDir().mkpath(dir);
        m_database = std::make_unique<Database>(dir + QStringLiteral("/journal.sqlite"));
        if (!m_database->open().ok())
            return false;
        m_journal = std::make_unique<Journal>(*m_database);
        return true;
    }

    int apiCalls() const { return m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt(); }

    // The workers' ProcoreStores: one shared path cache (the planner's), or one each.
    StoreFactory procoreFactory(std::shared_ptr<ProcorePathCache> shared, bool budgetSaver) const
    {
        const std::shared_ptr<ConnectionContext> context = m_connection.context;
        const qint64 projectId = m_connection.projectId;
        return [context, projectId, shared, budgetSaver]() -> std::unique_ptr<Store> {
            auto *client = new ProcoreClient(context);
            auto store =
                std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"), shared);
            store->setBudgetSaver(budgetSaver);
            client->setParent(store.get());
            return store;
        };
    }

    struct Figures
    {
        int planCalls = -1;
        int runCalls = -1;
        PlanSummary summary;
        qint64 ms = 0;
    };

    enum class Cache {
        PerWorker, // every worker's store its own (as before the shared cache)
        PerRun, // the planner's and the workers' stores share one, new for each run; per-folder listing
        Connection, // one for the connection's lifetime, and the planner lists from its snapshot
    };

    // Plans (with a fresh planning store) and runs share -> Procore; counts each part's calls.
    Figures copyUp(const QString &share, Cache mode, bool budgetSaver)
    {
        Figures figures;
        QElapsedTimer timer;
        timer.start();
        LocalStore local(share);
        ProcoreStore planning(m_connection.client.get(), m_connection.projectId,
                              QStringLiteral("Sandbox project"),
                              mode == Cache::Connection ? m_cache : nullptr);
        planning.setBudgetSaver(budgetSaver);
        if (mode == Cache::Connection)
            planning.setListingSource(ProcoreStore::ListingSource::ProjectSnapshot);
        JobSpec spec;
        spec.kind = JobKind::Copy;
        Result<qint64> id = m_journal->createJob(spec.toRecord());
        if (!id.ok() || !m_sandbox.resetStats())
            return figures;
        if (const Error e =
                testing::planJob(spec, &local, &planning, &figures.summary, m_journal.get(), id.value())) {
            std::fprintf(stderr, "plan: %s\n", qPrintable(e.toString()));
            return figures;
        }
        figures.planCalls = apiCalls();
        if (qEnvironmentVariableIsSet("BENCH_ENGINE_CALLS_DEBUG"))
            std::fprintf(stderr, "plan calls: %s\n",
                         QJsonDocument(m_sandbox.stats()).toJson(QJsonDocument::Compact).constData());
        if (!m_sandbox.resetStats())
            return figures;
        TransferEngine engine(
            *m_database, [share] { return std::make_unique<LocalStore>(share); },
            procoreFactory(mode == Cache::PerWorker ? nullptr : planning.sharedCache(), budgetSaver), 4);
        QSignalSpy finished(&engine, &TransferEngine::finished);
        engine.start(id.value());
        if (!finished.wait(1800000)) {
            std::fprintf(stderr, "the job did not finish\n");
            return figures;
        }
        if (const Error e = finished.constFirst().at(1).value<Error>())
            std::fprintf(stderr, "job: %s\n", qPrintable(e.toString()));
        figures.runCalls = apiCalls();
        figures.ms = timer.elapsed();
        return figures;
    }

private:
    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
    const std::shared_ptr<ProcorePathCache> m_cache = std::make_shared<ProcorePathCache>();
};

void print(const char *what, const Bench::Figures &f)
{
    std::printf("%-44s plan %5d + run %6d = %6d API calls (planned: %lld folders, %lld new files, %lld "
                "replaced; %.1f s)\n",
                what, f.planCalls, f.runCalls, f.planCalls + f.runCalls, f.summary.foldersToCreate,
                f.summary.filesNew, f.summary.filesReplaced, double(f.ms) / 1000.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    trestle::MemoryTuning::apply(); // as the app does: measure the product's allocator set-up
    QCoreApplication app(argc, argv);
    const int areas = argc > 1 ? QByteArray(argv[1]).toInt() : 20;
    if (areas <= 0 || areas > 99) {
        std::fprintf(stderr, "usage: bench_engine_calls [areas=20]\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_BIN_DEFAULT);
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const Tree tree = makeLargeTree(share, areas);
    const qint64 floor = tree.folders + 2 * tree.files;
    std::printf(
        "bench_engine_calls: the --seed large tree, %d areas: F = %lld folders, N = %lld files; floor F + 2N "
        "= %lld, budget-saver floor F + N = %lld\n",
        areas, tree.folders, tree.files, floor, tree.folders + tree.files);

    {
        Bench bench;
        if (!bench.open(dir.filePath(QStringLiteral("a"))))
            return 1;
        const Bench::Figures up = bench.copyUp(share, Bench::Cache::Connection, false);
        print("upload into an empty project (shared cache)", up);
        std::printf("  run / floor = %.3f (goal <= 1.05 x floor + 5 = %.0f): %s\n",
                    double(up.runCalls) / double(floor), 1.05 * double(floor) + 5,
                    up.runCalls <= 1.05 * double(floor) + 5 ? "met" : "MISSED");

        const Bench::Figures perFolder = bench.copyUp(share, Bench::Cache::PerRun, false);
        print("re-sync, nothing changed, per-folder listing", perFolder);
        QTest::qWait(1100); // the snapshot's "since" is kept clearly apart from the upload's times
        const Bench::Figures same = bench.copyUp(share, Bench::Cache::Connection, false);
        // The snapshot was taken before the upload: this pass reads the upload's own items back
        // (1 + ceil(items / 2000) calls). From then on, nothing changed costs 2.
        print("re-sync, first after the upload, snapshot", same);
        const Bench::Figures again = bench.copyUp(share, Bench::Cache::Connection, false);
        print("re-sync, nothing changed, snapshot listing", again);
        std::printf("  goal <= 3: %s\n", again.planCalls + again.runCalls <= 3 ? "met" : "MISSED");

        // 10 files changed (content and time).
        QRandomGenerator random(9);
        for (int i = 0; i < 10; ++i) {
            const QString rel = QStringLiteral("Area 01/Level %1/Sheet 1-%2-01.pdf")
                                    .arg(i % 25 + 1, 2, 10, QLatin1Char('0'))
                                    .arg(i % 25 + 1);
            QByteArray bytes(int(random.bounded(1024, 20481)), 'x');
            testing::putFile(share, rel, bytes, QDateTime::currentDateTimeUtc().addSecs(60)); // edited now
        }
        const Bench::Figures ten = bench.copyUp(share, Bench::Cache::Connection, false);
        print("re-sync, 10 files changed, snapshot listing", ten);
    }
    {
        Bench bench;
        if (!bench.open(dir.filePath(QStringLiteral("b"))))
            return 1;
        const Bench::Figures saver = bench.copyUp(share, Bench::Cache::PerRun, true);
        print("upload with the budget saver (file[data])", saver);
        std::printf("  run / (F + N) = %.3f\n", double(saver.runCalls) / double(tree.folders + tree.files));
    }
    {
        Bench bench;
        if (!bench.open(dir.filePath(QStringLiteral("c"))))
            return 1;
        const Bench::Figures own = bench.copyUp(share, Bench::Cache::PerWorker, false);
        print("upload, a path cache per worker (before)", own);
        std::printf("  run / floor = %.3f\n", double(own.runCalls) / double(floor));
    }
    return 0;
}
