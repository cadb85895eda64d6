#pragma once

#include "core/store/listjob.h"
#include "core/store/statjob.h"
#include "core/store/storejob.h"

#include <QPointer>

#include <functional>

namespace trestle {

// The small jobs of ProcoreStore: each runs a chain of ProcoreClient calls that ProcoreStore
// describes as a `runner`, and ends through succeed()/fail(). Callbacks of calls still in flight
// after kill() find the job finished (or gone) and do nothing; see procoreGuard().
class ProcoreListJob final : public ListJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreListJob)

public:
    using Runner = std::function<void(ProcoreListJob *job)>;
    ProcoreListJob(StorePath folder, Runner runner, QObject *parent = nullptr);
    ~ProcoreListJob() override;

    void succeed(QList<Entry> entries);
    void fail(const Error &error) { emitResult(error); }

protected:
    void doStart() override;

private:
    Runner m_runner;
};

class ProcoreStatJob final : public StatJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreStatJob)

public:
    using Runner = std::function<void(ProcoreStatJob *job)>;
    ProcoreStatJob(StorePath path, Runner runner, QObject *parent = nullptr);
    ~ProcoreStatJob() override;

    void succeed(Entry entry);
    void fail(const Error &error) { emitResult(error); }

protected:
    void doStart() override;

private:
    Runner m_runner;
};

// makeFolder, move, remove: no result but success or an Error.
class ProcoreTaskJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreTaskJob)

public:
    using Runner = std::function<void(ProcoreTaskJob *job)>;
    explicit ProcoreTaskJob(Runner runner, QObject *parent = nullptr);
    ~ProcoreTaskJob() override;

    void finish(const Error &error = {}) { emitResult(error); }

protected:
    void doStart() override;

private:
    Runner m_runner;
};

// Wraps a callback so it runs only while `job` exists and has not finished (a killed job's calls
// may still answer later).
template<typename Job, typename Arg>
std::function<void(Arg)> procoreGuard(Job *job, std::function<void(Arg)> fn)
{
    QPointer<Job> alive(job);
    return [alive, fn = std::move(fn)](Arg arg) {
        if (alive && !alive->isFinished())
            fn(std::move(arg));
    };
}

} // namespace trestle
