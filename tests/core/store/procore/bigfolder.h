#pragma once

// Seeding a big Procore folder in the sandbox, for the suites and the benchmark that need a
// folder of at least ProcoreStore::BuildOffThreadChildren items (tst_procorebiglisting,
// tst_storemodel, bench_browser). Test-only: it spins the event loop until the uploads are done.
#include "core/common/error.h"
#include "core/store/storepath.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace trestle {
class ProcoreStore;
}

namespace testing {

// Sandbox arguments for seeding: an empty project and a budget (hourly and per 10 s) that
// thousands of uploads do not spend.
QStringList seedingSandboxArguments();

// The name of the n-th seeded file (n = 0…count-1).
using SeedName = std::function<QString(int n)>;

// Uploads `count` one-byte files (the n-th holds the byte 'a' + n % 26) into `folder`, which must
// exist, with the deprecated one-call upload (1 API call a file), 8 at once; the store's budget
// saver setting is restored afterwards. Returns the first upload's error (none = all written).
trestle::Error seedFiles(trestle::ProcoreStore *store, const trestle::StorePath &folder, int count,
                         const SeedName &nameOf, int timeoutMs = 30 * 60 * 1000);

} // namespace testing
