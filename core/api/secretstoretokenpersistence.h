#pragma once

#include "core/api/tokenpersistence.h"

#include <QPointer>

namespace trestle {

class SecretStore;

// TokenPersistence on the OS keychain: the refresh token first (the one a crash must not lose),
// then the access token. The expiry is not a secret and is not kept here. Any thread may call
// saveTokens(); the keychain jobs are created in the store's thread.
class SecretStoreTokenPersistence final : public TokenPersistence
{
    Q_DISABLE_COPY_MOVE(SecretStoreTokenPersistence)

public:
    explicit SecretStoreTokenPersistence(SecretStore *store);
    ~SecretStoreTokenPersistence() override;

    void saveTokens(const QString &connectionId, const TokenSet &tokens, Completion done) override;

private:
    QPointer<SecretStore> m_store;
};

} // namespace trestle
