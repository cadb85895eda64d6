#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QMutex>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>

namespace trestle {

// What the UI's budget meter shows; published by RateLimitMeter::snapshotChanged.
struct RateLimitSnapshot
{
    int hourlyLimit = 0; // calls per hour (learned from headers, else configured)
    int hourlyRemaining = 0;
    QDateTime hourlyResetAt; // when the hourly window resets
    int spikeLimit = 0; // calls per spike window (0 if unknown)
    int spikeRemaining = 0;
    int callsLastMinute = 0;
    QDateTime predictedExhaustion; // at the current pace; invalid if the budget lasts the window
    QDateTime waitingUntil; // set while requests are held (429, Retry-After, or budget spent)
    bool headersSeen = false; // false: the server sends no X-Rate-Limit-* (meter counts itself)
};

// RateLimitMeter::Config. Outside the class so its default member initializers can serve as the
// constructor's default argument.
struct RateLimitMeterConfig
{
    int hourlyLimit = 3600; // used until headers say otherwise, and when they never do
    int spikeLimit = 0; // per spikeWindow; 0 = unknown/none
    std::chrono::milliseconds hourWindow{3600 * 1000};
    std::chrono::milliseconds spikeWindow{10 * 1000};
    double interactiveReserve = 0.10; // share of the hourly budget kept for Interactive
    // Wall clock (UTC). Read once at construction (where the meter's timeline starts, to read the
    // server's absolute times: X-Rate-Limit-Reset, a dated Retry-After), and to date the
    // snapshot. Empty: the system clock.
    std::function<QDateTime()> clock;
    // Monotonic milliseconds. Every window, pace and hold runs on it, so the wall clock jumping
    // (NTP, the user) neither stalls jobs for an hour nor lets them flood. Empty: CLOCK_BOOTTIME
    // on Linux (counts suspended time), else std::chrono::steady_clock; but when only `clock` is
    // injected, `clock` drives both (tests that move one hand-driven clock).
    std::function<qint64()> steadyClock;
};

// The API budget of one client application, shared by all its connections and worker threads.
// Thread-safe: every method may be called from any thread.
//
// Use: before each API call, ask acquire() how long to wait (0 = send now) and wait that long
// with a timer (never block a thread); after the reply, feed it to recordResponse().
//
// Pacing policy (why it looks like this):
//  - Hard limits first. A call is never placed where it would exceed a known window: the hourly
//    window (from X-Rate-Limit-* when the server describes it, else the configured limit counted
//    over a sliding hour of our own calls), the spike window (learned from headers or configured;
//    the described window's remaining count is honoured and, on top, no sliding spike window of our
//    own calls holds more than the limit, so no placement of the server's window can see more) and
//    any hold from a 429 / 503 Retry-After.
//    Background calls must also leave the Interactive reserve untouched; Interactive calls may
//    spend it and are paced by nothing but these hard limits.
//  - Background calls are then spread with a virtual schedule (GCRA): the interval is the time
//    left in the hourly window divided by the Background budget left in it (configured limit
//    minus reserve when the server says nothing), with a free burst of 5 % of the hourly limit.
//    So a small job (up to that burst) runs at full speed with 0 ms delays, a long job settles at
//    the even pace that lasts exactly until the reset and never meets a 429, and a job that idled
//    earns its burst back. Background calls are likewise spread over the spike window (interval
//    spikeWindow / spikeLimit, free burst of half the spike limit).
//  - Distinct slots: every acquire() reserves its slot in the schedule before returning, and
//    calls acquired but not yet answered count against every window. While a limit binds (pacing,
//    a hold, a full window) concurrent callers get different, spread-out delays; while none binds
//    they may all get 0 ms, which is the point of "don't slow a small job down needlessly".
//  - A hold (429 with Reset and/or Retry-After, 503 with Retry-After) delays every caller, of any
//    priority, until the hold time; held callers are then released one by one, spaced by the
//    spike interval (or the hourly average interval when no spike limit is known, at most 1 s).
//    Slots handed out before the hold arrived are not recalled: a caller that receives a 429
//    acquires again.
//  - Headers describe whichever window is nearer. A reset within about two spike windows (plus the
//    one-second rounding of Unix-second resets) with a limit below the hourly one is the spike
//    window; any other is the hourly window. Both models are kept; 3,600 is never assumed when the
//    server says otherwise.
//  - Cost: when the server has not described the hourly window, the even pace is computed for the
//    limit minus reserve minus the free burst, so a job running a whole hour uses slightly less
//    than its share; that is the price of 0 ms for small jobs.
class RateLimitMeter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitMeter)

public:
    enum class Priority {
        Interactive, // browsing the panes: may use the reserve
        Background, // jobs: leave the reserve alone and are paced over the window
    };

    using Config = RateLimitMeterConfig;

    explicit RateLimitMeter(Config config = {}, QObject *parent = nullptr);
    ~RateLimitMeter() override;

    // Reserves one call. Returns how long the caller must wait before sending it (0 = now).
    // Each returned slot is distinct: N callers asking at once get N spread-out delays.
    std::chrono::milliseconds acquire(Priority priority);
    // Gives back a slot acquired but not used (request cancelled before it was sent).
    void release();

    // Feeds a reply: status code and the raw values of X-Rate-Limit-Limit, -Remaining, -Reset
    // (Unix seconds) and Retry-After (seconds or HTTP date); empty when absent. A 429 or a 503
    // with Retry-After holds every request of this application until the reset / retry time.
    void recordResponse(int httpStatus, const QByteArray &limit, const QByteArray &remaining,
                        const QByteArray &reset, const QByteArray &retryAfter);

    RateLimitSnapshot snapshot() const;

    // Calls acquired and neither answered (recordResponse) nor given back (release).
    int pendingCalls() const;
    // Calls acquired since construction (released ones excluded).
    qint64 totalAcquired() const;

Q_SIGNALS:
    // Emitted (queued-safe, from any thread) when the snapshot changes, at most ~4 times a second.
    void snapshotChanged(const trestle::RateLimitSnapshot &snapshot);

private:
    // One window as last described by the server's headers.
    struct Window
    {
        bool seen = false;
        int limit = 0;
        int remaining = 0;
        qint64 resetMs = 0;
        qint64 observedMs = 0;
        int uncountedAtObservation = 0; // calls in flight when the header was read
        int acquiredSince = 0; // calls acquired since then, placed before the reset
    };
    // Where a window rule places a candidate time: ok, or the earliest time worth trying next.
    struct Verdict
    {
        bool ok = true;
        qint64 next = 0;
    };

    // Meter time: monotonic milliseconds, equal to the wall clock's at construction. Also
    // refreshes m_toWallMs (wall = meter time + m_toWallMs). Call with m_mutex held.
    qint64 nowMs() const;
    // A Unix time the server stated (X-Rate-Limit-Reset, a dated Retry-After) on the meter's
    // timeline: through what 429s taught about the server's clock, never through our wall clock
    // as it is now (after our clock jumps, the server's has not).
    qint64 fromServerTime(qint64 serverMs) const;
    // For display only: meter time on the wall clock the user sees now.
    QDateTime toWallTime(qint64 meterMs) const;
    int hourlyLimitLocked() const;
    int spikeLimitLocked() const;
    int reserveLocked() const;
    qint64 countIn(qint64 from, qint64 to) const;
    Verdict slidingRule(qint64 t, qint64 windowMs, int cap) const;
    Verdict hourlyRule(qint64 t, int needed) const;
    Verdict spikeRule(qint64 t) const;
    int hourlyFreeAt(qint64 t, qint64 *windowEnd) const;
    int spikeFreeAt(qint64 t, qint64 *windowEnd) const;
    qint64 earliestFeasible(qint64 t, Priority priority) const;
    qint64 holdSpacingMs() const;
    void observeWindow(qint64 now, int limit, int remaining, qint64 resetMs);
    void calibrateServerClock(qint64 resetServerMs, qint64 retryAtMeterMs);
    void prune(qint64 now);
    RateLimitSnapshot snapshotLocked(qint64 now) const;
    void publish(qint64 now);
    void flushSnapshot();

    mutable QMutex m_mutex;
    const Config m_config;
    std::function<QDateTime()> m_wallClock;
    std::function<qint64()> m_steadyClock;
    qint64 m_steadyOrigin = 0;
    qint64 m_wallOrigin = 0;
    mutable qint64 m_toWallMs = 0;
    bool m_skewWarned = false;
    qint64 m_serverAheadMs = 0; // the server's clock minus meter time, learnt from 429s
    std::deque<qint64> m_slots; // sorted send times (meter time) of our recent calls
    Window m_hourly;
    Window m_spike;
    qint64 m_holdUntil = 0; // 429 / Retry-After
    qint64 m_holdNext = 0; // next release slot of held callers
    double m_tatHour = 0; // virtual schedules (GCRA "theoretical arrival time") of Background
    double m_tatSpike = 0;
    int m_pending = 0;
    qint64 m_total = 0;
    bool m_headersSeen = false;
    qint64 m_lastEmitMs = 0;
    bool m_emittedOnce = false;
    bool m_emitPending = false;
    bool m_flushScheduled = false;
};

} // namespace trestle

Q_DECLARE_METATYPE(trestle::RateLimitSnapshot)
