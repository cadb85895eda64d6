#pragma once

#include "core/api/apitypes.h"
#include "core/common/result.h"

#include <QString>

#include <functional>

namespace trestle {

// Where a connection's tokens are kept between runs (the OS keychain in the app; see
// SecretStoreTokenPersistence). TokenManager saves through it BEFORE it publishes a refreshed
// access token: refresh tokens are single-use, so a crash between "refreshed" and "saved" would
// otherwise cost the user a sign-in.
class TokenPersistence
{
public:
    using Completion = std::function<void(Status)>;

    virtual ~TokenPersistence() = default;

    // Saves `tokens` for the connection asynchronously. Called in the caller's thread; `done` may
    // be called from any thread (the caller marshals it back), exactly once.
    virtual void saveTokens(const QString &connectionId, const TokenSet &tokens, Completion done) = 0;
};

} // namespace trestle
