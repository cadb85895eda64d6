// Rate-limit headers: X-Rate-Limit-Limit, -Remaining, -Reset and Retry-After are untrusted text.
// A sequence of replies is fed to one meter (its clock driven by the input) with acquire() calls
// in between: never a crash, never a negative wait, and the snapshot stays sane.

#include "core/api/ratelimitmeter.h"
#include "fuzzinput.h"

#include <QDateTime>

using namespace trestle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qint64 nowMs = qint64(1800000000) * 1000;
    // The wall clock jumps (by the input) while the monotonic one runs on: the meter must keep
    // both apart whatever the server says meanwhile.
    qint64 wallJumpMs = 0;
    RateLimitMeter::Config config;
    config.clock = [&nowMs, &wallJumpMs] {
        return QDateTime::fromMSecsSinceEpoch(nowMs + wallJumpMs, Qt::UTC);
    };
    config.steadyClock = [&nowMs] {
        return nowMs;
    };
    if (size > 0)
        config.spikeLimit = data[0] % 4 == 0 ? 0 : data[0] % 50;
    RateLimitMeter meter(config);

    // Replies separated by '\x1e'; each: status | limit | remaining | reset | retry-after.
    const QList<QByteArray> replies =
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\x1e');
    int n = 0;
    for (const QByteArray &reply : replies) {
        if (++n > 64)
            break;
        const QList<QByteArray> f =
            fuzz::splitFields(reinterpret_cast<const uint8_t *>(reply.constData()), size_t(reply.size()), 5);
        const auto priority =
            (n % 3 == 0) ? RateLimitMeter::Priority::Interactive : RateLimitMeter::Priority::Background;
        const std::chrono::milliseconds wait = meter.acquire(priority);
        fuzz::check(wait.count() >= 0, "acquire() never asks for a negative wait");
        // Advance the clock by what the meter asked, capped, plus a little from the input.
        nowMs += std::min<qint64>(wait.count(), qint64(3) * 3600 * 1000) + (f[0].size() * 37);
        const int status = f[0].isEmpty()
            ? 200
            : (f[0].toInt() != 0 ? f[0].toInt() : 200 + (uint8_t(f[0][0]) % 4) * 100 + uint8_t(f[0][0]) % 30);
        const int selector = f[0].isEmpty() ? 1 : static_cast<uint8_t>(f[0].at(0));
        if (selector % 7 == 0) // now and then: an hour either way, or back
            wallJumpMs = static_cast<qint64>(selector % 3 - 1) * 3600 * 1000;
        meter.recordResponse(status, f[1], f[2], f[3], f[4]);
        const RateLimitSnapshot s = meter.snapshot();
        fuzz::check(s.callsLastMinute >= 0, "calls in the last minute >= 0");
        fuzz::check(meter.pendingCalls() >= 0, "pending calls >= 0");
    }
    return 0;
}
