#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace trestle {

class ConnectionContext;
class ProcoreClient;
class RateLimitMeter;
class TokenManager;
class TokenPersistence;

// The wiring of one Procore connection in the GUI thread: its TokenManager, the application's
// RateLimitMeter, a ConnectionContext and a ProcoreClient, plus the few calls the wizard and the
// connection manager make. Interactive calls must not hang silently behind a long rate-limit hold,
// so while the meter holds calls for more than a few seconds every call in flight is cancelled
// and finishes with "API budget exhausted until HH:MM".
class ConnectionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSession)

public:
    struct Setup
    {
        QString connectionId; // keychain key for refreshed tokens (may be empty: not persisted)
        QString connectionName;
        QUrl apiBase;
        qint64 companyId = 0;
        OAuthClient client; // for refreshes
        TokenSet tokens;
        TokenPersistence *persistence = nullptr; // may be null; must outlive the session
        RateLimitMeter *meter = nullptr; // must outlive the session
    };

    explicit ConnectionSession(const Setup &setup, QObject *parent = nullptr);
    ~ConnectionSession() override;

    ProcoreClient *client() const { return m_client.get(); }
    TokenManager *tokens() const { return m_tokens.get(); }
    QUrl apiBase() const { return m_apiBase; }

    // Budget exhausted for longer than the caller should wait (none otherwise).
    Error budgetError() const;

    void me(std::function<void(Result<Me>)> done);
    void companies(std::function<void(Result<QList<Company>>)> done);
    void projects(qint64 companyId, std::function<void(Result<QList<Project>>)> done);
    // The connection test: lists the project's Documents root (one API call). A `companyId` of 0
    // keeps the session's company.
    void testDocuments(qint64 companyId, qint64 projectId, const QString &projectName,
                       std::function<void(Status)> done);
    void cancelAll();

private:
    void onMeterChanged();
    template<typename T>
    std::function<void(Result<T>)> guarded(std::function<void(Result<T>)> done);

    const QUrl m_apiBase;
    RateLimitMeter *m_meter;
    // Declared in this order so the client (which uses the tokens) is destroyed first.
    std::unique_ptr<TokenManager> m_tokens;
    std::shared_ptr<ConnectionContext> m_context;
    std::unique_ptr<ProcoreClient> m_client;
    Error m_budgetError; // set when calls were cancelled because of a long hold
    int m_inFlight = 0;
};

} // namespace trestle
