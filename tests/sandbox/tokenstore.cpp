#include "tokenstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace sandbox {

namespace {
constexpr qint64 codeLifetimeMs = 10 * 60 * 1000; // §2
}

QString TokenStore::key(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString TokenStore::newToken()
{
    // Procore's tokens look like JWTs; clients must treat them as opaque, so a JWT-looking prefix on
    // random bytes is enough.
    QByteArray bytes(48, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QStringLiteral("eyJ")
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void TokenStore::changed()
{
    if (m_changed)
        m_changed();
}

QString TokenStore::issueCode(const QString &clientId, const QString &redirectUri, qint64 userId,
                              qint64 nowMs)
{
    // Forget expired codes so the table stays small.
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        if (it->expiresAtMs <= nowMs)
            it = m_codes.erase(it);
        else
            ++it;
    }
    const QString code = newToken().mid(3, 40);
    m_codes.insert(key(code), {clientId, redirectUri, userId, nowMs + codeLifetimeMs});
    changed();
    return code;
}

std::optional<TokenStore::Code> TokenStore::takeCode(const QString &code)
{
    const auto it = m_codes.find(key(code));
    if (it == m_codes.end())
        return std::nullopt;
    const Code result = *it;
    m_codes.erase(it);
    changed();
    return result;
}

TokenStore::Issued TokenStore::issue(const QString &clientId, qint64 userId, bool withRefreshToken,
                                     int lifetimeSeconds, qint64 nowMs)
{
    // Long soak runs issue many tokens: forget access tokens that expired an hour ago and can no
    // longer be refreshed, so the table and the state file stay small.
    for (auto it = m_access.begin(); it != m_access.end();) {
        if (it->expiresAtMs < nowMs - 3600 * 1000 && !m_refresh.contains(it->refreshKey))
            it = m_access.erase(it);
        else
            ++it;
    }
    Issued issued;
    issued.accessToken = newToken();
    issued.createdAtMs = nowMs;
    issued.expiresIn = lifetimeSeconds;
    Access access{clientId, userId, nowMs, nowMs + qint64(lifetimeSeconds) * 1000, QString()};
    if (withRefreshToken) {
        issued.refreshToken = newToken();
        access.refreshKey = key(issued.refreshToken);
        m_refresh.insert(access.refreshKey, {clientId, userId, key(issued.accessToken)});
    }
    m_access.insert(key(issued.accessToken), access);
    changed();
    return issued;
}

std::optional<TokenStore::Access> TokenStore::access(const QString &accessToken) const
{
    const auto it = m_access.constFind(key(accessToken));
    if (it == m_access.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<TokenStore::Refresh> TokenStore::takeRefresh(const QString &refreshToken)
{
    const auto it = m_refresh.find(key(refreshToken));
    if (it == m_refresh.end())
        return std::nullopt;
    const Refresh result = *it;
    m_refresh.erase(it);
    changed();
    return result;
}

void TokenStore::revoke(const QString &token)
{
    const QString k = key(token);
    if (const auto a = m_access.find(k); a != m_access.end()) {
        m_refresh.remove(a->refreshKey);
        m_access.erase(a);
    } else if (const auto r = m_refresh.find(k); r != m_refresh.end()) {
        m_access.remove(r->accessKey);
        m_refresh.erase(r);
    } else {
        return;
    }
    changed();
}

void TokenStore::expireAllAccessTokens(qint64 nowMs)
{
    for (Access &access : m_access)
        access.expiresAtMs = qMin(access.expiresAtMs, nowMs - 1);
    changed();
}

void TokenStore::revokeAllRefreshTokens()
{
    m_refresh.clear();
    changed();
}

QJsonObject TokenStore::toJson() const
{
    QJsonObject codes;
    for (auto it = m_codes.begin(); it != m_codes.end(); ++it) {
        codes.insert(it.key(),
                     QJsonObject{{QStringLiteral("client_id"), it->clientId},
                                 {QStringLiteral("redirect_uri"), it->redirectUri},
                                 {QStringLiteral("user_id"), it->userId},
                                 {QStringLiteral("expires_at_ms"), it->expiresAtMs}});
    }
    QJsonObject access;
    for (auto it = m_access.begin(); it != m_access.end(); ++it) {
        access.insert(it.key(),
                      QJsonObject{{QStringLiteral("client_id"), it->clientId},
                                  {QStringLiteral("user_id"), it->userId},
                                  {QStringLiteral("created_at_ms"), it->createdAtMs},
                                  {QStringLiteral("expires_at_ms"), it->expiresAtMs},
                                  {QStringLiteral("refresh"), it->refreshKey}});
    }
    QJsonObject refresh;
    for (auto it = m_refresh.begin(); it != m_refresh.end(); ++it) {
        refresh.insert(it.key(),
                       QJsonObject{{QStringLiteral("client_id"), it->clientId},
                                   {QStringLiteral("user_id"), it->userId},
                                   {QStringLiteral("access"), it->accessKey}});
    }
    return {{QStringLiteral("codes"), codes},
            {QStringLiteral("access"), access},
            {QStringLiteral("refresh"), refresh}};
}

void TokenStore::fromJson(const QJsonObject &object)
{
    auto integer = [](const QJsonObject &o, const char *name) {
        return qint64(o.value(QLatin1String(name)).toDouble());
    };
    auto text = [](const QJsonObject &o, const char *name) {
        return o.value(QLatin1String(name)).toString();
    };
    m_codes.clear();
    m_access.clear();
    m_refresh.clear();
    const QJsonObject codes = object.value(QStringLiteral("codes")).toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_codes.insert(it.key(),
                       {text(o, "client_id"), text(o, "redirect_uri"), integer(o, "user_id"),
                        integer(o, "expires_at_ms")});
    }
    const QJsonObject access = object.value(QStringLiteral("access")).toObject();
    for (auto it = access.begin(); it != access.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_access.insert(it.key(),
                        {text(o, "client_id"), integer(o, "user_id"), integer(o, "created_at_ms"),
                         integer(o, "expires_at_ms"), text(o, "refresh")});
    }
    const QJsonObject refresh = object.value(QStringLiteral("refresh")).toObject();
    for (auto it = refresh.begin(); it != refresh.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_refresh.insert(it.key(), {text(o, "client_id"), integer(o, "user_id"), text(o, "access")});
    }
}

} // namespace sandbox
