// OAuth against the sandbox: authorization-code flow with a scripted login, state checks, the
// out-of-band code, refresh-token rotation and revocation, client credentials, revoke.
#include "apitestsupport.h"

#include "core/api/authorizationcodeflow.h"
#include "core/api/clientcredentialsflow.h"
#include "core/api/tokenpersistence.h"
#include "core/api/tokenrequest.h"
#include "core/api/tokenrevocation.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace trestle;
using apitest::await;

namespace {

// Records saves and completes them later, like a keychain would; remembers which access token
// was published at the moment of each save.
class RecordingPersistence final : public TokenPersistence
{
public:
    void saveTokens(const QString &connectionId, const TokenSet &tokens, Completion done) override
    {
        savedConnection = connectionId;
        saved.append(tokens);
        publishedAtSave.append(manager ? manager->current().accessToken : QString());
        QTimer::singleShot(50, [done] { done(Done{}); });
    }

    TokenManager *manager = nullptr;
    QString savedConnection;
    QList<TokenSet> saved;
    QStringList publishedAtSave;
};

int grants(const testing::SandboxProcess &sandbox, const char *grant)
{
    return sandbox.stats()
        .value(QStringLiteral("token_grants"))
        .toObject()
        .value(QLatin1String(grant))
        .toInt(-1);
}

Result<TokenSet> runClientCredentials(QNetworkAccessManager *nam, const OAuthClient &client)
{
    ClientCredentialsFlow flow(nam, client);
    const auto r = apitest::awaitSignal(&flow, &ClientCredentialsFlow::finished, [&flow] { flow.start(); });
    if (!r)
        return Error(Error::Kind::Timeout, QStringLiteral("flow timed out"));
    return *r;
}

Result<TokenManager::Token> freshToken(TokenManager &manager, quint64 stale)
{
    QObject context;
    return await<TokenManager::Token>([&](auto done) {
        manager.requestFreshToken(stale, &context, [done](const Result<TokenManager::Token> &t) { done(t); });
    });
}

} // namespace

class TestOAuthFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorizationCodeEndToEnd();
    void matchesRedirect();
    void wrongStateRejected();
    void errorRedirect();
    void outOfBandCode();
    void refreshRotation();
    void revokedRefreshToken();
    void clientCredentials();
    void revoke();

private:
    Result<TokenSet> signIn();

    testing::SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
};

void TestOAuthFlow::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
}

Result<TokenSet> TestOAuthFlow::signIn()
{
    return apitest::signIn(m_sandbox, &m_nam);
}

void TestOAuthFlow::authorizationCodeEndToEnd()
{
    QVERIFY(m_sandbox.resetStats());
    AuthorizationCodeFlow flow(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const QUrl url = flow.authorizeUrl();
    const QUrlQuery query(url);
    QCOMPARE(url.path(), QStringLiteral("/oauth/authorize"));
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), apitest::kClientId);
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://localhost"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    QVERIFY(state.size() >= 22); // 128 bits in base64url
    QVERIFY(QUrlQuery(flow.authorizeUrl()).queryItemValue(QStringLiteral("state"))
            != state); // fresh each time

    const QUrl redirect = apitest::scriptedLogin(m_sandbox, flow.authorizeUrl());
    QVERIFY(flow.matchesRedirect(redirect));
    const auto r =
        apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished, [&] { flow.handleRedirect(redirect); });
    QVERIFY(r);
    const Result<TokenSet> &result = *r;
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QVERIFY(!result.value().accessToken.isEmpty());
    QVERIFY(!result.value().refreshToken.isEmpty());
    QVERIFY(result.value().expiresAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(grants(m_sandbox, "authorization_code"), 1);
}

void TestOAuthFlow::matchesRedirect()
{
    AuthorizationCodeFlow flow(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    QVERIFY(flow.matchesRedirect(QUrl(QStringLiteral("http://localhost?code=1&state=2"))));
    QVERIFY(flow.matchesRedirect(QUrl(QStringLiteral("http://localhost/?code=1"))));
    QVERIFY(!flow.matchesRedirect(QUrl(QStringLiteral("http://localhost:8080/?code=1"))));
    QVERIFY(!flow.matchesRedirect(QUrl(QStringLiteral("https://localhost/?code=1"))));
    QVERIFY(!flow.matchesRedirect(QUrl(QStringLiteral("http://evil.example/?code=1"))));
    QVERIFY(!flow.matchesRedirect(m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/oauth/authorize")))));
}

void TestOAuthFlow::wrongStateRejected()
{
    QVERIFY(m_sandbox.resetStats());
    AuthorizationCodeFlow flow(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const QUrl redirect = apitest::scriptedLogin(m_sandbox, flow.authorizeUrl());
    QVERIFY(redirect.isValid());
    QUrl forged = redirect;
    QUrlQuery q(forged);
    q.removeAllQueryItems(QStringLiteral("state"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("attacker"));
    forged.setQuery(q);
    const auto result =
        apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished, [&] { flow.handleRedirect(forged); });
    QVERIFY(result);
    QCOMPARE(result->error().kind(), Error::Kind::AuthFailed);
    QTest::qWait(200);
    QCOMPARE(grants(m_sandbox, "authorization_code"), 0); // no token call was made
    QCOMPARE(m_sandbox.stats()
                 .value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("POST /oauth/token"))
                 .toInt(),
             0);
}

void TestOAuthFlow::errorRedirect()
{
    QVERIFY(m_sandbox.resetStats());
    AuthorizationCodeFlow flow(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const QString state = QUrlQuery(flow.authorizeUrl()).queryItemValue(QStringLiteral("state"));
    const QUrl redirect(QStringLiteral("http://localhost/?error=invalid_request&error_description=Bad&state=")
                        + state);
    const auto result =
        apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished, [&] { flow.handleRedirect(redirect); });
    QVERIFY(result);
    QCOMPARE(result->error().kind(), Error::Kind::AuthFailed);
    QVERIFY(result->error().message().contains(QLatin1String("Bad")));
    QCOMPARE(grants(m_sandbox, "authorization_code"), 0);
}

void TestOAuthFlow::outOfBandCode()
{
    AuthorizationCodeFlow flow(
        &m_nam, apitest::sandboxClient(m_sandbox.baseUrl(), QStringLiteral("urn:ietf:wg:oauth:2.0:oob")));
    const QUrl url = flow.authorizeUrl();
    QVERIFY(!flow.matchesRedirect(QUrl(QStringLiteral("http://localhost/?code=1"))));
    QUrlQuery form(url);
    form.addQueryItem(QStringLiteral("login"), apitest::kDemoLogin);
    form.addQueryItem(QStringLiteral("password"), apitest::kDemoPassword);
    QUrl post = url;
    post.setQuery(QString());
    const auto page = m_sandbox.request("POST", post, form.toString(QUrl::FullyEncoded).toUtf8(),
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(page.status, 200);
    const QRegularExpression codeRe(QStringLiteral("id=\"code\"[^>]*>([^<]+)<"));
    const auto match = codeRe.match(QString::fromUtf8(page.body));
    QVERIFY2(match.hasMatch(), page.body.constData());
    const auto result = apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished,
                                             [&] { flow.exchangeCode(match.captured(1)); });
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().toString()));
    QVERIFY(!result->value().refreshToken.isEmpty());
}

void TestOAuthFlow::refreshRotation()
{
    const auto tokens = signIn();
    QVERIFY2(tokens.ok(), qPrintable(tokens.error().toString()));
    QVERIFY(m_sandbox.resetStats());
    RecordingPersistence persistence;
    TokenManager manager(QStringLiteral("conn-1"), apitest::sandboxClient(m_sandbox.baseUrl()),
                         tokens.value(), &persistence);
    persistence.manager = &manager;
    const quint64 generation = manager.current().generation;

    const auto fresh = freshToken(manager, generation);
    QVERIFY2(fresh.ok(), qPrintable(fresh.error().toString()));
    QVERIFY(fresh.value().generation > generation);
    QVERIFY(fresh.value().accessToken != tokens.value().accessToken);
    QCOMPARE(grants(m_sandbox, "refresh_token"), 1);
    // Saved before published: at save time the old access token was still the current one.
    QCOMPARE(persistence.saved.size(), 1);
    QCOMPARE(persistence.savedConnection, QStringLiteral("conn-1"));
    QCOMPARE(persistence.publishedAtSave.first(), tokens.value().accessToken);
    QVERIFY(persistence.saved.first().refreshToken != tokens.value().refreshToken); // rotated
    QCOMPARE(persistence.saved.first().accessToken, fresh.value().accessToken);

    // A caller that arrives with the old generation after the refresh gets the new token at once.
    const auto again = freshToken(manager, generation);
    QVERIFY(again.ok());
    QCOMPARE(again.value().accessToken, fresh.value().accessToken);
    QCOMPARE(grants(m_sandbox, "refresh_token"), 1);

    // The old refresh token was single-use.
    TokenRequest reuse(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const auto reused = apitest::awaitSignal(&reuse, &TokenRequest::finished,
                                             [&] { reuse.startRefresh(tokens.value().refreshToken); });
    QVERIFY(reused);
    QCOMPARE(reused->error().kind(), Error::Kind::AuthRevoked);
}

void TestOAuthFlow::revokedRefreshToken()
{
    const auto tokens = signIn();
    QVERIFY(tokens.ok());
    TokenManager manager(QStringLiteral("conn-2"), apitest::sandboxClient(m_sandbox.baseUrl()),
                         tokens.value(), nullptr);
    QSignalSpy signIn(&manager, &TokenManager::signInRequired);
    QVERIFY(m_sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    const auto fresh = freshToken(manager, manager.current().generation);
    QVERIFY(!fresh.ok());
    QCOMPARE(fresh.error().kind(), Error::Kind::AuthRevoked);
    QVERIFY2(fresh.error().message().contains(QLatin1String("Sign in again to Sandbox")),
             qPrintable(fresh.error().message()));
    QCOMPARE(signIn.count(), 1);
    // Later callers get the same answer without another grant.
    QVERIFY(m_sandbox.resetStats());
    QCOMPARE(freshToken(manager, manager.current().generation).error().kind(), Error::Kind::AuthRevoked);
    QCOMPARE(grants(m_sandbox, "refresh_token"), 0);
}

void TestOAuthFlow::clientCredentials()
{
    QVERIFY(m_sandbox.resetStats());
    OAuthClient service = apitest::sandboxClient(m_sandbox.baseUrl());
    service.clientId = QStringLiteral("trestle-service-account");
    service.clientSecret = QStringLiteral("trestle-service-secret");
    const auto tokens = runClientCredentials(&m_nam, service);
    QVERIFY2(tokens.ok(), qPrintable(tokens.error().toString()));
    QVERIFY(tokens.value().refreshToken.isEmpty());
    QCOMPARE(grants(m_sandbox, "client_credentials"), 1);

    // The manager renews a service-account token with the same grant. A DMSA sends the company
    // header on /companies too; the company id comes from a user sign-in here.
    apitest::Connection user;
    QVERIFY2(user.open(m_sandbox), qPrintable(user.error));
    QVERIFY(m_sandbox.resetStats());
    TokenManager manager(QStringLiteral("svc"), service, tokens.value(), nullptr);
    RateLimitMeter meter;
    auto context = std::make_shared<ConnectionContext>(QStringLiteral("svc"), m_sandbox.baseUrl(),
                                                       user.companyId, &manager, &meter);
    context->setServiceAccount(true);
    ProcoreClient client(context);
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const auto companies = await<QList<Company>>([&](auto done) { client.companies(done); });
    QVERIFY2(companies.ok(), qPrintable(companies.error().toString()));
    QVERIFY(!companies.value().isEmpty());
    QCOMPARE(grants(m_sandbox, "client_credentials"), 1);
    QCOMPARE(grants(m_sandbox, "refresh_token"), 0);

    OAuthClient wrong = service;
    wrong.clientSecret = QStringLiteral("nope");
    QCOMPARE(runClientCredentials(&m_nam, wrong).error().kind(), Error::Kind::AuthFailed);
}

void TestOAuthFlow::revoke()
{
    const auto tokens = signIn();
    QVERIFY(tokens.ok());
    const QUrl me = m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/rest/v1.0/me")));
    const QByteArray bearer = "Bearer " + tokens.value().accessToken.toUtf8();
    QCOMPARE(m_sandbox.request("GET", me, {}, {{"Authorization", bearer}}).status, 200);
    TokenRevocation revocation(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const auto revoked = apitest::awaitSignal(&revocation, &TokenRevocation::finished,
                                              [&] { revocation.start(tokens.value().accessToken); });
    QVERIFY(revoked);
    QVERIFY2(revoked->ok(), qPrintable(revoked->error().toString()));
    QCOMPARE(m_sandbox.request("GET", me, {}, {{"Authorization", bearer}}).status, 401);
    // Revoking kills the refresh token too.
    TokenRequest refresh(&m_nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const auto refreshed = apitest::awaitSignal(&refresh, &TokenRequest::finished,
                                                [&] { refresh.startRefresh(tokens.value().refreshToken); });
    QVERIFY(refreshed);
    QCOMPARE(refreshed->error().kind(), Error::Kind::AuthRevoked);
}

QTEST_GUILESS_MAIN(TestOAuthFlow)
#include "tst_oauthflow.moc"
