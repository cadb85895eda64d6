#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace trestle {

// One call to {authBase}/oauth/token (procore-api.md §2): an authorization_code, refresh_token or
// client_credentials grant, form-encoded. Like a KJob: a start…() method schedules, exactly one
// finished() follows. Not retried here: a refresh token is single-use even when the reply is
// lost, so only the caller (TokenManager) may decide to try again.
class TokenRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRequest)

public:
    TokenRequest(QNetworkAccessManager *nam, OAuthClient client, QObject *parent = nullptr);
    ~TokenRequest() override;

    void setTimeout(std::chrono::milliseconds timeout);

    void startAuthorizationCode(const QString &code, const QString &redirectUri);
    void startRefresh(const QString &refreshToken);
    void startClientCredentials();
    void abort();

Q_SIGNALS:
    void finished(const trestle::Result<trestle::TokenSet> &result);

private:
    void post(QList<QPair<QString, QString>> form);
    void onFinished();
    void finish(const Result<TokenSet> &result);

    QNetworkAccessManager *m_nam;
    OAuthClient m_client;
    std::chrono::milliseconds m_timeout{30000};
    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace trestle
