#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace sandbox {

// Authorization codes, access tokens and refresh tokens (procore-api.md §2). Tokens are opaque
// random strings; the store keeps only their SHA-256, so the --data-dir state file holds nothing a
// reader could use. Times are real milliseconds since the epoch.
class TokenStore final
{
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    struct Code
    {
        QString clientId;
        QString redirectUri;
        qint64 userId = 0;
        qint64 expiresAtMs = 0;
    };
    struct Access
    {
        QString clientId;
        qint64 userId = 0;
        qint64 createdAtMs = 0;
        qint64 expiresAtMs = 0;
        QString refreshKey; // hash of the paired refresh token, empty if none
    };
    struct Refresh
    {
        QString clientId;
        qint64 userId = 0;
        QString accessKey; // hash of the access token issued with it
    };
    struct Issued
    {
        QString accessToken;
        QString refreshToken; // empty for client credentials
        qint64 createdAtMs = 0;
        int expiresIn = 0;
    };

    TokenStore() = default;

    // Called after every change that should reach the state file.
    void setChangedCallback(std::function<void()> callback) { m_changed = std::move(callback); }

    QString issueCode(const QString &clientId, const QString &redirectUri, qint64 userId, qint64 nowMs);
    std::optional<Code> takeCode(const QString &code); // single use: removed whatever happens next

    Issued issue(const QString &clientId, qint64 userId, bool withRefreshToken, int lifetimeSeconds,
                 qint64 nowMs);
    std::optional<Access> access(const QString &accessToken) const; // also expired ones
    std::optional<Refresh> takeRefresh(const QString &refreshToken); // single use (§2)
    void revoke(const QString &token); // an access or refresh token, and its partner

    void expireAllAccessTokens(qint64 nowMs);
    void revokeAllRefreshTokens();

    QJsonObject toJson() const;
    void fromJson(const QJsonObject &object);

private:
    static QString key(const QString &token);
    static QString newToken();
    void changed();

    QHash<QString, Code> m_codes;
    QHash<QString, Access> m_access;
    QHash<QString, Refresh> m_refresh;
    std::function<void()> m_changed;
};

} // namespace sandbox
