#include "core/services/connectionstores.h"

#include "core/api/connectioncontext.h"
#include "core/api/procoreclient.h"
#include "core/api/secretstoretokenpersistence.h"
#include "core/api/tokenmanager.h"
#include "core/common/logging.h"
#include "core/db/profilerepository.h"
#include "core/services/connectionmessages.h"
#include "core/services/ratelimitmeters.h"
#include "core/services/secretbatch.h"
#include "core/services/shareprobe.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/store/storelimits.h"

#include <QDir>
#include <QThread>
#include <QTimer>

namespace trestle {

struct ConnectionStores::Prepared
{
    ConnectionProfile profile;
    // Shares
    StoreLimits limits;
    // Procore: one context (and through it one TokenManager) for every thread of the connection.
    std::shared_ptr<ConnectionContext> context;
    // One path cache for every store of the connection (browsing, planning, each worker): a
    // folder one of them listed or created costs the others no lookup call.
    std::shared_ptr<ProcorePathCache> cache;
    RateLimitMeter *meter = nullptr;
    Error signInError; // set once the refresh token was found dead, until forget()
};

namespace {

const QLatin1String kProcorePrefix("procore:");
const QLatin1String kSharePrefix("share:");

bool ownsSecret(const ConnectionProfile &profile)
{
    return profile.customCredentials || profile.authKind == ConnectionProfile::AuthKind::ServiceAccount;
}

// The OAuth application a saved profile signs in with (as ConnectionManager builds it): the
// secret comes from the keychain for the user's own application or a service account.
OAuthClient clientOf(const ConnectionProfile &profile, const SecretBatch::Values &secrets)
{
    OAuthClient client;
    client.authBase = profile.authBaseUrl;
    client.clientId = profile.clientId;
    client.clientSecret = ownsSecret(profile) ? secrets.value(SecretKind::ClientSecret)
                                              : QStringLiteral(TRESTLE_DEFAULT_CLIENT_SECRET);
    client.connectionName = profile.displayName;
    return client;
}

// The TokenManager lives in the thread that prepared the connection (its refreshes run there).
// The last holder of a context may be a worker thread finishing a job after forget(): then the
// manager is deleted from its own thread's event loop.
void destroyTokens(TokenManager *tokens)
{
    if (tokens->thread() == QThread::currentThread())
        delete tokens;
    else
        tokens->deleteLater();
}

// The rules of a share's preset ("windows", "posix"; anything else: the platform's own).
StoreLimits limitsOf(const ConnectionProfile &profile)
{
    const QString root = QDir::cleanPath(profile.rootPath);
    if (profile.nameRulesPreset == QLatin1String("windows"))
        return StoreLimits::windows(int(root.size()) + 1);
    if (profile.nameRulesPreset == QLatin1String("posix"))
        return StoreLimits::posix();
    return StoreLimits::localPlatform(int(root.size()) + 1);
}

Error unknownConnection(const QString &connection)
{
    return Error(Error::Kind::NotFound,
                 QCoreApplication::translate("trestle::ConnectionStores",
                                             "There is no saved connection “%1”; it may have been deleted. "
                                             "`trestle connections` lists the saved ones.")
                     .arg(connection));
}

Error signInMissing(const ConnectionProfile &profile)
{
    return Error(Error::Kind::AuthRevoked,
                 QCoreApplication::translate(
                     "trestle::ConnectionStores",
                     "The sign-in of %1 is missing from the keychain. Use Reconnect in Trestle's "
                     "connection manager to sign in again.")
                     .arg(profile.displayName));
}

Error signInInvalid(const ConnectionProfile &profile, const Error &cause)
{
    return Error(Error::Kind::AuthRevoked,
                 QCoreApplication::translate(
                     "trestle::ConnectionStores",
                     "The sign-in of %1 is no longer valid (a changed password or a revoked access). "
                     "Use Reconnect in Trestle's connection manager to sign in again.")
                     .arg(profile.displayName),
                 cause.detail().isEmpty() ? cause.message() : cause.detail());
}

// A Procore store on its own client: the client is the store's child, so it lives exactly as
// long as the store (and is destroyed after the store's own destructor has run).
std::unique_ptr<Store> procoreStore(const std::shared_ptr<ConnectionContext> &context,
                                    const std::shared_ptr<ProcorePathCache> &cache,
                                    const ConnectionProfile &profile, RateLimitMeter::Priority priority)
{
    auto *client = new ProcoreClient(context);
    client->setPriority(priority);
    auto store = std::make_unique<ProcoreStore>(client, profile.projectId, profile.projectName, cache);
    client->setParent(store.get());
    return store;
}

} // namespace

ConnectionStores::ConnectionStores(const ConnectionServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_persistence(std::make_shared<SecretStoreTokenPersistence>(services.secrets))
{
    // A deleted connection is unknown from now on (its running jobs keep what they hold). A
    // changed one is not forgotten here: two TokenManagers of one connection would spend each
    // other's single-use refresh tokens. After a reconnect the caller calls forget().
    if (m_services.profiles)
        connect(m_services.profiles, &ProfileRepository::profileRemoved, this, &ConnectionStores::forget);
}

ConnectionStores::~ConnectionStores() = default;

Result<ConnectionProfile> ConnectionStores::profile(const QString &connection) const
{
    if (!m_services.profiles || connection.isEmpty() || LocalStoreResolver::isLocal(connection))
        return unknownConnection(connection);
    Result<ConnectionProfile> found = m_services.profiles->profile(connection);
    if (!found.ok() && found.error().kind() == Error::Kind::NotFound)
        return unknownConnection(connection);
    return found;
}

Error ConnectionStores::parseEndpoint(const QString &argument, QString *connection, QString *path)
{
    const bool procore = argument.startsWith(kProcorePrefix);
    const bool share = argument.startsWith(kSharePrefix);
    if (!procore && !share)
        return m_local.parseEndpoint(argument, connection, path);
    const ConnectionProfile::Platform platform =
        procore ? ConnectionProfile::Platform::Procore : ConnectionProfile::Platform::Share;
    const QString rest = argument.mid(procore ? kProcorePrefix.size() : kSharePrefix.size());
    const QStringList segments = rest.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return Error(Error::Kind::Validation,
                     tr("“%1” names no connection: write %2<connection name or id>/<folder>.")
                         .arg(argument, procore ? kProcorePrefix : kSharePrefix));
    if (!m_services.profiles)
        return unknownConnection(segments.first());
    const Result<QVector<ConnectionProfile>> all = m_services.profiles->profiles();
    if (!all.ok())
        return all.error();

    // A name may itself contain '/': the longest prefix of the segments that names a connection
    // wins; an id always wins over a name.
    for (int count = int(segments.size()); count > 0; --count) {
        const QString name = segments.mid(0, count).join(QLatin1Char('/'));
        QVector<ConnectionProfile> matches;
        for (const ConnectionProfile &profile : all.value()) {
            if (profile.platform == platform && profile.id == name) {
                matches = {profile};
                break;
            }
            if (profile.platform == platform && profile.displayName.compare(name, Qt::CaseInsensitive) == 0)
                matches.append(profile);
        }
        if (matches.size() > 1) {
            QStringList candidates;
            for (const ConnectionProfile &match : matches)
                candidates.append(QStringLiteral("%1 (%2)").arg(match.displayName, match.id));
            return Error(Error::Kind::Validation,
                         tr("“%1” names several connections: %2. Give the id instead of the name.")
                             .arg(name, candidates.join(QStringLiteral(", "))));
        }
        if (matches.size() == 1) {
            *connection = matches.first().id;
            *path = segments.mid(count).join(QLatin1Char('/'));
            return {};
        }
    }
    for (const ConnectionProfile &profile : all.value()) {
        if (profile.id == segments.first()
            || profile.displayName.compare(segments.first(), Qt::CaseInsensitive) == 0)
            return Error(Error::Kind::Validation,
                         procore
                             ? tr("“%1” is a file share: write share:%1.").arg(segments.first())
                             : tr("“%1” is a Procore connection: write procore:%1.").arg(segments.first()));
    }
    return Error(Error::Kind::Validation,
                 tr("There is no saved %1 connection called “%2”. `trestle connections` lists them.")
                     .arg(procore ? tr("Procore") : tr("file share"), segments.first()));
}

void ConnectionStores::prepare(const QString &connection, std::function<void(const Error &)> done)
{
    if (LocalStoreResolver::isLocal(connection)) {
        m_local.prepare(connection, std::move(done));
        return;
    }
    if (m_prepared.contains(connection) && !profile(connection).ok())
        forget(connection); // deleted behind our back (another process)
    if (const std::shared_ptr<Prepared> ready = m_prepared.value(connection)) {
        const Error error = ready->signInError;
        QTimer::singleShot(0, this, [done = std::move(done), error] { done(error); });
        return;
    }
    const bool inFlight = m_waiting.contains(connection);
    m_waiting[connection].append(std::move(done));
    if (inFlight)
        return;
    const Result<ConnectionProfile> found = profile(connection);
    if (!found.ok()) {
        const Error error = found.error();
        QTimer::singleShot(0, this, [this, connection, error] { finishPrepare(connection, error); });
        return;
    }
    if (found.value().platform == ConnectionProfile::Platform::Share)
        prepareShare(found.value());
    else
        prepareProcore(found.value());
}

void ConnectionStores::prepareShare(const ConnectionProfile &profile)
{
    ShareProbe::check(profile.rootPath, this, [this, profile](Status status) {
        if (status.ok()) {
            auto prepared = std::make_shared<Prepared>();
            prepared->profile = profile;
            prepared->limits = limitsOf(profile);
            m_prepared.insert(profile.id, prepared);
        }
        finishPrepare(profile.id, status.ok() ? Error() : status.error());
    });
}

void ConnectionStores::prepareProcore(const ConnectionProfile &profile)
{
    const QList<SecretKind> kinds{SecretKind::AccessToken, SecretKind::RefreshToken,
                                  SecretKind::ClientSecret};
    SecretBatch::read(
        m_services.secrets, profile.id, kinds, this, [this, profile](Result<SecretBatch::Values> secrets) {
            if (!secrets.ok()) {
                const Error &cause = secrets.error();
                finishPrepare(profile.id,
                              Error(cause.kind(),
                                    tr("Trestle cannot read the sign-in of %1 from the keychain: %2")
                                        .arg(profile.displayName, cause.message()),
                                    cause.detail()));
                return;
            }
            const SecretBatch::Values values = secrets.value();
            const bool serviceAccount = profile.authKind == ConnectionProfile::AuthKind::ServiceAccount;
            const bool hasTokens = !values.value(SecretKind::AccessToken).isEmpty()
                || !values.value(SecretKind::RefreshToken).isEmpty();
            const bool hasSecret = !values.value(SecretKind::ClientSecret).isEmpty();
            if (serviceAccount ? !hasSecret : !hasTokens) {
                const Error error = signInMissing(profile);
                Q_EMIT signInNeeded(profile.id, error.message());
                finishPrepare(profile.id, error);
                return;
            }
            TokenSet initial;
            initial.accessToken = values.value(SecretKind::AccessToken);
            initial.refreshToken = values.value(SecretKind::RefreshToken);
            const std::shared_ptr<SecretStoreTokenPersistence> persistence = m_persistence;
            std::shared_ptr<TokenManager> tokens(
                new TokenManager(profile.id, clientOf(profile, values), initial, persistence.get()),
                [persistence](TokenManager *manager) { destroyTokens(manager); });
            auto prepared = std::make_shared<Prepared>();
            prepared->profile = profile;
            prepared->meter = m_services.meters
                ? m_services.meters->meterFor(profile.authBaseUrl, profile.clientId)
                : nullptr;
            // The context keeps the TokenManager alive for as long as any client uses it.
            prepared->context = std::shared_ptr<ConnectionContext>(
                new ConnectionContext(profile.displayName, profile.apiBaseUrl, profile.companyId,
                                      tokens.get(), prepared->meter),
                [tokens](ConnectionContext *context) { delete context; });
            prepared->context->setServiceAccount(serviceAccount);
            prepared->cache = std::make_shared<ProcorePathCache>();
            if (prepared->context->urlError()) {
                finishPrepare(profile.id, prepared->context->urlError());
                return;
            }
            const std::weak_ptr<Prepared> weak = prepared;
            connect(tokens.get(), &TokenManager::signInRequired, this,
                    [this, weak, id = profile.id](const Error &cause) {
                        const std::shared_ptr<Prepared> dead = weak.lock();
                        if (!dead || m_prepared.value(id) != dead)
                            return;
                        const bool first = !dead->signInError;
                        dead->signInError = signInInvalid(dead->profile, cause);
                        qCInfo(lcApi) << "connection needs a new sign-in:" << id;
                        if (first)
                            Q_EMIT signInNeeded(id, dead->signInError.message());
                    });
            m_prepared.insert(profile.id, prepared);
            finishPrepare(profile.id, Error());
        });
}

void ConnectionStores::finishPrepare(const QString &connection, const Error &error)
{
    const QList<std::function<void(const Error &)>> waiting = m_waiting.take(connection);
    for (const auto &done : waiting)
        done(error);
}

std::shared_ptr<ConnectionStores::Prepared> ConnectionStores::prepared(const QString &connection,
                                                                       Error *error) const
{
    std::shared_ptr<Prepared> found = m_prepared.value(connection);
    Error problem;
    if (!found)
        problem = profile(connection).ok()
            ? Error(Error::Kind::Internal, tr("The connection “%1” was not prepared.").arg(connection))
            : unknownConnection(connection);
    else if (found->signInError)
        problem = found->signInError;
    if (problem) {
        if (error)
            *error = problem;
        return nullptr;
    }
    return found;
}

std::unique_ptr<Store> ConnectionStores::openStore(const QString &connection, Error *error)
{
    if (LocalStoreResolver::isLocal(connection))
        return m_local.openStore(connection, error);
    const std::shared_ptr<Prepared> ready = prepared(connection, error);
    if (!ready)
        return nullptr;
    if (ready->context)
        return procoreStore(ready->context, ready->cache, ready->profile,
                            RateLimitMeter::Priority::Interactive);
    auto store = std::make_unique<LocalStore>(ready->profile.rootPath, ready->limits);
    if (!store->isValid()) {
        if (error)
            *error =
                Error(Error::Kind::NotFound,
                      tr("The file share %1 is not reachable at %2.")
                          .arg(ready->profile.displayName, QDir::toNativeSeparators(ready->profile.rootPath)),
                      store->rootError().message());
        return nullptr;
    }
    return store;
}

StoreFactory ConnectionStores::factory(const QString &connection)
{
    if (LocalStoreResolver::isLocal(connection))
        return m_local.factory(connection);
    const std::shared_ptr<Prepared> ready = prepared(connection, nullptr);
    if (!ready)
        return {};
    const ConnectionProfile profile = ready->profile;
    if (ready->context) {
        const std::shared_ptr<ConnectionContext> context = ready->context;
        const std::shared_ptr<ProcorePathCache> cache = ready->cache;
        return [context, cache, profile]() -> std::unique_ptr<Store> {
            return procoreStore(context, cache, profile, RateLimitMeter::Priority::Background);
        };
    }
    const StoreLimits limits = ready->limits;
    return [profile, limits]() -> std::unique_ptr<Store> {
        auto store = std::make_unique<LocalStore>(profile.rootPath, limits);
        if (!store->isValid())
            return nullptr;
        return store;
    };
}

std::unique_ptr<ProcoreClient> ConnectionStores::openClient(const QString &connection, Error *error)
{
    const std::shared_ptr<Prepared> ready =
        LocalStoreResolver::isLocal(connection) ? nullptr : prepared(connection, error);
    if (!ready || !ready->context) {
        if (error && (ready || LocalStoreResolver::isLocal(connection)))
            *error = Error(Error::Kind::Validation,
                           tr("“%1” is not a Procore connection.").arg(displayName(connection)));
        return nullptr;
    }
    auto client = std::make_unique<ProcoreClient>(ready->context);
    client->setPriority(RateLimitMeter::Priority::Interactive);
    return client;
}

RateLimitMeter *ConnectionStores::meter(const QString &connection)
{
    const std::shared_ptr<Prepared> ready = m_prepared.value(connection);
    return ready ? ready->meter : nullptr;
}

QString ConnectionStores::displayName(const QString &connection)
{
    if (LocalStoreResolver::isLocal(connection))
        return m_local.displayName(connection);
    if (const std::shared_ptr<Prepared> ready = m_prepared.value(connection))
        return ready->profile.displayName;
    const Result<ConnectionProfile> found = profile(connection);
    return found.ok() ? found.value().displayName : connection;
}

QUrl ConnectionStores::webLink(const QString &connection, const QString &path) const
{
    Q_UNUSED(path); // see below
    const std::shared_ptr<Prepared> ready = m_prepared.value(connection);
    const Result<ConnectionProfile> found =
        ready ? Result<ConnectionProfile>(ready->profile) : profile(connection);
    if (!found.ok() || found.value().platform != ConnectionProfile::Platform::Procore
        || found.value().projectId <= 0)
        return {};
    // Procore's web UI is on app.procore.com while the API is on api.procore.com; the project's
    // Documents tool is at /<project id>/project/documents. Unconfirmed (not in the API docs we
    // have; the sandbox has no web UI): the scheme is taken from public deep links of other
    // tools (/<project id>/project/<tool>). A folder would need its id in the query, which only a
    // listing knows, so every path opens the project's Documents root.
    QUrl url = found.value().apiBaseUrl;
    QString host = url.host();
    if (host.startsWith(QLatin1String("api.")))
        host.replace(0, 4, QStringLiteral("app."));
    url.setHost(host);
    url.setPath(QStringLiteral("/%1/project/documents").arg(found.value().projectId));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void ConnectionStores::forget(const QString &connection)
{
    m_prepared.remove(connection);
}

} // namespace trestle
