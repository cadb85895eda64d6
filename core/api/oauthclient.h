#pragma once

#include <QString>
#include <QUrl>

namespace trestle {

// The OAuth application and the connection it signs in to (procore-api.md §2).
struct OAuthClient
{
    QUrl authBase; // e.g. https://login.procore.com (the sandbox: its API base)
    QString clientId;
    QString clientSecret; // empty for public clients
    QString redirectUri = QStringLiteral("http://localhost"); // or urn:ietf:wg:oauth:2.0:oob
    QString connectionName; // for messages: "Sign in again to <connectionName>"
};

} // namespace trestle
