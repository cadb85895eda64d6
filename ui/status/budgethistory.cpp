#include "ui/status/budgethistory.h"

#include <algorithm>

namespace trestle {

namespace {

constexpr int kMinutes = 60;

qint64 minuteOf(const QDateTime &time)
{
    return time.toMSecsSinceEpoch() / 60000;
}

} // namespace

void BudgetHistory::record(const RateLimitSnapshot &snapshot, const QDateTime &now)
{
    const qint64 minute = minuteOf(now);
    if (m_minutes.empty() || m_minutes.back().minute < minute)
        m_minutes.push_back(Minute{minute, 0, -1, 0});
    Minute &bucket = m_minutes.back();
    bucket.calls = std::max(bucket.calls, snapshot.callsLastMinute);
    bucket.remaining = snapshot.hourlyRemaining;
    bucket.limit = snapshot.hourlyLimit;
    while (!m_minutes.empty() && m_minutes.front().minute <= minute - kMinutes)
        m_minutes.pop_front();
}

QVector<BudgetHistory::Minute> BudgetHistory::lastHour(const QDateTime &now) const
{
    const qint64 last = minuteOf(now);
    QVector<Minute> out;
    out.reserve(kMinutes);
    auto it = m_minutes.begin();
    for (qint64 minute = last - kMinutes + 1; minute <= last; ++minute) {
        while (it != m_minutes.end() && it->minute < minute)
            ++it;
        if (it != m_minutes.end() && it->minute == minute)
            out.append(*it);
        else
            out.append(Minute{minute, 0, -1, 0});
    }
    return out;
}

} // namespace trestle
