#include "core/transfer/transferengine.h"

#include "core/db/database.h"

namespace trestle {

TransferEngine::TransferEngine(Database &database, StoreFactory sourceFactory,
                               StoreFactory destinationFactory, int workers, QObject *parent)
    : QObject(parent)
{
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
