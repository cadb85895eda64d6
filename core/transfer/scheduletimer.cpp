#include "core/transfer/scheduletimer.h"

#include "core/common/logging.h"

#include <algorithm>

namespace trestle {

ScheduleTimer::ScheduleTimer(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ScheduleTimer::fire);
}

ScheduleTimer::~ScheduleTimer() = default;

void ScheduleTimer::setClock(Clock clock)
{
    m_clock = std::move(clock);
    rearm();
}

QDateTime ScheduleTimer::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void ScheduleTimer::watch(qint64 jobId, const JobSchedule &schedule, const QDateTime &lastRun)
{
    const auto it = m_jobs.constFind(jobId);
    if (it != m_jobs.constEnd() && it->schedule == schedule && it->lastRun == lastRun)
        return;
    Watched watched{schedule, lastRun, schedule.nextRun(lastRun)};
    m_jobs.insert(jobId, watched);
}

void ScheduleTimer::unwatch(qint64 jobId)
{
    m_jobs.remove(jobId);
}

QDateTime ScheduleTimer::nextRun(qint64 jobId) const
{
    return m_jobs.value(jobId).next;
}

void ScheduleTimer::rearm()
{
    QDateTime earliest;
    for (const Watched &watched : std::as_const(m_jobs)) {
        if (watched.next.isValid() && (!earliest.isValid() || watched.next < earliest))
            earliest = watched.next;
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(now().msecsTo(earliest), 0, kMaxWaitMs);
    m_timer.start(int(wait));
}

void ScheduleTimer::fire()
{
    const QDateTime at = now();
    QList<qint64> dueJobs;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        if (it->next.isValid() && it->next <= at)
            dueJobs.append(it.key());
    }
    std::sort(dueJobs.begin(), dueJobs.end());
    for (qint64 jobId : std::as_const(dueJobs))
        m_jobs.remove(jobId);
    rearm();
    for (qint64 jobId : std::as_const(dueJobs)) {
        qCInfo(lcTransfer) << "schedule of job" << jobId << "is due";
        Q_EMIT due(jobId);
    }
}

} // namespace trestle
