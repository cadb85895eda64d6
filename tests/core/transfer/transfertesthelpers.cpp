#include "transfertesthelpers.h"

#include "core/api/procoreclient.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/transferengine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace trestle;

namespace testing {

void putFolder(const QString &root, const QString &rel)
{
    QVERIFY(QDir(root).mkpath(rel));
}

void putFile(const QString &root, const QString &rel, const QByteArray &content, const QDateTime &mtime)
{
    const QString path = root + QLatin1Char('/') + rel;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), qint64(content.size()));
    QVERIFY(file.flush()); // else close() writes the bytes and moves the time again
    if (mtime.isValid())
        QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
}

QMap<QString, QString> treeManifest(const QString &root)
{
    QMap<QString, QString> manifest;
    const QDir base(root);
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = base.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            manifest.insert(rel, QStringLiteral("<dir>"));
            continue;
        }
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        manifest.insert(rel, QString::fromLatin1(hash.result().toHex()));
    }
    return manifest;
}

Error planJob(const JobSpec &spec, Store *source, Store *destination, PlanSummary *summary, Journal *journal,
              qint64 jobId, AnalyzeReport *report)
{
    JobPlanner planner(spec, source, destination);
    if (journal)
        planner.setJournal(journal, jobId);
    QSignalSpy done(&planner, &JobPlanner::finished);
    planner.start();
    if (!done.wait(60000))
        return Error(Error::Kind::Timeout, QStringLiteral("planning did not finish"));
    if (summary)
        *summary = planner.summary();
    if (report)
        *report = planner.analyzeReport();
    return planner.error();
}

QDateTime fixedTime(int offsetSeconds)
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(offsetSeconds);
}

qint64 planNewJob(Journal *journal, const JobSpec &spec, Store *source, Store *destination,
                  PlanSummary *summary)
{
    const Result<qint64> id = journal->createJob(spec.toRecord());
    if (!id.ok()) {
        qWarning() << id.error().toString();
        return 0;
    }
    const Error error = planJob(spec, source, destination, summary, journal, id.value());
    if (error) {
        qWarning() << error.toString();
        return 0;
    }
    return id.value();
}

Error runToEnd(TransferEngine &engine, qint64 jobId, int timeoutMs)
{
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(timeoutMs))
        return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
    if (finished.size() != 1)
        return Error(Error::Kind::Internal, QStringLiteral("finished() came %1 times").arg(finished.size()));
    return finished.constFirst().at(1).value<Error>();
}

Error awaitJob(StoreJob *job)
{
    const bool keep = !job->isAutoDelete();
    job->setAutoDelete(false);
    QSignalSpy done(job, &StoreJob::finished);
    job->start();
    if (!job->isFinished() && !done.wait(30000))
        return Error(Error::Kind::Timeout, QStringLiteral("the store job did not finish"));
    const Error error = job->error();
    if (!keep)
        delete job;
    return error;
}

QJsonObject stateNode(QJsonObject folder, const QString &relPath)
{
    const QStringList names = relPath.split(QLatin1Char('/'));
    for (int i = 0; i < names.size(); ++i) {
        const bool last = i == names.size() - 1;
        const QJsonArray children =
            folder.value(last ? QStringLiteral("files") : QStringLiteral("folders")).toArray();
        QJsonObject found;
        for (const QJsonValue &child : children) {
            const QJsonObject object = child.toObject();
            if (object.value(QStringLiteral("name")).toString() == names.at(i)
                && !object.value(QStringLiteral("is_deleted")).toBool())
                found = object;
        }
        if (found.isEmpty())
            return {};
        folder = found;
    }
    return folder;
}

QStringList versionHashes(const QJsonObject &file)
{
    QStringList hashes;
    const QJsonArray versions = file.value(QStringLiteral("versions")).toArray();
    for (const QJsonValue &version : versions)
        hashes.append(version.toObject().value(QStringLiteral("sha256")).toString());
    return hashes;
}

SandboxResolver::SandboxResolver(StoreFactory procore, RateLimitMeter *meter)
    : m_procore(std::move(procore)), m_meter(meter)
{ }

Error SandboxResolver::parseEndpoint(const QString &argument, QString *connection, QString *path)
{
    if (!argument.startsWith(QLatin1String("sandbox:")))
        return m_local.parseEndpoint(argument, connection, path);
    *connection = QStringLiteral("sandbox");
    *path = argument.mid(8);
    return {};
}

void SandboxResolver::prepare(const QString &connection, std::function<void(const Error &)> done)
{
    if (connection == QLatin1String("sandbox"))
        return done(Error());
    m_local.prepare(connection, std::move(done));
}

std::unique_ptr<Store> SandboxResolver::openStore(const QString &connection, Error *error)
{
    return connection == QLatin1String("sandbox") ? m_procore() : m_local.openStore(connection, error);
}

StoreFactory SandboxResolver::factory(const QString &connection)
{
    return connection == QLatin1String("sandbox") ? m_procore : m_local.factory(connection);
}

RateLimitMeter *SandboxResolver::meter(const QString &connection)
{
    return connection == QLatin1String("sandbox") ? m_meter : nullptr;
}

bool LocalJobFixture::open()
{
    dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return false;
    src = dir->filePath(QStringLiteral("src"));
    dst = dir->filePath(QStringLiteral("dst"));
    if (!QDir().mkpath(src) || !QDir().mkpath(dst))
        return false;
    database = std::make_unique<Database>(dir->filePath(QStringLiteral("journal.sqlite")));
    if (const Status opened = database->open(); !opened.ok()) {
        qWarning() << opened.error().toString();
        return false;
    }
    journal = std::make_unique<Journal>(*database);
    return true;
}

void LocalJobFixture::close()
{
    journal.reset();
    database.reset();
    dir.reset();
}

QString SandboxJobFixture::open(const QStringList &arguments)
{
    if (!sandbox.start(arguments))
        return sandbox.errorString();
    if (!connection.open(sandbox))
        return connection.error;
    database = std::make_unique<Database>(dir.filePath(QStringLiteral("journal.sqlite")));
    if (const Status opened = database->open(); !opened.ok())
        return opened.error().toString();
    journal = std::make_unique<Journal>(*database);
    return {};
}

void SandboxJobFixture::close()
{
    journal.reset();
    database.reset();
    connection.client.reset();
    sandbox.stop();
}

StoreFactory SandboxJobFixture::procoreFactory(std::shared_ptr<ProcorePathCache> cache) const
{
    const std::shared_ptr<ConnectionContext> context = connection.context;
    const qint64 projectId = connection.projectId;
    if (!cache)
        cache = std::make_shared<ProcorePathCache>();
    return [context, projectId, cache]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        auto store =
            std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"), cache);
        client->setParent(store.get());
        return store;
    };
}

std::unique_ptr<ProcoreStore> SandboxJobFixture::procoreStore(std::shared_ptr<ProcorePathCache> cache) const
{
    if (!cache)
        cache = std::make_shared<ProcorePathCache>();
    return std::make_unique<ProcoreStore>(connection.client.get(), connection.projectId,
                                          QStringLiteral("Sandbox project"), cache);
}

Error SandboxJobFixture::run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId,
                             int workers)
{
    TransferEngine engine(*database, source, destination, workers);
    RateLimitMeter *meter = connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    return runToEnd(engine, jobId);
}

int SandboxJobFixture::apiCalls() const
{
    return sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();
}

int SandboxJobFixture::callsTo(const QString &endpoint) const
{
    return sandbox.stats().value(QStringLiteral("by_endpoint")).toObject().value(endpoint).toInt();
}

} // namespace testing
