#pragma once

#include "http/httpmessage.h"

#include <QHash>
#include <QString>

namespace sandbox {

// What the limiter decided for one call, and what the X-Rate-Limit-* headers say.
struct RateDecision
{
    bool allowed = true;
    qint64 limit = 0;
    qint64 remaining = 0;
    qint64 resetUnix = 0; // Unix seconds on the sandbox's clock (real + clock offset)
    int retryAfterSeconds = 0; // only meaningful when !allowed; at least 1
};

// Procore's two budgets per client application (procore-api.md §9, §12): an hourly one and a
// 10-second spike one, both shortened by the time scale. Windows are fixed: a window starts with
// the first call after the previous one ended, which is simpler than a sliding window and still
// gives the client a reset time it can trust. A refused call does not consume budget, so a 429
// never pushes the reset further away.
class RateLimiter final
{
    Q_DISABLE_COPY_MOVE(RateLimiter)

public:
    RateLimiter() = default;

    void setLimits(int hourly, int spike, double timeScale);
    RateDecision consume(const QString &clientId, qint64 nowMs);

    static void applyHeaders(HttpResponse &response, const RateDecision &decision);
    // --clock-offset / clock_offset (sandboxoptions.h): X-Rate-Limit-Reset is stated on a clock
    // this far ahead of the real one. Process-wide, so the live setting reaches the limiter
    // without Sandbox passing it along.
    static void setClockOffsetSeconds(qint64 seconds);
    static qint64 clockOffsetSeconds();
    // 429 with Procore's documented message and Retry-After.
    static HttpResponse tooManyRequests(const RateDecision &decision);

private:
    struct Window
    {
        qint64 startMs = -1;
        qint64 used = 0;
    };
    struct Budget
    {
        Window hour;
        Window spike;
    };

    qint64 hourMs() const;
    qint64 spikeMs() const;

    int m_hourly = 3600;
    int m_spike = 0;
    double m_timeScale = 1.0;
    QHash<QString, Budget> m_budgets;
};

} // namespace sandbox
