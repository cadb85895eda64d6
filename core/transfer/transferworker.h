#pragma once

#include "core/db/journaltypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

namespace trestle {

class BandwidthLimiter;
class ItemTask;
class Store;

// Creates a store in the thread that calls it (stores and their network managers are per thread).
using StoreFactory = std::function<std::unique_ptr<Store>()>;

// What a worker reports to whoever dispatches to it. The calls arrive in the receiver's thread
// (queued); the receiver must outlive the worker's thread.
class WorkerListener
{
public:
    virtual ~WorkerListener() = default;
    // `jobStop`: the failure is one every next item would meet too (ItemTask::jobStop()).
    virtual void workerFinishedItem(int worker, const JobItem &item, const ItemOutcome &outcome,
                                    const Error &jobStop) = 0;
    virtual void workerMovedBytes(int worker, qint64 bytesOfItem) = 0;
};

// One of the engine's worker threads' object: owns that thread's source and destination stores
// (made by the factories in the thread itself) and runs one item at a time. Lives in its thread;
// every public method is meant to be invoked there (queued).
class TransferWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferWorker)

public:
    // How much nicer (lower CPU priority) than the thread that started it a worker thread runs.
    // Workers hash, copy and parse; on a 2-core laptop four of them took the GUI thread's core for
    // up to 335 ms at a time during a 100,000-item job (issue 7). Nice 10 weighs 110 against
    // nice 0's 1024 in the kernel's fair scheduler: the GUI thread wins the core whenever it has
    // work, and the workers still get every cycle nobody else wants.
    static constexpr int kNiceIncrement = 10;

    TransferWorker(int index, StoreFactory sourceFactory, StoreFactory destinationFactory,
                   QObject *listenerContext, WorkerListener *listener, qint64 mtimeToleranceMs);
    ~TransferWorker() override;

    // In the worker thread.
    // `limiter`: the job's bandwidth cap, shared by its workers (null: none).
    void run(const JobItem &item, std::shared_ptr<BandwidthLimiter> limiter = {},
             JobKind kind = JobKind::Copy);
    void cancelCurrent();
    // Ends the current item without a report and drops the stores (before the thread stops).
    void shutdown();

private:
    void runTask(const JobItem &item, bool freshStores);
    // Before a NotFound is tried again: the stores of a connection share one path cache, so fresh
    // stores would meet the same stale listing. Forgets what the cache knew of the item's paths and
    // of their folders' listings, so the next try asks the server.
    void forgetCachedPaths(const JobItem &item);
    std::shared_ptr<BandwidthLimiter> m_limiter;
    JobKind m_kind = JobKind::Copy;
    void ensureStores();
    void reportBytes(qint64 bytes, bool force);

    int m_index;
    StoreFactory m_sourceFactory;
    StoreFactory m_destinationFactory;
    QObject *m_listenerContext;
    WorkerListener *m_listener;
    qint64 m_tolerance;
    std::unique_ptr<Store> m_source;
    std::unique_ptr<Store> m_destination;
    ItemTask *m_task = nullptr;
    QElapsedTimer m_sinceReport;
    bool m_priorityLowered = false;
};

} // namespace trestle
