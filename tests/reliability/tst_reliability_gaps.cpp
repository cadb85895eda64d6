// Scenarios of issue 9 that tst_reliability_faults leaves out (same harness, same checks: both
// sides compared byte for byte, duplicates counted, a row of the table each):
// - A 429 storm with a drained budget. The fault suite's "429 storm" row has the job alone spend
//   its application's budget: its meter knows every call and paces (0 × 429). Here a second
//   consumer of the same client application (another Trestle, another integration) spends half of
//   every window behind the meter's back, and drains the window just before the job starts, so the
//   server answers the job with real 429s. The job waits them out and fails no item for them.
// - The sandbox killed and restarted in the middle of a download (the fault suite kills it during
//   an upload only).
#include "apitestsupport.h"
#include "core/transfer/engineprogress.h"
#include "reliabilityharness.h"

#include <QDir>
#include <QTest>
#include <QTimer>

using namespace trestle;
using reliability::Harness;
using reliability::SandboxCrash;
using reliability::ScenarioRow;

namespace {

// The sandbox's "hour" lasts 6 s here (--time-scale 600) with 30 calls in it.
constexpr int kBudget = 30;

// The other consumer: one call against the application's budget that changes nothing (a token
// request with a refresh token that does not exist: the token endpoint counts like /rest).
class Competitor final
{
public:
    explicit Competitor(const testing::SandboxProcess &sandbox) : m_sandbox(sandbox)
    {
        m_timer.setInterval(400); // 15 of every window's 30 calls
        QObject::connect(&m_timer, &QTimer::timeout, [this] { spend(); });
    }

    // Spends until the server refuses: the rest of this window is gone.
    bool drain()
    {
        for (int i = 0; i <= kBudget; ++i) {
            if (spend() == 429)
                return true;
        }
        return false;
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int calls() const { return m_calls; }
    int refused() const { return m_refused; }

private:
    int spend()
    {
        const QByteArray body = "grant_type=refresh_token&client_id=" + apitest::kClientId.toUtf8()
            + "&client_secret=" + apitest::kClientSecret.toUtf8() + "&refresh_token=not-a-token";
        const auto reply =
            m_sandbox.request("POST", m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))),
                              body, {{"Content-Type", "application/x-www-form-urlencoded"}});
        ++m_calls;
        if (reply.status == 429)
            ++m_refused;
        return reply.status;
    }

    const testing::SandboxProcess &m_sandbox;
    QTimer m_timer;
    int m_calls = 0;
    int m_refused = 0;
};

} // namespace

class TestReliabilityGaps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stormWithADrainedBudget();
    void sandboxKilledMidDownload();
};

void TestReliabilityGaps::stormWithADrainedBudget()
{
    Harness h;
    QVERIFY2(h.start({QStringLiteral("--rate-limit"), QString::number(kBudget),
                      QStringLiteral("--time-scale"), QStringLiteral("600")}),
             qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), 1, 6, 40000, 12);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 up = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(up > 0, qPrintable(error));

    Competitor competitor(h.sandbox());
    const auto jobRefusals = [&] {
        return h.sandbox().stats().value(QStringLiteral("status_429")).toInt() - competitor.refused();
    };
    QVERIFY(competitor.drain());
    int refusedBefore = jobRefusals();
    int callsBefore = competitor.calls();
    competitor.start();
    ScenarioRow row{QStringLiteral("429 storm, budget drained by another client (upload)"),
                    0,
                    int(expected.size()),
                    0,
                    0,
                    0,
                    {}};
    Error result = h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), up, 6, &row.runs);
    competitor.stop();
    const int upRefusals = jobRefusals() - refusedBefore;
    row.failures = h.itemsFailed(up);
    h.scoreRemote(expected, &row);
    row.note = QStringLiteral("429s to the job %1; the other client spent %2 calls")
                   .arg(upRefusals)
                   .arg(competitor.calls() - callsBefore);
    reliability::recordRow(row);
    QVERIFY2(!result, qPrintable(result.toString()));
    QVERIFY2(upRefusals >= 1, "no 429 reached the job: the scenario did not happen");
    QCOMPARE(row.runs, 1); // nothing failed for the limit, so no "retry failed" was needed
    QCOMPARE(row.failures, 0);
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);

    // And back, into an empty folder, through the same storm.
    const QString back = h.dir() + QStringLiteral("/back");
    QVERIFY(QDir().mkpath(back));
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(back), &error);
    QVERIFY2(down > 0, qPrintable(error));
    QVERIFY(competitor.drain());
    refusedBefore = jobRefusals();
    callsBefore = competitor.calls();
    competitor.start();
    ScenarioRow downRow{QStringLiteral("429 storm, budget drained by another client (download)"),
                        0,
                        int(expected.size()),
                        0,
                        0,
                        0,
                        {}};
    result = h.runUntilDone(h.procoreFactory(), Harness::localFactory(back), down, 6, &downRow.runs);
    competitor.stop();
    const int downRefusals = jobRefusals() - refusedBefore;
    downRow.failures = h.itemsFailed(down);
    Harness::compare(expected, Harness::localFiles(back), &downRow.lost, &downRow.duplicates);
    downRow.note = QStringLiteral("429s to the job %1; the other client spent %2 calls")
                       .arg(downRefusals)
                       .arg(competitor.calls() - callsBefore);
    reliability::recordRow(downRow);
    QVERIFY2(!result, qPrintable(result.toString()));
    QVERIFY2(downRefusals >= 1, "no 429 reached the job: the scenario did not happen");
    QCOMPARE(downRow.runs, 1);
    QCOMPARE(downRow.failures, 0);
    QCOMPARE(downRow.lost, 0);
    QCOMPARE(downRow.duplicates, 0);
}

void TestReliabilityGaps::sandboxKilledMidDownload()
{
    Harness h;
    const QString data = h.dir() + QStringLiteral("/sandbox-data");
    // --durable: what the sandbox acknowledged survives its SIGKILL, as on a real server.
    QVERIFY2(h.start({QStringLiteral("--data-dir"), data, QStringLiteral("--durable"),
                      QStringLiteral("--latency-ms"), QStringLiteral("20")}),
             qPrintable(h.errorString()));
    const auto expected = h.uploadShare(3, 6, 200000, 13);
    QVERIFY2(!expected.isEmpty(), qPrintable(h.errorString()));
    QString error;

    const QString back = h.dir() + QStringLiteral("/back");
    QVERIFY(QDir().mkpath(back));
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(back), &error);
    QVERIFY2(down > 0, qPrintable(error));
    SandboxCrash crash;
    QList<Error> errors;
    ScenarioRow row{
        QStringLiteral("sandbox killed and restarted mid-download"), 0, int(expected.size()), 0, 0, 0, {}};
    const Error result = h.runUntilDone(h.procoreFactory(), Harness::localFactory(back), down, 6, &row.runs,
                                        h.restartSandboxAfter(3, &crash), &errors);
    QVERIFY(crash.killed);
    QVERIFY2(crash.restarted, qPrintable(h.errorString()));
    row.failures = h.itemsFailed(down);
    // Nothing else in the folder: a leftover temporary file counts as a duplicate.
    Harness::compare(expected, Harness::localFiles(back), &row.lost, &row.duplicates);
    row.note = QStringLiteral("first run: %1")
                   .arg(errors.isEmpty() || !errors.first() ? QStringLiteral("done, no error")
                                                            : Error::kindName(errors.first().kind()));
    reliability::recordRow(row);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(row.failures, 0);
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);
}

QTEST_GUILESS_MAIN(TestReliabilityGaps)
#include "tst_reliability_gaps.moc"
