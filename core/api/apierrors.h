#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>

namespace trestle {

// Turns what a Procore reply says into the shared Error: the kind from the HTTP status (or the
// network error), the user sentence (translated) with the server's own message when the body has
// one of the shapes of procore-api.md §10/§12, and a detail for the log with the endpoint, the
// status and a short excerpt of the body (never a token).
class ApiErrors final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::ApiErrors)

public:
    // A reply that is not what the endpoint documents (not JSON, truncated, wrong type, missing
    // id/name, array where an object belongs, …). `why` is technical and goes to the detail.
    static Error malformed(const QString &endpoint, const QByteArray &body, const QString &why);

    // An HTTP error status from a /rest endpoint (or storage). `retryAt` is for 429/503.
    static Error fromHttpStatus(int status, const QByteArray &body, const QString &endpoint,
                                const QDateTime &retryAt = {});

    // An error status from {auth}/oauth/token: invalid_grant → AuthRevoked ("Sign in again to
    // <connection>"), invalid_client / unauthorized_client → AuthFailed, else by status.
    static Error fromTokenEndpoint(int status, const QByteArray &body, const QString &endpoint,
                                   const QString &connectionName, const QDateTime &retryAt = {});

    // A transport failure. `timedOut` when our own timeout aborted the request.
    static Error fromNetwork(QNetworkReply::NetworkError code, const QString &errorString,
                             const QString &endpoint, bool timedOut);

    // The server's sentence from the known error-body shapes, empty if there is none.
    static QString serverMessage(const QByteArray &body);
    // The OAuth "error" code of {"error":"…","error_description":"…"} bodies, empty if none.
    static QString oauthErrorCode(const QByteArray &body);

    // At most 200 characters of the body for logs, with anything token-like redacted.
    static QString excerpt(const QByteArray &body);

    // When to try again, from Retry-After (seconds or HTTP date) or else X-Rate-Limit-Reset
    // (Unix seconds). Invalid when neither is present.
    static QDateTime retryAtFromHeaders(const QByteArray &retryAfter, const QByteArray &rateLimitReset,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace trestle
