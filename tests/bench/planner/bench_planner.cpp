// Prints the planner's figures for a large plan (issue 5's goal: a 100,000-item plan in < 10 s and
// < 300 MB). Not a pass/fail test.
//
//   bench_planner [items=100000] [--disk | --disk-full]
//
// Default: generated listings (a source of `items` entries, a destination holding half of them,
// a tenth of those changed) compared by PlanBuilder and written to a fresh journal, as JobPlanner
// does after its walks. --disk: before that, writes two real trees of `items` / 10 empty-ish files
// in a temporary folder and plans them end to end with JobPlanner over two LocalStores (first, so
// its peak RSS is its own); --disk-full does that with `items` files. Both print the longest stall
// of the calling thread's event loop while JobPlanner works (goal < 50 ms: a GUI thread may plan),
// measured by a 5 ms timer, and JobPlanner logs where its time went (walks, compare, journal).

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/planbuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>

#include "processstatus.h"
#include <cstdio>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace trestle;

namespace {

using testing::peakRssKib;

void report(const char *what, qint64 count, qint64 ms)
{
    std::printf("%-46s %8lld in %6lld ms  peak RSS %lld MiB\n", what, count, ms, peakRssKib() / 1024);
    std::fflush(stdout);
}

TreeNode node(const QString &rel, bool folder, qint64 size, qint64 mtimeSecs)
{
    TreeNode n;
    n.relPath = rel;
    n.entry.name = rel.section(QLatin1Char('/'), -1);
    n.entry.path = StorePath::fromString(rel).value();
    n.entry.kind = folder ? Entry::Kind::Folder : Entry::Kind::File;
    n.entry.size = folder ? -1 : size;
    n.entry.modified = QDateTime::fromSecsSinceEpoch(1767225600 + mtimeSecs, Qt::UTC);
    return n;
}

// About 50 files a folder, 20 folders a parent: a typical project tree.
void generate(int items, QVector<TreeNode> &source, QVector<TreeNode> &destination)
{
    int made = 0;
    for (int top = 0; made < items; ++top) {
        const QString topRel = QStringLiteral("Area %1").arg(top);
        source.append(node(topRel, true, 0, 0));
        destination.append(source.constLast());
        ++made;
        for (int sub = 0; sub < 20 && made < items; ++sub) {
            const QString subRel = QStringLiteral("%1/Sheet set %2").arg(topRel).arg(sub);
            source.append(node(subRel, true, 0, 0));
            if (sub % 2 == 0)
                destination.append(source.constLast());
            ++made;
            for (int f = 0; f < 50 && made < items; ++f, ++made) {
                const QString rel =
                    QStringLiteral("%1/A-%2-%3 rev %4.pdf").arg(subRel).arg(top).arg(sub).arg(f);
                source.append(node(rel, false, 100000 + f, f));
                if (sub % 2 == 0)
                    destination.append(node(rel, false, 100000 + f + (f % 10 == 0 ? 1 : 0), f));
            }
        }
    }
}

// The longest gap between ticks of a 5 ms timer while the event loop runs for `ms` and a thread
// of our own keeps a core busy: what the machine's scheduling alone costs a waiting thread, to
// read the planner's figure against.
qint64 baselineStallMs(int ms)
{
    std::atomic_bool stop{false};
    QThread *busy = QThread::create([&stop] {
        volatile quint64 sink = 0;
        while (!stop)
            sink = sink + 1;
    });
    busy->start();
    QElapsedTimer sinceTick;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] { longest = qMax(longest, sinceTick.restart()); });
    QEventLoop loop; // a benchmark's main(), not product code
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    sinceTick.start();
    ticker.start();
    loop.exec();
    stop = true;
    busy->wait();
    delete busy;
    return longest;
}

int planDisk(int files)
{
    QTemporaryDir dir;
    const QString src = dir.filePath(QStringLiteral("src"));
    const QString dst = dir.filePath(QStringLiteral("dst"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < files; ++i) {
        const QString rel = QStringLiteral("f%1/g%2/file-%3.txt").arg(i % 40).arg(i % 7).arg(i);
        QDir().mkpath(QFileInfo(src + QLatin1Char('/') + rel).absolutePath());
        QFile file(src + QLatin1Char('/') + rel);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(QByteArray::number(i));
    }
    QDir().mkpath(dst);
    report("disk: files written", files, timer.elapsed());
    // The peak from here on is the planner's own, not the earlier phases' or the tree writing's.
    testing::resetPeakRss();
    LocalStore source(src);
    LocalStore destination(dst);
    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open().ok())
        return 1;
    Journal journal(database);
    JobSpec spec;
    const qint64 jobId = journal.createJob(spec.toRecord()).value();
    JobPlanner planner(spec, &source, &destination);
    planner.setJournal(&journal, jobId);
    QEventLoop loop; // a benchmark's main(), not product code
    QObject::connect(&planner, &JobPlanner::finished, &loop, &QEventLoop::quit);
    // The calling thread's event loop: the longest gap between ticks of a 5 ms timer.
    QElapsedTimer sinceTick;
    qint64 longestStallMs = 0;
    qint64 longestStallAtMs = 0; // when it ended, from the planner's start
    int stallsOver20Ms = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 gap = sinceTick.restart();
        stallsOver20Ms += gap > 20 ? 1 : 0;
        if (gap > longestStallMs) {
            longestStallMs = gap;
            longestStallAtMs = timer.elapsed();
        }
    });
#ifdef Q_OS_LINUX
    // A name of its own while it plans, so `perf report --comm planner-caller` shows what the
    // calling thread spent its time on.
    prctl(PR_SET_NAME, "planner-caller", 0, 0, 0);
#endif
    timer.restart();
    sinceTick.start();
    ticker.start();
    planner.start();
    loop.exec();
    ticker.stop();
#ifdef Q_OS_LINUX
    prctl(PR_SET_NAME, "bench_planner", 0, 0, 0);
#endif
    if (planner.error()) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(planner.error().toString()));
        return 1;
    }
    report("disk: walk + compare + journal (JobPlanner)", planner.summary().itemCount(), timer.elapsed());
    std::printf("  longest event-loop stall of the calling thread: %lld ms (goal < 50 ms), ended %lld ms "
                "into the plan; %d stalls over 20 ms; an idle loop beside one busy thread: %lld ms\n",
                longestStallMs, longestStallAtMs, stallsOver20Ms, baselineStallMs(3000));
    return 0;
}

int planGenerated(int items);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int items = 100000;
    if (args.size() > 1 && args.at(1).toInt() > 0)
        items = args.at(1).toInt();

    // The disk run first: its peak RSS is then the planner's own, not what the generated phases
    // left in the allocator.
    if (args.contains(QStringLiteral("--disk-full")) || args.contains(QStringLiteral("--disk"))) {
        const int status = planDisk(args.contains(QStringLiteral("--disk-full")) ? items : items / 10);
        if (status != 0)
            return status;
    }
    return planGenerated(items);
}

namespace {

int planGenerated(int items)
{
    QElapsedTimer timer;
    timer.start();
    QVector<TreeNode> source;
    QVector<TreeNode> destination;
    generate(items, source, destination);
    report("generated source entries", source.size(), timer.elapsed());

    PlanInput input;
    input.destinationLimits = StoreLimits::procoreDocuments();
    input.policies.conflicts = ConflictPolicy::SourceWins;

    // A resync: the destination holds half the tree, a tenth of that changed.
    {
        QVector<TreeNode> src = source;
        timer.restart();
        PlanBuilder builder(input);
        builder.build(src, destination);
        report("compare, half present (PlanBuilder)", builder.items().size(), timer.elapsed());
    }
    destination.clear();

    // A first copy into an empty destination: every entry is an item.
    timer.restart();
    PlanBuilder builder(input);
    builder.build(source, destination);
    const PlanSummary summary = builder.summary();
    report("compare, empty destination (PlanBuilder)", builder.items().size(), timer.elapsed());
    std::printf("  plan: %lld folders, %lld new, %lld replaced, %lld unchanged, %lld skipped, %lld MB, "
                "%lld API calls (floor F+2N), %lld s at %d calls/h\n",
                summary.foldersToCreate, summary.filesNew, summary.filesReplaced, summary.unchanged,
                summary.skipped, summary.bytesToCopy / 1000000, summary.estimatedApiCalls,
                summary.estimatedSeconds, input.hourlyBudget);

    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open().ok())
        return 1;
    Journal journal(database);
    const qint64 jobId = journal.createJob(JobSpec().toRecord()).value();
    timer.restart();
    QVector<JobItem> &planned = builder.items();
    for (qsizetype at = 0; at < planned.size(); at += JobPlanner::kWriteBatch) {
        QVector<JobItem> batch = planned.mid(at, JobPlanner::kWriteBatch);
        if (!journal.addItems(jobId, batch).ok())
            return 1;
    }
    report("journal write (batches of 2000)", planned.size(), timer.elapsed());
    return 0;
}

} // namespace
