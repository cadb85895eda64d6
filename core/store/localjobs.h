#pragma once

#include "core/store/listjob.h"
#include "core/store/localroot.h"
#include "core/store/poolrunner.h"
#include "core/store/statjob.h"
#include "core/store/storejob.h"

#include <QFutureWatcher>

namespace trestle {

// LocalStore's jobs for operations that are one blocking file-system call or a walk: the work runs
// on localStorePool() with its own copy of the LocalRoot; the result comes back through a
// QFutureWatcher in the job's thread.

using LocalStatusWork = std::function<Status(const std::atomic_bool &cancelled)>;

class LocalTaskJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalTaskJob)

public:
    explicit LocalTaskJob(LocalStatusWork work, QObject *parent = nullptr);
    ~LocalTaskJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    LocalStatusWork m_work;
    CancelFlag m_cancelled;
    QFutureWatcher<Status> m_watcher;
};

class LocalListJob final : public ListJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalListJob)

public:
    LocalListJob(LocalRoot root, StorePath folder, QObject *parent = nullptr);
    ~LocalListJob() override;

    // The listing itself (runs on a pool thread).
    static Result<QList<Entry>> listFolder(const LocalRoot &root, const StorePath &folder,
                                           const std::atomic_bool &cancelled);

protected:
    void doStart() override;
    void doKill() override;

private:
    LocalRoot m_root;
    CancelFlag m_cancelled;
    QFutureWatcher<Result<QList<Entry>>> m_watcher;
};

class LocalStatJob final : public StatJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalStatJob)

public:
    LocalStatJob(LocalRoot root, StorePath path, QObject *parent = nullptr);
    ~LocalStatJob() override;

    static Result<Entry> statPath(const LocalRoot &root, const StorePath &path);

protected:
    void doStart() override;

private:
    LocalRoot m_root;
    QFutureWatcher<Result<Entry>> m_watcher;
};

} // namespace trestle
