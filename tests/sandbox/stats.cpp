#include "stats.h"

#include <QFileInfo>

namespace sandbox {

namespace {
QJsonObject toObject(const QHash<QString, qint64> &hash)
{
    QJsonObject object;
    for (auto it = hash.begin(); it != hash.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

bool isNumber(const QString &segment)
{
    if (segment.isEmpty())
        return false;
    for (const QChar c : segment) {
        if (!c.isDigit())
            return false;
    }
    return true;
}
} // namespace

QString Stats::endpointKey(const QByteArray &method, const QString &path)
{
    // The download hop carries opaque signed segments: one key for all of them.
    if (path.startsWith(QLatin1String("/fas/")))
        return QString::fromLatin1(method) + QStringLiteral(" /fas/*");
    QStringList segments = path.split(u'/');
    for (QString &segment : segments) {
        if (isNumber(segment))
            segment = QStringLiteral("{id}");
    }
    return QString::fromLatin1(method) + u' ' + segments.join(u'/');
}

void Stats::countApiCall(const QByteArray &method, const QString &path, const QString &clientId)
{
    ++m_total;
    ++m_byEndpoint[endpointKey(method, path)];
    if (!clientId.isEmpty())
        ++m_byClient[clientId];
}

void Stats::countStorageRequest(const HttpRequest &request, const HttpResponse &response)
{
    ++m_storageRequests;
    if (request.method == "PUT" || request.method == "POST")
        ++m_uploads;
    else if (request.method == "GET")
        ++m_downloads;
    m_bytesIn += qMax<qint64>(request.bodySize, request.body.size());
    if (!response.bodyFile.isEmpty()) {
        const qint64 size = QFileInfo(response.bodyFile).size();
        m_bytesOut += response.bodyFileLength >= 0 ? response.bodyFileLength
                                                   : qMax<qint64>(0, size - response.bodyFileOffset);
    } else {
        m_bytesOut += response.body.size();
    }
    if (!request.header("Authorization").isEmpty())
        ++m_storageWithAuthorization;
}

void Stats::countBodyCut(const HttpRequest &head, bool storage)
{
    ++m_bodiesCut[storage ? QStringLiteral("storage ") + QString::fromLatin1(head.method)
                          : endpointKey(head.method, head.path)];
}

QJsonObject Stats::toJson() const
{
    QJsonObject grants{{QStringLiteral("authorization_code"), 0},
                       {QStringLiteral("refresh_token"), 0},
                       {QStringLiteral("client_credentials"), 0}};
    for (auto it = m_grants.begin(); it != m_grants.end(); ++it)
        grants.insert(it.key(), it.value());
    return {{QStringLiteral("total_api_calls"), m_total},
            {QStringLiteral("by_endpoint"), toObject(m_byEndpoint)},
            {QStringLiteral("by_client"), toObject(m_byClient)},
            {QStringLiteral("status_429"), m_status429},
            {QStringLiteral("status_401"), m_status401},
            {QStringLiteral("token_grants"), grants},
            {QStringLiteral("storage"),
             QJsonObject{{QStringLiteral("requests"), m_storageRequests},
                         {QStringLiteral("uploads"), m_uploads},
                         {QStringLiteral("downloads"), m_downloads},
                         {QStringLiteral("bytes_in"), m_bytesIn},
                         {QStringLiteral("bytes_out"), m_bytesOut},
                         {QStringLiteral("requests_with_authorization"), m_storageWithAuthorization}}},
            {QStringLiteral("faults_injected"), m_faults},
            {QStringLiteral("bodies_cut"), toObject(m_bodiesCut)}};
}

void Stats::reset()
{
    m_total = 0;
    m_byEndpoint.clear();
    m_byClient.clear();
    m_status429 = 0;
    m_status401 = 0;
    m_grants.clear();
    m_faults = 0;
    m_bodiesCut.clear();
    m_storageRequests = 0;
    m_uploads = 0;
    m_downloads = 0;
    m_bytesIn = 0;
    m_bytesOut = 0;
    m_storageWithAuthorization = 0;
}

} // namespace sandbox
