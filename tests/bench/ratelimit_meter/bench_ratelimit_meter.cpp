// Prints the cost of one acquire() + recordResponse() pair of RateLimitMeter, the work added to every
// API call: single-threaded, and with 4 threads sharing one meter (the engine's worker pool).
// Budget is plenty (the common case) so nothing waits; the real clock is used.
#include "core/api/ratelimitmeter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>
#include <memory>
#include <vector>

using namespace trestle;

namespace {

void pairs(RateLimitMeter &meter, int count, const QByteArray &reset)
{
    for (int i = 0; i < count; ++i) {
        meter.acquire(i % 4 ? RateLimitMeter::Priority::Background : RateLimitMeter::Priority::Interactive);
        meter.recordResponse(200, "100000000", "99000000", reset, {});
    }
}

double run(int threads, int perThread)
{
    RateLimitMeter::Config config;
    config.hourlyLimit = 100000000;
    RateLimitMeter meter(config);
    const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 3000);
    pairs(meter, 1000, reset); // warm-up
    QElapsedTimer timer;
    timer.start();
    if (threads == 1) {
        pairs(meter, perThread, reset);
    } else {
        std::vector<std::unique_ptr<QThread>> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back(
                QThread::create([&meter, perThread, &reset] { pairs(meter, perThread, reset); }));
            pool.back()->start();
        }
        for (auto &thread : pool)
            thread->wait();
    }
    return double(timer.nsecsElapsed()) / (double(threads) * perThread);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int perThread = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    std::printf("acquire+recordResponse, %d pairs per thread\n", perThread);
    std::printf("  1 thread : %8.0f ns per pair\n", run(1, perThread));
    std::printf("  4 threads: %8.0f ns per pair (wall time / total pairs)\n", run(4, perThread));
    return 0;
}
