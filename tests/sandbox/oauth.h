#pragma once

#include "http/httpmessage.h"
#include "oauthpages.h"

#include <QHash>
#include <QString>

namespace sandbox {

class Accounts;
class Stats;
class TokenStore;
struct OAuthApp;

// The OAuth 2.0 endpoints of procore-api.md §2: the login form of /oauth/authorize, the token
// endpoint with its three grants, token info and revocation. Rate limiting and statistics of
// /oauth/token happen in the sandbox core before token() is called.
class OAuth final
{
    Q_DISABLE_COPY_MOVE(OAuth)

public:
    OAuth(const Accounts &accounts, TokenStore &tokens, Stats &stats);

    HttpResponse authorizePage(const HttpRequest &request); // GET /oauth/authorize
    HttpResponse authorizeSubmit(const HttpRequest &request, qint64 nowMs); // POST /oauth/authorize
    // POST /oauth/token with the already parsed body fields.
    HttpResponse token(const HttpRequest &request, const QHash<QString, QString> &fields, int lifetimeSeconds,
                       qint64 nowMs);
    HttpResponse tokenInfo(const HttpRequest &request, qint64 nowMs); // GET /oauth/token/info
    HttpResponse revoke(const HttpRequest &request); // POST /oauth/revoke

    // The client id a token request names (body field or HTTP Basic), the rate-limit key.
    static QString clientIdOf(const HttpRequest &request, const QHash<QString, QString> &fields);
    static HttpResponse invalidToken(); // 401 {"error":"invalid_token",…} + WWW-Authenticate
    static QString bearerToken(const HttpRequest &request); // empty if none

private:
    // Checks the application of an authorize request; returns an error page response or nothing.
    std::optional<HttpResponse> checkAuthorize(const AuthorizeRequest &request) const;
    const OAuthApp *authenticateClient(const HttpRequest &request,
                                       const QHash<QString, QString> &fields) const;
    HttpResponse issue(const QString &clientId, qint64 userId, bool withRefresh, const QString &grant,
                       int lifetimeSeconds, qint64 nowMs);

    const Accounts &m_accounts;
    TokenStore &m_tokens;
    Stats &m_stats;
};

} // namespace sandbox
