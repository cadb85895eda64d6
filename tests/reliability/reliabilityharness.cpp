#include "reliabilityharness.h"

#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/transferengine.h"
#include "processstatus.h"
#include "testoutput.h"
#include "transfertesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

#include <cstdio>

using namespace trestle;

namespace reliability {

void recordRow(const ScenarioRow &row)
{
    const QString line = QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7")
                             .arg(row.scenario)
                             .arg(row.runs)
                             .arg(row.items)
                             .arg(row.failures)
                             .arg(row.duplicates)
                             .arg(row.lost)
                             .arg(row.note);
    std::printf("RELIABILITY\t%s\n", qPrintable(line));
    std::fflush(stdout);
    const QString out = qEnvironmentVariable("TRESTLE_TEST_OUTPUT");
    if (out.isEmpty())
        return;
    QDir().mkpath(out);
    QFile file(QDir(out).filePath(QStringLiteral("reliability.tsv")));
    if (file.open(QIODevice::Append | QIODevice::Text))
        QTextStream(&file) << line << '\n';
}

Harness::Harness() = default;

Harness::~Harness()
{
    m_journal.reset();
    m_database.reset();
    m_connection.client.reset();
    if (m_sandbox)
        m_sandbox->stop();
}

bool Harness::start(const QStringList &arguments)
{
    m_arguments = QStringList{QStringLiteral("--seed"), QStringLiteral("empty"),
                              QStringLiteral("--fault-seed"), QStringLiteral("9")}
        + arguments;
    m_sandbox = std::make_unique<testing::SandboxProcess>();
    if (!m_sandbox->start(m_arguments)) {
        m_error = m_sandbox->errorString();
        return false;
    }
    if (!m_connection.open(*m_sandbox)) {
        m_error = m_connection.error;
        return false;
    }
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    if (const Status s = m_database->open(); !s.ok()) {
        m_error = s.error().toString();
        return false;
    }
    m_journal = std::make_unique<Journal>(*m_database);
    return true;
}

bool Harness::restartSandbox()
{
    const QUrl api = m_sandbox->baseUrl();
    const auto info = m_sandbox->request("GET", api.resolved(QUrl(QStringLiteral("/_sandbox/info"))));
    const QUrl storage(
        QJsonDocument::fromJson(info.body).object().value(QStringLiteral("storage_base")).toString());
    if (storage.port() <= 0) {
        m_error = QStringLiteral("no storage port in /_sandbox/info");
        return false;
    }
    m_sandbox->kill();
    auto next = std::make_unique<testing::SandboxProcess>();
    QStringList arguments = m_arguments;
    arguments << QStringLiteral("--port") << QString::number(api.port()) << QStringLiteral("--storage-port")
              << QString::number(storage.port());
    // The port may linger for a moment after the kill: try a few times.
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (next->start(arguments))
            break;
        QTest::qWait(250);
    }
    if (!next->isRunning()) {
        m_error = next->errorString();
        return false;
    }
    m_sandbox->stop();
    m_sandbox = std::move(next);
    return true;
}

bool Harness::signInAgain()
{
    QNetworkAccessManager nam;
    const Result<TokenSet> tokens = apitest::signIn(*m_sandbox, &nam);
    if (!tokens.ok()) {
        m_error = tokens.error().toString();
        return false;
    }
    m_connection.tokens->setTokens(tokens.value());
    return true;
}

QMap<QString, QString> Harness::uploadShare(int folders, int filesPerFolder, int maxBytes, quint32 seed)
{
    const QString share = makeShare(QStringLiteral("share"), folders, filesPerFolder, maxBytes, seed);
    QString error;
    const qint64 up = plan(localFactory(share), procoreFactory(), &error);
    if (up <= 0) {
        m_error = QStringLiteral("planning the upload: %1").arg(error);
        return {};
    }
    int runs = 0;
    if (const Error uploaded = runUntilDone(localFactory(share), procoreFactory(), up, 3, &runs)) {
        m_error = QStringLiteral("uploading the share: %1").arg(uploaded.toString());
        return {};
    }
    return localFiles(share);
}

QString Harness::makeShare(const QString &name, int folders, int filesPerFolder, int maxBytes, quint32 seed)
{
    const QString root = m_dir.filePath(name);
    QDir().mkpath(root);
    QRandomGenerator random(seed);
    for (int f = 0; f < folders; ++f) {
        const QString folder =
            f == 0 ? QStringLiteral("Drawings") : QStringLiteral("Drawings/Level %1").arg(f);
        for (int i = 0; i < filesPerFolder; ++i) {
            QByteArray bytes(int(random.bounded(maxBytes)) + 1, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            testing::putFile(root, QStringLiteral("%1/sheet %2.pdf").arg(folder).arg(i), bytes,
                             testing::fixedTime(f * 100 + i));
        }
    }
    return root;
}

StoreFactory Harness::procoreFactory() const
{
    const std::shared_ptr<ConnectionContext> context = m_connection.context;
    const qint64 projectId = m_connection.projectId;
    return [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
}

StoreFactory Harness::localFactory(const QString &path)
{
    return [path] {
        return std::make_unique<LocalStore>(path);
    };
}

qint64 Harness::plan(const StoreFactory &source, const StoreFactory &destination, QString *error,
                     const QString &sourcePath, const QString &destinationPath)
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourcePath = sourcePath;
    spec.destinationPath = destinationPath;
    const Result<qint64> id = m_journal->createJob(spec.toRecord());
    if (!id.ok()) {
        *error = id.error().toString();
        return 0;
    }
    const std::unique_ptr<Store> from = source();
    const std::unique_ptr<Store> to = destination();
    PlanSummary summary;
    const Error planned = testing::planJob(spec, from.get(), to.get(), &summary, m_journal.get(), id.value());
    if (planned) {
        *error = planned.toString();
        return 0;
    }
    return id.value();
}

Error Harness::runOnce(const StoreFactory &source, const StoreFactory &destination, qint64 jobId, bool first,
                       const ProgressHook &during)
{
    TransferEngine engine(*m_database, source, destination, 4);
    RateLimitMeter *meter = m_connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    engine.setRateLimitMeter(meter);
    if (during)
        QObject::connect(&engine, &TransferEngine::progress, &engine, during);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    if (first)
        engine.start(jobId);
    else
        engine.retryFailed(jobId);
    if (!finished.wait(300000))
        return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish within 300 s"));
    return finished.constFirst().at(1).value<Error>();
}

Error Harness::runUntilDone(const StoreFactory &source, const StoreFactory &destination, qint64 jobId,
                            int maxRuns, int *runs, const ProgressHook &during, QList<Error> *runErrors)
{
    Error error;
    for (*runs = 1; *runs <= maxRuns; ++*runs) {
        error = runOnce(source, destination, jobId, *runs == 1, *runs == 1 ? during : ProgressHook());
        if (runErrors)
            runErrors->append(error);
        if (!error)
            return error;
        if (error.kind() == Error::Kind::Timeout)
            return error;
    }
    *runs = maxRuns;
    return error;
}

namespace {

void walkState(const QJsonObject &folder, const QString &prefix, QMap<QString, QString> *files,
               QMap<QString, int> *seen, int *versions)
{
    for (const QJsonValue &value : folder.value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = value.toObject();
        if (file.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QString path = prefix + file.value(QStringLiteral("name")).toString();
        const QJsonArray fileVersions = file.value(QStringLiteral("versions")).toArray();
        *versions += int(fileVersions.size());
        (*seen)[path] += int(fileVersions.size()); // one version each: a second is a redone upload
        QString newest;
        int newestNumber = -1;
        for (const QJsonValue &v : fileVersions) {
            const QJsonObject version = v.toObject();
            if (version.value(QStringLiteral("number")).toInt() > newestNumber) {
                newestNumber = version.value(QStringLiteral("number")).toInt();
                newest = version.value(QStringLiteral("sha256")).toString();
            }
        }
        files->insert(path, newest);
    }
    for (const QJsonValue &value : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject child = value.toObject();
        if (child.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QString path = prefix + child.value(QStringLiteral("name")).toString();
        (*seen)[path + QLatin1Char('/')] += 1;
        walkState(child, path + QLatin1Char('/'), files, seen, versions);
    }
}

} // namespace

QMap<QString, QString> Harness::remoteManifest(int *duplicates, int *versions, qint64 folderId) const
{
    const QJsonObject state = m_sandbox->state(m_connection.projectId, folderId);
    QMap<QString, QString> files;
    QMap<QString, int> seen;
    int versionCount = 0;
    walkState(state.value(QStringLiteral("root")).toObject(), QString(), &files, &seen, &versionCount);
    *duplicates = 0;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        *duplicates += it.value() - 1;
    if (versions)
        *versions = versionCount;
    return files;
}

QMap<QString, QString> Harness::localFiles(const QString &root)
{
    QMap<QString, QString> files = testing::treeManifest(root);
    for (auto it = files.begin(); it != files.end();) {
        if (it.value() == QLatin1String("<dir>"))
            it = files.erase(it);
        else
            ++it;
    }
    return files;
}

void Harness::compare(const QMap<QString, QString> &expected, const QMap<QString, QString> &actual, int *lost,
                      int *extra)
{
    *lost = 0;
    *extra = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        if (actual.value(it.key()) != it.value())
            ++*lost;
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        if (!expected.contains(it.key()))
            ++*extra;
}

int Harness::scoreRemote(const QMap<QString, QString> &expected, ScenarioRow *row) const
{
    int duplicates = 0;
    int versions = 0;
    const QMap<QString, QString> remote = remoteManifest(&duplicates, &versions);
    int extra = 0;
    compare(expected, remote, &row->lost, &extra);
    row->duplicates = duplicates + extra;
    return versions;
}

int Harness::itemsFailed(qint64 jobId) const
{
    const Result<JobRecord> job = m_journal->job(jobId);
    return job.ok() ? int(job.value().itemsFailed) : -1;
}

JobRecord Harness::job(qint64 jobId) const
{
    const Result<JobRecord> job = m_journal->job(jobId);
    return job.ok() ? job.value() : JobRecord();
}

void Harness::forEachItem(qint64 jobId, const std::function<void(const JobItem &)> &visit) const
{
    const Status visited = m_journal->forEachItem(jobId, [&visit](const JobItem &item) {
        visit(item);
        return true;
    });
    if (!visited.ok())
        qWarning() << "items of job" << jobId << "not read:" << visited.error().toString();
}

Harness::ProgressHook Harness::restartSandboxAfter(qint64 itemsDone, SandboxCrash *crash)
{
    return [this, itemsDone, crash](const EngineProgress &progress) {
        if (!crash->killed && progress.itemsDone >= itemsDone) {
            crash->killed = true;
            crash->restarted = restartSandbox();
        }
    };
}

QString Harness::pausedForSignInProblem(qint64 jobId, const Error &first, int *pending) const
{
    *pending = 0;
    if (first.kind() != Error::Kind::AuthRevoked)
        return QStringLiteral("run error is %1, not AuthRevoked: %2")
            .arg(Error::kindName(first.kind()), first.toString());
    if (!first.message().contains(QLatin1String("Sign in again")))
        return QStringLiteral("run error does not ask to sign in again: %1").arg(first.message());
    const JobRecord paused = job(jobId);
    if (paused.state != JobState::Paused)
        return QStringLiteral("job state is %1, not Paused").arg(int(paused.state));
    if (paused.lastErrorKind != Error::Kind::AuthRevoked)
        return QStringLiteral("job's last error is %1, not AuthRevoked")
            .arg(Error::kindName(paused.lastErrorKind));
    if (paused.itemsFailed != 0)
        return QStringLiteral("%1 items failed, expected none").arg(paused.itemsFailed);
    if (paused.itemsDone >= paused.itemsTotal)
        return QStringLiteral("all %1 items done: the sign-in loss came too late").arg(paused.itemsTotal);
    int inFlight = 0;
    forEachItem(jobId, [&](const JobItem &item) {
        *pending += item.state == ItemState::Pending ? 1 : 0;
        inFlight += item.state == ItemState::InFlight ? 1 : 0;
    });
    if (inFlight != 0)
        return QStringLiteral("%1 items still in flight").arg(inFlight);
    const qint64 waiting = paused.itemsTotal - paused.itemsDone - paused.itemsSkipped;
    if (qint64(*pending) != waiting)
        return QStringLiteral("%1 items pending, expected %2 (total %3 - done %4 - skipped %5)")
            .arg(*pending)
            .arg(waiting)
            .arg(paused.itemsTotal)
            .arg(paused.itemsDone)
            .arg(paused.itemsSkipped);
    return {};
}

ProcessFigures processFigures()
{
    ProcessFigures figures;
    const QByteArray rss = testing::procStatusField("VmRSS");
    figures.rssKib = rss.isEmpty() ? -1 : rss.split(' ').first().toLongLong();
    const QByteArray threads = testing::procStatusField("Threads");
    figures.threads = threads.isEmpty() ? -1 : threads.trimmed().toInt();
    figures.fds =
        int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
    return figures;
}

} // namespace reliability
