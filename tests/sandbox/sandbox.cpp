#include "sandbox.h"

#include "accounts.h"
#include "formdata.h"
#include "http/httpserver.h"
#include "oauth.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

#include "documents/documentsapi.h"
#include "documents/documentsmodel.h"
#include "documents/storageservice.h"

namespace sandbox {

namespace {
const QString stateFileName = QStringLiteral("sandbox.json");
const QString anonymousClient = QStringLiteral("(anonymous)"); // budget key of unknown tokens

// The project a Documents call is about: ?project_id= or a /projects/{id}/ path segment; 0 if none.
qint64 projectIdOf(const HttpRequest &request)
{
    static const QRegularExpression inPath(QStringLiteral("/projects/(\\d+)(/|$)"));
    QString text = request.query.queryItemValue(QStringLiteral("project_id"));
    if (text.isEmpty())
        text = inPath.match(request.path).captured(1);
    return text.toLongLong();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

quint64 randomSeed()
{
    return QRandomGenerator::system()->generate64() % 1000000000ULL;
}

// The server side of --tls-certificate / --tls-key: PEM files (an RSA or EC key).
bool loadTlsConfiguration(const QString &certificatePath, const QString &keyPath,
                          QSslConfiguration *configuration, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS asked for, but Qt has no TLS backend here");
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    QFile keyFile(keyPath);
    if (chain.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read the TLS certificate %1 or its key %2").arg(certificatePath, keyPath);
        return false;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("the TLS key %1 is not a PEM RSA or EC private key").arg(keyPath);
        return false;
    }
    *configuration = QSslConfiguration::defaultConfiguration();
    configuration->setLocalCertificateChain(chain);
    configuration->setPrivateKey(key);
    configuration->setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return true;
}
} // namespace

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_faults(m_options.faultSeed.value_or(randomSeed()))
{
    applyLiveSettings();
}

Sandbox::~Sandbox()
{
    // Servers first: they hold handlers that point into this object.
    m_apiServer.reset();
    m_storageServer.reset();
}

QString Sandbox::temporaryDir() const
{
    return m_tempDir ? m_tempDir->path() : QString();
}

bool Sandbox::start(QString *error)
{
    if (persistent()) {
        m_dataDir = QDir(m_options.dataDir).absolutePath();
        if (!QDir().mkpath(m_dataDir)) {
            *error = QStringLiteral("cannot create the data directory %1").arg(m_dataDir);
            return false;
        }
    } else {
        m_tempDir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/trestle-sandbox-XXXXXX"));
        if (!m_tempDir->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_tempDir->errorString());
            return false;
        }
        m_dataDir = m_tempDir->path();
    }
    const QString spoolDir = m_dataDir + QStringLiteral("/spool");
    QDir().mkpath(spoolDir);

    m_seed = m_options.seed;
    loadState(); // a --data-dir keeps the seed it was created with
    m_accounts = std::make_unique<Accounts>(m_seed);
    m_oauth = std::make_unique<OAuth>(*m_accounts, m_tokens, m_stats);
    m_accountsApi = std::make_unique<AccountsApi>(*m_accounts);
    ControlApi::Hooks hooks;
    hooks.info = [this] {
        return info();
    };
    hooks.config = [this] {
        return m_options.live.toJson();
    };
    hooks.applyConfig = [this](const QJsonObject &object, QString *message) {
        return applyConfig(object, message);
    };
    hooks.expireTokens = [this] {
        m_tokens.expireAllAccessTokens(nowMs());
    };
    hooks.revokeRefreshTokens = [this] {
        m_tokens.revokeAllRefreshTokens();
    };
    hooks.cutStorageBodies = [this](const QByteArray &method, int count) {
        m_forcedCuts.insert(method, count);
    };
    hooks.loseReplies = [this](int count) {
        m_repliesToLose = count;
    };
    hooks.failStorage = [this](int count) {
        m_storageToFail = count;
    };
    hooks.projectState = [this](qint64 projectId, qint64 folderId) {
        return projectState(projectId, folderId);
    };
    m_control = std::make_unique<ControlApi>(m_stats, std::move(hooks));
    if (persistent())
        m_tokens.setChangedCallback([this] { scheduleSave(); });

    m_documentsModel = std::make_unique<DocumentsModel>(m_dataDir);
    // Without --data-dir nothing outlives the process: don't rewrite documents.json under load.
    m_documentsModel->setAutoSave(persistent());
    m_documentsModel->setSaveImmediately(m_options.durable);
    m_documentsModel->setRelaxedNames(m_options.live.relaxedNames);
    if (!m_documentsModel->load()) {
        for (const Project &project : m_accounts->projects())
            m_documentsModel->seedProject(project.id, project.name, m_seed, project.index);
    }
    m_storage = std::make_unique<StorageService>(*m_documentsModel, m_dataDir);
    m_documentsApi = std::make_unique<DocumentsApi>(*m_documentsModel, *m_storage);

    m_apiServer =
        std::make_unique<HttpServer>([this](const HttpRequest &r) { return handleApi(r); }, spoolDir);
    m_storageServer =
        std::make_unique<HttpServer>([this](const HttpRequest &r) { return handleStorage(r); }, spoolDir);
    if (!m_options.tlsCertificate.isEmpty()) {
        QSslConfiguration tls;
        if (!loadTlsConfiguration(m_options.tlsCertificate, m_options.tlsKey, &tls, error))
            return false;
        m_apiServer->setTlsConfiguration(tls);
        m_storageServer->setTlsConfiguration(tls);
    }
    m_apiServer->setBodyGate([this](const HttpRequest &head) { return gateBody(head, false); });
    m_storageServer->setBodyGate([this](const HttpRequest &head) { return gateBody(head, true); });
    if (!m_apiServer->listen(QHostAddress::LocalHost, m_options.port)) {
        *error = QStringLiteral("cannot listen on the API port: %1").arg(m_apiServer->errorString());
        return false;
    }
    if (!m_storageServer->listen(QHostAddress::LocalHost, m_options.storagePort)) {
        *error = QStringLiteral("cannot listen on the storage port: %1").arg(m_storageServer->errorString());
        return false;
    }
    const QString scheme = m_apiServer->isTls() ? QStringLiteral("https") : QStringLiteral("http");
    m_apiBase = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_apiServer->port()));
    m_storageBase = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_storageServer->port()));
    m_storage->setStorageBase(m_storageBase);
    if (persistent())
        saveState();
    return true;
}

QStringList Sandbox::bannerLines() const
{
    QStringList lines;
    lines << QStringLiteral("Storage: %1").arg(m_storageBase.toString());
    QStringList projects;
    for (const Project &project : m_accounts->projects())
        projects << QStringLiteral("%1 (%2)").arg(project.name).arg(project.id);
    lines << QStringLiteral("Seed: %1; company %2 (%3); projects: %4")
                 .arg(m_seed, m_accounts->companies().constFirst().name)
                 .arg(m_accounts->companies().constFirst().id)
                 .arg(projects.join(QStringLiteral(", ")));
    lines << QStringLiteral("OAuth client_id: trestle-sandbox-app (redirect URIs http://localhost, "
                            "urn:ietf:wg:oauth:2.0:oob); authorize at %1/oauth/authorize")
                 .arg(m_apiBase.toString());
    if (m_seed == QLatin1String("demo"))
        lines << QStringLiteral("Demo login: demo@trestle.test  password: trestle-demo");
    lines << QStringLiteral("Fault seed: %1 (fault rate %2)")
                 .arg(m_faults.seed())
                 .arg(m_options.live.faultRate);
    lines << QStringLiteral("Data: %1%2")
                 .arg(m_dataDir, persistent() ? QString() : QStringLiteral(" (temporary)"));
    return lines;
}

void Sandbox::applyLiveSettings()
{
    const LiveSettings &live = m_options.live;
    m_limiter.setLimits(live.rateLimit, live.spikeLimit, live.timeScale);
    m_faults.setRate(live.faultRate);
    m_faults.setKinds(live.faultKinds);
    if (m_documentsModel) {
        m_documentsModel->setRelaxedNames(live.relaxedNames);
        m_documentsModel->setTimeScale(live.timeScale);
    }
}

bool Sandbox::applyConfig(const QJsonObject &object, QString *error)
{
    if (!m_options.live.apply(object, error))
        return false;
    applyLiveSettings();
    return true;
}

QJsonObject Sandbox::info() const
{
    QJsonArray companies;
    for (const Company &company : m_accounts->companies()) {
        QJsonArray projects;
        for (const Project &project : m_accounts->projects()) {
            if (project.companyId == company.id)
                projects.append(
                    QJsonObject{{QStringLiteral("id"), project.id}, {QStringLiteral("name"), project.name}});
        }
        companies.append(QJsonObject{{QStringLiteral("id"), company.id},
                                     {QStringLiteral("name"), company.name},
                                     {QStringLiteral("projects"), projects}});
    }
    return {{QStringLiteral("api_base"), m_apiBase.toString()},
            {QStringLiteral("storage_base"), m_storageBase.toString()},
            {QStringLiteral("seed"), m_seed},
            {QStringLiteral("companies"), companies},
            {QStringLiteral("fault_seed"), QString::number(m_faults.seed())},
            {QStringLiteral("count_download_hop"), m_options.countDownloadHop},
            {QStringLiteral("documents"), true}};
}

std::optional<QJsonObject> Sandbox::projectState(qint64 projectId, qint64 folderId) const
{
    if (!m_accounts->project(projectId))
        return std::nullopt;
    QJsonObject state = m_documentsModel->stateJson(projectId, folderId);
    if (state.isEmpty())
        return std::nullopt; // a folder that is not the project's
    return state;
}

// --- dispatch --------------------------------------------------------------------------------

HttpResponse Sandbox::handleApi(const HttpRequest &request)
{
    const QString &path = request.path;
    const qint64 now = nowMs();
    if (path.startsWith(QLatin1String("/_sandbox/")))
        return m_control->handle(request);
    if (path.startsWith(QLatin1String("/rest/")))
        return handleRest(request, now);
    if (path.startsWith(QLatin1String("/fas/")))
        return handleDownloadHop(request, now);
    if (path == QLatin1String("/oauth/authorize")) {
        if (request.method == "GET")
            return m_oauth->authorizePage(request);
        if (request.method == "POST")
            return m_oauth->authorizeSubmit(request, now);
    } else if (path == QLatin1String("/oauth/token") && request.method == "POST") {
        return handleTokenEndpoint(request, now);
    } else if (path == QLatin1String("/oauth/token/info") && request.method == "GET") {
        return m_oauth->tokenInfo(request, now);
    } else if (path == QLatin1String("/oauth/revoke") && request.method == "POST") {
        return m_oauth->revoke(request);
    } else if (path == QLatin1String("/") && request.method == "GET") {
        return HttpResponse::text(200, "trestle-sandbox: see tests/sandbox/README.md\n",
                                  "text/plain; charset=utf-8");
    }
    return errorsString(404, QStringLiteral("Not found"));
}

std::optional<HttpResponse> Sandbox::spend(const QString &clientId, qint64 now, RateDecision *decision)
{
    *decision = m_limiter.consume(clientId.isEmpty() ? anonymousClient : clientId, now);
    if (decision->allowed)
        return std::nullopt;
    m_stats.countRateLimited();
    return RateLimiter::tooManyRequests(*decision);
}

HttpResponse Sandbox::handleTokenEndpoint(const HttpRequest &request, qint64 now)
{
    // The token endpoint is an API call for the statistics and the budget (README), but it is
    // never faulted: a client could not even sign in otherwise.
    const QHash<QString, QString> fields = parseFormFields(request);
    const QString clientId = OAuth::clientIdOf(request, fields);
    m_stats.countApiCall(request.method, request.path, clientId);
    RateDecision decision;
    if (auto refused = spend(clientId, now, &decision))
        return *refused;
    HttpResponse response = m_oauth->token(request, fields, m_options.live.tokenLifetime, now);
    RateLimiter::applyHeaders(response, decision);
    return response;
}

Sandbox::Caller Sandbox::resolveCaller(const HttpRequest &request, qint64 now) const
{
    Caller caller;
    const QString token = OAuth::bearerToken(request);
    if (token.isEmpty())
        return caller;
    const auto access = m_tokens.access(token);
    if (!access)
        return caller;
    caller.clientId = access->clientId;
    caller.user = m_accounts->user(access->userId);
    caller.valid = caller.user && access->expiresAtMs > now && !m_options.live.rejectTokens;
    return caller;
}

qint64 Sandbox::gateBody(const HttpRequest &head, bool storage)
{
    const quint32 key = quint32(head.localPort) << 16 | head.peerPort;
    m_drawnAtHead.remove(key);
    const QByteArray lengthHeader = head.header("Content-Length").trimmed();
    const bool chunked = head.header("Transfer-Encoding").toLower().contains("chunked");
    const qint64 length = lengthHeader.toLongLong();
    if (length <= 0 && !chunked)
        return -1;
    const qint64 cutAt = chunked && length <= 0 ? 64 * 1024 : length / 2;
    // Cuts asked for by POST /_sandbox/cut-storage-bodies come first and draw nothing.
    if (storage && m_forcedCuts.value(head.method) > 0) {
        --m_forcedCuts[head.method];
        m_stats.countFault();
        m_stats.countBodyCut(head, storage);
        return cutAt;
    }
    // Only when the kind is on: otherwise every fault is drawn in the handler as it always was,
    // so a seed replays the same faults as before the kind existed.
    if (!m_faults.cutsBodies())
        return -1;
    // Storage uploads (form POST, segment PUT) and JSON bodies of the API; never /_sandbox or
    // /oauth (a client could not sign in otherwise).
    if (!storage && !head.path.startsWith(QLatin1String("/rest/")))
        return -1;
    const FaultInjector::Kind fault = m_faults.drawForBody();
    if (fault != FaultInjector::Kind::ResetMidBody) {
        m_drawnAtHead.insert(key, fault);
        return -1;
    }
    // Neither an API call nor a storage request for the statistics: it never got that far.
    m_stats.countFault();
    m_stats.countBodyCut(head, storage);
    return cutAt;
}

FaultInjector::Kind Sandbox::takeFault(const HttpRequest &request)
{
    const quint32 key = quint32(request.localPort) << 16 | request.peerPort;
    const auto drawn = m_drawnAtHead.constFind(key);
    if (drawn == m_drawnAtHead.cend())
        return m_faults.draw();
    const FaultInjector::Kind fault = *drawn;
    m_drawnAtHead.erase(drawn);
    return fault;
}

HttpResponse Sandbox::handleRest(const HttpRequest &request, qint64 now)
{
    FaultInjector::Kind fault = takeFault(request);
    if (m_repliesToLose > 0 && fault == FaultInjector::Kind::None) {
        --m_repliesToLose;
        fault = FaultInjector::Kind::Reset; // handled below, then the connection is reset
    }
    const Caller caller = resolveCaller(request, now);
    m_stats.countApiCall(request.method, request.path, caller.clientId);
    HttpResponse response;
    if (FaultInjector::isStatusFault(fault)) {
        // An overloaded front end answers before the application: no budget spent, no headers.
        m_stats.countFault();
        response = FaultInjector::statusResponse(fault);
    } else {
        RateDecision decision;
        if (auto refused = spend(caller.clientId, now, &decision))
            response = *refused;
        else
            response = route(request, caller, false);
        if (response.status == 401)
            m_stats.countUnauthorized();
        RateLimiter::applyHeaders(response, decision);
        if (m_options.live.expireTokensEvery > 0
            && ++m_callsSinceExpiry >= m_options.live.expireTokensEvery) {
            m_callsSinceExpiry = 0;
            m_tokens.expireAllAccessTokens(now); // this call went through; the next one is a 401
        }
        if (fault != FaultInjector::Kind::None) {
            m_stats.countFault();
            FaultInjector::applyTransportFault(response, fault);
        }
    }
    response.setHeader("X-Request-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    response.delayMs = qMax(response.delayMs, m_options.live.latencyMs);
    return response;
}

HttpResponse Sandbox::handleDownloadHop(const HttpRequest &request, qint64 now)
{
    const FaultInjector::Kind fault = takeFault(request);
    const Caller caller = resolveCaller(request, now);
    HttpResponse response;
    if (FaultInjector::isStatusFault(fault)) {
        m_stats.countFault();
        response = FaultInjector::statusResponse(fault);
    } else {
        std::optional<RateDecision> decision;
        if (m_options.countDownloadHop) {
            m_stats.countApiCall(request.method, request.path, caller.clientId);
            decision.emplace();
            if (auto refused = spend(caller.clientId, now, &*decision))
                response = *refused;
        }
        if (!decision || decision->allowed)
            response = route(request, caller, true);
        if (decision)
            RateLimiter::applyHeaders(response, *decision);
        if (fault != FaultInjector::Kind::None) {
            m_stats.countFault();
            FaultInjector::applyTransportFault(response, fault);
        }
    }
    response.delayMs = qMax(response.delayMs, m_options.live.latencyMs);
    return response;
}

HttpResponse Sandbox::route(const HttpRequest &request, const Caller &caller, bool documentsOnly)
{
    if (!caller.valid)
        return OAuth::invalidToken();
    const User &user = *caller.user;
    ApiContext context;
    context.principal.userId = user.id;
    context.principal.login = user.login;
    context.principal.clientId = caller.clientId;
    context.principal.serviceAccount = user.serviceAccount;
    context.principal.documentsPermission = user.documentsPermission;
    context.apiBase = m_apiBase;
    context.storageBase = m_storageBase;
    // The core counts /rest calls and (with --count-download-hop) /fas hops itself.
    context.countDownloadHop = [] {
    };

    const QByteArray companyHeader = request.header("Procore-Company-Id").trimmed();
    if (!companyHeader.isEmpty()) {
        bool ok = false;
        context.companyId = companyHeader.toLongLong(&ok);
        if (!ok || context.companyId <= 0)
            return errorsString(400, QStringLiteral("Invalid Procore-Company-Id header!"));
        if (!m_accounts->canSeeCompany(user, context.companyId))
            return errorsString(403, QStringLiteral("You do not have access to this company."));
    } else if (!documentsOnly && !(AccountsApi::needsNoCompanyHeader(request) && !user.serviceAccount)) {
        return errorsString(400, QStringLiteral("Missing Procore-Company-Id header!"));
    }
    const qint64 companyId = context.companyId;
    const Accounts *accounts = m_accounts.get();
    context.canAccessProject = [accounts, &user, companyId](qint64 projectId) {
        return accounts->canAccessProject(user, companyId, projectId);
    };

    if (!documentsOnly) {
        if (auto response = m_accountsApi->handle(request, context))
            return *response;
    }
    // Everything past accounts is Documents, which the viewer may not use (README).
    if (!user.documentsPermission)
        return errorsString(403, QStringLiteral("You do not have permission to access Documents."));
    // A project the caller may not use (a service account's unpermitted project) is refused here,
    // once for every Documents route; unknown projects are left to Documents (404).
    const qint64 projectId = projectIdOf(request);
    if (projectId != 0 && m_accounts->project(projectId) && !context.canAccessProject(projectId))
        return errorsString(403, QStringLiteral("You do not have access to this project."));
    if (auto response = routeDocuments(request, context))
        return *response;
    return errorsString(404, QStringLiteral("Not found"));
}

std::optional<HttpResponse> Sandbox::routeDocuments(const HttpRequest &request, const ApiContext &context)
{
    return m_documentsApi->handle(request, context);
}

HttpResponse Sandbox::handleStorage(const HttpRequest &request)
{
    FaultInjector::Kind fault = takeFault(request);
    if (m_storageToFail > 0 && fault == FaultInjector::Kind::None) {
        --m_storageToFail;
        fault = FaultInjector::Kind::Status503;
    }
    HttpResponse response;
    if (FaultInjector::isStatusFault(fault)) {
        m_stats.countFault();
        response = FaultInjector::statusResponse(fault);
    } else {
        response = m_storage->handle(request);
        if (fault != FaultInjector::Kind::None) {
            m_stats.countFault();
            FaultInjector::applyTransportFault(response, fault);
        }
    }
    m_stats.countStorageRequest(request, response);
    response.delayMs = qMax(response.delayMs, m_options.live.latencyMs);
    return response;
}

// --- persistence -----------------------------------------------------------------------------

void Sandbox::loadState()
{
    if (!persistent())
        return;
    QFile file(m_dataDir + u'/' + stateFileName);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    const QString seed = state.value(QStringLiteral("seed")).toString();
    if (allSeeds().contains(seed))
        m_seed = seed;
    m_tokens.fromJson(state.value(QStringLiteral("tokens")).toObject());
}

void Sandbox::scheduleSave()
{
    if (m_saveScheduled)
        return;
    m_saveScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_saveScheduled = false;
        saveState();
    });
}

void Sandbox::saveState() const
{
    QSaveFile file(m_dataDir + u'/' + stateFileName);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QJsonObject state{{QStringLiteral("version"), 1},
                            {QStringLiteral("seed"), m_seed},
                            {QStringLiteral("tokens"), m_tokens.toJson()}};
    file.write(QJsonDocument(state).toJson(QJsonDocument::Indented));
    file.commit();
}

void Sandbox::save()
{
    if (!persistent() || !m_accounts)
        return;
    saveState();
    m_documentsModel->save();
}

} // namespace sandbox
