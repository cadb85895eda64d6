// Security checks of everything Trestle sends over the network (issue 9, DESIGN.md "Secrets and
// safety"): TLS errors are never ignored (a self-signed HTTPS proxy in front of the sandbox), plain
// http is refused for any host but loopback, the OAuth state and redirect checks hold, and the
// bearer token never goes to another host (storage, a redirect target, a pagination link).
#include "apitestsupport.h"
#include "core/api/authorizationcodeflow.h"
#include "core/api/storagetransfer.h"
#include "core/api/urlpolicy.h"
#include "httprecorder.h"
#include "sandboxprocess.h"
#include "tlsproxy.h"

#include <QBuffer>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

using namespace trestle;

namespace {

const QByteArray kFakeToken = "eyJFAKE-security-test-access-token";

TokenSet fakeTokens()
{
    TokenSet set;
    set.accessToken = QString::fromLatin1(kFakeToken);
    set.refreshToken = QStringLiteral("eyJFAKE-security-test-refresh-token");
    set.createdAt = QDateTime::currentDateTimeUtc();
    set.expiresAt = set.createdAt.addSecs(3600);
    return set;
}

Status download(const std::shared_ptr<ConnectionContext> &context, const QUrl &url,
                QByteArray *bytes = nullptr)
{
    QNetworkAccessManager nam;
    StorageTransfer transfer(context, &nam);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    bool done = false;
    QObject::connect(&transfer, &StorageTransfer::finished, [&done] { done = true; });
    transfer.startDownload(url, &sink);
    if (!apitest::spinUntil([&done] { return done; }, 60000))
        return Error(Error::Kind::Timeout, QStringLiteral("download did not finish"));
    if (bytes)
        *bytes = sink.data();
    return transfer.result();
}

} // namespace

class TestSecurityNetwork final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tlsErrorsAreNeverIgnored();
    void plainHttpRefusedForRemoteHosts_data();
    void plainHttpRefusedForRemoteHosts();
    void oauthStateMismatchRefused();
    void foreignRedirectNotAccepted_data();
    void foreignRedirectNotAccepted();
    void storageGetsNoAuthorization();
    void redirectTargetGetsNoAuthorization();
    void paginationLinkToForeignHostRefused();

private:
    std::shared_ptr<ConnectionContext> contextFor(const QUrl &apiBase);
    int tokenGrants(const QString &grant) const;

    testing::SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    std::vector<std::unique_ptr<TokenManager>> m_tokens;
};

void TestSecurityNetwork::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_connection.open(m_sandbox), qPrintable(m_connection.error));
}

void TestSecurityNetwork::cleanupTestCase()
{
    m_connection.client.reset();
    m_sandbox.stop();
}

std::shared_ptr<ConnectionContext> TestSecurityNetwork::contextFor(const QUrl &apiBase)
{
    m_tokens.push_back(std::make_unique<TokenManager>(
        QStringLiteral("security"), apitest::sandboxClient(apiBase), fakeTokens(), nullptr));
    return std::make_shared<ConnectionContext>(QStringLiteral("Security"), apiBase, m_connection.companyId,
                                               m_tokens.back().get(), m_connection.meter.get());
}

int TestSecurityNetwork::tokenGrants(const QString &grant) const
{
    return m_sandbox.stats().value(QStringLiteral("token_grants")).toObject().value(grant).toInt();
}

void TestSecurityNetwork::tlsErrorsAreNeverIgnored()
{
    QVERIFY(m_sandbox.resetStats()); // the sign-in of initTestCase is not this test's
    TlsProxy proxy;
    QVERIFY2(proxy.start(quint16(m_sandbox.baseUrl().port())), qPrintable(proxy.errorString()));
    QUrl httpsBase;
    httpsBase.setScheme(QStringLiteral("https"));
    httpsBase.setHost(QStringLiteral("127.0.0.1"));
    httpsBase.setPort(proxy.port());

    // Control: the proxy works for a client that trusts its certificate, so the failures below
    // are certificate checks, not a broken proxy.
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(httpsBase.resolved(QUrl(QStringLiteral("/_sandbox/info"))));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates({proxy.certificate()});
        request.setSslConfiguration(config);
        QNetworkReply *reply = nam.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->readAll().contains("api_base"));
        delete reply;
    }

    // The API client.
    const auto context = contextFor(httpsBase);
    QVERIFY(!context->urlError());
    ProcoreClient client(context);
    const Result<Me> me = apitest::await<Me>([&client](auto done) { client.me(done); });
    QVERIFY(!me.ok());
    QCOMPARE(Error::kindName(me.error().kind()), Error::kindName(Error::Kind::Tls));

    // Storage downloads (signed URLs on another host).
    const Status stored =
        download(m_connection.context, httpsBase.resolved(QUrl(QStringLiteral("/_sandbox/info"))));
    QVERIFY(!stored.ok());
    QCOMPARE(Error::kindName(stored.error().kind()), Error::kindName(Error::Kind::Tls));

    // The token endpoint (sign-in): the code is never sent to a server that fails the check.
    QNetworkAccessManager nam;
    AuthorizationCodeFlow flow(&nam, apitest::sandboxClient(httpsBase));
    const auto signedIn = apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished,
                                               [&flow] { flow.exchangeCode(QStringLiteral("FAKE-CODE")); });
    QVERIFY(signedIn.has_value());
    QVERIFY(!signedIn->ok());
    QCOMPARE(Error::kindName(signedIn->error().kind()), Error::kindName(Error::Kind::Tls));
    QCOMPARE(tokenGrants(QStringLiteral("authorization_code")), 0);
    QVERIFY(proxy.connectionsAccepted() >= 3);
}

void TestSecurityNetwork::plainHttpRefusedForRemoteHosts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("documentation address") << QStringLiteral("http://192.0.2.1/") << false;
    QTest::newRow("remote name") << QStringLiteral("http://api.procore.com/") << false;
    QTest::newRow("loopback-looking name") << QStringLiteral("http://127.0.0.1.example.com/") << false;
    QTest::newRow("localhost subdomain of another")
        << QStringLiteral("http://localhost.example.com/") << false;
    QTest::newRow("mapped v4 remote") << QStringLiteral("http://[::ffff:192.0.2.1]/") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/") << false;
    QTest::newRow("loopback v4") << QStringLiteral("http://127.0.0.1:1/") << true;
    QTest::newRow("loopback v6") << QStringLiteral("http://[::1]:1/") << true;
    QTest::newRow("https remote") << QStringLiteral("https://192.0.2.1/") << true;
}

void TestSecurityNetwork::plainHttpRefusedForRemoteHosts()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const QUrl base(url);
    QCOMPARE(!UrlPolicy::checkServerUrl(base).isError(), allowed);
    if (allowed)
        return;
    // Refused before any byte is sent: a Config error at once (192.0.2.1 would otherwise time out).
    const auto context = contextFor(base);
    QVERIFY(context->urlError());
    ProcoreClient client(context);
    const Result<Me> me = apitest::await<Me>([&client](auto done) { client.me(done); }, 10000);
    QVERIFY(!me.ok());
    QCOMPARE(Error::kindName(me.error().kind()), Error::kindName(Error::Kind::Config));
    const Status stored = download(m_connection.context, base.resolved(QUrl(QStringLiteral("/blob"))));
    QVERIFY(!stored.ok());
    QCOMPARE(Error::kindName(stored.error().kind()), Error::kindName(Error::Kind::Config));
}

void TestSecurityNetwork::oauthStateMismatchRefused()
{
    QVERIFY(m_sandbox.resetStats());
    QNetworkAccessManager nam;
    AuthorizationCodeFlow flow(&nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    AuthorizationCodeFlow other(&nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    const QUrl redirect = apitest::scriptedLogin(m_sandbox, flow.authorizeUrl());
    QVERIFY(flow.matchesRedirect(redirect));
    const QUrl otherRedirect = apitest::scriptedLogin(m_sandbox, other.authorizeUrl());

    const auto tampered = [&redirect](const std::optional<QString> &state) {
        QUrl url = redirect;
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("state"));
        if (state)
            query.addQueryItem(QStringLiteral("state"), *state);
        url.setQuery(query);
        return url;
    };
    const QString otherState = QUrlQuery(otherRedirect).queryItemValue(QStringLiteral("state"));
    for (const QUrl &forged : {tampered(QStringLiteral("forged")), tampered(std::nullopt),
                               tampered(QString()), tampered(otherState)}) {
        const auto result = apitest::awaitSignal(&flow, &AuthorizationCodeFlow::finished,
                                                 [&flow, &forged] { flow.handleRedirect(forged); });
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(Error::kindName(result->error().kind()), Error::kindName(Error::Kind::AuthFailed));
    }
    QCOMPARE(tokenGrants(QStringLiteral("authorization_code")), 0);

    // Control: the genuine redirect of the other sign-in still works (the flow and the sandbox
    // are able to say yes), and only then a token call is made.
    const auto genuine =
        apitest::awaitSignal(&other, &AuthorizationCodeFlow::finished,
                             [&other, &otherRedirect] { other.handleRedirect(otherRedirect); });
    QVERIFY(genuine.has_value());
    QVERIFY2(genuine->ok(), qPrintable(genuine->error().toString()));
    QCOMPARE(tokenGrants(QStringLiteral("authorization_code")), 1);
    // A state is single use: replaying the same redirect is refused.
    const auto replay =
        apitest::awaitSignal(&other, &AuthorizationCodeFlow::finished,
                             [&other, &otherRedirect] { other.handleRedirect(otherRedirect); });
    QVERIFY(replay.has_value());
    QVERIFY(!replay->ok());
    QCOMPARE(tokenGrants(QStringLiteral("authorization_code")), 1);
}

void TestSecurityNetwork::foreignRedirectNotAccepted_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("matches");
    QTest::newRow("registered") << QStringLiteral("http://localhost/?code=x&state=y") << true;
    QTest::newRow("registered, explicit port") << QStringLiteral("http://localhost:80/?code=x") << true;
    QTest::newRow("https") << QStringLiteral("https://localhost/?code=x") << false;
    QTest::newRow("other port") << QStringLiteral("http://localhost:8080/?code=x") << false;
    QTest::newRow("other host") << QStringLiteral("http://evil.example/?code=x") << false;
    QTest::newRow("suffix host") << QStringLiteral("http://localhost.evil.example/?code=x") << false;
    QTest::newRow("userinfo trick") << QStringLiteral("http://localhost@evil.example/?code=x") << false;
    QTest::newRow("other path") << QStringLiteral("http://localhost/callback?code=x") << false;
    QTest::newRow("redirect in query")
        << QStringLiteral("https://evil.example/?redirect_uri=http://localhost&code=x") << false;
    QTest::newRow("sign-in page") << QStringLiteral("http://127.0.0.1:1/oauth/authorize?state=y") << false;
}

void TestSecurityNetwork::foreignRedirectNotAccepted()
{
    QFETCH(QString, url);
    QFETCH(bool, matches);
    QNetworkAccessManager nam;
    AuthorizationCodeFlow flow(&nam, apitest::sandboxClient(m_sandbox.baseUrl()));
    flow.authorizeUrl();
    QCOMPARE(flow.matchesRedirect(QUrl(url)), matches);
}

void TestSecurityNetwork::storageGetsNoAuthorization()
{
    // A real download and a real form upload through the sandbox, whose storage port is another
    // origin; the sandbox counts storage requests that carried an Authorization header.
    QVERIFY(m_sandbox.resetStats());
    const auto docs = apitest::await<QList<DocumentEntry>>(
        [this](auto done) { m_connection.client->documents(m_connection.projectId, {}, done); });
    QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
    QUrl versionUrl;
    for (const DocumentEntry &entry : docs.value())
        if (entry.type == DocumentEntry::Type::File && entry.currentVersion
            && !entry.currentVersion->url.isEmpty())
            versionUrl = QUrl(entry.currentVersion->url);
    QVERIFY(versionUrl.isValid());
    QByteArray bytes;
    const Status downloaded = download(m_connection.context, versionUrl, &bytes);
    QVERIFY2(downloaded.ok(), qPrintable(downloaded.error().toString()));
    QVERIFY(!bytes.isEmpty());

    const QByteArray payload(5000, 'x');
    const auto upload = apitest::await<Upload>([this, &payload](auto done) {
        m_connection.client->createUpload(m_connection.projectId, QStringLiteral("security.txt"),
                                          QStringLiteral("text/plain"), payload.size(), done);
    });
    QVERIFY2(upload.ok(), qPrintable(upload.error().toString()));
    QNetworkAccessManager nam;
    StorageTransfer transfer(m_connection.context, &nam);
    QBuffer source;
    source.setData(payload);
    source.open(QIODevice::ReadOnly);
    bool done = false;
    connect(&transfer, &StorageTransfer::finished, this, [&done] { done = true; });
    transfer.startFormUpload(upload.value(), &source, QStringLiteral("security.txt"),
                             QStringLiteral("text/plain"));
    QVERIFY(apitest::spinUntil([&done] { return done; }));
    QVERIFY2(transfer.result().ok(), qPrintable(transfer.result().error().toString()));

    const QJsonObject storage = m_sandbox.stats().value(QStringLiteral("storage")).toObject();
    QCOMPARE(storage.value(QStringLiteral("downloads")).toInt(), 1);
    QCOMPARE(storage.value(QStringLiteral("uploads")).toInt(), 1);
    QCOMPARE(storage.value(QStringLiteral("requests_with_authorization")).toInt(), 0);
}

void TestSecurityNetwork::redirectTargetGetsNoAuthorization()
{
    // The API host (a recorder on 127.0.0.1) answers a download hop with 302 to another host
    // (a recorder on 127.0.0.2): the token goes to the first only.
    HttpRecorder foreign;
    QVERIFY(foreign.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    foreign.setReply({200, {{"Content-Type", "application/octet-stream"}}, "blob bytes"});
    HttpRecorder api;
    QVERIFY(api.listen(QHostAddress::LocalHost));
    const QByteArray location = foreign.baseUrl().resolved(QUrl(QStringLiteral("/blob?sig=1"))).toEncoded();
    api.setReply({302, {{"Location", location}}, {}});

    const auto context = contextFor(api.baseUrl());
    QByteArray bytes;
    const Status result =
        download(context, api.baseUrl().resolved(QUrl(QStringLiteral("/fas/v1/1"))), &bytes);
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(bytes, QByteArray("blob bytes"));
    QCOMPARE(api.requests().size(), 1);
    QCOMPARE(api.requests().first().headers.value("authorization"), "Bearer " + kFakeToken);
    QCOMPARE(foreign.requests().size(), 1);
    QVERIFY(!foreign.requests().first().headers.contains("authorization"));
    // requests() returns a copy: keep it alive for the loop (a temporary's member would dangle).
    const auto foreignRequests = foreign.requests();
    for (const QByteArray &value : foreignRequests.first().headers)
        QVERIFY(!value.contains(kFakeToken));

    // A storage URL on another host given directly: no token either.
    const Status direct = download(context, foreign.baseUrl().resolved(QUrl(QStringLiteral("/blob2"))));
    QVERIFY(direct.ok());
    QCOMPARE(foreign.requests().size(), 2);
    QVERIFY(!foreign.requests().last().headers.contains("authorization"));
}

void TestSecurityNetwork::paginationLinkToForeignHostRefused()
{
    HttpRecorder foreign;
    QVERIFY(foreign.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    foreign.setReply({200, {{"Content-Type", "application/json"}}, "[]"});
    HttpRecorder api;
    QVERIFY(api.listen(QHostAddress::LocalHost));
    const QByteArray next =
        foreign.baseUrl().resolved(QUrl(QStringLiteral("/rest/v1.0/companies?page=2"))).toEncoded();
    api.setReply(
        {200,
         {{"Content-Type", "application/json"}, {"Total", "2"}, {"Link", "<" + next + ">; rel=\"next\""}},
         R"([{"id":4294968396,"name":"Northwind Builders","is_active":true}])"});
    const auto context = contextFor(api.baseUrl());
    ProcoreClient client(context);
    const auto companies = apitest::await<QList<Company>>([&client](auto done) { client.companies(done); });
    QVERIFY(!companies.ok());
    QCOMPARE(api.requests().size(), 1);
    QCOMPARE(foreign.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestSecurityNetwork)
#include "tst_security_network.moc"
