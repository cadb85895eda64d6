// OAuth of trestle-sandbox end to end over HTTP (procore-api.md §2, tests/sandbox/README.md).
#include "coretestsupport.h"

#include <QDateTime>
#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace coretest;

class TestSandboxOAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void authorizePageShowsAccessibleForm();
    void authorizeRejectsUnregisteredRedirect();
    void authorizeRejectsUnknownClient();
    void wrongPasswordShowsFormAgain();
    void loginRedirectsWithCodeAndExactState();
    void oobShowsCodeOnPage();
    void exchangeAcceptsEveryBodyFormat_data();
    void exchangeAcceptsEveryBodyFormat();
    void wrongSecretIsInvalidClient();
    void codeIsSingleUse();
    void codeNeedsSameRedirectUri();
    void refreshRotates();
    void failedRefreshStillKillsToken();
    void clientCredentials();
    void tokenInfo();
    void revokeKillsBothTokens();
    void expireTokensControl();
    void revokeRefreshTokensControl();
    void tokenEndpointIsCountedAndLimited();
    void configurableLifetime();
    void createdAtFollowsClockOffset_data();
    void createdAtFollowsClockOffset();
    void tokensSurviveRestartWithDataDir();

private:
    testing::SandboxProcess m_sandbox;
};

void TestSandboxOAuth::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
}

void TestSandboxOAuth::authorizePageShowsAccessibleForm()
{
    const Reply reply = m_sandbox.request(
        "GET",
        url(m_sandbox, QStringLiteral("/oauth/authorize"),
            QStringLiteral(
                "response_type=code&client_id=trestle-sandbox-app&redirect_uri=http%3A%2F%2Flocalhost"
                "&state=abc")));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("text/html"));
    for (const char *needle :
         {"id=\"login\"", "id=\"password\"", "id=\"submit\"", "<label for=\"login\"",
          "<label for=\"password\"", "name=\"state\" value=\"abc\"", "demo@trestle.test"})
        QVERIFY2(reply.body.contains(needle), needle);
}

void TestSandboxOAuth::authorizeRejectsUnregisteredRedirect()
{
    const Reply reply = m_sandbox.request(
        "GET",
        url(m_sandbox, QStringLiteral("/oauth/authorize"),
            QStringLiteral(
                "response_type=code&client_id=trestle-sandbox-app&redirect_uri=http%3A%2F%2Fevil.test")));
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.body.contains("redirect_uri is not registered for this application"));
    // The POST is checked the same way: no code can be sent to an unregistered URI.
    const Reply post =
        submitLogin(m_sandbox, appId, demoLogin, demoPassword, QStringLiteral("http://evil.test"));
    QCOMPARE(post.status, 400);
    QVERIFY(post.header("Location").isEmpty());
}

void TestSandboxOAuth::authorizeRejectsUnknownClient()
{
    const Reply reply = m_sandbox.request(
        "GET",
        url(m_sandbox, QStringLiteral("/oauth/authorize"),
            QStringLiteral("response_type=code&client_id=nobody&redirect_uri=http%3A%2F%2Flocalhost")));
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.body.contains("id=\"password\""));
}

void TestSandboxOAuth::wrongPasswordShowsFormAgain()
{
    const Reply reply = submitLogin(m_sandbox, appId, demoLogin, QStringLiteral("wrong"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Location").isEmpty());
    QVERIFY(reply.body.contains("Invalid login or password."));
    QVERIFY(reply.body.contains("id=\"password\""));
}

void TestSandboxOAuth::loginRedirectsWithCodeAndExactState()
{
    const QString state = QStringLiteral("a b/c+d=e&f%g~ü");
    const Reply reply = submitLogin(m_sandbox, appId, demoLogin, demoPassword, localhost, state);
    QCOMPARE(reply.status, 302);
    const QUrl location(QString::fromUtf8(reply.header("Location")));
    QCOMPARE(location.host(), QStringLiteral("localhost"));
    const QUrlQuery query(location);
    QVERIFY(!query.queryItemValue(QStringLiteral("code")).isEmpty());
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
}

void TestSandboxOAuth::oobShowsCodeOnPage()
{
    const QString oob = QStringLiteral("urn:ietf:wg:oauth:2.0:oob");
    const Reply reply = submitLogin(m_sandbox, appId, demoLogin, demoPassword, oob);
    QCOMPARE(reply.status, 200);
    const int start = reply.body.indexOf("<code id=\"code\">");
    QVERIFY(start >= 0);
    const int from = start + int(qstrlen("<code id=\"code\">"));
    const QString code = QString::fromUtf8(reply.body.mid(from, reply.body.indexOf("</code>", from) - from));
    QVERIFY(!code.isEmpty());
    const Reply token = postToken(m_sandbox,
                                  {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                   {QStringLiteral("client_id"), appId},
                                   {QStringLiteral("client_secret"), appSecret},
                                   {QStringLiteral("code"), code},
                                   {QStringLiteral("redirect_uri"), oob}});
    QCOMPARE(token.status, 200);
}

void TestSandboxOAuth::exchangeAcceptsEveryBodyFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("form") << QStringLiteral("form");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("multipart") << QStringLiteral("multipart");
}

void TestSandboxOAuth::exchangeAcceptsEveryBodyFormat()
{
    QFETCH(QString, format);
    const QString code = authorize(m_sandbox);
    QVERIFY(!code.isEmpty());
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("client_id"), appId},
        {QStringLiteral("client_secret"), appSecret},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), localhost}};
    QNetworkAccessManager nam;
    QNetworkRequest request(url(m_sandbox, QStringLiteral("/oauth/token")));
    QNetworkReply *reply = nullptr;
    std::unique_ptr<QHttpMultiPart> multipart;
    if (format == QLatin1String("form")) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(request, formEncode(fields));
    } else if (format == QLatin1String("json")) {
        QJsonObject object;
        for (const auto &field : fields)
            object.insert(field.first, field.second);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = nam.post(request, QJsonDocument(object).toJson());
    } else {
        multipart = std::make_unique<QHttpMultiPart>(QHttpMultiPart::FormDataType);
        for (const auto &field : fields) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(field.first));
            part.setBody(field.second.toUtf8());
            multipart->append(part);
        }
        reply = nam.post(request, multipart.get());
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    QVERIFY(body.value(QStringLiteral("access_token")).toString().startsWith(QLatin1String("eyJ")));
    QVERIFY(!body.value(QStringLiteral("refresh_token")).toString().isEmpty());
    QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(body.value(QStringLiteral("expires_in")).toInt(), 5400);
    QVERIFY(body.value(QStringLiteral("created_at")).toInteger() > 1700000000);
    const Reply me = get(m_sandbox, QStringLiteral("/rest/v1.0/me"),
                         body.value(QStringLiteral("access_token")).toString());
    QCOMPARE(me.status, 200);
    QCOMPARE(jsonObject(me).value(QStringLiteral("login")).toString(), demoLogin);
}

void TestSandboxOAuth::wrongSecretIsInvalidClient()
{
    const QString code = authorize(m_sandbox);
    const Reply reply = postToken(m_sandbox,
                                  {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                   {QStringLiteral("client_id"), appId},
                                   {QStringLiteral("client_secret"), QStringLiteral("not-the-secret")},
                                   {QStringLiteral("code"), code},
                                   {QStringLiteral("redirect_uri"), localhost}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
}

void TestSandboxOAuth::codeIsSingleUse()
{
    const QString code = authorize(m_sandbox);
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("client_id"), appId},
        {QStringLiteral("client_secret"), appSecret},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), localhost}};
    QCOMPARE(postToken(m_sandbox, fields).status, 200);
    const Reply again = postToken(m_sandbox, fields);
    QCOMPARE(again.status, 400);
    QCOMPARE(jsonObject(again).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestSandboxOAuth::codeNeedsSameRedirectUri()
{
    const QString code = authorize(m_sandbox);
    const Reply reply =
        postToken(m_sandbox,
                  {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                   {QStringLiteral("client_id"), appId},
                   {QStringLiteral("client_secret"), appSecret},
                   {QStringLiteral("code"), code},
                   {QStringLiteral("redirect_uri"), QStringLiteral("urn:ietf:wg:oauth:2.0:oob")}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

static QList<QPair<QString, QString>> refreshFields(const QString &refreshToken,
                                                    const QString &secret = appSecret)
{
    return {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("client_id"), appId},
            {QStringLiteral("client_secret"), secret},
            {QStringLiteral("refresh_token"), refreshToken}};
}

void TestSandboxOAuth::refreshRotates()
{
    const QJsonObject first = userTokens(m_sandbox);
    const QString oldRefresh = first.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!oldRefresh.isEmpty());
    const Reply refreshed = postToken(m_sandbox, refreshFields(oldRefresh));
    QCOMPARE(refreshed.status, 200);
    const QJsonObject second = jsonObject(refreshed);
    const QString newAccess = second.value(QStringLiteral("access_token")).toString();
    const QString newRefresh = second.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(newAccess != first.value(QStringLiteral("access_token")).toString());
    QVERIFY(newRefresh != oldRefresh);
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), newAccess).status, 200);

    const Reply reused = postToken(m_sandbox, refreshFields(oldRefresh));
    QVERIFY(reused.status == 400 || reused.status == 401);
    QCOMPARE(jsonObject(reused).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(jsonObject(reused).value(QStringLiteral("error_description")).toString(),
             QStringLiteral("The refresh token is invalid"));
    // The rotated token works once.
    QCOMPARE(postToken(m_sandbox, refreshFields(newRefresh)).status, 200);
}

void TestSandboxOAuth::failedRefreshStillKillsToken()
{
    const QString refresh = userTokens(m_sandbox).value(QStringLiteral("refresh_token")).toString();
    const Reply failed = postToken(m_sandbox, refreshFields(refresh, QStringLiteral("wrong-secret")));
    QCOMPARE(failed.status, 401);
    QCOMPARE(jsonObject(failed).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    const Reply after = postToken(m_sandbox, refreshFields(refresh));
    QCOMPARE(after.status, 400);
    QCOMPARE(jsonObject(after).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestSandboxOAuth::clientCredentials()
{
    const QJsonObject tokens = serviceTokens(m_sandbox);
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    QVERIFY(!access.isEmpty());
    QVERIFY(!tokens.contains(QStringLiteral("refresh_token")));
    QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    // A service account (DMSA) needs the company header even on /me (§3).
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access).status, 400);
    const qint64 companyId =
        firstCompanyId(m_sandbox, userTokens(m_sandbox).value(QStringLiteral("access_token")).toString());
    const Reply me = get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access, companyId);
    QCOMPARE(me.status, 200);
    QCOMPARE(jsonObject(me).value(QStringLiteral("login")).toString(), serviceId);

    // An ordinary application may not use the grant, and a wrong secret is refused.
    const Reply app = postToken(m_sandbox,
                                {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                 {QStringLiteral("client_id"), appId},
                                 {QStringLiteral("client_secret"), appSecret}});
    QCOMPARE(app.status, 400);
    const Reply wrong = postToken(m_sandbox,
                                  {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                   {QStringLiteral("client_id"), serviceId},
                                   {QStringLiteral("client_secret"), QStringLiteral("nope")}});
    QCOMPARE(wrong.status, 401);
}

void TestSandboxOAuth::tokenInfo()
{
    const QString access = userTokens(m_sandbox).value(QStringLiteral("access_token")).toString();
    const qint64 userId = jsonObject(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access))
                              .value(QStringLiteral("id"))
                              .toInteger();
    QVERIFY(userId > (qint64(1) << 32));
    const Reply info = get(m_sandbox, QStringLiteral("/oauth/token/info"), access);
    QCOMPARE(info.status, 200);
    const QJsonObject body = jsonObject(info);
    QCOMPARE(body.value(QStringLiteral("resource_owner_id")).toInteger(), userId);
    QCOMPARE(body.value(QStringLiteral("application")).toObject().value(QStringLiteral("uid")).toString(),
             appId);
    QVERIFY(body.value(QStringLiteral("expires_in_seconds")).toInt() > 0);
    QVERIFY(body.value(QStringLiteral("expires_in_seconds")).toInt() <= 5400);
    QCOMPARE(get(m_sandbox, QStringLiteral("/oauth/token/info"), QStringLiteral("garbage")).status, 401);
}

void TestSandboxOAuth::revokeKillsBothTokens()
{
    const QJsonObject tokens = userTokens(m_sandbox);
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
    const Reply revoke = m_sandbox.request("POST", url(m_sandbox, QStringLiteral("/oauth/revoke")),
                                           formEncode({{QStringLiteral("token"), access},
                                                       {QStringLiteral("client_id"), appId},
                                                       {QStringLiteral("client_secret"), appSecret}}),
                                           {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(revoke.status, 200);
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access).status, 401);
    QCOMPARE(postToken(m_sandbox, refreshFields(refresh)).status, 400);
    const Reply invalid =
        m_sandbox.request("POST", url(m_sandbox, QStringLiteral("/oauth/revoke")),
                          formEncode({{QStringLiteral("token"), QStringLiteral("nonsense")}}),
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(invalid.status, 200);
}

void TestSandboxOAuth::expireTokensControl()
{
    const QJsonObject tokens = userTokens(m_sandbox);
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access).status, 200);
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    const Reply expired = get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access);
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.header("WWW-Authenticate").startsWith("Bearer"));
    QCOMPARE(jsonObject(expired).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_token"));
    QCOMPARE(jsonObject(expired).value(QStringLiteral("error_description")).toString(),
             QStringLiteral("The access token is invalid"));
    // The refresh token still gets a fresh access token.
    const Reply refreshed =
        postToken(m_sandbox, refreshFields(tokens.value(QStringLiteral("refresh_token")).toString()));
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"),
                 jsonObject(refreshed).value(QStringLiteral("access_token")).toString())
                 .status,
             200);
}

void TestSandboxOAuth::revokeRefreshTokensControl()
{
    const QJsonObject tokens = userTokens(m_sandbox);
    QVERIFY(m_sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    const Reply reply =
        postToken(m_sandbox, refreshFields(tokens.value(QStringLiteral("refresh_token")).toString()));
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // Access tokens are untouched.
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"),
                 tokens.value(QStringLiteral("access_token")).toString())
                 .status,
             200);
}

void TestSandboxOAuth::tokenEndpointIsCountedAndLimited()
{
    QVERIFY(m_sandbox.resetStats());
    const QString code = authorize(m_sandbox, customId);
    const Reply reply = postToken(m_sandbox,
                                  {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                   {QStringLiteral("client_id"), customId},
                                   {QStringLiteral("client_secret"), customSecret},
                                   {QStringLiteral("code"), code},
                                   {QStringLiteral("redirect_uri"), localhost}});
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.header("X-Rate-Limit-Limit").isEmpty());
    QVERIFY(!reply.header("X-Rate-Limit-Remaining").isEmpty());
    QVERIFY(!reply.header("X-Rate-Limit-Reset").isEmpty());
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(stats.value(QStringLiteral("total_api_calls")).toInt(), 1); // the form pages are not API calls
    QCOMPARE(stats.value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("POST /oauth/token"))
                 .toInt(),
             1);
    QCOMPARE(stats.value(QStringLiteral("by_client")).toObject().value(customId).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("token_grants"))
                 .toObject()
                 .value(QStringLiteral("authorization_code"))
                 .toInt(),
             1);
}

void TestSandboxOAuth::configurableLifetime()
{
    testing::SandboxProcess shortLived;
    QVERIFY2(shortLived.start({QStringLiteral("--token-lifetime"), QStringLiteral("2")}),
             qPrintable(shortLived.errorString()));
    const QJsonObject tokens = userTokens(shortLived);
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 2);
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    // The state changes from valid to expired; the deadline is generous for a loaded machine.
    QTRY_COMPARE_WITH_TIMEOUT(get(shortLived, QStringLiteral("/rest/v1.0/me"), access).status, 401, 20000);
    // Live config changes the lifetime of tokens issued afterwards.
    QVERIFY(shortLived.configure({{QStringLiteral("token_lifetime"), 7200}}));
    QCOMPARE(userTokens(shortLived).value(QStringLiteral("expires_in")).toInt(), 7200);
}

void TestSandboxOAuth::createdAtFollowsClockOffset_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addRow("an hour ahead") << qint64(3600);
    QTest::addRow("a day behind") << qint64(-86400);
}

void TestSandboxOAuth::createdAtFollowsClockOffset()
{
    // The token reply and token info state created_at on the sandbox's shifted clock, like every
    // absolute time it states; the token itself still lives its lifetime in real time.
    QFETCH(qint64, offset);
    QVERIFY(m_sandbox.configure({{QStringLiteral("clock_offset"), double(offset)}}));
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QJsonObject user = userTokens(m_sandbox);
    const QJsonObject service = serviceTokens(m_sandbox);
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(m_sandbox.configure({{QStringLiteral("clock_offset"), 0}}));
    for (const QJsonObject &tokens : {user, service}) {
        const qint64 createdAt = tokens.value(QStringLiteral("created_at")).toInteger();
        QVERIFY2(
            createdAt >= before + offset - 1 && createdAt <= after + offset + 1,
            qPrintable(
                QStringLiteral("created_at %1, real clock %2..%3").arg(createdAt).arg(before).arg(after)));
        QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 5400);
    }
    const QString access = user.value(QStringLiteral("access_token")).toString();
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), access).status, 200);
    // Token info states the clock of the moment it is asked (no offset now).
    const QJsonObject info = jsonObject(get(m_sandbox, QStringLiteral("/oauth/token/info"), access));
    const qint64 infoCreatedAt = info.value(QStringLiteral("created_at")).toInteger();
    QVERIFY2(infoCreatedAt >= before - 1 && infoCreatedAt <= after + 1,
             qPrintable(QString::number(infoCreatedAt)));
    QVERIFY(m_sandbox.configure({{QStringLiteral("clock_offset"), double(offset)}}));
    const QJsonObject shifted = jsonObject(get(m_sandbox, QStringLiteral("/oauth/token/info"), access));
    QVERIFY(m_sandbox.configure({{QStringLiteral("clock_offset"), 0}}));
    QCOMPARE(shifted.value(QStringLiteral("created_at")).toInteger(), infoCreatedAt + offset);
}

void TestSandboxOAuth::tokensSurviveRestartWithDataDir()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    QJsonObject tokens;
    qint64 companyId = 0;
    {
        testing::SandboxProcess first;
        QVERIFY2(first.start({QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                              dataDir.path()}),
                 qPrintable(first.errorString()));
        tokens = userTokens(first);
        companyId = firstCompanyId(first, tokens.value(QStringLiteral("access_token")).toString());
        first.stop(); // SIGTERM: saves and exits
    }
    const QByteArray state = [&] {
        QFile file(dataDir.filePath(QStringLiteral("sandbox.json")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!state.isEmpty());
    QVERIFY(!state.contains(tokens.value(QStringLiteral("access_token")).toString().toLatin1()));
    QVERIFY(!state.contains(tokens.value(QStringLiteral("refresh_token")).toString().toLatin1()));

    // The seed and ids come back with the data directory, whatever --seed says now.
    testing::SandboxProcess second;
    QVERIFY2(second.start({QStringLiteral("--seed"), QStringLiteral("minimal"), QStringLiteral("--data-dir"),
                           dataDir.path()}),
             qPrintable(second.errorString()));
    const QString access = tokens.value(QStringLiteral("access_token")).toString();
    QCOMPARE(get(second, QStringLiteral("/rest/v1.0/me"), access).status, 200);
    QCOMPARE(firstCompanyId(second, access), companyId);
    QCOMPARE(
        postToken(second, refreshFields(tokens.value(QStringLiteral("refresh_token")).toString())).status,
        200);
}

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "tst_sandbox_oauth.moc"
