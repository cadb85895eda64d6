#include "bigfolder.h"

#include "apitestsupport.h"
#include "core/store/procorestore.h"

#include <QBuffer>

namespace testing {

using namespace trestle;

QStringList seedingSandboxArguments()
{
    return {QStringLiteral("--seed"),  QStringLiteral("empty"),         QStringLiteral("--rate-limit"),
            QStringLiteral("1000000"), QStringLiteral("--spike-limit"), QStringLiteral("1000000")};
}

Error seedFiles(ProcoreStore *store, const StorePath &folder, int count, const SeedName &nameOf,
                int timeoutMs)
{
    const bool budgetSaver = store->budgetSaver();
    store->setBudgetSaver(true);
    constexpr int parallel = 8;
    int next = 0;
    int done = 0;
    Error failure;
    std::function<void()> startOne = [&] {
        if (next >= count || failure)
            return;
        const int n = next++;
        const Result<StorePath> file = folder.child(nameOf(n));
        if (!file.ok()) {
            failure = file.error();
            ++done;
            return;
        }
        auto *buffer = new QBuffer;
        buffer->setData(QByteArray(1, char('a' + n % 26)));
        buffer->open(QIODevice::ReadOnly);
        StoreJob *job = store->writeFrom(file.value(), buffer, 1, QDateTime::currentDateTimeUtc());
        QObject::connect(job, &StoreJob::finished, [&, buffer](StoreJob *finished) {
            delete buffer;
            if (finished->error() && !failure)
                failure = finished->error();
            ++done;
            startOne();
        });
        job->start();
    };
    for (int i = 0; i < parallel; ++i)
        startOne();
    const bool ended =
        apitest::spinUntil([&] { return done >= next && (next >= count || failure); }, timeoutMs);
    store->setBudgetSaver(budgetSaver);
    if (failure)
        return failure;
    if (!ended || done != count)
        return Error(
            Error::Kind::Timeout,
            QStringLiteral("%1 of %2 files uploaded in %3 s").arg(done).arg(count).arg(timeoutMs / 1000));
    return {};
}

} // namespace testing
