#pragma once

#include "http/httpmessage.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace sandbox {

// The counters behind GET /_sandbox/stats (tests/sandbox/README.md). Tests and benchmarks measure
// the client's API economy with them, so every API call is counted whatever its outcome.
class Stats final
{
    Q_DISABLE_COPY_MOVE(Stats)

public:
    Stats() = default;

    // One API call (any /rest request, /oauth/token, a counted download hop). clientId may be
    // empty when the caller could not be identified.
    void countApiCall(const QByteArray &method, const QString &path, const QString &clientId);
    void countRateLimited() { ++m_status429; }
    // An API call answered 401 (an expired, revoked or unknown access token).
    void countUnauthorized() { ++m_status401; }
    void countGrant(const QString &grantType) { ++m_grants[grantType]; }
    void countFault() { ++m_faults; }
    void countStorageRequest(const HttpRequest &request, const HttpResponse &response);
    // A request cut mid-body (reset_mid_body), by "storage PUT" / "storage POST" or API endpoint
    // key; it is neither an API call nor a storage request (it never got that far).
    void countBodyCut(const HttpRequest &head, bool storage);

    QJsonObject toJson() const;
    void reset();

    // "GET /rest/v1.0/folders/{id}" for GET /rest/v1.0/folders/4294968300.
    static QString endpointKey(const QByteArray &method, const QString &path);

private:
    qint64 m_total = 0;
    QHash<QString, qint64> m_byEndpoint;
    QHash<QString, qint64> m_byClient;
    qint64 m_status429 = 0;
    qint64 m_status401 = 0;
    QHash<QString, qint64> m_grants;
    qint64 m_faults = 0;
    QHash<QString, qint64> m_bodiesCut;
    qint64 m_storageRequests = 0;
    qint64 m_uploads = 0;
    qint64 m_downloads = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    qint64 m_storageWithAuthorization = 0;
};

} // namespace sandbox
