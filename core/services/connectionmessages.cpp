#include "core/services/connectionmessages.h"

#include <QLocale>

namespace trestle {

namespace {

Error withMessage(const Error &error, Error::Kind kind, const QString &message)
{
    Error result(kind, message, error.detail());
    result.setHttpStatus(error.httpStatus());
    if (error.retryAt().isValid())
        result.setRetryAt(error.retryAt());
    return result;
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

QString ConnectionMessages::testSucceeded()
{
    return tr("Connection test succeeded");
}

Error ConnectionMessages::budgetExhausted(const QDateTime &until, const QString &detail)
{
    const QString time = QLocale().toString(until.toLocalTime().time(), QStringLiteral("HH:mm"));
    Error error(Error::Kind::RateLimited,
                tr("The Procore API budget of this application is exhausted until %1. "
                   "Try again after that time.")
                    .arg(time),
                detail.isEmpty() ? QStringLiteral("rate limit hold until %1").arg(until.toString(Qt::ISODate))
                                 : detail);
    error.setRetryAt(until);
    return error;
}

Error ConnectionMessages::common(const Error &error, const QUrl &host)
{
    switch (error.kind()) {
    case Error::Kind::Network:
        return withMessage(error, error.kind(),
                           tr("Cannot reach %1. Check the network connection, the proxy settings and the "
                              "Domain.")
                               .arg(hostOf(host)));
    case Error::Kind::Timeout:
        return withMessage(
            error, error.kind(),
            tr("%1 did not answer in time. Check the network connection and try again.").arg(hostOf(host)));
    case Error::Kind::Tls:
        return withMessage(error, error.kind(),
                           tr("The secure (TLS) connection to %1 could not be verified. Check the computer's "
                              "date and time and whether a proxy intercepts HTTPS.")
                               .arg(hostOf(host)));
    case Error::Kind::RateLimited:
        if (error.retryAt().isValid())
            return budgetExhausted(error.retryAt(), error.detail());
        return withMessage(error, error.kind(),
                           tr("The Procore API budget of this application is exhausted for now. "
                              "Try again later."));
    case Error::Kind::Server:
        return withMessage(error, error.kind(),
                           tr("%1 had a problem (HTTP %2). Try again in a few minutes.")
                               .arg(hostOf(host))
                               .arg(error.httpStatus()));
    default:
        return error;
    }
}

Error ConnectionMessages::tokenGrant(const Error &error, Credentials credentials, const QUrl &authBase)
{
    const bool refused = error.kind() == Error::Kind::AuthFailed || error.kind() == Error::Kind::AuthRevoked
        || (error.kind() == Error::Kind::Validation && error.httpStatus() == 400);
    if (!refused)
        return common(error, authBase);
    switch (credentials) {
    case Credentials::Custom:
        return withMessage(
            error, Error::Kind::AuthFailed,
            tr("Procore refused the client credentials: the Client Secret is wrong or does not "
               "belong to this Client ID. Copy both again from your app in the Procore "
               "Developer Portal."));
    case Credentials::ServiceAccount:
        return withMessage(error, Error::Kind::AuthFailed,
                           tr("Procore refused the service account: the client ID or client secret is wrong. "
                              "Copy both again from the service account's page in Procore's Company Admin."));
    case Credentials::Default:
        break;
    }
    return withMessage(error, Error::Kind::AuthFailed,
                       tr("%1 refused Trestle's built-in client credentials. Choose \"Use custom client "
                          "credentials\" and enter your own Procore app's Client ID and Client Secret.")
                           .arg(hostOf(authBase)));
}

Error ConnectionMessages::authorizePageRefused(int httpStatus, const QString &redirectUri,
                                               bool customCredentials)
{
    QString message = customCredentials
        ? tr("Procore refused to show its sign-in page: the Client ID is unknown on this Domain, or the "
             "redirect "
             "URI %1 is not registered for your app. Register it in the app's settings in the Procore "
             "Developer "
             "Portal.")
              .arg(redirectUri)
        : tr("Procore refused to show its sign-in page for Trestle's built-in application (the redirect URI "
             "%1 "
             "may not be registered on this Domain). Use custom client credentials.")
              .arg(redirectUri);
    Error error(Error::Kind::AuthFailed, message,
                QStringLiteral("GET /oauth/authorize HTTP %1").arg(httpStatus));
    error.setHttpStatus(httpStatus);
    return error;
}

Error ConnectionMessages::listing(const Error &error, const QUrl &apiBase)
{
    if (error.kind() == Error::Kind::Permission)
        return withMessage(error, error.kind(),
                           tr("This account may not list companies or projects. Ask a Procore administrator "
                              "to add it to the project's directory."));
    if (error.kind() == Error::Kind::AuthExpired || error.kind() == Error::Kind::AuthRevoked)
        return withMessage(error, error.kind(),
                           tr("The sign-in is no longer valid. Go back and sign in again."));
    return common(error, apiBase);
}

Error ConnectionMessages::documentsTest(const Error &error, const QString &projectName, const QUrl &apiBase)
{
    const QString server = error.message() + QLatin1Char(' ') + error.detail();
    if (error.kind() == Error::Kind::Permission) {
        // Procore says which: the whole Documents tool ("permission to access Documents") or this
        // project ("access to this project"). Both are 403s.
        if (server.contains(QLatin1String("Documents"), Qt::CaseInsensitive))
            return withMessage(error, error.kind(),
                               tr("This account has no permission for the Documents tool. Ask a Procore "
                                  "administrator to grant it at least Read Only access to Documents."));
        return withMessage(
            error, error.kind(),
            tr("This account has no access to the Documents of \"%1\". Ask a Procore administrator "
               "to add it to the project (or to the service account's permitted projects).")
                .arg(projectName));
    }
    if (error.kind() == Error::Kind::NotFound)
        return withMessage(
            error, Error::Kind::Permission,
            tr("The Documents of \"%1\" cannot be found: the project was deleted or this account "
               "has no access to it.")
                .arg(projectName));
    if (error.kind() == Error::Kind::AuthExpired || error.kind() == Error::Kind::AuthRevoked)
        return withMessage(error, error.kind(),
                           tr("The sign-in is no longer valid. Reconnect to sign in again."));
    return common(error, apiBase);
}

} // namespace trestle
