#include "core/services/connectionsetup.h"

#include "core/api/authorizationcodeflow.h"
#include "core/api/clientcredentialsflow.h"
#include "core/api/urlpolicy.h"
#include "core/common/logging.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmessages.h"
#include "core/services/connectionsession.h"
#include "core/services/ratelimitmeters.h"
#include "core/services/revoketokensjob.h"
#include "core/services/secretbatch.h"
#include "core/services/shareprobe.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace trestle {

namespace {

ConnectionMessages::Credentials credentialsOf(const ConnectionSettings &settings)
{
    if (settings.isServiceAccount())
        return ConnectionMessages::Credentials::ServiceAccount;
    return settings.customCredentials ? ConnectionMessages::Credentials::Custom
                                      : ConnectionMessages::Credentials::Default;
}

Error configError(const QString &message)
{
    return Error(Error::Kind::Config, message);
}

} // namespace

ConnectionSetup::ConnectionSetup(const ConnectionServices &services, QObject *parent)
    : QObject(parent), m_services(services), m_nam(new QNetworkAccessManager(this))
{ }

ConnectionSetup::~ConnectionSetup()
{
    // A setup destroyed without save() is a cancelled one.
    if (!m_saved && !m_cancelled)
        cancel();
}

void ConnectionSetup::setExistingProfile(const ConnectionProfile &profile)
{
    m_existing = profile;
    m_settings.platform = profile.platform;
    m_settings.displayName = profile.displayName;
    m_settings.customCredentials = profile.customCredentials;
    m_settings.authKind = profile.authKind;
    m_settings.apiBase = profile.apiBaseUrl;
    if (!profile.customCredentials)
        m_settings.defaultApiBase = profile.apiBaseUrl;
    if (profile.authKind == ConnectionProfile::AuthKind::ServiceAccount) {
        m_settings.serviceClientId = profile.clientId;
        m_settings.serviceCompanyId = profile.companyId;
    } else if (profile.customCredentials) {
        m_settings.clientId = profile.clientId;
    }
    m_settings.companyId = profile.companyId;
    m_settings.companyName = profile.companyName;
    m_settings.projectId = profile.projectId;
    m_settings.projectName = profile.projectName;
    m_settings.rootPath = profile.rootPath;
}

Error ConnectionSetup::validateCredentials() const
{
    if (!m_settings.customCredentials)
        return {};
    const QUrl api = m_settings.effectiveApiBase();
    if (!api.isValid() || api.host().isEmpty())
        return configError(tr("Enter the Domain as a full URL, for example https://api.procore.com/."));
    if (const Error error = UrlPolicy::checkServerUrl(api))
        return error;
    if (m_settings.clientId.trimmed().isEmpty())
        return configError(tr("Enter the Client ID of your Procore app."));
    if (m_settings.clientSecret.trimmed().isEmpty())
        return configError(tr("Enter the Client Secret of your Procore app."));
    return {};
}

Error ConnectionSetup::validateServiceAccount() const
{
    if (const Error error = UrlPolicy::checkServerUrl(m_settings.effectiveApiBase()))
        return error;
    if (m_settings.serviceClientId.trimmed().isEmpty())
        return configError(tr("Enter the service account's client ID."));
    if (m_settings.serviceClientSecret.trimmed().isEmpty())
        return configError(tr("Enter the service account's client secret."));
    if (m_settings.serviceCompanyId <= 0)
        return configError(tr("Enter the Company ID the service account belongs to (a number)."));
    return {};
}

OAuthClient ConnectionSetup::oauthClient() const
{
    OAuthClient client;
    client.authBase = m_settings.effectiveAuthBase();
    client.clientId = m_settings.effectiveClientId();
    client.clientSecret = m_settings.effectiveClientSecret();
    client.connectionName = m_settings.effectiveDisplayName();
    return client;
}

QString ConnectionSetup::redirectUri() const
{
    return OAuthClient{}.redirectUri;
}

QUrl ConnectionSetup::beginSignIn()
{
    m_settings.authKind = ConnectionProfile::AuthKind::User;
    if (validateCredentials())
        return {};
    if (m_codeFlow)
        m_codeFlow->deleteLater(); // may be the sender of the signal being handled
    retireSession();
    m_tokens = {};
    m_testOk = false;
    m_codeFlow = new AuthorizationCodeFlow(m_nam, oauthClient(), this);
    connect(m_codeFlow, &AuthorizationCodeFlow::finished, this, &ConnectionSetup::onTokens);
    return m_codeFlow->authorizeUrl();
}

bool ConnectionSetup::isRedirect(const QUrl &url) const
{
    return m_codeFlow && m_codeFlow->matchesRedirect(url);
}

void ConnectionSetup::completeSignIn(const QUrl &redirect)
{
    if (!m_codeFlow) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT signInFinished(Error(Error::Kind::Internal, tr("The sign-in was not started.")));
        });
        return;
    }
    m_codeFlow->handleRedirect(redirect);
}

Error ConnectionSetup::authorizePageError(int httpStatus) const
{
    return ConnectionMessages::authorizePageRefused(httpStatus, redirectUri(), m_settings.customCredentials);
}

void ConnectionSetup::signInServiceAccount()
{
    m_settings.authKind = ConnectionProfile::AuthKind::ServiceAccount;
    retireSession();
    m_tokens = {};
    m_testOk = false;
    if (const Error error = validateServiceAccount()) {
        QTimer::singleShot(0, this, [this, error] { Q_EMIT signInFinished(error); });
        return;
    }
    if (m_clientFlow)
        m_clientFlow->deleteLater();
    m_clientFlow = new ClientCredentialsFlow(m_nam, oauthClient(), this);
    connect(m_clientFlow, &ClientCredentialsFlow::finished, this, &ConnectionSetup::onTokens);
    m_clientFlow->start();
}

void ConnectionSetup::onTokens(const Result<TokenSet> &result)
{
    if (sender())
        sender()->deleteLater();
    if (m_cancelled)
        return;
    if (!result.ok()) {
        const Error error = result.error().kind() == Error::Kind::Cancelled
            ? result.error()
            : ConnectionMessages::tokenGrant(result.error(), credentialsOf(m_settings),
                                             m_settings.effectiveAuthBase());
        qCInfo(lcAuth) << "sign-in failed:" << error.toString();
        Q_EMIT signInFinished(error);
        return;
    }
    m_tokens = result.value();
    retireSession();
    startSession();
    if (m_settings.isServiceAccount()) {
        // Procore's /me and /companies need the company header for a service account's token,
        // which ProcoreClient does not send for them; the admin typed the company id instead.
        m_account = Me{};
        m_account.name = tr("Service account %1").arg(m_settings.serviceClientId.trimmed());
        m_account.login = m_settings.serviceClientId.trimmed();
        Q_EMIT signInFinished(Done{});
        return;
    }
    m_session->me([this](Result<Me> me) {
        if (m_cancelled)
            return;
        if (!me.ok()) {
            Q_EMIT signInFinished(ConnectionMessages::listing(me.error(), m_settings.effectiveApiBase()));
            return;
        }
        m_account = me.value();
        Q_EMIT signInFinished(Done{});
    });
}

void ConnectionSetup::retireSession()
{
    // Later, not now: this may run inside one of the session's own callbacks.
    if (m_session) {
        m_session->cancelAll();
        m_session.release()->deleteLater();
    }
}

void ConnectionSetup::startSession()
{
    ConnectionSession::Setup setup;
    setup.connectionName = m_settings.effectiveDisplayName();
    setup.apiBase = m_settings.effectiveApiBase();
    setup.companyId = m_settings.isServiceAccount() ? m_settings.serviceCompanyId : m_settings.companyId;
    setup.client = oauthClient();
    setup.tokens = m_tokens;
    setup.meter = m_services.meters
        ? m_services.meters->meterFor(setup.client.authBase, setup.client.clientId)
        : nullptr;
    m_session = std::make_unique<ConnectionSession>(setup);
}

bool ConnectionSetup::isSignedIn() const
{
    return m_session && m_tokens.isValid();
}

QString ConnectionSetup::accountName() const
{
    if (m_account.name.isEmpty())
        return m_account.login;
    if (m_account.login.isEmpty() || m_account.login == m_account.name)
        return m_account.name;
    return QStringLiteral("%1 (%2)").arg(m_account.name, m_account.login);
}

void ConnectionSetup::loadCompanies()
{
    if (!isSignedIn()) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT companiesFinished(Error(Error::Kind::AuthExpired, tr("Sign in first.")));
        });
        return;
    }
    if (m_settings.isServiceAccount()) {
        Company company;
        company.id = m_settings.serviceCompanyId;
        company.name = tr("Company %1").arg(company.id);
        QTimer::singleShot(0, this, [this, company] { Q_EMIT companiesFinished(QList<Company>{company}); });
        return;
    }
    m_session->companies([this](Result<QList<Company>> result) {
        if (m_cancelled)
            return;
        if (!result.ok())
            return Q_EMIT companiesFinished(
                ConnectionMessages::listing(result.error(), m_settings.effectiveApiBase()));
        Q_EMIT companiesFinished(result);
    });
}

void ConnectionSetup::loadProjects(qint64 companyId)
{
    if (!isSignedIn()) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT projectsFinished(Error(Error::Kind::AuthExpired, tr("Sign in first.")));
        });
        return;
    }
    m_session->projects(companyId, [this](Result<QList<Project>> result) {
        if (m_cancelled)
            return;
        if (!result.ok())
            return Q_EMIT projectsFinished(
                ConnectionMessages::listing(result.error(), m_settings.effectiveApiBase()));
        Q_EMIT projectsFinished(result);
    });
}

void ConnectionSetup::testConnection()
{
    m_testOk = false;
    if (m_settings.platform == ConnectionProfile::Platform::Share)
        return testShare();
    if (!isSignedIn() || m_settings.projectId <= 0) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT testFinished(Error(Error::Kind::Config, tr("Sign in and choose a project first.")));
        });
        return;
    }
    m_session->testDocuments(m_settings.companyId, m_settings.projectId, m_settings.projectName,
                             [this](Status status) {
                                 if (m_cancelled)
                                     return;
                                 m_testOk = status.ok();
                                 Q_EMIT testFinished(status);
                             });
}

void ConnectionSetup::testShare()
{
    ShareProbe::check(m_settings.rootPath, this, [this](Status status) {
        if (m_cancelled)
            return;
        m_testOk = status.ok();
        Q_EMIT testFinished(status);
    });
}

ConnectionProfile ConnectionSetup::buildProfile(const QString &id) const
{
    ConnectionProfile profile = m_existing.value_or(ConnectionProfile{});
    profile.id = id;
    profile.displayName = m_settings.effectiveDisplayName();
    profile.platform = m_settings.platform;
    if (m_settings.platform == ConnectionProfile::Platform::Share) {
        profile.rootPath = QDir::cleanPath(m_settings.rootPath);
    } else {
        profile.apiBaseUrl = m_settings.effectiveApiBase();
        profile.authBaseUrl = m_settings.effectiveAuthBase();
        profile.clientId = m_settings.effectiveClientId();
        profile.customCredentials = m_settings.customCredentials;
        profile.authKind = m_settings.authKind;
        profile.accountLogin = m_account.login;
        profile.accountName = m_account.name;
        profile.companyId = m_settings.companyId;
        profile.companyName = m_settings.companyName;
        profile.projectId = m_settings.projectId;
        profile.projectName = m_settings.projectName;
    }
    profile.lastTestAt = QDateTime::currentDateTimeUtc();
    profile.lastTestOk = true;
    profile.lastTestStatus = ConnectionMessages::testSucceeded();
    return profile;
}

void ConnectionSetup::save()
{
    const auto fail = [this](const Error &error) {
        QTimer::singleShot(0, this, [this, error] { Q_EMIT saveFinished(error); });
    };
    if (m_saving || m_saved || m_cancelled)
        return fail(Error(Error::Kind::Internal, tr("This connection is already being saved.")));
    if (!m_testOk)
        return fail(Error(Error::Kind::Config, tr("Test the connection before saving it.")));
    if (!m_services.profiles || !m_services.secrets)
        return fail(
            Error(Error::Kind::Internal, QStringLiteral("ConnectionSetup without profiles or secrets")));
    m_saving = true;
    const QString id = m_existing ? m_existing->id : QUuid::createUuid().toString(QUuid::WithoutBraces);
    const ConnectionProfile profile = buildProfile(id);
    if (m_settings.platform == ConnectionProfile::Platform::Share)
        return finishSave(profile);
    writeSecretsThenProfile(profile);
}

void ConnectionSetup::writeSecretsThenProfile(const ConnectionProfile &profile)
{
    // Secrets first: a profile without its tokens would be a connection that cannot work.
    const bool ownSecret = m_settings.customCredentials || m_settings.isServiceAccount();
    const QList<QPair<SecretKind, QString>> values{
        {SecretKind::AccessToken, m_tokens.accessToken},
        {SecretKind::RefreshToken, m_tokens.refreshToken}, // empty removes an old one
        {SecretKind::ClientSecret, ownSecret ? m_settings.effectiveClientSecret() : QString()},
    };
    SecretBatch::write(m_services.secrets, profile.id, values, this, [this, profile](const Status &status) {
        if (!status.ok()) {
            Error error(Error::Kind::Keychain,
                        tr("The system keychain refused to store the connection's secrets: %1")
                            .arg(status.error().message()),
                        status.error().detail());
            if (!m_existing)
                rollbackSave(profile.id, false);
            m_saving = false;
            Q_EMIT saveFinished(error);
            return;
        }
        finishSave(profile);
    });
}

void ConnectionSetup::finishSave(const ConnectionProfile &profile)
{
    Result<ConnectionProfile> stored =
        m_existing ? m_services.profiles->update(profile) : m_services.profiles->add(profile);
    if (stored.ok()) {
        // add()/update() keep what the profile says about the last test; make sure it is recorded.
        m_services.profiles->setTestResult(profile.id, true, ConnectionMessages::testSucceeded());
    }
    m_saving = false;
    if (!stored.ok()) {
        if (!m_existing && profile.platform == ConnectionProfile::Platform::Procore)
            rollbackSave(profile.id, false);
        Q_EMIT saveFinished(stored.error());
        return;
    }
    if (m_cancelled) {
        // Cancel arrived while saving: undo, so a cancelled wizard leaves nothing behind.
        if (!m_existing)
            rollbackSave(profile.id, true);
        revokeObtainedTokens();
        Q_EMIT saveFinished(Error(Error::Kind::Cancelled, tr("The connection was not saved.")));
        return;
    }
    m_saved = true;
    Q_EMIT saveFinished(stored);
}

void ConnectionSetup::rollbackSave(const QString &id, bool removeProfile)
{
    if (removeProfile)
        m_services.profiles->remove(id);
    SecretBatch::removeAll(m_services.secrets, id, m_services.secrets, [id](const Status &status) {
        if (!status.ok())
            qCWarning(lcSecrets) << "could not remove the secrets of an unsaved connection" << id
                                 << status.error().toString();
    });
}

void ConnectionSetup::revokeObtainedTokens()
{
    if (!m_tokens.isValid())
        return;
    // Tokens of a connection that was never saved are useless to anyone: revoke them at Procore.
    auto *job = new RevokeTokensJob(oauthClient(), {m_tokens.refreshToken, m_tokens.accessToken});
    job->start();
    m_tokens = {};
}

void ConnectionSetup::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_codeFlow)
        m_codeFlow->deleteLater();
    if (m_clientFlow)
        m_clientFlow->deleteLater();
    if (m_session)
        m_session->cancelAll();
    if (m_saving)
        return; // finishSave() undoes the save
    // Tokens of a run that was not saved (for a reconnect: the new ones; the old stay valid).
    if (!m_saved)
        revokeObtainedTokens();
    retireSession();
}

} // namespace trestle
