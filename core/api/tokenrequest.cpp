#include "core/api/tokenrequest.h"

#include "core/api/apierrors.h"
#include "core/api/jsonparse.h"
#include "core/api/urlpolicy.h"
#include "core/common/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace trestle {

namespace {

const QString kEndpoint = QStringLiteral("POST /oauth/token");

QByteArray formEncode(const QList<QPair<QString, QString>> &form)
{
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

TokenRequest::TokenRequest(QNetworkAccessManager *nam, OAuthClient client, QObject *parent)
    : QObject(parent), m_nam(nam), m_client(std::move(client))
{ }

TokenRequest::~TokenRequest()
{
    if (m_reply)
        m_reply->abort();
}

void TokenRequest::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void TokenRequest::startAuthorizationCode(const QString &code, const QString &redirectUri)
{
    post({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
          {QStringLiteral("code"), code},
          {QStringLiteral("redirect_uri"), redirectUri}});
}

void TokenRequest::startRefresh(const QString &refreshToken)
{
    post({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
          {QStringLiteral("refresh_token"), refreshToken}});
}

void TokenRequest::startClientCredentials()
{
    post({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
}

void TokenRequest::abort()
{
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
    else
        QTimer::singleShot(
            0, this, [this] { finish(Error(Error::Kind::Cancelled, tr("The sign-in was cancelled."))); });
}

void TokenRequest::post(QList<QPair<QString, QString>> form)
{
    // start…() only schedules: finished() is never emitted before the caller has connected.
    QTimer::singleShot(0, this, [this, form = std::move(form)]() mutable {
        if (m_aborted)
            return finish(Error(Error::Kind::Cancelled, tr("The sign-in was cancelled.")));
        QUrl url = m_client.authBase;
        if (Error e = UrlPolicy::checkServerUrl(url))
            return finish(e);
        url.setPath(url.path(QUrl::FullyDecoded) + QStringLiteral("/oauth/token"));
        form.append({QStringLiteral("client_id"), m_client.clientId});
        if (!m_client.clientSecret.isEmpty())
            form.append({QStringLiteral("client_secret"), m_client.clientSecret});
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("Accept", "application/json");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(int(m_timeout.count()));
        m_reply = m_nam->post(request, formEncode(form));
        connect(m_reply, &QNetworkReply::finished, this, &TokenRequest::onFinished);
    });
}

void TokenRequest::onFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError code = reply->error();
    const bool transportError = code != QNetworkReply::NoError && (status == 0 || int(code) < 200);
    if (transportError) {
        const bool timedOut = code == QNetworkReply::OperationCanceledError && !m_aborted;
        return finish(ApiErrors::fromNetwork(code, reply->errorString(), kEndpoint, timedOut));
    }
    if (status < 200 || status >= 300) {
        const QDateTime retryAt = ApiErrors::retryAtFromHeaders(reply->rawHeader("Retry-After"),
                                                                reply->rawHeader("X-Rate-Limit-Reset"));
        const Error error =
            ApiErrors::fromTokenEndpoint(status, body, kEndpoint, m_client.connectionName, retryAt);
        qCInfo(lcAuth) << "token request failed:" << Error::kindName(error.kind()) << status;
        return finish(error);
    }
    finish(JsonParse::tokenSet(body, kEndpoint));
}

void TokenRequest::finish(const Result<TokenSet> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
}

} // namespace trestle
