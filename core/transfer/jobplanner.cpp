#include "core/transfer/jobplanner.h"

#include "core/common/logging.h"
#include "core/common/privatefiles.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/store.h"
#include "core/transfer/planbuilder.h"
#include "core/transfer/syncbaseline.h"
#include "core/transfer/treewalker.h"
#include "core/transfer/twowaybuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

namespace trestle {

namespace {

// How old a walk file of an interrupted plan may be to be gone on from.
constexpr qint64 kWalkFileMaxAgeSecs = 30 * 60;

Result<StorePath> parseRoot(const QString &text)
{
    QString trimmed = text;
    while (trimmed.startsWith(QLatin1Char('/')))
        trimmed.remove(0, 1);
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return StorePath::fromString(trimmed);
}

} // namespace

// What the worker thread gets (moved in) and gives back. Nothing in it is touched by the planner's
// thread while the worker runs, apart from the cancel flag.
struct JobPlanner::Work final
{
    JobKind kind = JobKind::Copy;
    PlanInput input;
    JobFilters filters;
    StoreLimits analyzeTarget;
    StoreLimits sourceLimits;
    bool twoWay = false; // a two-way sync: compared with the pair's baseline
    SyncPair pair;
    int hourlyBudget = 0;
    QVector<TreeNode> source;
    QVector<TreeNode> destination;
    Database *database = nullptr; // null: no journal
    qint64 jobId = 0;
    std::atomic_bool cancelled{false};
    int sourceListCalls = 0; // the walks' listings, kept with the plan's figures
    int destinationListCalls = 0;

    PlanSummary summary;
    AnalyzeReport report;
    Error error;
    qint64 compareMs = 0; // for the log: where a big plan's time goes
    qint64 journalMs = 0;
};

JobPlanner::JobPlanner(JobSpec spec, Store *source, Store *destination, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_source(source)
    , m_destination(destination)
    , m_analyzeTarget(StoreLimits::procoreDocuments())
{ }

JobPlanner::~JobPlanner()
{
    m_finished = true;
    if (m_probe)
        m_probe->kill();
    if (m_thread) {
        // Stops after its current batch; what it wrote stays a partial plan in state Planning,
        // which the engine refuses to run (it must be planned again).
        m_work->cancelled = true;
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void JobPlanner::setJournal(Journal *journal, qint64 jobId)
{
    m_journal = journal;
    m_jobId = jobId;
}

void JobPlanner::setWalkMemos(std::shared_ptr<WalkMemo> source, std::shared_ptr<WalkMemo> destination)
{
    m_sourceMemo = std::move(source);
    m_destinationMemo = std::move(destination);
}

void JobPlanner::start()
{
    m_clock.start();
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        const bool analyze = m_spec.kind == JobKind::Analyze;
        if (!m_source || (!analyze && !m_destination)) {
            finish(Error(Error::Kind::Internal, tr("A job needs a source and a destination.")));
            return;
        }
        Result<StorePath> sourceRoot = parseRoot(m_spec.sourcePath);
        Result<StorePath> destinationRoot = parseRoot(m_spec.destinationPath);
        if (!sourceRoot.ok() || !destinationRoot.ok()) {
            finish(sourceRoot.ok() ? destinationRoot.error() : sourceRoot.error());
            return;
        }
        if (m_journal && m_jobId > 0) {
            const Status state = m_journal->setJobState(m_jobId, JobState::Planning);
            if (!state.ok()) {
                finish(state.error());
                return;
            }
        }
        openWalkFiles();
        startWalks(sourceRoot.value(), destinationRoot.value(), false);
    });
}

void JobPlanner::openWalkFiles()
{
    // One-way jobs that delete nothing only: a listing up to kWalkFileMaxAgeSecs old can miss a
    // change, which such a job merely leaves for its next run; a sync could delete by it.
    if (!m_journal || m_jobId <= 0 || (m_spec.kind != JobKind::Copy && m_spec.kind != JobKind::Migrate))
        return;
    const QString databasePath = m_journal->database().filePath();
    if (databasePath.isEmpty())
        return;
    // By what the job does, not its id: an interrupted plan is redone as a new job (JobQueue, the
    // command line's resume).
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &part :
         {jobKindName(m_spec.kind), m_spec.sourceConnection, m_spec.sourcePath, m_spec.destinationConnection,
          m_spec.destinationPath, m_spec.policies.toJsonText()})
        hash.addData((part + QLatin1Char('\n')).toUtf8());
    const QString folder = QFileInfo(databasePath).absolutePath() + QStringLiteral("/walks");
    const QString base = folder + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex());
    auto open = [&folder](Store *store, const QString &path) -> std::shared_ptr<WalkMemo> {
        // Only where a listing costs an API call.
        if (!store || store->limits().id != QLatin1String("procore-documents") || !QDir().mkpath(folder))
            return nullptr;
        PrivateFiles::restrictToOwner(folder);
        const QFileInfo file(path);
        if (file.exists() && file.lastModified().secsTo(QDateTime::currentDateTime()) > kWalkFileMaxAgeSecs)
            QFile::remove(path);
        return WalkMemo::open(path);
    };
    if (!m_sourceMemo)
        m_sourceMemo = open(m_source.data(), base + QStringLiteral("-source.walk"));
    if (!m_destinationMemo && m_spec.kind != JobKind::Analyze)
        m_destinationMemo = open(m_destination.data(), base + QStringLiteral("-destination.walk"));
}

void JobPlanner::startWalks(const StorePath &sourceRoot, const StorePath &destinationRoot,
                            bool shallowDestination)
{
    m_sourceRoot = sourceRoot;
    m_destinationRoot = destinationRoot;
    // Excluded folders are not even listed: on Procore each listing is an API call.
    const ItemFilter filter(m_spec.policies.filters);
    auto descend = [filter](const QString &relPath) {
        return filter.rejectFolder(relPath).isEmpty();
    };
    if (!m_probedSource) {
        m_sourceWalker = std::make_unique<TreeWalker>(m_source.data(), sourceRoot);
        m_sourceWalker->setDescendFilter(descend);
        m_sourceWalker->setMemo(m_sourceMemo);
        m_sourceWalker->setListLimit(m_sourceListLimit);
        connect(m_sourceWalker.get(), &TreeWalker::finished, this, &JobPlanner::walkFinished);
        ++m_walksRunning;
    }
    if (m_spec.kind != JobKind::Analyze) {
        m_destinationWalker = std::make_unique<TreeWalker>(m_destination.data(), destinationRoot);
        if (shallowDestination)
            // One file goes into this folder: its own listing is all the comparison needs.
            m_destinationWalker->setDescendFilter([](const QString &) { return false; });
        else
            m_destinationWalker->setDescendFilter(descend);
        m_destinationWalker->setMemo(m_destinationMemo);
        connect(m_destinationWalker.get(), &TreeWalker::finished, this, &JobPlanner::walkFinished);
        ++m_walksRunning;
        m_destinationWalker->start();
    }
    if (!m_probedSource)
        m_sourceWalker->start();
}

void JobPlanner::cancel()
{
    finish(Error(Error::Kind::Cancelled, tr("Planning was cancelled.")));
    if (m_sourceWalker)
        m_sourceWalker->cancel();
    if (m_destinationWalker)
        m_destinationWalker->cancel();
    if (m_probe)
        m_probe->kill();
    if (m_work)
        m_work->cancelled = true;
}

void JobPlanner::walkFinished()
{
    if (m_finished || --m_walksRunning > 0)
        return;
    if (m_sourceWalker->error()) {
        finish(m_sourceWalker->error());
        return;
    }
    if (m_sourceWalker->rootMissing() && !m_probedSource && !m_sourceRoot.isRoot()) {
        // Not a folder: maybe a file (a listing says NotFound for both).
        probeSourceFile();
        return;
    }
    if (m_sourceWalker->rootMissing() && m_singleFile.isEmpty()) {
        finish(Error(Error::Kind::NotFound, tr("The source folder does not exist."), m_spec.sourcePath));
        return;
    }
    if (m_destinationWalker && m_destinationWalker->error()) {
        finish(m_destinationWalker->error());
        return;
    }
    if (m_destinationWalker && m_destinationWalker->rootMissing() && !m_destinationRoot.isRoot()
        && m_missingDestinationLevels == 0) {
        // How much of the way to the destination is missing: each missing folder is created.
        m_missingDestinationLevels = 1;
        probeDestinationParent();
        return;
    }
    startWork();
}

void JobPlanner::probeSourceFile()
{
    m_probedSource = true;
    StatJob *job = m_source->stat(m_sourceRoot);
    m_probe = job;
    connect(job, &StoreJob::finished, this, &JobPlanner::sourceProbed);
    job->start();
}

void JobPlanner::sourceProbed(StoreJob *job)
{
    m_probe = nullptr;
    if (m_finished)
        return;
    if (job->error() || !static_cast<StatJob *>(job)->entry().isFile()) {
        if (job->error() && job->error().kind() != Error::Kind::NotFound) {
            finish(job->error());
            return;
        }
        finish(Error(Error::Kind::NotFound, tr("The source folder does not exist."), m_spec.sourcePath));
        return;
    }
    TreeNode node;
    node.entry = static_cast<StatJob *>(job)->entry();
    node.relPath = m_sourceRoot.name();
    node.entry.name = node.relPath;
    m_singleFile.append(node);
    // The job's destination path names the file; the comparison runs in its folder.
    const StorePath destinationFolder = m_destinationRoot.parent();
    m_sourceRoot = m_sourceRoot.parent();
    if (m_spec.kind == JobKind::Analyze) {
        startWork();
        return;
    }
    m_destinationWalker.reset();
    startWalks(m_sourceRoot, destinationFolder, true);
}

void JobPlanner::probeDestinationParent()
{
    StorePath folder = m_destinationRoot;
    for (int i = 0; i < m_missingDestinationLevels; ++i)
        folder = folder.parent();
    if (folder.isRoot()) {
        startWork();
        return;
    }
    StatJob *job = m_destination->stat(folder);
    m_probe = job;
    connect(job, &StoreJob::finished, this, &JobPlanner::destinationProbed);
    job->start();
}

void JobPlanner::destinationProbed(StoreJob *job)
{
    m_probe = nullptr;
    if (m_finished)
        return;
    if (job->error() && job->error().kind() != Error::Kind::NotFound) {
        finish(job->error());
        return;
    }
    if (!job->error()) {
        if (!static_cast<StatJob *>(job)->entry().isFolder()) {
            finish(Error(Error::Kind::Conflict, tr("A file is in the way of the destination folder."),
                         static_cast<StatJob *>(job)->entry().path.toString()));
            return;
        }
        startWork();
        return;
    }
    ++m_missingDestinationLevels;
    probeDestinationParent();
}

void JobPlanner::startWork()
{
    m_walkMs = m_clock.elapsed();
    auto work = std::make_shared<Work>();
    work->kind = m_spec.kind;
    work->filters = m_spec.policies.filters;
    work->hourlyBudget = m_hourlyBudget;
    work->source = m_singleFile.isEmpty() ? m_sourceWalker->takeNodes() : m_singleFile;
    if (m_spec.kind == JobKind::Analyze) {
        work->analyzeTarget = m_destination ? m_destination->limits() : m_analyzeTarget;
    } else {
        PlanInput &input = work->input;
        input.kind = m_spec.kind;
        input.policies = m_spec.policies;
        input.sourceRoot = m_sourceRoot;
        input.destinationRoot = m_destinationRoot;
        input.destinationLimits = m_destination->limits();
        input.destinationRootMissing = m_destinationWalker->rootMissing();
        input.missingRootLevels = qMax(1, m_missingDestinationLevels);
        input.hourlyBudget = m_hourlyBudget;
        work->destination = m_destinationWalker->takeNodes();
        work->sourceLimits = m_source->limits();
        // A single file is copied one way: its folder's other files are not part of the job.
        work->twoWay = m_spec.kind == JobKind::Sync && m_spec.policies.direction == SyncDirection::TwoWay
            && m_singleFile.isEmpty();
        work->pair = SyncBaseline::pairOf(m_spec.sourceConnection, m_spec.sourcePath,
                                          m_spec.destinationConnection, m_spec.destinationPath);
    }
    if (m_journal && m_jobId > 0) {
        work->database = &m_journal->database();
        work->jobId = m_jobId;
    }
    work->sourceListCalls = m_sourceWalker ? m_sourceWalker->listCalls() : 0;
    work->destinationListCalls = m_destinationWalker ? m_destinationWalker->listCalls() : 0;
    m_work = work;
    m_thread = QThread::create([work] { runWork(*work); });
    m_thread->setObjectName(QStringLiteral("trestle-planner"));
    connect(m_thread, &QThread::finished, this, &JobPlanner::workFinished);
    m_thread->start();
}

void JobPlanner::runWork(Work &work)
{
    std::unique_ptr<Journal> journal;
    if (work.database)
        journal = std::make_unique<Journal>(*work.database);
    // The thread's connection is closed on every way out of here, not when the thread ends: the
    // connection that closes last checkpoints the write-ahead log (for a 100,000-item plan tens of
    // MB, synced), and workFinished() on the calling thread waits for the thread's end: closing it
    // there was an 88 ms stall of a GUI thread that plans.
    struct CloseConnection final
    {
        std::unique_ptr<Journal> &journal;
        Database *database;
        ~CloseConnection()
        {
            journal.reset();
            if (database)
                database->closeConnectionForCurrentThread();
        }
    } closeConnection{journal, work.database};
    if (work.kind == JobKind::Analyze) {
        work.report = PlanBuilder::analyze(work.source, work.analyzeTarget, ItemFilter(work.filters),
                                           work.hourlyBudget);
        if (journal)
            work.error = journal->setJobState(work.jobId, JobState::Done).error();
        return;
    }
    QElapsedTimer clock;
    clock.start();
    QVector<JobItem> planned;
    if (work.twoWay) {
        QHash<QString, SyncEntry> baseline;
        if (work.database) {
            Result<QHash<QString, SyncEntry>> known = SyncStateStore(*work.database).entries(work.pair);
            if (!known.ok()) {
                work.error = known.error();
                return;
            }
            baseline = known.takeValue();
        }
        const bool rootMissing = work.input.destinationRootMissing && !work.input.destinationRoot.isRoot();
        TwoWayBuilder builder(work.input, work.sourceLimits, std::move(baseline));
        builder.build(work.source, work.destination);
        work.summary = builder.summary();
        planned = std::move(builder.items());
        if (rootMissing) {
            JobItem root;
            root.action = ItemAction::CreateFolder;
            root.sourcePath = work.input.sourceRoot.toString();
            root.destinationPath = work.input.destinationRoot.toString();
            planned.prepend(root);
            ++work.summary.foldersToCreate;
        }
    } else {
        PlanBuilder builder(std::move(work.input));
        builder.build(work.source, work.destination);
        work.summary = builder.summary();
        planned = std::move(builder.items());
    }
    work.source.clear();
    work.source.squeeze();
    work.destination.clear();
    work.destination.squeeze();
    work.compareMs = clock.restart();
    if (!journal)
        return;
    QVector<JobItem> &items = planned;
    for (qsizetype at = 0; at < items.size(); at += kWriteBatch) {
        if (work.cancelled)
            return;
        QVector<JobItem> batch = items.mid(at, kWriteBatch);
        const Status added = journal->addItems(work.jobId, batch);
        if (!added.ok()) {
            work.error = added.error();
            return;
        }
    }
    if (work.cancelled)
        return;
    // What the items cannot tell, so the plan read back from the journal is this one.
    PlanSummary figures = work.summary;
    figures.sourceListCalls = work.sourceListCalls;
    figures.destinationListCalls = work.destinationListCalls;
    const QString json =
        QString::fromUtf8(QJsonDocument(figures.figuresToJson()).toJson(QJsonDocument::Compact));
    work.error = journal->setPlanFigures(work.jobId, json).error();
    if (!work.error)
        work.error = journal->setJobState(work.jobId, JobState::Planned).error();
    work.journalMs = clock.elapsed();
}

void JobPlanner::workFinished()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<Work> work = std::move(m_work);
    if (m_finished)
        return;
    if (m_spec.kind == JobKind::Analyze) {
        m_report = std::move(work->report);
        m_report.listCalls = m_sourceWalker ? m_sourceWalker->listCalls() : 0;
        finish(work->error);
        return;
    }
    if (!work->error) {
        // Complete: the next plan of this job walks afresh.
        if (m_sourceMemo)
            m_sourceMemo->discard();
        if (m_destinationMemo)
            m_destinationMemo->discard();
    }
    m_summary = std::move(work->summary);
    m_summary.sourceListCalls = m_sourceWalker ? m_sourceWalker->listCalls() : 0;
    m_summary.destinationListCalls = m_destinationWalker->listCalls();
    qCInfo(lcTransfer) << "planned" << m_summary.itemCount() << "items," << m_summary.skipped << "skipped,"
                       << m_summary.unchanged << "unchanged in" << m_clock.elapsed() << "ms (walks"
                       << m_walkMs << "ms, compare" << work->compareMs << "ms, journal" << work->journalMs
                       << "ms)";
    if (m_sourceWalker && (m_sourceWalker->memoHits() > 0 || m_destinationWalker->memoHits() > 0))
        qCInfo(lcTransfer) << "listings taken from an earlier try:" << m_sourceWalker->memoHits() << "source,"
                           << m_destinationWalker->memoHits() << "destination";
    finish(work->error);
}

void JobPlanner::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_sourceWalker)
        m_sourceWalker->disconnect(this);
    if (m_destinationWalker)
        m_destinationWalker->disconnect(this);
    if (error && m_journal && m_jobId > 0 && error.kind() != Error::Kind::Cancelled)
        m_journal->setJobState(m_jobId, JobState::Failed, error);
    Q_EMIT finished(m_error);
}

} // namespace trestle
