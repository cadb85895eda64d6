#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>

class QNetworkAccessManager;

namespace trestle {

// Sign-in of a service account (DMSA) with the client_credentials grant (procore-api.md §2). The
// token has no refresh token; TokenManager renews it with the same grant.
class ClientCredentialsFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCredentialsFlow)

public:
    ClientCredentialsFlow(QNetworkAccessManager *nam, OAuthClient client, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(const trestle::Result<trestle::TokenSet> &result);

private:
    QNetworkAccessManager *m_nam;
    const OAuthClient m_client;
};

} // namespace trestle
