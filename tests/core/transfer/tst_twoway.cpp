// Two-way sync local <-> local through the planner and the engine, with edits on both sides
// between runs: every case of the baseline (changed here, changed there, both, deleted, deleted
// vs edited) and every conflicts policy. After each run a second run must find nothing to do.
#include "core/db/conflictdecisions.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/reportexporter.h"
#include "core/db/syncstatestore.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/transfercommand.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

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

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// One side of a keep-both pair: writes a file, gives a file's sha256 ("<missing>" when it is not
// there) and the names of the files at its top.
struct KeepBothSide
{
    std::function<void(const QString &rel, const QByteArray &content, int time)> put;
    std::function<QString(const QString &rel)> hash;
    std::function<QStringList()> names;
};

KeepBothSide localSide(const QString &root)
{
    KeepBothSide side;
    side.put = [root](const QString &rel, const QByteArray &content, int time) {
        putFile(root, rel, content, fixedTime(time));
    };
    side.hash = [root](const QString &rel) {
        QFile file(root + QLatin1Char('/') + rel);
        return file.open(QIODevice::ReadOnly) ? sha256(file.readAll()) : QStringLiteral("<missing>");
    };
    side.names = [root] {
        QStringList names = QDir(root).entryList(QDir::Files | QDir::Hidden);
        names.sort();
        return names;
    };
    return side;
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
    // Keep both (the policy, or the user's decision on "ask"): the "name (n)" copy reaches the
    // other side exactly once, the baseline records it on both sides, and a third run plans nothing.
    void keepBothCopyIsSyncedOnce_data();
    void keepBothCopyIsSyncedOnce();
    void keepBothCopyIsSyncedOnceWithProcore_data();
    void keepBothCopyIsSyncedOnceWithProcore();

private:
    // The keep-both scenario over any two stores (the journal's database, left and right).
    struct KeepBothPair
    {
        Database *database = nullptr;
        Journal *journal = nullptr;
        StoreFactory left;
        StoreFactory right;
        QString rightRoot; // the job's destination path in the right store
        KeepBothSide leftSide;
        KeepBothSide rightSide;
        std::function<Error(qint64 jobId)> run; // runs a planned job to its end
        std::function<void()> beforeSecondRun; // e.g. zero the sandbox's statistics
    };
    struct PairRun
    {
        PlanSummary summary;
        Error error;
        JobRecord job;
    };
    PairRun syncPair(const KeepBothPair &pair, ConflictPolicy conflicts);
    void keepBothScenario(const KeepBothPair &pair, bool decided);
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

TestTwoWay::PairRun TestTwoWay::syncPair(const KeepBothPair &pair, ConflictPolicy conflicts)
{
    PairRun run;
    JobSpec spec;
    spec.kind = JobKind::Sync;
    spec.sourceConnection = QStringLiteral("left");
    spec.destinationConnection = QStringLiteral("right");
    spec.destinationPath = pair.rightRoot;
    spec.policies.direction = SyncDirection::TwoWay;
    spec.policies.conflicts = conflicts;
    const qint64 jobId = pair.journal->createJob(spec.toRecord()).value();
    const std::unique_ptr<Store> source = pair.left();
    const std::unique_ptr<Store> destination = pair.right();
    run.error = testing::planJob(spec, source.get(), destination.get(), &run.summary, pair.journal, jobId);
    if (run.error)
        return run;
    run.error = pair.run(jobId);
    run.job = pair.journal->job(jobId).value();
    return run;
}

void TestTwoWay::keepBothScenario(const KeepBothPair &pair, bool decided)
{
    const ConflictPolicy policy = decided ? ConflictPolicy::Ask : ConflictPolicy::KeepBoth;
    const KeepBothSide &l = pair.leftSide;
    const KeepBothSide &r = pair.rightSide;
    l.put(QStringLiteral("a.txt"), "base", 1);
    l.put(QStringLiteral("other.txt"), "untouched", 2);
    PairRun first = syncPair(pair, policy);
    QVERIFY2(!first.error, qPrintable(first.error.toString()));
    // Edited on both sides (other sizes, so a side that stamps its own times sees it too).
    const QByteArray leftEdit("edited on the left");
    const QByteArray rightEdit("edited on the right side");
    l.put(QStringLiteral("a.txt"), leftEdit, 100);
    r.put(QStringLiteral("a.txt"), rightEdit, 300);

    // Run 1: the conflict, kept both ways.
    PairRun one = syncPair(pair, policy);
    QVERIFY2(!one.error, qPrintable(one.error.toString()));
    if (decided) {
        ConflictDecisions decisions(*pair.database);
        const QVector<JobItem> waiting = decisions.awaiting(one.job.id).value();
        QCOMPARE(waiting.size(), 1);
        const Status kept = decisions.decide(waiting.constFirst().id, ConflictDecisions::Decision::KeepBoth);
        QVERIFY2(kept.ok(), qPrintable(kept.error().toString()));
        const Error ran = pair.run(one.job.id);
        QVERIFY2(!ran, qPrintable(ran.toString()));
        QCOMPARE(pair.journal->job(one.job.id).value().itemsFailed, qint64(0));
        // The destination keeps its file under the name; the source's is beside it as "a (1)".
        QCOMPARE(r.hash(QStringLiteral("a.txt")), sha256(rightEdit));
        QCOMPARE(r.hash(QStringLiteral("a (1).txt")), sha256(leftEdit));
        // The journal and the report name the copy as it was written.
        const QString prefix = pair.rightRoot.isEmpty() ? QString() : pair.rightRoot + QLatin1Char('/');
        const JobItem keptItem = pair.journal->item(waiting.constFirst().id).value();
        QCOMPARE(keptItem.destinationPath, prefix + QStringLiteral("a.txt"));
        QCOMPARE(keptItem.writtenPath, prefix + QStringLiteral("a (1).txt"));
        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        QVERIFY(ReportExporter(*pair.database).writeCsv(one.job.id, &csv).ok());
        const QString csvText = QString::fromUtf8(csv.data());
        QVERIFY2(csvText.contains(QStringLiteral(",%1,%2,").arg(prefix + QStringLiteral("a.txt"),
                                                                prefix + QStringLiteral("a (1).txt"))),
                 qPrintable(csvText));
        QBuffer html;
        QVERIFY(html.open(QIODevice::WriteOnly));
        QVERIFY(ReportExporter(*pair.database).writeHtml(one.job.id, &html).ok());
        QVERIFY(QString::fromUtf8(html.data())
                    .contains(QStringLiteral("<td>%1</td>").arg(prefix + QStringLiteral("a (1).txt"))));
        // `trestle report <id> --json`: the item says where it went.
        QBuffer out;
        QBuffer errors;
        out.open(QIODevice::WriteOnly);
        errors.open(QIODevice::WriteOnly);
        TransferCommand command(*pair.database, &out, &errors);
        QSignalSpy reported(&command, &TransferCommand::finished);
        command.start({QStringLiteral("trestle"), QStringLiteral("report"), QString::number(one.job.id),
                       QStringLiteral("--json")});
        QVERIFY(reported.wait(30000));
        QCOMPARE(reported.constFirst().at(0).toInt(), int(TransferCommand::Ok));
        QJsonParseError parsed;
        const QJsonObject report = QJsonDocument::fromJson(out.data(), &parsed).object();
        QVERIFY2(parsed.error == QJsonParseError::NoError, out.data().constData());
        QCOMPARE(report.value(QStringLiteral("jobId")).toInteger(), one.job.id);
        bool named = false;
        for (const QJsonValue &row : report.value(QStringLiteral("items")).toArray()) {
            if (row.toObject().value(QStringLiteral("writtenPath")).toString()
                == prefix + QStringLiteral("a (1).txt"))
                named = row.toObject().value(QStringLiteral("destinationPath")).toString()
                    == prefix + QStringLiteral("a.txt");
        }
        QVERIFY2(named, out.data().constData());
    } else {
        QCOMPARE(one.job.itemsFailed, qint64(0));
    }
    // What each name holds at the end: the policy keeps the left's under the name, the decision
    // the destination's.
    const QString named = sha256(decided ? rightEdit : leftEdit);
    const QString kept = sha256(decided ? leftEdit : rightEdit);

    // Run 2: a copy that exists on one side only is copied to the other, once; nothing else.
    if (pair.beforeSecondRun)
        pair.beforeSecondRun();
    const PairRun two = syncPair(pair, policy);
    QVERIFY2(!two.error, qPrintable(two.error.toString()));
    QCOMPARE(two.job.itemsFailed, qint64(0));
    for (const PlanSkip &skip : std::as_const(two.summary.skips))
        qWarning() << "run 2 skips" << skip.path << skip.reason;
    QCOMPARE(two.summary.skipped, qint64(0));
    QCOMPARE(two.summary.filesReplaced, qint64(0));
    // The policy wrote "a (1)" on both sides in run 1; the decision on the destination only.
    QCOMPARE(two.summary.filesNew, qint64(decided ? 1 : 0));
    QCOMPARE(two.summary.itemCount(), qint64(decided ? 1 : 0));
    const QStringList names{QStringLiteral("a (1).txt"), QStringLiteral("a.txt"),
                            QStringLiteral("other.txt")};
    QCOMPARE(l.names(), names); // never "a (2).txt" or "a (1) (1).txt"
    QCOMPARE(r.names(), names);
    for (const KeepBothSide *side : {&l, &r}) {
        QCOMPARE(side->hash(QStringLiteral("a.txt")), named);
        QCOMPARE(side->hash(QStringLiteral("a (1).txt")), kept);
        QCOMPARE(side->hash(QStringLiteral("other.txt")), sha256("untouched"));
    }

    // Run 3: the baseline holds both copies on both sides: nothing to do.
    const PairRun three = syncPair(pair, policy);
    QVERIFY2(!three.error, qPrintable(three.error.toString()));
    QCOMPARE(three.summary.itemCount(), qint64(0));
    QCOMPARE(three.summary.skipped, qint64(0));
    QCOMPARE(three.summary.unchanged, qint64(3));
}

void TestTwoWay::keepBothCopyIsSyncedOnce_data()
{
    QTest::addColumn<bool>("decided");
    QTest::newRow("policy keep-both") << false;
    QTest::newRow("ask, decided keep both") << true;
}

void TestTwoWay::keepBothCopyIsSyncedOnce()
{
    QFETCH(bool, decided);
    KeepBothPair pair;
    pair.database = m_database.get();
    pair.journal = m_journal.get();
    const QString l = m_left;
    const QString r = m_right;
    pair.left = [l] {
        return std::make_unique<LocalStore>(l);
    };
    pair.right = [r] {
        return std::make_unique<LocalStore>(r);
    };
    pair.leftSide = localSide(m_left);
    pair.rightSide = localSide(m_right);
    Database *database = m_database.get();
    pair.run = [database, pair](qint64 jobId) {
        TransferEngine engine(*database, pair.left, pair.right, 3);
        return testing::runToEnd(engine, jobId);
    };
    keepBothScenario(pair, decided);
}

void TestTwoWay::keepBothCopyIsSyncedOnceWithProcore_data()
{
    keepBothCopyIsSyncedOnce_data();
}

// The same between a share (left) and a Procore folder (right, the sandbox over real HTTP), which
// stamps its own times: the calls of run 2 are counted.
void TestTwoWay::keepBothCopyIsSyncedOnceWithProcore()
{
    QFETCH(bool, decided);
    testing::SandboxJobFixture fx;
    const QString failure = fx.open({QStringLiteral("--seed"), QStringLiteral("empty")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString folder = QStringLiteral("Two Way");
    {
        const std::unique_ptr<ProcoreStore> store = fx.procoreStore();
        QVERIFY(!testing::awaitJob(store->makeFolder(StorePath::fromString(folder).value())));
    }
    testing::SandboxJobFixture *f = &fx;
    const std::shared_ptr<ProcorePathCache> cache = std::make_shared<ProcorePathCache>();
    KeepBothPair pair;
    pair.database = fx.database.get();
    pair.journal = fx.journal.get();
    const QString l = m_left;
    pair.left = [l] {
        return std::make_unique<LocalStore>(l);
    };
    pair.right = fx.procoreFactory(cache);
    pair.rightRoot = folder;
    pair.leftSide = localSide(m_left);
    pair.rightSide.put = [f, folder](const QString &rel, const QByteArray &content, int time) {
        const std::unique_ptr<ProcoreStore> store = f->procoreStore();
        QByteArray bytes = content;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const Error error = testing::awaitJob(
            store->writeFrom(StorePath::fromString(folder + QLatin1Char('/') + rel).value(), &buffer,
                             bytes.size(), fixedTime(time), Store::WriteMode::Replace));
        if (error)
            qWarning() << error.toString();
    };
    auto folderState = [f, folder] {
        // stateNode() looks for a file by the last name: the folder is found among the root's.
        const QJsonObject root =
            f->sandbox.state(f->connection.projectId).value(QStringLiteral("root")).toObject();
        for (const QJsonValue &child : root.value(QStringLiteral("folders")).toArray()) {
            if (child.toObject().value(QStringLiteral("name")).toString() == folder
                && !child.toObject().value(QStringLiteral("is_deleted")).toBool())
                return child.toObject();
        }
        return QJsonObject();
    };
    pair.rightSide.hash = [folderState](const QString &rel) {
        const QStringList versions = testing::versionHashes(testing::stateNode(folderState(), rel));
        return versions.isEmpty() ? QStringLiteral("<missing>") : versions.constLast();
    };
    pair.rightSide.names = [folderState] {
        QStringList names;
        for (const QJsonValue &file : folderState().value(QStringLiteral("files")).toArray()) {
            if (!file.toObject().value(QStringLiteral("is_deleted")).toBool())
                names.append(file.toObject().value(QStringLiteral("name")).toString());
        }
        names.sort();
        return names;
    };
    pair.run = [f, pair](qint64 jobId) {
        return f->run(pair.left, pair.right, jobId, 2);
    };
    pair.beforeSecondRun = [f] {
        QVERIFY(f->sandbox.resetStats());
    };
    keepBothScenario(pair, decided);
    if (QTest::currentTestFailed())
        return;
    // Runs 2 and 3 since the reset: listings and, for the decision, a download; no upload.
    const QJsonObject stats = fx.sandbox.stats();
    qInfo("keep both (%s), runs 2 and 3: %d API calls, %d storage uploads", decided ? "decided" : "policy",
          stats.value(QStringLiteral("total_api_calls")).toInt(),
          stats.value(QStringLiteral("storage")).toObject().value(QStringLiteral("uploads")).toInt());
    QCOMPARE(stats.value(QStringLiteral("storage")).toObject().value(QStringLiteral("uploads")).toInt(), 0);
    fx.close();
}

QTEST_GUILESS_MAIN(TestTwoWay)
#include "tst_twoway.moc"
