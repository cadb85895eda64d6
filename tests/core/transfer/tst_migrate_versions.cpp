// Migrate with version history against the Procore sandbox over real HTTP (issue 5: "copy with
// version history where the source has it, oldest version first"): Procore -> Procore keeps every
// version in order, a file with one version costs no extra call, Procore -> share gets the latest,
// and a history stopped after its second version is resumed to exactly three.
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/jobs/plansummaryreader.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/itemtask.h"
#include "core/transfer/storeresolver.h"
#include "core/transfer/transfercommand.h"
#include "core/transfer/transferengine.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::SandboxResolver;
using testing::stateNode;
using testing::versionHashes;

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
    void existingFileGetsTheNewerVersions_data();
    void existingFileGetsTheNewerVersions();
    void existingFileWithAnotherHistoryIsLeftAlone();
    void dryRunPrintsTheHistory();
    // A plan read back from the journal (a job restored after a restart) is the planner's, field
    // by field, history counts included.
    void readBackSummaryEqualsThePlanners_data();
    void readBackSummaryEqualsThePlanners();
    // A history copy that fails for good fails once: its Verify ends skipped ("its copy failed"),
    // and retrying the copy runs its Verify again.
    void failedHistoryCopySkipsItsVerify();

private:
    // Writes `versions` to `file` in that order: the first creates it, each next adds a version.
    Error writeVersions(Store *store, const QString &file, const QList<QByteArray> &versions);
    qint64 plan(const JobSpec &spec, Store *source, Store *destination, PlanSummary *summary)
    {
        return testing::planNewJob(m_fx.journal.get(), spec, source, destination, summary);
    }
    Error run(const StoreFactory &source, const StoreFactory &destination, qint64 jobId)
    {
        return m_fx.run(source, destination, jobId, 2);
    }
    // Plans and runs Source -> `folder` (a migrate, every version); the calls the run cost.
    int migrateInto(const QString &folder, PlanSummary *summary, qint64 *jobId);
    QJsonObject root() const
    {
        return m_fx.sandbox.state(m_fx.connection.projectId).value(QStringLiteral("root")).toObject();
    }

    testing::SandboxJobFixture m_fx;
    // Source/history.pdf: three versions of different sizes; Source/single.pdf: one.
    QList<QByteArray> m_history;
    QByteArray m_single;
};

void TestMigrateVersions::initTestCase()
{
    const QString failure = m_fx.open({QStringLiteral("--seed"), QStringLiteral("empty")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    m_history = {randomBytes(3000, 1), randomBytes(1000, 2), randomBytes(5000, 3)};
    m_single = randomBytes(2000, 4);
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(store->makeFolder(path(QStringLiteral("Source")))));
    Error error = writeVersions(store.get(), QStringLiteral("Source/history.pdf"), m_history);
    QVERIFY2(!error, qPrintable(error.toString()));
    error = writeVersions(store.get(), QStringLiteral("Source/single.pdf"), {m_single});
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Source/history.pdf"))), hashesOf(m_history));
}

void TestMigrateVersions::cleanupTestCase()
{
    m_fx.close();
}

Error TestMigrateVersions::writeVersions(Store *store, const QString &file, const QList<QByteArray> &versions)
{
    for (int i = 0; i < versions.size(); ++i) {
        QByteArray bytes = versions.at(i);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const Error error = testing::awaitJob(
            store->writeFrom(path(file), &buffer, bytes.size(), fixedTime(i),
                             i == 0 ? Store::WriteMode::FailIfExists : Store::WriteMode::Replace));
        if (error)
            return error;
    }
    return {};
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
    const QString from = m_fx.dir.filePath(QStringLiteral("cli-from"));
    const QString to = m_fx.dir.filePath(QStringLiteral("cli-to"));
    testing::putFile(from, QStringLiteral("a.txt"), QByteArray("abc"), fixedTime());
    QVERIFY(QDir().mkpath(to));
    auto run = [this](const QStringList &arguments, QByteArray *err) {
        QBuffer out;
        QBuffer errors;
        out.open(QIODevice::WriteOnly);
        errors.open(QIODevice::WriteOnly);
        TransferCommand command(*m_fx.database, &out, &errors);
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
    const QVector<JobRecord> jobs = m_fx.journal->jobs().value();
    QVERIFY(!jobs.isEmpty());
    const JobRecord &job = jobs.constLast();
    QCOMPARE(job.kind, JobKind::Migrate);
    QCOMPARE(JobPolicies::fromJsonText(job.policiesJson).value().versions, VersionsPolicy::Latest);
}

void TestMigrateVersions::listingVersionsOfASingleVersionFileCostsNoCall()
{
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    ListJob *list = store->list(path(QStringLiteral("Source")));
    QVERIFY(!testing::awaitJob(list));

    QVERIFY(m_fx.sandbox.resetStats());
    std::unique_ptr<VersionListJob> single(store->listVersions(path(QStringLiteral("Source/single.pdf"))));
    single->setAutoDelete(false);
    QVERIFY(!testing::awaitJob(single.get()));
    QCOMPARE(single->versions().size(), 1);
    QCOMPARE(single->versions().constFirst().size, qint64(m_single.size()));
    QCOMPARE(m_fx.apiCalls(), 0);

    std::unique_ptr<VersionListJob> history(store->listVersions(path(QStringLiteral("Source/history.pdf"))));
    history->setAutoDelete(false);
    QVERIFY(!testing::awaitJob(history.get()));
    QCOMPARE(m_fx.apiCalls(), 1); // GET /files/{id} with every version
    QCOMPARE(m_fx.callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 1);
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
    QVERIFY(!testing::awaitJob(
        store->readVersionInto(path(QStringLiteral("Source/history.pdf")), versions.at(0), &sink)));
    QCOMPARE(bytes, m_history.at(0));
    QCOMPARE(m_fx.apiCalls(), 1);
}

void TestMigrateVersions::procoreToProcoreCopiesEveryVersionOldestFirst()
{
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = QStringLiteral("Migrated");
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = m_fx.procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(2));
    QCOMPARE(summary.filesWithHistory, qint64(1));
    QCOMPARE(summary.olderVersions, qint64(2));
    // One folder, two files and two older versions at 2 calls each, one version listing.
    QCOMPARE(summary.estimatedApiCalls, procoreCallFloor(1, 2 + 2) + 1);

    QVERIFY(m_fx.sandbox.resetStats());
    const Error error = run(m_fx.procoreFactory(planSource->sharedCache()),
                            m_fx.procoreFactory(planDestination->sharedCache()), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    const JobRecord job = m_fx.journal->job(jobId).value();
    QCOMPARE(job.itemsFailed, qint64(0));
    const int calls = m_fx.apiCalls();
    qInfo("Procore -> Procore migrate, 1 folder, 1 file with 3 versions, 1 with one: %d API calls "
          "(estimate %lld); GET /files/{id}: %d",
          calls, summary.estimatedApiCalls, m_fx.callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")));
    // The single-version file cost no version listing: one GET /files/{id}, for the history.
    QCOMPARE(m_fx.callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 1);
    QCOMPARE(qint64(calls), summary.estimatedApiCalls);

    const QJsonObject state = root();
    const QJsonObject history = stateNode(state, QStringLiteral("Migrated/history.pdf"));
    QVERIFY(!history.isEmpty());
    QCOMPARE(versionHashes(history), hashesOf(m_history));
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Migrated/single.pdf"))), hashesOf({m_single}));
    // The source is untouched.
    QCOMPARE(versionHashes(stateNode(state, QStringLiteral("Source/history.pdf"))), hashesOf(m_history));

    // The copy and its verify carry the latest version's checksum; the report says "with its history".
    const QVector<JobItem> items = m_fx.journal->items(jobId, -1, 100).value();
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
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = m_fx.procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesWithHistory, qint64(0));
    QCOMPARE(summary.olderVersions, qint64(0));
    QCOMPARE(summary.estimatedApiCalls, procoreCallFloor(1, 2));
    const Error error = run(m_fx.procoreFactory(planSource->sharedCache()),
                            m_fx.procoreFactory(planDestination->sharedCache()), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Latest Only/history.pdf"))),
             hashesOf({m_history.constLast()}));
}

void TestMigrateVersions::procoreToShareGetsTheLatest()
{
    const QString share = m_fx.dir.filePath(QStringLiteral("share"));
    QVERIFY(QDir().mkpath(share));
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    LocalStore planDestination(share);
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), &planDestination, &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesNew, qint64(2));
    QCOMPARE(summary.filesWithHistory, qint64(0)); // a share keeps no versions

    QVERIFY(m_fx.sandbox.resetStats());
    const Error error = run(
        m_fx.procoreFactory(planSource->sharedCache()),
        [share] { return std::make_unique<LocalStore>(share); }, jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(m_fx.callsTo(QStringLiteral("GET /rest/v1.0/files/{id}")), 0);
    QFile copy(share + QStringLiteral("/history.pdf"));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), m_history.constLast());
    const QVector<JobItem> items = m_fx.journal->items(jobId, -1, 100).value();
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
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(store->makeFolder(path(QStringLiteral("Resumed")))));
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
    const std::unique_ptr<Store> source = m_fx.procoreFactory()();
    const std::unique_ptr<Store> destination = m_fx.procoreFactory()();
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
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = m_fx.procoreStore();
    PlanSummary summary;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &summary);
    QVERIFY(jobId > 0);
    QCOMPARE(summary.filesWithHistory, qint64(1));
    const Result<QVector<JobItem>> claimed = m_fx.journal->takePending(jobId, 3); // the folder, both files
    QVERIFY(claimed.ok());
    QCOMPARE(claimed.value().size(), 3);
    const std::unique_ptr<ProcoreStore> writer = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(writer->makeFolder(path(QStringLiteral("Crashed")))));
    const Error written =
        writeVersions(writer.get(), QStringLiteral("Crashed/history.pdf"), m_history.mid(0, 2));
    QVERIFY2(!written, qPrintable(written.toString()));

    const Error error = run(m_fx.procoreFactory(), m_fx.procoreFactory(), jobId);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(m_fx.journal->job(jobId).value().itemsFailed, qint64(0));
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

int TestMigrateVersions::migrateInto(const QString &folder, PlanSummary *summary, qint64 *jobId)
{
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = folder;
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = m_fx.procoreStore();
    *jobId = plan(spec, planSource.get(), planDestination.get(), summary);
    if (*jobId <= 0)
        return -1;
    if (!m_fx.sandbox.resetStats())
        return -1;
    const Error error = run(m_fx.procoreFactory(planSource->sharedCache()),
                            m_fx.procoreFactory(planDestination->sharedCache()), *jobId);
    if (error) {
        qWarning() << error.toString();
        return -1;
    }
    return m_fx.apiCalls();
}

// A file the destination holds with the source's first versions gets the newer ones, oldest first,
// at exactly the calls the plan counted; run again, nothing is written.
void TestMigrateVersions::existingFileGetsTheNewerVersions_data()
{
    QTest::addColumn<int>("there");
    QTest::addColumn<int>("expectedCalls");
    // single.pdf (new): 2. history.pdf: its source versions listed (1), the destination's listed
    // when it holds more than one (1), 2 per version added.
    QTest::newRow("1 of 3 there") << 1 << 2 + 1 + 0 + 2 * 2;
    QTest::newRow("2 of 3 there") << 2 << 2 + 1 + 1 + 2 * 1;
}

void TestMigrateVersions::existingFileGetsTheNewerVersions()
{
    QFETCH(int, there);
    QFETCH(int, expectedCalls);
    const QString folder = QStringLiteral("Topped %1").arg(there);
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(store->makeFolder(path(folder))));
    const Error written =
        writeVersions(store.get(), folder + QStringLiteral("/history.pdf"), m_history.mid(0, there));
    QVERIFY2(!written, qPrintable(written.toString()));

    PlanSummary summary;
    qint64 jobId = 0;
    const int calls = migrateInto(folder, &summary, &jobId);
    QVERIFY(calls >= 0);
    QCOMPARE(summary.filesNew, qint64(1)); // single.pdf
    QCOMPARE(summary.filesReplaced, qint64(1)); // history.pdf: the versions it lacks
    QCOMPARE(summary.filesWithHistory, qint64(1));
    QCOMPARE(summary.olderVersions, qint64(3 - there - 1));
    // Older versions count at the latest's size (the listing gives no other).
    QCOMPARE(summary.olderVersionBytes, qint64(3 - there - 1) * m_history.constLast().size());
    QCOMPARE(summary.bytesToCopy, qint64(m_single.size()) + qint64(3 - there) * m_history.constLast().size());
    qInfo("existing file with %d of 3 versions: %d API calls (estimate %lld)", there, calls,
          summary.estimatedApiCalls);
    QCOMPARE(calls, expectedCalls);
    QCOMPARE(qint64(calls), summary.estimatedApiCalls);
    // Bytes stored: single.pdf and the versions history.pdf lacked, each once.
    QCOMPARE(m_fx.sandbox.stats()
                 .value(QStringLiteral("storage"))
                 .toObject()
                 .value(QStringLiteral("uploads"))
                 .toInt(),
             1 + 3 - there);

    const JobRecord job = m_fx.journal->job(jobId).value();
    QCOMPARE(job.itemsFailed, qint64(0));
    // Bytes count every version planned, and the run ends with all of them done.
    QCOMPARE(job.bytesTotal, summary.bytesToCopy);
    QCOMPARE(job.bytesDone, job.bytesTotal);
    const QJsonObject state = root();
    QCOMPARE(versionHashes(stateNode(state, folder + QStringLiteral("/history.pdf"))), hashesOf(m_history));
    QCOMPARE(versionHashes(stateNode(state, folder + QStringLiteral("/single.pdf"))), hashesOf({m_single}));

    // Again: every version is there; nothing is planned and nothing written.
    PlanSummary again;
    qint64 againId = 0;
    QCOMPARE(migrateInto(folder, &again, &againId), 0);
    QCOMPARE(again.unchanged, qint64(2));
    QCOMPARE(again.filesWithHistory, qint64(0));
    QCOMPARE(versionHashes(stateNode(root(), folder + QStringLiteral("/history.pdf"))), hashesOf(m_history));
}

// A destination file whose history is not the start of the source's: holding the source's latest
// (an earlier "latest only" migrate) it gets nothing; holding something else it is left alone.
void TestMigrateVersions::existingFileWithAnotherHistoryIsLeftAlone()
{
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(store->makeFolder(path(QStringLiteral("Latest There")))));
    Error written =
        writeVersions(store.get(), QStringLiteral("Latest There/history.pdf"), {m_history.constLast()});
    QVERIFY2(!written, qPrintable(written.toString()));
    PlanSummary summary;
    qint64 jobId = 0;
    const int calls = migrateInto(QStringLiteral("Latest There"), &summary, &jobId);
    QCOMPARE(summary.filesWithHistory, qint64(1));
    // single.pdf (2) and the source's versions listed (1): none written for history.pdf.
    QCOMPARE(calls, 2 + 1);
    QCOMPARE(m_fx.journal->job(jobId).value().itemsFailed, qint64(0));
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Latest There/history.pdf"))),
             hashesOf({m_history.constLast()}));

    const QByteArray other = randomBytes(777, 9);
    QVERIFY(!testing::awaitJob(store->makeFolder(path(QStringLiteral("Other There")))));
    written = writeVersions(store.get(), QStringLiteral("Other There/history.pdf"), {other});
    QVERIFY2(!written, qPrintable(written.toString()));
    migrateInto(QStringLiteral("Other There"), &summary, &jobId); // ends with the failed item
    QVERIFY(jobId > 0);
    const QVector<JobItem> items = m_fx.journal->items(jobId, -1, 100).value();
    int conflicts = 0;
    for (const JobItem &item : items) {
        if (item.action == ItemAction::NewVersion) {
            QCOMPARE(item.state, ItemState::Failed);
            QCOMPARE(item.errorKind, Error::Kind::Conflict);
            ++conflicts;
        }
    }
    QCOMPARE(conflicts, 1);
    QCOMPARE(versionHashes(stateNode(root(), QStringLiteral("Other There/history.pdf"))), hashesOf({other}));
}

// `trestle migrate --dry-run` says what the history adds, in text as in JSON; nothing is written.
void TestMigrateVersions::dryRunPrintsTheHistory()
{
    SandboxResolver resolver(m_fx.procoreFactory(), m_fx.connection.meter.get());
    auto run = [this, &resolver](const QStringList &arguments, QByteArray *out) {
        QBuffer output;
        QBuffer errors;
        output.open(QIODevice::WriteOnly);
        errors.open(QIODevice::WriteOnly);
        TransferCommand command(*m_fx.database, &output, &errors);
        command.setResolver(&resolver);
        QSignalSpy finished(&command, &TransferCommand::finished);
        command.start(QStringList{QStringLiteral("trestle"), QStringLiteral("migrate"),
                                  QStringLiteral("sandbox:Source"), QStringLiteral("sandbox:Dry Run"),
                                  QStringLiteral("--dry-run")}
                      + arguments);
        if (!finished.wait(60000))
            return -1;
        *out = output.data();
        if (!errors.data().isEmpty())
            qWarning("%s", errors.data().constData());
        return finished.constFirst().at(0).toInt();
    };
    QVERIFY(m_fx.sandbox.resetStats());
    QByteArray text;
    QCOMPARE(run({}, &text), int(TransferCommand::Ok));
    // Every version counts in the bytes to copy: 3 x 5,000 (older ones at the latest's size) + 2,000.
    const QByteArray bytes = QLocale::c().formattedDataSize(3 * 5000 + 2000).toUtf8();
    QVERIFY2(text.contains("2 new files") && text.contains("; " + bytes + " to copy"), text.constData());
    const QByteArray history = "History: 1 files with their versions, 2 older versions to copy (about "
        + QLocale::c().formattedDataSize(2 * 5000).toUtf8() + ")";
    QVERIFY2(text.contains(history), text.constData());

    QByteArray json;
    QCOMPARE(run({QStringLiteral("--json")}, &json), int(TransferCommand::Ok));
    const QJsonObject plan = QJsonDocument::fromJson(json).object();
    QCOMPARE(plan.value(QStringLiteral("filesWithHistory")).toInteger(), qint64(1));
    QCOMPARE(plan.value(QStringLiteral("olderVersions")).toInteger(), qint64(2));
    QCOMPARE(plan.value(QStringLiteral("olderVersionBytes")).toInteger(), qint64(2 * 5000));
    QCOMPARE(plan.value(QStringLiteral("bytesToCopy")).toInteger(), qint64(3 * 5000 + 2000));
    QCOMPARE(m_fx.sandbox.stats()
                 .value(QStringLiteral("storage"))
                 .toObject()
                 .value(QStringLiteral("uploads"))
                 .toInt(),
             0);
    for (const QJsonValue &folder : root().value(QStringLiteral("folders")).toArray())
        QVERIFY(folder.toObject().value(QStringLiteral("name")).toString() != QLatin1String("Dry Run"));
    qInfo("%s", text.constData());
}

void TestMigrateVersions::readBackSummaryEqualsThePlanners_data()
{
    QTest::addColumn<int>("there"); // versions of history.pdf the destination holds (0: none)
    QTest::addColumn<bool>("latestOnly");
    QTest::newRow("new files, every version") << 0 << false;
    QTest::newRow("1 of 3 there") << 1 << false;
    QTest::newRow("2 of 3 there") << 2 << false;
    QTest::newRow("latest only") << 0 << true;
}

void TestMigrateVersions::readBackSummaryEqualsThePlanners()
{
    QFETCH(int, there);
    QFETCH(bool, latestOnly);
    const QString folder = QStringLiteral("Read Back %1 %2").arg(there).arg(latestOnly ? 1 : 0);
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    if (there > 0) {
        QVERIFY(!testing::awaitJob(store->makeFolder(path(folder))));
        const Error written =
            writeVersions(store.get(), folder + QStringLiteral("/history.pdf"), m_history.mid(0, there));
        QVERIFY2(!written, qPrintable(written.toString()));
        // One more file the destination holds as it is: an unchanged one.
        const Error same = writeVersions(store.get(), folder + QStringLiteral("/single.pdf"), {m_single});
        QVERIFY2(!same, qPrintable(same.toString()));
    }
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.sourcePath = QStringLiteral("Source");
    spec.destinationPath = folder;
    if (latestOnly)
        spec.policies.versions = VersionsPolicy::Latest;
    const std::unique_ptr<ProcoreStore> planSource = m_fx.procoreStore();
    const std::unique_ptr<ProcoreStore> planDestination = m_fx.procoreStore();
    PlanSummary planned;
    const qint64 jobId = plan(spec, planSource.get(), planDestination.get(), &planned);
    QVERIFY(jobId > 0);
    QCOMPARE(planned.filesWithHistory, latestOnly ? qint64(0) : qint64(1));

    const Result<PlanSummary> read = PlanSummaryReader::read(*m_fx.database, jobId, JobKind::Migrate);
    QVERIFY2(read.ok(), qPrintable(read.error().toString()));
    const QJsonObject want = planned.toJson();
    const QJsonObject got = read.value().toJson();
    for (auto it = want.constBegin(); it != want.constEnd(); ++it)
        QVERIFY2(
            got.value(it.key()) == it.value(),
            qPrintable(QStringLiteral("%1: read back %2, planned %3")
                           .arg(it.key(),
                                QString::fromUtf8(QJsonDocument(QJsonObject{{it.key(), got.value(it.key())}})
                                                      .toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(QJsonDocument(QJsonObject{{it.key(), it.value()}})
                                                      .toJson(QJsonDocument::Compact)))));
    QCOMPARE(got.size(), want.size());
}

void TestMigrateVersions::failedHistoryCopySkipsItsVerify()
{
    // The destination's history.pdf has another history: its copy fails with Conflict, for good.
    const QString folder = QStringLiteral("Fails Once");
    const std::unique_ptr<ProcoreStore> store = m_fx.procoreStore();
    QVERIFY(!testing::awaitJob(store->makeFolder(path(folder))));
    const QString file = folder + QStringLiteral("/history.pdf");
    Error written = writeVersions(store.get(), file, {randomBytes(777, 11)});
    QVERIFY2(!written, qPrintable(written.toString()));

    PlanSummary summary;
    qint64 jobId = 0;
    QCOMPARE(migrateInto(folder, &summary, &jobId), -1); // ends with the failed item
    QVERIFY(jobId > 0);
    QCOMPARE(summary.verifies, qint64(2));
    // The skipped Verify costs nothing; the calls are the copies' (and the history's listings).
    qInfo("migrate whose history copy fails: %d API calls (estimate %lld)", m_fx.apiCalls(),
          summary.estimatedApiCalls);
    auto itemsOf = [this, jobId](ItemAction action) {
        QVector<JobItem> found;
        const QVector<JobItem> items = m_fx.journal->items(jobId, -1, 100).value();
        for (const JobItem &item : items) {
            if (item.action == action && item.destinationPath == QStringLiteral("Fails Once/history.pdf"))
                found.append(item);
        }
        return found;
    };
    QCOMPARE(itemsOf(ItemAction::NewVersion).size(), 1);
    QCOMPARE(itemsOf(ItemAction::NewVersion).constFirst().state, ItemState::Failed);
    QCOMPARE(itemsOf(ItemAction::NewVersion).constFirst().errorKind, Error::Kind::Conflict);
    const QVector<JobItem> verifies = itemsOf(ItemAction::Verify);
    QCOMPARE(verifies.size(), 1);
    QCOMPARE(verifies.constFirst().state, ItemState::Skipped);
    QCOMPARE(verifies.constFirst().reason, QStringLiteral("skipped: its copy failed"));
    JobRecord job = m_fx.journal->job(jobId).value();
    QCOMPARE(job.itemsFailed, qint64(1)); // one failure for one file
    QCOMPARE(job.itemsSkipped, qint64(1));
    QCOMPARE(job.state, JobState::Failed);

    // The cause goes (the destination's file now holds the source's first version): retrying the
    // failed copy tops it up and runs its Verify again.
    QVERIFY(!testing::awaitJob(store->remove(path(file), Store::RemoveMode::Recursive)));
    written = writeVersions(store.get(), file, m_history.mid(0, 1));
    QVERIFY2(!written, qPrintable(written.toString()));
    QVERIFY(m_fx.sandbox.resetStats());
    {
        TransferEngine engine(*m_fx.database, m_fx.procoreFactory(), m_fx.procoreFactory(), 2);
        QSignalSpy finished(&engine, &TransferEngine::finished);
        engine.retryFailed(jobId);
        QVERIFY(finished.wait(120000));
        const Error error = finished.constFirst().at(1).value<Error>();
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    qInfo("the retry: %d API calls", m_fx.apiCalls());
    QCOMPARE(itemsOf(ItemAction::NewVersion).constFirst().state, ItemState::Done);
    QCOMPARE(itemsOf(ItemAction::Verify).constFirst().state, ItemState::Done);
    QCOMPARE(itemsOf(ItemAction::Verify).constFirst().errorKind, Error::Kind::None);
    QVERIFY2(itemsOf(ItemAction::Verify).constFirst().reason.isEmpty(),
             qPrintable(itemsOf(ItemAction::Verify).constFirst().reason));
    job = m_fx.journal->job(jobId).value();
    QCOMPARE(job.itemsFailed, qint64(0));
    QCOMPARE(job.itemsSkipped, qint64(0));
    QCOMPARE(job.state, JobState::Done);
    QCOMPARE(versionHashes(stateNode(root(), file)), hashesOf(m_history));
}

QTEST_GUILESS_MAIN(TestMigrateVersions)
#include "tst_migrate_versions.moc"
