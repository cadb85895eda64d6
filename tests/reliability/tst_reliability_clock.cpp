// The system clock jumping mid-job (issue 9). Two ways a job meets a clock that moves:
//  - "client": our wall clock jumps (NTP, a resumed laptop, the user). The connection's
//    RateLimitMeter gets a wall clock the test moves an hour forward and back while the job
//    runs; its monotonic clock is the real one, as in the product.
//  - "server": the server's clock differs from ours. The sandbox's --clock-offset (live
//    `clock_offset`) moves the X-Rate-Limit-Reset it states an hour ahead and back mid-job.
// The sandbox runs a tight budget (an "hour" of 6 s, 120 calls) and 40 ms of latency so the job
// lasts a few seconds, the meter paces and the server answers 429s; and it expires the access
// token every 25 calls. Each job must end done,
// both sides byte-equal, nothing duplicated, and no wait the meter announces may grow with the
// jump (an hour's stall would also end the run at the harness's 300 s).
#include "core/api/connectioncontext.h"
#include "core/api/procoreclient.h"
#include "core/api/ratelimitmeter.h"
#include "core/store/procorestore.h"
#include "reliabilityharness.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>

using namespace trestle;
using reliability::Harness;
using reliability::ScenarioRow;

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
// A legitimate wait here is at most one of the sandbox's 6-second hours plus the release spacing.
constexpr qint64 kMaxBelievableWaitMs = 60 * 1000;

qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Jumps the clock once at a quarter of the job's items and once more (back) at half of them.
class JumpPlan final
{
public:
    JumpPlan(std::function<void(qint64)> jump, qint64 first) : m_jump(std::move(jump)), m_first(first) { }

    void onProgress(const EngineProgress &p)
    {
        const qint64 done = p.itemsDone + p.itemsFailed + p.itemsSkipped;
        if (m_step == 0 && done * 4 >= p.itemsTotal && done > 0) {
            m_jump(m_first);
            ++m_step;
        } else if (m_step == 1 && done * 2 >= p.itemsTotal) {
            m_jump(-m_first);
            ++m_step;
        }
    }
    int jumps() const { return m_step; }

private:
    std::function<void(qint64)> m_jump;
    qint64 m_first = 0;
    int m_step = 0;
};

// Procore stores whose calls are Background, as a job's are in the product (connectionstores.cpp):
// only those are paced, and pacing is what a jumping clock used to stall.
StoreFactory jobFactory(const apitest::Connection &connection)
{
    const std::shared_ptr<ConnectionContext> context = connection.context;
    const qint64 projectId = connection.projectId;
    return [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        client->setPriority(RateLimitMeter::Priority::Background);
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
}

} // namespace

class TestReliabilityClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clockJumpsMidJob_data();
    void clockJumpsMidJob();
};

void TestReliabilityClock::clockJumpsMidJob_data()
{
    QTest::addColumn<bool>("clientClock");
    QTest::newRow("client clock +1 h / -1 h") << true;
    QTest::newRow("server clock +1 h / -1 h") << false;
}

void TestReliabilityClock::clockJumpsMidJob()
{
    QFETCH(bool, clientClock);
    Harness h;
    QVERIFY2(h.start({QStringLiteral("--time-scale"), QStringLiteral("600"), QStringLiteral("--rate-limit"),
                      QStringLiteral("120"), QStringLiteral("--latency-ms"), QStringLiteral("40")}),
             qPrintable(h.errorString()));

    // The product's meter, but with a wall clock the test can move: what the engine sees when the
    // machine's clock jumps. Swapped in before any job; the harness builds stores from context.
    std::atomic<qint64> wallJumpMs{0};
    RateLimitMeter::Config config;
    config.clock = [&wallJumpMs] {
        return QDateTime::currentDateTimeUtc().addMSecs(wallJumpMs.load());
    };
    config.steadyClock = &steadyMs;
    apitest::Connection &connection = h.connection();
    connection.client.reset();
    auto meter = std::make_unique<RateLimitMeter>(config);
    connection.context = std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), h.sandbox().baseUrl(),
                                                             0, connection.tokens.get(), meter.get());
    connection.context->setCompanyId(connection.companyId);
    connection.meter = std::move(meter);

    qint64 maxWaitMs = 0;
    QObject::connect(connection.meter.get(), &RateLimitMeter::snapshotChanged, connection.meter.get(),
                     [&](const RateLimitSnapshot &s) {
                         if (!s.waitingUntil.isValid())
                             return;
                         const qint64 now = QDateTime::currentMSecsSinceEpoch() + wallJumpMs.load();
                         maxWaitMs = std::max(maxWaitMs, s.waitingUntil.toMSecsSinceEpoch() - now);
                     });
    Harness &harness = h;
    qint64 serverOffsetSeconds = 0;
    auto jumpBy = [&](qint64 ms) {
        if (clientClock) {
            wallJumpMs.fetch_add(ms);
            return;
        }
        serverOffsetSeconds += ms / 1000;
        QVERIFY(harness.sandbox().configure({{QStringLiteral("clock_offset"), double(serverOffsetSeconds)}}));
    };

    const QString share = h.makeShare(QStringLiteral("share"), 3, 8, 60000, 11);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 up = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(up > 0, qPrintable(error));
    QVERIFY(h.sandbox().configure({{QStringLiteral("expire_tokens_every"), 25}}));
    QVERIFY(h.sandbox().resetStats());

    const QString name = QString::fromLatin1(QTest::currentDataTag());
    JumpPlan upJumps(jumpBy, kHourMs); // +1 h, then back
    ScenarioRow row{name + QStringLiteral(" (upload)"), 0, int(expected.size()), 0, 0, 0, {}};
    Error result = h.runUntilDone(Harness::localFactory(share), jobFactory(connection), up, 6, &row.runs,
                                  [&upJumps](const EngineProgress &p) { upJumps.onProgress(p); });
    row.failures = h.itemsFailed(up);
    int duplicates = 0;
    int extra = 0;
    const auto remote = h.remoteManifest(&duplicates);
    Harness::compare(expected, remote, &row.lost, &extra);
    row.duplicates = duplicates + extra;
    QJsonObject stats = h.sandbox().stats();
    const int upRefused = stats.value(QStringLiteral("status_429")).toInt();
    row.note = QStringLiteral("jumps %1, longest announced wait %2 ms, 429s %3")
                   .arg(upJumps.jumps())
                   .arg(maxWaitMs)
                   .arg(upRefused);
    reliability::recordRow(row);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(upJumps.jumps(), 2);
    QCOMPARE(row.failures, 0);
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);
    QVERIFY2(maxWaitMs <= kMaxBelievableWaitMs, qPrintable(QString::number(maxWaitMs)));

    // And back, the jumps the other way round: -1 h, then forward again.
    const QString back = h.dir() + QStringLiteral("/back");
    QVERIFY(QDir().mkpath(back));
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(back), &error);
    QVERIFY2(down > 0, qPrintable(error));
    QVERIFY(h.sandbox().resetStats());
    maxWaitMs = 0;
    JumpPlan downJumps(jumpBy, -kHourMs);
    ScenarioRow downRow{name + QStringLiteral(" (download)"), 0, int(expected.size()), 0, 0, 0, {}};
    result = h.runUntilDone(jobFactory(connection), Harness::localFactory(back), down, 6, &downRow.runs,
                            [&downJumps](const EngineProgress &p) { downJumps.onProgress(p); });
    downRow.failures = h.itemsFailed(down);
    Harness::compare(expected, Harness::localFiles(back), &downRow.lost, &downRow.duplicates);
    stats = h.sandbox().stats();
    downRow.note = QStringLiteral("jumps %1, longest announced wait %2 ms, 429s %3")
                       .arg(downJumps.jumps())
                       .arg(maxWaitMs)
                       .arg(stats.value(QStringLiteral("status_429")).toInt());
    reliability::recordRow(downRow);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(downJumps.jumps(), 2);
    QCOMPARE(downRow.failures, 0);
    QCOMPARE(downRow.lost, 0);
    QCOMPARE(downRow.duplicates, 0);
    QVERIFY2(maxWaitMs <= kMaxBelievableWaitMs, qPrintable(QString::number(maxWaitMs)));
}

QTEST_GUILESS_MAIN(TestReliabilityClock)
#include "tst_reliability_clock.moc"
