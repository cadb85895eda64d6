// What the fuzzers of tests/fuzz found, each as the behaviour expected of the fixed code. The raw
// crashing inputs are in regressions/<target>/ and replayed by fuzz_<target>_replay.
#include "core/api/ratelimitmeter.h"

#include <QTest>

using namespace trestle;

class TestFuzzFindings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateLimitHugeResetIsIgnored_data();
    void rateLimitHugeResetIsIgnored();
};

void TestFuzzFindings::rateLimitHugeResetIsIgnored_data()
{
    QTest::addColumn<QByteArray>("reset");
    QTest::addColumn<QByteArray>("retryAfter");
    // fuzz_ratelimit, 2026-11-26: an 18-digit X-Rate-Limit-Reset overflowed qint64 when turned
    // into milliseconds (signed overflow, UB); the wrapped value passed the sanity check.
    QTest::newRow("reset 18 digits") << QByteArray("180000368000030027") << QByteArray();
    QTest::newRow("reset 16 digits") << QByteArray("9223372036854775") << QByteArray();
    QTest::newRow("retry-after 18 digits") << QByteArray() << QByteArray("999999999999999999");
}

void TestFuzzFindings::rateLimitHugeResetIsIgnored()
{
    QFETCH(QByteArray, reset);
    QFETCH(QByteArray, retryAfter);
    const qint64 now = qint64(1800000000) * 1000;
    RateLimitMeter::Config config;
    config.clock = [now] {
        return QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    };
    RateLimitMeter meter(config);
    QCOMPARE(meter.acquire(RateLimitMeter::Priority::Background).count(), 0);
    meter.recordResponse(reset.isEmpty() ? 503 : 429, reset.isEmpty() ? QByteArray() : "3600",
                         reset.isEmpty() ? QByteArray() : "0", reset, retryAfter);
    const RateLimitSnapshot snapshot = meter.snapshot();
    // Unbelievable numbers are not a window description: the server's headers are ignored.
    QVERIFY(!snapshot.headersSeen);
    // A 429 without a usable time holds for one spike window, never for ages nor into the past.
    if (!reset.isEmpty()) {
        QVERIFY(snapshot.waitingUntil.isValid());
        QVERIFY(snapshot.waitingUntil.toMSecsSinceEpoch() > now);
        QVERIFY(snapshot.waitingUntil.toMSecsSinceEpoch() <= now + config.spikeWindow.count());
    }
    // And the next call is placed at a sane time (not overflowed to a negative or huge wait).
    const auto wait = meter.acquire(RateLimitMeter::Priority::Interactive);
    QVERIFY(wait.count() >= 0);
    QVERIFY(wait.count() <= config.spikeWindow.count() + 1000);
}

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "tst_fuzzfindings.moc"
