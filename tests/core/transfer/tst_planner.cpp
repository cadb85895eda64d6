#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/namerules.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/planbuilder.h"
#include "core/transfer/treewalker.h"
#include "transfertesthelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::putFolder;

namespace {

// Counts a plan in one comparable line: "folders new replaced deletes unchanged skipped".
QString counts(const PlanSummary &s)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6")
        .arg(s.foldersToCreate)
        .arg(s.filesNew)
        .arg(s.filesReplaced)
        .arg(s.deletes)
        .arg(s.unchanged)
        .arg(s.skipped);
}

bool hasSkip(const PlanSummary &s, const QString &path, const QString &reasonPart = {})
{
    for (const PlanSkip &skip : s.skips) {
        if (skip.path == path && skip.reason.contains(reasonPart))
            return true;
    }
    return false;
}

} // namespace

class TestPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void policiesRoundTrip();
    void policiesRejectBadValues();
    void newChangedUnchangedDeleted_data();
    void newChangedUnchangedDeleted();
    void filters_data();
    void filters();
    void names_data();
    void names();
    void caseCollisionOnCaseInsensitiveDestination();
    void conflicts_data();
    void conflicts();
    void writesItemsToJournal();
    void procoreEstimateIsTheFloor();
    void migrateCountsEveryVersion();
    void walkFileKeepsWholeListingsOnly();
    void missingDestinationRootIsCreated();
    void analyze();

private:
    LocalStore *source() { return m_source.get(); }
    LocalStore *destination() { return m_destination.get(); }
    PlanSummary plan(JobSpec spec);

    std::unique_ptr<QTemporaryDir> m_srcDir;
    std::unique_ptr<QTemporaryDir> m_dstDir;
    // Journals live here, not beside the trees (their WAL files and walk folders stayed behind).
    std::unique_ptr<QTemporaryDir> m_journalDir;
    std::unique_ptr<LocalStore> m_source;
    std::unique_ptr<LocalStore> m_destination;
};

void TestPlanner::init()
{
    m_srcDir = std::make_unique<QTemporaryDir>();
    m_dstDir = std::make_unique<QTemporaryDir>();
    m_journalDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_srcDir->isValid() && m_dstDir->isValid() && m_journalDir->isValid());
    m_source = std::make_unique<LocalStore>(m_srcDir->path());
    m_destination = std::make_unique<LocalStore>(m_dstDir->path());
}

void TestPlanner::cleanup()
{
    m_source.reset();
    m_destination.reset();
    m_srcDir.reset();
    m_dstDir.reset();
    m_journalDir.reset();
}

PlanSummary TestPlanner::plan(JobSpec spec)
{
    PlanSummary summary;
    const Error error = testing::planJob(spec, m_source.get(), m_destination.get(), &summary);
    if (error)
        qWarning() << "planning failed:" << error.toString();
    return summary;
}

void TestPlanner::policiesRoundTrip()
{
    JobPolicies policies;
    policies.conflicts = ConflictPolicy::KeepBoth;
    policies.deletes = DeletePolicy::Delete;
    policies.names = NamePolicy::Map;
    policies.unchanged = UnchangedRule::Checksum;
    policies.concurrency = 7;
    policies.filters.include = {QStringLiteral("*.pdf")};
    policies.filters.exclude = {QStringLiteral("tmp"), QStringLiteral("a/b/*.bak")};
    policies.filters.fileTypes = {QStringLiteral("pdf")};
    policies.filters.minSize = 10;
    policies.filters.maxSize = 1000;
    policies.filters.modifiedSince = fixedTime(5);
    Result<JobPolicies> back = JobPolicies::fromJsonText(policies.toJsonText());
    QVERIFY(back.ok());
    QCOMPARE(back.value().toJsonText(), policies.toJsonText());
    QCOMPARE(back.value().filters.modifiedSince, fixedTime(5));
    QCOMPARE(back.value().conflicts, ConflictPolicy::KeepBoth);

    JobSpec spec;
    spec.kind = JobKind::Sync;
    spec.sourcePath = QStringLiteral("a");
    spec.policies = policies;
    Result<JobSpec> fromRecord = JobSpec::fromRecord(spec.toRecord());
    QVERIFY(fromRecord.ok());
    QCOMPARE(fromRecord.value().kind, JobKind::Sync);
    QCOMPARE(fromRecord.value().policies.concurrency, 7);

    // Missing keys keep their defaults: an old job's JSON still loads.
    Result<JobPolicies> defaults = JobPolicies::fromJsonText(QStringLiteral("{}"));
    QVERIFY(defaults.ok());
    QCOMPARE(defaults.value().conflicts, ConflictPolicy::NewerWins);
    QCOMPARE(defaults.value().concurrency, 4);
}

void TestPlanner::policiesRejectBadValues()
{
    QCOMPARE(JobPolicies::fromJsonText(QStringLiteral(R"({"conflicts":"coin-toss"})")).error().kind(),
             Error::Kind::Validation);
    QCOMPARE(JobPolicies::fromJsonText(QStringLiteral(R"({"concurrency":0})")).error().kind(),
             Error::Kind::Validation);
    QCOMPARE(JobPolicies::fromJsonText(QStringLiteral("not json")).error().kind(), Error::Kind::Validation);
}

void TestPlanner::newChangedUnchangedDeleted_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("deletes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("copy") << int(JobKind::Copy) << int(DeletePolicy::Delete) << QStringLiteral("2 1 1 0 1 0");
    QTest::newRow("sync keep") << int(JobKind::Sync) << int(DeletePolicy::Keep)
                               << QStringLiteral("2 1 1 0 1 0");
    QTest::newRow("sync delete") << int(JobKind::Sync) << int(DeletePolicy::Delete)
                                 << QStringLiteral("2 1 1 2 1 0");
}

void TestPlanner::newChangedUnchangedDeleted()
{
    QFETCH(int, kind);
    QFETCH(int, deletes);
    QFETCH(QString, expected);
    const QString src = m_srcDir->path();
    const QString dst = m_dstDir->path();
    putFile(src, QStringLiteral("same.txt"), "same", fixedTime());
    putFile(dst, QStringLiteral("same.txt"), "same", fixedTime(1)); // within the 2 s tolerance
    putFile(src, QStringLiteral("changed.txt"), "new content", fixedTime(100));
    putFile(dst, QStringLiteral("changed.txt"), "old", fixedTime());
    putFile(src, QStringLiteral("c/new.txt"), "new", fixedTime());
    putFolder(src, QStringLiteral("emptyfolder"));
    putFile(dst, QStringLiteral("gone.txt"), "gone", fixedTime());
    putFile(dst, QStringLiteral("oldfolder/x.txt"), "x", fixedTime());
    putFile(dst, QStringLiteral("oldfolder/y/z.txt"), "z", fixedTime());

    JobSpec spec;
    spec.kind = JobKind(kind);
    spec.policies.deletes = DeletePolicy(deletes);
    spec.policies.conflicts = ConflictPolicy::NewerWins;
    const PlanSummary summary = plan(spec);
    QCOMPARE(counts(summary), expected);
    QCOMPARE(summary.bytesToCopy, qint64(strlen("new content") + strlen("new")));
}

void TestPlanner::filters_data()
{
    QTest::addColumn<JobFilters>("filters");
    QTest::addColumn<int>("copied");
    QTest::addColumn<QString>("skippedPath");
    QTest::addColumn<int>("sourceListCalls");

    // Source: a.pdf (100 B, new), b.tmp (10 B), build/ (a folder with 2 files), docs/c.PDF (5000 B, old)
    JobFilters none;
    QTest::newRow("none") << none << 5 << QString() << 3;
    JobFilters glob;
    glob.exclude = {QStringLiteral("*.tmp")};
    QTest::newRow("exclude glob") << glob << 4 << QStringLiteral("b.tmp") << 3;
    JobFilters folder;
    folder.exclude = {QStringLiteral("build")};
    // An excluded folder is not even listed.
    QTest::newRow("exclude folder") << folder << 3 << QStringLiteral("build") << 2;
    JobFilters pathGlob;
    pathGlob.exclude = {QStringLiteral("docs/*.pdf")};
    QTest::newRow("exclude path glob") << pathGlob << 4 << QStringLiteral("docs/c.PDF") << 3;
    JobFilters include;
    include.include = {QStringLiteral("*.pdf")};
    QTest::newRow("include") << include << 2 << QStringLiteral("b.tmp") << 3;
    JobFilters types;
    types.fileTypes = {QStringLiteral(".PDF")};
    QTest::newRow("file types") << types << 2 << QStringLiteral("build/x.o") << 3;
    JobFilters minSize;
    minSize.minSize = 50;
    QTest::newRow("min size") << minSize << 2 << QStringLiteral("b.tmp") << 3;
    JobFilters maxSize;
    maxSize.maxSize = 1000;
    QTest::newRow("max size") << maxSize << 4 << QStringLiteral("docs/c.PDF") << 3;
    JobFilters since;
    since.modifiedSince = fixedTime(3600);
    QTest::newRow("modified since") << since << 1 << QStringLiteral("docs/c.PDF") << 3;
}

void TestPlanner::filters()
{
    QFETCH(JobFilters, filters);
    QFETCH(int, copied);
    QFETCH(QString, skippedPath);
    QFETCH(int, sourceListCalls);
    const QString src = m_srcDir->path();
    putFile(src, QStringLiteral("a.pdf"), QByteArray(100, 'a'), fixedTime(7200));
    putFile(src, QStringLiteral("b.tmp"), QByteArray(10, 'b'), fixedTime());
    putFile(src, QStringLiteral("build/x.o"), QByteArray(20, 'x'), fixedTime());
    putFile(src, QStringLiteral("build/y.o"), QByteArray(20, 'y'), fixedTime());
    putFile(src, QStringLiteral("docs/c.PDF"), QByteArray(5000, 'c'), fixedTime());

    JobSpec spec;
    spec.policies.filters = filters;
    const PlanSummary summary = plan(spec);
    QCOMPARE(summary.filesNew, qint64(copied));
    QCOMPARE(summary.sourceListCalls, sourceListCalls);
    if (!skippedPath.isEmpty())
        QVERIFY2(hasSkip(summary, skippedPath), qPrintable(skippedPath));
    else
        QCOMPARE(summary.skipped, qint64(0));
}

void TestPlanner::names_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("destinationPaths");
    // Source: ok.txt, ab:c.txt, why?.pdf, sub:dir/inner.txt, name .txt
    QTest::newRow("report") << int(NamePolicy::Report) << QStringLiteral("0 1 0 0 0 4")
                            << QStringList{QStringLiteral("ok.txt")};
    QTest::newRow("map") << int(NamePolicy::Map) << QStringLiteral("1 5 0 0 0 0")
                         << QStringList{QString::fromUtf8("ab\uA789c.txt"), QStringLiteral("name_.txt"),
                                        QStringLiteral("ok.txt"), QString::fromUtf8("sub\uA789dir/inner.txt"),
                                        QString::fromUtf8("why\uFF1F.pdf")};
}

void TestPlanner::names()
{
    QFETCH(int, policy);
    QFETCH(QString, expected);
    QFETCH(QStringList, destinationPaths);
    // A local destination with Procore's rules: the planner never asks what kind a store is.
    m_destination = std::make_unique<LocalStore>(m_dstDir->path(), StoreLimits::procoreDocuments());
    const QString src = m_srcDir->path();
    putFile(src, QStringLiteral("ok.txt"), "1");
    putFile(src, QStringLiteral("ab:c.txt"), "2");
    putFile(src, QStringLiteral("why?.pdf"), "3");
    putFile(src, QStringLiteral("sub:dir/inner.txt"), "4");
    putFile(src, QStringLiteral("name .txt"), "5");

    Database database(m_journalDir->path() + QStringLiteral("/plan-names.sqlite"));
    QVERIFY(database.open().ok());
    Journal journal(database);
    JobSpec spec;
    spec.policies.names = NamePolicy(policy);
    Result<qint64> jobId = journal.createJob(spec.toRecord());
    QVERIFY(jobId.ok());
    PlanSummary summary;
    QVERIFY(!testing::planJob(spec, source(), destination(), &summary, &journal, jobId.value()));
    for (const PlanSkip &skip : summary.skips)
        qInfo() << "skipped" << skip.path << skip.reason;
    QCOMPARE(counts(summary), expected);
    if (policy == int(NamePolicy::Report)) {
        QVERIFY(hasSkip(summary, QStringLiteral("ab:c.txt")));
        QVERIFY(hasSkip(summary, QStringLiteral("sub:dir")));
        QVERIFY(!hasSkip(summary, QStringLiteral("sub:dir/inner.txt"))); // covered by its folder
    }
    QStringList planned;
    int mappingRecords = 0;
    QVERIFY(journal
                .forEachItem(jobId.value(),
                             [&](const JobItem &item) {
                                 if (item.action == ItemAction::Upload)
                                     planned.append(item.destinationPath);
                                 if (!item.mappingRecord.isEmpty()) {
                                     ++mappingRecords;
                                     if (!NameMapping::fromRecord(item.mappingRecord))
                                         planned.append(QStringLiteral("bad record"));
                                 }
                                 return true;
                             })
                .ok());
    planned.sort();
    QCOMPARE(planned, destinationPaths);
    QCOMPARE(mappingRecords, policy == int(NamePolicy::Map) ? 4 : 0);
    QFile::remove(database.filePath());
}

void TestPlanner::caseCollisionOnCaseInsensitiveDestination()
{
    m_destination = std::make_unique<LocalStore>(m_dstDir->path(), StoreLimits::procoreDocuments());
    putFile(m_srcDir->path(), QStringLiteral("Readme.txt"), "1");
    putFile(m_srcDir->path(), QStringLiteral("README.txt"), "2");
    // The destination already has it in another case: matched, not copied beside it.
    putFile(m_srcDir->path(), QStringLiteral("Plan.pdf"), "p", fixedTime());
    putFile(m_dstDir->path(), QStringLiteral("plan.PDF"), "p", fixedTime(60));
    const PlanSummary summary = plan(JobSpec());
    QCOMPARE(summary.filesNew, qint64(1));
    QCOMPARE(summary.skipped, qint64(1));
    QCOMPARE(summary.unchanged, qint64(1));
}

void TestPlanner::conflicts_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("sourceOffset"); // source mtime minus destination mtime, seconds
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("extraPath");
    const int nw = int(ConflictPolicy::NewerWins);
    QTest::newRow("newer-wins source newer") << nw << 60 << QStringLiteral("0 0 1 0 0 0") << QString();
    QTest::newRow("newer-wins dest newer") << nw << -60 << QStringLiteral("0 0 0 0 0 1") << QString();
    QTest::newRow("source-wins dest newer")
        << int(ConflictPolicy::SourceWins) << -60 << QStringLiteral("0 0 1 0 0 0") << QString();
    QTest::newRow("new-version") << int(ConflictPolicy::NewVersion) << -60 << QStringLiteral("0 0 1 0 0 0")
                                 << QString();
    QTest::newRow("skip") << int(ConflictPolicy::Skip) << 60 << QStringLiteral("0 0 0 0 0 1") << QString();
    QTest::newRow("ask") << int(ConflictPolicy::Ask) << 60 << QStringLiteral("0 0 0 0 0 1") << QString();
    // report (1).pdf exists already: the copy becomes report (2).pdf.
    QTest::newRow("keep-both") << int(ConflictPolicy::KeepBoth) << 60 << QStringLiteral("0 1 0 0 0 0")
                               << QStringLiteral("report (2).pdf");
}

void TestPlanner::conflicts()
{
    QFETCH(int, policy);
    QFETCH(int, sourceOffset);
    QFETCH(QString, expected);
    QFETCH(QString, extraPath);
    putFile(m_srcDir->path(), QStringLiteral("report.pdf"), "source version", fixedTime(1000 + sourceOffset));
    putFile(m_dstDir->path(), QStringLiteral("report.pdf"), "destination", fixedTime(1000));
    putFile(m_srcDir->path(), QStringLiteral("report (1).pdf"), "other", fixedTime());
    putFile(m_dstDir->path(), QStringLiteral("report (1).pdf"), "other", fixedTime());

    Database database(m_journalDir->path() + QStringLiteral("/plan-conflicts.sqlite"));
    QVERIFY(database.open().ok());
    Journal journal(database);
    JobSpec spec;
    spec.policies.conflicts = ConflictPolicy(policy);
    Result<qint64> jobId = journal.createJob(spec.toRecord());
    QVERIFY(jobId.ok());
    PlanSummary summary;
    QVERIFY(!testing::planJob(spec, source(), destination(), &summary, &journal, jobId.value()));
    QCOMPARE(counts(summary).section(QLatin1Char(' '), 0, 3) + QLatin1Char(' ')
                 + QString::number(summary.unchanged - 1) + QLatin1Char(' ')
                 + QString::number(summary.skipped),
             expected);
    if (!extraPath.isEmpty()) {
        bool found = false;
        QVERIFY(journal
                    .forEachItem(jobId.value(),
                                 [&](const JobItem &item) {
                                     found = found || item.destinationPath == extraPath;
                                     return true;
                                 })
                    .ok());
        QVERIFY2(found, qPrintable(extraPath));
    }
    QFile::remove(database.filePath());
}

void TestPlanner::writesItemsToJournal()
{
    for (int i = 0; i < 30; ++i)
        putFile(m_srcDir->path(), QStringLiteral("f%1/file%2.bin").arg(i % 3).arg(i), QByteArray(i, 'x'));
    putFile(m_srcDir->path(), QStringLiteral("skip.tmp"), "t");
    Database database(m_journalDir->path() + QStringLiteral("/plan-journal.sqlite"));
    QVERIFY(database.open().ok());
    Journal journal(database);
    JobSpec spec;
    spec.policies.filters.exclude = {QStringLiteral("*.tmp")};
    Result<qint64> jobId = journal.createJob(spec.toRecord());
    QVERIFY(jobId.ok());
    PlanSummary summary;
    QVERIFY(!testing::planJob(spec, source(), destination(), &summary, &journal, jobId.value()));
    Result<JobRecord> job = journal.job(jobId.value());
    QVERIFY(job.ok());
    QCOMPARE(job.value().state, JobState::Planned);
    QCOMPARE(job.value().itemsTotal, qint64(3 + 30 + 1));
    QCOMPARE(job.value().itemsSkipped, qint64(1));
    QCOMPARE(job.value().bytesTotal, summary.bytesToCopy);
    // Folders come before anything inside them.
    QSet<QString> created;
    bool ordered = true;
    QVERIFY(journal
                .forEachItem(jobId.value(),
                             [&](const JobItem &item) {
                                 if (item.action == ItemAction::CreateFolder)
                                     created.insert(item.destinationPath);
                                 else if (item.action == ItemAction::Upload)
                                     ordered = ordered
                                         && created.contains(
                                             item.destinationPath.section(QLatin1Char('/'), 0, 0));
                                 return true;
                             })
                .ok());
    QVERIFY(ordered);
    QCOMPARE(created.size(), 3);
    QFile::remove(database.filePath());
}

void TestPlanner::procoreEstimateIsTheFloor()
{
    m_destination = std::make_unique<LocalStore>(m_dstDir->path(), StoreLimits::procoreDocuments());
    for (int i = 0; i < 12; ++i)
        putFile(m_srcDir->path(), QStringLiteral("d%1/e/f%2.pdf").arg(i % 4).arg(i), "pdf");
    JobSpec spec;
    const PlanSummary summary = plan(spec);
    QCOMPARE(summary.foldersToCreate, qint64(8));
    QCOMPARE(summary.filesNew, qint64(12));
    QCOMPARE(summary.estimatedApiCalls, qint64(8 + 2 * 12));
    PlanInput input;
    QCOMPARE(summary.estimatedSeconds, secondsAtBudget(32, input.hourlyBudget));
    QVERIFY(summary.estimatedSeconds > 0);
    // A plain local destination costs no API calls.
    m_destination = std::make_unique<LocalStore>(m_dstDir->path());
    QCOMPARE(plan(spec).estimatedApiCalls, qint64(-1));
}

namespace {

TreeNode fileNode(const QString &name, qint64 size, int versions, const QString &id,
                  const QDateTime &modified)
{
    TreeNode node;
    node.relPath = name;
    node.entry.name = name;
    node.entry.path = StorePath::fromString(name).value();
    node.entry.kind = Entry::Kind::File;
    node.entry.size = size;
    node.entry.modified = modified;
    node.entry.versionCount = versions;
    node.entry.backendId = id;
    return node;
}

} // namespace

// A migrate to Procore counts every version it will write in its bytes and calls: a new file's
// older versions, and the versions an existing file lacks. The listing gives only the latest's
// size, so each older version counts at that size.
void TestPlanner::migrateCountsEveryVersion()
{
    PlanInput input;
    input.kind = JobKind::Migrate;
    input.destinationLimits = StoreLimits::procoreDocuments();
    input.policies.deleteSourceAfterMigrate = true;
    const QDateTime then = fixedTime();
    const QDateTime later = fixedTime(3600);
    QVector<TreeNode> source{
        fileNode(QStringLiteral("new3.pdf"), 100, 3, QStringLiteral("11"), then), // 2 older versions
        fileNode(QStringLiteral("new1.pdf"), 50, 1, QStringLiteral("12"), then), // no history
        fileNode(QStringLiteral("lacks.pdf"), 70, 4, QStringLiteral("13"), then), // 1 there: 3 to add
        fileNode(QStringLiteral("lacks2.pdf"), 30, 3, QStringLiteral("14"), then), // 2 there: 1 to add
        fileNode(QStringLiteral("same.pdf"), 40, 2, QStringLiteral("15"), then), // all there
    };
    QVector<TreeNode> destination{
        fileNode(QStringLiteral("lacks.pdf"), 20, 1, QStringLiteral("21"), later),
        fileNode(QStringLiteral("lacks2.pdf"), 25, 2, QStringLiteral("22"), later),
        fileNode(QStringLiteral("same.pdf"), 40, 2, QStringLiteral("23"), later),
    };
    PlanBuilder builder(input);
    builder.build(source, destination);
    const PlanSummary &summary = builder.summary();
    QCOMPARE(summary.filesNew, qint64(2));
    QCOMPARE(summary.filesReplaced, qint64(2));
    QCOMPARE(summary.unchanged, qint64(1));
    QCOMPARE(summary.filesWithHistory, qint64(3));
    // Besides each file's latest: new3 2, lacks 4 - 1 - 1 = 2, lacks2 3 - 2 - 1 = 0.
    QCOMPARE(summary.olderVersions, qint64(2 + 2 + 0));
    QCOMPARE(summary.olderVersionBytes, qint64(2 * 100 + 2 * 70));
    QCOMPARE(summary.bytesToCopy, qint64(100 + 50 + 70 + 30) + summary.olderVersionBytes);
    // 2 calls per version written, 1 per source history listed, 1 per destination history of more
    // than one version (lacks2's).
    QCOMPARE(summary.estimatedApiCalls, procoreCallFloor(0, 2 + 2 + 4, 4) + 3 + 1); // 4 source deletes
    QCOMPARE(summary.toJson().value(QStringLiteral("olderVersionBytes")).toInteger(), qint64(340));

    // The copy items carry every version's bytes (the engine's total); their verifies the latest's.
    QHash<QString, qint64> copySize;
    QHash<QString, qint64> verifySize;
    QHash<QString, qint64> sourceDeleteSize;
    for (const JobItem &item : std::as_const(builder.items())) {
        if (item.action == ItemAction::Verify)
            verifySize.insert(item.destinationPath, item.size);
        else if (item.action == ItemAction::Delete && item.reverse)
            sourceDeleteSize.insert(item.destinationPath, item.size);
        else if (item.action == ItemAction::Upload || item.action == ItemAction::NewVersion)
            copySize.insert(item.destinationPath, item.size);
    }
    QCOMPARE(copySize.value(QStringLiteral("new3.pdf")), qint64(300));
    QCOMPARE(copySize.value(QStringLiteral("lacks.pdf")), qint64(210));
    QCOMPARE(copySize.value(QStringLiteral("lacks2.pdf")), qint64(30));
    QCOMPARE(verifySize.value(QStringLiteral("new3.pdf")), qint64(100));
    QCOMPARE(verifySize.value(QStringLiteral("lacks.pdf")), qint64(70));
    // The source goes only while the destination holds the latest version, by its size.
    QCOMPARE(sourceDeleteSize.value(QStringLiteral("new3.pdf")), qint64(100));
    QCOMPARE(sourceDeleteSize.value(QStringLiteral("lacks.pdf")), qint64(70));

    // "latest": no history anywhere, the existing files by the conflict rule (newer wins: the
    // destination's are newer, so they are skipped).
    input.policies.versions = VersionsPolicy::Latest;
    QVector<TreeNode> source2{fileNode(QStringLiteral("new3.pdf"), 100, 3, QStringLiteral("11"), then),
                              fileNode(QStringLiteral("lacks.pdf"), 70, 4, QStringLiteral("13"), then)};
    QVector<TreeNode> destination2{fileNode(QStringLiteral("lacks.pdf"), 20, 1, QStringLiteral("21"), later)};
    PlanBuilder latest(input);
    latest.build(source2, destination2);
    QCOMPARE(latest.summary().filesWithHistory, qint64(0));
    QCOMPARE(latest.summary().olderVersionBytes, qint64(0));
    QCOMPARE(latest.summary().bytesToCopy, qint64(100));
    QCOMPARE(latest.summary().skipped, qint64(1));
}

// A walk file read back after a kill: every whole listing with every field, the one the kill cut
// dropped (listed again), and what is recorded next goes after the last whole one.
void TestPlanner::walkFileKeepsWholeListingsOnly()
{
    const QString path = m_dstDir->filePath(QStringLiteral("t.walk"));
    const StorePath a = StorePath::fromString(QStringLiteral("A")).value();
    const StorePath b = StorePath::fromString(QStringLiteral("A/B")).value();
    TreeNode file = fileNode(QStringLiteral("A/x.pdf"), 123, 4, QStringLiteral("77"), fixedTime(9));
    file.entry.checksumAlgorithm = QStringLiteral("sha256");
    file.entry.checksum = QByteArray("\x01\x02\x03", 3);
    Entry folder;
    folder.name = QStringLiteral("B");
    folder.path = b;
    folder.kind = Entry::Kind::Folder;
    qint64 wholeSize = 0;
    {
        const std::shared_ptr<WalkMemo> memo = WalkMemo::open(path);
        QVERIFY(memo);
        QVERIFY(!WalkMemo::open(path)); // one planner at a time
        memo->record(a, {file.entry, folder});
        wholeSize = QFileInfo(path).size();
        memo->record(b, {file.entry});
    }
    QFile cut(path);
    QVERIFY(cut.open(QIODevice::ReadWrite));
    QVERIFY(cut.resize(cut.size() - 3)); // the kill came while B's listing was written
    cut.close();

    const std::shared_ptr<WalkMemo> back = WalkMemo::open(path);
    QVERIFY(back);
    QCOMPARE(back->folders(), 1);
    QVERIFY(!back->find(b));
    const QList<Entry> *listed = back->find(a);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 2);
    const Entry &x = listed->at(0);
    QCOMPARE(x.name, file.entry.name);
    QCOMPARE(x.path, file.entry.path);
    QCOMPARE(x.size, qint64(123));
    QCOMPARE(x.modified, fixedTime(9));
    QCOMPARE(x.backendId, QStringLiteral("77"));
    QCOMPARE(x.versionCount, 4);
    QCOMPARE(x.checksumAlgorithm, QStringLiteral("sha256"));
    QCOMPARE(x.checksum, QByteArray("\x01\x02\x03", 3));
    QVERIFY(listed->at(1).isFolder());
    QCOMPARE(QFileInfo(path).size(), wholeSize);
    back->record(b, {folder});
    back->discard();
    QVERIFY(!QFileInfo::exists(path));
}

void TestPlanner::missingDestinationRootIsCreated()
{
    putFile(m_srcDir->path(), QStringLiteral("a.txt"), "a");
    JobSpec spec;
    spec.destinationPath = QStringLiteral("new-root");
    const PlanSummary summary = plan(spec);
    QCOMPARE(counts(summary), QStringLiteral("1 1 0 0 0 0"));
}

void TestPlanner::analyze()
{
    putFile(m_srcDir->path(), QStringLiteral("a/b/c/deep.dwg"), QByteArray(300, 'd'));
    putFile(m_srcDir->path(), QStringLiteral("a/big.pdf"), QByteArray(5000, 'p'));
    putFile(m_srcDir->path(), QStringLiteral("a/small.pdf"), QByteArray(10, 'p'));
    putFile(m_srcDir->path(), QStringLiteral("top?.txt"), QByteArray(1, 't'));
    putFile(m_srcDir->path(), QStringLiteral("noext"), QByteArray(2, 'n'));
    JobSpec spec;
    spec.kind = JobKind::Analyze;
    AnalyzeReport report;
    QVERIFY(!testing::planJob(spec, source(), nullptr, nullptr, nullptr, 0, &report));
    QCOMPARE(report.files, qint64(5));
    QCOMPARE(report.folders, qint64(3));
    QCOMPARE(report.bytes, qint64(5313));
    QCOMPARE(report.maxDepth, 4);
    QCOMPARE(report.byType.value(QStringLiteral("pdf")).files, qint64(2));
    QCOMPARE(report.byType.value(QStringLiteral("pdf")).bytes, qint64(5010));
    QCOMPARE(report.byType.value(QString()).files, qint64(1));
    QCOMPARE(report.byFolder.value(QStringLiteral("a")).files, qint64(3));
    QCOMPARE(report.byFolder.value(QString()).files, qint64(2));
    QCOMPARE(report.largest.constFirst().path, QStringLiteral("a/big.pdf"));
    QCOMPARE(report.deepest.constFirst().path, QStringLiteral("a/b/c/deep.dwg"));
    QCOMPARE(report.rejected.size(), 1); // "top?.txt" under Procore's rules
    QCOMPARE(report.rejected.constFirst().path, QStringLiteral("top?.txt"));
    QCOMPARE(report.estimatedApiCalls, qint64(3 + 2 * 5));
    QCOMPARE(report.listCalls, 4);
}

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
