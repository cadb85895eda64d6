#pragma once

#include "core/db/connectionprofile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace trestle {

// One choice of the wizard's "Domain" box: where the API lives and where its users sign in.
struct DomainPreset
{
    QString label; // translated, for the combo box
    QUrl apiBase;
    QUrl authBase;
};

// Procore's hosts (procore-api.md §1) plus, in the demo, the sandbox the app was started with.
class DomainPresets final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::DomainPresets)

public:
    // Production, the monthly sandbox and a developer sandbox, in that order. With a valid
    // `demoUrl` a "Trestle demo sandbox (<url>)" preset comes first.
    static QList<DomainPreset> presets(const QUrl &demoUrl = {});
    // The sign-in host of a known API host (api.procore.com → login.procore.com); the API base
    // itself for anything else (the sandbox serves both).
    static QUrl authBaseFor(const QUrl &apiBase);
    static QUrl productionApiBase();
};

// What the wizard's pages fill in, page by page (DESIGN.md: pages fill a plain settings struct and
// never touch the network or SQL). ConnectionSetup reads it.
struct ConnectionSettings
{
    ConnectionProfile::Platform platform = ConnectionProfile::Platform::Procore;
    // Empty means "Procore" (or the folder's name for a share).
    QString displayName;

    // Platform API credentials.
    bool customCredentials = false;
    QUrl apiBase; // with custom credentials; otherwise defaultApiBase
    QString clientId; // with custom credentials
    QString clientSecret; // with custom credentials; never stored outside the keychain
    // The domain used with the system default credentials: production, or the demo sandbox.
    QUrl defaultApiBase = DomainPresets::productionApiBase();

    // Sign-in.
    ConnectionProfile::AuthKind authKind = ConnectionProfile::AuthKind::User;
    QString serviceClientId; // service account (client-credentials grant)
    QString serviceClientSecret;
    qint64 serviceCompanyId = 0;

    // Company and project.
    qint64 companyId = 0;
    QString companyName;
    qint64 projectId = 0;
    QString projectName;

    // File share.
    QString rootPath;

    // The effective values, after the "default vs custom" and "user vs service account" choices.
    QUrl effectiveApiBase() const;
    QUrl effectiveAuthBase() const;
    QString effectiveClientId() const;
    QString effectiveClientSecret() const;
    bool isServiceAccount() const { return authKind == ConnectionProfile::AuthKind::ServiceAccount; }
    // displayName, or the default name when it is empty.
    QString effectiveDisplayName() const;
};

} // namespace trestle
