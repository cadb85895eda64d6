// Prints the throughput of one big file (default 1 GiB) moved through ProcoreStore against the
// sandbox — upload (segmented, the store's default above 100 MiB, and the form upload), download —
// next to curl doing the same storage transfers against the same sandbox (upload: create the
// upload with one API call, then `curl -F` the form to storage; download: curl the signed storage
// URL), their ratio, and the peak RSS (VmHWM) of this process during each store phase, which must
// stay near the baseline however big the file is; then the API calls that list the `--seed large`
// project one folder at a time and with the documents index.
// Usage: bench_procore_store [size-MiB=1024]
#include "apitestsupport.h"
#include "sandboxprocess.h"

#include "core/store/listjob.h"
#include "core/store/procorestore.h"
#include "core/store/sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include "processstatus.h"

using namespace trestle;

namespace {

using testing::peakRssKib;
using testing::resetPeakRss;

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

// The same for a segmented upload, printing where the time went: the sha256 pass (progress up to
// `size`), the segment PUTs (up to 2 x size), then the complete and create-file calls.
Error runSegmented(StoreJob *job, qint64 size)
{
    QElapsedTimer timer;
    timer.start();
    qint64 hashedAt = -1;
    qint64 sentAt = -1;
    QObject::connect(job, &StoreJob::progress, job, [&](qint64 done, qint64 total) {
        if (hashedAt < 0 && done >= size)
            hashedAt = timer.elapsed();
        if (sentAt < 0 && total > 0 && done >= total)
            sentAt = timer.elapsed();
    });
    const Error error = run(job);
    const qint64 end = timer.elapsed();
    std::printf(
        "  segmented phases: sha256 pass %lld ms, segment PUTs %lld ms, complete + create file %lld ms\n",
        hashedAt, sentAt - hashedAt, end - sentAt);
    return error;
}

// CPU time (user + system, ms) of this process (who = RUSAGE_SELF, all threads) or of its
// finished children (RUSAGE_CHILDREN: curl once QProcess has reaped it). Unlike MB/s on a machine
// shared with other builds, CPU per byte does not depend on the load. -1 where unknown.
qint64 cpuMs(bool children)
{
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage) != 0)
        return -1;
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
#else
    Q_UNUSED(children)
    return -1;
#endif
}

double mbPerSecond(qint64 bytes, qint64 ms)
{
    return ms > 0 ? (double(bytes) / 1e6) / (double(ms) / 1000.0) : 0.0;
}

void report(const char *what, qint64 bytes, qint64 ms, qint64 rssKiB)
{
    std::printf("%-40s %6lld MiB in %7lld ms = %8.1f MB/s", what, bytes >> 20, ms, mbPerSecond(bytes, ms));
    if (rssKiB >= 0)
        std::printf(", peak RSS %lld KiB", rssKiB);
    std::printf("\n");
    std::fflush(stdout);
}

bool makeSource(const QString &fileName, qint64 size)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(1 << 20, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 written = 0; written < size;) {
        const qint64 n = qMin<qint64>(block.size(), size - written);
        block[0] = char(written >> 20); // no two MiB alike
        if (file.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

// curl with arguments; returns the elapsed milliseconds, or -1 (the token never goes on a curl
// command line: the storage URLs need none).
qint64 curl(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("curl"), arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        std::fprintf(stderr, "curl failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    const qint64 ms = timer.elapsed();
    *output = process.readAllStandardOutput();
    return ms;
}

// The `--seed large` project listed one folder at a time (a fresh store: one call per folder,
// recursively) and through the documents index (ceil(N / 2000) calls); prints both call counts.
bool printListingCalls()
{
    testing::SandboxProcess large;
    apitest::Connection connection;
    if (!large.start({QStringLiteral("--seed"), QStringLiteral("large")}) || !connection.open(large)) {
        std::fprintf(stderr, "sandbox (large): %s %s\n", qPrintable(large.errorString()),
                     qPrintable(connection.error));
        return false;
    }
    const auto listAll = [](ListJob *job, QList<Entry> *entries) {
        QObject::connect(job, &StoreJob::finished, job, [job, entries] { *entries = job->entries(); });
        return run(job);
    };
    ProcoreStore perFolder(connection.client.get(), connection.projectId, QStringLiteral("large"));
    large.resetStats();
    qint64 walked = 0;
    QList<StorePath> pending{StorePath::root()};
    while (!pending.isEmpty()) {
        QList<Entry> entries;
        if (Error e = listAll(perFolder.list(pending.takeLast()), &entries)) {
            std::fprintf(stderr, "list: %s\n", qPrintable(e.toString()));
            return false;
        }
        walked += entries.size();
        for (const Entry &entry : std::as_const(entries)) {
            if (entry.isFolder())
                pending.append(entry.path);
        }
    }
    const int perFolderCalls = large.stats().value(QStringLiteral("total_api_calls")).toInt();

    ProcoreStore indexed(connection.client.get(), connection.projectId, QStringLiteral("large"));
    large.resetStats();
    QList<Entry> all;
    if (Error e = listAll(indexed.indexProject(), &all)) {
        std::fprintf(stderr, "index: %s\n", qPrintable(e.toString()));
        return false;
    }
    const int indexCalls = large.stats().value(QStringLiteral("total_api_calls")).toInt();
    std::printf("listing --seed large (%lld items walked, %lld indexed): one folder at a time %d API calls, "
                "documents index %d API calls\n",
                walked, qint64(all.size()), perFolderCalls, indexCalls);
    return true;
}

class HashingSink final : public QIODevice
{
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_hash.addData(QByteArrayView(data, size));
        return size;
    }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 sizeMiB = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    const qint64 size = sizeMiB << 20;
    if (size <= 0) {
        std::fprintf(stderr, "usage: bench_procore_store [size-MiB=1024]\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_BIN_DEFAULT);

    QTemporaryDir dir;
    const QString sourceName = dir.filePath(QStringLiteral("source.bin"));
    if (!dir.isValid() || !makeSource(sourceName, size)) {
        std::fprintf(stderr, "cannot write the %lld MiB source file\n", sizeMiB);
        return 1;
    }
    testing::SandboxProcess sandbox;
    apitest::Connection connection;
    if (!sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")}) || !connection.open(sandbox)) {
        std::fprintf(stderr, "sandbox: %s %s\n", qPrintable(sandbox.errorString()),
                     qPrintable(connection.error));
        return 1;
    }
    ProcoreStore store(connection.client.get(), connection.projectId, QStringLiteral("bench"));
    std::printf("bench_procore_store: %lld MiB, baseline peak RSS %lld KiB\n", sizeMiB, peakRssKib());

    // What the segmented path must do before its first byte goes out: SHA-256 of the whole file.
    {
        QFile file(sourceName);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QElapsedTimer hashing;
        hashing.start();
        if (file.open(QIODevice::ReadOnly) && hash.addData(&file))
            report("sha256 of the source (QCryptographicHash)", size, hashing.elapsed(), -1);
    }
    {
        QFile file(sourceName);
        Sha256 hash;
        QByteArray buffer(4 << 20, Qt::Uninitialized);
        QElapsedTimer hashing;
        hashing.start();
        if (file.open(QIODevice::ReadOnly)) {
            for (qint64 n; (n = file.read(buffer.data(), buffer.size())) > 0;)
                hash.addData(QByteArrayView(buffer.constData(), n));
            hash.takeResult();
            std::printf("(the store hashes with %s)\n", Sha256::backend());
            report("sha256 of the source (store's Sha256)", size, hashing.elapsed(), -1);
        }
    }

    // curl: create the upload with one API call, then `curl -F` the form to storage.
    const QByteArray bearer = "Bearer " + connection.tokens->current().accessToken.toUtf8();
    const QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization", bearer},
        {"Procore-Company-Id", QByteArray::number(connection.companyId)},
        {"Content-Type", "application/json"}};
    const auto curlFormUpload = [&]() -> qint64 {
        const QUrl uploads = sandbox.baseUrl().resolved(
            QUrl(QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(connection.projectId)));
        const auto created = sandbox.request("POST", uploads, R"({"response_filename":"curl.bin"})", headers);
        const QJsonObject upload = QJsonDocument::fromJson(created.body).object();
        QStringList form{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         QStringLiteral("-w"), QStringLiteral("%{http_code}")};
        const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            form << QStringLiteral("--form-string") << it.key() + QLatin1Char('=') + it.value().toString();
        form << QStringLiteral("-F") << QStringLiteral("file=@") + sourceName
             << upload.value(QStringLiteral("url")).toString();
        QByteArray out;
        const qint64 ms = curl(form, &out);
        if (ms < 0 || !out.startsWith('2')) {
            std::fprintf(stderr, "curl upload answered %s\n", out.constData());
            return -1;
        }
        return ms;
    };
    const qint64 curlUploadMs1 = curlFormUpload();
    if (curlUploadMs1 < 0)
        return 1;
    report("curl -F form upload to storage (before)", size, curlUploadMs1, -1);

    // --- ProcoreStore
    QFile source(sourceName);
    if (!source.open(QIODevice::ReadOnly))
        return 1;
    sandbox.resetStats();
    resetPeakRss();
    QElapsedTimer timer;
    timer.start();
    if (Error e = runSegmented(store.writeFrom(path("segmented.bin"), &source, size, {}), size)) {
        std::fprintf(stderr, "store upload: %s\n", qPrintable(e.toString()));
        return 1;
    }
    const qint64 storeSegmentedMs = timer.elapsed();
    report("store upload (segmented, sha256 pass)", size, storeSegmentedMs, peakRssKib());
    std::printf("  API calls: %d\n", sandbox.stats().value(QStringLiteral("total_api_calls")).toInt());

    store.setFormUploadLimit(size);
    source.seek(0);
    sandbox.resetStats();
    resetPeakRss();
    timer.restart();
    if (Error e = run(store.writeFrom(path("form.bin"), &source, size, {}))) {
        std::fprintf(stderr, "store form upload: %s\n", qPrintable(e.toString()));
        return 1;
    }
    const qint64 storeFormMs = timer.elapsed();
    report("store upload (form)", size, storeFormMs, peakRssKib());
    std::printf("  API calls: %d\n", sandbox.stats().value(QStringLiteral("total_api_calls")).toInt());

    // --- curl against the same sandbox: the form upload again after the store's (the machine's
    // load drifts; the ratio uses the mean of both curl runs)
    const qint64 curlUploadMs2 = curlFormUpload();
    if (curlUploadMs2 < 0)
        return 1;
    report("curl -F form upload to storage (after)", size, curlUploadMs2, -1);
    const qint64 curlUploadMs = (curlUploadMs1 + curlUploadMs2) / 2;

    // The download for curl: the store's file's version URL → the hop (with the token, here) →
    // the storage URL, which curl then fetches without any token.
    QUrl listUrl = sandbox.baseUrl().resolved(QUrl(QStringLiteral("/rest/v1.0/folders")));
    listUrl.setQuery(QStringLiteral("project_id=%1").arg(connection.projectId));
    const auto listing = sandbox.request("GET", listUrl, {}, headers);
    QString versionUrl;
    for (const QJsonValue &file :
         QJsonDocument::fromJson(listing.body).object().value(QStringLiteral("files")).toArray()) {
        if (file.toObject().value(QStringLiteral("name")).toString() == QLatin1String("form.bin"))
            versionUrl = file.toObject()
                             .value(QStringLiteral("file_versions"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("url"))
                             .toString();
    }
    const auto hop = sandbox.request("GET", QUrl(versionUrl), {}, {{"Authorization", bearer}});
    const QString storageUrl = QString::fromUtf8(hop.header("Location"));
    if (storageUrl.isEmpty()) {
        std::fprintf(stderr, "no storage URL from the download hop (HTTP %d)\n", hop.status);
        return 1;
    }

    // Downloads take seconds and the machine's load swings within a minute: store and curl take
    // turns, three times each, and the ratio uses each side's median.
    constexpr int kDownloadRounds = 3;
    QList<qint64> storeDownloads;
    QList<qint64> curlDownloads;
    qint64 storeDownloadRss = 0;
    for (int round = 0; round < kDownloadRounds; ++round) {
        QFile sink(dir.filePath(QStringLiteral("download.bin")));
        if (!sink.open(QIODevice::WriteOnly))
            return 1;
        resetPeakRss();
        const qint64 storeCpuBefore = cpuMs(false);
        timer.restart();
        if (Error e = run(store.readInto(path("form.bin"), &sink))) {
            std::fprintf(stderr, "store download: %s\n", qPrintable(e.toString()));
            return 1;
        }
        sink.close();
        storeDownloads.append(timer.elapsed());
        storeDownloadRss = qMax(storeDownloadRss, peakRssKib());
        report("store download", size, storeDownloads.constLast(), peakRssKib());
        std::printf("  CPU of this process: %lld ms\n", cpuMs(false) - storeCpuBefore);
        if (sink.size() != size)
            std::fprintf(stderr, "download size %lld != %lld\n", sink.size(), size);
        QFile::remove(sink.fileName());

        QByteArray out;
        const qint64 curlCpuBefore = cpuMs(true);
        const QString curlTarget = dir.filePath(QStringLiteral("curl-download.bin"));
        const qint64 curlMs = curl({QStringLiteral("-s"), QStringLiteral("-o"), curlTarget,
                                    QStringLiteral("-w"), QStringLiteral("%{http_code}"), storageUrl},
                                   &out);
        if (curlMs < 0 || !out.startsWith('2')) {
            std::fprintf(stderr, "curl download answered %s\n", out.constData());
            return 1;
        }
        curlDownloads.append(curlMs);
        report("curl download from storage", size, curlMs, -1);
        std::printf("  CPU of curl: %lld ms\n", cpuMs(true) - curlCpuBefore);
        QFile::remove(curlTarget);
    }
    std::sort(storeDownloads.begin(), storeDownloads.end());
    std::sort(curlDownloads.begin(), curlDownloads.end());
    const qint64 storeDownloadMs = storeDownloads.at(kDownloadRounds / 2);
    const qint64 curlDownloadMs = curlDownloads.at(kDownloadRounds / 2);

    // The same into a slower sink (SHA-256 of every byte on this thread): memory must stay flat.
    HashingSink hashing;
    hashing.open(QIODevice::WriteOnly);
    resetPeakRss();
    timer.restart();
    if (Error e = run(store.readInto(path("form.bin"), &hashing))) {
        std::fprintf(stderr, "store download: %s\n", qPrintable(e.toString()));
        return 1;
    }
    report("store download (sha256 sink)", size, timer.elapsed(), peakRssKib());
    std::printf("download medians: store %lld ms, curl %lld ms; store download peak RSS %lld KiB\n",
                storeDownloadMs, curlDownloadMs, storeDownloadRss);

    std::printf("ratio store/curl: upload segmented %.2f, upload form %.2f, download %.2f\n",
                mbPerSecond(size, storeSegmentedMs) / mbPerSecond(size, curlUploadMs),
                mbPerSecond(size, storeFormMs) / mbPerSecond(size, curlUploadMs),
                mbPerSecond(size, storeDownloadMs) / mbPerSecond(size, curlDownloadMs));
    std::fflush(stdout);
    return printListingCalls() ? 0 : 1;
}
