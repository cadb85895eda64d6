// Prints the journal's figures for a large plan. Not a pass/fail test: the numbers go into reports
// (issue 5 asks for a 100,000-item plan in < 10 s and < 300 MB).
//
//   bench_journal [items=100000] [folder=a new temporary folder]
//
// Pass a folder on the disk you care about: fsync costs differ a lot between tmpfs, SSD and HDD.

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/journalwriter.h"
#include "core/db/reportexporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include "processstatus.h"
#include <cstdio>
#include <ctime>

using namespace trestle;

namespace {

using testing::peakRssKib;

// CPU time of the whole process so far, in ms: on a loaded machine wall time alone misleads.
qint64 cpuMs()
{
    return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC;
}

qint64 g_cpuAtStart = 0;

void report(const char *what, qint64 count, qint64 ms)
{
    const double perSecond = ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0;
    const qint64 cpu = cpuMs();
    std::printf("%-44s %8lld in %6lld ms (cpu %5lld ms)  %.0f/s  peak RSS %lld MiB\n", what, count, ms,
                cpu - g_cpuAtStart, perSecond, peakRssKib() / 1024);
    g_cpuAtStart = cpu;
    std::fflush(stdout);
}

int fail(const Error &error)
{
    std::fprintf(stderr, "failed: %s\n", qPrintable(error.toString()));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int total = args.size() > 1 ? args.at(1).toInt() : 100000;
    QTemporaryDir temp(args.size() > 2 ? args.at(2) + QStringLiteral("/bench-journal-XXXXXX") : QString());
    if (!temp.isValid() || total <= 0) {
        std::fprintf(stderr, "usage: bench_journal [items] [folder]\n");
        return 2;
    }

    Database db(temp.filePath(QStringLiteral("bench.sqlite")));
    if (Status opened = db.open(); !opened.ok())
        return fail(opened.error());
    Journal journal(db);
    JobRecord spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("/mnt/projects/tower-b");
    spec.destinationPath = QStringLiteral("/Documents");
    Result<qint64> created = journal.createJob(spec);
    if (!created.ok())
        return fail(created.error());
    const qint64 jobId = created.value();
    std::printf("journal bench: %d items in %s\n", total, qPrintable(db.filePath()));
    std::printf("peak RSS at start: %lld MiB\n", peakRssKib() / 1024);

    // The plan, as the planner writes it: chunks of 10,000 items, one transaction each.
    constexpr int kChunk = 10000;
    QElapsedTimer timer;
    timer.start();
    g_cpuAtStart = cpuMs();
    for (int start = 0; start < total; start += kChunk) {
        QVector<JobItem> items;
        items.reserve(kChunk);
        for (int i = start; i < std::min(total, start + kChunk); ++i) {
            JobItem item;
            item.action = (i % 20 == 0) ? ItemAction::CreateFolder : ItemAction::Upload;
            item.sourcePath = QStringLiteral("/mnt/projects/tower-b/Level %1/Drawings/A-%2 rev C.pdf")
                                  .arg(i / 200)
                                  .arg(i, 6, 10, QLatin1Char('0'));
            item.destinationPath = QStringLiteral("/Documents/Level %1/Drawings/A-%2 rev C.pdf")
                                       .arg(i / 200)
                                       .arg(i, 6, 10, QLatin1Char('0'));
            item.size = 250000 + (i % 5000) * 100;
            item.mtimeMs = 1700000000000LL + i;
            item.sourceId = 0;
            items.append(item);
        }
        if (Status added = journal.addItems(jobId, items); !added.ok())
            return fail(added.error());
    }
    report("plan insert (chunks of 10,000)", total, timer.elapsed());
    std::printf("database file: %lld MiB (+ WAL %lld MiB)\n", QFileInfo(db.filePath()).size() >> 20,
                QFileInfo(db.filePath() + QStringLiteral("-wal")).size() >> 20);

    // The engine: claim 8 at a time (durable claim), report each batch's outcomes.
    timer.restart();
    qint64 claimed = 0;
    qint64 claimMs = 0;
    QElapsedTimer claimTimer;
    const int claimLimit = std::min(total, 20000);
    while (claimed < claimLimit) {
        claimTimer.restart();
        Result<QVector<JobItem>> taken = journal.takePending(jobId, 8);
        claimMs += claimTimer.elapsed();
        if (!taken.ok())
            return fail(taken.error());
        if (taken.value().isEmpty())
            break;
        QVector<ItemOutcome> outcomes;
        for (const JobItem &item : taken.value()) {
            ItemOutcome outcome;
            outcome.itemId = item.id;
            outcome.state = ItemState::Done;
            outcome.bytesDone = item.size;
            outcome.checksum = QStringLiteral("sha256:0123456789abcdef");
            outcomes.append(outcome);
        }
        if (Status recorded = journal.recordOutcomes(outcomes); !recorded.ok())
            return fail(recorded.error());
        claimed += taken.value().size();
    }
    report("takePending(8) + recordOutcomes, items", claimed, timer.elapsed());
    std::printf("  of which takePending(8) alone: %lld ms (one fsync per claim)\n", claimMs);

    // Outcomes batched as the JournalWriter does (one transaction for 500).
    timer.restart();
    qint64 batched = 0;
    while (batched < claimLimit) {
        Result<QVector<JobItem>> taken = journal.takePending(jobId, 500);
        if (!taken.ok())
            return fail(taken.error());
        if (taken.value().isEmpty())
            break;
        if (Status began = journal.beginBatch(); !began.ok())
            return fail(began.error());
        for (const JobItem &item : taken.value()) {
            ItemOutcome outcome;
            outcome.itemId = item.id;
            outcome.state = ItemState::Done;
            outcome.bytesDone = item.size;
            if (Status recorded = journal.recordOutcomes({outcome}); !recorded.ok())
                return fail(recorded.error());
        }
        if (Status committed = journal.commitBatch(); !committed.ok())
            return fail(committed.error());
        batched += taken.value().size();
    }
    report("takePending(500) + batched outcomes, items", batched, timer.elapsed());

    // Outcomes from 4 worker threads through the JournalWriter's owner thread, until all committed.
    {
        Result<QVector<JobItem>> taken = journal.takePending(jobId, std::min(total - 2 * claimLimit, 20000));
        if (!taken.ok())
            return fail(taken.error());
        const QVector<JobItem> &items = taken.value();
        timer.restart();
        {
            JournalWriter writer(db);
            std::vector<std::unique_ptr<QThread>> threads;
            for (int t = 0; t < 4; ++t) {
                threads.emplace_back(QThread::create([&writer, &items, t] {
                    for (int i = t; i < items.size(); i += 4) {
                        ItemOutcome outcome;
                        outcome.itemId = items.at(i).id;
                        outcome.jobId = items.at(i).jobId;
                        outcome.state = ItemState::Done;
                        outcome.bytesDone = items.at(i).size;
                        writer.recordOutcome(outcome);
                    }
                }));
                threads.back()->start();
            }
            for (auto &thread : threads)
                thread->wait();
        } // the writer commits what is queued before it is destroyed
        report("JournalWriter outcomes from 4 threads", items.size(), timer.elapsed());
    }

    timer.restart();
    if (Status recomputed = journal.recomputeCounters(jobId); !recomputed.ok())
        return fail(recomputed.error());
    report("recomputeCounters, items", total, timer.elapsed());

    timer.restart();
    Result<QVector<JobItem>> reset = journal.resetInFlight(jobId);
    if (!reset.ok())
        return fail(reset.error());
    report("resetInFlight (nothing in flight), items", total, timer.elapsed());

    QFile csv(temp.filePath(QStringLiteral("report.csv")));
    if (!csv.open(QIODevice::WriteOnly))
        return 1;
    timer.restart();
    if (Status written = ReportExporter(db).writeCsv(jobId, &csv); !written.ok())
        return fail(written.error());
    csv.close();
    report("CSV report, items", total, timer.elapsed());
    std::printf("CSV report: %lld MiB\n", csv.size() >> 20);
    std::printf("peak RSS at end: %lld MiB\n", peakRssKib() / 1024);
    return 0;
}
