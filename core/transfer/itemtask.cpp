#include "core/transfer/itemtask.h"

#include "core/common/logging.h"
#include "core/db/conflictdecisions.h"
#include "core/store/localstore.h"
#include "core/transfer/bandwidthlimiter.h"
#include "core/transfer/metereddevice.h"
#include "core/transfer/sourceguard.h"
#include "core/transfer/versionhistorycopy.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTimer>

#include <utility>

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

// A pause before the copy of a changed source starts again: an editor saving it may not be done.
constexpr int kSourceChangeDelayMs = 250;

// The refresh token is dead or the sign-in is missing: no answer of the destination can be
// trusted to tell whether the write happened, and the engine pauses the job anyway.
bool isSignIn(const Error &error)
{
    return error.kind() == Error::Kind::AuthRevoked || error.kind() == Error::Kind::AuthFailed;
}

} // namespace

ItemTask::ItemTask(JobItem item, Store *source, Store *destination, qint64 mtimeToleranceMs, QObject *parent)
    : QObject(parent)
    , m_item(std::move(item))
    , m_source(source)
    , m_destination(destination)
    , m_tolerance(mtimeToleranceMs)
{
    // A two-way sync's item that runs the other way: the stores swap roles, the paths too.
    if (m_item.reverse)
        std::swap(m_source, m_destination);
}

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
        const QString &from = m_item.reverse ? m_item.destinationPath : m_item.sourcePath;
        const QString &to = m_item.reverse ? m_item.sourcePath : m_item.destinationPath;
        Result<StorePath> destination = parsePath(to);
        if (!destination.ok()) {
            finishFailed(destination.error());
            return;
        }
        m_destinationPath = destination.value();
        if (isCopy(m_item.action)) {
            Result<StorePath> source = parsePath(from);
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
        if (m_kind == JobKind::Migrate && m_item.reverse && m_item.action == ItemAction::Delete) {
            // The source goes only while the destination (the store `from` names a path in)
            // holds the verified copy.
            Result<StorePath> copy = parsePath(from);
            if (!copy.ok()) {
                finishFailed(copy.error());
                return;
            }
            watch(m_source->stat(copy.value()), Step::CopyCheck);
            return;
        }
        if (ConflictDecisions::isKeepBoth(m_item)) {
            probeKeepBothName(1); // also after a crash: it finds its own copy
            return;
        }
        // A history copy checks the destination itself: it counts the versions already there.
        if ((m_item.needsVerify && !copiesHistory()) || m_item.action == ItemAction::Verify)
            verify();
        else
            run();
    });
}

void ItemTask::probeKeepBothName(int n)
{
    m_keepBothNumber = n;
    Result<StorePath> candidate = parsePath(ConflictDecisions::keepBothName(m_item.destinationPath, n));
    if (!candidate.ok()) {
        finishFailed(candidate.error());
        return;
    }
    m_destinationPath = candidate.value();
    watch(m_destination->stat(m_destinationPath), Step::KeepBothName);
}

void ItemTask::kill()
{
    if (m_finished)
        return;
    if (m_job) {
        m_job->kill(); // finishes through jobFinished() with Cancelled
        return;
    }
    if (m_history) {
        m_history->kill(); // finishes through historyFinished() with Cancelled
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
    // Where the destination gives a sha256 and the copy computed one, they must agree.
    if (!m_item.checksum.isEmpty() && entry.checksumAlgorithm == QLatin1String("sha256")
        && !entry.checksum.isEmpty() && QString::fromLatin1(entry.checksum.toHex()) != m_item.checksum)
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
        if (copiesHistory())
            runHistory();
        else
            runCopy();
        return;
    case ItemAction::Skip:
    case ItemAction::Verify:
        finishDone();
        return;
    }
}

bool ItemTask::copiesHistory() const
{
    return m_kind == JobKind::Migrate && m_item.sourceId != 0 && !m_item.reverse
        && (m_item.action == ItemAction::Upload || m_item.action == ItemAction::NewVersion) && m_destination
        && m_destination->limits().keepsVersions;
}

void ItemTask::runHistory()
{
    m_history =
        std::make_unique<VersionHistoryCopy>(m_source, m_sourcePath, m_destination, m_destinationPath);
    // The journal counts this try already: an earlier one (or a crash) may have left versions.
    m_history->setResume(m_item.needsVerify || m_item.attempts > 1);
    // A file the destination holds already gets the source's newer versions only.
    m_history->setExisting(m_item.action == ItemAction::NewVersion);
    m_history->setPlannedBytes(m_item.size); // the plan counted every version to move
    m_history->setLimiter(m_limiter);
    connect(m_history.get(), &VersionHistoryCopy::progress, this, &ItemTask::progress);
    connect(m_history.get(), &VersionHistoryCopy::finished, this, &ItemTask::historyFinished);
    m_history->start();
}

void ItemTask::historyFinished()
{
    if (m_finished || !m_history)
        return;
    const Error error = m_history->error();
    if (error)
        return finishFailed(error);
    // The item's size stays the plan's (every version moved): the bytes done match the total.
    m_checksum = m_history->latestChecksum();
    const int total = m_history->versionsTotal();
    const int already = m_history->versionsAlreadyThere();
    finishDone(
        already > 0
            ? tr("with its history: %1 versions (%2 already at the destination)").arg(total).arg(already)
            : tr("with its history: %1 versions").arg(total));
}

void ItemTask::runCopy()
{
    // After a try whose mixed copy was written: the whole new file goes over it.
    const Store::WriteMode mode = m_item.action == ItemAction::NewVersion || m_mixedWritten
        ? Store::WriteMode::Replace
        : Store::WriteMode::FailIfExists;
    if (m_source->capabilities().testFlag(Store::RandomAccessRead)) {
        Result<std::unique_ptr<QIODevice>> device = m_source->openReadDevice(m_sourcePath);
        if (!device.ok()) {
            finishFailed(device.error());
            return;
        }
        m_device = device.takeValue();
        QIODevice *read = m_device.get();
        if (auto *file = qobject_cast<QFileDevice *>(read)) {
            m_guard = std::make_unique<SourceGuard>(file);
            // Stops the write before it can commit what was read (the read itself failed already).
            connect(m_guard.get(), &SourceGuard::sourceChanged, this, [this] {
                if (m_job)
                    m_job->kill();
            });
            read = m_guard.get();
            // The new content's time after a change; and the file's own where the item has none (a
            // file copied back by a decision): a destination that keeps times must get the
            // source's, or a two-way sync's baseline sees the two sides differ.
            if ((m_sourceChanges > 0 || m_item.mtimeMs <= 0) && m_guard->stampAtOpen().valid)
                m_item.mtimeMs = m_guard->stampAtOpen().modifiedNs / 1000000;
        }
        // The size now, not the planned one: the write must announce exactly what it will read.
        m_item.size = read->size();
        m_meter = std::make_unique<MeteredDevice>(read, QIODevice::ReadOnly, m_limiter, true);
        watch(m_destination->writeFrom(m_destinationPath, m_meter.get(), m_item.size, mtime(), mode),
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
        m_meter = std::make_unique<MeteredDevice>(m_session.get(), QIODevice::WriteOnly, m_limiter, true);
        watch(m_source->readInto(m_sourcePath, m_meter.get()), Step::Run);
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
    m_meter = std::make_unique<MeteredDevice>(m_temp.get(), QIODevice::WriteOnly, m_limiter, true);
    StoreJob *job = m_source->readInto(m_sourcePath, m_meter.get());
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
    takeChecksum();
    const Store::WriteMode mode =
        m_item.action == ItemAction::NewVersion ? Store::WriteMode::Replace : Store::WriteMode::FailIfExists;
    QIODevice *upload = m_temp.get();
    if (m_limiter) {
        m_uploadMeter = std::make_unique<MeteredDevice>(m_temp.get(), QIODevice::ReadOnly, m_limiter, false);
        upload = m_uploadMeter.get();
    }
    watch(m_destination->writeFrom(m_destinationPath, upload, m_item.size, mtime(), mode), Step::Run);
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
        if (done && m_item.action == ItemAction::Verify) {
            m_checksum = m_item.checksum;
            finishDone();
        } else if (done) {
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
    case Step::CopyCheck: {
        const Entry entry = error ? Entry() : static_cast<StatJob *>(job)->entry();
        const bool sameChecksum = m_item.checksum.isEmpty()
            || entry.checksumAlgorithm != QLatin1String("sha256") || entry.checksum.isEmpty()
            || QString::fromLatin1(entry.checksum.toHex()) == m_item.checksum;
        if (!error && entry.isFile() && entry.size == m_item.size && sameChecksum) {
            run(); // the source's delete
            return;
        }
        if (error && error.kind() != Error::Kind::NotFound) {
            finishFailed(error);
            return;
        }
        finishFailed(Error(Error::Kind::Validation,
                           tr("The source was kept: the destination does not hold its verified copy.")));
        return;
    }
    case Step::FailureCheck: {
        const Entry entry = error ? Entry() : static_cast<StatJob *>(job)->entry();
        if (!error && destinationMatches(entry))
            finishDone(tr("already at the destination (the answer to its creation was lost)"));
        else if (error && error.kind() == Error::Kind::NotFound)
            // Maybe only this worker's store has not seen it yet: NotFound has the worker try
            // again with fresh stores (a create that happened then meets it as a Conflict).
            finishFailed(Error(Error::Kind::NotFound, m_failure.message(), m_failure.detail()));
        else
            finishFailed(m_failure);
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
    case Step::KeepBothName: {
        // The first name that is free or already holds this very file (written before a crash).
        if (error && error.kind() != Error::Kind::NotFound) {
            finishFailed(error);
            return;
        }
        if (error)
            run();
        else if (destinationMatches(static_cast<StatJob *>(job)->entry()))
            finishDone(tr("already at the destination as \u201C%1\u201D").arg(m_destinationPath.name()));
        else
            probeKeepBothName(m_keepBothNumber + 1);
        return;
    }
    case Step::Run:
        break;
    }

    if (m_guard && m_guard->changed()) {
        m_meter.reset();
        m_guard.reset();
        m_device.reset();
        sourceChanged(!error);
        return;
    }
    if (m_session && !error && m_item.size < 0)
        m_item.size = m_session->bytesAccepted(); // a size found out while copying
    if (!error && !m_temp)
        takeChecksum();
    if (m_session) {
        if (!error) {
            const Status committed = m_session->commit();
            m_session.reset();
            if (!committed.ok()) {
                finishFailed(committed.error());
                return;
            }
        } else {
            // The session knows why it refused bytes (DiskFull, Permission) better than the pump.
            const Error cause = m_session->error();
            m_session->abort();
            m_session.reset();
            if (cause && error.kind() != Error::Kind::Cancelled) {
                m_meter.reset();
                finishFailed(cause);
                return;
            }
        }
    }
    m_meter.reset();
    m_uploadMeter.reset();
    m_guard.reset();
    m_device.reset();
    m_temp.reset();
    if (!error) {
        finishDone(sourceChangeNote());
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
    if ((m_item.action == ItemAction::Upload || m_item.action == ItemAction::Download) && !error.isTransient()
        && error.kind() != Error::Kind::Cancelled && error.kind() != Error::Kind::Conflict
        && !isSignIn(error)) {
        // A create whose answer was lost may have happened after all, and a retry of it refused
        // (Procore: "upload_uuid has already been used"): done if this very file is there now.
        m_failure = error;
        watch(m_destination->stat(m_destinationPath), Step::FailureCheck);
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

void ItemTask::sourceChanged(bool written)
{
    m_mixedWritten = m_mixedWritten || written;
    ++m_sourceChanges;
    qCInfo(lcTransfer) << "item" << m_item.id << "source changed while read, try" << m_sourceChanges
                       << (written ? "(written anyway)" : "(nothing written)");
    if (m_sourceChanges >= kMaxSourceChanges) {
        const QString name = m_sourcePath.toString();
        finishFailed(Error(
            Error::Kind::LocalIo,
            m_mixedWritten
                ? tr("\u201C%1\u201D was not copied: the file changed while it was being copied (%2 tries). "
                     "The destination may hold a copy made while it changed; copy it again once nobody "
                     "is writing it.")
                      .arg(name)
                      .arg(m_sourceChanges)
                : tr("\u201C%1\u201D was not copied: the file changed while it was being copied (%2 tries). "
                     "Copy it again once nobody is writing it.")
                      .arg(name)
                      .arg(m_sourceChanges)));
        return;
    }
    QTimer::singleShot(kSourceChangeDelayMs * m_sourceChanges, this, [this] {
        if (!m_finished)
            runCopy();
    });
}

QString ItemTask::sourceChangeNote() const
{
    if (m_sourceChanges == 0)
        return {};
    if (m_mixedWritten)
        return tr("the file changed while it was copied: a copy made meanwhile was replaced by the whole "
                  "new file (on Procore it stays as an older version)");
    return tr("copied again: the file changed while it was being read");
}

QString ItemTask::destinationFolder() const
{
    const QString folder = m_destinationPath.parent().toString();
    if (const auto *local = qobject_cast<const LocalStore *>(m_destination.data()))
        return QDir::toNativeSeparators(QDir::cleanPath(local->rootPath() + QLatin1Char('/') + folder));
    return folder.isEmpty() ? m_destination->displayName()
                            : QStringLiteral("%1: %2").arg(m_destination->displayName(), folder);
}

Error ItemTask::destinationWide(const Error &error) const
{
    if (!m_destination)
        return {};
    const QString detail = error.detail().isEmpty() ? error.message() : error.detail();
    if (error.kind() == Error::Kind::DiskFull)
        return Error(Error::Kind::DiskFull,
                     tr("There is no space left in \u201C%1\u201D: the job was paused. Free some space "
                        "there, then resume the job.")
                         .arg(destinationFolder()),
                     detail);
    // One file the user may not write is that file's problem; a destination that takes nothing
    // is the job's. Local stores only: their root says which it is.
    const auto *local = qobject_cast<const LocalStore *>(m_destination.data());
    if (!local || (error.kind() != Error::Kind::Permission && error.kind() != Error::Kind::LocalIo))
        return {};
    const QString root = local->rootPath();
    const QStorageInfo storage(root);
    if (!(storage.isValid() && storage.isReadOnly()) && QFileInfo(root).isWritable())
        return {};
    return Error(Error::Kind::LocalIo,
                 tr("The destination folder \u201C%1\u201D is read-only: the job was paused. Make it "
                    "writable, then resume the job.")
                     .arg(destinationFolder()),
                 detail);
}

void ItemTask::takeChecksum()
{
    if (m_meter && m_meter->hashedBytes() == m_item.size)
        m_checksum = m_meter->checksum();
}

void ItemTask::finishDone(const QString &reason)
{
    ItemOutcome outcome;
    outcome.state = ItemState::Done;
    outcome.bytesDone = isCopy(m_item.action) ? m_item.size : 0;
    outcome.reason = reason;
    outcome.checksum = m_checksum;
    if (m_keepBothNumber > 0)
        outcome.writtenPath = m_destinationPath.toString(); // the name it picked (the report shows it)
    finish(outcome);
}

void ItemTask::finishFailed(const Error &error)
{
    m_jobStop = destinationWide(error);
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
