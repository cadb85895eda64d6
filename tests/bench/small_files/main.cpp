// Small-file throughput share -> Procore against the sandbox with an unlimited budget: N files of
// K KiB in folders of 1,000, through the engine (4 workers whose ProcoreStores share one path
// cache), in files/s; and curl making the same HTTP calls with the same concurrency (4), phase by
// phase with `curl --parallel --parallel-max 4`: create the uploads (API), POST the forms to
// storage, create the files (API). curl's phases need no per-file dependency wait, so it is a
// strict baseline. Goal: the engine's time <= 1.5 x curl's.
// Each phase prints the CPU time it cost the client and the sandbox: both share the machine's cores,
// so a client that burns more CPU also slows the one-threaded sandbox it waits for.
// Both talk HTTPS to the sandbox (a throw-away certificate both trust), as they would to Procore,
// which serves HTTPS only. Over plain HTTP without a proxy, Qt 6.4's client takes a path no user's
// job takes: it reads each answer's status line and headers one byte per read() call
// (QHttpNetworkConnectionChannel opens an unbuffered socket then), ~400 system calls per answer;
// `http` as the fourth argument measures that path.
// Usage: bench_small_files [files=10000] [kib=20] [phases=all] [https|http]: phases is "all" or a
// comma list of engine, store, curl (profiling, quicker comparisons; `perf record -g` on this
// process also records the sandbox, its child).
#include "apitestsupport.h"
#include "processstatus.h"
#include "sandboxprocess.h"
#include "testcertificate.h"
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>

using namespace trestle;

namespace {

constexpr int kConcurrency = 4;
constexpr int kPerFolder = 1000;

QString folderName(int index)
{
    return QStringLiteral("batch %1").arg(index, 2, 10, QLatin1Char('0'));
}

QString fileName(int index)
{
    return QStringLiteral("file %1.pdf").arg(index, 5, 10, QLatin1Char('0'));
}

// A quoted value for a curl config file.
QByteArray quoted(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + out + '"';
}

// Runs curl over a config file, 4 transfers at a time; returns the wall time in ms, or -1 when a
// transfer failed. The config holds the token: it lives in a private temporary folder only.
qint64 runCurl(const QString &config, int expected)
{
    QProcess curl;
    QElapsedTimer timer;
    timer.start();
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("--parallel"), QStringLiteral("--parallel-max"), QString::number(kConcurrency),
                QStringLiteral("-s"), QStringLiteral("-K"), config});
    if (!curl.waitForFinished(-1))
        return -1;
    const qint64 ms = timer.elapsed();
    const QList<QByteArray> codes = curl.readAllStandardOutput().split('\n');
    const int ok = int(
        std::count_if(codes.cbegin(), codes.cend(), [](const QByteArray &c) { return c.startsWith('2'); }));
    if (ok != expected) {
        std::fprintf(stderr, "curl: %d of %d transfers succeeded\n", ok, expected);
        return -1;
    }
    return ms;
}

// CPU time (user + system) of a process in ms from /proc/<pid>/stat; -1 when unknown.
qint64 cpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / ticks;
}

// CPU time (user + system) in ms of this process's children that have ended (the curl runs).
qint64 childrenCpuMs()
{
    struct rusage usage = {};
    if (getrusage(RUSAGE_CHILDREN, &usage) != 0)
        return -1;
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

// The pids of this process's children (the sandbox), from every thread's children list.
QList<qint64> childPids()
{
    QList<qint64> pids;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile children(QStringLiteral("/proc/self/task/%1/children").arg(task));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : children.readAll().simplified().split(' '))
            if (!pid.isEmpty())
                pids << pid.toLongLong();
    }
    return pids;
}

} // namespace

int main(int argc, char **argv)
{
    trestle::MemoryTuning::apply(); // as the app does: measure the product's allocator set-up
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int kib = argc > 2 ? QByteArray(argv[2]).toInt() : 20;
    // A comma list of phases, e.g. "engine,curl"; "all" runs every phase.
    const QList<QByteArray> phases = (argc > 3 ? QByteArray(argv[3]) : QByteArrayLiteral("all")).split(',');
    const auto wants = [&phases](const char *name) {
        return phases.contains(QByteArray(name)) || phases.contains(QByteArrayLiteral("all"));
    };
    const bool runEngine = wants("engine");
    const bool runStore = wants("store");
    const bool runCurlPhase = wants("curl");
    const QByteArray transport = argc > 4 ? QByteArray(argv[4]) : QByteArrayLiteral("https");
    if (files <= 0 || kib <= 0 || (transport != "https" && transport != "http")) {
        std::fprintf(
            stderr, "usage: bench_small_files [files=10000] [kib=20] [engine|store|curl|all] [https|http]\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_BIN_DEFAULT);
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const int folders = (files + kPerFolder - 1) / kPerFolder;
    {
        QRandomGenerator random(3);
        QByteArray bytes(kib * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        for (int i = 0; i < files; ++i) {
            bytes[0] = char(i);
            bytes[1] = char(i >> 8);
            testing::putFile(share, folderName(i / kPerFolder) + QLatin1Char('/') + fileName(i), bytes,
                             testing::fixedTime(i));
        }
    }
    QStringList sandboxArguments{QStringLiteral("--seed"), QStringLiteral("empty"),
                                 QStringLiteral("--rate-limit"), QStringLiteral("100000000")};
    TestCertificate certificate;
    if (transport == "https") {
        if (!certificate.make()) {
            std::fprintf(stderr, "certificate: %s\n", qPrintable(certificate.errorString()));
            return 1;
        }
        sandboxArguments << QStringLiteral("--tls-certificate") << certificate.certificatePath()
                         << QStringLiteral("--tls-key") << certificate.keyPath();
        // Every QNetworkAccessManager of this process (the engine's, the set-up's) trusts it.
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificate(certificate.certificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
    }
    testing::SandboxProcess sandbox;
    apitest::Connection connection;
    if (!sandbox.start(sandboxArguments) || !connection.open(sandbox)) {
        std::fprintf(stderr, "sandbox: %s %s\n", qPrintable(sandbox.errorString()),
                     qPrintable(connection.error));
        return 1;
    }
    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open().ok())
        return 1;
    Journal journal(database);
    std::printf("bench_small_files: %d files of %d KiB in %d folders, %d at a time, over %s\n", files, kib,
                folders, kConcurrency, transport.constData());

    const qint64 projectId = connection.projectId;
    QElapsedTimer timer;
    qint64 engineMs = 0;
    // --- the engine
    if (runEngine) {
        LocalStore local(share);
        ProcoreStore planning(connection.client.get(), connection.projectId,
                              QStringLiteral("Sandbox project"));
        JobSpec spec;
        spec.kind = JobKind::Copy;
        const qint64 jobId = journal.createJob(spec.toRecord()).value();
        timer.start();
        PlanSummary summary;
        if (const Error e = testing::planJob(spec, &local, &planning, &summary, &journal, jobId)) {
            std::fprintf(stderr, "plan: %s\n", qPrintable(e.toString()));
            return 1;
        }
        const qint64 planMs = timer.elapsed();
        const std::shared_ptr<ConnectionContext> context = connection.context;
        const std::shared_ptr<ProcorePathCache> cache = planning.sharedCache();
        TransferEngine engine(
            database, [share] { return std::make_unique<LocalStore>(share); },
            [context, projectId, cache]() -> std::unique_ptr<Store> {
                auto *client = new ProcoreClient(context);
                auto store = std::make_unique<ProcoreStore>(client, projectId,
                                                            QStringLiteral("Sandbox project"), cache);
                client->setParent(store.get());
                return store;
            },
            kConcurrency);
        sandbox.resetStats();
        testing::resetPeakRss();
        QSignalSpy finished(&engine, &TransferEngine::finished);
        const QList<qint64> children = childPids();
        const qint64 sandboxPid = children.isEmpty() ? 0 : children.constFirst();
        const qint64 selfCpu0 = cpuMs(qint64(getpid()));
        const qint64 sandboxCpu0 = sandboxPid ? cpuMs(sandboxPid) : -1;
        timer.restart();
        engine.start(jobId);
        if (!finished.wait(3600000))
            return 1;
        engineMs = timer.elapsed();
        if (const Error e = finished.constFirst().at(1).value<Error>()) {
            std::fprintf(stderr, "job: %s\n", qPrintable(e.toString()));
            return 1;
        }
        const int engineCalls = sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();
        std::printf("engine: plan %lld ms; run %lld ms = %.1f files/s, %d API calls, peak RSS %lld KiB\n",
                    planMs, engineMs, 1000.0 * files / double(engineMs), engineCalls, testing::peakRssKib());
        std::printf("engine: CPU %lld ms in this process, %lld ms in the sandbox (of %lld ms wall)\n",
                    cpuMs(qint64(getpid())) - selfCpu0, sandboxPid ? cpuMs(sandboxPid) - sandboxCpu0 : -1,
                    engineMs);
        std::fflush(stdout);
    }

    // --- ProcoreStore alone (no engine, no journal): 4 chains of writeFrom on this thread, one
    // client, into folders of their own; tells the store's share of the engine's time.
    if (runStore) {
        ProcoreStore direct(connection.client.get(), projectId, QStringLiteral("Sandbox project"));
        int done = 0;
        int failed = 0;
        int next = 0;
        for (int f = 0; f < folders; ++f) {
            StoreJob *mkdir =
                direct.makeFolder(StorePath::fromString(QStringLiteral("store ") + folderName(f)).value());
            bool finishedMkdir = false;
            QObject::connect(mkdir, &StoreJob::finished, mkdir, [&](StoreJob *job) {
                failed += job->error() ? 1 : 0;
                finishedMkdir = true;
            });
            mkdir->start();
            apitest::spinUntil([&] { return finishedMkdir; });
        }
        std::function<void()> startOne = [&] {
            if (next >= files)
                return;
            const int i = next++;
            auto *source = new QFile(share + QLatin1Char('/') + folderName(i / kPerFolder) + QLatin1Char('/')
                                     + fileName(i));
            source->open(QIODevice::ReadOnly);
            StoreJob *job = direct.writeFrom(
                StorePath::fromString(
                    QStringLiteral("store %1/%2").arg(folderName(i / kPerFolder), fileName(i)))
                    .value(),
                source, source->size(), {}, Store::WriteMode::FailIfExists);
            QObject::connect(job, &StoreJob::finished, job, [&, source](StoreJob *finishedJob) {
                failed += finishedJob->error() ? 1 : 0;
                ++done;
                source->deleteLater();
                startOne();
            });
            job->start();
        };
        timer.restart();
        for (int c = 0; c < kConcurrency; ++c)
            startOne();
        apitest::spinUntil([&] { return done == files; }, 3600000);
        const qint64 directMs = timer.elapsed();
        std::printf("store alone: %lld ms = %.1f files/s (%d failed)\n", directMs,
                    1000.0 * files / double(directMs), failed);
        std::fflush(stdout);
    }

    // --- curl: the same calls. Its folders first (not timed; the engine's run made its own).
    if (!runCurlPhase)
        return 0;
    const QByteArray bearer = "Bearer " + connection.tokens->current().accessToken.toUtf8();
    const QByteArray company = QByteArray::number(connection.companyId);
    const QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization", bearer}, {"Procore-Company-Id", company}, {"Content-Type", "application/json"}};
    const QUrl base = sandbox.baseUrl();
    QList<qint64> folderIds;
    for (int f = 0; f < folders; ++f) {
        QUrl url = base.resolved(QUrl(QStringLiteral("/rest/v1.0/folders")));
        url.setQuery(QStringLiteral("project_id=%1").arg(projectId));
        const QJsonObject body{
            {QStringLiteral("folder"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("curl ") + folderName(f)}}}};
        const auto reply =
            sandbox.request("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
        folderIds << QJsonDocument::fromJson(reply.body)
                         .object()
                         .value(QStringLiteral("id"))
                         .toVariant()
                         .toLongLong();
    }
    QTemporaryDir work; // private (0700): the configs hold the token
    const auto common = [&](QFile &config, bool api) {
        config.write("silent\nwrite-out = \"%{http_code}\\n\"\n");
        if (transport == "https")
            config.write("cacert = " + quoted(certificate.certificatePath()) + '\n');
        if (api) {
            config.write("header = " + quoted(QStringLiteral("Authorization: ") + QString::fromUtf8(bearer))
                         + '\n');
            config.write("header = \"Procore-Company-Id: " + company + "\"\n");
        }
    };
    // Phase 1: create the uploads.
    QFile create(work.filePath(QStringLiteral("create.cfg")));
    if (!create.open(QIODevice::WriteOnly))
        return 1;
    const QString uploadsUrl =
        base.resolved(QUrl(QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(projectId))).toString();
    for (int i = 0; i < files; ++i) {
        common(create, true);
        create.write("header = \"Content-Type: application/json\"\n");
        create.write("url = " + quoted(uploadsUrl) + '\n');
        create.write(
            "data = "
            + quoted(
                QStringLiteral("{\"response_filename\":\"%1\",\"size\":%2}").arg(fileName(i)).arg(kib * 1024))
            + '\n');
        create.write("output = " + quoted(work.filePath(QStringLiteral("u%1.json").arg(i))) + '\n');
        create.write(i + 1 < files ? "next\n" : "");
    }
    create.close();
    const QList<qint64> curlChildren = childPids();
    const qint64 curlSandboxPid = curlChildren.isEmpty() ? 0 : curlChildren.constFirst();
    const qint64 curlSandboxCpu0 = curlSandboxPid ? cpuMs(curlSandboxPid) : -1;
    const qint64 curlCpu0 = childrenCpuMs();
    const qint64 createMs = runCurl(create.fileName(), files);
    if (createMs < 0)
        return 1;
    // Phase 2: the forms to storage.
    QFile forms(work.filePath(QStringLiteral("forms.cfg")));
    QStringList uuids;
    if (!forms.open(QIODevice::WriteOnly))
        return 1;
    for (int i = 0; i < files; ++i) {
        QFile reply(work.filePath(QStringLiteral("u%1.json").arg(i)));
        if (!reply.open(QIODevice::ReadOnly))
            return 1;
        const QJsonObject upload = QJsonDocument::fromJson(reply.readAll()).object();
        uuids << upload.value(QStringLiteral("uuid")).toString();
        common(forms, false);
        forms.write("url = " + quoted(upload.value(QStringLiteral("url")).toString()) + '\n');
        const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            forms.write("form-string = " + quoted(it.key() + QLatin1Char('=') + it.value().toString())
                        + '\n');
        forms.write("form = "
                    + quoted(QStringLiteral("file=@") + share + QLatin1Char('/') + folderName(i / kPerFolder)
                             + QLatin1Char('/') + fileName(i))
                    + '\n');
        forms.write("output = \"/dev/null\"\n");
        forms.write(i + 1 < files ? "next\n" : "");
    }
    forms.close();
    const qint64 formsMs = runCurl(forms.fileName(), files);
    if (formsMs < 0)
        return 1;
    // Phase 3: create the files.
    QFile attach(work.filePath(QStringLiteral("files.cfg")));
    if (!attach.open(QIODevice::WriteOnly))
        return 1;
    QUrl filesUrl = base.resolved(QUrl(QStringLiteral("/rest/v1.0/files")));
    filesUrl.setQuery(QStringLiteral("project_id=%1").arg(projectId));
    for (int i = 0; i < files; ++i) {
        common(attach, true);
        attach.write("url = " + quoted(filesUrl.toString()) + '\n');
        attach.write("form-string = "
                     + quoted(QStringLiteral("file[parent_id]=%1").arg(folderIds.at(i / kPerFolder))) + '\n');
        attach.write("form-string = " + quoted(QStringLiteral("file[name]=") + fileName(i)) + '\n');
        attach.write("form-string = " + quoted(QStringLiteral("file[upload_uuid]=") + uuids.at(i)) + '\n');
        attach.write("output = \"/dev/null\"\n");
        attach.write(i + 1 < files ? "next\n" : "");
    }
    attach.close();
    const qint64 filesMs = runCurl(attach.fileName(), files);
    if (filesMs < 0)
        return 1;
    const qint64 curlMs = createMs + formsMs + filesMs;
    const qint64 curlCpu = childrenCpuMs() - curlCpu0;
    const qint64 curlSandboxCpu = curlSandboxPid ? cpuMs(curlSandboxPid) - curlSandboxCpu0 : -1;
    std::printf(
        "curl:   create uploads %lld ms + forms to storage %lld ms + create files %lld ms = %lld ms = %.1f "
        "files/s\n",
        createMs, formsMs, filesMs, curlMs, 1000.0 * files / double(curlMs));
    std::printf("curl:   CPU %lld ms in curl, %lld ms in the sandbox (of %lld ms wall)\n", curlCpu,
                curlSandboxCpu, curlMs);
    if (runEngine)
        std::printf("engine time / curl time = %.2f (goal <= 1.5)\n", double(engineMs) / double(curlMs));
    return 0;
}
