#include "core/transfer/bandwidthlimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <memory>

namespace trestle {

BandwidthLimiter::BandwidthLimiter(qint64 bytesPerSecond, std::function<qint64()> clockMs)
    : m_rate(qMax<qint64>(1, bytesPerSecond)), m_clock(std::move(clockMs))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] {
            return timer->elapsed();
        };
    }
}

qint64 BandwidthLimiter::reserve(qint64 bytes)
{
    if (bytes <= 0)
        return 0;
    QMutexLocker locker(&m_mutex);
    const double now = double(m_clock());
    const double start = std::max(m_tat, now);
    m_tat = start + double(bytes) * 1000.0 / double(m_rate);
    const qint64 wait = qMax<qint64>(0, qint64(m_tat - now) - kBurstMs);
    m_bytes += bytes;
    m_waited += wait;
    return wait;
}

qint64 BandwidthLimiter::bytesAccounted() const
{
    QMutexLocker locker(&m_mutex);
    return m_bytes;
}

qint64 BandwidthLimiter::waitedMs() const
{
    QMutexLocker locker(&m_mutex);
    return m_waited;
}

} // namespace trestle
