#include "ratelimiter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cmath>

namespace sandbox {

namespace {
void roll(qint64 nowMs, qint64 lengthMs, qint64 *startMs, qint64 *used)
{
    if (*startMs < 0 || nowMs >= *startMs + lengthMs) {
        *startMs = nowMs;
        *used = 0;
    }
}

qint64 ceilSeconds(qint64 ms)
{
    return (ms + 999) / 1000;
}

std::atomic<qint64> clockOffset{0}; // seconds
} // namespace

void RateLimiter::setClockOffsetSeconds(qint64 seconds)
{
    clockOffset.store(seconds);
}

qint64 RateLimiter::clockOffsetSeconds()
{
    return clockOffset.load();
}

void RateLimiter::setLimits(int hourly, int spike, double timeScale)
{
    m_hourly = qMax(1, hourly);
    m_spike = qMax(0, spike);
    m_timeScale = timeScale > 0 ? timeScale : 1.0;
}

qint64 RateLimiter::hourMs() const
{
    return qMax<qint64>(1, qint64(std::llround(3600000.0 / m_timeScale)));
}

qint64 RateLimiter::spikeMs() const
{
    return qMax<qint64>(1, qint64(std::llround(10000.0 / m_timeScale)));
}

RateDecision RateLimiter::consume(const QString &clientId, qint64 nowMs)
{
    Budget &budget = m_budgets[clientId];
    roll(nowMs, hourMs(), &budget.hour.startMs, &budget.hour.used);
    const bool spikeOn = m_spike > 0;
    if (spikeOn)
        roll(nowMs, spikeMs(), &budget.spike.startMs, &budget.spike.used);

    const bool hourSpent = budget.hour.used >= m_hourly;
    const bool spikeSpent = spikeOn && budget.spike.used >= m_spike;
    RateDecision decision;
    decision.allowed = !hourSpent && !spikeSpent;
    if (decision.allowed) {
        ++budget.hour.used;
        if (spikeOn)
            ++budget.spike.used;
    }

    const qint64 hourResetMs = budget.hour.startMs + hourMs();
    const qint64 spikeResetMs = budget.spike.startMs + spikeMs();
    const qint64 hourRemaining = qMax<qint64>(0, m_hourly - budget.hour.used);
    const qint64 spikeRemaining = qMax<qint64>(0, m_spike - budget.spike.used);
    // Describe whichever limit is nearer; when refused, the one that refused (the later reset if both).
    bool describeSpike = false;
    if (!decision.allowed)
        describeSpike = spikeSpent && (!hourSpent || spikeResetMs > hourResetMs);
    else
        describeSpike = spikeOn && spikeRemaining < hourRemaining;

    const qint64 resetMs = describeSpike ? spikeResetMs : hourResetMs;
    decision.limit = describeSpike ? m_spike : m_hourly;
    decision.remaining = describeSpike ? spikeRemaining : hourRemaining;
    // Only the stated time moves: the windows themselves and Retry-After keep to real time, as a
    // server's do when it is the client's clock that jumped.
    decision.resetUnix = ceilSeconds(resetMs) + clockOffsetSeconds();
    decision.retryAfterSeconds = int(qMax<qint64>(1, ceilSeconds(resetMs - nowMs)));
    return decision;
}

void RateLimiter::applyHeaders(HttpResponse &response, const RateDecision &decision)
{
    response.setHeader("X-Rate-Limit-Limit", QByteArray::number(decision.limit));
    response.setHeader("X-Rate-Limit-Remaining", QByteArray::number(decision.remaining));
    response.setHeader("X-Rate-Limit-Reset", QByteArray::number(decision.resetUnix));
}

HttpResponse RateLimiter::tooManyRequests(const RateDecision &decision)
{
    const QJsonObject body{{QStringLiteral("message"),
                            QStringLiteral("You have surpassed the max number of requests for an hour. "
                                           "Please wait until your limit resets.")}};
    HttpResponse response = HttpResponse::json(429, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds));
    applyHeaders(response, decision);
    return response;
}

} // namespace sandbox
