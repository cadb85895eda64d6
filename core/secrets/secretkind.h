#pragma once

#include <QString>

namespace trestle {

// The secrets Trestle keeps per connection, each in the OS keychain under the service "Trestle"
// and the key "<connectionId>/<kind name>".
enum class SecretKind {
    AccessToken,
    RefreshToken,
    ClientSecret,
};

// Stable name of a kind, part of the keychain key: "access-token", "refresh-token", "client-secret".
QString secretKindName(SecretKind kind);
// The keychain service every Trestle secret is stored under.
QString secretServiceName();
// "<connectionId>/<kind name>".
QString secretKey(const QString &connectionId, SecretKind kind);

} // namespace trestle
