// Fault injection (--fault-rate 0.1 per kind): idempotent GETs all succeed in the end, and
// non-idempotent folder creates leave exactly one folder per name (checked in /_sandbox/state).
#include "apitestsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace trestle;

namespace {

constexpr int kGets = 40;
constexpr int kCreates = 20;

// The live (not deleted) entries named `name` among a state's folders or files.
QList<QJsonObject> liveNamed(const QJsonArray &entries, const QString &name)
{
    QList<QJsonObject> live;
    for (const QJsonValue &v : entries) {
        const QJsonObject entry = v.toObject();
        if (entry.value(QStringLiteral("name")).toString() == name
            && !entry.value(QStringLiteral("is_deleted")).toBool())
            live.append(entry);
    }
    return live;
}

} // namespace

class TestApiFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void faults_data();
    void faults();
    void deleteWhoseReplyWasLost();
    void createWhoseReplyWasLost();
    void fileCreateWhoseReplyWasLost();

private:
    // The calls the sandbox counted for an endpoint key ("POST /rest/v1.0/files") since its reset.
    int callsTo(const QString &endpoint) const;
    // The root's folders or files ("folders", "files") in the sandbox's state.
    QJsonArray rootEntries(const QString &kind) const;

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_conn;
    RetryPolicy m_policy;
};

void TestApiFaults::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_conn.open(m_sandbox), qPrintable(m_conn.error));
    // Short timeout so a stalled reply costs little; fast backoff so the suite stays short. Enough
    // attempts that 0.1 faults fail a call with odds of 1e-8.
    m_policy.maxAttempts = 8;
    m_policy.baseDelay = std::chrono::milliseconds(20);
    m_policy.maxDelay = std::chrono::milliseconds(200);
}

void TestApiFaults::faults_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"500", "502", "503", "reset", "truncate", "stall"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestApiFaults::faults()
{
    QFETCH(QString, kind);
    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.configure(
        QJsonObject{{QStringLiteral("fault_rate"), 0.1}, {QStringLiteral("fault_kinds"), QJsonArray{kind}}}));
    // A fresh meter per kind: the holds of the 503 row must not pace the rows after it.
    RateLimitMeter meter;
    auto context = std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), m_sandbox.baseUrl(),
                                                       m_conn.companyId, m_conn.tokens.get(), &meter);
    ProcoreClient clientObject(context);
    ProcoreClient *client = &clientObject;
    client->setTimeout(std::chrono::milliseconds(1500));
    client->setRetryPolicy(m_policy);
    const qint64 project = m_conn.projectId;

    int getsOk = 0, getsDone = 0;
    QStringList getErrors;
    for (int i = 0; i < kGets; ++i) {
        client->rootFolder(project, {}, [&](Result<Folder> r) {
            ++getsDone;
            if (r.ok() && r.value().id > 0)
                ++getsOk;
            else if (!r.ok())
                getErrors.append(r.error().toString());
        });
    }
    int createsOk = 0, createsDone = 0;
    QStringList createErrors;
    for (int i = 0; i < kCreates; ++i) {
        client->createFolder(project, 0, QStringLiteral("%1-%2").arg(kind).arg(i), [&](Result<Folder> r) {
            ++createsDone;
            if (r.ok())
                ++createsOk;
            else
                createErrors.append(r.error().toString());
        });
    }
    QVERIFY(apitest::spinUntil([&] { return getsDone == kGets && createsDone == kCreates; }, 120000));
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("fault_rate"), 0.0}}));
    QVERIFY2(getErrors.isEmpty(), qPrintable(getErrors.join(QLatin1Char('\n'))));
    QVERIFY2(createErrors.isEmpty(), qPrintable(createErrors.join(QLatin1Char('\n'))));
    QCOMPARE(getsOk, kGets);
    QCOMPARE(createsOk, kCreates);
    const int faults = m_sandbox.stats().value(QStringLiteral("faults_injected")).toInt();
    qInfo("%s: %d faults injected", qPrintable(kind), faults);
    QVERIFY(faults > 0); // the run did exercise the fault path

    // Exactly one folder per name: no create was duplicated, none lost.
    const QJsonObject state = m_sandbox.state(project);
    QMap<QString, int> seen;
    for (const QJsonValue &v :
         state.value(QStringLiteral("root")).toObject().value(QStringLiteral("folders")).toArray()) {
        const QJsonObject folder = v.toObject();
        const QString name = folder.value(QStringLiteral("name")).toString();
        if (name.startsWith(kind + QLatin1Char('-')) && !folder.value(QStringLiteral("is_deleted")).toBool())
            ++seen[name];
    }
    QCOMPARE(seen.size(), kCreates);
    for (auto it = seen.begin(); it != seen.end(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(QStringLiteral("%1 exists %2 times").arg(it.key()).arg(it.value())));
}

// A DELETE that took effect but whose answer was lost (connection reset after handling): sent again,
// it finds nothing, and that is success, not "not found". QNAM resends an idempotent method by
// itself when a kept-alive connection closes before the answer, so the second DELETE may come from
// Qt and not from ApiCall's retry (the soak met it: "round 52: not found").
void TestApiFaults::deleteWhoseReplyWasLost()
{
    ProcoreClient client(m_conn.context);
    client.setRetryPolicy(m_policy);
    const qint64 project = m_conn.projectId;
    const auto folder = apitest::await<Folder>(
        [&](auto done) { client.createFolder(project, 0, QStringLiteral("lost reply"), done); });
    QVERIFY2(folder.ok(), qPrintable(folder.error().toString()));
    // Warm the connection up, so the DELETE goes out on a kept-alive one (where Qt resends).
    QVERIFY(apitest::await<Folder>([&](auto done) { client.rootFolder(project, {}, done); }).ok());

    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.post(QStringLiteral("lose-replies?count=1")));
    const auto deleted =
        apitest::await<Done>([&](auto done) { client.deleteFolder(project, folder.value().id, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
    QCOMPARE(m_sandbox.stats().value(QStringLiteral("faults_injected")).toInt(), 1);
    QCOMPARE(m_sandbox.state(project, folder.value().id)
                 .value(QStringLiteral("root"))
                 .toObject()
                 .value(QStringLiteral("is_deleted"))
                 .toBool(),
             true);
}

// A create that took effect but whose answer was lost: one folder in the end, and the call succeeds
// with it (ProcoreClient looks before it creates again). Qt must not have sent it twice on its own.
void TestApiFaults::createWhoseReplyWasLost()
{
    ProcoreClient client(m_conn.context);
    client.setRetryPolicy(m_policy);
    const qint64 project = m_conn.projectId;
    QVERIFY(apitest::await<Folder>([&](auto done) { client.rootFolder(project, {}, done); }).ok());

    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.post(QStringLiteral("lose-replies?count=1")));
    const auto folder = apitest::await<Folder>(
        [&](auto done) { client.createFolder(project, 0, QStringLiteral("lost create"), done); });
    QVERIFY2(folder.ok(), qPrintable(folder.error().toString()));
    QCOMPARE(callsTo(QStringLiteral("POST /rest/v1.0/folders")), 1);
    QCOMPARE(liveNamed(rootEntries(QStringLiteral("folders")), QStringLiteral("lost create")).size(), 1);
}

// The same for a multipart create with the file's bytes (the budget saver's one call): one file
// with one version, and Qt did not send the body a second time.
void TestApiFaults::fileCreateWhoseReplyWasLost()
{
    ProcoreClient client(m_conn.context);
    client.setRetryPolicy(m_policy);
    const qint64 project = m_conn.projectId;
    const auto root = apitest::await<Folder>([&](auto done) { client.rootFolder(project, {}, done); });
    QVERIFY(root.ok());

    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.post(QStringLiteral("lose-replies?count=1")));
    QBuffer data;
    data.setData(QByteArray("%PDF-1.7 lost reply\n"));
    QVERIFY(data.open(QIODevice::ReadOnly));
    ProcoreClient::NewFile newFile;
    newFile.parentId = root.value().id;
    newFile.name = QStringLiteral("lost create.pdf");
    const auto file =
        apitest::await<File>([&](auto done) { client.createFileWithData(project, newFile, &data, done); });
    QVERIFY2(file.ok(), qPrintable(file.error().toString()));
    QCOMPARE(callsTo(QStringLiteral("POST /rest/v1.0/files")), 1);
    const QList<QJsonObject> live = liveNamed(rootEntries(QStringLiteral("files")), newFile.name);
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.first().value(QStringLiteral("versions")).toArray().size(), 1);
}

int TestApiFaults::callsTo(const QString &endpoint) const
{
    return m_sandbox.stats().value(QStringLiteral("by_endpoint")).toObject().value(endpoint).toInt();
}

QJsonArray TestApiFaults::rootEntries(const QString &kind) const
{
    return m_sandbox.state(m_conn.projectId).value(QStringLiteral("root")).toObject().value(kind).toArray();
}

QTEST_GUILESS_MAIN(TestApiFaults)
#include "tst_apifaults.moc"
