// ConnectionStores against the sandbox over real HTTP, with the real keychain (run under
// installer/headless.sh): saved connections made by ConnectionSetup become stores for the calling
// thread and for worker threads, sharing one TokenManager per connection.
#include "core/api/ratelimitmeter.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "core/store/listjob.h"
#include "core/store/store.h"

#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>

#include <atomic>

using namespace trestle;
using testing::capture;

namespace {

// prepare() as a blocking call (tests only).
Error prepareNow(ConnectionStores &stores, const QString &connection)
{
    std::optional<Error> result;
    stores.prepare(connection, [&result](const Error &error) { result = error; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return Error(Error::Kind::Timeout, QStringLiteral("prepare() did not answer"));
    return *result;
}

// The sorted names of a folder, or the error.
Result<QStringList> listNow(Store *store, const StorePath &folder = StorePath::root())
{
    ListJob *job = store->list(folder);
    job->setAutoDelete(false);
    std::unique_ptr<ListJob> owner(job);
    job->start();
    if (!QTest::qWaitFor([job] { return job->isFinished(); }, 20000))
        return Error(Error::Kind::Timeout, QStringLiteral("list did not finish"));
    if (job->error())
        return job->error();
    QStringList names;
    for (const Entry &entry : job->entries())
        names.append(entry.name);
    names.sort();
    return names;
}

// What one worker thread saw: its store lists the root in its own thread, with its own client.
struct ThreadResult
{
    QStringList names;
    Error error;
    bool storeMade = false;
};

void listInThread(const StoreFactory &factory, ThreadResult *result)
{
    std::unique_ptr<Store> store = factory();
    result->storeMade = store != nullptr;
    if (!store) {
        QThread::currentThread()->quit();
        return;
    }
    Store *raw = store.release();
    ListJob *job = raw->list(StorePath::root());
    QObject::connect(job, &StoreJob::finished, raw, [raw, job, result] {
        result->error = job->error();
        for (const Entry &entry : job->entries())
            result->names.append(entry.name);
        result->names.sort();
        // The job is the store's child's business: destroy the store once the job has returned.
        QTimer::singleShot(0, raw, [raw] {
            delete raw;
            QThread::currentThread()->quit();
        });
    });
    job->start();
}

int grants(const testing::SandboxProcess &sandbox, const QString &grant)
{
    return sandbox.stats().value(QStringLiteral("token_grants")).toObject().value(grant).toInt();
}

} // namespace

class TestConnectionStores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serviceAccountOpensProject();
    void factoryInFourThreadsSharesOneTokenManager();
    void revokedSignInNeedsReconnect();
    void missingKeychainEntry();
    void unknownConnection();
    void shareConnection();
    void parseEndpoint();
    void webLink();

private:
    ConnectionServices services() const { return m_fixture.services(); }
    ConnectionProfile procoreProfile(const QString &name);

    testing::SandboxProcess m_sandbox;
    testing::ServicesFixture m_fixture;
};

void TestConnectionStores::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestConnectionStores::init()
{
    QVERIFY(m_fixture.reset());
}

void TestConnectionStores::cleanup()
{
    m_fixture.clear();
}

ConnectionProfile TestConnectionStores::procoreProfile(const QString &name)
{
    ConnectionProfile profile;
    profile.displayName = name;
    profile.platform = ConnectionProfile::Platform::Procore;
    profile.apiBaseUrl = QUrl(QStringLiteral("https://api.procore.com"));
    profile.authBaseUrl = QUrl(QStringLiteral("https://login.procore.com"));
    profile.clientId = QStringLiteral("client");
    profile.companyId = 5;
    profile.projectId = 77;
    profile.projectName = name;
    return m_fixture.profiles()->add(profile).value();
}

void TestConnectionStores::serviceAccountOpensProject()
{
    const auto saved =
        testing::saveServiceAccountConnection(services(), m_sandbox, QStringLiteral("Tower A"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    const QString id = saved.value().id;

    ConnectionStores stores(services());
    Error error;
    QVERIFY(!stores.openStore(id, &error)); // not prepared yet
    QVERIFY(error);
    QVERIFY(!stores.factory(id));

    const Error prepared = prepareNow(stores, id);
    QVERIFY2(!prepared, qPrintable(prepared.toString()));
    QCOMPARE(stores.displayName(id), QStringLiteral("Tower A"));
    QVERIFY(stores.meter(id));
    QCOMPARE(stores.meter(id),
             m_fixture.meters()->meterFor(saved.value().authBaseUrl, saved.value().clientId));

    std::unique_ptr<Store> store = stores.openStore(id, &error);
    QVERIFY2(store, qPrintable(error.toString()));
    const qint64 before = stores.meter(id)->totalAcquired();
    const Result<QStringList> names = listNow(store.get());
    QVERIFY2(names.ok(), qPrintable(names.error().toString()));
    QVERIFY(!names.value().isEmpty()); // the seed's project has folders and files
    QCOMPARE(stores.meter(id)->totalAcquired(), before + 1); // one GET of the root folder
    // The sandbox's own record of the root agrees.
    const QJsonObject root =
        m_sandbox.state(saved.value().projectId).value(QStringLiteral("root")).toObject();
    QStringList expected;
    for (const QString &key : {QStringLiteral("folders"), QStringLiteral("files")}) {
        for (const QJsonValue &child : root.value(key).toArray()) {
            if (!child.toObject().value(QStringLiteral("is_deleted")).toBool())
                expected.append(child.toObject().value(QStringLiteral("name")).toString());
        }
    }
    expected.sort();
    QCOMPARE(names.value(), expected);

    // A second prepare reuses what the first built: no keychain read, the same meter.
    QVERIFY(!prepareNow(stores, id));
    QVERIFY(stores.webLink(id, QStringLiteral("Drawings")).isValid());
}

void TestConnectionStores::factoryInFourThreadsSharesOneTokenManager()
{
    const auto saved =
        testing::saveServiceAccountConnection(services(), m_sandbox, QStringLiteral("Threads"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    const QString id = saved.value().id;
    ConnectionStores stores(services());
    QVERIFY(!prepareNow(stores, id));
    Error error;
    std::unique_ptr<Store> store = stores.openStore(id, &error);
    QVERIFY(store);
    const Result<QStringList> expected = listNow(store.get());
    QVERIFY(expected.ok());
    store.reset();

    // Every token is dead now: the four threads each get a 401 and must share ONE renewal.
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const int grantsBefore = grants(m_sandbox, QStringLiteral("client_credentials"));
    const StoreFactory factory = stores.factory(id);
    QVERIFY(factory);
    constexpr int kThreads = 4;
    ThreadResult results[kThreads];
    std::unique_ptr<QThread> threads[kThreads];
    for (int i = 0; i < kThreads; ++i) {
        threads[i] = std::make_unique<QThread>();
        ThreadResult *result = &results[i];
        // No context object: runs in the new thread as it starts.
        connect(threads[i].get(), &QThread::started, [factory, result] { listInThread(factory, result); });
    }
    for (auto &thread : threads)
        thread->start();
    // The token refresh runs in this (the TokenManager's) thread: keep its event loop turning.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(std::begin(threads), std::end(threads),
                                         [](const auto &thread) { return thread->isFinished(); }),
                             30000);
    for (const ThreadResult &result : results) {
        QVERIFY(result.storeMade);
        QVERIFY2(!result.error, qPrintable(result.error.toString()));
        QCOMPARE(result.names, expected.value());
    }
    QCOMPARE(grants(m_sandbox, QStringLiteral("client_credentials")) - grantsBefore, 1);
}

void TestConnectionStores::revokedSignInNeedsReconnect()
{
    const auto saved = testing::saveUserConnection(services(), m_sandbox, QStringLiteral("Revoked"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    const QString id = saved.value().id;
    // The password changed: every token of the user is dead.
    QVERIFY(m_sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));

    ConnectionStores stores(services());
    QSignalSpy signIn(&stores, &ConnectionStores::signInNeeded);
    // The keychain still has tokens, so prepare() succeeds: only the server can tell.
    QVERIFY(!prepareNow(stores, id));
    Error error;
    std::unique_ptr<Store> store = stores.openStore(id, &error);
    QVERIFY(store);
    const Result<QStringList> names = listNow(store.get());
    QVERIFY(!names.ok());
    QCOMPARE(names.error().kind(), Error::Kind::AuthRevoked);
    QTRY_COMPARE(signIn.count(), 1);
    QCOMPARE(signIn.at(0).at(0).toString(), id);
    const QString message = signIn.at(0).at(1).toString();
    QVERIFY2(message.contains(QLatin1String("Revoked")) && message.contains(QLatin1String("Reconnect")),
             qPrintable(message));

    // From now on the connection says so at once, without another call.
    const Error again = prepareNow(stores, id);
    QCOMPARE(again.kind(), Error::Kind::AuthRevoked);
    QCOMPARE(again.message(), message);
    QVERIFY(!stores.openStore(id, &error));
    QCOMPARE(error.message(), message);
    QVERIFY(!stores.factory(id));
    QCOMPARE(signIn.count(), 1);
    // After a reconnect the caller forgets the connection, which is then read again.
    stores.forget(id);
    QVERIFY(!prepareNow(stores, id));
}

void TestConnectionStores::missingKeychainEntry()
{
    const auto saved = testing::saveUserConnection(services(), m_sandbox, QStringLiteral("No secrets"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    SecretRemoveJob *job = m_fixture.secrets()->removeAll(saved.value().id);
    QVERIFY(capture<Status>(job, &SecretRemoveJob::finished, [job] { job->start(); }).has_value());

    ConnectionStores stores(services());
    QSignalSpy signIn(&stores, &ConnectionStores::signInNeeded);
    const Error error = prepareNow(stores, saved.value().id);
    QCOMPARE(error.kind(), Error::Kind::AuthRevoked);
    QVERIFY2(error.message().contains(QLatin1String("missing")), qPrintable(error.message()));
    QCOMPARE(signIn.count(), 1);
}

void TestConnectionStores::unknownConnection()
{
    ConnectionStores stores(services());
    const QString id = QStringLiteral("00000000-0000-0000-0000-000000000000");
    const Error error = prepareNow(stores, id);
    QCOMPARE(error.kind(), Error::Kind::NotFound);
    QVERIFY2(error.message().contains(id), qPrintable(error.message()));
    Error openError;
    QVERIFY(!stores.openStore(id, &openError));
    QCOMPARE(openError.kind(), Error::Kind::NotFound);
    QVERIFY(!stores.factory(id));
    QVERIFY(!stores.meter(id));
    QCOMPARE(stores.displayName(id), id);
    QVERIFY(!stores.webLink(id, QString()).isValid());

    // A deleted profile is unknown too.
    const ConnectionProfile deleted = procoreProfile(QStringLiteral("Deleted"));
    QVERIFY(m_fixture.profiles()->remove(deleted.id).ok());
    QCOMPARE(prepareNow(stores, deleted.id).kind(), Error::Kind::NotFound);
}

void TestConnectionStores::shareConnection()
{
    QTemporaryDir share;
    QVERIFY(QDir(share.path()).mkpath(QStringLiteral("Drawings/2024")));
    QFile file(share.filePath(QStringLiteral("Drawings/plan.pdf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("pdf");
    file.close();
    const auto saved = testing::saveShareConnection(services(), share.path(), QStringLiteral("Office share"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));

    ConnectionStores stores(services());
    QString connection;
    QString path;
    QVERIFY(!stores.parseEndpoint(QStringLiteral("share:Office share/Drawings"), &connection, &path));
    QCOMPARE(connection, saved.value().id);
    QCOMPARE(path, QStringLiteral("Drawings"));
    QVERIFY(!prepareNow(stores, connection));
    QVERIFY(!stores.meter(connection)); // no API budget
    QVERIFY(!stores.webLink(connection, path).isValid());
    Error error;
    std::unique_ptr<Store> store = stores.openStore(connection, &error);
    QVERIFY2(store, qPrintable(error.toString()));
    const Result<QStringList> names = listNow(store.get(), StorePath::fromString(path).value());
    QVERIFY2(names.ok(), qPrintable(names.error().toString()));
    QCOMPARE(names.value(), (QStringList{QStringLiteral("2024"), QStringLiteral("plan.pdf")}));
    const StoreFactory factory = stores.factory(connection);
    QVERIFY(factory);
    QVERIFY(factory());

    // Deleting the profile forgets the prepared connection.
    QVERIFY(m_fixture.profiles()->remove(connection).ok());
    QVERIFY(!stores.factory(connection));
    QCOMPARE(prepareNow(stores, connection).kind(), Error::Kind::NotFound);
    QVERIFY(m_fixture.profiles()->add(saved.value()).ok()); // back, with the same id

    // The share went away: a new prepare says so.
    stores.forget(connection);
    store.reset();
    QVERIFY(share.remove());
    const Error gone = prepareNow(stores, connection);
    QVERIFY(gone);
    QVERIFY(gone.kind() != Error::Kind::Internal);
}

void TestConnectionStores::parseEndpoint()
{
    const QString towerA1 = procoreProfile(QStringLiteral("Tower A")).id;
    const QString towerA2 = procoreProfile(QStringLiteral("tower a")).id;
    const QString towerB = procoreProfile(QStringLiteral("Tower B")).id;
    const QString slashed = procoreProfile(QStringLiteral("Site/North")).id;
    ConnectionProfile shareProfile;
    shareProfile.platform = ConnectionProfile::Platform::Share;
    shareProfile.displayName = QStringLiteral("Drawings");
    shareProfile.rootPath = m_fixture.dir();
    const QString share = m_fixture.profiles()->add(shareProfile).value().id;

    struct Row
    {
        QString argument;
        QString connection; // empty: an error is expected
        QString path;
        QStringList messageHas = {};
    };
    const QString local = QDir::cleanPath(m_fixture.dir());
    const QList<Row> rows{
        {local, QStringLiteral("local:") + local, QString()},
        {QStringLiteral("procore:Tower B/Upload/Sub"), towerB, QStringLiteral("Upload/Sub")},
        {QStringLiteral("procore:TOWER B"), towerB, QString()},
        {QStringLiteral("procore:Tower B/"), towerB, QString()},
        {QStringLiteral("procore:%1/x y").arg(towerB), towerB, QStringLiteral("x y")},
        {QStringLiteral("procore:%1").arg(towerA1), towerA1, QString()},
        {QStringLiteral("procore:Site/North/Docs"), slashed, QStringLiteral("Docs")},
        {QStringLiteral("share:Drawings/2024/A"), share, QStringLiteral("2024/A")},
        {QStringLiteral("procore:Tower A/x"), QString(), QString(), {towerA1, towerA2}},
        {QStringLiteral("procore:Drawings"), QString(), QString(), {QStringLiteral("share:Drawings")}},
        {QStringLiteral("share:Tower B"), QString(), QString(), {QStringLiteral("procore:Tower B")}},
        {QStringLiteral("procore:Nowhere/x"), QString(), QString(), {QStringLiteral("Nowhere")}},
        {QStringLiteral("procore:"), QString(), QString(), {}},
    };
    ConnectionStores stores(services());
    for (const Row &row : rows) {
        QString connection;
        QString path;
        const Error error = stores.parseEndpoint(row.argument, &connection, &path);
        if (row.connection.isEmpty()) {
            QVERIFY2(error, qPrintable(row.argument));
            QCOMPARE(error.kind(), Error::Kind::Validation);
            for (const QString &part : row.messageHas)
                QVERIFY2(error.message().contains(part),
                         qPrintable(row.argument + QStringLiteral(": ") + error.message()));
        } else {
            QVERIFY2(!error, qPrintable(row.argument + QStringLiteral(": ") + error.message()));
            QCOMPARE(connection, row.connection);
            QCOMPARE(path, row.path);
        }
    }
}

void TestConnectionStores::webLink()
{
    const ConnectionProfile profile = procoreProfile(QStringLiteral("Web"));
    ConnectionStores stores(services());
    QCOMPARE(stores.webLink(profile.id, QStringLiteral("Drawings/A")),
             QUrl(QStringLiteral("https://app.procore.com/77/project/documents")));
    QVERIFY(!stores.webLink(QStringLiteral("local:/tmp"), QString()).isValid());
}

QTEST_GUILESS_MAIN(TestConnectionStores)
#include "tst_connectionstores.moc"
