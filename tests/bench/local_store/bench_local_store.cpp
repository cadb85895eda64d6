// Prints the throughput of copying one big file (default 1 GiB) between two LocalStores, the two
// ways the engine uses (push: readInto -> WriteSession; pull: writeFrom an openReadDevice), and
// the peak RSS (VmHWM), which must stay near the baseline however big the file is.
// Usage: bench_local_store [size-MiB=1024] [folder=$TMPDIR]
#include "core/store/localstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include "processstatus.h"
#include <cstdio>
#include <memory>

using namespace trestle;

namespace {

using testing::peakRssKib;

StorePath path(const char *text)
{
    return StorePath::fromString(QString::fromUtf8(text)).value();
}

// Runs one job to its end on this thread's event loop (a benchmark, not product code).
Error run(StoreJob *job)
{
    Error result;
    bool done = false;
    QObject::connect(job, &StoreJob::finished, job, [&](StoreJob *finished) {
        result = finished->error();
        done = true;
    });
    job->start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return result;
}

void report(const char *what, qint64 bytes, qint64 ms)
{
    const double mbPerSecond = ms > 0 ? (double(bytes) / 1e6) / (double(ms) / 1000.0) : 0.0;
    std::printf("%-34s %8lld MiB in %6lld ms = %8.1f MB/s, peak RSS %lld KiB\n", what, bytes >> 20, ms,
                mbPerSecond, peakRssKib());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 mib = args.size() > 1 ? args.at(1).toLongLong() : 1024;
    const QString folder = args.size() > 2 ? args.at(2) : QDir::tempPath();
    const qint64 size = mib * 1024 * 1024;

    QTemporaryDir sourceDir(folder + QStringLiteral("/bench_local_store-src-XXXXXX"));
    QTemporaryDir destDir(folder + QStringLiteral("/bench_local_store-dst-XXXXXX"));
    if (!sourceDir.isValid() || !destDir.isValid()) {
        std::fprintf(stderr, "cannot create temporary folders in %s\n", qPrintable(folder));
        return 1;
    }
    std::printf("peak RSS at start: %lld KiB\n", peakRssKib());
    {
        QFile file(sourceDir.filePath(QStringLiteral("big.bin")));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        for (qint64 i = 0; i < mib; ++i) {
            block[0] = char(i);
            file.write(block);
        }
    }
    std::printf("source file written: %lld MiB, peak RSS %lld KiB\n", mib, peakRssKib());

    LocalStore source(sourceDir.path());
    LocalStore dest(destDir.path());
    QElapsedTimer timer;

    // Push: the source store pushes into the destination's WriteSession.
    timer.start();
    auto session = dest.beginWrite(path("push.bin"), size, QDateTime::currentDateTimeUtc());
    if (!session.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return 1;
    }
    Error error = run(source.readInto(path("big.bin"), session.value().get()));
    const Status committed = error ? Status(error) : session.value()->commit();
    if (!committed.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(committed.error().toString()));
        return 1;
    }
    report("readInto -> beginWrite (push)", size, timer.elapsed());

    // Pull: the destination pulls from a random-access device on the source file.
    timer.restart();
    auto device = source.openReadDevice(path("big.bin"));
    if (!device.ok())
        return 1;
    error = run(dest.writeFrom(path("pull.bin"), device.value().get(), size, {}));
    if (error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 1;
    }
    report("openReadDevice -> writeFrom (pull)", size, timer.elapsed());

    // Listing: 10,000 entries.
    for (int i = 0; i < 10000; ++i)
        QFile(destDir.filePath(QStringLiteral("f%1").arg(i))).open(QIODevice::WriteOnly);
    timer.restart();
    ListJob *list = dest.list(StorePath::root());
    qsizetype count = 0;
    QObject::connect(list, &StoreJob::finished, list, [&count, list] { count = list->entries().size(); });
    run(list);
    std::printf("list of %lld entries: %lld ms\n", qlonglong(count), timer.elapsed());
    return 0;
}
