#include "core/secrets/secretkind.h"

namespace trestle {

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::AccessToken:
        return QStringLiteral("access-token");
    case SecretKind::RefreshToken:
        return QStringLiteral("refresh-token");
    case SecretKind::ClientSecret:
        return QStringLiteral("client-secret");
    }
    Q_UNREACHABLE();
    return {};
}

QString secretServiceName()
{
    return QStringLiteral("Trestle");
}

QString secretKey(const QString &connectionId, SecretKind kind)
{
    return connectionId + QLatin1Char('/') + secretKindName(kind);
}

} // namespace trestle
