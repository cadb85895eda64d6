#pragma once

#include "core/api/ratelimitmeter.h"

#include <QDateTime>
#include <QVector>

#include <deque>

namespace trestle {

// The last hour of an API budget, one bucket a minute, for the meter's chart. Fed with every
// snapshot the meter publishes (at most a few a second), so it stays tiny: 60 buckets.
class BudgetHistory final
{
public:
    struct Minute
    {
        qint64 minute = 0; // minutes since the epoch (UTC)
        int calls = 0; // calls in that minute (the highest "calls last minute" seen in it)
        int remaining = -1; // remaining at the minute's last snapshot; -1 = no snapshot
        int limit = 0;
    };

    void record(const RateLimitSnapshot &snapshot, const QDateTime &now);
    // Exactly 60 buckets, oldest first, ending with the minute of `now`; minutes without a
    // snapshot have calls 0 and remaining -1.
    QVector<Minute> lastHour(const QDateTime &now) const;
    bool isEmpty() const { return m_minutes.empty(); }

private:
    std::deque<Minute> m_minutes;
};

} // namespace trestle
