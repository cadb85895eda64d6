// The contract functions that need the folder behind a local backend (links, FIFOs, temporary
// files made on disk, 10,000 files created directly) have no row for ProcoreStore: their _data
// functions list only backends with a local root. QtTest still calls a function whose data table
// is empty once, so here they check exactly that premise instead of tst_storecontract_local.cpp.
#include "tst_storecontract.h"

namespace {

void verifyNoLocalRoot()
{
    for (const testing::StoreBackendFactory &factory : testing::storeBackendFactories()) {
        QString error;
        const auto backend = factory.create(&error);
        QVERIFY2(backend, qPrintable(error));
        QVERIFY2(backend->localRoot().isEmpty(),
                 "a backend with a local root must run tst_storecontract_local.cpp");
    }
}

} // namespace

void TestStoreContract::symlinkEscapeRefused()
{
    verifyNoLocalRoot();
}

void TestStoreContract::specialFilesNotRead()
{
    verifyNoLocalRoot();
}

void TestStoreContract::tempFilesHidden()
{
    verifyNoLocalRoot();
}

void TestStoreContract::list10000Async()
{
    verifyNoLocalRoot();
}
