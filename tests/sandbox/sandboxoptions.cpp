#include "sandboxoptions.h"

#include "ratelimiter.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace sandbox {

QStringList allFaultKinds()
{
    return {QStringLiteral("500"),   QStringLiteral("502"),      QStringLiteral("503"),
            QStringLiteral("reset"), QStringLiteral("truncate"), QStringLiteral("stall")};
}

QStringList knownFaultKinds()
{
    return allFaultKinds() << QStringLiteral("reset_mid_body");
}

QStringList allSeeds()
{
    return {QStringLiteral("minimal"), QStringLiteral("demo"), QStringLiteral("large"),
            QStringLiteral("empty")};
}

namespace {

constexpr qint64 kMaxClockOffsetSeconds = 10LL * 365 * 24 * 3600; // ten years either way

bool parseFaultKinds(const QStringList &kinds, QStringList *out, QString *error)
{
    QStringList result;
    for (const QString &raw : kinds) {
        const QString kind = raw.trimmed().toLower();
        if (kind.isEmpty())
            continue;
        if (!knownFaultKinds().contains(kind)) {
            *error =
                QStringLiteral("unknown fault kind '%1' (known: %2)").arg(raw, knownFaultKinds().join(u','));
            return false;
        }
        if (!result.contains(kind))
            result.append(kind);
    }
    if (result.isEmpty()) {
        *error = QStringLiteral("the fault kind list is empty");
        return false;
    }
    *out = result;
    return true;
}

bool checkRange(double value, double low, double high, const QString &name, QString *error)
{
    if (value < low || value > high) {
        *error = QStringLiteral("%1 must be between %2 and %3").arg(name).arg(low).arg(high);
        return false;
    }
    return true;
}

} // namespace

QJsonObject LiveSettings::toJson() const
{
    return {{QStringLiteral("rate_limit"), rateLimit},
            {QStringLiteral("spike_limit"), spikeLimit},
            {QStringLiteral("time_scale"), timeScale},
            {QStringLiteral("latency_ms"), latencyMs},
            {QStringLiteral("fault_rate"), faultRate},
            {QStringLiteral("fault_kinds"), QJsonArray::fromStringList(faultKinds)},
            {QStringLiteral("token_lifetime"), tokenLifetime},
            {QStringLiteral("relaxed_names"), relaxedNames},
            {QStringLiteral("expire_tokens_every"), expireTokensEvery},
            {QStringLiteral("reject_tokens"), rejectTokens},
            {QStringLiteral("clock_offset"), double(clockOffsetSeconds)}};
}

bool LiveSettings::apply(const QJsonObject &object, QString *error)
{
    LiveSettings next = *this;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        auto number = [&](double low, double high, double *out) {
            if (!value.isDouble()) {
                *error = QStringLiteral("%1 must be a number").arg(key);
                return false;
            }
            *out = value.toDouble();
            return checkRange(*out, low, high, key, error);
        };
        double n = 0;
        if (key == QLatin1String("rate_limit")) {
            if (!number(1, 1e9, &n))
                return false;
            next.rateLimit = int(n);
        } else if (key == QLatin1String("spike_limit")) {
            if (!number(0, 1e9, &n))
                return false;
            next.spikeLimit = int(n);
        } else if (key == QLatin1String("time_scale")) {
            if (!number(0.001, 1e6, &n))
                return false;
            next.timeScale = n;
        } else if (key == QLatin1String("latency_ms")) {
            if (!number(0, 600000, &n))
                return false;
            next.latencyMs = int(n);
        } else if (key == QLatin1String("fault_rate")) {
            if (!number(0, 1, &n))
                return false;
            next.faultRate = n;
        } else if (key == QLatin1String("token_lifetime")) {
            if (!number(1, 1e9, &n))
                return false;
            next.tokenLifetime = int(n);
        } else if (key == QLatin1String("expire_tokens_every")) {
            if (!number(0, 1e9, &n))
                return false;
            next.expireTokensEvery = int(n);
        } else if (key == QLatin1String("clock_offset")) {
            if (!number(-kMaxClockOffsetSeconds, kMaxClockOffsetSeconds, &n))
                return false;
            next.clockOffsetSeconds = qint64(n);
        } else if (key == QLatin1String("relaxed_names")) {
            if (!value.isBool()) {
                *error = QStringLiteral("relaxed_names must be true or false");
                return false;
            }
            next.relaxedNames = value.toBool();
        } else if (key == QLatin1String("reject_tokens")) {
            if (!value.isBool()) {
                *error = QStringLiteral("reject_tokens must be true or false");
                return false;
            }
            next.rejectTokens = value.toBool();
        } else if (key == QLatin1String("fault_kinds")) {
            QStringList kinds;
            const QJsonArray array = value.toArray();
            for (const QJsonValue &kind : array)
                kinds.append(kind.isDouble() ? QString::number(kind.toInt()) : kind.toString());
            if (value.isString())
                kinds = value.toString().split(u',');
            if (!parseFaultKinds(kinds, &next.faultKinds, error))
                return false;
        } else {
            *error = QStringLiteral("unknown setting '%1'").arg(key);
            return false;
        }
    }
    *this = next;
    // Sandbox::applyLiveSettings hands the limiter its limits only; the offset goes straight to it.
    RateLimiter::setClockOffsetSeconds(clockOffsetSeconds);
    return true;
}

std::optional<SandboxOptions> parseSandboxOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local stand-in for Procore's REST API (see tests/sandbox/README.md)."));
    parser.addHelpOption();
    auto option = [&](const char *name, const char *valueName, const char *description) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description),
                             QString::fromLatin1(valueName));
        parser.addOption(o);
        return o;
    };
    auto flag = [&](const char *name, const char *description) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description));
        parser.addOption(o);
        return o;
    };
    const auto port = option("port", "N", "API and OAuth port on 127.0.0.1 (0 = a free port).");
    const auto storagePort = option("storage-port", "N", "Storage port on 127.0.0.1 (0 = a free port).");
    const auto seed = option("seed", "NAME", "minimal (default), demo, large or empty.");
    const auto dataDir = option("data-dir", "DIR", "Keep state in DIR and reload it on start.");
    const auto rateLimit = option("rate-limit", "N", "Hourly call budget per client application (3600).");
    const auto spikeLimit = option("spike-limit", "N", "Calls per 10 s per client application (0 = off).");
    const auto timeScale = option("time-scale", "K", "An hour lasts 3600/K seconds, the spike window 10/K.");
    const auto latency = option("latency-ms", "N", "Delay before each API and storage response.");
    const auto faultRate = option("fault-rate", "P", "Probability (0..1) that a request fails.");
    const auto faultKinds =
        option("fault-kinds", "LIST",
               "Comma list of 500,502,503,reset,truncate,stall (default: these) and reset_mid_body.");
    const auto faultSeed = option("fault-seed", "N", "Seed of the fault generator (default: random).");
    const auto tokenLifetime = option("token-lifetime", "SECONDS", "Access-token lifetime (5400).");
    const auto clockOffset =
        option("clock-offset", "SECONDS", "Absolute times in replies run this far ahead (negative: behind).");
    const auto relaxed = flag("relaxed-names", "Accept names Procore's documented rules reject.");
    const auto countHop = flag("count-download-hop", "Count the API-host hop of a download as a call.");
    const auto durable =
        flag("durable", "With --data-dir: save every change before answering (crash tests).");
    const auto tlsCertificate =
        option("tls-certificate", "FILE", "Serve HTTPS with this PEM certificate (needs --tls-key).");
    const auto tlsKey = option("tls-key", "FILE", "The PEM private key of --tls-certificate.");

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    SandboxOptions options;
    auto integer = [&](const QCommandLineOption &o, qint64 low, qint64 high, qint64 *out) {
        if (!parser.isSet(o))
            return true;
        bool ok = false;
        const qint64 value = parser.value(o).toLongLong(&ok);
        if (!ok || value < low || value > high) {
            *error = QStringLiteral("--%1 needs an integer between %2 and %3")
                         .arg(o.names().constFirst())
                         .arg(low)
                         .arg(high);
            return false;
        }
        *out = value;
        return true;
    };
    auto real = [&](const QCommandLineOption &o, double low, double high, double *out) {
        if (!parser.isSet(o))
            return true;
        bool ok = false;
        const double value = parser.value(o).toDouble(&ok);
        if (!ok || value < low || value > high) {
            *error = QStringLiteral("--%1 needs a number between %2 and %3")
                         .arg(o.names().constFirst())
                         .arg(low)
                         .arg(high);
            return false;
        }
        *out = value;
        return true;
    };
    qint64 n = 0;
    if (!integer(port, 0, 65535, &n))
        return std::nullopt;
    options.port = quint16(n);
    n = 0;
    if (!integer(storagePort, 0, 65535, &n))
        return std::nullopt;
    options.storagePort = quint16(n);
    n = options.live.rateLimit;
    if (!integer(rateLimit, 1, 1000000000, &n))
        return std::nullopt;
    options.live.rateLimit = int(n);
    n = options.live.spikeLimit;
    if (!integer(spikeLimit, 0, 1000000000, &n))
        return std::nullopt;
    options.live.spikeLimit = int(n);
    n = options.live.latencyMs;
    if (!integer(latency, 0, 600000, &n))
        return std::nullopt;
    options.live.latencyMs = int(n);
    n = options.live.tokenLifetime;
    if (!integer(tokenLifetime, 1, 1000000000, &n))
        return std::nullopt;
    options.live.tokenLifetime = int(n);
    if (!integer(clockOffset, -kMaxClockOffsetSeconds, kMaxClockOffsetSeconds,
                 &options.live.clockOffsetSeconds))
        return std::nullopt;
    if (!real(timeScale, 0.001, 1e6, &options.live.timeScale)
        || !real(faultRate, 0, 1, &options.live.faultRate))
        return std::nullopt;
    if (parser.isSet(faultSeed)) {
        bool ok = false;
        options.faultSeed = parser.value(faultSeed).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--fault-seed needs a non-negative integer");
            return std::nullopt;
        }
    }
    if (parser.isSet(faultKinds)
        && !parseFaultKinds(parser.value(faultKinds).split(u','), &options.live.faultKinds, error))
        return std::nullopt;
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed);
        if (!allSeeds().contains(options.seed)) {
            *error = QStringLiteral("unknown seed '%1' (known: %2)").arg(options.seed, allSeeds().join(u','));
            return std::nullopt;
        }
    }
    options.dataDir = parser.value(dataDir);
    options.live.relaxedNames = parser.isSet(relaxed);
    options.countDownloadHop = parser.isSet(countHop);
    options.durable = parser.isSet(durable);
    options.tlsCertificate = parser.value(tlsCertificate);
    options.tlsKey = parser.value(tlsKey);
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-certificate and --tls-key go together");
        return std::nullopt;
    }
    return options;
}

} // namespace sandbox
