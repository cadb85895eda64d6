#include "control.h"

#include "apicontext.h"
#include "stats.h"

#include <QJsonDocument>
#include <QThread>

#include <cstdio>
#include <optional>

namespace sandbox {

namespace {
constexpr int kMaxBlockMs = 120000;
constexpr int kMaxForcedCuts = 1000;

HttpResponse ok()
{
    return HttpResponse::json(200, "{\"ok\":true}");
}

HttpResponse jsonObject(const QJsonObject &object)
{
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// The query value `name` as a number in 0..max; nullopt when missing, not a number or out of range.
std::optional<int> boundedQueryValue(const HttpRequest &request, const QString &name, int max)
{
    bool valid = false;
    const int value = request.query.queryItemValue(name).toInt(&valid);
    if (!valid || value < 0 || value > max)
        return std::nullopt;
    return value;
}
} // namespace

ControlApi::ControlApi(Stats &stats, Hooks hooks) : m_stats(stats), m_hooks(std::move(hooks)) { }

HttpResponse ControlApi::handle(const HttpRequest &request)
{
    const QString path = request.path;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (path == QLatin1String("/_sandbox/stats") && get)
        return jsonObject(m_stats.toJson());
    if (path == QLatin1String("/_sandbox/stats/reset") && post) {
        m_stats.reset();
        return ok();
    }
    if (path == QLatin1String("/_sandbox/info") && get)
        return jsonObject(m_hooks.info());
    if (path == QLatin1String("/_sandbox/config") && get)
        return jsonObject(m_hooks.config());
    if (path == QLatin1String("/_sandbox/config") && post) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return errorMessage(400, QStringLiteral("the body must be a JSON object"));
        QString error;
        if (!m_hooks.applyConfig(document.object(), &error))
            return errorMessage(400, error);
        return jsonObject(m_hooks.config());
    }
    if (path == QLatin1String("/_sandbox/expire-tokens") && post) {
        m_hooks.expireTokens();
        return ok();
    }
    if (path == QLatin1String("/_sandbox/revoke-refresh-tokens") && post) {
        m_hooks.revokeRefreshTokens();
        return ok();
    }
    if (path == QLatin1String("/_sandbox/cut-storage-bodies") && post) {
        // Deterministic cuts where the random ones may miss (a few segment PUTs among many calls).
        const QString method = request.query.queryItemValue(QStringLiteral("method")).toUpper();
        const auto count = boundedQueryValue(request, QStringLiteral("count"), kMaxForcedCuts);
        if ((method != QLatin1String("PUT") && method != QLatin1String("POST")) || !count)
            return errorMessage(
                400, QStringLiteral("method must be PUT or POST, count 0..%1").arg(kMaxForcedCuts));
        m_hooks.cutStorageBodies(method.toLatin1(), *count);
        return ok();
    }
    if (path == QLatin1String("/_sandbox/lose-replies") && post) {
        // Deterministic ambiguous failures: the call takes effect, its answer never arrives.
        const auto count = boundedQueryValue(request, QStringLiteral("count"), kMaxForcedCuts);
        if (!count)
            return errorMessage(400, QStringLiteral("count must be 0..%1").arg(kMaxForcedCuts));
        m_hooks.loseReplies(*count);
        return ok();
    }
    if (path == QLatin1String("/_sandbox/fail-storage") && post) {
        // Deterministic storage outages: the next `count` storage requests get a 503.
        const auto count = boundedQueryValue(request, QStringLiteral("count"), kMaxForcedCuts);
        if (!count)
            return errorMessage(400, QStringLiteral("count must be 0..%1").arg(kMaxForcedCuts));
        m_hooks.failStorage(*count);
        return ok();
    }
    if (path == QLatin1String("/_sandbox/block") && post) {
        // Holds the sandbox's only thread, as hashing or assembling a multi-GB upload does, so
        // tests can check that SIGTERM still ends the process (tst_sandbox_shutdown). The line on
        // stderr tells them the thread is held now.
        const auto ms = boundedQueryValue(request, QStringLiteral("ms"), kMaxBlockMs);
        if (!ms)
            return errorMessage(400, QStringLiteral("ms must be 0..%1").arg(kMaxBlockMs));
        std::fprintf(stderr, "trestle-sandbox: blocking for %d ms\n", *ms);
        std::fflush(stderr);
        QThread::msleep(ulong(*ms));
        return ok();
    }
    if (path == QLatin1String("/_sandbox/state") && get) {
        bool valid = false;
        const qint64 projectId =
            request.query.queryItemValue(QStringLiteral("project_id")).toLongLong(&valid);
        if (!valid)
            return errorMessage(400, QStringLiteral("project_id is required"));
        const QString folder = request.query.queryItemValue(QStringLiteral("folder_id"));
        const qint64 folderId = folder.toLongLong(&valid);
        if (!folder.isEmpty() && (!valid || folderId <= 0))
            return errorMessage(400, QStringLiteral("folder_id must be a folder's id"));
        const auto state = m_hooks.projectState(projectId, folder.isEmpty() ? 0 : folderId);
        if (!state)
            return errorMessage(404,
                                folder.isEmpty() ? QStringLiteral("unknown project")
                                                 : QStringLiteral("unknown project or folder"));
        return jsonObject(*state);
    }
    return errorMessage(404, QStringLiteral("unknown control endpoint"));
}

} // namespace sandbox
