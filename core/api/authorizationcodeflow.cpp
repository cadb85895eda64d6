#include "core/api/authorizationcodeflow.h"

#include "core/api/tokenrequest.h"
#include "core/api/urlpolicy.h"

#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace trestle {

AuthorizationCodeFlow::AuthorizationCodeFlow(QNetworkAccessManager *nam, OAuthClient client, QObject *parent)
    : QObject(parent), m_nam(nam), m_client(std::move(client))
{ }

AuthorizationCodeFlow::~AuthorizationCodeFlow() = default;

QUrl AuthorizationCodeFlow::authorizeUrl()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    m_state =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QUrl url = m_client.authBase;
    url.setPath(url.path(QUrl::FullyDecoded) + QStringLiteral("/oauth/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_client.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_client.redirectUri);
    query.addQueryItem(QStringLiteral("state"), m_state);
    url.setQuery(query);
    return url;
}

bool AuthorizationCodeFlow::matchesRedirect(const QUrl &url) const
{
    const QUrl redirect(m_client.redirectUri);
    if (!url.isValid() || !redirect.isValid() || redirect.scheme() == QLatin1String("urn"))
        return false;
    const auto normalizedPath = [](const QUrl &u) {
        const QString path = u.path();
        return path.isEmpty() ? QStringLiteral("/") : path;
    };
    return UrlPolicy::sameOrigin(url, redirect) && normalizedPath(url) == normalizedPath(redirect);
}

void AuthorizationCodeFlow::handleRedirect(const QUrl &url)
{
    const QUrlQuery query(url);
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    // Compared before anything else (also before error=): a redirect we did not start is ignored.
    if (m_state.isEmpty() || state != m_state)
        return fail(Error(Error::Kind::AuthFailed,
                          tr("The sign-in answer did not belong to this sign-in. Please try again."),
                          QStringLiteral("OAuth state mismatch")));
    m_state.clear(); // single use
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        const Error::Kind kind =
            error == QLatin1String("access_denied") ? Error::Kind::Cancelled : Error::Kind::AuthFailed;
        return fail(Error(kind,
                          description.isEmpty() ? tr("Procore refused the sign-in (%1).").arg(error)
                                                : tr("Procore refused the sign-in: %1").arg(description),
                          QStringLiteral("authorize error=%1").arg(error)));
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return fail(Error(Error::Kind::AuthFailed, tr("Procore's sign-in answer carried no code."),
                          QStringLiteral("redirect without code")));
    exchange(code);
}

void AuthorizationCodeFlow::exchangeCode(const QString &code)
{
    exchange(code.trimmed());
}

void AuthorizationCodeFlow::exchange(const QString &code)
{
    auto *request = new TokenRequest(m_nam, m_client, this);
    m_request = request;
    connect(request, &TokenRequest::finished, this, [this, request](const Result<TokenSet> &result) {
        request->deleteLater();
        Q_EMIT finished(result);
    });
    request->startAuthorizationCode(code, m_client.redirectUri);
}

void AuthorizationCodeFlow::fail(const Error &error)
{
    // Emitted from the event loop, like every other finished(), never from inside the call.
    QTimer::singleShot(0, this, [this, error] { Q_EMIT finished(error); });
}

} // namespace trestle
