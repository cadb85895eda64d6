#include "core/api/urlpolicy.h"

#include <QHostAddress>

namespace trestle {

namespace {

int effectivePort(const QUrl &url)
{
    if (url.port() != -1)
        return url.port();
    if (url.scheme() == QLatin1String("https"))
        return 443;
    if (url.scheme() == QLatin1String("http"))
        return 80;
    return -1;
}

} // namespace

bool UrlPolicy::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error UrlPolicy::checkServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error(Error::Kind::Config, tr("The server address is not a valid URL."), forLog(url));
    if (url.scheme() == QLatin1String("https"))
        return Error();
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return Error();
    return Error(
        Error::Kind::Config,
        tr("Trestle only talks to servers over https (plain http is allowed for this computer only)."),
        forLog(url));
}

bool UrlPolicy::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

QString UrlPolicy::forLog(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

} // namespace trestle
