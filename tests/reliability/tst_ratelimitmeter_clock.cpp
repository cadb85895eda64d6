// RateLimitMeter when clocks disagree (issue 9, "the system clock jumping"): the client's wall
// clock jumps while the monotonic clock runs on, or the server's clock differs from ours. Both
// clocks are driven by hand: nothing sleeps, every assertion is on simulated milliseconds.
//
// What must hold: no wait grows by the size of a jump (an hour's stall), no limit is forgotten
// because of one (a flood the server answers with 429s), a relative Retry-After wins over an
// absolute reset from a skewed server, and the snapshot dates keep to the wall clock the user sees.
#include "core/api/ratelimitmeter.h"

#include <QTest>

#include <atomic>
#include <memory>

using namespace trestle;
using namespace std::chrono_literals;
using Priority = RateLimitMeter::Priority;

namespace {

constexpr qint64 kEpochMs = 1767225600000LL; // 2026-01-01T00:00:00Z
constexpr qint64 kHourMs = 3600 * 1000;

// A monotonic clock and a wall clock that runs with it until a test makes it jump.
class TwoClocks final
{
public:
    void advance(qint64 ms) { m_steady.fetch_add(ms); }
    void jumpWall(qint64 ms) { m_wallOffset.fetch_add(ms); }
    qint64 wallMs() const { return kEpochMs + m_steady.load() + m_wallOffset.load(); }

    RateLimitMeter::Config config(RateLimitMeter::Config config = {})
    {
        config.clock = [this] {
            return QDateTime::fromMSecsSinceEpoch(wallMs(), Qt::UTC);
        };
        config.steadyClock = [this] {
            return m_steady.load();
        };
        return config;
    }

private:
    std::atomic<qint64> m_steady{1000};
    std::atomic<qint64> m_wallOffset{0};
};

QByteArray num(qint64 n)
{
    return QByteArray::number(n);
}

} // namespace

class TestRateLimitMeterClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Regression: the Background schedule and every slot were wall-clock times, so a clock set back
    // an hour left the next job call an hour in the future of "now": the job stalled for an hour.
    void wallClockBackAnHourDoesNotStallJobs()
    {
        TwoClocks clocks;
        RateLimitMeter meter(clocks.config());
        // A described hour with plenty left: jobs are paced (about 1.2 s apart), not held.
        const qint64 reset = (clocks.wallMs() + 50 * 60 * 1000) / 1000;
        qint64 lastDelay = 0;
        for (int i = 0; i < 400; ++i) {
            lastDelay = meter.acquire(Priority::Background).count();
            meter.recordResponse(200, "3600", num(3000 - i), num(reset), {});
        }
        QVERIFY2(lastDelay < 10 * 60 * 1000, qPrintable(QString::number(lastDelay)));
        const qint64 before = meter.acquire(Priority::Background).count();
        meter.recordResponse(200, "3600", "2599", num(reset), {});

        clocks.jumpWall(-kHourMs);
        const qint64 after = meter.acquire(Priority::Background).count();
        // The pace goes on where it was: the next slot is about one interval after the previous one,
        // not an hour later.
        QVERIFY2(after <= before + 5000, qPrintable(QStringLiteral("%1 -> %2 ms").arg(before).arg(after)));
        QVERIFY2(after < 10 * 60 * 1000, qPrintable(QString::number(after)));
    }

    // Regression: a clock set forward an hour made every recent call look an hour old, so the
    // spike window we count ourselves was empty and the next calls went out at once (a burst the
    // server answers with 429).
    void wallClockForwardAnHourKeepsTheSpikeLimit()
    {
        TwoClocks clocks;
        RateLimitMeter::Config config;
        config.spikeLimit = 10;
        RateLimitMeter meter(clocks.config(config));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(meter.acquire(Priority::Interactive), 0ms);
        clocks.jumpWall(kHourMs);
        const qint64 eleventh = meter.acquire(Priority::Interactive).count();
        QVERIFY2(eleventh > 0 && eleventh <= 10000, qPrintable(QString::number(eleventh)));
    }

    // Regression: after our clock is set back an hour, the server's resets (its clock did not
    // move) looked an hour further away; one just over an hour ahead passed as believable, and a
    // spent window then held every call for an hour. They are read on the meter's own timeline.
    void serverResetsKeepTheirMeaningAfterOurClockJumps_data()
    {
        QTest::addColumn<qint64>("jump");
        QTest::newRow("back 1 h") << -kHourMs;
        QTest::newRow("forward 1 h") << kHourMs;
    }

    void serverResetsKeepTheirMeaningAfterOurClockJumps()
    {
        QFETCH(qint64, jump);
        TwoClocks clocks;
        RateLimitMeter meter(clocks.config());
        const qint64 serverNowMs = clocks.wallMs(); // the server's clock agrees with ours at first
        clocks.jumpWall(jump);
        // The hour is spent and resets in 30 s, on the server's (unmoved) clock.
        meter.acquire(Priority::Interactive);
        meter.recordResponse(200, "600", "0", num(serverNowMs / 1000 + 30), {});
        const qint64 wait = meter.acquire(Priority::Interactive).count();
        QVERIFY2(wait >= 29000 && wait <= 31000, qPrintable(QString::number(wait)));
    }

    // A hold (429 + Retry-After 30) lasts 30 s of real time whichever way the wall clock jumps.
    void holdLastsItsRealTimeAcrossJumps_data()
    {
        QTest::addColumn<qint64>("jump");
        QTest::newRow("back 1 h") << -kHourMs;
        QTest::newRow("forward 1 h") << kHourMs;
    }

    void holdLastsItsRealTimeAcrossJumps()
    {
        QFETCH(qint64, jump);
        TwoClocks clocks;
        RateLimitMeter meter(clocks.config());
        meter.acquire(Priority::Interactive);
        meter.recordResponse(429, {}, {}, {}, "30");
        clocks.advance(10000);
        clocks.jumpWall(jump);
        const qint64 wait = meter.acquire(Priority::Interactive).count();
        QVERIFY2(wait >= 20000 && wait <= 21000, qPrintable(QString::number(wait)));
        // The snapshot shows the end of the hold on the wall clock the user now sees.
        const qint64 until = meter.snapshot().waitingUntil.toMSecsSinceEpoch();
        QCOMPARE(until, clocks.wallMs() + 20000);
        clocks.advance(25000);
        QCOMPARE(meter.acquire(Priority::Interactive), 0ms);
    }

    // The server's clock is ahead of ours by `skew`: its X-Rate-Limit-Reset looks further away
    // than it is. A 429's Retry-After (seconds) is what the meter waits for; a reset beyond any
    // window is not believed at all.
    void skewedServerResetLosesToRetryAfter_data()
    {
        QTest::addColumn<qint64>("skewSeconds");
        QTest::addColumn<qint64>("resetInSeconds"); // on the server's clock
        QTest::newRow("server 10 min ahead") << qint64(600) << qint64(300);
        QTest::newRow("server 1 h ahead") << qint64(3600) << qint64(1200);
        QTest::newRow("server 1 h behind") << qint64(-3600) << qint64(1200);
    }

    void skewedServerResetLosesToRetryAfter()
    {
        QFETCH(qint64, skewSeconds);
        QFETCH(qint64, resetInSeconds);
        TwoClocks clocks;
        RateLimitMeter meter(clocks.config());
        const qint64 serverNow = clocks.wallMs() / 1000 + skewSeconds;
        meter.acquire(Priority::Background);
        meter.recordResponse(429, "600", "0", num(serverNow + resetInSeconds), num(resetInSeconds));
        const qint64 wait = meter.acquire(Priority::Interactive).count();
        QCOMPARE(wait, resetInSeconds * 1000);
    }

    // A reset more than an hour away (a server clock an hour or more ahead) paces nothing: jobs are
    // not spread over a window that does not exist. A reset in the past (server behind) is the
    // same: the meter counts its own calls.
    void implausibleResetsPaceNothing_data()
    {
        QTest::addColumn<qint64>("skewSeconds");
        // Regression: a reset up to a minute beyond the hour passed as clock skew, so a server an
        // hour ahead, in its window's last minute, held a spent budget for an hour.
        QTest::newRow("server 1 h ahead, window ends in 20 s") << qint64(3600 - 1800 + 20);
        QTest::newRow("server 2 h ahead") << qint64(2 * 3600);
        QTest::newRow("server 2 h behind") << qint64(-2 * 3600);
    }

    void implausibleResetsPaceNothing()
    {
        QFETCH(qint64, skewSeconds);
        TwoClocks clocks;
        RateLimitMeter meter(clocks.config());
        const qint64 reset = clocks.wallMs() / 1000 + skewSeconds + 1800;
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(meter.acquire(Priority::Background), 0ms);
            meter.recordResponse(200, "600", num(20 - qMin(i, 20)), num(reset), {});
        }
        QVERIFY(!meter.snapshot().waitingUntil.isValid());
    }

    // One hand-driven clock (the API the older suites use) still drives everything.
    void oneInjectedClockDrivesBoth()
    {
        std::atomic<qint64> ms{kEpochMs};
        RateLimitMeter::Config config;
        config.clock = [&ms] {
            return QDateTime::fromMSecsSinceEpoch(ms.load(), Qt::UTC);
        };
        RateLimitMeter meter(config);
        meter.recordResponse(503, {}, {}, {}, "5");
        QCOMPARE(meter.acquire(Priority::Interactive), 5000ms);
        ms.fetch_add(6000);
        QCOMPARE(meter.acquire(Priority::Interactive), 0ms);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitMeterClock)
#include "tst_ratelimitmeter_clock.moc"
