// The contract suite's backend list for tst_storecontract_procore: ProcoreStore on a fresh
// `--seed empty` sandbox project for every test function (instead of storefactories.cpp).
#include "procorebackend.h"

namespace testing {

QList<StoreBackendFactory> storeBackendFactories()
{
    return {
        {QStringLiteral("procore"),
         [](QString *error) -> std::unique_ptr<StoreBackendInstance> {
             auto backend = std::make_unique<ProcoreBackend>();
             if (!backend->open({QStringLiteral("--seed"), QStringLiteral("empty")}, error))
                 return nullptr;
             return backend;
         }},
    };
}

} // namespace testing
