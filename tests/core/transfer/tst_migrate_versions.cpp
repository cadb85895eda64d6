// Migrate with version history against the Procore sandbox over real HTTP (issue 5: "copy with
// version history where the source has it, oldest version first"): Procore -> Procore keeps every
// version in order, a file with one version costs no extra call, Procore -> share gets the latest,
// and a history stopped after its second version is resumed to exactly three.
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/itemtask.h"
#include "core/transfer/transfercommand.h"
#include "core/transfer/transferengine.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;

namespace {

StorePath path(const QString &text)
{
    return StorePath::fromString(text).value();
}

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Waits for a store job (test only) and returns its error. A job whose auto-delete the caller
// turned off is the caller's to delete; any other is deleted here.
Error await(StoreJob *job)
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

// A node of GET /_sandbox/state by its path below `folder` ("a/b.pdf"); empty when none.
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

// The sha256 of every version of a file in the sandbox, oldest first.
QStringList versionHashes(const QJsonObject &file)
{
    QStringList hashes;
    const QJsonArray versions = file.value(QStringLiteral("versions")).toArray();
    for (const QJsonValue &version : versions)
        hashes.append(version.toObject().value(QStringLiteral("sha256")).toString());
    return hashes;
}

QStringList hashesOf(const QList<QByteArray> &versions)
{
    QStringList hashes;
    for (const QByteArray &bytes : versions)
        hashes.append(sha256(bytes));
    return hashes;
}

} // namespace

class TestMigrateVersions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void versionsPolicyIsSavedWithTheJob();
    void commandLineTakesTheVersionsPolicy();
    void listingVersionsOfASingleVersionFileCostsNoCall();
    void procoreToProcoreCopiesEveryVersionOldestFirst();
    void latestPolicyCopiesOnlyTheLatest();
    void procoreToShareGetsTheLatest();
    void resumeAfterTwoOfThreeVersionsGivesExactlyThree();
    void engineResumesAHistoryCutAfterTwoVersions();

private:
    StoreFactory procoreFactory(std::shared_ptr<ProcorePathCache> cache = {}) const;
    std::unique_ptr<ProcoreStore> procoreStore(std::shared_ptr<ProcorePathCache> cache = {}) const;
    // Writes `versions` to `file` in that order: the first creates it, each next adds a version.
    Error writeVersions(Store *store, const QString &file, const QList<QByteArray> &versions);
    qint64 plan(const JobSpec &spec, Store *source, Store *destination, PlanSummary *summary);
    Error run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId);
    int apiCalls() const { return m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt(); }
    int callsTo(const QString &endpoint) const
    {
        return m_sandbox.stats().value(QStringLiteral("by_endpoint")).toObject().value(endpoint).toInt();
    }
    QJsonObject root() const
    {
        return m_sandbox.state(m_connection.projectId).value(QStringLiteral("root")).toObject();
    }

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
    // Source/history.pdf: three versions of different sizes; Source/single.pdf: one.
    QList<QByteArray> m_history;
    QByteArray m_single;
};

void TestMigrateVersions::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_connection.open(m_sandbox), qPrintable(m_connection.error));
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);

    m_history = {randomBytes(3000, 1), randomBytes(1000, 2), randomBytes(5000, 3)};
    m_single = randomBytes(2000, 4);
    const std::unique_ptr<ProcoreStore> store = procoreStore();
    QVERIFY(!await(store->makeFolder(path(QStringLiteral("Source")))));
    Error error = writeVersions(store.get(), QStringLiteral("Source/history.pdf"), m_history);
    QVERIFY2(!error, qPrintable(error.toString()));
    error = writeVersions(store.get(), QStringLiteral("Source/single.pdf"), {m_single});
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Source/history.pdf"))), hashesOf(m_history));
}

void TestMigrateVersions::cleanupTestCase()
{
    m_journal.reset();
    m_database.reset();
    m_connection.client.reset();
    m_sandbox.stop();
}

StoreFactory TestMigrateVersions::procoreFactory(std::shared_ptr<ProcorePathCache> cache) const
{
    const std::shared_ptr<ConnectionContext> context = m_connection.context;
    const qint64 projectId = m_connection.projectId;
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

std::unique_ptr<ProcoreStore> TestMigrateVersions::procoreStore(std::shared_ptr<ProcorePathCache> cache) const
{
    if (!cache)
        cache = std::make_shared<ProcorePathCache>();
    return std::make_unique<ProcoreStore>(m_connection.client.get(), m_connection.projectId,
                                          QStringLiteral("Sandbox project"), cache);
}

Error TestMigrateVersions::writeVersions(Store *store, const QString &file, const QList<QByteArray> &versions)
{
    for (int i = 0; i < versions.size(); ++i) {
        QByteArray bytes = versions.at(i);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const Error error =
            await(store->writeFrom(path(file), &buffer, bytes.size(), fixedTime(i),
                                   i == 0 ? Store::WriteMode::FailIfExists : Store::WriteMode::Replace));
        if (error)
            return error;
    }
    return {};
}

qint64 TestMigrateVersions::plan(const JobSpec &spec, Store *source, Store *destination, PlanSummary *summary)
{
    Result<qint64> id = m_journal->createJob(spec.toRecord());
    if (!id.ok())
        return 0;
    const Error error = testing::planJob(spec, source, destination, summary, m_journal.get(), id.value());
    if (error) {
        qWarning() << error.toString();
        return 0;
    }
    return id.value();
}

Error TestMigrateVersions::run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId)
{
    TransferEngine engine(*m_database, source, destination, 2);
    RateLimitMeter *meter = m_connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(120000))
        return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
    return finished.constFirst().at(1).value<Error>();
}

void TestMigrateVersions::versionsPolicyIsSavedWithTheJob()
{
    JobPolicies policies;
    QCOMPARE(policies.versions, VersionsPolicy::All);
    policies.versions = VersionsPolicy::Latest;
    const Result<JobPolicies> back = JobPolicies::fromJsonText(policies.toJsonText());
    QVERIFY(back.ok());
    QCOMPARE(back.value().versions, VersionsPolicy::Latest);
    // A job saved before the policy existed reads back as "all".
    QCOMPARE(JobPolicies::fromJsonText(QStringLiteral("{\"v\":1}")).value().versions, VersionsPolicy::All);
    QCOMPARE(JobPolicies::versionsFromName(QStringLiteral("latest")), std::optional(VersionsPolicy::Latest));
    QVERIFY(!JobPolicies::versionsFromName(QStringLiteral("some")));
    QVERIFY(!JobPolicies::fromJsonText(QStringLiteral("{\"versions\":\"some\"}")).ok());
}

void TestMigrateVersions::commandLineTakesTheVersionsPolicy()
{
    const QString from = m_dir.filePath(QStringLiteral("cli-from"));
    const QString to = m_dir.filePath(QStringLiteral("cli-to"));
    testing::putFile(from, QStringLiteral("a.txt"), QByteArray("abc"), fixedTime());
    QVERIFY(QDir().mkpath(to));
    auto run = [this](const QStringList &arguments, QByteArray *err) {
        QBuffer out;
        QBuffer errors;
        out.open(QIODevice::WriteOnly);
        errors.open(QIODevice::WriteOnly);
        TransferCommand command(*m_database, &out, &errors);
        QSignalSpy finished(&command, &TransferCommand::finished);
        command.start(QStringList{QStringLiteral("trestle")} + arguments);
        if (!finished.wait(60000))
            return -1;
        *err = errors.data();
        return finished.constFirst().at(0).toInt();
    };
    QByteArray err;
    QCOMPARE(run({QStringLiteral("migrate"), from, to, QStringLiteral("--versions"), QStringLiteral("some")},
                 &err),
             int(TransferCommand::Usage));
    QVERIFY2(err.contains("--versions"), err.constData());
    QCOMPARE(
        run({QStringLiteral("migrate"), from, to, QStringLiteral("--versions"), QStringLiteral("latest")},
            &err),
        int(TransferCommand::Ok));
    const QVector<JobRecord> jobs = m_journal->jobs().value();
    QVERIFY(!jobs.isEmpty());
    const JobRecord &job = jobs.constLast();
    QCOMPARE(job.kind, JobKind::Migrate);
    QCOMPARE(JobPolicies::fromJsonText(job.policiesJson).value().versions, VersionsPolicy::Latest);
}

void TestMigrateVersions::listingVersionsOfASingleVersionFileCostsNoCall()
{
    const std::unique_ptr<ProcoreStore> store = procoreStore();
    ListJob *list = store->list(path(QStringLiteral("Source")));
    QVERIFY(!await(list));

    QVERIFY(m_sandbox.resetStats());
    std::unique_ptr<VersionListJob> single(store->listVersions(path(QStringLiteral("Source/single.pdf"))));
    single->setAutoDelete(false);
    QVERIFY(!await(single.get()));
    QCOMPARE(single->versions().size(), 1);
    QCOMPARE(single->versions().constFirst().size, qint64(m_single.size()));
    QCOMPARE(apiCalls(), 0);

    std::unique_ptr<VersionListJob> history(store->listVersions(path(QStringLiteral("Source/history.pdf"))));
    history->setAutoDelete(false);
    QVERIFY(!await(history.get()));
    QCOMPARE(apiCalls(), 1); // GET /files/{id} with every version
    QCOMPARE(callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 1);
    const QList<StoreVersion> versions = history->versions();
    QCOMPARE(versions.size(), 3);
    for (int i = 0; i < versions.size(); ++i) {
        QCOMPARE(versions.at(i).number, i + 1);
        QCOMPARE(versions.at(i).size, qint64(m_history.at(i).size()));
    }

    // Each version's bytes, read from the URL the listing gave: no call.
    QByteArray bytes;
    QBuffer sink(&bytes);
    sink.open(QIODevice::WriteOnly);
    QVERIFY(
        !await(store->readVersionInto(path(QStringLiteral("Source/history.pdf")), versions.at(0), &sink)));
    QCOMPARE(bytes, m_history.at(0));
    QCOMPARE(apiCalls(), 1);
}

void TestMigrateVersions::procoreToProcoreCopiesEveryVersionOldestFirst()
{
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = QStringLiteral("Migrated");
    const std::unique_ptr<ProcoreStore> planSource = procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(2));
    QCOMPARE(summary.filesWithHistory, qint64(1));
    QCOMPARE(summary.olderVersions, qint64(2));
    // One folder, two files and two older versions at 2 calls each, one version listing.
    QCOMPARE(summary.estimatedApiCalls, procoreCallFloor(1, 2 + 2) + 1);

    QVERIFY(m_sandbox.resetStats());
    const Error error =
        run(procoreFactory(planSource->sharedCache()), procoreFactory(planDestination->sharedCache()), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    const JobRecord job = m_journal->job(jobId).value();
    QCOMPARE(job.itemsFailed, qint64(0));
    const int calls = apiCalls();
    qInfo("Procore -> Procore migrate, 1 folder, 1 file with 3 versions, 1 with one: %d API calls "
          "(estimate %lld); GET /files/{id}: %d",
          calls, summary.estimatedApiCalls, callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")));
    // The single-version file cost no version listing: one GET /files/{id}, for the history.
    QCOMPARE(callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 1);
    QCOMPARE(qint64(calls), summary.estimatedApiCalls);

    const QJsonObject state = root();
    const QJsonObject history = stateNode(state, QStringLiteral("Migrated/history.pdf"));
    QVERIFY(!history.isEmpty());
    QCOMPARE(versionHashes(history), hashesOf(m_history));
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Migrated/single.pdf"))), hashesOf({m_single}));
    // The source is untouched.
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Source/history.pdf"))), hashesOf(m_history));

    // The copy and its verify carry the latest version's checksum; the report says "with its history".
    const QVector<JobItem> items = m_journal->items(jobId, -1, 100).value();
    bool sawHistory = false;
    for (const JobItem &item : items) {
        QCOMPARE(item.state, ItemState::Done);
        if (item.destinationPath.endsWith(QLatin1String("history.pdf"))
            && item.action == ItemAction::Upload) {
            sawHistory = true;
            QCOMPARE(item.checksum, sha256(m_history.constLast()));
            QCOMPARE(item.reason, QStringLiteral("with its history: 3 versions"));
        }
    }
    QVERIFY(sawHistory);
}

void TestMigrateVersions::latestPolicyCopiesOnlyTheLatest()
{
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = QStringLiteral("Latest Only");
    spec.policies.versions = VersionsPolicy::Latest;
    const std::unique_ptr<ProcoreStore> planSource = procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesWithHistory, qint64(0));
    QCOMPARE(summary.olderVersions, qint64(0));
    QCOMPARE(summary.estimatedApiCalls, procoreCallFloor(1, 2));
    const Error error =
        run(procoreFactory(planSource->sharedCache()), procoreFactory(planDestination->sharedCache()), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Latest Only/history.pdf"))),
             hashesOf({m_history.constLast()}));
}

void TestMigrateVersions::procoreToShareGetsTheLatest()
{
    const QString share = m_dir.filePath(QStringLiteral("share"));
    QVERIFY(QDir().mkpath(share));
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    const std::unique_ptr<ProcoreStore> planSource = procoreStore();
    LocalStore planDestination(share);
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), &planDestination, &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(2));
    QCOMPARE(summary.filesWithHistory, qint64(0)); // a share keeps no versions

    QVERIFY(m_sandbox.resetStats());
    const Error error = run(
        procoreFactory(planSource->sharedCache()), [share] { return std::make_unique<LocalStore>(share); },
        jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 0);
    QFile copy(share + QStringLiteral("/history.pdf"));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), m_history.constLast());
    const QVector<JobItem> items = m_journal->items(jobId, -1, 100).value();
    int noted = 0;
    for (const JobItem &item : items) {
        QCOMPARE(item.state, ItemState::Done);
        if (item.action == ItemAction::Upload || item.action == ItemAction::Download) {
            const bool history = item.sourcePath.endsWith(QLatin1String("history.pdf"));
            QCOMPARE(item.reason,
                     history ? QStringLiteral("history not kept by the destination") : QString());
            noted += history ? 1 : 0;
        }
    }
    QCOMPARE(noted, 1);
}

void TestMigrateVersions::resumeAfterTwoOfThreeVersionsGivesExactlyThree()
{
    // As a crash would leave it: the destination holds the first two versions of the history.
    const std::unique_ptr<ProcoreStore> store = procoreStore();
    QVERIFY(!await(store->makeFolder(path(QStringLiteral("Resumed")))));
    Error error = writeVersions(store.get(), QStringLiteral("Resumed/history.pdf"), m_history.mid(0, 2));
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Resumed/history.pdf"))),
             hashesOf(m_history.mid(0, 2)));

    // The item as the journal gives it back after the crash: in flight, to be checked first.
    JobItem item;
    item.id = 1;
    item.jobId = 1;
    item.action = ItemAction::Upload;
    item.sourcePath = QStringLiteral("Source/history.pdf");
    item.destinationPath = QStringLiteral("Resumed/history.pdf");
    item.size = m_history.constLast().size();
    item.sourceId = -1;
    item.needsVerify = true;
    item.attempts = 2;
    const std::unique_ptr<Store> source = procoreFactory()();
    const std::unique_ptr<Store> destination = procoreFactory()();
    ItemTask task(item, source.get(), destination.get(), 2000);
    task.setJobKind(JobKind::Migrate);
    QSignalSpy finished(&task, &ItemTask::finished);
    QSignalSpy progress(&task, &ItemTask::progress);
    task.start();
    QVERIFY(finished.wait(60000));
    const auto outcome = finished.constFirst().at(0).value<ItemOutcome>();
    QVERIFY2(outcome.state == ItemState::Done, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.reason, QStringLiteral("with its history: 3 versions (2 already at the destination)"));
    QCOMPARE(outcome.checksum, sha256(m_history.constLast()));
    // One version was moved; the progress, scaled to the latest's size, never runs past it.
    QVERIFY(!progress.isEmpty());
    for (const QList<QVariant> &report : std::as_const(progress))
        QVERIFY(report.at(0).toLongLong() <= item.size);
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Resumed/history.pdf"))), hashesOf(m_history));

    // Run again (a second crash right after the last version): nothing more is written.
    ItemTask again(item, source.get(), destination.get(), 2000);
    again.setJobKind(JobKind::Migrate);
    QSignalSpy finishedAgain(&again, &ItemTask::finished);
    again.start();
    QVERIFY(finishedAgain.wait(60000));
    QCOMPARE(finishedAgain.constFirst().at(0).value<ItemOutcome>().state, ItemState::Done);
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Resumed/history.pdf"))), hashesOf(m_history));
}

// The whole job as a crash leaves it: the copies were claimed (in flight in the journal) and the
// history's first two versions had reached the destination when the process died.
void TestMigrateVersions::engineResumesAHistoryCutAfterTwoVersions()
{
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = QStringLiteral("Crashed");
    const std::unique_ptr<ProcoreStore> planSource = procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesWithHistory, qint64(1));
    const Result<QVector<JobItem>> claimed = m_journal->takePending(jobId, 3); // the folder, both files
    QVERIFY(claimed.ok());
    QCOMPARE(claimed.value().size(), 3);
    const std::unique_ptr<ProcoreStore> writer = procoreStore();
    QVERIFY(!await(writer->makeFolder(path(QStringLiteral("Crashed")))));
    const Error written =
        writeVersions(writer.get(), QStringLiteral("Crashed/history.pdf"), m_history.mid(0, 2));
    QVERIFY2(!written, qPrintable(written.toString()));

    const Error error = run(procoreFactory(), procoreFactory(), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(m_journal->job(jobId).value().itemsFailed, qint64(0));
    const QJsonObject state = root();
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Crashed/history.pdf"))), hashesOf(m_history));
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Crashed/single.pdf"))), hashesOf({m_single}));
    // No duplicate: exactly the two files (the state's names are unique only among live items).
    int files = 0;
    for (const QJsonValue &folder : state.value(QStringLiteral("folders")).toArray()) {
        if (folder.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Crashed"))
            files += int(folder.toObject().value(QStringLiteral("files")).toArray().size());
    }
    QCOMPARE(files, 2);
}

QTEST_GUILESS_MAIN(TestMigrateVersions)
#include "tst_migrate_versions.moc"
