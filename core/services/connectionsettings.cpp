#include "core/services/connectionsettings.h"

#include <QDir>
#include <QFileInfo>

namespace trestle {

namespace {

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

// Procore's documented hosts (procore-api.md §1): API host → sign-in host.
struct KnownHost
{
    const char *api;
    const char *auth;
};
constexpr KnownHost kKnownHosts[] = {
    {"api.procore.com", "https://login.procore.com"},
    {"api-monthly.procore.com", "https://login-sandbox-monthly.procore.com"},
    {"sandbox.procore.com", "https://login-sandbox.procore.com"},
};

} // namespace

QUrl DomainPresets::productionApiBase()
{
    return url("https://api.procore.com/");
}

QList<DomainPreset> DomainPresets::presets(const QUrl &demoUrl)
{
    QList<DomainPreset> list;
    if (demoUrl.isValid() && !demoUrl.isEmpty())
        list.append({tr("Trestle demo sandbox (%1)").arg(demoUrl.toString()), demoUrl, demoUrl});
    list.append(
        {tr("Procore production (api.procore.com)"), productionApiBase(), url("https://login.procore.com")});
    list.append({tr("Procore monthly sandbox (api-monthly.procore.com)"),
                 url("https://api-monthly.procore.com/"), url("https://login-sandbox-monthly.procore.com")});
    list.append({tr("Procore developer sandbox (sandbox.procore.com)"), url("https://sandbox.procore.com/"),
                 url("https://login-sandbox.procore.com")});
    return list;
}

QUrl DomainPresets::authBaseFor(const QUrl &apiBase)
{
    for (const KnownHost &host : kKnownHosts) {
        if (apiBase.host().compare(QLatin1String(host.api), Qt::CaseInsensitive) == 0)
            return url(host.auth);
    }
    return apiBase.adjusted(QUrl::StripTrailingSlash);
}

QUrl ConnectionSettings::effectiveApiBase() const
{
    return (customCredentials ? apiBase : defaultApiBase).adjusted(QUrl::StripTrailingSlash);
}

QUrl ConnectionSettings::effectiveAuthBase() const
{
    return DomainPresets::authBaseFor(effectiveApiBase());
}

QString ConnectionSettings::effectiveClientId() const
{
    if (isServiceAccount())
        return serviceClientId.trimmed();
    return customCredentials ? clientId.trimmed() : QStringLiteral(TRESTLE_DEFAULT_CLIENT_ID);
}

QString ConnectionSettings::effectiveClientSecret() const
{
    if (isServiceAccount())
        return serviceClientSecret.trimmed();
    return customCredentials ? clientSecret.trimmed() : QStringLiteral(TRESTLE_DEFAULT_CLIENT_SECRET);
}

QString ConnectionSettings::effectiveDisplayName() const
{
    const QString name = displayName.trimmed();
    if (!name.isEmpty())
        return name;
    if (platform == ConnectionProfile::Platform::Share) {
        const QString folder = QFileInfo(QDir::cleanPath(rootPath)).fileName();
        return folder.isEmpty() ? QDir::toNativeSeparators(rootPath) : folder;
    }
    return QStringLiteral("Procore");
}

} // namespace trestle
