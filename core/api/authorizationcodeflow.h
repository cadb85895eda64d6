#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace trestle {

class TokenRequest;

// The OAuth authorization-code sign-in (procore-api.md §2), as a core object without widgets:
// the UI shows authorizeUrl() in its embedded browser, asks matchesRedirect() for every
// navigation, and hands the matching one to handleRedirect(). For the out-of-band redirect URI
// the user pastes the code and the UI calls exchangeCode().
//
// Why not QtNetworkAuth's QOAuth2AuthorizationCodeFlow (Qt 6.4): it expects to receive the
// redirect through a QAbstractOAuthReplyHandler (usually a local HTTP server on a port that
// Procore's "no dynamic redirect URIs" rule does not allow), it refreshes on its own and
// publishes the new token before anyone could store the rotated single-use refresh token, and
// it is one object with one QNetworkAccessManager in one thread, so single-flight refresh across
// worker threads and "keychain before use" would have to be built around it anyway. What is left
// (a URL with a random state, a form POST, a JSON reply) is smaller done here.
class AuthorizationCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationCodeFlow)

public:
    AuthorizationCodeFlow(QNetworkAccessManager *nam, OAuthClient client, QObject *parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // {authBase}/oauth/authorize?response_type=code&client_id&redirect_uri&state, with a fresh
    // random state (128 bits from the system generator) each time it is called.
    QUrl authorizeUrl();
    // True for a navigation to the registered redirect URI (scheme, host, port and path).
    bool matchesRedirect(const QUrl &url) const;
    // Checks state and error= of the redirect, then exchanges the code. A wrong state fails with
    // AuthFailed without any token call.
    void handleRedirect(const QUrl &url);
    // The out-of-band variant: the code the user copied from Procore's page.
    void exchangeCode(const QString &code);

Q_SIGNALS:
    void finished(const trestle::Result<trestle::TokenSet> &result);

private:
    void exchange(const QString &code);
    void fail(const Error &error);

    QNetworkAccessManager *m_nam;
    const OAuthClient m_client;
    QString m_state;
    QPointer<TokenRequest> m_request;
};

} // namespace trestle
