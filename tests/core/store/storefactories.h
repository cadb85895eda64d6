#pragma once

#include "core/store/store.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace testing {

// One live store for one test function: the store plus whatever keeps it alive (a temporary
// folder; for ProcoreStore later: the sandbox process and the API client).
class StoreBackendInstance
{
public:
    virtual ~StoreBackendInstance() = default;
    virtual trestle::Store *store() = 0;
    // The folder on disk behind the store, for tests that must create links, FIFOs or many files
    // directly; empty for remote backends.
    virtual QString localRoot() const { return {}; }
};

struct StoreBackendFactory
{
    QString name;
    // A fresh, empty store, or null with the reason in *error.
    std::function<std::unique_ptr<StoreBackendInstance>(QString *error)> create;
};

// Every backend the contract suite runs against. Adding ProcoreStore = one more entry here.
QList<StoreBackendFactory> storeBackendFactories();

} // namespace testing
