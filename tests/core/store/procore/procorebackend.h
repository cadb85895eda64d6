#pragma once

// A ProcoreStore on a fresh sandbox project over real HTTP: the sandbox process, a signed-in
// connection (apitest::Connection: the demo user through the authorization-code flow) and the
// store. Test-only.
#include "../storefactories.h"
#include "apitestsupport.h"
#include "core/store/procorestore.h"
#include "sandboxprocess.h"

#include <QJsonObject>

#include <memory>

namespace testing {

class ProcoreBackend final : public StoreBackendInstance
{
public:
    ProcoreBackend() = default;
    ~ProcoreBackend() override;

    // Starts the sandbox with `arguments` (e.g. {"--seed", "empty"}), signs in, builds the store
    // on the first project and zeroes the sandbox's statistics.
    bool open(const QStringList &arguments, QString *error);

    trestle::Store *store() override { return m_store.get(); }
    trestle::ProcoreStore *procore() { return m_store.get(); }
    SandboxProcess &sandbox() { return m_sandbox; }
    apitest::Connection &connection() { return m_connection; }
    qint64 projectId() const { return m_connection.projectId; }

    // A second store on the same project and client (an empty cache).
    std::unique_ptr<trestle::ProcoreStore> freshStore() const;

    // Statistics of the sandbox (no API calls spent).
    int apiCalls() const;
    int calls(const QString &endpoint) const; // "GET /rest/v1.0/folders/{id}"
    int callsStartingWith(const QString &prefix) const; // upload uuids are not collapsed to {id}
    QJsonObject state() const { return m_sandbox.state(m_connection.projectId); }

private:
    SandboxProcess m_sandbox;
    apitest::Connection m_connection;
    std::unique_ptr<trestle::ProcoreStore> m_store;
};

} // namespace testing
