#include "core/transfer/transferworker.h"

#include "core/common/logging.h"
#include "core/common/threadpriority.h"
#include "core/store/store.h"
#include "core/transfer/itemtask.h"

#include <algorithm>

namespace trestle {

namespace {
// Byte progress crosses threads at most this often per worker; the engine publishes less often.
constexpr qint64 kReportIntervalMs = 50;
} // namespace

TransferWorker::TransferWorker(int index, StoreFactory sourceFactory, StoreFactory destinationFactory,
                               QObject *listenerContext, WorkerListener *listener, qint64 mtimeToleranceMs)
    : m_index(index)
    , m_sourceFactory(std::move(sourceFactory))
    , m_destinationFactory(std::move(destinationFactory))
    , m_listenerContext(listenerContext)
    , m_listener(listener)
    , m_tolerance(mtimeToleranceMs)
{ }

TransferWorker::~TransferWorker()
{
    shutdown();
}

void TransferWorker::ensureStores()
{
    if (!m_source && m_sourceFactory)
        m_source = m_sourceFactory();
    if (!m_destination && m_destinationFactory)
        m_destination = m_destinationFactory();
}

void TransferWorker::run(const JobItem &item, std::shared_ptr<BandwidthLimiter> limiter, JobKind kind)
{
    if (!m_priorityLowered) {
        // The first call that runs in the worker's thread (the object is made in the control thread).
        m_priorityLowered = true;
        if (const QString why = lowerCurrentThreadPriority(kNiceIncrement); !why.isEmpty())
            qCWarning(lcTransfer) << "could not lower the worker thread's priority:" << why;
    }
    m_limiter = std::move(limiter);
    m_kind = kind;
    runTask(item, false);
}

void TransferWorker::runTask(const JobItem &item, bool freshStores)
{
    if (freshStores) {
        m_destination.reset();
        m_source.reset();
    }
    ensureStores();
    Q_ASSERT(!m_task);
    m_task = new ItemTask(item, m_source.get(), m_destination.get(), m_tolerance, this);
    m_task->setLimiter(m_limiter);
    m_task->setJobKind(m_kind);
    m_sinceReport.start();
    connect(m_task, &ItemTask::progress, this, [this](qint64 bytes) { reportBytes(bytes, false); });
    connect(m_task, &ItemTask::finished, this, [this, freshStores](const ItemOutcome &outcome) {
        ItemTask *task = m_task;
        m_task = nullptr;
        const JobItem item = task->item();
        task->deleteLater();
        // A store may cache what it saw of the tree (ProcoreStore keeps path -> id), and another
        // worker may have made a folder since: a NotFound is tried once more with fresh stores.
        if (!freshStores && outcome.state == ItemState::Failed
            && outcome.error.kind() == Error::Kind::NotFound) {
            forgetCachedPaths(item);
            runTask(item, true);
            return;
        }
        WorkerListener *listener = m_listener;
        const int index = m_index;
        const Error jobStop = outcome.state == ItemState::Failed ? task->jobStop() : Error();
        QMetaObject::invokeMethod(
            m_listenerContext,
            [listener, index, item, outcome, jobStop] {
                listener->workerFinishedItem(index, item, outcome, jobStop);
            },
            Qt::QueuedConnection);
    });
    m_task->start();
}

void TransferWorker::forgetCachedPaths(const JobItem &item)
{
    // The stores as the item sees them: a reverse item reads the destination and writes the source.
    const QString &sourcePath = item.reverse ? item.destinationPath : item.sourcePath;
    const QString &destinationPath = item.reverse ? item.sourcePath : item.destinationPath;
    Store *source = item.reverse ? m_destination.get() : m_source.get();
    Store *destination = item.reverse ? m_source.get() : m_destination.get();
    const auto forget = [](Store *store, const QString &text) {
        if (text.isEmpty())
            return;
        const Result<StorePath> path = StorePath::fromString(text);
        if (!path.ok())
            return;
        qCInfo(lcTransfer) << "NotFound: forgetting a cached listing above" << path.value().toString();
        store->forgetListingAbove(path.value());
    };
    forget(destination, destinationPath);
    if (!sourcePath.isEmpty()
        && (item.action == ItemAction::Download || item.action == ItemAction::Upload
            || item.action == ItemAction::NewVersion))
        forget(source, sourcePath);
}

void TransferWorker::reportBytes(qint64 bytes, bool force)
{
    if (!force && m_sinceReport.elapsed() < kReportIntervalMs)
        return;
    m_sinceReport.restart();
    WorkerListener *listener = m_listener;
    const int index = m_index;
    QMetaObject::invokeMethod(
        m_listenerContext, [listener, index, bytes] { listener->workerMovedBytes(index, bytes); },
        Qt::QueuedConnection);
}

void TransferWorker::cancelCurrent()
{
    if (m_task)
        m_task->kill();
}

void TransferWorker::shutdown()
{
    if (m_task) {
        m_task->disconnect(this);
        delete m_task; // kills its store job; the write is atomic, so nothing half-written stays
        m_task = nullptr;
    }
    m_destination.reset();
    m_source.reset();
}

} // namespace trestle
