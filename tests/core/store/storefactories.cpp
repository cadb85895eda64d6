#include "storefactories.h"

#include "core/store/localstore.h"

#include <QTemporaryDir>

namespace testing {

namespace {

class LocalBackend final : public StoreBackendInstance
{
public:
    LocalBackend() : m_store(m_dir.path()) { }
    explicit LocalBackend(const trestle::StoreLimits &limits) : m_store(m_dir.path(), limits) { }
    bool isValid() const { return m_dir.isValid() && m_store.isValid(); }
    trestle::Store *store() override { return &m_store; }
    QString localRoot() const override { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    trestle::LocalStore m_store;
};

} // namespace

QList<StoreBackendFactory> storeBackendFactories()
{
    return {
        {QStringLiteral("local"),
         [](QString *error) -> std::unique_ptr<StoreBackendInstance> {
             auto backend = std::make_unique<LocalBackend>();
             if (!backend->isValid()) {
                 *error = QStringLiteral("could not create a temporary folder");
                 return nullptr;
             }
             return backend;
         }},
        // A share that Windows users also open, mounted here: Windows' name rules on Linux.
        {QStringLiteral("local-windows-rules"),
         [](QString *error) -> std::unique_ptr<StoreBackendInstance> {
             auto backend = std::make_unique<LocalBackend>(trestle::StoreLimits::windows(0, true));
             if (!backend->isValid()) {
                 *error = QStringLiteral("could not create a temporary folder");
                 return nullptr;
             }
             return backend;
         }},
    };
}

} // namespace testing
