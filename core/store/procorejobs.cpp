#include "core/store/procorejobs.h"

namespace trestle {

ProcoreListJob::ProcoreListJob(StorePath folder, Runner runner, QObject *parent)
    : ListJob(std::move(folder), parent), m_runner(std::move(runner))
{ }

ProcoreListJob::~ProcoreListJob() = default;

void ProcoreListJob::succeed(QList<Entry> entries)
{
    setEntries(std::move(entries));
    emitResult();
}

void ProcoreListJob::doStart()
{
    m_runner(this);
}

ProcoreStatJob::ProcoreStatJob(StorePath path, Runner runner, QObject *parent)
    : StatJob(std::move(path), parent), m_runner(std::move(runner))
{ }

ProcoreStatJob::~ProcoreStatJob() = default;

void ProcoreStatJob::succeed(Entry entry)
{
    setEntry(std::move(entry));
    emitResult();
}

void ProcoreStatJob::doStart()
{
    m_runner(this);
}

ProcoreTaskJob::ProcoreTaskJob(Runner runner, QObject *parent) : StoreJob(parent), m_runner(std::move(runner))
{ }

ProcoreTaskJob::~ProcoreTaskJob() = default;

void ProcoreTaskJob::doStart()
{
    m_runner(this);
}

} // namespace trestle
