#pragma once

#include "http/httpmessage.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace sandbox {

class Stats;

// The /_sandbox/* control endpoints of tests/sandbox/README.md ("Sandbox control"): never rate
// limited, never faulted, not counted.
class ControlApi final
{
    Q_DISABLE_COPY_MOVE(ControlApi)

public:
    struct Hooks
    {
        std::function<QJsonObject()> info; // GET /_sandbox/info: bases, seed, ids, fault seed
        std::function<QJsonObject()> config;
        std::function<bool(const QJsonObject &, QString *)> applyConfig;
        std::function<void()> expireTokens;
        std::function<void()> revokeRefreshTokens;
        // POST /_sandbox/cut-storage-bodies: the next `count` storage requests of `method` that
        // carry a body are cut mid-body (reset_mid_body) whatever the fault rate.
        std::function<void(const QByteArray &method, int count)> cutStorageBodies;
        // POST /_sandbox/lose-replies: the next `count` /rest calls are handled (what they change
        // is changed) and then the connection is reset without an answer, whatever the fault rate.
        std::function<void(int count)> loseReplies;
        // POST /_sandbox/fail-storage: the next `count` storage requests are answered 503 (with
        // Retry-After: 1) before they are handled, whatever the fault rate.
        std::function<void(int count)> failStorage;
        // folderId 0: the whole tree; nullopt: an unknown project or folder.
        std::function<std::optional<QJsonObject>(qint64 projectId, qint64 folderId)> projectState;
    };

    ControlApi(Stats &stats, Hooks hooks);

    HttpResponse handle(const HttpRequest &request);

private:
    Stats &m_stats;
    Hooks m_hooks;
};

} // namespace sandbox
