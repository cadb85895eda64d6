#include "core/api/clientcredentialsflow.h"

#include "core/api/tokenrequest.h"

namespace trestle {

ClientCredentialsFlow::ClientCredentialsFlow(QNetworkAccessManager *nam, OAuthClient client, QObject *parent)
    : QObject(parent), m_nam(nam), m_client(std::move(client))
{ }

void ClientCredentialsFlow::start()
{
    auto *request = new TokenRequest(m_nam, m_client, this);
    connect(request, &TokenRequest::finished, this, [this, request](const Result<TokenSet> &result) {
        request->deleteLater();
        Q_EMIT finished(result);
    });
    request->startClientCredentials();
}

} // namespace trestle
