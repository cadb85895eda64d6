#pragma once

#include <QMutex>
#include <QtGlobal>

#include <functional>

namespace trestle {

// One job's bandwidth cap, shared by all its workers: a token bucket over a virtual schedule
// (GCRA), so N workers together never average more than the rate, and a short burst (kBurstMs of
// the rate) passes at once. Thread-safe. reserve() only says how long to wait; the caller waits
// (the engine's metered devices sleep on the worker's pool or worker thread).
class BandwidthLimiter final
{
    Q_DISABLE_COPY_MOVE(BandwidthLimiter)

public:
    static constexpr qint64 kBurstMs = 250;

    // `clockMs`: a monotonic clock in ms, injected by tests; the default is a steady clock.
    explicit BandwidthLimiter(qint64 bytesPerSecond, std::function<qint64()> clockMs = {});

    // Accounts `bytes` that just moved (or are about to) and returns the ms to wait before more.
    qint64 reserve(qint64 bytes);

    qint64 bytesPerSecond() const { return m_rate; }
    // Every byte reserved so far, and the waits handed out (their sum, in ms).
    qint64 bytesAccounted() const;
    qint64 waitedMs() const;

private:
    const qint64 m_rate;
    std::function<qint64()> m_clock;
    mutable QMutex m_mutex;
    double m_tat = 0; // theoretical arrival time of the next byte, ms
    qint64 m_bytes = 0;
    qint64 m_waited = 0;
};

} // namespace trestle
