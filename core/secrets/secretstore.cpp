#include "core/secrets/secretstore.h"

namespace trestle {

SecretStore::SecretStore(QObject *parent) : QObject(parent) { }

SecretStore::~SecretStore() = default;

SecretWriteJob *SecretStore::write(const QString &connectionId, SecretKind kind, const QString &value)
{
    return new SecretWriteJob(connectionId, kind, value, this);
}

SecretReadJob *SecretStore::read(const QString &connectionId, SecretKind kind)
{
    return new SecretReadJob(connectionId, kind, this);
}

SecretRemoveJob *SecretStore::remove(const QString &connectionId, SecretKind kind)
{
    return new SecretRemoveJob(connectionId, {kind}, this);
}

SecretRemoveJob *SecretStore::removeAll(const QString &connectionId)
{
    return new SecretRemoveJob(
        connectionId, {SecretKind::AccessToken, SecretKind::RefreshToken, SecretKind::ClientSecret}, this);
}

} // namespace trestle
