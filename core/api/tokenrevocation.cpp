#include "core/api/tokenrevocation.h"

#include "core/api/apierrors.h"
#include "core/api/urlpolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace trestle {

TokenRevocation::TokenRevocation(QNetworkAccessManager *nam, OAuthClient client, QObject *parent)
    : QObject(parent), m_nam(nam), m_client(std::move(client))
{ }

void TokenRevocation::start(const QString &token)
{
    QTimer::singleShot(0, this, [this, token] {
        QUrl url = m_client.authBase;
        if (Error e = UrlPolicy::checkServerUrl(url))
            return Q_EMIT finished(e);
        url.setPath(url.path(QUrl::FullyDecoded) + QStringLiteral("/oauth/revoke"));
        QByteArray body = "token=" + QUrl::toPercentEncoding(token)
            + "&client_id=" + QUrl::toPercentEncoding(m_client.clientId);
        if (!m_client.clientSecret.isEmpty())
            body += "&client_secret=" + QUrl::toPercentEncoding(m_client.clientSecret);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("Accept", "application/json");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_nam->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QString endpoint = QStringLiteral("POST /oauth/revoke");
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError && (status == 0 || int(reply->error()) < 200))
                return Q_EMIT finished(
                    ApiErrors::fromNetwork(reply->error(), reply->errorString(), endpoint, false));
            if (status < 200 || status >= 300)
                return Q_EMIT finished(ApiErrors::fromTokenEndpoint(status, reply->readAll(), endpoint,
                                                                    m_client.connectionName));
            Q_EMIT finished(Done{});
        });
    });
}

} // namespace trestle
