#include "core/services/connectionmanager.h"

#include "core/api/secretstoretokenpersistence.h"
#include "core/api/tokenmanager.h"
#include "core/common/logging.h"
#include "core/db/profilerepository.h"
#include "core/services/connectionmessages.h"
#include "core/services/connectionsession.h"
#include "core/services/connectionsetup.h"
#include "core/services/ratelimitmeters.h"
#include "core/services/revoketokensjob.h"
#include "core/services/secretbatch.h"
#include "core/services/shareprobe.h"

#include <QTimer>

#include <utility>

namespace trestle {

namespace {

// The OAuth application a saved profile signs in with; the secret comes from the keychain for
// the user's own application or a service account, else it is the built-in one.
OAuthClient clientOf(const ConnectionProfile &profile, const SecretBatch::Values &secrets)
{
    OAuthClient client;
    client.authBase = profile.authBaseUrl;
    client.clientId = profile.clientId;
    const bool ownSecret =
        profile.customCredentials || profile.authKind == ConnectionProfile::AuthKind::ServiceAccount;
    client.clientSecret =
        ownSecret ? secrets.value(SecretKind::ClientSecret) : QStringLiteral(TRESTLE_DEFAULT_CLIENT_SECRET);
    client.connectionName = profile.displayName;
    return client;
}

const QList<SecretKind> kAllKinds{SecretKind::AccessToken, SecretKind::RefreshToken,
                                  SecretKind::ClientSecret};

} // namespace

ConnectionManager::ConnectionManager(const ConnectionServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_persistence(std::make_unique<SecretStoreTokenPersistence>(services.secrets))
{ }

ConnectionManager::~ConnectionManager()
{
    // Sessions use m_persistence: destroy them first. Their cancelled calls must not record a
    // "test failed" on the way out.
    m_shuttingDown = true;
    const QHash<QString, ConnectionSession *> sessions = std::exchange(m_tests, {});
    qDeleteAll(sessions);
}

Result<QVector<ConnectionProfile>> ConnectionManager::connections() const
{
    return m_services.profiles->profiles();
}

Result<ConnectionProfile> ConnectionManager::connection(const QString &id) const
{
    return m_services.profiles->profile(id);
}

Result<ConnectionProfile> ConnectionManager::rename(const QString &id, const QString &displayName)
{
    Result<ConnectionProfile> profile = m_services.profiles->profile(id);
    if (!profile.ok())
        return profile;
    ConnectionSettings settings;
    settings.platform = profile.value().platform;
    settings.rootPath = profile.value().rootPath;
    settings.displayName = displayName;
    ConnectionProfile changed = profile.takeValue();
    changed.displayName = settings.effectiveDisplayName();
    return m_services.profiles->update(changed);
}

ConnectionSetup *ConnectionManager::newSetup(QObject *parent) const
{
    return new ConnectionSetup(m_services, parent);
}

Result<ConnectionSetup *> ConnectionManager::reconnectSetup(const QString &id, QObject *parent) const
{
    const Result<ConnectionProfile> profile = m_services.profiles->profile(id);
    if (!profile.ok())
        return profile.error();
    if (profile.value().platform != ConnectionProfile::Platform::Procore)
        return Error(Error::Kind::Config, tr("A file share needs no sign-in."));
    auto *setup = new ConnectionSetup(m_services, parent);
    setup->setExistingProfile(profile.value());
    return setup;
}

bool ConnectionManager::isBusy(const QString &id) const
{
    return m_tests.contains(id) || m_removing.contains(id);
}

void ConnectionManager::test(const QString &id)
{
    const auto failLater = [this, id](const Error &error) {
        QTimer::singleShot(0, this, [this, id, error] { finishTest(id, error); });
    };
    if (isBusy(id))
        return failLater(Error(Error::Kind::Conflict, tr("This connection is busy; try again in a moment.")));
    const Result<ConnectionProfile> found = m_services.profiles->profile(id);
    if (!found.ok())
        return failLater(found.error());
    const ConnectionProfile profile = found.value();
    m_tests.insert(id, nullptr);
    if (profile.platform == ConnectionProfile::Platform::Share) {
        ShareProbe::check(profile.rootPath, this, [this, id](Status status) { finishTest(id, status); });
        return;
    }
    SecretBatch::read(
        m_services.secrets, id, kAllKinds, this, [this, id, profile](Result<SecretBatch::Values> secrets) {
            if (!secrets.ok())
                return finishTest(id, secrets.error());
            const SecretBatch::Values values = secrets.value();
            if (values.value(SecretKind::AccessToken).isEmpty()
                && values.value(SecretKind::RefreshToken).isEmpty()
                && profile.authKind == ConnectionProfile::AuthKind::User)
                return finishTest(id,
                                  Error(Error::Kind::AuthRevoked,
                                        tr("The sign-in of %1 is missing. Use Reconnect to sign in again.")
                                            .arg(profile.displayName)));
            ConnectionSession::Setup setup;
            setup.connectionId = id;
            setup.connectionName = profile.displayName;
            setup.apiBase = profile.apiBaseUrl;
            setup.companyId = profile.companyId;
            setup.client = clientOf(profile, values);
            setup.tokens.accessToken = values.value(SecretKind::AccessToken);
            setup.tokens.refreshToken = values.value(SecretKind::RefreshToken);
            setup.persistence = m_persistence.get();
            setup.meter = m_services.meters
                ? m_services.meters->meterFor(profile.authBaseUrl, profile.clientId)
                : nullptr;
            auto *session = new ConnectionSession(setup);
            m_tests.insert(id, session);
            session->testDocuments(
                profile.companyId, profile.projectId, profile.projectName,
                [this, id, profile](Status status) {
                    if (!status.ok()
                        && (status.error().kind() == Error::Kind::AuthRevoked
                            || status.error().kind() == Error::Kind::AuthExpired))
                        status =
                            Error(status.error().kind(),
                                  tr("The sign-in of %1 is no longer valid (a changed password or a revoked "
                                     "access). Use Reconnect to sign in again.")
                                      .arg(profile.displayName),
                                  status.error().detail());
                    finishTest(id, status);
                });
        });
}

void ConnectionManager::finishTest(const QString &id, const Status &status)
{
    if (m_shuttingDown)
        return;
    if (ConnectionSession *session = m_tests.take(id))
        session->deleteLater();
    const QString text = status.ok() ? ConnectionMessages::testSucceeded() : status.error().message();
    if (!status.ok())
        qCInfo(lcApi) << "connection test failed:" << id << status.error().toString();
    if (m_services.profiles->profile(id).ok())
        m_services.profiles->setTestResult(id, status.ok(), text);
    Q_EMIT testFinished(id, status);
}

void ConnectionManager::remove(const QString &id)
{
    if (isBusy(id)) {
        QTimer::singleShot(0, this, [this, id] {
            Q_EMIT removeFinished(
                id, Error(Error::Kind::Conflict, tr("This connection is busy; try again in a moment.")));
        });
        return;
    }
    const Result<ConnectionProfile> found = m_services.profiles->profile(id);
    if (!found.ok()) {
        const Error error = found.error();
        QTimer::singleShot(0, this, [this, id, error] { Q_EMIT removeFinished(id, error); });
        return;
    }
    m_removing.insert(id);
    const ConnectionProfile profile = found.value();
    if (profile.platform == ConnectionProfile::Platform::Share) {
        QTimer::singleShot(0, this, [this, id] { removeSecretsAndProfile(id, Error()); });
        return;
    }
    SecretBatch::read(
        m_services.secrets, id, kAllKinds, this, [this, id, profile](Result<SecretBatch::Values> secrets) {
            if (!secrets.ok()) {
                // The keychain is unavailable: nothing could be revoked or removed. Keep the profile.
                m_removing.remove(id);
                Q_EMIT removeFinished(id,
                                      Error(Error::Kind::Keychain,
                                            tr("The system keychain is not available, so the connection's "
                                               "secrets cannot be removed: %1")
                                                .arg(secrets.error().message()),
                                            secrets.error().detail()));
                return;
            }
            const SecretBatch::Values values = secrets.value();
            auto *job = new RevokeTokensJob(
                clientOf(profile, values),
                {values.value(SecretKind::RefreshToken), values.value(SecretKind::AccessToken)}, this);
            connect(job, &RevokeTokensJob::finished, this, [this, id](const Status &status) {
                removeSecretsAndProfile(id, status.ok() ? Error() : status.error());
            });
            job->start();
        });
}

void ConnectionManager::removeSecretsAndProfile(const QString &id, const Error &revokeError)
{
    if (revokeError)
        qCWarning(lcAuth) << "could not revoke the tokens of" << id
                          << "- removing them anyway:" << revokeError.toString();
    SecretBatch::removeAll(m_services.secrets, id, this, [this, id](const Status &removed) {
        if (!removed.ok()) {
            m_removing.remove(id);
            Q_EMIT removeFinished(id,
                                  Error(Error::Kind::Keychain,
                                        tr("The connection's secrets could not be removed from the system "
                                           "keychain, so the connection was kept: %1")
                                            .arg(removed.error().message()),
                                        removed.error().detail()));
            return;
        }
        const Status status = m_services.profiles->remove(id);
        m_removing.remove(id);
        Q_EMIT removeFinished(id, status);
    });
}

} // namespace trestle
