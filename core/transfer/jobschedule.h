#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTime>
#include <QTimeZone>

namespace trestle {

// When a job runs again by itself: every N hours, or daily at a time of day. Saved with the job's
// policies; the job queue fires it (a scheduled run resumes the job's journal, so it picks up where
// the last run stopped). A plain value.
struct JobSchedule final
{
    enum class Kind { None, EveryHours, DailyAt };

    Kind kind = Kind::None;
    int everyHours = 0; // EveryHours: 1..8760
    QTime at; // DailyAt: time of day in the user's time zone (minutes; seconds are dropped)

    static JobSchedule every(int hours);
    static JobSchedule dailyAt(const QTime &time);

    bool isActive() const { return kind != Kind::None; }
    bool operator==(const JobSchedule &other) const;
    bool operator!=(const JobSchedule &other) const { return !(*this == other); }

    // The first run strictly after `after`. EveryHours counts real elapsed time (`after` is the
    // last run's start), so a day with a DST change still runs every N real hours. DailyAt is the
    // wall-clock time in `zone`: on a day where that time does not exist (the spring gap) it runs
    // at the first valid moment after the gap, and where it exists twice (autumn) only at its
    // first occurrence. Invalid when inactive.
    QDateTime nextRun(const QDateTime &after, const QTimeZone &zone = QTimeZone::systemTimeZone()) const;

    // {"every": 6} or {"at": "07:30"}; {} when inactive.
    QJsonObject toJson() const;
    static Result<JobSchedule> fromJson(const QJsonObject &json);
    // The command line's forms: --every N (hours) and --at HH:MM.
    static Result<JobSchedule> fromEvery(const QString &hours);
    static Result<JobSchedule> fromAt(const QString &time);
    // For the user: "every 6 hours", "daily at 07:30".
    QString describe() const;
};

} // namespace trestle
