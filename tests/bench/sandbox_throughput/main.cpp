// bench_sandbox_throughput [SIZE_GIB] [--qnam] [--sparse] [--no-sendfile] [--dir DIR]
//
// Throughput and peak memory of the sandbox's HTTP transport (tests/sandbox/http). Starts an
// HttpServer on its own thread, serves a generated SIZE_GIB file (default 1) and times:
//   curl download, curl PUT upload (spooled to disk), curl multipart form upload (streamed through
//   MultipartReader to a file), and with --qnam the same download and upload through
//   QNetworkAccessManager. Prints MB/s (10^6 bytes per second) and the process's peak RSS
// (VmHWM) after each step; RSS must stay flat whatever the size. Not a ctest test: it asserts
// nothing, it prints figures.

#include "http/httpserver.h"
#include "http/multipartreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cstdio>

#include "processstatus.h"
#include <sys/resource.h>

using namespace sandbox;

namespace {

QByteArray procStatus(const char *field)
{
    const QByteArray value = testing::procStatusField(field);
    return value.isEmpty() ? QByteArray("?") : value;
}

// CPU seconds this process (server and client threads, not curl) used so far: a figure that
// means something even on a loaded machine, unlike MB/s.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void report(const char *what, qint64 bytes, double seconds, const QByteArray &extra = {})
{
    static double lastCpu = cpuSeconds();
    const double cpu = cpuSeconds();
    std::printf("%-30s %7.1f MB/s  (%lld B in %.2f s, %.2f CPU s)  peak RSS %s  RSS %s%s\n", what,
                seconds > 0 ? double(bytes) / seconds / 1e6 : 0.0, static_cast<long long>(bytes), seconds,
                cpu - lastCpu, procStatus("VmHWM").constData(), procStatus("VmRSS").constData(),
                extra.constData());
    lastCpu = cpu;
    std::fflush(stdout);
}

bool makeFile(const QString &path, qint64 size, bool sparse)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (sparse)
        return f.resize(size);
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 written = 0; written < size;) {
        const qint64 n = std::min<qint64>(block.size(), size - written);
        if (f.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

// Runs curl and returns what its -w format printed (speed in bytes per second).
QByteArray curl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("curl"), args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        std::fprintf(stderr, "curl failed (exit %d): %s\n", p.exitCode(),
                     p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput().trimmed();
}

struct Received
{
    std::atomic<qint64> bytes{0};
    std::atomic<qint64> filePartBytes{0};
    std::atomic<qint64> parseMs{0};
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool withQnam = args.removeAll(QStringLiteral("--qnam")) > 0;
    const bool sparse = args.removeAll(QStringLiteral("--sparse")) > 0;
    if (args.removeAll(QStringLiteral("--no-sendfile")) > 0) // measure the portable path
        qputenv("TRESTLE_SANDBOX_NO_SENDFILE", "1");
    QString baseDir;
    const qsizetype dirIndex = args.indexOf(QStringLiteral("--dir"));
    if (dirIndex >= 0 && dirIndex + 1 < args.size()) {
        baseDir = args.at(dirIndex + 1);
        args.remove(dirIndex, 2);
    }
    const double gib = args.isEmpty() ? 1.0 : args.first().toDouble();
    const qint64 size = qint64(gib * 1024 * 1024 * 1024);
    if (size <= 0) {
        std::fprintf(
            stderr,
            "usage: bench_sandbox_throughput [SIZE_GIB] [--qnam] [--sparse] [--no-sendfile] [--dir DIR]\n");
        return 2;
    }

    QTemporaryDir dir(baseDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-http-XXXXXX")
                                        : baseDir + QStringLiteral("/bench-http-XXXXXX"));
    if (!dir.isValid())
        return 1;
    const QString servedPath = dir.filePath(QStringLiteral("served.bin"));
    QElapsedTimer timer;
    timer.start();
    if (!makeFile(servedPath, size, sparse)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(servedPath));
        return 1;
    }
    std::printf("file: %lld bytes (%s) in %s, written in %.2f s\n", static_cast<long long>(size),
                sparse ? "sparse" : "random data", qPrintable(dir.path()), timer.elapsed() / 1000.0);
    report("baseline (before any transfer)", 0, 0);

    Received received;
    const QString sinkPath = dir.filePath(QStringLiteral("form-file.bin"));
    HttpHandler handler = [&](const HttpRequest &request) {
        if (request.method == "GET" || request.method == "HEAD") {
            HttpResponse r;
            r.bodyFile = servedPath;
            r.setHeader("Content-Type", "application/octet-stream");
            return r;
        }
        received.bytes = request.bodySize;
        const QByteArray boundary = MultipartReader::boundaryOf(request.header("Content-Type"));
        if (!boundary.isEmpty()) { // the S3-style form upload: stream the file part to disk
            auto device = request.bodyDevice();
            QFile sink(sinkPath);
            if (!device || !sink.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
                return HttpResponse::json(500, "{}");
            QElapsedTimer parseTimer;
            parseTimer.start();
            MultipartReader reader(device.get(), boundary);
            QList<QPair<QByteArray, QByteArray>> fields;
            if (!reader.readAll(&fields, [&](const MultipartReader::Part &) { return &sink; }))
                return HttpResponse::json(422, reader.errorString().toUtf8());
            received.filePartBytes = sink.size();
            received.parseMs = parseTimer.elapsed();
        }
        return HttpResponse::json(201, "{}");
    };

    // The server lives on its own thread, as it would in its own process.
    QThread serverThread;
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    serverThread.start();
    HttpServer *server = nullptr;
    QMetaObject::invokeMethod(
        &serverContext,
        [&] {
            server = new HttpServer(handler, dir.filePath(QStringLiteral("spool")));
            if (!server->listen())
                std::fprintf(stderr, "listen failed: %s\n", qPrintable(server->errorString()));
        },
        Qt::BlockingQueuedConnection);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server->port());
    const QStringList quiet{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null")};

    // 1. curl download
    QByteArray speed = curl(quiet
                            + QStringList{QStringLiteral("-w"), QStringLiteral("%{speed_download}"),
                                          base + QStringLiteral("/file")});
    report("curl GET (download)", size, double(size) / std::max(speed.toDouble(), 1.0));

    // 2. curl PUT upload (spooled to a temp file, removed after the handler)
    speed = curl(quiet
                 + QStringList{QStringLiteral("-T"), servedPath, QStringLiteral("-w"),
                               QStringLiteral("%{speed_upload}"), base + QStringLiteral("/upload")});
    report("curl PUT -T (upload)", received.bytes, double(size) / std::max(speed.toDouble(), 1.0));

    // 3. curl multipart form upload (spooled, then parsed by MultipartReader into a file)
    timer.restart();
    speed =
        curl(quiet
             + QStringList{QStringLiteral("-F"), QStringLiteral("key=uploads/bench.bin"),
                           QStringLiteral("-F"), QStringLiteral("file=@") + servedPath, QStringLiteral("-w"),
                           QStringLiteral("%{speed_upload}"), base + QStringLiteral("/form")});
    const double formSeconds = timer.elapsed() / 1000.0;
    report("curl POST -F (form upload)", received.filePartBytes,
           double(size) / std::max(speed.toDouble(), 1.0),
           QByteArray("  end-to-end incl. parse ")
               + QByteArray::number(double(size) / formSeconds / 1e6, 'f', 1) + " MB/s; parse alone "
               + QByteArray::number(double(size) / std::max<qint64>(received.parseMs, 1) / 1e3, 'f', 1)
               + " MB/s");
    QFile::remove(sinkPath);

    if (withQnam) {
        QNetworkAccessManager nam;
        // 4. QNAM download, drained as it arrives
        qint64 got = 0;
        timer.restart();
        {
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(base + QStringLiteral("/file"))));
            reply->setReadBufferSize(4 * 1024 * 1024);
            QObject::connect(reply, &QNetworkReply::readyRead, reply,
                             [&] { got += reply->readAll().size(); });
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            got += reply->readAll().size();
            if (reply->error() != QNetworkReply::NoError)
                std::fprintf(stderr, "QNAM GET: %s\n", qPrintable(reply->errorString()));
            reply->deleteLater();
        }
        report("QNAM GET (download)", got, timer.elapsed() / 1000.0);

        // 5. QNAM PUT from a QFile
        timer.restart();
        {
            QFile source(servedPath);
            source.open(QIODevice::ReadOnly);
            QNetworkRequest request(QUrl(base + QStringLiteral("/upload")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/octet-stream"));
            QNetworkReply *reply = nam.put(request, &source);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            if (reply->error() != QNetworkReply::NoError)
                std::fprintf(stderr, "QNAM PUT: %s\n", qPrintable(reply->errorString()));
            delete reply;
        }
        report("QNAM PUT (upload)", received.bytes, timer.elapsed() / 1000.0);
    }

    QMetaObject::invokeMethod(
        &serverContext, [&] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
