#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace trestle {

// A saved connection as the wizard fills it and the panes use it: where to connect and as whom,
// never with what secret. Tokens and client secrets are in the OS keychain, keyed by `id`.
struct ConnectionProfile final
{
    enum class Platform { Procore, Share };
    enum class AuthKind { User, ServiceAccount };

    QString id; // UUID without braces; ProfileRepository::add() fills it when empty
    QString displayName;
    Platform platform = Platform::Procore;

    // Procore
    QUrl apiBaseUrl;
    QUrl authBaseUrl;
    QString clientId; // public identifier of the OAuth application, not a secret
    bool customCredentials = false; // the user's own OAuth application instead of Trestle's
    AuthKind authKind = AuthKind::User;
    QString accountLogin;
    QString accountName;
    qint64 companyId = 0;
    QString companyName;
    qint64 projectId = 0;
    QString projectName;

    // File share
    QString rootPath;
    QString nameRulesPreset;

    QDateTime createdAt; // UTC, set by the repository
    QDateTime updatedAt; // UTC, set by the repository

    // The last "Test connection": when, whether it worked, and the text shown for it.
    QDateTime lastTestAt;
    bool lastTestOk = false;
    QString lastTestStatus;

    // Stable names stored in the database: "procore", "share"; "user", "service-account".
    static QString platformName(Platform platform);
    static std::optional<Platform> platformFromName(const QString &name);
    static QString authKindName(AuthKind kind);
    static std::optional<AuthKind> authKindFromName(const QString &name);
};

} // namespace trestle
