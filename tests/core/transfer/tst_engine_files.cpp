// The engine's newer abilities local -> local: a single file as a job's source (both directions,
// with missing destination folders), and planning off the calling thread.
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/bandwidthlimiter.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

class TestEngineFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void singleFileIntoMissingFolders();
    void singleFileTheOtherWay();
    void singleFileUnchangedPlansNothing();
    void missingSourceFileIsNotFound();
    void planningWritesOffTheCallingThread();
    void checksumsWhileCopying();
    void migrateVerifiesWithChecksums();
    void bandwidthCapMetersEveryByte();
    void migrateDeletesSourceOnlyWhenAsked();
    void migrateKeepsSourceWithoutVerifiedCopy();
    void bandwidthLimiterSchedule();

private:
    qint64 createJob(const JobSpec &spec);
    Error plan(const JobSpec &spec, qint64 jobId, const QString &from, const QString &to,
               PlanSummary *summary);
    Error run(qint64 jobId, const QString &from, const QString &to);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_a;
    QString m_b;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

void TestEngineFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_a = m_dir->filePath(QStringLiteral("a"));
    m_b = m_dir->filePath(QStringLiteral("b"));
    QVERIFY(QDir().mkpath(m_a) && QDir().mkpath(m_b));
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);
}

void TestEngineFiles::cleanup()
{
    m_journal.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestEngineFiles::createJob(const JobSpec &spec)
{
    Result<qint64> id = m_journal->createJob(spec.toRecord());
    return id.ok() ? id.value() : 0;
}

Error TestEngineFiles::plan(const JobSpec &spec, qint64 jobId, const QString &from, const QString &to,
                            PlanSummary *summary)
{
    LocalStore source(from);
    LocalStore destination(to);
    return testing::planJob(spec, &source, &destination, summary, m_journal.get(), jobId);
}

Error TestEngineFiles::run(qint64 jobId, const QString &from, const QString &to)
{
    TransferEngine engine(
        *m_database, [from] { return std::make_unique<LocalStore>(from); },
        [to] { return std::make_unique<LocalStore>(to); }, 2);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(60000))
        return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
    return finished.constFirst().at(1).value<Error>();
}

void TestEngineFiles::singleFileIntoMissingFolders()
{
    putFile(m_a, QStringLiteral("Drawings/A-101.pdf"), QByteArray(5000, 'x'), fixedTime(1));
    putFile(m_a, QStringLiteral("Drawings/A-102.pdf"), QByteArray(10, 'y'), fixedTime(2));
    JobSpec spec;
    spec.sourcePath = QStringLiteral("Drawings/A-101.pdf");
    spec.destinationPath = QStringLiteral("Project/Level 1/A-101.pdf");
    const qint64 jobId = createJob(spec);
    QVERIFY(jobId > 0);
    PlanSummary summary;
    const Error planned = plan(spec, jobId, m_a, m_b, &summary);
    QVERIFY2(!planned, qPrintable(planned.toString()));
    QCOMPARE(summary.filesNew, qint64(1));
    QCOMPARE(summary.foldersToCreate, qint64(2)); // "Project" and "Project/Level 1"
    QCOMPARE(summary.bytesToCopy, qint64(5000));
    QCOMPARE(m_journal->job(jobId).value().state, JobState::Planned);

    const Error ran = run(jobId, m_a, m_b);
    QVERIFY2(!ran, qPrintable(ran.toString()));
    const QMap<QString, QString> source = treeManifest(m_a);
    const QMap<QString, QString> destination = treeManifest(m_b);
    QCOMPARE(destination.size(), 3); // two folders and the one file; A-102 stays behind
    QCOMPARE(destination.value(QStringLiteral("Project/Level 1/A-101.pdf")),
             source.value(QStringLiteral("Drawings/A-101.pdf")));
    QCOMPARE(QFileInfo(m_b + QStringLiteral("/Project/Level 1/A-101.pdf")).lastModified().toUTC(),
             fixedTime(1));
}

void TestEngineFiles::singleFileTheOtherWay()
{
    putFile(m_b, QStringLiteral("Specs/notes.txt"), QByteArrayLiteral("from b"), fixedTime(3));
    putFile(m_a, QStringLiteral("Inbox/other.txt"), QByteArrayLiteral("stays"), fixedTime(4));
    JobSpec spec;
    spec.sourcePath = QStringLiteral("Specs/notes.txt");
    spec.destinationPath = QStringLiteral("Inbox/notes.txt"); // an existing folder
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    const Error planned = plan(spec, jobId, m_b, m_a, &summary);
    QVERIFY2(!planned, qPrintable(planned.toString()));
    QCOMPARE(summary.filesNew, qint64(1));
    QCOMPARE(summary.foldersToCreate, qint64(0));
    QCOMPARE(summary.itemCount(), qint64(1));
    // The destination folder's own listing is enough: nothing below it is walked.
    QCOMPARE(summary.destinationListCalls, 1);

    const Error ran = run(jobId, m_b, m_a);
    QVERIFY2(!ran, qPrintable(ran.toString()));
    QFile copied(m_a + QStringLiteral("/Inbox/notes.txt"));
    QVERIFY(copied.open(QIODevice::ReadOnly));
    QCOMPARE(copied.readAll(), QByteArrayLiteral("from b"));
    QCOMPARE(treeManifest(m_a).size(), 3); // Inbox, other.txt, notes.txt
}

void TestEngineFiles::singleFileUnchangedPlansNothing()
{
    putFile(m_a, QStringLiteral("one.bin"), QByteArray(100, 'z'), fixedTime(5));
    putFile(m_b, QStringLiteral("one.bin"), QByteArray(100, 'z'), fixedTime(5));
    JobSpec spec;
    spec.sourcePath = QStringLiteral("one.bin");
    spec.destinationPath = QStringLiteral("one.bin"); // into the destination's root
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    const Error planned = plan(spec, jobId, m_a, m_b, &summary);
    QVERIFY2(!planned, qPrintable(planned.toString()));
    QCOMPARE(summary.unchanged, qint64(1));
    QCOMPARE(summary.itemCount(), qint64(0));

    // Changed at the source: a new version replaces it (policy source wins).
    putFile(m_a, QStringLiteral("one.bin"), QByteArray(120, 'w'), fixedTime(50));
    spec.policies.conflicts = ConflictPolicy::SourceWins;
    const qint64 again = createJob(spec);
    QVERIFY2(!plan(spec, again, m_a, m_b, &summary), "plan");
    QCOMPARE(summary.filesReplaced, qint64(1));
    QVERIFY(!run(again, m_a, m_b));
    QCOMPARE(treeManifest(m_b), treeManifest(m_a));
}

void TestEngineFiles::missingSourceFileIsNotFound()
{
    JobSpec spec;
    spec.sourcePath = QStringLiteral("nowhere/missing.pdf");
    spec.destinationPath = QStringLiteral("missing.pdf");
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    const Error planned = plan(spec, jobId, m_a, m_b, &summary);
    QCOMPARE(planned.kind(), Error::Kind::NotFound);
    QCOMPARE(m_journal->job(jobId).value().state, JobState::Failed);
}

void TestEngineFiles::planningWritesOffTheCallingThread()
{
    // The test's thread holds the database's write lock in an open batch while the plan is made.
    // Written on the calling thread, the plan would join that batch and finish at once; written
    // by the planner's own thread (own connection), it must wait until the batch commits.
    for (int i = 0; i < 300; ++i)
        putFile(m_a, QStringLiteral("f%1/file-%2.txt").arg(i % 7).arg(i), QByteArray::number(i),
                fixedTime(i));
    JobSpec spec;
    const qint64 jobId = createJob(spec);
    const int connectionsBefore = m_database->connectionCount();
    LocalStore source(m_a);
    LocalStore destination(m_b);
    JobPlanner planner(spec, &source, &destination);
    planner.setJournal(m_journal.get(), jobId);
    QSignalSpy done(&planner, &JobPlanner::finished);
    QVERIFY(m_journal->beginBatch().ok());
    QVERIFY(m_journal->addApiCalls(jobId, 1).ok()); // takes the write lock
    planner.start();
    // The planner's thread opened a connection of its own and waits for the lock with it.
    QTRY_VERIFY_WITH_TIMEOUT(m_database->connectionCount() > connectionsBefore, 8000);
    QCOMPARE(done.size(), 0);
    QVERIFY(m_journal->commitBatch().ok());
    QVERIFY(done.wait(60000));
    QVERIFY2(!planner.error(), qPrintable(planner.error().toString()));
    QCOMPARE(planner.summary().filesNew, qint64(300));
    const JobRecord record = m_journal->job(jobId).value();
    QCOMPARE(record.itemsTotal, qint64(307));
    QCOMPARE(record.state, JobState::Planned);
    // ... and closed it when it ended.
    QTRY_COMPARE(m_database->connectionCount(), connectionsBefore);
}

namespace {

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

QVector<JobItem> itemsOf(Journal &journal, qint64 jobId)
{
    QVector<JobItem> items;
    journal.forEachItem(jobId, [&items](const JobItem &item) {
        items.append(item);
        return true;
    });
    return items;
}

} // namespace

void TestEngineFiles::checksumsWhileCopying()
{
    for (int i = 0; i < 6; ++i)
        putFile(m_a, QStringLiteral("d/f%1.bin").arg(i), QByteArray(70000 * i + 1, char('0' + i)),
                fixedTime(i));
    JobSpec spec;
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    QVERIFY(!plan(spec, jobId, m_a, m_b, &summary));
    QVERIFY(!run(jobId, m_a, m_b));
    int files = 0;
    for (const JobItem &item : itemsOf(*m_journal, jobId)) {
        if (item.action != ItemAction::Upload)
            continue;
        ++files;
        // The sha256 computed while the bytes streamed equals the file's, on both sides.
        QCOMPARE(item.checksum, sha256Of(m_a + QLatin1Char('/') + item.sourcePath));
        QCOMPARE(item.checksum, sha256Of(m_b + QLatin1Char('/') + item.destinationPath));
    }
    QCOMPARE(files, 6);
}

void TestEngineFiles::migrateVerifiesWithChecksums()
{
    putFile(m_a, QStringLiteral("one.pdf"), QByteArray(5000, 'o'), fixedTime(1));
    putFile(m_a, QStringLiteral("sub/two.pdf"), QByteArray(7000, 't'), fixedTime(2));
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    QVERIFY(!plan(spec, jobId, m_a, m_b, &summary));
    QCOMPARE(summary.verifies, qint64(2));
    QVERIFY(!run(jobId, m_a, m_b));
    int verified = 0;
    for (const JobItem &item : itemsOf(*m_journal, jobId)) {
        if (item.action != ItemAction::Verify)
            continue;
        ++verified;
        QCOMPARE(item.state, ItemState::Done);
        // The report shows the verified copy's checksum.
        QCOMPARE(item.checksum, sha256Of(m_a + QLatin1Char('/') + item.sourcePath));
    }
    QCOMPARE(verified, 2);
}

void TestEngineFiles::migrateDeletesSourceOnlyWhenAsked()
{
    putFile(m_a, QStringLiteral("one.pdf"), QByteArray(3000, '1'), fixedTime(1));
    putFile(m_a, QStringLiteral("sub/two.pdf"), QByteArray(4000, '2'), fixedTime(2));
    const QMap<QString, QString> before = treeManifest(m_a);
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.policies.deleteSourceAfterMigrate = true;
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    QVERIFY(!plan(spec, jobId, m_a, m_b, &summary));
    QCOMPARE(summary.verifies, qint64(2));
    QCOMPARE(summary.deletes, qint64(2));
    const Error ran = run(jobId, m_a, m_b);
    QVERIFY2(!ran, qPrintable(ran.toString()));
    QCOMPARE(treeManifest(m_b), before);
    // The files are gone from the source (their folder stays, empty).
    QVERIFY(!QFile::exists(m_a + QStringLiteral("/one.pdf")));
    QVERIFY(!QFile::exists(m_a + QStringLiteral("/sub/two.pdf")));
    QVERIFY(QFileInfo(m_a + QStringLiteral("/sub")).isDir());
}

void TestEngineFiles::migrateKeepsSourceWithoutVerifiedCopy()
{
    // A source delete whose destination copy differs (as after a failed verify): the source stays.
    putFile(m_a, QStringLiteral("kept.pdf"), QByteArray(3000, 'k'), fixedTime(1));
    putFile(m_b, QStringLiteral("kept.pdf"), QByteArray(2999, 'x'), fixedTime(1));
    JobSpec spec;
    spec.kind = JobKind::Migrate;
    spec.policies.deleteSourceAfterMigrate = true;
    spec.policies.maxAttempts = 1;
    JobRecord record = spec.toRecord();
    record.state = JobState::Planned;
    const qint64 jobId = m_journal->createJob(record).value();
    JobItem remove;
    remove.action = ItemAction::Delete;
    remove.reverse = true;
    remove.sourcePath = QStringLiteral("kept.pdf");
    remove.destinationPath = QStringLiteral("kept.pdf");
    remove.size = 3000;
    QVector<JobItem> items{remove};
    QVERIFY(m_journal->addItems(jobId, items).ok());
    const Error ran = run(jobId, m_a, m_b);
    QVERIFY(ran); // one item failed
    QCOMPARE(m_journal->job(jobId).value().itemsFailed, qint64(1));
    QVERIFY(QFile::exists(m_a + QStringLiteral("/kept.pdf")));
    QCOMPARE(m_journal->item(items.constFirst().id).value().errorKind, Error::Kind::Validation);
}

void TestEngineFiles::bandwidthCapMetersEveryByte()
{
    qint64 total = 0;
    for (int i = 0; i < 8; ++i) {
        const int size = 30000 + 1000 * i;
        putFile(m_a, QStringLiteral("f%1.bin").arg(i), QByteArray(size, char('a' + i)), fixedTime(i));
        total += size;
    }
    JobSpec spec;
    spec.policies.bandwidthLimit = 8 * 1024 * 1024; // high enough to keep the test short
    const qint64 jobId = createJob(spec);
    PlanSummary summary;
    QVERIFY(!plan(spec, jobId, m_a, m_b, &summary));
    const QString from = m_a;
    const QString to = m_b;
    TransferEngine engine(
        *m_database, [from] { return std::make_unique<LocalStore>(from); },
        [to] { return std::make_unique<LocalStore>(to); }, 4);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.constFirst().at(1).value<Error>());
    // Every byte of every worker went through the job's one bucket.
    QCOMPARE(engine.lastProgress().bytesMetered, total);
    QCOMPARE(treeManifest(m_b), treeManifest(m_a));
}

void TestEngineFiles::bandwidthLimiterSchedule()
{
    qint64 now = 0;
    BandwidthLimiter limiter(1000, [&now] { return now; }); // 1,000 bytes/s, a 250 ms burst
    QCOMPARE(limiter.reserve(250), qint64(0)); // the burst
    QCOMPARE(limiter.reserve(1000), qint64(1000)); // the schedule is at 1,250 ms
    now = 600;
    QCOMPARE(limiter.reserve(100), qint64(1350 - 600 - 250));
    now = 10000; // idle: the bucket refills up to the burst, not more
    QCOMPARE(limiter.reserve(250), qint64(0));
    QCOMPARE(limiter.reserve(500), qint64(500));
    QCOMPARE(limiter.bytesAccounted(), qint64(250 + 1000 + 100 + 250 + 500));
    QCOMPARE(limiter.waitedMs(), qint64(1000 + 500 + 500));
}

QTEST_GUILESS_MAIN(TestEngineFiles)
#include "tst_engine_files.moc"
