#pragma once

#include "core/common/result.h"
#include "core/db/connectionprofile.h"
#include "core/services/connectionservices.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>

namespace trestle {
class Database;
class ProfileRepository;
class RateLimitMeters;
class SecretStore;
} // namespace trestle

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

// What the services suites give ConnectionSetup, ConnectionManager and ConnectionStores: a database
// of its own per test function (reset() in init(), clear() in cleanup()), its profiles, the real
// keychain and a fresh set of meters, in a temporary folder that lasts as long as the fixture.
class ServicesFixture final
{
    Q_DISABLE_COPY_MOVE(ServicesFixture)

public:
    ServicesFixture();
    ~ServicesFixture();

    bool reset(); // false when the folder or the database cannot be made
    void clear();
    void closeDatabase(); // the profiles and SQLite only (the keychain and meters stay)
    trestle::ConnectionServices services() const;
    QString dir() const { return m_dir.path(); }
    trestle::ProfileRepository *profiles() const { return m_profiles.get(); }
    trestle::SecretStore *secrets() const { return m_secrets.get(); }
    trestle::RateLimitMeters *meters() const { return m_meters.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<trestle::Database> m_db;
    std::unique_ptr<trestle::ProfileRepository> m_profiles;
    std::unique_ptr<trestle::SecretStore> m_secrets;
    std::unique_ptr<trestle::RateLimitMeters> m_meters;
    int m_count = 0;
};

} // namespace testing
