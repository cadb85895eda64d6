#include "oauth.h"

#include "accounts.h"
#include "formdata.h"
#include "ratelimiter.h"
#include "stats.h"
#include "tokenstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sandbox {

namespace {
const QString oob = QStringLiteral("urn:ietf:wg:oauth:2.0:oob");

HttpResponse html(int status, const QByteArray &body)
{
    HttpResponse response = HttpResponse::text(status, body, "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    const QJsonObject body{{QStringLiteral("error"), error},
                           {QStringLiteral("error_description"), description}};
    HttpResponse response = HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse invalidClient()
{
    return oauthError(401, QStringLiteral("invalid_client"),
                      QStringLiteral("Client authentication failed due to unknown client, no client "
                                     "authentication included, or unsupported authentication method."));
}

HttpResponse invalidGrant()
{
    return oauthError(
        400, QStringLiteral("invalid_grant"),
        QStringLiteral("The provided authorization grant is invalid, expired, revoked, does not "
                       "match the redirection URI used in the authorization request, or was issued "
                       "to another client."));
}

AuthorizeRequest authorizeRequestFrom(const QHash<QString, QString> &fields)
{
    AuthorizeRequest request;
    request.clientId = fields.value(QStringLiteral("client_id"));
    request.redirectUri = fields.value(QStringLiteral("redirect_uri"));
    request.responseType = fields.value(QStringLiteral("response_type"));
    if (fields.contains(QStringLiteral("state")))
        request.state = fields.value(QStringLiteral("state"));
    return request;
}

QString demoHint()
{
    return QStringLiteral("Sandbox: sign in as demo@trestle.test with the password trestle-demo.");
}

QByteArray percent(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}
} // namespace

OAuth::OAuth(const Accounts &accounts, TokenStore &tokens, Stats &stats)
    : m_accounts(accounts), m_tokens(tokens), m_stats(stats)
{ }

std::optional<HttpResponse> OAuth::checkAuthorize(const AuthorizeRequest &request) const
{
    const OAuthApp *app = m_accounts.app(request.clientId);
    if (!app || app->serviceUserId != 0)
        return html(
            400,
            oauthpages::errorPage(QStringLiteral("Client authentication failed due to unknown client.")));
    if (!Accounts::redirectUriMatches(*app, request.redirectUri))
        return html(
            400,
            oauthpages::errorPage(QStringLiteral("redirect_uri is not registered for this application")));
    if (request.responseType != QLatin1String("code"))
        return html(400,
                    oauthpages::errorPage(QStringLiteral("The authorization server does not support this "
                                                         "response type (response_type must be code).")));
    return std::nullopt;
}

HttpResponse OAuth::authorizePage(const HttpRequest &request)
{
    QHash<QString, QString> fields;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        fields.insert(item.first, item.second);
    const AuthorizeRequest authorize = authorizeRequestFrom(fields);
    if (auto error = checkAuthorize(authorize))
        return *error;
    return html(200, oauthpages::loginPage(authorize, QString(), demoHint()));
}

HttpResponse OAuth::authorizeSubmit(const HttpRequest &request, qint64 nowMs)
{
    const QHash<QString, QString> fields = parseFormFields(request);
    const AuthorizeRequest authorize = authorizeRequestFrom(fields);
    if (auto error = checkAuthorize(authorize))
        return *error;
    const User *user =
        m_accounts.signIn(fields.value(QStringLiteral("login")), fields.value(QStringLiteral("password")));
    if (!user)
        return html(
            200, oauthpages::loginPage(authorize, QStringLiteral("Invalid login or password."), demoHint()));

    const QString code = m_tokens.issueCode(authorize.clientId, authorize.redirectUri, user->id, nowMs);
    if (authorize.redirectUri == oob)
        return html(200, oauthpages::codePage(code));
    QByteArray location = authorize.redirectUri.toUtf8();
    location += location.contains('?') ? '&' : '?';
    location += "code=" + percent(code);
    if (authorize.state)
        location += "&state=" + percent(*authorize.state);
    HttpResponse response = html(302, QByteArray());
    response.setHeader("Location", location);
    return response;
}

QString OAuth::clientIdOf(const HttpRequest &request, const QHash<QString, QString> &fields)
{
    const QString fromBody = fields.value(QStringLiteral("client_id"));
    if (!fromBody.isEmpty())
        return fromBody;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        return QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(decoded.indexOf(':'))));
    }
    return QString();
}

const OAuthApp *OAuth::authenticateClient(const HttpRequest &request,
                                          const QHash<QString, QString> &fields) const
{
    const QString clientId = clientIdOf(request, fields);
    QString secret = fields.value(QStringLiteral("client_secret"));
    const QByteArray authorization = request.header("Authorization");
    if (secret.isEmpty() && authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        secret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(decoded.indexOf(':') + 1)));
    }
    const OAuthApp *app = m_accounts.app(clientId);
    if (!app || secret.isEmpty() || app->clientSecret != secret)
        return nullptr;
    return app;
}

HttpResponse OAuth::issue(const QString &clientId, qint64 userId, bool withRefresh, const QString &grant,
                          int lifetimeSeconds, qint64 nowMs)
{
    const TokenStore::Issued issued = m_tokens.issue(clientId, userId, withRefresh, lifetimeSeconds, nowMs);
    m_stats.countGrant(grant);
    QJsonObject body{
        {QStringLiteral("access_token"), issued.accessToken},
        {QStringLiteral("token_type"), QStringLiteral("bearer")},
        {QStringLiteral("expires_in"), issued.expiresIn},
        // On the sandbox's clock, like every absolute time it states (--clock-offset);
        // the lifetime keeps to real time.
        {QStringLiteral("created_at"), issued.createdAtMs / 1000 + RateLimiter::clockOffsetSeconds()}};
    if (withRefresh)
        body.insert(QStringLiteral("refresh_token"), issued.refreshToken);
    HttpResponse response = HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

HttpResponse OAuth::token(const HttpRequest &request, const QHash<QString, QString> &fields,
                          int lifetimeSeconds, qint64 nowMs)
{
    const QString grant = fields.value(QStringLiteral("grant_type"));
    if (grant == QLatin1String("authorization_code")) {
        const OAuthApp *app = authenticateClient(request, fields);
        if (!app || app->serviceUserId != 0)
            return invalidClient();
        const auto code = m_tokens.takeCode(fields.value(QStringLiteral("code")));
        if (!code || code->expiresAtMs <= nowMs || code->clientId != app->clientId
            || code->redirectUri != fields.value(QStringLiteral("redirect_uri"))
            || !m_accounts.user(code->userId))
            return invalidGrant();
        return issue(app->clientId, code->userId, true, grant, lifetimeSeconds, nowMs);
    }
    if (grant == QLatin1String("refresh_token")) {
        // Single use (§2): the token dies here, before anything else can fail.
        const auto refresh = m_tokens.takeRefresh(fields.value(QStringLiteral("refresh_token")));
        const OAuthApp *app = authenticateClient(request, fields);
        if (!app || app->serviceUserId != 0)
            return invalidClient();
        if (!refresh || refresh->clientId != app->clientId || !m_accounts.user(refresh->userId))
            return oauthError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("The refresh token is invalid"));
        return issue(app->clientId, refresh->userId, true, grant, lifetimeSeconds, nowMs);
    }
    if (grant == QLatin1String("client_credentials")) {
        const OAuthApp *app = authenticateClient(request, fields);
        if (!app)
            return invalidClient();
        if (app->serviceUserId == 0)
            return oauthError(
                400, QStringLiteral("unauthorized_client"),
                QStringLiteral("The client is not authorized to perform this request using this "
                               "method."));
        return issue(app->clientId, app->serviceUserId, false, grant, lifetimeSeconds, nowMs);
    }
    if (grant.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("grant_type is missing."));
    return oauthError(
        400, QStringLiteral("unsupported_grant_type"),
        QStringLiteral("The authorization grant type is not supported by the authorization server."));
}

QString OAuth::bearerToken(const HttpRequest &request)
{
    const QByteArray authorization = request.header("Authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return QString();
}

HttpResponse OAuth::invalidToken()
{
    HttpResponse response =
        oauthError(401, QStringLiteral("invalid_token"), QStringLiteral("The access token is invalid"));
    response.setHeader("WWW-Authenticate",
                       "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", "
                       "error_description=\"The access token is invalid\"");
    return response;
}

HttpResponse OAuth::tokenInfo(const HttpRequest &request, qint64 nowMs)
{
    QString token = bearerToken(request);
    if (token.isEmpty())
        token = request.query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
    const auto access = m_tokens.access(token);
    if (token.isEmpty() || !access || access->expiresAtMs <= nowMs)
        return invalidToken();
    const QJsonObject body{
        {QStringLiteral("resource_owner_id"), access->userId},
        {QStringLiteral("scopes"), QJsonArray()},
        {QStringLiteral("expires_in_seconds"), (access->expiresAtMs - nowMs) / 1000},
        {QStringLiteral("application"), QJsonObject{{QStringLiteral("uid"), access->clientId}}},
        {QStringLiteral("created_at"), access->createdAtMs / 1000 + RateLimiter::clockOffsetSeconds()}};
    return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse OAuth::revoke(const HttpRequest &request)
{
    // RFC 7009 and Procore: 200 whether or not the token was valid.
    const QHash<QString, QString> fields = parseFormFields(request);
    const QString token = fields.value(QStringLiteral("token"));
    if (!token.isEmpty())
        m_tokens.revoke(token);
    return HttpResponse::json(200, "{}");
}

} // namespace sandbox
