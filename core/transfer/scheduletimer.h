#pragma once

#include "core/transfer/jobschedule.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace trestle {

// Fires saved jobs' schedules (JobSchedule) on time, for the job queue: keeps, per job, its
// schedule and when it last ran, and one QTimer to the earliest next run; due() says which job's
// time has come (once; watch() it again for the next). A run missed while the application was not
// running is due at once. The clock is injectable (a test moves it instead of waiting); the timer
// never sleeps longer than kMaxWaitMs, so a clock that jumps is noticed within that.
class ScheduleTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleTimer)

public:
    using Clock = std::function<QDateTime()>;
    static constexpr int kMaxWaitMs = 10 * 60 * 1000;

    explicit ScheduleTimer(QObject *parent = nullptr);
    ~ScheduleTimer() override;

    // UTC now; default QDateTime::currentDateTimeUtc. Re-arms.
    void setClock(Clock clock);
    QDateTime now() const;

    // Watches a job whose schedule is active; `lastRun` is when it last started (the base of the
    // next run). Call rearm() after a batch of changes.
    void watch(qint64 jobId, const JobSchedule &schedule, const QDateTime &lastRun);
    void unwatch(qint64 jobId);
    // When the job runs next (invalid if not watched).
    QDateTime nextRun(qint64 jobId) const;
    void rearm();

Q_SIGNALS:
    void due(qint64 jobId);

private:
    struct Watched final
    {
        JobSchedule schedule;
        QDateTime lastRun;
        QDateTime next;
    };

    void fire();

    QHash<qint64, Watched> m_jobs;
    QTimer m_timer;
    Clock m_clock;
};

} // namespace trestle
