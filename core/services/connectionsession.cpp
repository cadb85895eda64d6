#include "core/services/connectionsession.h"

#include "core/api/connectioncontext.h"
#include "core/api/procoreclient.h"
#include "core/api/ratelimitmeter.h"
#include "core/api/tokenmanager.h"
#include "core/services/connectionmessages.h"

namespace trestle {

namespace {
// A wizard step waits at most this long behind the meter before telling the user why.
constexpr qint64 kMaxInteractiveWaitMs = 5000;

// Runs `fn` from the event loop: a callback never runs inside the call that caused it.
void later(QObject *context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}
} // namespace

ConnectionSession::ConnectionSession(const Setup &setup, QObject *parent)
    : QObject(parent)
    , m_apiBase(setup.apiBase)
    , m_meter(setup.meter)
    , m_tokens(
          std::make_unique<TokenManager>(setup.connectionId, setup.client, setup.tokens, setup.persistence))
    , m_context(std::make_shared<ConnectionContext>(setup.connectionName, setup.apiBase, setup.companyId,
                                                    m_tokens.get(), setup.meter))
    , m_client(std::make_unique<ProcoreClient>(m_context))
{
    m_client->setPriority(RateLimitMeter::Priority::Interactive);
    // The user is waiting: a few quick retries, not the engine's patient ones.
    RetryPolicy retry;
    retry.maxAttempts = 2;
    m_client->setRetryPolicy(retry);
    m_client->setTimeout(std::chrono::seconds(20));
    if (m_meter)
        connect(m_meter, &RateLimitMeter::snapshotChanged, this, &ConnectionSession::onMeterChanged);
}

ConnectionSession::~ConnectionSession()
{
    m_client->cancelAll();
}

Error ConnectionSession::budgetError() const
{
    if (!m_meter)
        return {};
    const RateLimitSnapshot snapshot = m_meter->snapshot();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (snapshot.waitingUntil.isValid() && now.msecsTo(snapshot.waitingUntil) > kMaxInteractiveWaitMs)
        return ConnectionMessages::budgetExhausted(snapshot.waitingUntil);
    if (snapshot.headersSeen && snapshot.hourlyRemaining <= 0 && snapshot.hourlyResetAt.isValid()
        && now.msecsTo(snapshot.hourlyResetAt) > kMaxInteractiveWaitMs)
        return ConnectionMessages::budgetExhausted(snapshot.hourlyResetAt);
    return {};
}

void ConnectionSession::onMeterChanged()
{
    if (m_inFlight == 0)
        return;
    const Error error = budgetError();
    if (!error)
        return;
    m_budgetError = error;
    m_client->cancelAll();
}

void ConnectionSession::cancelAll()
{
    m_client->cancelAll();
}

template<typename T>
std::function<void(Result<T>)> ConnectionSession::guarded(std::function<void(Result<T>)> done)
{
    ++m_inFlight;
    return [this, done](Result<T> result) {
        --m_inFlight;
        if (!result.ok() && result.error().kind() == Error::Kind::Cancelled && m_budgetError) {
            const Error error = m_budgetError;
            if (m_inFlight == 0)
                m_budgetError = Error();
            return done(error);
        }
        done(std::move(result));
    };
}

void ConnectionSession::me(std::function<void(Result<Me>)> done)
{
    if (const Error error = budgetError()) {
        later(this, [done, error] { done(error); });
        return;
    }
    m_client->me(guarded<Me>(std::move(done)));
}

void ConnectionSession::companies(std::function<void(Result<QList<Company>>)> done)
{
    if (const Error error = budgetError()) {
        later(this, [done, error] { done(error); });
        return;
    }
    m_client->companies(guarded<QList<Company>>(std::move(done)));
}

void ConnectionSession::projects(qint64 companyId, std::function<void(Result<QList<Project>>)> done)
{
    if (const Error error = budgetError()) {
        later(this, [done, error] { done(error); });
        return;
    }
    m_context->setCompanyId(companyId);
    m_client->projects(companyId, guarded<QList<Project>>(std::move(done)));
}

void ConnectionSession::testDocuments(qint64 companyId, qint64 projectId, const QString &projectName,
                                      std::function<void(Status)> done)
{
    const QUrl apiBase = m_apiBase;
    if (const Error error = budgetError()) {
        later(this, [done, error] { done(error); });
        return;
    }
    if (companyId > 0)
        m_context->setCompanyId(companyId);
    ProcoreClient::FolderQuery query;
    query.latestVersionOnly = true;
    m_client->rootFolder(
        projectId, query, guarded<Folder>([done, projectName, apiBase](Result<Folder> result) {
            if (!result.ok())
                return done(ConnectionMessages::documentsTest(result.error(), projectName, apiBase));
            done(Done{});
        }));
}

} // namespace trestle
