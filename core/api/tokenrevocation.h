#pragma once

#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>

class QNetworkAccessManager;

namespace trestle {

// Revokes a token at {authBase}/oauth/revoke when a connection is deleted (procore-api.md §2:
// kills the access and the refresh token; 200 even for an unknown token).
class TokenRevocation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRevocation)

public:
    TokenRevocation(QNetworkAccessManager *nam, OAuthClient client, QObject *parent = nullptr);

    void start(const QString &token);

Q_SIGNALS:
    void finished(const trestle::Status &result);

private:
    QNetworkAccessManager *m_nam;
    const OAuthClient m_client;
};

} // namespace trestle
