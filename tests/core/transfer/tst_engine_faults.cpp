// The engine against a faulty sandbox (5 % of API and storage requests fail, every kind the
// sandbox offers: 500, 502, 503, reset, truncate, stall): share -> Procore -> share ends with zero
// failed items, no duplicate, and every file's sha256 equal to the original's (also the checksum
// the engine computed while the bytes streamed).
#include "apitestsupport.h"
#include "core/api/procoreclient.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/transferengine.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

class TestEngineFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyFaultKindEndsWithNothingFailed();

private:
    StoreFactory procoreFactory() const;
    qint64 planAndRun(const JobSpec &spec, Store *planSource, Store *planDestination,
                      const StoreFactory &source, const StoreFactory &destination);

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

void TestEngineFaults::initTestCase()
{
    // Signed in before the faults start (a sign-in is not what this test is about).
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty"),
                              QStringLiteral("--fault-seed"), QStringLiteral("7")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_connection.open(m_sandbox), qPrintable(m_connection.error));
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_journal = std::make_unique<Journal>(*m_database);
}

void TestEngineFaults::cleanupTestCase()
{
    m_journal.reset();
    m_database.reset();
    m_connection.client.reset();
    m_sandbox.stop();
}

StoreFactory TestEngineFaults::procoreFactory() const
{
    const std::shared_ptr<ConnectionContext> context = m_connection.context;
    const qint64 projectId = m_connection.projectId;
    return [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        client->setPriority(RateLimitMeter::Priority::Background);
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
}

qint64 TestEngineFaults::planAndRun(const JobSpec &spec, Store *planSource, Store *planDestination,
                                    const StoreFactory &source, const StoreFactory &destination)
{
    const qint64 jobId = m_journal->createJob(spec.toRecord()).value();
    // Planning lists folders through the faulty API too; the client retries what may be retried.
    PlanSummary summary;
    const Error planned =
        testing::planJob(spec, planSource, planDestination, &summary, m_journal.get(), jobId);
    if (planned) {
        qWarning() << "plan:" << planned.toString();
        return 0;
    }
    TransferEngine engine(*m_database, source, destination, 4);
    QSignalSpy finished(&engine, &TransferEngine::finished);
    engine.start(jobId);
    if (!finished.wait(240000))
        return 0;
    const Error error = finished.constFirst().at(1).value<Error>();
    if (error)
        qWarning() << "run:" << error.toString();
    return jobId;
}

void TestEngineFaults::everyFaultKindEndsWithNothingFailed()
{
    const QString share = m_dir.filePath(QStringLiteral("share"));
    QRandomGenerator random(5);
    constexpr int kFiles = 40;
    for (int i = 0; i < kFiles; ++i) {
        QByteArray bytes(int(random.bounded(60000)) + 1, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        putFile(share, QStringLiteral("Folder %1/file %2.bin").arg(i % 4).arg(i), bytes, fixedTime(i));
    }
    QJsonObject faults;
    faults.insert(QStringLiteral("fault_rate"), 0.05);
    QVERIFY(m_sandbox.configure(faults));
    QVERIFY(m_sandbox.resetStats());

    LocalStore local(share);
    ProcoreStore planning(m_connection.client.get(), m_connection.projectId,
                          QStringLiteral("Sandbox project"));
    JobSpec up;
    const qint64 upJob = planAndRun(
        up, &local, &planning, [share] { return std::make_unique<LocalStore>(share); }, procoreFactory());
    QVERIFY(upJob > 0);
    const JobRecord upRecord = m_journal->job(upJob).value();
    QCOMPARE(upRecord.itemsFailed, qint64(0));
    QCOMPARE(upRecord.state, JobState::Done);

    const QString back = m_dir.filePath(QStringLiteral("back"));
    QVERIFY(QDir().mkpath(back));
    LocalStore backStore(back);
    JobSpec down;
    const qint64 downJob = planAndRun(down, &planning, &backStore, procoreFactory(),
                                      [back] { return std::make_unique<LocalStore>(back); });
    QVERIFY(downJob > 0);
    const JobRecord downRecord = m_journal->job(downJob).value();
    const QJsonObject stats = m_sandbox.stats();
    qInfo("faults injected: %d; up: %lld items, down: %lld items; stats %s",
          stats.value(QStringLiteral("faults_injected")).toInt(), upRecord.itemsDone, downRecord.itemsDone,
          QJsonDocument(stats).toJson(QJsonDocument::Compact).constData());
    QVERIFY(stats.value(QStringLiteral("faults_injected")).toInt() > 0);
    QCOMPARE(downRecord.itemsFailed, qint64(0));
    QCOMPARE(downRecord.state, JobState::Done);
    // Nothing missing, nothing duplicated, every byte equal.
    const QMap<QString, QString> original = treeManifest(share);
    QCOMPARE(treeManifest(back), original);
    // The checksums computed while streaming match, both ways. An item found complete at the
    // destination after a lost answer moved no bytes that time, so it has none (and says why).
    int checked = 0;
    int mismatched = 0;
    int foundDone = 0;
    for (const qint64 jobId : {upJob, downJob}) {
        m_journal->forEachItem(jobId, [&](const JobItem &item) {
            if (item.action != ItemAction::Upload)
                return true;
            const QString rel = jobId == upJob ? item.sourcePath : item.destinationPath;
            if (item.checksum.isEmpty()) {
                foundDone += item.reason.contains(QStringLiteral("already at the destination")) ? 1 : 0;
            } else if (item.checksum == original.value(rel)) {
                ++checked;
            } else {
                ++mismatched;
                qWarning() << "checksum differs:" << rel;
            }
            return true;
        });
    }
    QCOMPARE(mismatched, 0);
    QCOMPARE(checked + foundDone, 2 * kFiles);
    QVERIFY(checked >= 2 * kFiles - 4);
}

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
