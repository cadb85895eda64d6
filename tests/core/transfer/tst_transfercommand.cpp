#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/transfer/storeresolver.h"
#include "core/transfer/transfercommand.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

class TestTransferCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void usageErrors_data();
    void usageErrors();
    void dryRunThenCopyThenSync();
    void migrateVerifies();
    void analyzeJson();
    void twoWaySyncWithScheduleAndCap();
    void resumeOfAJobCutWhilePlanningPlansItAgain();

private:
    int run(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    QString m_src;
    QString m_dst;
    QByteArray m_out;
    QByteArray m_err;
};

void TestTransferCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_src = m_dir->filePath(QStringLiteral("src"));
    m_dst = m_dir->filePath(QStringLiteral("dst"));
    QVERIFY(QDir().mkpath(m_src) && QDir().mkpath(m_dst));
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
}

void TestTransferCommand::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

int TestTransferCommand::run(const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    TransferCommand command(*m_database, &out, &err);
    QSignalSpy finished(&command, &TransferCommand::finished);
    command.start(QStringList{QStringLiteral("trestle")} + arguments);
    if (!finished.wait(60000))
        return -1;
    m_out = out.data();
    m_err = err.data();
    return finished.constFirst().at(0).toInt();
}

void TestTransferCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no verb") << QStringList();
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("teleport")};
    QTest::newRow("copy without destination") << QStringList{QStringLiteral("copy"), QStringLiteral("/tmp")};
    QTest::newRow("bad policy") << QStringList{QStringLiteral("copy"), QStringLiteral("a"),
                                               QStringLiteral("b"), QStringLiteral("--conflicts"),
                                               QStringLiteral("coin-toss")};
    QTest::newRow("missing folder") << QStringList{QStringLiteral("copy"), QStringLiteral("/nonexistent/x"),
                                                   QStringLiteral("/nonexistent/y")};
    const QStringList copy{QStringLiteral("copy"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("bad direction") << copy
            + QStringList{QStringLiteral("--direction"), QStringLiteral("sideways")};
    QTest::newRow("bad bwlimit") << copy + QStringList{QStringLiteral("--bwlimit"), QStringLiteral("fast")};
    QTest::newRow("bad every") << copy + QStringList{QStringLiteral("--every"), QStringLiteral("0")};
    QTest::newRow("bad at") << copy + QStringList{QStringLiteral("--at"), QStringLiteral("25:99")};
    QTest::newRow("every and at") << copy
            + QStringList{QStringLiteral("--every"), QStringLiteral("2"), QStringLiteral("--at"),
                          QStringLiteral("07:00")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("jobs"), QStringLiteral("--frobnicate")};
}

void TestTransferCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(run(arguments), int(TransferCommand::Usage));
    QVERIFY(!m_err.isEmpty());
}

void TestTransferCommand::dryRunThenCopyThenSync()
{
    for (int i = 0; i < 20; ++i)
        putFile(m_src, QStringLiteral("f%1/file%2.txt").arg(i % 4).arg(i), QByteArray(100 + i, char('a' + i)),
                fixedTime(i));
    putFile(m_src, QStringLiteral("junk.tmp"), "junk");

    QCOMPARE(run({QStringLiteral("copy"), m_src, m_dst, QStringLiteral("--dry-run"), QStringLiteral("--json"),
                  QStringLiteral("--exclude"), QStringLiteral("*.tmp")}),
             0);
    const QJsonObject plan = QJsonDocument::fromJson(m_out).object();
    QCOMPARE(plan.value(QStringLiteral("filesNew")).toInt(), 20);
    QCOMPARE(plan.value(QStringLiteral("foldersToCreate")).toInt(), 4);
    QCOMPARE(plan.value(QStringLiteral("skipped")).toInt(), 1);
    QCOMPARE(plan.value(QStringLiteral("jobId")).toInt(), 0); // a dry run stores nothing
    QCOMPARE(treeManifest(m_dst).size(), 0);

    QCOMPARE(
        run({QStringLiteral("copy"), m_src, m_dst, QStringLiteral("--exclude"), QStringLiteral("*.tmp")}), 0);
    QFile::remove(m_src + QStringLiteral("/junk.tmp"));
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));

    QFile::remove(m_src + QStringLiteral("/f1/file5.txt"));
    putFile(m_src, QStringLiteral("f1/new.txt"), "new", fixedTime(50));
    QCOMPARE(
        run({QStringLiteral("sync"), m_src, m_dst, QStringLiteral("--deletes"), QStringLiteral("delete")}),
        0);
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));

    QCOMPARE(run({QStringLiteral("jobs"), QStringLiteral("--json")}), 0);
    const QJsonArray jobs = QJsonDocument::fromJson(m_out).array();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(jobs.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("sync"));

    const int syncJob = jobs.at(0).toObject().value(QStringLiteral("id")).toInt();
    QCOMPARE(run({QStringLiteral("report"), QString::number(syncJob)}), 0);
    QVERIFY(m_out.contains("new.txt"));
    QVERIFY(m_out.contains("file5.txt"));

    // Resuming a finished job has nothing left to do and says so.
    QCOMPARE(run({QStringLiteral("resume"), QString::number(syncJob), QStringLiteral("--json")}), 0);
    QCOMPARE(QJsonDocument::fromJson(m_out).object().value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
}

void TestTransferCommand::migrateVerifies()
{
    putFile(m_src, QStringLiteral("a/one.pdf"), "one", fixedTime());
    putFile(m_src, QStringLiteral("two.pdf"), "two", fixedTime());
    QCOMPARE(run({QStringLiteral("migrate"), m_src, m_dst, QStringLiteral("--json")}), 0);
    const QList<QByteArray> lines = m_out.trimmed().split('\n');
    const QJsonObject result = QJsonDocument::fromJson(lines.constLast()).object();
    QCOMPARE(result.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(result.value(QStringLiteral("itemsDone")).toInt(), 1 + 2 + 2); // folder, copies, verifies
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
}

void TestTransferCommand::analyzeJson()
{
    putFile(m_src, QStringLiteral("a/plan?.pdf"), QByteArray(10, 'p'));
    putFile(m_src, QStringLiteral("a/b.dwg"), QByteArray(20, 'd'));
    QCOMPARE(run({QStringLiteral("analyze"), m_src, QStringLiteral("--json")}), 0);
    const QJsonObject report = QJsonDocument::fromJson(m_out).object();
    QCOMPARE(report.value(QStringLiteral("files")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("bytes")).toInt(), 30);
    QCOMPARE(report.value(QStringLiteral("rejected")).toArray().size(), 1);
}

void TestTransferCommand::twoWaySyncWithScheduleAndCap()
{
    putFile(m_src, QStringLiteral("from-src.txt"), "s", fixedTime(1));
    putFile(m_dst, QStringLiteral("from-dst.txt"), "d", fixedTime(2));
    const QStringList sync{QStringLiteral("sync"),
                           m_src,
                           m_dst,
                           QStringLiteral("--direction"),
                           QStringLiteral("two-way"),
                           QStringLiteral("--every"),
                           QStringLiteral("6"),
                           QStringLiteral("--bwlimit"),
                           QStringLiteral("1M")};
    QCOMPARE(run(sync), 0);
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
    QCOMPARE(treeManifest(m_src).size(), 2);
    // An edit on the destination comes back to the source.
    putFile(m_dst, QStringLiteral("from-src.txt"), "edited at the destination", fixedTime(100));
    QCOMPARE(run(sync), 0);
    QFile back(m_src + QStringLiteral("/from-src.txt"));
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.readAll(), QByteArray("edited at the destination"));

    Journal journal(*m_database);
    const JobRecord job = journal.jobs().value().constFirst();
    const JobPolicies policies = JobPolicies::fromJsonText(job.policiesJson).value();
    QCOMPARE(policies.direction, SyncDirection::TwoWay);
    QCOMPARE(policies.bandwidthLimit, qint64(1024 * 1024));
    QCOMPARE(policies.schedule, JobSchedule::every(6));
    QVERIFY(!policies.deleteSourceAfterMigrate);
}

// A process killed while it planned leaves the job in Planning with some of its items: `resume`
// plans it again as a new job (the partial one goes) and runs it; no item is there twice.
void TestTransferCommand::resumeOfAJobCutWhilePlanningPlansItAgain()
{
    for (int i = 0; i < 3; ++i)
        putFile(m_src, QStringLiteral("d/f%1.txt").arg(i), QByteArray(100 + i, 'x'), fixedTime(i));
    Journal journal(*m_database);
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = LocalStoreResolver::connectionFor(m_src);
    spec.destinationConnection = LocalStoreResolver::connectionFor(m_dst);
    const qint64 cut = journal.createJob(spec.toRecord()).value();
    QVERIFY(journal.setJobState(cut, JobState::Planning).ok());
    JobItem partial;
    partial.action = ItemAction::CreateFolder;
    partial.sourcePath = QStringLiteral("d");
    partial.destinationPath = QStringLiteral("d");
    QVector<JobItem> written{partial};
    QVERIFY(journal.addItems(cut, written).ok());

    QCOMPARE(run({QStringLiteral("resume"), QString::number(cut)}), int(TransferCommand::Ok));
    QVERIFY2(m_err.contains("was not completely planned"), m_err.constData());
    QVERIFY(!journal.job(cut).ok()); // the partial plan is gone
    const QVector<JobRecord> jobs = journal.jobs().value();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.constFirst().state, JobState::Done);
    QCOMPARE(jobs.constFirst().itemsTotal, qint64(1 + 3)); // the folder once, three files
    QCOMPARE(treeManifest(m_dst), treeManifest(m_src));
}

QTEST_GUILESS_MAIN(TestTransferCommand)
#include "tst_transfercommand.moc"
