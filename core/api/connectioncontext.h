#pragma once

#include "core/common/error.h"

#include <QString>
#include <QUrl>

#include <atomic>

namespace trestle {

class RateLimitMeter;
class TokenManager;

// What every ProcoreClient of one connection shares: the API base URL, the company, the
// connection's TokenManager and the application's RateLimitMeter. Thread-safe (immutable apart
// from the atomic company id); hold it in a std::shared_ptr. The TokenManager and the meter are
// not owned: the application's wiring owns them and keeps them alive longer than the clients.
class ConnectionContext final
{
    Q_DISABLE_COPY_MOVE(ConnectionContext)

public:
    ConnectionContext(QString connectionName, QUrl apiBase, qint64 companyId, TokenManager *tokens,
                      RateLimitMeter *meter);

    QString connectionName() const { return m_connectionName; }
    QUrl apiBase() const { return m_apiBase; }
    // Config error when the API base is not https (or http to loopback).
    Error urlError() const { return m_urlError; }
    qint64 companyId() const { return m_companyId.load(); }
    void setCompanyId(qint64 companyId) { m_companyId.store(companyId); }
    // Service accounts (client-credentials tokens) send Procore-Company-Id on /me and /companies
    // too (procore-api.md §3); user tokens must not need it there.
    bool isServiceAccount() const { return m_serviceAccount.load(); }
    void setServiceAccount(bool serviceAccount) { m_serviceAccount.store(serviceAccount); }
    TokenManager *tokens() const { return m_tokens; }
    RateLimitMeter *meter() const { return m_meter; }

private:
    const QString m_connectionName;
    const QUrl m_apiBase;
    const Error m_urlError;
    std::atomic<qint64> m_companyId;
    std::atomic<bool> m_serviceAccount{false};
    TokenManager *const m_tokens;
    RateLimitMeter *const m_meter;
};

} // namespace trestle
