// Two-way sync local <-> local through the planner and the engine, with edits on both sides
// between runs: every case of the baseline (changed here, changed there, both, deleted, deleted
// vs edited) and every conflicts policy. After each run a second run must find nothing to do.
#include "core/db/conflictdecisions.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/syncstatestore.h"
#include "core/store/localstore.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestTwoWay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstRunMergesBothSides();
    void changeOnEitherSidePropagates();
    void conflictPolicies_data();
    void conflictPolicies();
    void deleteOfUnchangedPropagates();
    void deleteKeptByPolicy();
    void deleteVersusEditKeepsTheEdit();
    void deletedFolderWithNewFileIsKept();
    void askWaitsForADecision();

private:
    struct Run
    {
        PlanSummary summary;
        Error error;
        JobRecord job;
    };
    Run sync(ConflictPolicy conflicts = ConflictPolicy::NewerWins,
             DeletePolicy deletes = DeletePolicy::Delete);
    // Both sides hold the same tree, and one more run plans nothing.
    void verifyConverged();
    QString left(const QString &rel) const { return m_left + QLatin1Char('/') + rel; }
    QString right(const QString &rel) const { return m_right + QLatin1Char('/') + rel; }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_left;
    QString m_right;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

void TestTwoWay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_left = m_dir->filePath(QStringLiteral("left"));
    m_right = m_dir->filePath(QStringLiteral("right"));
    QVERIFY(QDir().mkpath(m_left) && QDir().mkpath(m_right));
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);
}

void TestTwoWay::cleanup()
{
    m_journal.reset();
    m_database.reset();
    m_dir.reset();
}

TestTwoWay::Run TestTwoWay::sync(ConflictPolicy conflicts, DeletePolicy deletes)
{
    Run run;
    JobSpec spec;
    spec.kind = JobKind::Sync;
    spec.sourceConnection = QStringLiteral("left");
    spec.destinationConnection = QStringLiteral("right");
    spec.policies.direction = SyncDirection::TwoWay;
    spec.policies.conflicts = conflicts;
    spec.policies.deletes = deletes;
    const qint64 jobId = m_journal->createJob(spec.toRecord()).value();
    LocalStore source(m_left);
    LocalStore destination(m_right);
    run.error = testing::planJob(spec, &source, &destination, &run.summary, m_journal.get(), jobId);
    if (run.error)
        return run;
    const QString l = m_left;
    const QString r = m_right;
    TransferEngine engine(
        *m_database, [l] { return std::make_unique<LocalStore>(l); },
        [r] { return std::make_unique<LocalStore>(r); }, 3);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(60000)) {
        run.error = Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
        return run;
    }
    run.error = finished.constFirst().at(1).value<Error>();
    run.job = m_journal->job(jobId).value();
    return run;
}

void TestTwoWay::verifyConverged()
{
    QCOMPARE(treeManifest(m_right), treeManifest(m_left));
    const Run again = sync();
    QVERIFY2(!again.error, qPrintable(again.error.toString()));
    QCOMPARE(again.summary.itemCount(), qint64(0));
    QCOMPARE(again.summary.skipped, qint64(0));
}

void TestTwoWay::firstRunMergesBothSides()
{
    putFile(m_left, QStringLiteral("only-left.txt"), "L", fixedTime(1));
    putFile(m_left, QStringLiteral("Docs/left-doc.txt"), "LD", fixedTime(2));
    putFile(m_right, QStringLiteral("only-right.txt"), "R", fixedTime(3));
    putFile(m_right, QStringLiteral("Plans/right-plan.txt"), "RP", fixedTime(4));
    putFile(m_left, QStringLiteral("same.txt"), "same", fixedTime(5));
    putFile(m_right, QStringLiteral("same.txt"), "same", fixedTime(5));
    const Run run = sync();
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.summary.filesNew, qint64(4));
    QCOMPARE(run.summary.foldersToCreate, qint64(2));
    QCOMPARE(run.summary.unchanged, qint64(1));
    QCOMPARE(run.job.itemsFailed, qint64(0));
    QCOMPARE(readFile(left(QStringLiteral("Plans/right-plan.txt"))), QByteArray("RP"));
    QCOMPARE(readFile(right(QStringLiteral("Docs/left-doc.txt"))), QByteArray("LD"));
    // The baseline holds every path both sides now agree on (2 folders, 5 files).
    const auto baseline =
        SyncStateStore(*m_database)
            .entries({QStringLiteral("left"), QString(), QStringLiteral("right"), QString()});
    QVERIFY(baseline.ok());
    QCOMPARE(baseline.value().size(), 7);
    verifyConverged();
}

void TestTwoWay::changeOnEitherSidePropagates()
{
    putFile(m_left, QStringLiteral("a.txt"), "a1", fixedTime(1));
    putFile(m_left, QStringLiteral("sub/b.txt"), "b1", fixedTime(2));
    QVERIFY(!sync().error);
    putFile(m_left, QStringLiteral("a.txt"), "a2 from left", fixedTime(100));
    putFile(m_right, QStringLiteral("sub/b.txt"), "b2 from right", fixedTime(200));
    const Run run = sync();
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.summary.filesReplaced, qint64(2));
    QCOMPARE(run.summary.skipped, qint64(0));
    QCOMPARE(readFile(right(QStringLiteral("a.txt"))), QByteArray("a2 from left"));
    QCOMPARE(readFile(left(QStringLiteral("sub/b.txt"))), QByteArray("b2 from right"));
    verifyConverged();
}

void TestTwoWay::conflictPolicies_data()
{
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<bool>("rightNewer");
    QTest::addColumn<QByteArray>("leftAfter");
    QTest::addColumn<QByteArray>("rightAfter");
    QTest::addColumn<QByteArray>("keptCopy"); // "a (1).txt" on both sides ("" if none)
    QTest::addColumn<QString>("skipReason"); // part of the skip's reason ("" if none)
    QTest::newRow("newer-wins, right newer") << ConflictPolicy::NewerWins << true << QByteArray("R")
                                             << QByteArray("R") << QByteArray() << QString();
    QTest::newRow("newer-wins, left newer") << ConflictPolicy::NewerWins << false << QByteArray("L")
                                            << QByteArray("L") << QByteArray() << QString();
    QTest::newRow("source-wins") << ConflictPolicy::SourceWins << true << QByteArray("L") << QByteArray("L")
                                 << QByteArray() << QString();
    QTest::newRow("new-version") << ConflictPolicy::NewVersion << true << QByteArray("L") << QByteArray("L")
                                 << QByteArray() << QString();
    QTest::newRow("keep-both") << ConflictPolicy::KeepBoth << true << QByteArray("L") << QByteArray("L")
                               << QByteArray("R") << QString();
    QTest::newRow("skip") << ConflictPolicy::Skip << true << QByteArray("L") << QByteArray("R")
                          << QByteArray() << QStringLiteral("policy: skip");
    QTest::newRow("ask") << ConflictPolicy::Ask << true << QByteArray("L") << QByteArray("R") << QByteArray()
                         << QStringLiteral("waiting for a decision");
}

void TestTwoWay::conflictPolicies()
{
    QFETCH(ConflictPolicy, policy);
    QFETCH(bool, rightNewer);
    QFETCH(QByteArray, leftAfter);
    QFETCH(QByteArray, rightAfter);
    QFETCH(QByteArray, keptCopy);
    QFETCH(QString, skipReason);
    putFile(m_left, QStringLiteral("a.txt"), "base", fixedTime(1));
    putFile(m_left, QStringLiteral("other.txt"), "untouched", fixedTime(2));
    QVERIFY(!sync().error);
    // Edited on both sides between runs.
    putFile(m_left, QStringLiteral("a.txt"), "L", fixedTime(rightNewer ? 100 : 300));
    putFile(m_right, QStringLiteral("a.txt"), "R", fixedTime(rightNewer ? 300 : 100));
    const Run run = sync(policy);
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.job.itemsFailed, qint64(0));
    QCOMPARE(readFile(left(QStringLiteral("a.txt"))), leftAfter);
    QCOMPARE(readFile(right(QStringLiteral("a.txt"))), rightAfter);
    QCOMPARE(readFile(right(QStringLiteral("other.txt"))), QByteArray("untouched"));
    if (!keptCopy.isEmpty()) {
        QCOMPARE(readFile(left(QStringLiteral("a (1).txt"))), keptCopy);
        QCOMPARE(readFile(right(QStringLiteral("a (1).txt"))), keptCopy);
    } else {
        QVERIFY(!QFile::exists(left(QStringLiteral("a (1).txt"))));
    }
    if (!skipReason.isEmpty()) {
        QCOMPARE(run.summary.skipped, qint64(1));
        QVERIFY2(run.summary.skips.constFirst().reason.contains(skipReason),
                 qPrintable(run.summary.skips.constFirst().reason));
        // Still a conflict next time: the baseline did not move on.
        const Run again = sync(policy);
        QCOMPARE(again.summary.skipped, qint64(1));
        QCOMPARE(again.summary.itemCount(), qint64(0));
        return;
    }
    verifyConverged();
}

void TestTwoWay::deleteOfUnchangedPropagates()
{
    putFile(m_left, QStringLiteral("gone-left.txt"), "1", fixedTime(1));
    putFile(m_left, QStringLiteral("gone-right.txt"), "2", fixedTime(2));
    putFile(m_left, QStringLiteral("Folder/x.txt"), "3", fixedTime(3));
    putFile(m_left, QStringLiteral("Folder/Deep/y.txt"), "4", fixedTime(4));
    putFile(m_left, QStringLiteral("stays.txt"), "5", fixedTime(5));
    QVERIFY(!sync().error);
    QVERIFY(QFile::remove(left(QStringLiteral("gone-left.txt"))));
    QVERIFY(QFile::remove(right(QStringLiteral("gone-right.txt"))));
    QVERIFY(QDir(right(QStringLiteral("Folder"))).removeRecursively());
    const Run run = sync(ConflictPolicy::NewerWins, DeletePolicy::Delete);
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.summary.deletes, qint64(3)); // two files and one folder (with its contents)
    QVERIFY(!QFile::exists(right(QStringLiteral("gone-left.txt"))));
    QVERIFY(!QFile::exists(left(QStringLiteral("gone-right.txt"))));
    QVERIFY(!QFile::exists(left(QStringLiteral("Folder"))));
    QCOMPARE(readFile(right(QStringLiteral("stays.txt"))), QByteArray("5"));
    verifyConverged();
}

void TestTwoWay::deleteKeptByPolicy()
{
    putFile(m_left, QStringLiteral("a.txt"), "1", fixedTime(1));
    QVERIFY(!sync().error);
    QVERIFY(QFile::remove(right(QStringLiteral("a.txt"))));
    const Run run = sync(ConflictPolicy::NewerWins, DeletePolicy::Keep);
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.summary.deletes, qint64(0));
    QCOMPARE(run.summary.itemCount(), qint64(0));
    QCOMPARE(run.summary.skipped, qint64(1));
    QVERIFY(QFile::exists(left(QStringLiteral("a.txt"))));
    QVERIFY(!QFile::exists(right(QStringLiteral("a.txt"))));
}

void TestTwoWay::deleteVersusEditKeepsTheEdit()
{
    putFile(m_left, QStringLiteral("a.txt"), "original", fixedTime(1));
    putFile(m_left, QStringLiteral("b.txt"), "original", fixedTime(1));
    QVERIFY(!sync().error);
    QVERIFY(QFile::remove(left(QStringLiteral("a.txt"))));
    putFile(m_right, QStringLiteral("a.txt"), "edited on the right", fixedTime(500));
    QVERIFY(QFile::remove(right(QStringLiteral("b.txt"))));
    putFile(m_left, QStringLiteral("b.txt"), "edited on the left", fixedTime(600));
    const Run run = sync(ConflictPolicy::NewerWins, DeletePolicy::Delete);
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    QCOMPARE(run.summary.deletes, qint64(0));
    QCOMPARE(readFile(left(QStringLiteral("a.txt"))), QByteArray("edited on the right"));
    QCOMPARE(readFile(right(QStringLiteral("b.txt"))), QByteArray("edited on the left"));
    verifyConverged();
}

void TestTwoWay::deletedFolderWithNewFileIsKept()
{
    putFile(m_left, QStringLiteral("F/old.txt"), "old", fixedTime(1));
    QVERIFY(!sync().error);
    QVERIFY(QDir(right(QStringLiteral("F"))).removeRecursively());
    putFile(m_left, QStringLiteral("F/new.txt"), "new", fixedTime(2));
    const Run run = sync(ConflictPolicy::NewerWins, DeletePolicy::Delete);
    QVERIFY2(!run.error, qPrintable(run.error.toString()));
    // The folder comes back with the new file; the unchanged old one follows the delete.
    QCOMPARE(readFile(right(QStringLiteral("F/new.txt"))), QByteArray("new"));
    QVERIFY(!QFile::exists(left(QStringLiteral("F/old.txt"))));
    verifyConverged();
}

void TestTwoWay::askWaitsForADecision()
{
    putFile(m_left, QStringLiteral("a.txt"), "base", fixedTime(1));
    putFile(m_left, QStringLiteral("b.txt"), "base", fixedTime(1));
    QVERIFY(!sync().error);
    putFile(m_left, QStringLiteral("a.txt"), "L-a", fixedTime(100));
    putFile(m_right, QStringLiteral("a.txt"), "R-a", fixedTime(200));
    putFile(m_left, QStringLiteral("b.txt"), "L-b", fixedTime(100));
    putFile(m_right, QStringLiteral("b.txt"), "R-b", fixedTime(200));
    const Run run = sync(ConflictPolicy::Ask);
    QVERIFY(!run.error);
    ConflictDecisions decisions(*m_database);
    const QVector<JobItem> waiting = decisions.awaiting(run.job.id).value();
    QCOMPARE(waiting.size(), 2);
    QVERIFY(waiting.at(0).reason.contains(QStringLiteral("waiting for a decision")));
    // a.txt: the right's copy wins (copied back to the left); b.txt: both stay as they are.
    const JobItem &a = waiting.at(0).sourcePath == QStringLiteral("a.txt") ? waiting.at(0) : waiting.at(1);
    const JobItem &b = waiting.at(0).sourcePath == QStringLiteral("a.txt") ? waiting.at(1) : waiting.at(0);
    const Status decided = decisions.decide(a.id, ConflictDecisions::Decision::CopyToSource);
    QVERIFY2(decided.ok(), qPrintable(decided.error().toString()));
    QVERIFY(decisions.decide(b.id, ConflictDecisions::Decision::LeaveBoth).ok());
    QCOMPARE(decisions.decide(b.id, ConflictDecisions::Decision::CopyToDestination).error().kind(),
             Error::Kind::Validation); // decided already
    QCOMPARE(decisions.awaiting(run.job.id).value().size(), 0);
    QCOMPARE(m_journal->job(run.job.id).value().itemsSkipped, qint64(1));

    // The engine runs what was decided, and only that.
    const QString l = m_left;
    const QString r = m_right;
    TransferEngine engine(
        *m_database, [l] { return std::make_unique<LocalStore>(l); },
        [r] { return std::make_unique<LocalStore>(r); }, 2);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(run.job.id);
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.constFirst().at(1).value<Error>());
    QCOMPARE(readFile(left(QStringLiteral("a.txt"))), QByteArray("R-a"));
    QCOMPARE(readFile(right(QStringLiteral("a.txt"))), QByteArray("R-a"));
    QCOMPARE(readFile(left(QStringLiteral("b.txt"))), QByteArray("L-b"));
    QCOMPARE(readFile(right(QStringLiteral("b.txt"))), QByteArray("R-b"));
}

QTEST_GUILESS_MAIN(TestTwoWay)
#include "tst_twoway.moc"
