#include "procorebackend.h"

namespace testing {

ProcoreBackend::~ProcoreBackend()
{
    m_store.reset();
    m_connection.client.reset();
    m_sandbox.stop();
}

bool ProcoreBackend::open(const QStringList &arguments, QString *error)
{
    if (!m_sandbox.start(arguments)) {
        *error = m_sandbox.errorString();
        return false;
    }
    if (!m_connection.open(m_sandbox)) {
        *error = m_connection.error;
        return false;
    }
    m_store = std::make_unique<trestle::ProcoreStore>(m_connection.client.get(), m_connection.projectId,
                                                      QStringLiteral("Sandbox project"));
    if (!m_sandbox.resetStats()) {
        *error = QStringLiteral("could not reset the sandbox statistics");
        return false;
    }
    return true;
}

std::unique_ptr<trestle::ProcoreStore> ProcoreBackend::freshStore() const
{
    return std::make_unique<trestle::ProcoreStore>(m_connection.client.get(), m_connection.projectId,
                                                   QStringLiteral("Sandbox project"));
}

int ProcoreBackend::apiCalls() const
{
    return m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();
}

int ProcoreBackend::calls(const QString &endpoint) const
{
    return m_sandbox.stats().value(QStringLiteral("by_endpoint")).toObject().value(endpoint).toInt();
}

int ProcoreBackend::callsStartingWith(const QString &prefix) const
{
    const QJsonObject byEndpoint = m_sandbox.stats().value(QStringLiteral("by_endpoint")).toObject();
    int total = 0;
    for (auto it = byEndpoint.begin(); it != byEndpoint.end(); ++it) {
        if (it.key().startsWith(prefix))
            total += it.value().toInt();
    }
    return total;
}

} // namespace testing
