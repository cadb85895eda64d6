#pragma once

#include "core/api/apitypes.h"
#include "core/api/oauthclient.h"
#include "core/common/result.h"
#include "core/db/connectionprofile.h"
#include "core/services/connectionservices.h"
#include "core/services/connectionsettings.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace trestle {

class AuthorizationCodeFlow;
class ClientCredentialsFlow;
class ConnectionSession;

// Drives one run of the add-connection wizard (or a reconnect): sign-in (OAuth authorization code
// in the wizard's browser, or a service account's client credentials), the company and project
// lists, the connection test, and at the very end the save of the profile (SQLite) and its
// secrets (keychain). Until save() nothing is stored anywhere; cancel() aborts what runs and
// revokes tokens already obtained, so a cancelled wizard leaves nothing behind.
//
// Every operation schedules and answers with exactly one of the signals below, in the GUI thread.
// The widgets fill settings() and call these; they never see a token or a network request.
class ConnectionSetup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSetup)

public:
    explicit ConnectionSetup(const ConnectionServices &services, QObject *parent = nullptr);
    ~ConnectionSetup() override;

    // Reconnect mode: settings come from `profile`, save() replaces that profile's tokens and
    // updates it instead of adding a new one.
    void setExistingProfile(const ConnectionProfile &profile);
    std::optional<ConnectionProfile> existingProfile() const { return m_existing; }

    ConnectionSettings &settings() { return m_settings; }
    const ConnectionSettings &settings() const { return m_settings; }

    // Checks the credentials page without the network: URL policy, client id and secret present.
    Error validateCredentials() const;
    // Checks the service-account fields (client id, secret, company id).
    Error validateServiceAccount() const;

    // User sign-in: the URL the embedded browser opens (a fresh state each time). Empty when the
    // settings are invalid (see validateCredentials()).
    QUrl beginSignIn();
    // For the browser's navigation filter: is this the registered redirect URI?
    bool isRedirect(const QUrl &url) const;
    // The browser caught the redirect: check state, exchange the code, read the account (/me).
    void completeSignIn(const QUrl &redirect);
    // The sign-in page itself answered with an HTTP error (unknown client, unregistered redirect).
    Error authorizePageError(int httpStatus) const;
    // Service account sign-in with the client-credentials grant.
    void signInServiceAccount();
    bool isSignedIn() const;
    QString accountName() const;
    QString redirectUri() const;

    void loadCompanies();
    void loadProjects(qint64 companyId);
    // Lists the chosen project's Documents root (Procore) or reads the folder (share).
    void testConnection();
    bool lastTestOk() const { return m_testOk; }

    // Stores profile and secrets. Only after a successful test for Procore connections.
    void save();
    // Aborts whatever runs; revokes tokens obtained. Nothing is stored afterwards.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    void signInFinished(const trestle::Status &status);
    void companiesFinished(const trestle::Result<QList<trestle::Company>> &result);
    void projectsFinished(const trestle::Result<QList<trestle::Project>> &result);
    void testFinished(const trestle::Status &status);
    void saveFinished(const trestle::Result<trestle::ConnectionProfile> &result);

private:
    void onTokens(const Result<TokenSet> &result);
    void startSession();
    void retireSession();
    void revokeObtainedTokens();
    void writeSecretsThenProfile(const ConnectionProfile &profile);
    void finishSave(const ConnectionProfile &profile);
    void rollbackSave(const QString &id, bool removeProfile);
    ConnectionProfile buildProfile(const QString &id) const;
    void testShare();
    OAuthClient oauthClient() const;

    const ConnectionServices m_services;
    ConnectionSettings m_settings;
    std::optional<ConnectionProfile> m_existing;
    QNetworkAccessManager *m_nam;
    QPointer<AuthorizationCodeFlow> m_codeFlow;
    QPointer<ClientCredentialsFlow> m_clientFlow;
    std::unique_ptr<ConnectionSession> m_session;
    TokenSet m_tokens;
    Me m_account;
    bool m_testOk = false;
    bool m_saving = false;
    bool m_saved = false;
    bool m_cancelled = false;
};

} // namespace trestle
