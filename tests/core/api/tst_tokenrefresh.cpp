// Single-flight refresh across threads: 4 ProcoreClients in 4 threads hit an expired token at
// once; the sandbox must see exactly one refresh_token grant and all 4 calls must succeed, each
// sent again only when it got a 401.
#include "apitestsupport.h"

#include <QJsonObject>
#include <QMutex>
#include <QTest>
#include <QThread>

using namespace trestle;

namespace {

constexpr int kThreads = 4;

int refreshGrants(const testing::SandboxProcess &sandbox)
{
    return sandbox.stats()
        .value(QStringLiteral("token_grants"))
        .toObject()
        .value(QStringLiteral("refresh_token"))
        .toInt(-1);
}

} // namespace

class TestTokenRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void oneRefreshForConcurrentCallers_data();
    void oneRefreshForConcurrentCallers();
    void proactiveRefreshBeforeExpiry();

private:
    testing::SandboxProcess m_sandbox;
    apitest::Connection m_conn;
    QList<QThread *> m_threads;
    QList<ProcoreClient *> m_clients;
};

void TestTokenRefresh::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_conn.open(m_sandbox), qPrintable(m_conn.error));
    // The TokenManager stays in this (the main) thread; each client lives in its own thread.
    for (int i = 0; i < kThreads; ++i) {
        auto *thread = new QThread;
        thread->start();
        auto *client = new ProcoreClient(m_conn.context);
        client->moveToThread(thread);
        m_threads.append(thread);
        m_clients.append(client);
    }
}

void TestTokenRefresh::cleanupTestCase()
{
    for (int i = 0; i < m_clients.size(); ++i) {
        QMetaObject::invokeMethod(
            m_clients.at(i), [c = m_clients.at(i)] { delete c; }, Qt::BlockingQueuedConnection);
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete m_threads.at(i);
    }
}

void TestTokenRefresh::oneRefreshForConcurrentCallers_data()
{
    QTest::addColumn<int>("round");
    for (int i = 1; i <= 3; ++i)
        QTest::addRow("round %d", i) << i;
}

void TestTokenRefresh::oneRefreshForConcurrentCallers()
{
    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const quint64 generationBefore = m_conn.tokens->current().generation;

    QMutex mutex;
    QList<Result<Project>> results;
    for (ProcoreClient *client : std::as_const(m_clients)) {
        const qint64 companyId = m_conn.companyId;
        QMetaObject::invokeMethod(client, [client, companyId, &mutex, &results] {
            client->projects(companyId, [&mutex, &results](Result<QList<Project>> r) {
                QMutexLocker lock(&mutex);
                if (r.ok() && !r.value().isEmpty())
                    results.append(r.value().first());
                else
                    results.append(r.ok() ? Error(Error::Kind::Internal, QStringLiteral("empty"))
                                          : r.error());
            });
        });
    }
    QVERIFY(apitest::spinUntil([&] {
        QMutexLocker lock(&mutex);
        return results.size() == kThreads;
    }));
    for (const auto &r : std::as_const(results))
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(refreshGrants(m_sandbox), 1);
    QCOMPARE(m_conn.tokens->current().generation, generationBefore + 1);
    // A client that got a 401 sent its call once more with the new token; a client whose call
    // left after the refresh had finished sent it once (threads are scheduled as the machine
    // pleases, so how many got the 401 varies: CI saw 3 of 4). No call was sent a third time.
    const QJsonObject stats = m_sandbox.stats();
    const int unauthorized = stats.value(QStringLiteral("status_401")).toInt(-1);
    QVERIFY2(unauthorized >= 1 && unauthorized <= kThreads, qPrintable(QString::number(unauthorized)));
    QCOMPARE(stats.value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("GET /rest/v1.0/projects"))
                 .toInt(),
             kThreads + unauthorized);
}

void TestTokenRefresh::proactiveRefreshBeforeExpiry()
{
    // A token that lives 4 s: in its last quarter the client renews it before sending, so the
    // call is sent once (no 401 and retry).
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("token_lifetime"), 4}}));
    QNetworkAccessManager nam;
    const auto tokens = apitest::signIn(m_sandbox, &nam);
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("token_lifetime"), 5400}}));
    QVERIFY2(tokens.ok(), qPrintable(tokens.error().toString()));
    TokenManager manager(QStringLiteral("short"), apitest::sandboxClient(m_sandbox.baseUrl()), tokens.value(),
                         nullptr);
    auto context = std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), m_sandbox.baseUrl(),
                                                       m_conn.companyId, &manager, m_conn.meter.get());
    ProcoreClient client(context);
    QVERIFY(!manager.expiresWithin(std::chrono::seconds(60)));
    QTest::qWait(3300);
    QVERIFY(manager.expiresWithin(std::chrono::seconds(60)));
    QVERIFY(m_sandbox.resetStats());
    const auto me = apitest::await<Me>([&](auto done) { client.me(done); });
    QVERIFY2(me.ok(), qPrintable(me.error().toString()));
    QCOMPARE(refreshGrants(m_sandbox), 1);
    QCOMPARE(m_sandbox.stats()
                 .value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("GET /rest/v1.0/me"))
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestTokenRefresh)
#include "tst_tokenrefresh.moc"
