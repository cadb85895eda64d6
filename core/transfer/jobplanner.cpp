#include "core/transfer/jobplanner.h"

#include "core/common/logging.h"
#include "core/db/journal.h"
#include "core/store/store.h"
#include "core/transfer/planbuilder.h"
#include "core/transfer/treewalker.h"

#include <QTimer>

namespace trestle {

namespace {

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

JobPlanner::JobPlanner(JobSpec spec, Store *source, Store *destination, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_source(source)
    , m_destination(destination)
    , m_analyzeTarget(StoreLimits::procoreDocuments())
{ }

JobPlanner::~JobPlanner() = default;

void JobPlanner::setJournal(Journal *journal, qint64 jobId)
{
    m_journal = journal;
    m_jobId = jobId;
}

void JobPlanner::start()
{
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
        // Excluded folders are not even listed: on Procore each listing is an API call.
        const ItemFilter filter(m_spec.policies.filters);
        auto descend = [filter](const QString &relPath) {
            return filter.rejectFolder(relPath).isEmpty();
        };
        m_sourceWalker = std::make_unique<TreeWalker>(m_source.data(), sourceRoot.value());
        m_sourceWalker->setDescendFilter(descend);
        connect(m_sourceWalker.get(), &TreeWalker::finished, this, &JobPlanner::walkFinished);
        ++m_walksRunning;
        if (!analyze) {
            m_destinationWalker = std::make_unique<TreeWalker>(m_destination.data(), destinationRoot.value());
            m_destinationWalker->setDescendFilter(descend);
            connect(m_destinationWalker.get(), &TreeWalker::finished, this, &JobPlanner::walkFinished);
            ++m_walksRunning;
            m_destinationWalker->start();
        }
        m_sourceWalker->start();
    });
}

void JobPlanner::cancel()
{
    finish(Error(Error::Kind::Cancelled, tr("Planning was cancelled.")));
    if (m_sourceWalker)
        m_sourceWalker->cancel();
    if (m_destinationWalker)
        m_destinationWalker->cancel();
}

void JobPlanner::walkFinished()
{
    if (m_finished || --m_walksRunning > 0)
        return;
    if (m_sourceWalker->error()) {
        finish(m_sourceWalker->error());
        return;
    }
    if (m_sourceWalker->rootMissing()) {
        finish(Error(Error::Kind::NotFound, tr("The source folder does not exist."), m_spec.sourcePath));
        return;
    }
    if (m_destinationWalker && m_destinationWalker->error()) {
        finish(m_destinationWalker->error());
        return;
    }
    QVector<TreeNode> source = m_sourceWalker->takeNodes();
    if (m_spec.kind == JobKind::Analyze) {
        const StoreLimits target = m_destination ? m_destination->limits() : m_analyzeTarget;
        m_report = PlanBuilder::analyze(source, target, ItemFilter(m_spec.policies.filters), m_hourlyBudget);
        m_report.listCalls = m_sourceWalker->listCalls();
        finish(m_journal && m_jobId > 0 ? m_journal->setJobState(m_jobId, JobState::Done).error() : Error());
        return;
    }

    PlanInput input;
    input.kind = m_spec.kind;
    input.policies = m_spec.policies;
    input.sourceRoot = parseRoot(m_spec.sourcePath).value();
    input.destinationRoot = parseRoot(m_spec.destinationPath).value();
    input.destinationLimits = m_destination->limits();
    input.destinationRootMissing = m_destinationWalker->rootMissing();
    input.hourlyBudget = m_hourlyBudget;
    QVector<TreeNode> destination = m_destinationWalker->takeNodes();
    PlanBuilder builder(std::move(input));
    builder.build(source, destination);
    m_summary = builder.summary();
    m_summary.sourceListCalls = m_sourceWalker->listCalls();
    m_summary.destinationListCalls = m_destinationWalker->listCalls();
    source.clear();
    destination.clear();
    qCInfo(lcTransfer) << "planned" << m_summary.itemCount() << "items," << m_summary.skipped << "skipped,"
                       << m_summary.unchanged << "unchanged";
    finish(writeItems(builder.items()));
}

Error JobPlanner::writeItems(QVector<JobItem> &items)
{
    if (!m_journal || m_jobId <= 0)
        return {};
    for (qsizetype at = 0; at < items.size(); at += kWriteBatch) {
        QVector<JobItem> batch = items.mid(at, kWriteBatch);
        const Status added = m_journal->addItems(m_jobId, batch);
        if (!added.ok())
            return added.error();
    }
    return m_journal->setJobState(m_jobId, JobState::Planned).error();
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
