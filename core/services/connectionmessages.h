#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace trestle {

// Turns what went wrong while setting up or testing a connection into one specific sentence the
// user can act on (issue 6): wrong client secret, redirect URI not registered, no access to the
// project's Documents, no Documents permission, network unreachable, TLS, API budget exhausted.
// The kind and the technical detail of the original error are kept; only the message changes.
class ConnectionMessages final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::ConnectionMessages)

public:
    enum class Credentials { Default, Custom, ServiceAccount };

    // A failed token grant (authorization code or client credentials).
    static Error tokenGrant(const Error &error, Credentials credentials, const QUrl &authBase);
    // The sign-in page itself was refused (HTTP 4xx on /oauth/authorize): unknown client id or a
    // redirect URI the application has not registered.
    static Error authorizePageRefused(int httpStatus, const QString &redirectUri, bool customCredentials);
    // Listing companies or projects failed.
    static Error listing(const Error &error, const QUrl &apiBase);
    // Listing the project's Documents root failed (the connection test).
    static Error documentsTest(const Error &error, const QString &projectName, const QUrl &apiBase);
    // "The Procore API budget … is used up until HH:MM."
    static Error budgetExhausted(const QDateTime &until, const QString &detail = {});
    // Network, TLS, timeout, budget and server errors, the same for every step; `error` unchanged
    // when it is none of these.
    static Error common(const Error &error, const QUrl &host);
    static QString testSucceeded();
};

} // namespace trestle
