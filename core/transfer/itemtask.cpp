#include "core/transfer/itemtask.h"

#include "core/common/logging.h"

#include <QDir>
#include <QTimer>

namespace trestle {

namespace {

Result<StorePath> parsePath(const QString &text)
{
    return StorePath::fromString(text);
}

bool isCopy(ItemAction action)
{
    return action == ItemAction::Upload || action == ItemAction::Download || action == ItemAction::NewVersion;
}

} // namespace

ItemTask::ItemTask(JobItem item, Store *source, Store *destination, qint64 mtimeToleranceMs, QObject *parent)
    : QObject(parent)
    , m_item(std::move(item))
    , m_source(source)
    , m_destination(destination)
    , m_tolerance(mtimeToleranceMs)
{ }

ItemTask::~ItemTask()
{
    m_finished = true;
    if (m_job)
        m_job->kill();
    if (m_session)
        m_session->abort();
}

void ItemTask::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        if (!m_destination || (isCopy(m_item.action) && !m_source)) {
            finishFailed(Error(Error::Kind::Internal, tr("The worker has no store for this item.")));
            return;
        }
        Result<StorePath> destination = parsePath(m_item.destinationPath);
        if (!destination.ok()) {
            finishFailed(destination.error());
            return;
        }
        m_destinationPath = destination.value();
        if (isCopy(m_item.action)) {
            Result<StorePath> source = parsePath(m_item.sourcePath);
            if (!source.ok()) {
                finishFailed(source.error());
                return;
            }
            m_sourcePath = source.value();
        }
        if (m_item.action == ItemAction::Skip) {
            finishDone();
            return;
        }
        if (m_item.needsVerify || m_item.action == ItemAction::Verify)
            verify();
        else
            run();
    });
}

void ItemTask::kill()
{
    if (m_finished)
        return;
    if (m_job) {
        m_job->kill(); // finishes through jobFinished() with Cancelled
        return;
    }
    finishFailed(Error(Error::Kind::Cancelled, tr("Cancelled.")));
}

QDateTime ItemTask::mtime() const
{
    return m_item.mtimeMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_item.mtimeMs, Qt::UTC) : QDateTime();
}

void ItemTask::verify()
{
    watch(m_destination->stat(m_destinationPath), Step::Verify);
}

bool ItemTask::destinationMatches(const Entry &entry) const
{
    if (!entry.isFile() || entry.size != m_item.size)
        return false;
    if (m_item.mtimeMs <= 0 || !entry.modified.isValid())
        return true;
    const qint64 delta = entry.modified.toMSecsSinceEpoch() - m_item.mtimeMs;
    // A destination that keeps times must show the source's; one that stamps its own must have
    // received the file after the source last changed.
    return m_destination->limits().keepsTimestamps ? qAbs(delta) <= m_tolerance : delta >= -m_tolerance;
}

void ItemTask::run()
{
    switch (m_item.action) {
    case ItemAction::CreateFolder:
        watch(m_destination->makeFolder(m_destinationPath), Step::Run);
        return;
    case ItemAction::Delete:
        watch(m_destination->remove(m_destinationPath, Store::RemoveMode::Recursive), Step::Run);
        return;
    case ItemAction::Upload:
    case ItemAction::Download:
    case ItemAction::NewVersion:
        runCopy();
        return;
    case ItemAction::Skip:
    case ItemAction::Verify:
        finishDone();
        return;
    }
}

void ItemTask::runCopy()
{
    const Store::WriteMode mode =
        m_item.action == ItemAction::NewVersion ? Store::WriteMode::Replace : Store::WriteMode::FailIfExists;
    if (m_source->capabilities().testFlag(Store::RandomAccessRead)) {
        Result<std::unique_ptr<QIODevice>> device = m_source->openReadDevice(m_sourcePath);
        if (!device.ok()) {
            finishFailed(device.error());
            return;
        }
        m_device = device.takeValue();
        // The size now, not the planned one: the write must announce exactly what it will read.
        m_item.size = m_device->size();
        watch(m_destination->writeFrom(m_destinationPath, m_device.get(), m_item.size, mtime(), mode),
              Step::Run);
        return;
    }
    if (m_destination->capabilities().testFlag(Store::PushWrite)) {
        Result<std::unique_ptr<WriteSession>> session =
            m_destination->beginWrite(m_destinationPath, m_item.size, mtime(), mode);
        if (!session.ok()) {
            finishFailed(session.error());
            return;
        }
        m_session = session.takeValue();
        watch(m_source->readInto(m_sourcePath, m_session.get()), Step::Run);
        return;
    }
    copyThroughTempFile();
}

void ItemTask::copyThroughTempFile()
{
    m_temp = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/trestle-XXXXXX.part"));
    if (!m_temp->open()) {
        finishFailed(
            Error(Error::Kind::LocalIo, tr("Could not create a temporary file."), m_temp->errorString()));
        return;
    }
    StoreJob *job = m_source->readInto(m_sourcePath, m_temp.get());
    m_job = job;
    connect(job, &StoreJob::progress, this, [this](qint64 done, qint64) { Q_EMIT progress(done / 2); });
    connect(job, &StoreJob::finished, this, &ItemTask::afterTempDownload);
    job->start();
}

void ItemTask::afterTempDownload(StoreJob *job)
{
    m_job = nullptr;
    if (m_finished)
        return;
    if (job->error()) {
        finishFailed(job->error());
        return;
    }
    m_temp->flush();
    m_temp->seek(0);
    m_item.size = m_temp->size();
    const Store::WriteMode mode =
        m_item.action == ItemAction::NewVersion ? Store::WriteMode::Replace : Store::WriteMode::FailIfExists;
    watch(m_destination->writeFrom(m_destinationPath, m_temp.get(), m_item.size, mtime(), mode), Step::Run);
}

void ItemTask::watch(StoreJob *job, Step step)
{
    m_job = job;
    if (step == Step::Run && isCopy(m_item.action))
        connect(job, &StoreJob::progress, this, [this](qint64 done, qint64) { Q_EMIT progress(done); });
    connect(job, &StoreJob::finished, this,
            [this, step](StoreJob *finishedJob) { jobFinished(finishedJob, step); });
    job->start();
}

void ItemTask::jobFinished(StoreJob *job, Step step)
{
    m_job = nullptr;
    if (m_finished)
        return;
    const Error &error = job->error();
    switch (step) {
    case Step::Verify: {
        if (error && error.kind() != Error::Kind::NotFound) {
            finishFailed(error);
            return;
        }
        const Entry entry = error ? Entry() : static_cast<StatJob *>(job)->entry();
        const bool exists = !error;
        bool done = false;
        if (m_item.action == ItemAction::CreateFolder)
            done = exists && entry.isFolder();
        else if (m_item.action == ItemAction::Delete)
            done = !exists;
        else if (exists)
            done = destinationMatches(entry);
        if (done) {
            finishDone(tr("already at the destination (checked after a restart)"));
        } else if (m_item.action == ItemAction::Verify) {
            finishFailed(
                Error(Error::Kind::Validation, tr("The destination's copy differs from the source.")));
        } else {
            qCInfo(lcTransfer) << "item" << m_item.id << "not complete at the destination: redoing it";
            run();
        }
        return;
    }
    case Step::ConflictCheck: {
        const Entry entry = error ? Entry() : static_cast<StatJob *>(job)->entry();
        const bool same = !error
            && (m_item.action == ItemAction::CreateFolder ? entry.isFolder() : destinationMatches(entry));
        if (same)
            finishDone(tr("already at the destination"));
        else
            finishFailed(
                Error(Error::Kind::Conflict, tr("Something else appeared at the destination meanwhile.")));
        return;
    }
    case Step::Run:
        break;
    }

    if (m_session) {
        if (!error) {
            const Status committed = m_session->commit();
            m_session.reset();
            if (!committed.ok()) {
                finishFailed(committed.error());
                return;
            }
        } else {
            m_session->abort();
            m_session.reset();
        }
    }
    m_device.reset();
    m_temp.reset();
    if (!error) {
        finishDone();
        return;
    }
    if (m_item.action == ItemAction::CreateFolder && error.kind() == Error::Kind::Conflict) {
        // Made by an earlier attempt or by someone else: fine if it is a folder.
        watch(m_destination->stat(m_destinationPath), Step::ConflictCheck);
        return;
    }
    if (m_item.action == ItemAction::Delete && error.kind() == Error::Kind::NotFound) {
        finishDone(tr("already gone"));
        return;
    }
    if (isCopy(m_item.action) && error.kind() == Error::Kind::Conflict) {
        // A new file whose path is taken: done if it is this very file (an earlier attempt whose
        // answer was lost), a conflict otherwise. Never overwritten.
        watch(m_destination->stat(m_destinationPath), Step::ConflictCheck);
        return;
    }
    finishFailed(error);
}

void ItemTask::finishDone(const QString &reason)
{
    ItemOutcome outcome;
    outcome.state = ItemState::Done;
    outcome.bytesDone = isCopy(m_item.action) ? m_item.size : 0;
    outcome.reason = reason;
    finish(outcome);
}

void ItemTask::finishFailed(const Error &error)
{
    ItemOutcome outcome;
    outcome.state = ItemState::Failed;
    outcome.error = error;
    finish(outcome);
}

void ItemTask::finish(ItemOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_session) {
        m_session->abort();
        m_session.reset();
    }
    outcome.itemId = m_item.id;
    outcome.jobId = m_item.jobId;
    Q_EMIT finished(outcome);
}

} // namespace trestle
