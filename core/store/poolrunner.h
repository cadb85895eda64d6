#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace trestle {

// Set by a job's kill(); long-running pool work (listing, recursive delete) checks it.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

// The pool that does LocalStore's blocking file-system calls (list, stat, mkdir, rename, delete)
// so no caller's event loop waits for a slow share. Bounded, because a share answers no faster
// with more threads.
QThreadPool *localStorePool();

// Runs work on pool; the future carries its result. A QFutureWatcher in the job delivers it in
// the job's thread, and a job deleted meanwhile simply never hears of it. (QtConcurrent::run
// would do the same but needs another Qt module for one function.)
template<typename R>
QFuture<R> runOnPool(QThreadPool *pool, CancelFlag cancelled, std::function<R(const std::atomic_bool &)> work)
{
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    pool->start([promise, cancelled, work = std::move(work)]() {
        promise->addResult(work(*cancelled));
        promise->finish();
    });
    return future;
}

} // namespace trestle
