#include "core/transfer/transferengine.h"

#include "core/db/database.h"

#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace trestle {

namespace {

// Keeps glibc's malloc from growing without bound over many jobs (issue 9's soak: RSS +150-200 KiB
// a job, in the worker threads' arenas, while the live heap stayed under 1 MB).
//
// glibc serves blocks of 128 KiB and more with mmap() and gives them back on free(), but then
// raises that threshold to the size of the freed block, and the trim threshold to twice that
// ("dynamic mmap threshold"). Replies that grow from job to job (a project root listing one more
// folder each time, a bigger tree) keep raising it, so ever larger buffers land in the arenas,
// between longer-lived blocks, where freed space is too fragmented to reuse or trim. Setting the
// threshold turns the adjustment off: large buffers stay mmap()ed and go back to the system when
// freed. The cost is a page fault per 4 KiB of each large buffer, small next to moving its bytes.
void keepLargeBlocksOutOfTheArenas()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        constexpr int kMmapThreshold = 128 * 1024; // glibc's own starting value
        mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
        mallopt(M_TRIM_THRESHOLD, 2 * kMmapThreshold);
    });
#endif
}

} // namespace

TransferEngine::TransferEngine(Database &database, StoreFactory sourceFactory,
                               StoreFactory destinationFactory, int workers, QObject *parent)
    : QObject(parent)
{
    keepLargeBlocksOutOfTheArenas();
    m_control.setObjectName(QStringLiteral("trestle-engine"));
    m_runner =
        new JobRunner(database, std::move(sourceFactory), std::move(destinationFactory), workers, this, this);
    m_runner->moveToThread(&m_control);
    m_control.start();
}

TransferEngine::~TransferEngine()
{
    JobRunner *runner = m_runner;
    // Deleted in its own thread: its timers and journal connection belong there.
    QMetaObject::invokeMethod(
        runner,
        [runner] {
            runner->shutdown();
            delete runner;
        },
        Qt::BlockingQueuedConnection);
    m_runner = nullptr;
    m_control.quit();
    m_control.wait();
}

template<typename F>
void TransferEngine::post(F call)
{
    JobRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner, call] { call(runner); }, Qt::QueuedConnection);
}

void TransferEngine::start(qint64 jobId)
{
    post([jobId](JobRunner *runner) { runner->start(jobId); });
}

void TransferEngine::setApiCallCounter(std::function<qint64()> counter)
{
    post([counter](JobRunner *runner) { runner->setApiCallCounter(counter); });
}

void TransferEngine::setRateLimitMeter(RateLimitMeter *meter)
{
    post([meter](JobRunner *runner) { runner->setRateLimitMeter(meter); });
}

void TransferEngine::pause()
{
    post([](JobRunner *runner) { runner->pause(); });
}

void TransferEngine::resume()
{
    post([](JobRunner *runner) { runner->resume(); });
}

void TransferEngine::cancel()
{
    post([](JobRunner *runner) { runner->cancel(); });
}

void TransferEngine::retryFailed(qint64 jobId)
{
    post([jobId](JobRunner *runner) { runner->retryFailed(jobId); });
}

void TransferEngine::runnerProgress(const EngineProgress &progress)
{
    m_last = progress;
    Q_EMIT this->progress(progress);
}

void TransferEngine::runnerFinished(qint64 jobId, const Error &error)
{
    Q_EMIT finished(jobId, error);
}

} // namespace trestle
