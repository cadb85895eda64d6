// The journal's restore from a damaged database: the fuzz input is written as the SQLite file,
// then opened with Database and read (and resumed) with Journal the way a restart does. A damaged
// file must fail cleanly with an Error (LocalIo / Config), never crash or read out of bounds; a
// file that opens must survive every read and the resume path.
//
// Seeds: a real journal (FUZZ_JOURNAL_WRITE_SEED=<file> ./fuzz_journal writes one and exits).

#include "core/db/database.h"
#include "core/db/journal.h"
#include "fuzzinput.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace trestle;

namespace {

QTemporaryDir *g_dir = nullptr;

void writeSeed(const QString &target)
{
    QFile::remove(target);
    {
        Database db(target);
        fuzz::check(db.open().ok(), "seed database opens");
        Journal journal(db);
        JobRecord job;
        job.kind = JobKind::Copy;
        job.sourceConnection = QStringLiteral("local-share");
        job.sourcePath = QStringLiteral("Drawings");
        job.destinationConnection = QStringLiteral("procore-demo");
        job.destinationPath = QStringLiteral("Project Files/Drawings");
        const Result<qint64> id = journal.createJob(job);
        fuzz::check(id.ok(), "seed job created");
        QVector<JobItem> items;
        for (int i = 0; i < 6; ++i) {
            JobItem item;
            item.action = i == 0 ? ItemAction::CreateFolder : ItemAction::Upload;
            item.sourcePath = QStringLiteral("Drawings/A-%1.pdf").arg(i);
            item.destinationPath = QStringLiteral("Project Files/Drawings/A-%1.pdf").arg(i);
            item.size = 1000 * i;
            item.mappingRecord = QStringLiteral("{\"v\":1,\"original\":\"A:%1\",\"mapped\":\"A-%1\"}").arg(i);
            items.append(item);
        }
        fuzz::check(journal.addItems(id.value(), items).ok(), "seed items added");
        fuzz::check(journal.takePending(id.value(), 2).ok(), "seed items claimed");
        fuzz::check(journal.setJobState(id.value(), JobState::Running).ok(), "seed job running");
        db.closeConnectionForCurrentThread();
    }
    // Fold the WAL into the main file: the seed is that one file.
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    new QCoreApplication(*argc, *argv);
    if (const char *seed = std::getenv("FUZZ_JOURNAL_WRITE_SEED")) {
        writeSeed(QString::fromLocal8Bit(seed));
        std::printf("seed written to %s\n", seed);
        std::exit(0);
    }
    // In memory when the system has a tmpfs there: the journal syncs, and disk syncs would make
    // the fuzzer a benchmark of the disk.
    const QString shm = QStringLiteral("/dev/shm");
    g_dir = QFileInfo(shm).isWritable() ? new QTemporaryDir(shm + QStringLiteral("/fuzz_journal-XXXXXX"))
                                        : new QTemporaryDir();
    fuzz::check(g_dir->isValid(), "temporary dir");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = g_dir->filePath(QStringLiteral("trestle.sqlite"));
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    {
        QFile file(path);
        fuzz::check(file.open(QIODevice::WriteOnly), "write the fuzz file");
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    Database db(path);
    const Status opened = db.open();
    if (!opened.ok()) {
        const Error::Kind kind = opened.error().kind();
        fuzz::check(kind == Error::Kind::LocalIo || kind == Error::Kind::Config,
                    "a bad file is LocalIo or Config");
        return 0;
    }
    Journal journal(db);
    const auto jobs = journal.jobs();
    if (jobs.ok()) {
        for (const JobRecord &job : jobs.value()) {
            (void)journal.job(job.id);
            (void)journal.items(job.id, -1, 50);
            int visited = 0;
            (void)journal.forEachItem(job.id, [&visited](const JobItem &) { return ++visited < 200; });
        }
    }
    const auto unfinished = journal.unfinishedJobs();
    if (unfinished.ok()) {
        for (const JobRecord &job : unfinished.value()) {
            (void)journal.resetInFlight(job.id);
            (void)journal.recomputeCounters(job.id);
            const auto taken = journal.takePending(job.id, 4);
            if (taken.ok()) {
                QVector<ItemOutcome> outcomes;
                for (const JobItem &item : taken.value())
                    outcomes.append(ItemOutcome{item.id, job.id, ItemState::Done, item.size, {}, 0, {}, {}});
                (void)journal.recordOutcomes(outcomes);
            }
        }
    }
    db.closeConnectionForCurrentThread();
    return 0;
}
