#pragma once

#include "core/common/result.h"
#include "core/db/connectionprofile.h"
#include "core/services/connectionservices.h"

#include <QObject>
#include <QTest>

#include <functional>
#include <optional>
#include <tuple>

namespace testing {

class SandboxProcess;

// Runs `trigger`, then waits for `signal` and returns its last argument (Result/Status are not
// default-constructible, so QSignalSpy's QVariants cannot hand them out).
template<typename T, typename Obj, typename Signal>
std::optional<T> capture(Obj *obj, Signal signal, const std::function<void()> &trigger, int timeoutMs = 20000)
{
    std::optional<T> result;
    const QMetaObject::Connection connection =
        QObject::connect(obj, signal, obj, [&result](const auto &...args) {
            if (!result)
                result.emplace(std::get<sizeof...(args) - 1>(std::tie(args...)));
        });
    trigger();
    const bool arrived = QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    Q_UNUSED(arrived); // an empty optional says so
    QObject::disconnect(connection);
    return result;
}

// Saved connections made headlessly, through the same ConnectionSetup the wizard drives (the
// sign-in form is posted by hand, as the browser would), against a running sandbox. Each saves a
// profile in services.profiles and its secrets in the real keychain; the first project of the
// first company is chosen.
trestle::Result<trestle::ConnectionProfile> saveUserConnection(const trestle::ConnectionServices &services,
                                                               const SandboxProcess &sandbox,
                                                               const QString &displayName);
trestle::Result<trestle::ConnectionProfile>
saveServiceAccountConnection(const trestle::ConnectionServices &services, const SandboxProcess &sandbox,
                             const QString &displayName);
trestle::Result<trestle::ConnectionProfile> saveShareConnection(const trestle::ConnectionServices &services,
                                                                const QString &rootPath,
                                                                const QString &displayName);

} // namespace testing
