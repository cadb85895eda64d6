#include "core/db/connectionprofile.h"

namespace trestle {

QString ConnectionProfile::platformName(Platform platform)
{
    switch (platform) {
    case Platform::Procore:
        return QStringLiteral("procore");
    case Platform::Share:
        return QStringLiteral("share");
    }
    return QString();
}

std::optional<ConnectionProfile::Platform> ConnectionProfile::platformFromName(const QString &name)
{
    for (Platform platform : {Platform::Procore, Platform::Share}) {
        if (platformName(platform) == name)
            return platform;
    }
    return std::nullopt;
}

QString ConnectionProfile::authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::User:
        return QStringLiteral("user");
    case AuthKind::ServiceAccount:
        return QStringLiteral("service-account");
    }
    return QString();
}

std::optional<ConnectionProfile::AuthKind> ConnectionProfile::authKindFromName(const QString &name)
{
    for (AuthKind kind : {AuthKind::User, AuthKind::ServiceAccount}) {
        if (authKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace trestle
