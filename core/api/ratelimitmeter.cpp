#include "core/api/ratelimitmeter.h"

#include "core/common/logging.h"

#include <QLocale>
#include <QMutexLocker>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#ifdef Q_OS_LINUX
#include <time.h>
#endif

namespace trestle {

namespace {

// A burst of this share of the hourly limit runs unpaced (see the policy in the header).
constexpr double kFreeBurstShare = 0.05;
// X-Rate-Limit-Reset is in whole Unix seconds, rounded up: the true reset may be up to 1 s earlier.
constexpr qint64 kResetRoundingMs = 1000;
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kEmitIntervalMs = 250; // snapshotChanged at most ~4 times a second
constexpr qint64 kHoldReleaseSpacingMs = 20; // between callers released after a hold, spike limit unknown
constexpr qint64 kMaxHoldMs = 24LL * 3600 * 1000; // a longer Retry-After/Reset is not believable
constexpr int kMaxSearchSteps = 100000;
// A described reset may lie this much beyond one window from now (clock skew between us and the server).
constexpr qint64 kClockSkewMs = 60 * 1000;
// The wall clock moving this much against the monotonic one is a jump worth a line in the log.
constexpr qint64 kClockJumpMs = 2000;

// The meter's own clock. On Linux CLOCK_BOOTTIME: monotonic like steady_clock, but it keeps
// counting while the machine sleeps, as the server's windows do (steady_clock would make the
// calls made before a night's suspend look a moment old).
qint64 steadyNowMs()
{
#ifdef Q_OS_LINUX
    timespec ts{};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
#endif
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::optional<qint64> parseInteger(const QByteArray &raw)
{
    const QByteArray value = raw.trimmed();
    // At most 15 digits: callers turn seconds into milliseconds (x 1000), which must not overflow
    // qint64 (an 18-digit X-Rate-Limit-Reset did: found by tests/fuzz/fuzz_ratelimit).
    if (value.isEmpty() || value.size() > 15)
        return std::nullopt;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt; // no signs, no exponents, no fractions
    }
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3: IMF-fixdate, or the
// obsolete RFC 850 and asctime forms).
std::optional<qint64> parseRetryAfter(const QByteArray &raw, qint64 now)
{
    if (const auto seconds = parseInteger(raw)) {
        if (*seconds * 1000 > kMaxHoldMs)
            return std::nullopt;
        return now + *seconds * 1000;
    }
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is RFC 2822. The obsolete forms are parsed
    // without their weekday, which QLocale would check against the two-digit year's century.
    const QString text = QString::fromLatin1(raw.trimmed()).simplified();
    QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        const QLocale c = QLocale::c();
        const int comma = text.indexOf(QLatin1Char(','));
        if (comma > 0) {
            const QString date = text.mid(comma + 1).trimmed();
            when = c.toDateTime(date, QStringLiteral("dd MMM yyyy hh:mm:ss 'GMT'")); // IMF-fixdate
            if (!when.isValid()) { // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
                when = c.toDateTime(date, QStringLiteral("dd-MMM-yy hh:mm:ss 'GMT'"));
                if (when.isValid() && when.date().year() < 1970)
                    when = when.addYears(100);
            }
        } else { // asctime: "Sun Nov  6 08:49:37 1994"
            when = c.toDateTime(text.section(QLatin1Char(' '), 1), QStringLiteral("MMM d hh:mm:ss yyyy"));
        }
        if (when.isValid())
            when = QDateTime(when.date(), when.time(), Qt::UTC);
    }
    if (!when.isValid())
        return std::nullopt;
    const qint64 at = when.toMSecsSinceEpoch();
    if (at - now > kMaxHoldMs)
        return std::nullopt;
    return at;
}

} // namespace

RateLimitMeter::RateLimitMeter(Config config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    Q_ASSERT(m_config.hourWindow.count() > 0 && m_config.spikeWindow.count() > 0);
    m_wallClock =
        m_config.clock ? m_config.clock : std::function<QDateTime()>(&QDateTime::currentDateTimeUtc);
    if (m_config.steadyClock) {
        m_steadyClock = m_config.steadyClock;
    } else if (m_config.clock) {
        m_steadyClock = [wall = m_config.clock] {
            return wall().toMSecsSinceEpoch();
        };
    } else {
        m_steadyClock = &steadyNowMs;
    }
    m_steadyOrigin = m_steadyClock();
    m_wallOrigin = m_wallClock().toMSecsSinceEpoch();
}

RateLimitMeter::~RateLimitMeter() = default;

qint64 RateLimitMeter::nowMs() const
{
    const qint64 now = m_wallOrigin + (m_steadyClock() - m_steadyOrigin);
    const qint64 toWall = m_wallClock().toMSecsSinceEpoch() - now;
    if (std::abs(toWall - m_toWallMs) > kClockJumpMs) {
        qCInfo(lcRate) << "the system clock moved by" << (toWall - m_toWallMs) / 1000
                       << "s; waits keep to the monotonic clock";
    }
    m_toWallMs = toWall;
    return now;
}

qint64 RateLimitMeter::fromServerTime(qint64 serverMs) const
{
    return serverMs - m_serverAheadMs;
}

QDateTime RateLimitMeter::toWallTime(qint64 meterMs) const
{
    return QDateTime::fromMSecsSinceEpoch(meterMs + m_toWallMs, Qt::UTC);
}

int RateLimitMeter::hourlyLimitLocked() const
{
    return qMax(1, m_hourly.seen ? m_hourly.limit : m_config.hourlyLimit);
}

int RateLimitMeter::spikeLimitLocked() const
{
    return m_spike.seen ? m_spike.limit : qMax(0, m_config.spikeLimit);
}

int RateLimitMeter::reserveLocked() const
{
    const int limit = hourlyLimitLocked();
    const double share = std::clamp(m_config.interactiveReserve, 0.0, 1.0);
    return std::clamp(int(std::ceil(limit * share)), 0, limit - 1);
}

qint64 RateLimitMeter::countIn(qint64 from, qint64 to) const
{
    if (to <= from)
        return 0;
    const auto first = std::lower_bound(m_slots.begin(), m_slots.end(), from);
    const auto last = std::lower_bound(first, m_slots.end(), to);
    return last - first;
}

// Adding a call at t must leave every window [x, x + windowMs) that contains t with at most cap calls.
RateLimitMeter::Verdict RateLimitMeter::slidingRule(qint64 t, qint64 windowMs, int cap) const
{
    if (cap <= 0)
        return {false, t + windowMs};
    const qint64 lowest = t - windowMs + 1;
    if (countIn(lowest, t + windowMs) < cap)
        return {}; // fast path: not even all windows around t together are full
    // The count of [x, x + windowMs) only rises when x reaches a call, so the left edges worth
    // checking are the lowest one and each call between it and t.
    auto edge = std::lower_bound(m_slots.begin(), m_slots.end(), lowest);
    qint64 x = lowest;
    for (;;) {
        if (countIn(x, x + windowMs) >= cap) {
            // t can only leave this window by moving past its first call plus the window length.
            const auto first = std::lower_bound(m_slots.begin(), m_slots.end(), x);
            const qint64 next = first == m_slots.end() ? t + 1 : *first + windowMs;
            return {false, std::max(t + 1, next)};
        }
        if (edge == m_slots.end() || *edge > t)
            break;
        x = *edge;
        edge = std::upper_bound(edge, m_slots.end(), x);
    }
    if (countIn(t, t + windowMs) >= cap) {
        const auto first = std::lower_bound(m_slots.begin(), m_slots.end(), t);
        return {false, std::max(t + 1, *first + windowMs)};
    }
    return {};
}

// Free calls of the hourly window that contains t (not counting the reserve).
int RateLimitMeter::hourlyFreeAt(qint64 t, qint64 *windowEnd) const
{
    const qint64 length = m_config.hourWindow.count();
    const int limit = hourlyLimitLocked();
    if (!m_hourly.seen) {
        // Nothing from the server: our own calls over a sliding hour.
        const qint64 used = countIn(t - length + 1, std::numeric_limits<qint64>::max());
        const auto oldest = std::lower_bound(m_slots.begin(), m_slots.end(), t - length + 1);
        *windowEnd = oldest == m_slots.end() ? 0 : *oldest + length;
        return int(std::clamp<qint64>(limit - used, std::numeric_limits<int>::min() / 2, limit));
    }
    if (t < m_hourly.resetMs) {
        *windowEnd = m_hourly.resetMs;
        return m_hourly.remaining - m_hourly.uncountedAtObservation - m_hourly.acquiredSince;
    }
    // Past the described reset: fixed windows from the reset, moved one rounding step earlier so the
    // calls just before the (rounded-up) reset count in both windows.
    const qint64 origin = m_hourly.resetMs - kResetRoundingMs;
    const qint64 start = origin + ((t - origin) / length) * length;
    *windowEnd = start + length;
    return int(limit - countIn(start, start + length));
}

RateLimitMeter::Verdict RateLimitMeter::hourlyRule(qint64 t, int needed) const
{
    if (!m_hourly.seen) {
        const int cap = hourlyLimitLocked() - (needed - 1);
        return slidingRule(t, m_config.hourWindow.count(), cap);
    }
    qint64 end = 0;
    if (hourlyFreeAt(t, &end) >= needed)
        return {};
    return {false, std::max(t + 1, end)};
}

int RateLimitMeter::spikeFreeAt(qint64 t, qint64 *windowEnd) const
{
    const int limit = spikeLimitLocked();
    const qint64 length = m_config.spikeWindow.count();
    if (m_spike.seen && t < m_spike.resetMs) {
        *windowEnd = m_spike.resetMs;
        return m_spike.remaining - m_spike.uncountedAtObservation - m_spike.acquiredSince;
    }
    const auto oldest = std::lower_bound(m_slots.begin(), m_slots.end(), t - length + 1);
    *windowEnd = oldest == m_slots.end() ? 0 : *oldest + length;
    return int(limit - countIn(t - length + 1, t + 1));
}

RateLimitMeter::Verdict RateLimitMeter::spikeRule(qint64 t) const
{
    const int limit = spikeLimitLocked();
    if (limit <= 0)
        return {};
    if (m_spike.seen && t < m_spike.resetMs) {
        qint64 end = 0;
        if (spikeFreeAt(t, &end) < 1)
            return {false, std::max(t + 1, end)};
    }
    // Also never more than the limit in any spike window of our own calls: safe whether the server's
    // windows are fixed, rolling or sliding, at the cost of a little throughput at window edges.
    return slidingRule(t, m_config.spikeWindow.count(), limit);
}

qint64 RateLimitMeter::earliestFeasible(qint64 t, Priority priority) const
{
    const int needed = priority == Priority::Background ? 1 + reserveLocked() : 1;
    for (int step = 0; step < kMaxSearchSteps; ++step) {
        const Verdict hourly = hourlyRule(t, needed);
        const Verdict spike = spikeRule(t);
        if (hourly.ok && spike.ok)
            return t;
        t = std::max(hourly.ok ? t : hourly.next, spike.ok ? t : spike.next);
    }
    qCWarning(lcRate) << "no free slot found after" << kMaxSearchSteps << "steps; sending at" << t;
    return t;
}

qint64 RateLimitMeter::holdSpacingMs() const
{
    // The release after a hold only has to avoid a thundering herd at the spike limit. The hourly
    // budget is not the concern here (Background calls are paced by it anyway): spacing the
    // release at the hourly pace made every caller that arrived meanwhile extend the stretch.
    const int spike = spikeLimitLocked();
    const qint64 interval = spike > 0 ? m_config.spikeWindow.count() / spike : kHoldReleaseSpacingMs;
    return std::clamp<qint64>(interval, 1, 1000);
}

void RateLimitMeter::prune(qint64 now)
{
    const qint64 keep =
        std::max<qint64>({m_config.hourWindow.count(), m_config.spikeWindow.count(), kMinuteMs})
        + 2 * kResetRoundingMs + kClockSkewMs;
    while (!m_slots.empty() && m_slots.front() < now - keep)
        m_slots.pop_front();
}

std::chrono::milliseconds RateLimitMeter::acquire(Priority priority)
{
    qint64 now = 0;
    qint64 slot = 0;
    {
        QMutexLocker locker(&m_mutex);
        now = nowMs();
        prune(now);
        qint64 t = now;
        const bool held = now < m_holdNext;
        if (held)
            t = std::max(m_holdUntil, m_holdNext);

        double hourInterval = 0;
        double spikeInterval = 0;
        double hourTolerance = 0;
        double spikeTolerance = 0;
        if (priority == Priority::Background) {
            const int limit = hourlyLimitLocked();
            const int reserve = reserveLocked();
            const int burst = std::max(1, int(std::lround(limit * kFreeBurstShare)));
            qint64 end = 0;
            const int budget = m_hourly.seen ? hourlyFreeAt(now, &end) - reserve : 0;
            if (m_hourly.seen && budget > 0 && budget <= burst) {
                // What is left fits in the free burst: nothing to spread.
            } else {
                if (m_hourly.seen && budget > 0) {
                    // Spread what is left over the time left in this window. The burst already
                    // spent is out of the budget, so the pace ends on the budget at the reset.
                    hourInterval = double(end - now) / budget;
                } else {
                    // A self-counted window, or the next one when this one is spent: the even pace
                    // after the free burst.
                    hourInterval = double(m_config.hourWindow.count()) / std::max(1, limit - reserve - burst);
                }
                hourTolerance = (burst - 1) * hourInterval;
                t = std::max<qint64>(t, qint64(std::ceil(m_tatHour - hourTolerance)));
            }

            const int spike = spikeLimitLocked();
            if (spike > 0) {
                spikeInterval = double(m_config.spikeWindow.count()) / spike;
                spikeTolerance = (std::max(1, spike / 2) - 1) * spikeInterval;
                t = std::max<qint64>(t, qint64(std::ceil(m_tatSpike - spikeTolerance)));
            }
        }
        const qint64 paced = t;

        slot = earliestFeasible(t, priority);
        if (priority == Priority::Background) {
            if (slot > paced || held) {
                // Held back by a hard limit, not idle: no burst credit, the next call waits a full interval.
                m_tatHour = double(slot) + hourTolerance + hourInterval;
                m_tatSpike = double(slot) + spikeTolerance + spikeInterval;
            } else {
                m_tatHour = std::max(m_tatHour, double(slot)) + hourInterval;
                m_tatSpike = std::max(m_tatSpike, double(slot)) + spikeInterval;
            }
        }
        for (Window *window : {&m_hourly, &m_spike}) {
            if (window->seen && slot < window->resetMs)
                ++window->acquiredSince;
        }
        if (held)
            m_holdNext = slot + holdSpacingMs();
        m_slots.insert(std::upper_bound(m_slots.begin(), m_slots.end(), slot), slot);
        ++m_pending;
        ++m_total;
    }
    publish(now);
    return std::chrono::milliseconds(slot - now);
}

void RateLimitMeter::release()
{
    qint64 now = 0;
    {
        QMutexLocker locker(&m_mutex);
        now = nowMs();
        if (m_pending == 0) {
            qCWarning(lcRate) << "release() without a pending acquire()";
            return;
        }
        --m_pending;
        --m_total;
        // The slot given back is not known; the latest one is the most likely unsent.
        if (!m_slots.empty())
            m_slots.pop_back();
        for (Window *window : {&m_hourly, &m_spike}) {
            if (window->acquiredSince > 0)
                --window->acquiredSince;
        }
    }
    publish(now);
}

void RateLimitMeter::observeWindow(qint64 now, int limit, int remaining, qint64 resetMs)
{
    const qint64 resetIn = resetMs - now;
    const qint64 spikeHorizon = 2 * m_config.spikeWindow.count() + kResetRoundingMs;
    bool spike = false;
    if (resetIn <= spikeHorizon) {
        // A near reset is the spike window, unless the limit is the hourly one we know (an hour
        // about to reset) or larger than the spike limit we know.
        const int hourly = m_hourly.seen ? m_hourly.limit : m_config.hourlyLimit;
        if (m_hourly.seen && limit == m_hourly.limit)
            spike = false;
        else if (m_spike.seen && limit > m_spike.limit)
            spike = false;
        else
            spike = limit < hourly || m_spike.seen;
    }
    Window &window = spike ? m_spike : m_hourly;
    if (!window.seen || window.limit != limit)
        qCInfo(lcRate) << (spike ? "spike" : "hourly") << "limit from headers:" << limit;
    window.seen = true;
    window.limit = limit;
    window.remaining = remaining;
    window.resetMs = resetMs;
    window.observedMs = now;
    window.uncountedAtObservation = m_pending;
    window.acquiredSince = 0;

    // The pace is measured from the theoretical arrival times; after a hold until a reset they
    // are far ahead. When the server shows budget again in this window (a limit raised, a
    // reconfigured server), no call may wait longer than one interval at the pace that budget
    // allows, or every Background call would still wait for the old reset.
    if (spike) {
        if (remaining > 0 && limit > 0)
            m_tatSpike = std::min(m_tatSpike, double(now) + double(m_config.spikeWindow.count()) / limit);
    } else {
        const int budget = remaining - reserveLocked();
        if (budget > 0 && resetMs > now)
            m_tatHour = std::min(m_tatHour, double(now) + double(resetMs - now) / budget);
    }
}

void RateLimitMeter::recordResponse(int httpStatus, const QByteArray &limit, const QByteArray &remaining,
                                    const QByteArray &reset, const QByteArray &retryAfter)
{
    qint64 now = 0;
    {
        QMutexLocker locker(&m_mutex);
        now = nowMs();
        if (m_pending > 0)
            --m_pending;

        // Retry-After first: in seconds, it is the one signal no clock difference can distort.
        std::optional<qint64> retryAt;
        bool retryRelative = false;
        if (!retryAfter.isEmpty()) {
            retryAt = parseRetryAfter(retryAfter, now);
            if (retryAt) {
                retryRelative = parseInteger(retryAfter).has_value();
                if (!retryRelative) // an HTTP-date: on the server's clock
                    retryAt = fromServerTime(*retryAt);
            } else {
                qCWarning(lcRate) << "ignoring malformed Retry-After" << retryAfter.left(64);
            }
        }

        std::optional<qint64> windowReset;
        if (!limit.isEmpty() || !remaining.isEmpty() || !reset.isEmpty()) {
            const auto l = parseInteger(limit);
            const auto r = parseInteger(remaining);
            const auto s = parseInteger(reset);
            if (s && httpStatus == 429 && retryRelative)
                calibrateServerClock(*s * 1000, *retryAt);
            const qint64 resetMs = s ? fromServerTime(*s * 1000) : 0;
            const bool wellFormed =
                l && r && s && *l > 0 && *l <= std::numeric_limits<int>::max() / 2 && *r <= *l;
            // No window resets later than one window (plus the rounding up to whole seconds) from
            // now. No allowance for skew on top: a server clock an hour ahead stated resets just
            // over an hour away in each window's last minute, and a spent window then held every
            // call for that hour.
            const bool believable = resetMs - now <= m_config.hourWindow.count() + kResetRoundingMs;
            if (wellFormed && !believable) {
                // The server's clock and ours differ: pacing on this reset could hold jobs for an
                // hour. Count our own calls instead, and let Retry-After time any 429 (which also
                // calibrates).
                if (!m_skewWarned) {
                    m_skewWarned = true;
                    qCWarning(lcRate)
                        << "X-Rate-Limit-Reset lies" << (resetMs - now) / 1000
                        << "s ahead: the server's clock and ours differ; counting our own calls";
                }
            } else if (!wellFormed) {
                qCWarning(lcRate) << "ignoring malformed X-Rate-Limit headers: limit" << limit.left(32)
                                  << "remaining" << remaining.left(32) << "reset" << reset.left(32);
            } else if (resetMs > now) {
                m_headersSeen = true;
                observeWindow(now, int(*l), int(*r), resetMs);
                windowReset = resetMs;
            } else {
                m_headersSeen = true; // a window that has already reset tells nothing more
            }
        }

        std::optional<qint64> holdUntil;
        if (httpStatus == 429) {
            // Retry-After in seconds wins; otherwise the later of the reset and a dated Retry-After.
            holdUntil = retryRelative ? *retryAt : std::max(windowReset.value_or(0), retryAt.value_or(0));
            if (*holdUntil <= now) {
                // Refused without a usable time: wait one spike window, the shortest limit there is.
                qCWarning(lcRate) << "429 without a usable reset time; holding for one spike window";
                holdUntil = now + m_config.spikeWindow.count();
            }
        } else if (httpStatus == 503 && retryAt) {
            holdUntil = retryAt;
        }
        if (holdUntil && *holdUntil > now && *holdUntil > m_holdUntil) {
            qCInfo(lcRate) << "holding every request for" << (*holdUntil - now) << "ms after HTTP"
                           << httpStatus;
            m_holdUntil = *holdUntil;
            m_holdNext = *holdUntil;
        }
    }
    publish(now);
}

// A 429 states when the limit resets twice: as a Unix time on the server's clock (Reset) and as
// seconds from now (Retry-After). Their difference is how far the server's clock runs ahead of
// the meter's; later resets are read with it, so a skewed server neither stretches nor shortens
// the windows. Both are whole seconds: a difference within the rounding is no skew.
void RateLimitMeter::calibrateServerClock(qint64 resetServerMs, qint64 retryAtMeterMs)
{
    const qint64 ahead = resetServerMs - retryAtMeterMs;
    const qint64 next = std::abs(ahead) <= 2 * kResetRoundingMs || std::abs(ahead) > kMaxHoldMs ? 0 : ahead;
    if (std::abs(next - m_serverAheadMs) > 2 * kResetRoundingMs) {
        qCInfo(lcRate) << "the server's clock runs" << next / 1000 << "s ahead of ours (from a 429's"
                       << "Reset and Retry-After); reading its resets with that";
        m_serverAheadMs = next;
    }
}

RateLimitSnapshot RateLimitMeter::snapshotLocked(qint64 now) const
{
    RateLimitSnapshot s;
    s.headersSeen = m_headersSeen;
    s.hourlyLimit = hourlyLimitLocked();
    qint64 hourEnd = 0;
    s.hourlyRemaining = std::clamp(hourlyFreeAt(now, &hourEnd), 0, s.hourlyLimit);
    if (hourEnd > 0)
        s.hourlyResetAt = toWallTime(hourEnd);
    s.spikeLimit = spikeLimitLocked();
    if (s.spikeLimit > 0) {
        qint64 spikeEnd = 0;
        s.spikeRemaining = std::clamp(spikeFreeAt(now, &spikeEnd), 0, s.spikeLimit);
    }
    s.callsLastMinute = int(countIn(now - kMinuteMs + 1, now + 1));
    if (s.callsLastMinute > 0) {
        const qint64 lasts = qint64(double(s.hourlyRemaining) * kMinuteMs / s.callsLastMinute);
        const qint64 horizon = hourEnd > 0 ? hourEnd : now + m_config.hourWindow.count();
        if (now + lasts < horizon)
            s.predictedExhaustion = toWallTime(now + lasts);
    }
    if (now < m_holdUntil) {
        s.waitingUntil = toWallTime(m_holdUntil);
    } else {
        // Jobs wait too when the hourly budget left to them is spent.
        const Verdict hourly = hourlyRule(now, 1 + reserveLocked());
        if (!hourly.ok)
            s.waitingUntil = toWallTime(hourly.next);
    }
    return s;
}

RateLimitSnapshot RateLimitMeter::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    return snapshotLocked(nowMs());
}

int RateLimitMeter::pendingCalls() const
{
    QMutexLocker locker(&m_mutex);
    return m_pending;
}

qint64 RateLimitMeter::totalAcquired() const
{
    QMutexLocker locker(&m_mutex);
    return m_total;
}

// Emits now when the last emission is old enough, else once later from this object's thread.
void RateLimitMeter::publish(qint64 now)
{
    RateLimitSnapshot s;
    {
        QMutexLocker locker(&m_mutex);
        if (m_emittedOnce && now - m_lastEmitMs < kEmitIntervalMs && now >= m_lastEmitMs) {
            m_emitPending = true;
            if (!m_flushScheduled) {
                m_flushScheduled = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        QTimer::singleShot(std::chrono::milliseconds(kEmitIntervalMs), this,
                                           &RateLimitMeter::flushSnapshot);
                    },
                    Qt::QueuedConnection);
            }
            return;
        }
        m_emittedOnce = true;
        m_emitPending = false;
        m_lastEmitMs = now;
        s = snapshotLocked(now);
    }
    Q_EMIT snapshotChanged(s);
}

void RateLimitMeter::flushSnapshot()
{
    RateLimitSnapshot s;
    {
        QMutexLocker locker(&m_mutex);
        m_flushScheduled = false;
        if (!m_emitPending)
            return;
        m_emitPending = false;
        m_lastEmitMs = nowMs();
        s = snapshotLocked(m_lastEmitMs);
    }
    Q_EMIT snapshotChanged(s);
}

} // namespace trestle
