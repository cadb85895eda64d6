// Pacing against a scaled sandbox (--rate-limit 600 --time-scale 360 --spike-limit 25: an hour is
// 10 s): a burst of calls never meets a 429, and a budget drained from outside costs the client
// at most one 429 before it waits for the reset.
#include "apitestsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace trestle;

namespace {

// TRESTLE_PACING_CALLS overrides the call count (the brief's figure is 2,000).
int callCount()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("TRESTLE_PACING_CALLS", &ok);
    return ok && n > 0 ? n : 2000;
}

RateLimitMeter::Config scaledConfig()
{
    RateLimitMeter::Config config;
    config.hourlyLimit = 600;
    config.spikeLimit = 25;
    config.hourWindow = std::chrono::milliseconds(10000);
    config.spikeWindow = std::chrono::milliseconds(28); // 10 s / 360
    return config;
}

int status429(const testing::SandboxProcess &sandbox)
{
    return sandbox.stats().value(QStringLiteral("status_429")).toInt(-1);
}

} // namespace

class TestPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void burstWithoutRateLimit();
    void budgetDrainedFromOutside();

private:
    testing::SandboxProcess m_sandbox;
    apitest::Connection m_conn;
};

void TestPacing::initTestCase()
{
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal"), QStringLiteral("--rate-limit"),
                         QStringLiteral("600"), QStringLiteral("--time-scale"), QStringLiteral("360"),
                         QStringLiteral("--spike-limit"), QStringLiteral("25")}),
        qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_conn.open(m_sandbox, scaledConfig()), qPrintable(m_conn.error));
}

void TestPacing::burstWithoutRateLimit()
{
    const int calls = callCount();
    QVERIFY(m_sandbox.resetStats());
    ProcoreClient *client = m_conn.client.get();
    client->setPriority(RateLimitMeter::Priority::Background);
    int ok = 0, done = 0;
    QStringList errors;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < calls; ++i) {
        client->rootFolder(m_conn.projectId, {ProcoreClient::FolderQuery{true, true, false}},
                           [&](Result<Folder> r) {
                               ++done;
                               if (r.ok())
                                   ++ok;
                               else if (errors.size() < 5)
                                   errors.append(r.error().toString());
                           });
    }
    QVERIFY(apitest::spinUntil([&] { return done == calls; }, 600000));
    qInfo("%d calls in %.1f s (%.1f calls/s)", calls, timer.elapsed() / 1000.0,
          calls * 1000.0 / qMax<qint64>(1, timer.elapsed()));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(ok, calls);
    QCOMPARE(status429(m_sandbox), 0);
    QCOMPARE(m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt(), calls);
    QCOMPARE(m_conn.meter->pendingCalls(), 0);
}

void TestPacing::budgetDrainedFromOutside()
{
    // Spike limit off, so "until 429" means the hourly budget is gone.
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("spike_limit"), 0}}));
    const QUrl me = m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/rest/v1.0/me")));
    const QByteArray bearer = "Bearer " + m_conn.tokens->current().accessToken.toUtf8();
    int drained = 0;
    for (; drained < 2000; ++drained) {
        if (m_sandbox.request("GET", me, {}, {{"Authorization", bearer}}).status == 429)
            break;
    }
    QVERIFY(drained < 2000);
    QVERIFY(m_sandbox.resetStats());

    ProcoreClient *client = m_conn.client.get();
    client->setPriority(RateLimitMeter::Priority::Interactive);
    // One call after another, as a single worker would: the first meets the 429, the meter holds
    // until the reset, and the rest go through.
    constexpr int kCalls = 20;
    int ok = 0, done = 0;
    QStringList errors;
    std::function<void()> next = [&] {
        client->me([&](Result<Me> r) {
            ++done;
            if (r.ok())
                ++ok;
            else
                errors.append(r.error().toString());
            if (done < kCalls)
                next();
        });
    };
    next();
    QVERIFY(apitest::spinUntil([&] { return done == kCalls; }, 120000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(ok, kCalls);
    QVERIFY2(status429(m_sandbox) <= 1, qPrintable(QString::number(status429(m_sandbox))));
}

QTEST_GUILESS_MAIN(TestPacing)
#include "tst_pacing.moc"
