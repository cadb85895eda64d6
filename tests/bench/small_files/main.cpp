// Small-file throughput share -> Procore against the sandbox with an unlimited budget: N files of
// K KiB in folders of 1,000, through the engine (4 workers whose ProcoreStores share one path
// cache), in files/s; and curl making the same HTTP calls with the same concurrency (4), phase by
// phase with `curl --parallel --parallel-max 4`: create the uploads (API), POST the forms to
// storage, create the files (API). curl's phases need no per-file dependency wait, so it is a
// strict baseline. Goal: the engine's time <= 1.5 x curl's.
// Usage: bench_small_files [files=10000] [kib=20]
#include "apitestsupport.h"
#include "processstatus.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

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
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int kib = argc > 2 ? QByteArray(argv[2]).toInt() : 20;
    if (files <= 0 || kib <= 0) {
        std::fprintf(stderr, "usage: bench_small_files [files=10000] [kib=20]\n");
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
    testing::SandboxProcess sandbox;
    apitest::Connection connection;
    if (!sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--rate-limit"),
                        QStringLiteral("100000000")})
        || !connection.open(sandbox)) {
        std::fprintf(stderr, "sandbox: %s %s\n", qPrintable(sandbox.errorString()),
                     qPrintable(connection.error));
        return 1;
    }
    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open().ok())
        return 1;
    Journal journal(database);
    std::printf("bench_small_files: %d files of %d KiB in %d folders, %d at a time\n", files, kib, folders,
                kConcurrency);

    // --- the engine
    LocalStore local(share);
    ProcoreStore planning(connection.client.get(), connection.projectId, QStringLiteral("Sandbox project"));
    JobSpec spec;
    spec.kind = JobKind::Copy;
    const qint64 jobId = journal.createJob(spec.toRecord()).value();
    QElapsedTimer timer;
    timer.start();
    PlanSummary summary;
    if (const Error e = testing::planJob(spec, &local, &planning, &summary, &journal, jobId)) {
        std::fprintf(stderr, "plan: %s\n", qPrintable(e.toString()));
        return 1;
    }
    const qint64 planMs = timer.elapsed();
    const std::shared_ptr<ConnectionContext> context = connection.context;
    const qint64 projectId = connection.projectId;
    const std::shared_ptr<ProcorePathCache> cache = planning.sharedCache();
    TransferEngine engine(
        database, [share] { return std::make_unique<LocalStore>(share); },
        [context, projectId, cache]() -> std::unique_ptr<Store> {
            auto *client = new ProcoreClient(context);
            auto store =
                std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"), cache);
            client->setParent(store.get());
            return store;
        },
        kConcurrency);
    sandbox.resetStats();
    testing::resetPeakRss();
    QSignalSpy finished(&engine, &TransferEngine::finished);
    timer.restart();
    engine.start(jobId);
    if (!finished.wait(3600000))
        return 1;
    const qint64 engineMs = timer.elapsed();
    if (const Error e = finished.constFirst().at(1).value<Error>()) {
        std::fprintf(stderr, "job: %s\n", qPrintable(e.toString()));
        return 1;
    }
    const int engineCalls = sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();
    std::printf("engine: plan %lld ms; run %lld ms = %.1f files/s, %d API calls, peak RSS %lld KiB\n", planMs,
                engineMs, 1000.0 * files / double(engineMs), engineCalls, testing::peakRssKib());
    std::fflush(stdout);

    // --- ProcoreStore alone (no engine, no journal): 4 chains of writeFrom on this thread, one
    // client, into folders of their own; tells the store's share of the engine's time.
    {
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
    std::printf(
        "curl:   create uploads %lld ms + forms to storage %lld ms + create files %lld ms = %lld ms = %.1f "
        "files/s\n",
        createMs, formsMs, filesMs, curlMs, 1000.0 * files / double(curlMs));
    std::printf("engine time / curl time = %.2f (goal <= 1.5)\n", double(engineMs) / double(curlMs));
    return 0;
}
