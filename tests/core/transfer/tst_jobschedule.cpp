// JobSchedule: JSON and command-line forms, and nextRun() across midnight and DST changes.
#include "core/transfer/jobpolicies.h"
#include "core/transfer/jobschedule.h"

#include <QTest>

using namespace trestle;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

QDateTime berlin(const QString &isoLocal)
{
    const QDateTime naive = QDateTime::fromString(isoLocal, Qt::ISODate);
    return QDateTime(naive.date(), naive.time(), kBerlin);
}

} // namespace

class TestJobSchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(kBerlin.isValid()); }
    void jsonRoundTrip();
    void rejectsInvalid();
    void everyHoursCountsRealTime();
    void dailyAcrossMidnight();
    void dailyInSpringGap();
    void dailyInAutumnRepeat();
    void inactiveHasNoNextRun();
};

void TestJobSchedule::jsonRoundTrip()
{
    for (const JobSchedule &schedule :
         {JobSchedule(), JobSchedule::every(6), JobSchedule::dailyAt(QTime(7, 30))}) {
        Result<JobSchedule> back = JobSchedule::fromJson(schedule.toJson());
        QVERIFY(back.ok());
        QVERIFY(back.value() == schedule);
        // And inside the job's policies.
        JobPolicies policies;
        policies.schedule = schedule;
        Result<JobPolicies> saved = JobPolicies::fromJsonText(policies.toJsonText());
        QVERIFY(saved.ok());
        QVERIFY(saved.value().schedule == schedule);
    }
    QCOMPARE(JobSchedule::dailyAt(QTime(7, 5)).toJson().value(QStringLiteral("at")).toString(),
             QStringLiteral("07:05"));
    QCOMPARE(JobSchedule::fromAt(QStringLiteral("7:05")).value(), JobSchedule::dailyAt(QTime(7, 5)));
    QCOMPARE(JobSchedule::fromEvery(QStringLiteral("12")).value(), JobSchedule::every(12));
    QCOMPARE(JobSchedule::every(1).describe(), QStringLiteral("every 1 hour(s)"));
}

void TestJobSchedule::rejectsInvalid()
{
    QVERIFY(!JobSchedule::fromEvery(QStringLiteral("0")).ok());
    QVERIFY(!JobSchedule::fromEvery(QStringLiteral("often")).ok());
    QVERIFY(!JobSchedule::fromAt(QStringLiteral("25:00")).ok());
    QVERIFY(!JobSchedule::fromAt(QStringLiteral("noon")).ok());
    QJsonObject bad;
    bad.insert(QStringLiteral("every"), -3);
    QVERIFY(!JobSchedule::fromJson(bad).ok());
    QJsonObject policies;
    policies.insert(QStringLiteral("schedule"), bad);
    QCOMPARE(JobPolicies::fromJson(policies).error().kind(), Error::Kind::Validation);
}

void TestJobSchedule::everyHoursCountsRealTime()
{
    const JobSchedule schedule = JobSchedule::every(6);
    QCOMPARE(schedule.nextRun(utc(QStringLiteral("2026-03-28T22:00:00Z")), kBerlin),
             utc(QStringLiteral("2026-03-29T04:00:00Z")));
    // Across the spring change in Berlin (02:00 -> 03:00 on 2026-03-29): two real hours after
    // 00:30 local is 03:30 local, not 02:30.
    const QDateTime last = berlin(QStringLiteral("2026-03-29T00:30:00"));
    const QDateTime next = JobSchedule::every(2).nextRun(last, kBerlin);
    QCOMPARE(last.secsTo(next), qint64(7200));
    QCOMPARE(next.toTimeZone(kBerlin).time(), QTime(3, 30));
}

void TestJobSchedule::dailyAcrossMidnight()
{
    const JobSchedule morning = JobSchedule::dailyAt(QTime(7, 30));
    // Before today's time: today; after (or at) it: tomorrow.
    QCOMPARE(morning.nextRun(berlin(QStringLiteral("2026-01-10T06:00:00")), kBerlin),
             berlin(QStringLiteral("2026-01-10T07:30:00")).toUTC());
    QCOMPARE(morning.nextRun(berlin(QStringLiteral("2026-01-10T07:30:00")), kBerlin),
             berlin(QStringLiteral("2026-01-11T07:30:00")).toUTC());
    const JobSchedule lateNight = JobSchedule::dailyAt(QTime(0, 15));
    QCOMPARE(lateNight.nextRun(berlin(QStringLiteral("2026-12-31T23:50:00")), kBerlin),
             berlin(QStringLiteral("2027-01-01T00:15:00")).toUTC());
    // The day after the spring change: still 07:30 on the wall clock (one hour less of UTC offset).
    QCOMPARE(morning.nextRun(berlin(QStringLiteral("2026-03-29T08:00:00")), kBerlin),
             utc(QStringLiteral("2026-03-30T05:30:00Z")));
    QCOMPARE(morning.nextRun(berlin(QStringLiteral("2026-03-28T08:00:00")), kBerlin),
             utc(QStringLiteral("2026-03-29T05:30:00Z")));
}

void TestJobSchedule::dailyInSpringGap()
{
    // 02:30 does not exist in Berlin on 2026-03-29: the run is at the first moment after the gap.
    const JobSchedule schedule = JobSchedule::dailyAt(QTime(2, 30));
    const QDateTime next = schedule.nextRun(berlin(QStringLiteral("2026-03-29T00:00:00")), kBerlin);
    QCOMPARE(next, utc(QStringLiteral("2026-03-29T01:00:00Z")));
    QCOMPARE(next.toTimeZone(kBerlin).time(), QTime(3, 0));
    // The next day it is 02:30 again.
    QCOMPARE(schedule.nextRun(next, kBerlin), utc(QStringLiteral("2026-03-30T00:30:00Z")));
}

void TestJobSchedule::dailyInAutumnRepeat()
{
    // 02:30 happens twice in Berlin on 2026-10-25 (00:30Z in summer time, 01:30Z in winter time):
    // one run, at the first.
    const JobSchedule schedule = JobSchedule::dailyAt(QTime(2, 30));
    const QDateTime next = schedule.nextRun(utc(QStringLiteral("2026-10-24T22:00:00Z")), kBerlin);
    QCOMPARE(next, utc(QStringLiteral("2026-10-25T00:30:00Z")));
    QCOMPARE(schedule.nextRun(next, kBerlin), utc(QStringLiteral("2026-10-26T01:30:00Z")));
}

void TestJobSchedule::inactiveHasNoNextRun()
{
    QVERIFY(!JobSchedule().nextRun(QDateTime::currentDateTimeUtc()).isValid());
    QVERIFY(!JobSchedule().isActive());
}

QTEST_GUILESS_MAIN(TestJobSchedule)
#include "tst_jobschedule.moc"
