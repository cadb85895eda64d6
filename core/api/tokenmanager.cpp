#include "core/api/tokenmanager.h"

#include "core/api/tokenpersistence.h"
#include "core/api/tokenrequest.h"
#include "core/common/logging.h"

#include <QMutexLocker>
#include <QNetworkAccessManager>

#include <utility>

namespace trestle {

namespace {

// When `tokens` arrived, on our clock. created_at is the server's: a server clock ahead of ours
// would date the token after its expiry (by our clock), a negative lifetime that turns the
// proactive renewal of expiresWithin() off.
QDateTime obtainedAt(const TokenSet &tokens)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!tokens.createdAt.isValid() || tokens.createdAt > now
        || (tokens.expiresAt.isValid() && tokens.createdAt >= tokens.expiresAt))
        return now;
    return tokens.createdAt;
}

} // namespace

TokenManager::TokenManager(QString connectionId, OAuthClient client, TokenSet initial,
                           TokenPersistence *persistence, QObject *parent)
    : QObject(parent)
    , m_connectionId(std::move(connectionId))
    , m_client(std::move(client))
    , m_persistence(persistence)
    , m_tokens(std::move(initial))
    , m_obtainedAt(obtainedAt(m_tokens))
{ }

TokenManager::~TokenManager() = default;

TokenManager::Token TokenManager::current() const
{
    QMutexLocker lock(&m_mutex);
    return Token{m_tokens.accessToken, m_generation, m_tokens.expiresAt};
}

bool TokenManager::expiresWithin(std::chrono::seconds margin) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_tokens.expiresAt.isValid())
        return false;
    const qint64 lifetimeMs = m_obtainedAt.msecsTo(m_tokens.expiresAt);
    const qint64 marginMs = qMin<qint64>(margin.count() * 1000, qMax<qint64>(0, lifetimeMs / 4));
    return QDateTime::currentDateTimeUtc().addMSecs(marginMs) >= m_tokens.expiresAt;
}

void TokenManager::setTokens(const TokenSet &tokens)
{
    QMutexLocker lock(&m_mutex);
    m_tokens = tokens;
    m_obtainedAt = QDateTime::currentDateTimeUtc();
    ++m_generation;
    m_revoked = Error();
}

int TokenManager::refreshCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshCount;
}

void TokenManager::requestFreshToken(quint64 staleGeneration, QObject *context, FreshTokenCallback done)
{
    Q_ASSERT(context);
    QMutexLocker lock(&m_mutex);
    std::optional<Result<Token>> immediate;
    if (m_generation > staleGeneration && !m_tokens.accessToken.isEmpty())
        immediate = Result<Token>(Token{m_tokens.accessToken, m_generation, m_tokens.expiresAt});
    else if (m_revoked)
        immediate = Result<Token>(m_revoked);
    if (immediate) {
        lock.unlock();
        QMetaObject::invokeMethod(
            context, [done = std::move(done), r = *immediate] { done(r); }, Qt::QueuedConnection);
        return;
    }
    m_waiters.append(Waiter{QPointer<QObject>(context), std::move(done)});
    if (m_refreshing)
        return;
    m_refreshing = true;
    lock.unlock();
    QMetaObject::invokeMethod(this, &TokenManager::startRefresh, Qt::QueuedConnection);
}

void TokenManager::cancelWaiter(QObject *context)
{
    QMutexLocker lock(&m_mutex);
    m_waiters.removeIf([context](const Waiter &w) { return w.context == context || w.context.isNull(); });
}

void TokenManager::startRefresh()
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QString refreshToken;
    {
        QMutexLocker lock(&m_mutex);
        refreshToken = m_tokens.refreshToken;
        ++m_refreshCount;
    }
    auto *request = new TokenRequest(m_nam, m_client, this);
    m_request = request;
    connect(request, &TokenRequest::finished, this, [this, request](const Result<TokenSet> &result) {
        request->deleteLater();
        onRefreshFinished(result);
    });
    if (!refreshToken.isEmpty()) {
        qCInfo(lcAuth) << "refreshing the access token of" << m_connectionId;
        request->startRefresh(refreshToken);
    } else if (!m_client.clientSecret.isEmpty()) {
        qCInfo(lcAuth) << "renewing the client-credentials token of" << m_connectionId;
        request->startClientCredentials();
    } else {
        request->deleteLater();
        onRefreshFinished(Error(Error::Kind::AuthRevoked,
                                TokenRequest::tr("Sign in again to %1.").arg(m_client.connectionName)));
    }
}

void TokenManager::onRefreshFinished(const Result<TokenSet> &result)
{
    if (!result.ok()) {
        const Error error = result.error();
        qCWarning(lcAuth) << "token refresh failed for" << m_connectionId << Error::kindName(error.kind());
        if (error.kind() == Error::Kind::AuthRevoked || error.kind() == Error::Kind::AuthFailed) {
            QMutexLocker lock(&m_mutex);
            m_revoked = error;
        }
        deliver(error);
        if (error.kind() == Error::Kind::AuthRevoked || error.kind() == Error::Kind::AuthFailed)
            Q_EMIT signInRequired(error);
        return;
    }
    TokenSet tokens = result.value();
    {
        // Rotation: a grant that returns no refresh token keeps none (client credentials); an
        // authorization the server chose not to rotate keeps the old one.
        QMutexLocker lock(&m_mutex);
        if (tokens.refreshToken.isEmpty() && m_client.clientSecret.isEmpty())
            tokens.refreshToken = m_tokens.refreshToken;
    }
    if (!m_persistence)
        return publish(tokens);
    QPointer<TokenManager> self(this);
    m_persistence->saveTokens(m_connectionId, tokens, [self, tokens](const Status &saved) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, tokens, saved] {
                if (!saved.ok()) {
                    // The old refresh token is already dead, so withholding the new one would only
                    // break this session too: use it, and tell the user it was not kept.
                    qCWarning(lcAuth) << "could not save the refreshed tokens:" << saved.error().toString();
                    Q_EMIT self->persistenceFailed(saved.error());
                }
                self->publish(tokens);
            },
            Qt::QueuedConnection);
    });
}

void TokenManager::publish(const TokenSet &tokens)
{
    Token token;
    {
        QMutexLocker lock(&m_mutex);
        m_tokens = tokens;
        m_obtainedAt = QDateTime::currentDateTimeUtc();
        ++m_generation;
        token = Token{m_tokens.accessToken, m_generation, m_tokens.expiresAt};
    }
    deliver(token);
    Q_EMIT tokensRefreshed();
}

void TokenManager::deliver(const Result<Token> &result)
{
    // Posted while holding the mutex: cancelWaiter() (called by a context before it dies) then
    // cannot slip in between "copied the waiter" and "posted to it", and a posted event dies with
    // its receiver.
    QMutexLocker lock(&m_mutex);
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    m_refreshing = false;
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        QMetaObject::invokeMethod(
            waiter.context.data(), [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
    }
}

} // namespace trestle
