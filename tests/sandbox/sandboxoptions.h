#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sandbox {

QStringList allFaultKinds(); // "500", "502", "503", "reset", "truncate", "stall": the default list
// allFaultKinds() and "reset_mid_body", which is opt-in so that the default list (and a seed's
// fault sequence) stays as it was before the kind existed.
QStringList knownFaultKinds();
QStringList allSeeds(); // "minimal", "demo", "large", "empty"

// Settings that /_sandbox/config may change while the sandbox runs.
struct LiveSettings
{
    int rateLimit = 3600; // calls per (scaled) hour per client application
    int spikeLimit = 0; // calls per (scaled) 10 s per client application; 0 = off
    double timeScale = 1.0; // an hour lasts 3600 / timeScale real seconds
    int latencyMs = 0;
    double faultRate = 0.0; // 0..1
    QStringList faultKinds = allFaultKinds(); // the kinds faults are drawn from
    int tokenLifetime = 5400; // access-token lifetime in real seconds
    bool relaxedNames = false;
    // Every access token issued so far expires after this many /rest calls (0 = off): a client
    // must renew mid-job again and again (issue 9's "token expiring every 20 calls").
    int expireTokensEvery = 0;
    // Every /rest call answers 401 invalid_token whatever its token, while token grants still
    // succeed: a server that rejects every renewed token (the client must give up, not loop).
    bool rejectTokens = false;
    // The sandbox's clock, as its replies state absolute times (X-Rate-Limit-Reset), runs this many
    // seconds ahead of the real one (negative: behind). Changed mid-run, it is what a client sees
    // when its own clock jumps the other way (issue 9's clock-jump scenario). Budgets, token
    // lifetimes and Retry-After keep to real time.
    qint64 clockOffsetSeconds = 0;

    QJsonObject toJson() const;
    // Applies the keys present in `object` (names as in tests/sandbox/README.md). On a bad value
    // nothing is changed and *error says why.
    bool apply(const QJsonObject &object, QString *error);
};

// The command line of tests/sandbox/README.md.
struct SandboxOptions
{
    quint16 port = 0;
    quint16 storagePort = 0;
    QString seed = QStringLiteral("minimal");
    QString dataDir; // empty: a temporary directory removed at exit
    bool countDownloadHop = false;
    bool durable = false; // --durable: with --data-dir, every change is on disk before its reply
    // --tls-certificate / --tls-key (PEM files): both ports serve HTTPS instead of plain HTTP, as
    // Procore does (Qt's client takes another code path for plain HTTP; see the README).
    QString tlsCertificate;
    QString tlsKey;
    std::optional<quint64> faultSeed; // unset: random, printed at start so a run can be repeated
    LiveSettings live;
};

// Parses the arguments (arguments[0] is the program). Prints help/version and exits for --help;
// returns nullopt with *error set on a bad switch or value.
std::optional<SandboxOptions> parseSandboxOptions(const QStringList &arguments, QString *error);

} // namespace sandbox
