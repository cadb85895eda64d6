#pragma once

// Shared by the core/api integration suites: start the sandbox, sign in through the real
// authorization-code flow with a scripted login, and wire a ProcoreClient to it. Test-only:
// blocking waits are fine here.

#include "core/api/apitypes.h"
#include "core/api/connectioncontext.h"
#include "core/api/oauthclient.h"
#include "core/api/procoreclient.h"
#include "core/api/ratelimitmeter.h"
#include "core/api/tokenmanager.h"
#include "core/common/result.h"

#include "sandboxprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace apitest {

inline const QString kClientId = QStringLiteral("trestle-sandbox-app");
inline const QString kClientSecret = QStringLiteral("trestle-sandbox-secret");
inline const QString kDemoLogin = QStringLiteral("demo@trestle.test");
inline const QString kDemoPassword = QStringLiteral("trestle-demo");

trestle::OAuthClient sandboxClient(const QUrl &base,
                                   const QString &redirectUri = QStringLiteral("http://localhost"));

// Posts the sandbox's login form for `authorizeUrl` and returns the Location of the 302 (the
// redirect with code and state), or an empty URL.
QUrl scriptedLogin(const testing::SandboxProcess &sandbox, const QUrl &authorizeUrl,
                   const QString &login = kDemoLogin, const QString &password = kDemoPassword);

// Runs the event loop until `done` is set or the timeout passes.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 60000);

// Starts an asynchronous call and waits for its callback.
template<typename T>
trestle::Result<T> await(const std::function<void(std::function<void(trestle::Result<T>)>)> &start,
                         int timeoutMs = 60000)
{
    std::optional<trestle::Result<T>> out;
    start([&out](trestle::Result<T> r) { out.emplace(std::move(r)); });
    if (!spinUntil([&out] { return out.has_value(); }, timeoutMs))
        return trestle::Error(trestle::Error::Kind::Timeout, QStringLiteral("test wait timed out"));
    return std::move(*out);
}

// Connects to `signal` of `sender`, runs `start`, and waits for the signal's argument.
// (QSignalSpy cannot hold Result<T>: it has no default constructor.)
template<typename Sender, typename Arg>
std::optional<Arg> awaitSignal(Sender *sender, void (Sender::*signal)(const Arg &),
                               const std::function<void()> &start, int timeoutMs = 30000)
{
    std::optional<Arg> out;
    const auto connection = QObject::connect(sender, signal, [&out](const Arg &arg) { out.emplace(arg); });
    start();
    spinUntil([&out] { return out.has_value(); }, timeoutMs);
    QObject::disconnect(connection);
    return out;
}

// Signs in with the authorization-code flow and the demo user.
trestle::Result<trestle::TokenSet> signIn(const testing::SandboxProcess &sandbox, QNetworkAccessManager *nam);

// A signed-in connection to a running sandbox: meter, token manager, context, one client.
struct Connection
{
    std::unique_ptr<trestle::RateLimitMeter> meter;
    std::unique_ptr<trestle::TokenManager> tokens;
    std::shared_ptr<trestle::ConnectionContext> context;
    std::unique_ptr<trestle::ProcoreClient> client;
    qint64 companyId = 0;
    qint64 projectId = 0;
    QString error;

    // Signs in, picks the first company and its first project.
    bool open(const testing::SandboxProcess &sandbox, trestle::RateLimitMeter::Config meterConfig = {});
};

} // namespace apitest
