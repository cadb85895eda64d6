// The OAuth redirect: every navigation of the embedded browser is untrusted. matchesRedirect()
// must accept only the registered redirect URI's origin and path, and handleRedirect() must refuse
// any state but the one it issued, without a token call. Also UrlPolicy on the same URLs: plain
// http only for loopback hosts, sameOrigin symmetric, forLog never carries the query.

#include "core/api/authorizationcodeflow.h"
#include "core/api/urlpolicy.h"
#include "fuzzinput.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QUrlQuery>

using namespace trestle;

namespace {
QCoreApplication *g_app = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_app = new QCoreApplication(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QNetworkAccessManager nam;
    const QList<QByteArray> f = fuzz::splitFields(data, size, 2);
    const QUrl url = QUrl::fromEncoded(f[0]);
    const QUrl other = QUrl::fromEncoded(f[1]);

    // UrlPolicy
    const Error serverError = UrlPolicy::checkServerUrl(url);
    if (!serverError.isError()) {
        fuzz::check(url.scheme() == QLatin1String("https")
                        || (url.scheme() == QLatin1String("http") && UrlPolicy::isLoopbackHost(url.host())),
                    "only https, or http to loopback, passes checkServerUrl");
    }
    fuzz::check(UrlPolicy::sameOrigin(url, other) == UrlPolicy::sameOrigin(other, url),
                "sameOrigin is symmetric");
    if (!url.query().isEmpty()) {
        const QString forLog = UrlPolicy::forLog(url);
        fuzz::check(!forLog.contains(QLatin1Char('?')), "forLog drops the query");
    }

    // The redirect check of a sign-in that was started (so it has a state).
    OAuthClient client;
    client.authBase = QUrl(QStringLiteral("https://login.procore.test"));
    client.clientId = QStringLiteral("fuzz-client");
    client.redirectUri = QStringLiteral("http://localhost");
    AuthorizationCodeFlow flow(&nam, client);
    const QString state = QUrlQuery(flow.authorizeUrl()).queryItemValue(QStringLiteral("state"));
    if (flow.matchesRedirect(url)) {
        fuzz::check(url.scheme() == QLatin1String("http") && url.host() == QLatin1String("localhost")
                        && url.port(80) == 80,
                    "matchesRedirect only for the registered redirect origin");
        fuzz::check(url.path().isEmpty() || url.path() == QLatin1String("/"),
                    "matchesRedirect only for the registered redirect path");
    }
    bool finished = false;
    Error error;
    QObject::connect(&flow, &AuthorizationCodeFlow::finished, [&](const Result<TokenSet> &r) {
        finished = true;
        fuzz::check(!r.ok(), "a redirect never yields tokens without a token call");
        error = r.error();
    });
    const QString fuzzState = QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (fuzzState != state) { // the fuzzer cannot guess 128 random bits; the mismatch path is the point
        flow.handleRedirect(url);
        g_app->processEvents();
        fuzz::check(finished, "a foreign state finishes the sign-in");
        fuzz::check(error.kind() == Error::Kind::AuthFailed, "a foreign state is AuthFailed");
    }
    return 0;
}
