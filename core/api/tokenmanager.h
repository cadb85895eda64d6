#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace trestle {

class TokenPersistence;
class TokenRequest;

// The tokens of one connection, shared by every ProcoreClient of that connection (one per worker
// thread). Thread-safe: current() and requestFreshToken() may be called from any thread; the
// refresh itself runs in the thread this object lives in, with its own QNetworkAccessManager.
//
// Refresh is SINGLE-FLIGHT: N callers that find the token stale while a refresh is in flight all
// wait for that one refresh. Callers say which token generation they found stale, so a caller that
// arrives after the refresh finished gets the new token at once instead of refreshing again.
// Refresh tokens are single-use (procore-api.md §2): the new token set is saved through the
// TokenPersistence first and only then published, so a crash costs no sign-in.
class TokenManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenManager)

public:
    struct Token
    {
        QString accessToken;
        quint64 generation = 0; // grows with every new access token
        QDateTime expiresAt;
    };
    using FreshTokenCallback = std::function<void(const Result<Token> &)>;

    // `persistence` may be null (tokens then live in memory only); it must outlive this object.
    // A connection without a refresh token but with a client secret renews with the
    // client_credentials grant (service accounts).
    TokenManager(QString connectionId, OAuthClient client, TokenSet initial, TokenPersistence *persistence,
                 QObject *parent = nullptr);
    ~TokenManager() override;

    Token current() const;
    // True when the access token expires within `margin` (proactive refresh), or within a
    // quarter of its lifetime for tokens that live shorter than 4 × margin.
    bool expiresWithin(std::chrono::seconds margin) const;
    // Replaces the tokens after a new sign-in (clears a revoked state).
    void setTokens(const TokenSet &tokens);

    // Asks for an access token newer than `staleGeneration`. `done` runs in `context`'s thread,
    // exactly once, unless cancelWaiter(context) is called first. Any thread.
    void requestFreshToken(quint64 staleGeneration, QObject *context, FreshTokenCallback done);
    // Forgets the pending requests of `context` (call it before destroying a waiting context).
    void cancelWaiter(QObject *context);

    // Number of refresh grants this object has sent (for tests and the log).
    int refreshCount() const;

Q_SIGNALS:
    // After a refresh was saved and published. Carries no token on purpose.
    void tokensRefreshed();
    // The refresh token is dead (invalid_grant): the user must sign in again.
    void signInRequired(const trestle::Error &error);
    // The new tokens could not be saved; they are used for this session only.
    void persistenceFailed(const trestle::Error &error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        FreshTokenCallback done;
    };

    void startRefresh();
    void onRefreshFinished(const Result<TokenSet> &result);
    void publish(const TokenSet &tokens);
    void deliver(const Result<Token> &result);

    const QString m_connectionId;
    const OAuthClient m_client;
    TokenPersistence *const m_persistence;
    QNetworkAccessManager *m_nam = nullptr; // created in this object's thread on first use
    QPointer<TokenRequest> m_request;

    mutable QMutex m_mutex; // guards everything below
    TokenSet m_tokens;
    QDateTime m_obtainedAt; // local clock, when m_tokens arrived
    quint64 m_generation = 1;
    bool m_refreshing = false;
    Error m_revoked; // set after invalid_grant until setTokens()
    QList<Waiter> m_waiters;
    int m_refreshCount = 0;
};

} // namespace trestle
