#include "apitestsupport.h"

#include "core/api/authorizationcodeflow.h"

#include <QTest>
#include <QUrlQuery>

namespace apitest {

using namespace trestle;

OAuthClient sandboxClient(const QUrl &base, const QString &redirectUri)
{
    OAuthClient client;
    client.authBase = base;
    client.clientId = kClientId;
    client.clientSecret = kClientSecret;
    client.redirectUri = redirectUri;
    client.connectionName = QStringLiteral("Sandbox");
    return client;
}

QUrl scriptedLogin(const testing::SandboxProcess &sandbox, const QUrl &authorizeUrl, const QString &login,
                   const QString &password)
{
    const auto page = sandbox.request("GET", authorizeUrl);
    if (page.status != 200)
        return QUrl();
    QUrlQuery form(authorizeUrl); // client_id, redirect_uri, response_type, state
    form.addQueryItem(QStringLiteral("login"), login);
    form.addQueryItem(QStringLiteral("password"), password);
    QUrl post = authorizeUrl;
    post.setQuery(QString());
    const auto reply = sandbox.request("POST", post, form.toString(QUrl::FullyEncoded).toUtf8(),
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    if (reply.status != 302)
        return QUrl();
    return QUrl::fromEncoded(reply.header("Location"));
}

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

Result<TokenSet> signIn(const testing::SandboxProcess &sandbox, QNetworkAccessManager *nam)
{
    AuthorizationCodeFlow flow(nam, sandboxClient(sandbox.baseUrl()));
    const QUrl redirect = scriptedLogin(sandbox, flow.authorizeUrl());
    if (!flow.matchesRedirect(redirect))
        return Error(Error::Kind::AuthFailed, QStringLiteral("scripted login got no redirect"));
    std::optional<Result<TokenSet>> out;
    QObject::connect(&flow, &AuthorizationCodeFlow::finished,
                     [&out](const Result<TokenSet> &r) { out.emplace(r); });
    flow.handleRedirect(redirect);
    if (!spinUntil([&out] { return out.has_value(); }))
        return Error(Error::Kind::Timeout, QStringLiteral("sign-in timed out"));
    return *out;
}

bool Connection::open(const testing::SandboxProcess &sandbox, RateLimitMeter::Config meterConfig)
{
    QNetworkAccessManager nam;
    const Result<TokenSet> tokenSet = signIn(sandbox, &nam);
    if (!tokenSet.ok()) {
        error = tokenSet.error().toString();
        return false;
    }
    meter = std::make_unique<RateLimitMeter>(meterConfig);
    tokens = std::make_unique<TokenManager>(QStringLiteral("sandbox"), sandboxClient(sandbox.baseUrl()),
                                            tokenSet.value(), nullptr);
    context = std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), sandbox.baseUrl(), 0,
                                                  tokens.get(), meter.get());
    client = std::make_unique<ProcoreClient>(context);
    const auto companies = await<QList<Company>>([this](auto done) { client->companies(done); });
    if (!companies.ok() || companies.value().isEmpty()) {
        error = companies.ok() ? QStringLiteral("no company") : companies.error().toString();
        return false;
    }
    companyId = companies.value().first().id;
    context->setCompanyId(companyId);
    const auto projects = await<QList<Project>>([this](auto done) { client->projects(companyId, done); });
    if (!projects.ok() || projects.value().isEmpty()) {
        error = projects.ok() ? QStringLiteral("no project") : projects.error().toString();
        return false;
    }
    projectId = projects.value().first().id;
    return true;
}

} // namespace apitest
