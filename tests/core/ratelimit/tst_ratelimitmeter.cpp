// Pure unit tests of RateLimitMeter with a hand-driven clock: nothing sleeps, every assertion is on
// counts and simulated times.
#include "core/api/ratelimitmeter.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <vector>

using namespace trestle;
using namespace std::chrono_literals;
using Priority = RateLimitMeter::Priority;

namespace {

// 2026-01-01T00:00:00Z: a round Unix time so Reset seconds line up with the simulated clock.
constexpr qint64 kEpochMs = 1767225600000LL;

// A clock tests move by hand; safe to read from several threads.
class ManualClock final
{
public:
    qint64 ms() const { return m_ms.load(); }
    void set(qint64 ms) { m_ms.store(ms); }
    void advance(qint64 ms) { m_ms.fetch_add(ms); }
    std::function<QDateTime()> function()
    {
        return [this] {
            return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC);
        };
    }

private:
    std::atomic<qint64> m_ms{kEpochMs};
};

QByteArray num(qint64 n)
{
    return QByteArray::number(n);
}

// The server side: the same model as tests/sandbox/ratelimiter.cpp (a window starts at the first
// call after the previous one ended; headers describe the nearer limit; Reset is rounded up).
struct SimServer
{
    struct Reply
    {
        int status = 200;
        QByteArray limit, remaining, reset, retryAfter;
    };
    int hourly = 600;
    int spike = 25;
    qint64 hourMs = 3600 * 1000;
    qint64 spikeMs = 10 * 1000;
    qint64 hourStart = -1, hourUsed = 0, spikeStart = -1, spikeUsed = 0;
    int refused = 0;
    std::vector<qint64> accepted;

    static void roll(qint64 now, qint64 length, qint64 *start, qint64 *used)
    {
        if (*start < 0 || now >= *start + length) {
            *start = now;
            *used = 0;
        }
    }
    static qint64 ceilSeconds(qint64 ms) { return (ms + 999) / 1000; }

    Reply handle(qint64 now)
    {
        roll(now, hourMs, &hourStart, &hourUsed);
        if (spike > 0)
            roll(now, spikeMs, &spikeStart, &spikeUsed);
        const bool hourSpent = hourUsed >= hourly;
        const bool spikeSpent = spike > 0 && spikeUsed >= spike;
        const bool allowed = !hourSpent && !spikeSpent;
        if (allowed) {
            ++hourUsed;
            ++spikeUsed;
            accepted.push_back(now);
        } else {
            ++refused;
        }
        const qint64 hourReset = hourStart + hourMs;
        const qint64 spikeReset = spikeStart + spikeMs;
        const qint64 hourRemaining = qMax<qint64>(0, hourly - hourUsed);
        const qint64 spikeRemaining = qMax<qint64>(0, spike - spikeUsed);
        const bool describeSpike = allowed ? spike > 0 && spikeRemaining < hourRemaining
                                           : spikeSpent && (!hourSpent || spikeReset > hourReset);
        const qint64 reset = describeSpike ? spikeReset : hourReset;
        Reply reply;
        reply.status = allowed ? 200 : 429;
        reply.limit = num(describeSpike ? spike : hourly);
        reply.remaining = num(describeSpike ? spikeRemaining : hourRemaining);
        reply.reset = num(ceilSeconds(reset));
        if (!allowed)
            reply.retryAfter = num(qMax<qint64>(1, ceilSeconds(reset - now)));
        return reply;
    }
};

qint64 maxInAnyInterval(const std::vector<qint64> &sortedTimes, qint64 length)
{
    qint64 best = 0;
    size_t left = 0;
    for (size_t right = 0; right < sortedTimes.size(); ++right) {
        while (sortedTimes[right] - sortedTimes[left] >= length)
            ++left;
        best = std::max<qint64>(best, qint64(right - left + 1));
    }
    return best;
}

} // namespace

class TestRateLimitMeter final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;

    std::unique_ptr<RateLimitMeter> makeMeter(RateLimitMeter::Config config = {})
    {
        m_clock.set(kEpochMs);
        config.clock = m_clock.function();
        return std::make_unique<RateLimitMeter>(std::move(config));
    }
    qint64 resetIn(qint64 ms) const { return (m_clock.ms() + ms) / 1000; }

private Q_SLOTS:
    void plentyOfBudgetMeansNoDelay()
    {
        auto meter = makeMeter();
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(meter->acquire(Priority::Background), 0ms);
            meter->recordResponse(200, "3600", num(3599 - i), num(resetIn(3000 * 1000)), {});
        }
        QCOMPARE(meter->pendingCalls(), 0);
        QCOMPARE(meter->totalAcquired(), 50);
    }

    void headersTellHourlyFromSpike()
    {
        auto meter = makeMeter();
        // Small limit, reset within the spike window: the spike limit.
        meter->recordResponse(200, "25", "20", num(resetIn(8000)), {});
        RateLimitSnapshot s = meter->snapshot();
        QVERIFY(s.headersSeen);
        QCOMPARE(s.spikeLimit, 25);
        QCOMPARE(s.spikeRemaining, 20);
        QCOMPARE(s.hourlyLimit, 3600); // configured until the server describes the hour
        // A reset far away: the hourly limit, whatever its size (never assume 3,600).
        meter->recordResponse(200, "600", "17", num(resetIn(1800 * 1000)), {});
        s = meter->snapshot();
        QCOMPARE(s.hourlyLimit, 600);
        QCOMPARE(s.hourlyRemaining, 17);
        QCOMPARE(s.hourlyResetAt.toSecsSinceEpoch(), resetIn(1800 * 1000));
        QCOMPARE(s.spikeLimit, 25);
        // The hourly window about to reset keeps its known limit and is not taken for the spike.
        meter->recordResponse(200, "600", "3", num(resetIn(5000)), {});
        s = meter->snapshot();
        QCOMPARE(s.hourlyLimit, 600);
        QCOMPARE(s.hourlyRemaining, 3);
        QCOMPARE(s.spikeLimit, 25);
        // A small hourly limit with a far reset is hourly too.
        meter->recordResponse(200, "25", "24", num(resetIn(3500 * 1000)), {});
        QCOMPARE(meter->snapshot().hourlyLimit, 25);
    }

    void noHeadersCountsOwnCalls()
    {
        RateLimitMeter::Config config;
        config.hourlyLimit = 100;
        config.spikeLimit = 10;
        config.interactiveReserve = 0;
        auto meter = makeMeter(config);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(meter->acquire(Priority::Interactive), 0ms);
            meter->recordResponse(200, {}, {}, {}, {});
        }
        // The 11th call of the same instant waits for the spike window to pass.
        const auto d = meter->acquire(Priority::Interactive);
        QVERIFY2(d >= 10000ms, qPrintable(QString::number(d.count())));
        meter->recordResponse(200, {}, {}, {}, {});
        RateLimitSnapshot s = meter->snapshot();
        QVERIFY(!s.headersSeen);
        QCOMPARE(s.hourlyLimit, 100);
        QCOMPARE(s.hourlyRemaining, 89);
        QCOMPARE(s.callsLastMinute, 10); // the 11th is still in the future

        // Spend the hour 10 s at a time: call 101 must wait for the first call to leave the hour.
        qint64 last = 0;
        for (int i = 11; i < 100; ++i) {
            m_clock.advance(10000);
            last = meter->acquire(Priority::Interactive).count();
            meter->recordResponse(200, {}, {}, {}, {});
        }
        QCOMPARE(meter->snapshot().hourlyRemaining, 0);
        const qint64 elapsed = m_clock.ms() - kEpochMs;
        const auto wait = meter->acquire(Priority::Interactive);
        QVERIFY2(wait.count() >= 3600 * 1000 - elapsed, qPrintable(QString::number(wait.count())));
        QVERIFY(last < 10000);
        QVERIFY(meter->snapshot().waitingUntil.isValid());
    }

    void pacingKeepsEveryWindow_data()
    {
        QTest::addColumn<bool>("configured");
        QTest::newRow("limits configured") << true;
        QTest::newRow("limits learned from headers") << false;
    }

    // 600 calls an hour, 25 per 10 s at the server; 4 workers ask for 2,000 calls.
    void pacingKeepsEveryWindow()
    {
        QFETCH(bool, configured);
        RateLimitMeter::Config config;
        if (configured) {
            config.hourlyLimit = 600;
            config.spikeLimit = 25;
        } // else: the default 3,600 and no spike limit, both wrong
        auto meter = makeMeter(config);
        SimServer server;
        enum class State { Idle, Sending, Answered };
        struct Worker
        {
            State state = State::Idle;
            qint64 at = kEpochMs;
            SimServer::Reply reply;
        };
        std::vector<Worker> workers(4);
        constexpr qint64 kLatencyMs = 40;
        int sent = 0;
        while (sent < 2000) {
            auto next = std::min_element(workers.begin(), workers.end(),
                                         [](const Worker &a, const Worker &b) { return a.at < b.at; });
            QVERIFY(next->at >= m_clock.ms());
            m_clock.set(next->at);
            switch (next->state) {
            case State::Idle:
                next->at += meter->acquire(Priority::Background).count();
                next->state = State::Sending;
                break;
            case State::Sending:
                next->reply = server.handle(m_clock.ms());
                ++sent;
                next->at += kLatencyMs;
                next->state = State::Answered;
                break;
            case State::Answered:
                meter->recordResponse(next->reply.status, next->reply.limit, next->reply.remaining,
                                      next->reply.reset, next->reply.retryAfter);
                next->state = State::Idle;
                break;
            }
        }
        QCOMPARE(server.refused, 0);
        QCOMPARE(int(server.accepted.size()), 2000);
        const qint64 took = server.accepted.back() - server.accepted.front();
        qInfo() << "2000 calls took" << took / 60000 << "simulated minutes; max per 10 s"
                << maxInAnyInterval(server.accepted, 10000) << "per minute"
                << maxInAnyInterval(server.accepted, 60000) << "per hour"
                << maxInAnyInterval(server.accepted, 3600 * 1000);
        // Budget not wasted: 540 Background calls an hour need under 4 hours for 2,000 calls.
        QVERIFY(took < 4 * 3600 * 1000);
        // Never more than the spike limit in any 10 s, whatever the server's window placement.
        QVERIFY(maxInAnyInterval(server.accepted, 10000) <= 25);
        if (configured) {
            // No burst: after the free burst (5 % of 600) the pace is about 9 a minute.
            QVERIFY(maxInAnyInterval(server.accepted, 60000) <= 30 + 12);
            // Nor more than the hourly limit in any hour, wherever it starts.
            QVERIFY(maxInAnyInterval(server.accepted, 3600 * 1000) <= 600);
        }
    }

    void reserveIsForInteractive()
    {
        auto meter = makeMeter();
        // Hourly limit 100 (reserve 10), 15 left, reset in 30 minutes.
        const qint64 reset = resetIn(1800 * 1000);
        meter->recordResponse(200, "100", "15", num(reset), {});
        for (int i = 0; i < 5; ++i) {
            const qint64 d = meter->acquire(Priority::Background).count();
            QVERIFY2(m_clock.ms() + d < reset * 1000, qPrintable(QString::number(d)));
        }
        // The sixth Background call would eat the reserve: it waits for the reset.
        QVERIFY(m_clock.ms() + meter->acquire(Priority::Background).count() >= reset * 1000);
        // Interactive calls may spend the reserve, at once.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(meter->acquire(Priority::Interactive), 0ms);
        // And not more.
        QVERIFY(m_clock.ms() + meter->acquire(Priority::Interactive).count() >= reset * 1000);
        QVERIFY(meter->snapshot().waitingUntil.isValid());
    }

    void tooManyRequestsHoldsEveryoneThenSpreads()
    {
        auto meter = makeMeter();
        meter->acquire(Priority::Background);
        meter->recordResponse(429, "25", "0", num(resetIn(6000)), "6");
        RateLimitSnapshot s = meter->snapshot();
        QCOMPARE(s.waitingUntil.toMSecsSinceEpoch(), m_clock.ms() + 6000);
        std::set<qint64> delays;
        for (int i = 0; i < 8; ++i) {
            const auto priority = i % 2 ? Priority::Interactive : Priority::Background;
            const qint64 d = meter->acquire(priority).count();
            QVERIFY2(d >= 6000, qPrintable(QString::number(d)));
            delays.insert(d);
        }
        QCOMPARE(int(delays.size()), 8); // distinct, spread out
        QCOMPARE(meter->pendingCalls(), 8);
        // Past the hold and its release, a call goes at once again.
        m_clock.advance(20000);
        for (int i = 0; i < 8; ++i)
            meter->recordResponse(200, "25", "24", num(resetIn(10000)), {});
        QCOMPARE(meter->acquire(Priority::Interactive), 0ms);
        QVERIFY(!meter->snapshot().waitingUntil.isValid());
    }

    // Regression: after a 503 + Retry-After with no spike limit known, the release after the hold
    // was spaced at the hourly pace (1 s at 3,600/h) and every caller that arrived during that
    // stretch extended it, so 60 concurrent calls took a minute after a one-second hold.
    void releaseAfterHoldIsNotPacedAtTheHourlyRate()
    {
        auto meter = makeMeter();
        meter->recordResponse(503, {}, {}, {}, "1");
        qint64 last = 0;
        for (int i = 0; i < 60; ++i)
            last = std::max<qint64>(last, meter->acquire(Priority::Interactive).count());
        QVERIFY2(last >= 1000, qPrintable(QString::number(last)));
        QVERIFY2(last <= 1000 + 60 * 50, qPrintable(QString::number(last)));
        // Well past the hold, a new caller goes at once even though others are still pending.
        m_clock.advance(10000);
        QCOMPARE(meter->acquire(Priority::Interactive), 0ms);
    }

    // Regression (tst_mainwindow): once a Background call had been held until the reset, the
    // pacing's theoretical arrival time stayed about an hour ahead, so when later headers showed
    // budget again in the same window (the limit raised, or the sandbox reconfigured) every
    // Background call still waited about an hour.
    void budgetSeenAgainEndsTheHold()
    {
        auto meter = makeMeter();
        meter->acquire(Priority::Background);
        meter->recordResponse(200, "108", "0", num(resetIn(30 * 60 * 1000)), {});
        const qint64 held = meter->acquire(Priority::Background).count();
        QVERIFY2(held >= 29 * 60 * 1000, qPrintable(QString::number(held)));
        meter->release(); // that call was given up

        meter->acquire(Priority::Interactive);
        meter->recordResponse(200, "3600", "3500", num(resetIn(30 * 60 * 1000)), {});
        const qint64 after = meter->acquire(Priority::Background).count();
        QVERIFY2(after < 5000, qPrintable(QStringLiteral("a Background call still waits %1 ms").arg(after)));
    }

    void serviceUnavailableRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        // kEpochMs + 90 s as an IMF-fixdate, and in the obsolete RFC 850 and asctime forms.
        QTest::newRow("http-date") << QByteArray("Thu, 01 Jan 2026 00:01:30 GMT") << qint64(90000);
        QTest::newRow("rfc850") << QByteArray("Thursday, 01-Jan-26 00:01:30 GMT") << qint64(90000);
        QTest::newRow("asctime") << QByteArray("Thu Jan  1 00:01:30 2026") << qint64(90000);
    }

    void serviceUnavailableRetryAfter()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, expectedMs);
        auto meter = makeMeter();
        meter->recordResponse(503, {}, {}, {}, retryAfter);
        QCOMPARE(meter->snapshot().waitingUntil.toMSecsSinceEpoch(), kEpochMs + expectedMs);
        QCOMPARE(meter->acquire(Priority::Interactive).count(), expectedMs);
        // A 503 without Retry-After is a server error, not a hold.
        auto other = makeMeter();
        other->recordResponse(503, {}, {}, {}, {});
        QCOMPARE(other->acquire(Priority::Interactive), 0ms);
    }

    void malformedHeadersAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("limit");
        QTest::addColumn<QByteArray>("remaining");
        QTest::addColumn<QByteArray>("reset");
        QTest::addColumn<QByteArray>("retryAfter");
        const QByteArray okReset = num(kEpochMs / 1000 + 600);
        QTest::newRow("text") << QByteArray("many") << QByteArray("some") << okReset << QByteArray();
        QTest::newRow("negative") << QByteArray("-5") << QByteArray("-1") << okReset << QByteArray();
        QTest::newRow("exponent") << QByteArray("1e9") << QByteArray("5") << okReset << QByteArray();
        QTest::newRow("remaining>limit") << QByteArray("10") << QByteArray("50") << okReset << QByteArray();
        QTest::newRow("zero limit") << QByteArray("0") << QByteArray("0") << okReset << QByteArray();
        QTest::newRow("huge") << QByteArray("99999999999999999999999") << QByteArray("1") << okReset
                              << QByteArray();
        QTest::newRow("reset far future")
            << QByteArray("600") << QByteArray("5") << QByteArray("99999999999") << QByteArray();
        QTest::newRow("only limit") << QByteArray("600") << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("garbage retry")
            << QByteArray() << QByteArray() << QByteArray() << QByteArray("soon, maybe\x01\xff");
        QTest::newRow("retry in a year")
            << QByteArray() << QByteArray() << QByteArray() << QByteArray("31536000");
    }

    void malformedHeadersAreIgnored()
    {
        QFETCH(QByteArray, limit);
        QFETCH(QByteArray, remaining);
        QFETCH(QByteArray, reset);
        QFETCH(QByteArray, retryAfter);
        auto meter = makeMeter();
        meter->recordResponse(503, limit, remaining, reset, retryAfter);
        const RateLimitSnapshot s = meter->snapshot();
        QVERIFY(!s.headersSeen);
        QCOMPARE(s.hourlyLimit, 3600);
        QCOMPARE(s.spikeLimit, 0);
        QVERIFY(!s.waitingUntil.isValid());
        QCOMPARE(meter->acquire(Priority::Interactive), 0ms);
    }

    void concurrentCallersGetDistinctSlotsWhenPaced()
    {
        RateLimitMeter::Config config;
        config.spikeLimit = 10;
        auto meter = makeMeter(config);
        std::set<qint64> paced;
        for (int i = 0; i < 40; ++i)
            paced.insert(meter->acquire(Priority::Background).count());
        // Half the spike limit goes at once, the rest is spread: every later slot is distinct.
        QCOMPARE(int(paced.size()), 40 - 5 + 1);
        meter->release();
        QCOMPARE(meter->pendingCalls(), 39);
        QCOMPARE(meter->totalAcquired(), 39);
    }

    void threadSafety()
    {
        RateLimitMeter::Config config;
        config.hourlyLimit = 1000000;
        auto meter = makeMeter(config);
        QSignalSpy spy(meter.get(), &RateLimitMeter::snapshotChanged);
        std::vector<std::unique_ptr<QThread>> threads;
        std::atomic<int> waited{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&meter, &waited, t] {
                for (int i = 0; i < 1000; ++i) {
                    const auto priority = (i + t) % 3 ? Priority::Background : Priority::Interactive;
                    if (meter->acquire(priority) > 0ms)
                        ++waited;
                    meter->recordResponse(200, "1000000", "900000", num(kEpochMs / 1000 + 3000), {});
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(meter->totalAcquired(), 4000);
        QCOMPARE(meter->pendingCalls(), 0);
        const RateLimitSnapshot s = meter->snapshot();
        QCOMPARE(s.callsLastMinute + waited.load(), 4000); // calls not delayed are in the last minute
        QCOMPARE(s.hourlyRemaining, 900000); // the last reply describes everything
        // The clock stood still: one emission at once, the rest folded into one trailing emission.
        QCOMPARE(spy.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
    }

    // While a limit binds, concurrent callers still get slots that together keep the limit.
    void threadSafetyWhilePaced()
    {
        RateLimitMeter::Config config;
        config.spikeLimit = 100;
        config.hourlyLimit = 1000000;
        auto meter = makeMeter(config);
        QMutex mutex;
        std::vector<qint64> placed;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 500; ++i) {
                    const auto priority = (i + t) % 3 ? Priority::Background : Priority::Interactive;
                    const qint64 slot = m_clock.ms() + meter->acquire(priority).count();
                    meter->recordResponse(200, {}, {}, {}, {});
                    QMutexLocker locker(&mutex);
                    placed.push_back(slot);
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(int(placed.size()), 2000);
        QCOMPARE(meter->totalAcquired(), 2000);
        QCOMPARE(meter->pendingCalls(), 0);
        std::sort(placed.begin(), placed.end());
        QCOMPARE(maxInAnyInterval(placed, 10000), 100);
        // 2,000 calls at 100 per 10 s need at least 19 more windows after the first.
        QVERIFY(placed.back() - placed.front() >= 19 * 10000);
    }

    void snapshotValuesAndThrottledSignal()
    {
        auto meter = makeMeter();
        QSignalSpy spy(meter.get(), &RateLimitMeter::snapshotChanged);
        meter->recordResponse(200, "600", "300", num(resetIn(1200 * 1000)), {});
        QCOMPARE(spy.count(), 1);
        const auto first = spy.at(0).at(0).value<RateLimitSnapshot>();
        QCOMPARE(first.hourlyLimit, 600);
        QCOMPARE(first.hourlyRemaining, 300);
        QVERIFY(first.headersSeen);
        // A burst of changes within 250 ms of the last emission: no new emission now...
        for (int i = 0; i < 100; ++i) {
            meter->acquire(Priority::Interactive);
            meter->recordResponse(200, "600", num(299 - i), num(resetIn(1200 * 1000)), {});
        }
        QCOMPARE(spy.count(), 1);
        // ...one trailing emission later, with the latest values.
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
        const auto trailing = spy.at(1).at(0).value<RateLimitSnapshot>();
        QCOMPARE(trailing.hourlyRemaining, 200);
        QCOMPARE(trailing.callsLastMinute, 100);
        // 300 calls left, 100 a minute: exhausted in 3 minutes, before the reset in 20.
        QCOMPARE(trailing.predictedExhaustion.toMSecsSinceEpoch(), m_clock.ms() + 2 * 60 * 1000);
        QVERIFY(!trailing.waitingUntil.isValid());
        // Once the throttle interval has passed, a change is published at once.
        m_clock.advance(300);
        meter->recordResponse(200, "600", "150", num(resetIn(1200 * 1000)), {});
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(2).at(0).value<RateLimitSnapshot>().hourlyRemaining, 150);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitMeter)
#include "tst_ratelimitmeter.moc"
