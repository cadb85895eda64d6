// The engine within a small API budget, against the sandbox over real HTTP: when the hourly
// budget is spent the job is Waiting ("waiting for API budget until HH:MM") and goes on by itself
// when the window resets; no item ever fails for the rate limit.
//
// The sandbox's hour is shortened with --time-scale, so a window lasts seconds.
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/transferengine.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;

namespace {

constexpr int kRateLimit = 40; // calls per (scaled) hour
constexpr int kTimeScale = 360; // an hour lasts 10 s

} // namespace

class TestEngineBudget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void waitsForTheBudgetAndGoesOn();
    // The budget test: 3,000 files share -> Procore at --rate-limit 900 --time-scale 600.
    void threeThousandFilesWithinBudget();

private:
    StoreFactory procoreFactory() const;
    // Spends the window's budget with Interactive calls (as browsing would) until Background calls
    // are held for at least a few more seconds; false if it cannot.
    bool spendBudget();

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

void TestEngineBudget::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty"),
                              QStringLiteral("--rate-limit"), QString::number(kRateLimit),
                              QStringLiteral("--time-scale"), QString::number(kTimeScale)}),
             qPrintable(m_sandbox.errorString()));
    RateLimitMeter::Config config;
    config.hourlyLimit = kRateLimit;
    config.hourWindow = std::chrono::milliseconds(3600 * 1000 / kTimeScale);
    QVERIFY2(m_connection.open(m_sandbox, config), qPrintable(m_connection.error));
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);
}

void TestEngineBudget::cleanupTestCase()
{
    m_journal.reset();
    m_database.reset();
    m_connection.client.reset();
    m_sandbox.stop();
}

StoreFactory TestEngineBudget::procoreFactory() const
{
    const std::shared_ptr<ConnectionContext> context = m_connection.context;
    const qint64 projectId = m_connection.projectId;
    return [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        client->setPriority(RateLimitMeter::Priority::Background); // as the job queue's stores do
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
}

bool TestEngineBudget::spendBudget()
{
    RateLimitMeter *meter = m_connection.meter.get();
    for (int round = 0; round < 4; ++round) {
        for (int call = 0; call < 2 * kRateLimit; ++call) {
            const QDateTime held = meter->snapshot().waitingUntil;
            if (held.isValid() && QDateTime::currentDateTimeUtc().msecsTo(held) > 3000)
                return true;
            if (held.isValid())
                break; // the window ends too soon: spend the next one instead
            const auto me = apitest::await<Me>([this](auto done) { m_connection.client->me(done); });
            if (!me.ok())
                return false;
        }
        apitest::spinUntil([meter] { return !meter->snapshot().waitingUntil.isValid(); }, 30000);
    }
    return false;
}

void TestEngineBudget::waitsForTheBudgetAndGoesOn()
{
    // 1 folder + 12 files: about 25 calls on the recommended path, after browsing spent the
    // window's budget.
    const QString share = m_dir.filePath(QStringLiteral("share"));
    constexpr int kFiles = 12;
    for (int i = 0; i < kFiles; ++i)
        putFile(share, QStringLiteral("Budget/file %1.txt").arg(i), QByteArray(100 + i, char('a' + i % 26)),
                fixedTime(i));
    LocalStore local(share);
    ProcoreStore planningStore(m_connection.client.get(), m_connection.projectId,
                               QStringLiteral("Sandbox project"));
    JobSpec spec;
    const qint64 jobId = m_journal->createJob(spec.toRecord()).value();
    PlanSummary summary;
    const Error planned = testing::planJob(spec, &local, &planningStore, &summary, m_journal.get(), jobId);
    QVERIFY2(!planned, qPrintable(planned.toString()));
    QCOMPARE(summary.filesNew, qint64(kFiles));
    QVERIFY(m_sandbox.resetStats());

    TransferEngine engine(
        *m_database, [share] { return std::make_unique<LocalStore>(share); }, procoreFactory(), 4);
    RateLimitMeter *meter = m_connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    engine.setRateLimitMeter(meter);
    int waitingReports = 0;
    int waitingInFuture = 0;
    bool journalSaidWaiting = false;
    connect(&engine, &TransferEngine::progress, this, [&](const EngineProgress &progress) {
        if (progress.state != JobState::Waiting)
            return;
        ++waitingReports;
        if (progress.waitingUntil.isValid() && progress.waitingUntil > QDateTime::currentDateTimeUtc())
            ++waitingInFuture;
        if (!journalSaidWaiting)
            journalSaidWaiting = m_journal->job(jobId).value().state == JobState::Waiting;
    });
    QSignalSpy finished(&engine, &TransferEngine::finished);
    QVERIFY(spendBudget());
    engine.start(jobId);
    QVERIFY(finished.wait(120000));
    const Error error = finished.constFirst().at(1).value<Error>();
    QVERIFY2(!error, qPrintable(error.toString()));

    const JobRecord record = m_journal->job(jobId).value();
    QCOMPARE(record.state, JobState::Done);
    QCOMPARE(record.itemsFailed, qint64(0));
    QCOMPARE(record.itemsDone, qint64(kFiles + 1));
    QVERIFY(waitingReports > 0);
    QVERIFY(waitingInFuture > 0);
    QVERIFY(journalSaidWaiting);
    QCOMPARE(engine.lastProgress().state, JobState::Done);
    QVERIFY(!engine.lastProgress().waitingUntil.isValid());
    const QJsonObject stats = m_sandbox.stats();
    qInfo("budget %d/window: %lld API calls, %d waiting reports, stats %s", kRateLimit, record.apiCalls,
          waitingReports, QJsonDocument(stats).toJson(QJsonDocument::Compact).constData());
}

void TestEngineBudget::threeThousandFilesWithinBudget()
{
    constexpr int kLimit = 900;
    constexpr int kScale = 600; // a window lasts 6 s
    constexpr int kFolders = 30;
    constexpr int kFiles = 3000;
    testing::SandboxProcess sandbox;
    QVERIFY2(
        sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--rate-limit"),
                       QString::number(kLimit), QStringLiteral("--time-scale"), QString::number(kScale)}),
        qPrintable(sandbox.errorString()));
    RateLimitMeter::Config config;
    config.hourlyLimit = kLimit;
    config.hourWindow = std::chrono::milliseconds(3600 * 1000 / kScale);
    apitest::Connection connection;
    QVERIFY2(connection.open(sandbox, config), qPrintable(connection.error));

    const QString share = m_dir.filePath(QStringLiteral("share3000"));
    for (int i = 0; i < kFiles; ++i)
        putFile(share, QStringLiteral("Area %1/sheet-%2.pdf").arg(i % kFolders).arg(i),
                QByteArray::number(i).repeated(20), fixedTime(i));
    LocalStore local(share);
    ProcoreStore planningStore(connection.client.get(), connection.projectId,
                               QStringLiteral("Sandbox project"));
    JobSpec spec;
    spec.destinationPath = QStringLiteral("Budget");
    const qint64 jobId = m_journal->createJob(spec.toRecord()).value();
    PlanSummary summary;
    const Error planned = testing::planJob(spec, &local, &planningStore, &summary, m_journal.get(), jobId);
    QVERIFY2(!planned, qPrintable(planned.toString()));
    QCOMPARE(summary.filesNew, qint64(kFiles));
    QVERIFY(sandbox.resetStats());

    const std::shared_ptr<ConnectionContext> context = connection.context;
    const qint64 projectId = connection.projectId;
    StoreFactory procore = [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        client->setPriority(RateLimitMeter::Priority::Background);
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
    TransferEngine engine(
        *m_database, [share] { return std::make_unique<LocalStore>(share); }, procore, 4);
    RateLimitMeter *meter = connection.meter.get();
    engine.setApiCallCounter([meter] { return meter->totalAcquired(); });
    engine.setRateLimitMeter(meter);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    QElapsedTimer clock;
    clock.start();
    engine.start(jobId);
    QVERIFY(finished.wait(280000));
    const qint64 elapsedMs = clock.elapsed();
    const Error error = finished.constFirst().at(1).value<Error>();
    QVERIFY2(!error, qPrintable(error.toString()));
    const JobRecord record = m_journal->job(jobId).value();
    QCOMPARE(record.itemsFailed, qint64(0));
    QCOMPARE(record.itemsDone, qint64(kFiles + kFolders + 1));
    const QJsonObject stats = sandbox.stats();
    const int refused = stats.value(QStringLiteral("status_429")).toInt();
    const qint64 windows = elapsedMs / (3600 * 1000 / kScale) + 1;
    qInfo("3,000 files at %d calls per 6 s window: %lld s, %d API calls (floor %lld), %d 429s in %lld "
          "windows",
          kLimit, elapsedMs / 1000, stats.value(QStringLiteral("total_api_calls")).toInt(),
          procoreCallFloor(summary.foldersToCreate, summary.filesNew), refused, windows);
    QVERIFY(refused <= windows);
    connection.client.reset();
    sandbox.stop();
}

QTEST_GUILESS_MAIN(TestEngineBudget)
#include "tst_engine_budget.moc"
