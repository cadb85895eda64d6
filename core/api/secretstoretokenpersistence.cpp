#include "core/api/secretstoretokenpersistence.h"

#include "core/secrets/secretstore.h"

#include <QCoreApplication>

namespace trestle {

namespace {

void writeSecret(SecretStore *store, const QString &connectionId, SecretKind kind, const QString &value,
                 std::function<void(Status)> done)
{
    SecretWriteJob *job = store->write(connectionId, kind, value);
    QObject::connect(job, &SecretWriteJob::finished, store, [done](const Status &status) { done(status); });
    job->start();
}

} // namespace

SecretStoreTokenPersistence::SecretStoreTokenPersistence(SecretStore *store) : m_store(store) { }

SecretStoreTokenPersistence::~SecretStoreTokenPersistence() = default;

void SecretStoreTokenPersistence::saveTokens(const QString &connectionId, const TokenSet &tokens,
                                             Completion done)
{
    SecretStore *store = m_store;
    if (!store)
        return done(
            Error(Error::Kind::Keychain,
                  QCoreApplication::translate("trestle::TokenManager", "The keychain is not available.")));
    QMetaObject::invokeMethod(
        store,
        [store, connectionId, tokens, done] {
            auto writeAccess = [store, connectionId, tokens, done] {
                writeSecret(store, connectionId, SecretKind::AccessToken, tokens.accessToken, done);
            };
            if (tokens.refreshToken.isEmpty())
                return writeAccess();
            writeSecret(store, connectionId, SecretKind::RefreshToken, tokens.refreshToken,
                        [writeAccess, done](const Status &saved) {
                            if (!saved.ok())
                                return done(saved);
                            writeAccess();
                        });
        },
        Qt::AutoConnection);
}

} // namespace trestle
