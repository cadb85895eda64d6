#include "core/transfer/jobschedule.h"

#include <QCoreApplication>

namespace trestle {

namespace {

constexpr int kMaxHours = 24 * 365;

Error invalid(const QString &what, const QString &value)
{
    return Error(
        Error::Kind::Validation,
        QCoreApplication::translate("trestle::JobSchedule", "The schedule \"%1\" is not valid.").arg(value),
        what);
}

// The moment `time` on `date` in `zone`: its first occurrence where the clock shows it twice, and
// the first moment after the gap where the clock skips it.
QDateTime wallClock(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    for (int minutes = 0; minutes <= 24 * 60; ++minutes) {
        const QTime wanted = time.addSecs(minutes * 60);
        if (minutes > 0 && wanted < time)
            break; // past midnight: no such moment that day
        QDateTime at(date, wanted, zone);
        if (!at.isValid() || at.date() != date || at.time() != wanted)
            continue; // in the gap (gaps are at most a few hours)
        const QDateTime earlier = at.addSecs(-3600);
        if (earlier.date() == date && earlier.time() == wanted)
            at = earlier; // the autumn repeat: the first of the two
        return at;
    }
    return {};
}

} // namespace

JobSchedule JobSchedule::every(int hours)
{
    JobSchedule schedule;
    schedule.kind = Kind::EveryHours;
    schedule.everyHours = hours;
    return schedule;
}

JobSchedule JobSchedule::dailyAt(const QTime &time)
{
    JobSchedule schedule;
    schedule.kind = Kind::DailyAt;
    schedule.at = QTime(time.hour(), time.minute());
    return schedule;
}

bool JobSchedule::operator==(const JobSchedule &other) const
{
    return kind == other.kind && everyHours == other.everyHours && at == other.at;
}

QDateTime JobSchedule::nextRun(const QDateTime &after, const QTimeZone &zone) const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::EveryHours:
        return after.toUTC().addSecs(qint64(everyHours) * 3600);
    case Kind::DailyAt: {
        const QDateTime local = after.toTimeZone(zone);
        for (int day = 0; day <= 2; ++day) {
            const QDateTime candidate = wallClock(local.date().addDays(day), at, zone);
            if (candidate.isValid() && candidate > after)
                return candidate.toUTC();
        }
        return {};
    }
    }
    return {};
}

QJsonObject JobSchedule::toJson() const
{
    QJsonObject json;
    if (kind == Kind::EveryHours)
        json.insert(QStringLiteral("every"), everyHours);
    else if (kind == Kind::DailyAt)
        json.insert(QStringLiteral("at"), at.toString(QStringLiteral("HH:mm")));
    return json;
}

Result<JobSchedule> JobSchedule::fromJson(const QJsonObject &json)
{
    if (json.contains(QStringLiteral("every"))) {
        const int hours = json.value(QStringLiteral("every")).toInt(0);
        if (hours < 1 || hours > kMaxHours)
            return invalid(QStringLiteral("every"),
                           json.value(QStringLiteral("every")).toVariant().toString());
        return every(hours);
    }
    if (json.contains(QStringLiteral("at")))
        return fromAt(json.value(QStringLiteral("at")).toString());
    return JobSchedule();
}

Result<JobSchedule> JobSchedule::fromEvery(const QString &hours)
{
    bool ok = false;
    const int value = hours.trimmed().toInt(&ok);
    if (!ok || value < 1 || value > kMaxHours)
        return invalid(QStringLiteral("every"), hours);
    return every(value);
}

Result<JobSchedule> JobSchedule::fromAt(const QString &time)
{
    const QTime parsed = QTime::fromString(time.trimmed(), QStringLiteral("H:mm"));
    if (!parsed.isValid())
        return invalid(QStringLiteral("at"), time);
    return dailyAt(parsed);
}

QString JobSchedule::describe() const
{
    switch (kind) {
    case Kind::None:
        return QCoreApplication::translate("trestle::JobSchedule", "not scheduled");
    case Kind::EveryHours:
        return QCoreApplication::translate("trestle::JobSchedule", "every %n hour(s)", nullptr, everyHours);
    case Kind::DailyAt:
        return QCoreApplication::translate("trestle::JobSchedule", "daily at %1")
            .arg(at.toString(QStringLiteral("HH:mm")));
    }
    return {};
}

} // namespace trestle
