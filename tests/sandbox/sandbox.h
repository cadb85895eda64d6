#pragma once

#include "accountsapi.h"
#include "control.h"
#include "faultinjector.h"
#include "http/httpmessage.h"
#include "ratelimiter.h"
#include "sandboxoptions.h"
#include "stats.h"
#include "tokenstore.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace sandbox {

class Accounts;
class DocumentsApi;
class DocumentsModel;
class HttpServer;
class OAuth;
class StorageService;
struct User;

// The whole sandbox: options, the API and storage listeners, and the dispatch of every request
// through faults, statistics, the rate limiter and the token check to the modules (OAuth,
// accounts, control, Documents). Single-threaded: handlers run on the servers' (main) thread.
class Sandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    explicit Sandbox(SandboxOptions options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Prepares the data directory, loads or seeds state and binds both ports on 127.0.0.1.
    bool start(QString *error);
    void save(); // writes state when --data-dir was given
    // The temporary data directory (removed at exit), empty with --data-dir.
    QString temporaryDir() const;

    QUrl apiBase() const { return m_apiBase; }
    QUrl storageBase() const { return m_storageBase; }
    QStringList bannerLines() const; // human-readable lines printed after the base URL

    HttpResponse handleApi(const HttpRequest &request);
    HttpResponse handleStorage(const HttpRequest &request);

private:
    struct Caller
    {
        bool valid = false; // a known, unexpired access token
        const User *user = nullptr;
        QString clientId; // known even for an expired token; empty for an unknown one
    };

    Caller resolveCaller(const HttpRequest &request, qint64 nowMs) const;
    HttpResponse handleTokenEndpoint(const HttpRequest &request, qint64 nowMs);
    HttpResponse handleRest(const HttpRequest &request, qint64 nowMs);
    HttpResponse handleDownloadHop(const HttpRequest &request, qint64 nowMs);
    // The body gate of both servers (reset_mid_body): draws a request's fault when its head
    // arrives; returns the body bytes to read before the cut, or -1.
    qint64 gateBody(const HttpRequest &head, bool storage);
    FaultInjector::Kind takeFault(const HttpRequest &request); // drawn by gateBody, else now
    HttpResponse route(const HttpRequest &request, const Caller &caller, bool documentsOnly);
    std::optional<HttpResponse> routeDocuments(const HttpRequest &request, const ApiContext &context);
    // Consumes budget; fills *decision; returns a 429 response when spent.
    std::optional<HttpResponse> spend(const QString &clientId, qint64 nowMs, RateDecision *decision);
    void applyLiveSettings();
    bool applyConfig(const QJsonObject &object, QString *error);
    std::optional<QJsonObject> projectState(qint64 projectId, qint64 folderId) const;
    QJsonObject info() const;
    void loadState();
    void scheduleSave();
    void saveState() const;
    bool persistent() const { return !m_options.dataDir.isEmpty(); }

    SandboxOptions m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QString m_seed;
    std::unique_ptr<Accounts> m_accounts;
    TokenStore m_tokens;
    Stats m_stats;
    RateLimiter m_limiter;
    FaultInjector m_faults;
    // Faults gateBody() drew for requests still being read, by (local port << 16 | peer port):
    // one request at a time per connection, so the key names the request.
    QHash<quint32, FaultInjector::Kind> m_drawnAtHead;
    QHash<QByteArray, int> m_forcedCuts; // storage method -> cuts still to make (cut-storage-bodies)
    int m_repliesToLose = 0; // /rest calls still to handle and then reset (lose-replies)
    int m_storageToFail = 0; // storage requests still to answer 503 (fail-storage)
    int m_callsSinceExpiry = 0; // /rest calls since expire_tokens_every last expired the tokens
    std::unique_ptr<OAuth> m_oauth;
    std::unique_ptr<AccountsApi> m_accountsApi;
    std::unique_ptr<ControlApi> m_control;
    std::unique_ptr<DocumentsModel> m_documentsModel;
    std::unique_ptr<StorageService> m_storage;
    std::unique_ptr<DocumentsApi> m_documentsApi;
    std::unique_ptr<HttpServer> m_apiServer;
    std::unique_ptr<HttpServer> m_storageServer;
    QUrl m_apiBase;
    QUrl m_storageBase;
    bool m_saveScheduled = false;
};

} // namespace sandbox
