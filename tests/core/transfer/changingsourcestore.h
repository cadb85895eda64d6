#pragma once

// A local source whose files change while the engine reads them, deterministically: the device
// openReadDevice() hands out rewrites its own file in place (same inode, as an editor saving over
// it would) as soon as the reader has taken half of it, so the rest of the read sees new bytes.
// Test-only: delegates everything else to a LocalStore.

#include "core/store/localstore.h"
#include "core/transfer/transferworker.h"

#include <QAtomicInt>

#include <functional>
#include <memory>

namespace testing {

// Shared by every store of a factory (the engine makes one per worker thread).
struct SourceRewrites final
{
    // Opens that still rewrite their file mid-read (each open rewrites at most once).
    QAtomicInt left;
    // Rewrites done so far.
    QAtomicInt done;
    // The new content of the n-th rewrite (n from 1).
    std::function<QByteArray(int)> content;
};

class ChangingSourceStore final : public trestle::Store
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangingSourceStore)

public:
    ChangingSourceStore(const QString &root, std::shared_ptr<SourceRewrites> rewrites);
    ~ChangingSourceStore() override;

    static trestle::StoreFactory factory(const QString &root, std::shared_ptr<SourceRewrites> rewrites);

    QString displayName() const override;
    trestle::StoreLimits limits() const override;
    Capabilities capabilities() const override;
    trestle::ListJob *list(const trestle::StorePath &folder) override;
    trestle::StatJob *stat(const trestle::StorePath &path) override;
    trestle::StoreJob *makeFolder(const trestle::StorePath &path) override;
    trestle::StoreJob *move(const trestle::StorePath &from, const trestle::StorePath &to) override;
    trestle::StoreJob *remove(const trestle::StorePath &path,
                              RemoveMode mode = RemoveMode::OnlyIfEmpty) override;
    trestle::StoreJob *readInto(const trestle::StorePath &path, QIODevice *sink) override;
    trestle::StoreJob *writeFrom(const trestle::StorePath &path, QIODevice *source, qint64 size,
                                 const QDateTime &mtime, WriteMode mode = WriteMode::Replace) override;
    trestle::Result<std::unique_ptr<QIODevice>> openReadDevice(const trestle::StorePath &path) override;

private:
    trestle::LocalStore m_inner;
    std::shared_ptr<SourceRewrites> m_rewrites;
};

} // namespace testing
