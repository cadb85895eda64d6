#include "core/api/ratelimitmeter.h"
#include "core/common/logfile.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionmessages.h"
#include "core/services/connectionsetup.h"
#include "core/services/ratelimitmeters.h"

#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDir>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace trestle;

namespace {

const QString kDemoLogin = QStringLiteral("demo@trestle.test");
const QString kDemoPassword = QStringLiteral("trestle-demo");

} // namespace

class TestConnectionServices final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void userSignInTestSaveTestDelete();
    void wrongPasswordGivesNoCode();
    void wrongCustomSecretIsNamed();
    void unknownRedirectIsNamed();
    void serviceAccount();
    void viewerHasNoDocumentsPermission();
    void cancelLeavesNothing();
    void networkUnreachable();
    void budgetExhausted();
    void reconnectAfterRevokedSignIn();
    void messages_data();
    void messages();
    void secretsAreOnlyInTheKeychain();

private:
    ConnectionServices services() const { return m_fixture.services(); }
    // Signs in through the real login form, posted by hand (the browser's job in the wizard).
    bool signInAsUser(ConnectionSetup &setup, const QString &login, const QString &password, Status *result);
    QString authorizeRedirect(const QUrl &authorizeUrl, const QString &login, const QString &password);
    bool chooseFirstProject(ConnectionSetup &setup);
    Status runTest(ConnectionSetup &setup);
    Result<ConnectionProfile> runSave(ConnectionSetup &setup);
    Result<QString> readSecret(const QString &id, SecretKind kind);
    int tokenInfoStatus(const QString &accessToken);

    testing::SandboxProcess m_sandbox;
    testing::ServicesFixture m_fixture;
};

void TestConnectionServices::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestConnectionServices::init()
{
    QVERIFY(m_fixture.reset());
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("rate_limit"), 3600}}));
}

void TestConnectionServices::cleanup()
{
    m_fixture.clear();
}

QString TestConnectionServices::authorizeRedirect(const QUrl &authorizeUrl, const QString &login,
                                                  const QString &password)
{
    QUrlQuery form(authorizeUrl);
    form.addQueryItem(QStringLiteral("login"), login);
    form.addQueryItem(QStringLiteral("password"), password);
    QUrl post = authorizeUrl;
    post.setQuery(QString());
    const auto reply = m_sandbox.request("POST", post, form.toString(QUrl::FullyEncoded).toUtf8(),
                                         {{"Content-Type", "application/x-www-form-urlencoded"}});
    if (reply.status != 302)
        return QString();
    return QString::fromUtf8(reply.header("Location"));
}

bool TestConnectionServices::signInAsUser(ConnectionSetup &setup, const QString &login,
                                          const QString &password, Status *result)
{
    const QUrl url = setup.beginSignIn();
    if (url.isEmpty())
        return false;
    const QString location = authorizeRedirect(url, login, password);
    if (location.isEmpty())
        return false;
    if (!setup.isRedirect(QUrl(location)))
        return false;
    const auto status = testing::capture<Status>(&setup, &ConnectionSetup::signInFinished,
                                                 [&] { setup.completeSignIn(QUrl(location)); });
    if (!status)
        return false;
    *result = *status;
    return true;
}

bool TestConnectionServices::chooseFirstProject(ConnectionSetup &setup)
{
    const auto companyList = testing::capture<Result<QList<Company>>>(
        &setup, &ConnectionSetup::companiesFinished, [&] { setup.loadCompanies(); });
    if (!companyList || !companyList->ok() || companyList->value().isEmpty())
        return false;
    const Company company = companyList->value().first();
    const auto projectList = testing::capture<Result<QList<Project>>>(
        &setup, &ConnectionSetup::projectsFinished, [&] { setup.loadProjects(company.id); });
    if (!projectList || !projectList->ok() || projectList->value().isEmpty())
        return false;
    setup.settings().companyId = company.id;
    setup.settings().companyName = company.name;
    setup.settings().projectId = projectList->value().first().id;
    setup.settings().projectName = projectList->value().first().name;
    return true;
}

Status TestConnectionServices::runTest(ConnectionSetup &setup)
{
    const auto status =
        testing::capture<Status>(&setup, &ConnectionSetup::testFinished, [&] { setup.testConnection(); });
    if (!status)
        return Error(Error::Kind::Timeout, QStringLiteral("no testFinished"));
    return *status;
}

Result<ConnectionProfile> TestConnectionServices::runSave(ConnectionSetup &setup)
{
    const auto saved = testing::capture<Result<ConnectionProfile>>(&setup, &ConnectionSetup::saveFinished,
                                                                   [&] { setup.save(); });
    if (!saved)
        return Error(Error::Kind::Timeout, QStringLiteral("no saveFinished"));
    return *saved;
}

Result<QString> TestConnectionServices::readSecret(const QString &id, SecretKind kind)
{
    SecretReadJob *job = m_fixture.secrets()->read(id, kind);
    const auto value =
        testing::capture<Result<QString>>(job, &SecretReadJob::finished, [job] { job->start(); });
    if (!value)
        return Error(Error::Kind::Timeout, QStringLiteral("keychain did not answer"));
    return *value;
}

int TestConnectionServices::tokenInfoStatus(const QString &accessToken)
{
    QUrl url = m_sandbox.baseUrl();
    url.setPath(QStringLiteral("/oauth/token/info"));
    return m_sandbox.request("GET", url, {}, {{"Authorization", "Bearer " + accessToken.toUtf8()}}).status;
}

void TestConnectionServices::userSignInTestSaveTestDelete()
{
    ConnectionManager manager(services());
    ConnectionSetup *setup = manager.newSetup(this);
    std::unique_ptr<ConnectionSetup> owner(setup);
    setup->settings().defaultApiBase = m_sandbox.baseUrl();
    setup->settings().displayName = QStringLiteral("Demo company");

    Status signIn = Error(Error::Kind::Internal, QStringLiteral("not run"));
    QVERIFY(signInAsUser(*setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY2(signIn.ok(), qPrintable(signIn.error().toString()));
    QVERIFY(setup->isSignedIn());
    QVERIFY(!setup->accountName().isEmpty());
    QVERIFY(chooseFirstProject(*setup));
    QVERIFY(setup->settings().projectId > (qint64(1) << 32)); // 64-bit ids survive

    // Nothing is stored before save().
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 0);

    const Status test = runTest(*setup);
    QVERIFY2(test.ok(), qPrintable(test.error().toString()));
    const auto saved = runSave(*setup);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    const QString id = saved.value().id;
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 1);
    const ConnectionProfile stored = m_fixture.profiles()->profile(id).value();
    QCOMPARE(stored.displayName, QStringLiteral("Demo company"));
    QCOMPARE(stored.clientId, QStringLiteral(TRESTLE_DEFAULT_CLIENT_ID));
    QVERIFY(!stored.customCredentials);
    QCOMPARE(stored.projectId, setup->settings().projectId);
    QVERIFY(stored.lastTestOk);
    const auto access = readSecret(id, SecretKind::AccessToken);
    QVERIFY2(access.ok(), qPrintable(access.error().toString()));
    QVERIFY(readSecret(id, SecretKind::RefreshToken).ok());
    // The built-in secret is compiled in, never copied into the keychain.
    QCOMPARE(readSecret(id, SecretKind::ClientSecret).error().kind(), Error::Kind::NotFound);
    owner.reset();
    QCOMPARE(tokenInfoStatus(access.value()), 200); // a saved connection keeps its tokens

    // The manager tests with the stored tokens.
    const auto tested =
        testing::capture<Status>(&manager, &ConnectionManager::testFinished, [&] { manager.test(id); });
    QVERIFY(tested);
    QVERIFY2(tested->ok(), qPrintable(tested->error().toString()));

    // Rename (edit).
    QVERIFY(manager.rename(id, QStringLiteral("Renamed")).ok());
    QCOMPARE(manager.connection(id).value().displayName, QStringLiteral("Renamed"));
    QVERIFY(manager.rename(id, QString()).ok());
    QCOMPARE(manager.connection(id).value().displayName, QStringLiteral("Procore"));

    // Delete: revoked at Procore, secrets and profile gone.
    const auto removed =
        testing::capture<Status>(&manager, &ConnectionManager::removeFinished, [&] { manager.remove(id); });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(removed->error().toString()));
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 0);
    QCOMPARE(readSecret(id, SecretKind::AccessToken).error().kind(), Error::Kind::NotFound);
    QCOMPARE(readSecret(id, SecretKind::RefreshToken).error().kind(), Error::Kind::NotFound);
    QCOMPARE(tokenInfoStatus(access.value()), 401);
}

void TestConnectionServices::wrongPasswordGivesNoCode()
{
    ConnectionSetup setup(services());
    setup.settings().defaultApiBase = m_sandbox.baseUrl();
    const QUrl url = setup.beginSignIn();
    QVERIFY(!url.isEmpty());
    QVERIFY(authorizeRedirect(url, kDemoLogin, QStringLiteral("wrong")).isEmpty());
    QVERIFY(!setup.isSignedIn());
}

void TestConnectionServices::wrongCustomSecretIsNamed()
{
    ConnectionSetup setup(services());
    setup.settings().customCredentials = true;
    setup.settings().apiBase = m_sandbox.baseUrl();
    setup.settings().clientId = QStringLiteral("custom-app");
    setup.settings().clientSecret = QStringLiteral("not-the-secret");
    QVERIFY(!setup.validateCredentials());
    Status signIn = Done{};
    QVERIFY(signInAsUser(setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY(!signIn.ok());
    QCOMPARE(signIn.error().kind(), Error::Kind::AuthFailed);
    QVERIFY2(signIn.error().message().contains(QLatin1String("Client Secret is wrong")),
             qPrintable(signIn.error().message()));
    QVERIFY(!setup.isSignedIn());

    // The right secret works with the same custom application.
    setup.settings().clientSecret = QStringLiteral("custom-secret");
    QVERIFY(signInAsUser(setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY2(signIn.ok(), qPrintable(signIn.error().toString()));
}

void TestConnectionServices::unknownRedirectIsNamed()
{
    ConnectionSetup setup(services());
    const Error error = setup.authorizePageError(400);
    QCOMPARE(error.kind(), Error::Kind::AuthFailed);
    QVERIFY(error.message().contains(QLatin1String("http://localhost")));
    // What the browser meets for an unknown client id: the page answers 400.
    setup.settings().customCredentials = true;
    setup.settings().apiBase = m_sandbox.baseUrl();
    setup.settings().clientId = QStringLiteral("no-such-app");
    setup.settings().clientSecret = QStringLiteral("x");
    const QUrl url = setup.beginSignIn();
    QCOMPARE(m_sandbox.request("GET", url).status, 400);
    QVERIFY(setup.authorizePageError(400).message().contains(QLatin1String("Developer Portal")));
}

void TestConnectionServices::serviceAccount()
{
    ConnectionSetup setup(services());
    setup.settings().defaultApiBase = m_sandbox.baseUrl();
    setup.settings().authKind = ConnectionProfile::AuthKind::ServiceAccount;
    setup.settings().serviceClientId = QStringLiteral("trestle-service-account");
    setup.settings().serviceClientSecret = QStringLiteral("wrong");
    setup.settings().serviceCompanyId = 0;
    QVERIFY(setup.validateServiceAccount()); // company id missing

    // Learn the company id the way an admin would (Company Admin shows it): ask as the demo user.
    ConnectionSetup probe(services());
    probe.settings().defaultApiBase = m_sandbox.baseUrl();
    Status signIn = Done{};
    QVERIFY(signInAsUser(probe, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY(signIn.ok());
    QVERIFY(chooseFirstProject(probe));
    setup.settings().serviceCompanyId = probe.settings().companyId;
    probe.cancel();

    auto result = testing::capture<Status>(&setup, &ConnectionSetup::signInFinished,
                                           [&] { setup.signInServiceAccount(); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY2(result->error().message().contains(QLatin1String("service account")),
             qPrintable(result->error().message()));

    setup.settings().serviceClientSecret = QStringLiteral("trestle-service-secret");
    result = testing::capture<Status>(&setup, &ConnectionSetup::signInFinished,
                                      [&] { setup.signInServiceAccount(); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().toString()));
    QVERIFY(chooseFirstProject(setup));
    const Status test = runTest(setup);
    QVERIFY2(test.ok(), qPrintable(test.error().toString()));
    const auto saved = runSave(setup);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    QCOMPARE(saved.value().authKind, ConnectionProfile::AuthKind::ServiceAccount);
    QCOMPARE(saved.value().clientId, QStringLiteral("trestle-service-account"));
    // The service account renews with its secret: it is kept, in the keychain.
    QCOMPARE(readSecret(saved.value().id, SecretKind::ClientSecret).value(),
             QStringLiteral("trestle-service-secret"));

    ConnectionManager manager(services());
    const QString id = saved.value().id;
    const auto tested =
        testing::capture<Status>(&manager, &ConnectionManager::testFinished, [&] { manager.test(id); });
    QVERIFY(tested && tested->ok());
    const auto removed =
        testing::capture<Status>(&manager, &ConnectionManager::removeFinished, [&] { manager.remove(id); });
    QVERIFY(removed && removed->ok());
    QCOMPARE(readSecret(saved.value().id, SecretKind::ClientSecret).error().kind(), Error::Kind::NotFound);
}

void TestConnectionServices::viewerHasNoDocumentsPermission()
{
    ConnectionSetup setup(services());
    setup.settings().defaultApiBase = m_sandbox.baseUrl();
    Status signIn = Done{};
    QVERIFY(signInAsUser(setup, QStringLiteral("viewer@trestle.test"), QStringLiteral("trestle-viewer"),
                         &signIn));
    QVERIFY2(signIn.ok(), qPrintable(signIn.error().toString()));
    QVERIFY(chooseFirstProject(setup));
    const Status test = runTest(setup);
    QVERIFY(!test.ok());
    QCOMPARE(test.error().kind(), Error::Kind::Permission);
    QVERIFY2(test.error().message().contains(QLatin1String("no permission for the Documents tool")),
             qPrintable(test.error().message()));
    QVERIFY(!setup.lastTestOk());
    // And nothing can be saved without a successful test.
    QVERIFY(!runSave(setup).ok());
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 0);
}

void TestConnectionServices::cancelLeavesNothing()
{
    ConnectionSetup setup(services());
    setup.settings().defaultApiBase = m_sandbox.baseUrl();
    Status signIn = Done{};
    QVERIFY(signInAsUser(setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY(signIn.ok());
    QVERIFY(chooseFirstProject(setup));
    QVERIFY(runTest(setup).ok());
    QVERIFY(m_sandbox.resetStats());
    setup.cancel();
    QVERIFY(setup.isCancelled());
    QVERIFY(!runSave(setup).ok());
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 0);
    // The tokens of the cancelled run were revoked at Procore (no /rest call was needed for it).
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt() == 0, 2000);
}

void TestConnectionServices::networkUnreachable()
{
    ConnectionSetup setup(services());
    setup.settings().customCredentials = true;
    setup.settings().apiBase = QUrl(QStringLiteral("http://127.0.0.1:9/"));
    setup.settings().authKind = ConnectionProfile::AuthKind::ServiceAccount;
    setup.settings().serviceClientId = QStringLiteral("trestle-service-account");
    setup.settings().serviceClientSecret = QStringLiteral("trestle-service-secret");
    setup.settings().serviceCompanyId = 1;
    const auto result = testing::capture<Status>(&setup, &ConnectionSetup::signInFinished,
                                                 [&] { setup.signInServiceAccount(); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind(), Error::Kind::Network);
    QVERIFY2(result->error().message().contains(QLatin1String("Cannot reach 127.0.0.1:9")),
             qPrintable(result->error().message()));

    // A plain-http domain that is not loopback is refused before any request.
    setup.settings().apiBase = QUrl(QStringLiteral("http://example.com/"));
    setup.settings().clientId = QStringLiteral("x");
    setup.settings().clientSecret = QStringLiteral("y");
    QCOMPARE(setup.validateCredentials().kind(), Error::Kind::Config);
}

void TestConnectionServices::budgetExhausted()
{
    ConnectionSetup setup(services());
    setup.settings().defaultApiBase = m_sandbox.baseUrl();
    Status signIn = Done{};
    QVERIFY(signInAsUser(setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY(signIn.ok());
    QVERIFY(chooseFirstProject(setup));
    // Spend the whole hourly budget: the next call meets a 429 with a reset far ahead.
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("rate_limit"), 1}}));
    Status test = runTest(setup);
    if (test.ok()) // the one allowed call of the new limit
        test = runTest(setup);
    QVERIFY(!test.ok());
    QCOMPARE(test.error().kind(), Error::Kind::RateLimited);
    QVERIFY2(test.error().message().contains(QLatin1String("exhausted until")),
             qPrintable(test.error().message()));
    QVERIFY(test.error().retryAt().isValid());
}

void TestConnectionServices::reconnectAfterRevokedSignIn()
{
    ConnectionManager manager(services());
    QString id;
    {
        ConnectionSetup setup(services());
        setup.settings().defaultApiBase = m_sandbox.baseUrl();
        Status signIn = Done{};
        QVERIFY(signInAsUser(setup, kDemoLogin, kDemoPassword, &signIn));
        QVERIFY(chooseFirstProject(setup));
        QVERIFY(runTest(setup).ok());
        const auto saved = runSave(setup);
        QVERIFY(saved.ok());
        id = saved.value().id;
    }
    // The password changed: every token of the user is dead.
    QVERIFY(m_sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const auto failed =
        testing::capture<Status>(&manager, &ConnectionManager::testFinished, [&] { manager.test(id); });
    QVERIFY(failed);
    QVERIFY(!failed->ok());
    QVERIFY2(failed->error().message().contains(QLatin1String("Reconnect")),
             qPrintable(failed->error().message()));
    QVERIFY(!m_fixture.profiles()->profile(id).value().lastTestOk);

    const auto reconnect = manager.reconnectSetup(id, nullptr);
    QVERIFY(reconnect.ok());
    std::unique_ptr<ConnectionSetup> setup(reconnect.value());
    QCOMPARE(setup->settings().projectId, m_fixture.profiles()->profile(id).value().projectId);
    Status signIn = Done{};
    QVERIFY(signInAsUser(*setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY(signIn.ok());
    const Status test = runTest(*setup);
    QVERIFY2(test.ok(), qPrintable(test.error().toString()));
    const auto saved = runSave(*setup);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    QCOMPARE(saved.value().id, id);
    QCOMPARE(m_fixture.profiles()->profiles().value().size(), 1);
    const auto tested =
        testing::capture<Status>(&manager, &ConnectionManager::testFinished, [&] { manager.test(id); });
    QVERIFY(tested && tested->ok());
}

void TestConnectionServices::messages_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("network") << int(Error::Kind::Network) << QStringLiteral("Cannot reach");
    QTest::newRow("tls") << int(Error::Kind::Tls) << QStringLiteral("TLS");
    QTest::newRow("timeout") << int(Error::Kind::Timeout) << QStringLiteral("did not answer in time");
    QTest::newRow("server") << int(Error::Kind::Server) << QStringLiteral("had a problem");
}

void TestConnectionServices::messages()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    const Error in(Error::Kind(kind), QStringLiteral("raw"), QStringLiteral("detail"));
    const Error out = ConnectionMessages::documentsTest(in, QStringLiteral("P"),
                                                        QUrl(QStringLiteral("https://api.procore.com")));
    QCOMPARE(out.kind(), in.kind());
    QCOMPARE(out.detail(), in.detail());
    QVERIFY2(out.message().contains(expected), qPrintable(out.message()));
    QVERIFY(out.message().contains(QLatin1String("api.procore.com")));

    Error limited(Error::Kind::RateLimited, QStringLiteral("raw"));
    limited.setRetryAt(QDateTime(QDate(2026, 1, 2), QTime(13, 45), Qt::LocalTime).toUTC());
    QVERIFY(ConnectionMessages::common(limited, {}).message().contains(QLatin1String("until 13:45")));
}

// Issue 3's promise: tokens and client secrets live in the OS keychain and nowhere else. A full
// sign-in with custom credentials, a save, a test, and a forced refresh (new tokens), with every
// log category on debug and the settings pointed into the test's folder; then every file the app
// wrote (SQLite with its -wal/-shm, settings, logs) is searched for each secret it ever held.
void TestConnectionServices::secretsAreOnlyInTheKeychain()
{
    const QString logDir = QDir(m_fixture.dir()).filePath(QStringLiteral("logs"));
    const QString settingsDir = QDir(m_fixture.dir()).filePath(QStringLiteral("settings"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir);
    LogFile::install(logDir);
    QLoggingCategory::setFilterRules(QStringLiteral("trestle.*=true\nqt.network.*=true"));

    ConnectionManager manager(services());
    std::unique_ptr<ConnectionSetup> setup(manager.newSetup(nullptr));
    setup->settings().customCredentials = true;
    setup->settings().apiBase = m_sandbox.baseUrl();
    setup->settings().clientId = QStringLiteral("custom-app");
    setup->settings().clientSecret = QStringLiteral("custom-secret");
    Status signIn = Error(Error::Kind::Internal, QStringLiteral("not run"));
    QVERIFY(signInAsUser(*setup, kDemoLogin, kDemoPassword, &signIn));
    QVERIFY2(signIn.ok(), qPrintable(signIn.error().toString()));
    QVERIFY(chooseFirstProject(*setup));
    QVERIFY(runTest(*setup).ok());
    const auto saved = runSave(*setup);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    setup.reset();
    const QString id = saved.value().id;

    QStringList secrets;
    auto collect = [&] {
        for (SecretKind kind :
             {SecretKind::AccessToken, SecretKind::RefreshToken, SecretKind::ClientSecret}) {
            const auto value = readSecret(id, kind);
            QVERIFY2(value.ok(), qPrintable(value.error().toString()));
            QVERIFY(value.value().size() >= 8);
            if (!secrets.contains(value.value()))
                secrets << value.value();
        }
    };
    collect();
    QVERIFY(secrets.contains(QStringLiteral("custom-secret")));

    // Expire the access token: the next test refreshes and rotates both tokens.
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const auto tested =
        testing::capture<Status>(&manager, &ConnectionManager::testFinished, [&] { manager.test(id); });
    QVERIFY(tested);
    QVERIFY2(tested->ok(), qPrintable(tested->error().toString()));
    collect();
    QCOMPARE(secrets.size(), 5); // two access tokens, two refresh tokens, one client secret

    m_fixture.closeDatabase(); // so the -wal is as it stays on disk
    QLoggingCategory::setFilterRules(QString());
    int filesScanned = 0;
    qint64 logBytes = 0;
    QDirIterator it(m_fixture.dir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        ++filesScanned;
        if (path.startsWith(logDir))
            logBytes += bytes.size();
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!bytes.contains(secret.toUtf8()),
                     qPrintable(QStringLiteral("a secret is in %1").arg(path)));
    }
    qInfo("scanned %d files (%lld bytes of debug log) for %lld secrets", filesScanned, logBytes,
          qint64(secrets.size()));
    QVERIFY(logBytes > 0); // the log really captured the run
    QVERIFY(filesScanned >= 2);
}

QTEST_GUILESS_MAIN(TestConnectionServices)
#include "tst_connectionservices.moc"
