#include "core/transfer/versionhistorycopy.h"

#include "core/common/logging.h"
#include "core/transfer/bandwidthlimiter.h"
#include "core/transfer/metereddevice.h"

#include <QDir>
#include <QTimer>

namespace trestle {

VersionHistoryCopy::VersionHistoryCopy(Store *source, StorePath sourcePath, Store *destination,
                                       StorePath destinationPath, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_sourcePath(std::move(sourcePath))
    , m_destination(destination)
    , m_destinationPath(std::move(destinationPath))
{ }

VersionHistoryCopy::~VersionHistoryCopy()
{
    m_finished = true;
    if (m_job)
        m_job->kill();
}

qint64 VersionHistoryCopy::latestSize() const
{
    return m_versions.isEmpty() ? -1 : m_versions.constLast().size;
}

void VersionHistoryCopy::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        if (!m_source || !m_destination)
            return finish(Error(Error::Kind::Internal, tr("The worker has no store for this item.")));
        listSource();
    });
}

void VersionHistoryCopy::kill()
{
    if (m_finished)
        return;
    if (m_job) {
        m_job->kill(); // finishes through the job's finished() with Cancelled
        return;
    }
    finish(Error(Error::Kind::Cancelled, tr("Cancelled.")));
}

void VersionHistoryCopy::follow(StoreJob *job, std::function<void()> next,
                                std::function<bool(const Error &)> recover)
{
    m_job = job;
    connect(job, &StoreJob::finished, this,
            [this, job, next = std::move(next), recover = std::move(recover)](StoreJob *) {
                m_job = nullptr;
                if (m_finished)
                    return;
                if (const Error &error = job->error()) {
                    if (!recover || !recover(error))
                        finish(error);
                    return;
                }
                next();
            });
    job->start();
}

void VersionHistoryCopy::listSource()
{
    VersionListJob *job = m_source->listVersions(m_sourcePath);
    follow(job, [this, job] {
        m_versions = job->versions();
        for (const StoreVersion &version : std::as_const(m_versions))
            m_historyBytes += qMax<qint64>(0, version.size);
        if (m_versions.isEmpty())
            return finish(Error(Error::Kind::NotFound,
                                tr("\u201C%1\u201D has no versions to copy.").arg(m_sourcePath.toString())));
        if (m_resume || m_existing)
            countDestination();
        else
            copyNext();
    });
}

void VersionHistoryCopy::countDestination()
{
    // A stat first: on a folder whose children are known it costs nothing, and NotFound (nothing
    // written yet) then needs no version listing.
    StatJob *stat = m_destination->stat(m_destinationPath);
    const auto nothingThere = [this](const Error &error) {
        if (error.kind() != Error::Kind::NotFound)
            return false;
        copyNext();
        return true;
    };
    follow(
        stat,
        [this, stat] {
            if (!stat->entry().isFile())
                return finish(Error(Error::Kind::Conflict, tr("A folder has this name on the destination.")));
            VersionListJob *list = m_destination->listVersions(m_destinationPath);
            follow(list, [this, list] { compareHistories(list->versions()); });
        },
        nothingThere);
}

int VersionHistoryCopy::firstMissing(const QList<StoreVersion> &there) const
{
    bool prefix = there.size() <= m_versions.size();
    for (int i = 0; prefix && i < there.size(); ++i)
        prefix = there.at(i).size == m_versions.at(i).size;
    if (prefix)
        return int(there.size());
    if (!m_existing || there.isEmpty())
        return -1;
    // Sizes are all both sides give per version: the newest source version of the size the
    // destination holds last is taken for it.
    for (int i = int(m_versions.size()) - 1; i >= 0; --i) {
        if (m_versions.at(i).size == there.constLast().size)
            return i + 1;
    }
    return -1;
}

void VersionHistoryCopy::compareHistories(const QList<StoreVersion> &there)
{
    const int next = firstMissing(there);
    if (next < 0)
        return finish(Error(Error::Kind::Conflict,
                            tr("The destination's file has a history that differs from the source's: "
                               "it was left as it is.")));
    m_already = next;
    m_next = next;
    // Progress counts what is left to move.
    m_historyBytes = 0;
    for (int i = next; i < m_versions.size(); ++i)
        m_historyBytes += qMax<qint64>(0, m_versions.at(i).size);
    qCInfo(lcTransfer) << "history of" << m_sourcePath.toString() << ":" << m_already << "of"
                       << m_versions.size() << "versions already at the destination (" << there.size()
                       << "there)";
    copyNext();
}

void VersionHistoryCopy::copyNext()
{
    if (m_next >= m_versions.size())
        return checkLatest();
    m_temp = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/trestle-XXXXXX.part"));
    if (!m_temp->open())
        return finish(
            Error(Error::Kind::LocalIo, tr("Could not create a temporary file."), m_temp->errorString()));
    m_meter = std::make_unique<MeteredDevice>(m_temp.get(), QIODevice::WriteOnly, m_limiter, true);
    watch(m_source->readVersionInto(m_sourcePath, m_versions.at(m_next), m_meter.get()),
          &VersionHistoryCopy::afterRead);
}

void VersionHistoryCopy::watch(StoreJob *job, void (VersionHistoryCopy::*next)())
{
    // Each version's bytes pass twice (down, then up): half of each pass counts.
    connect(job, &StoreJob::progress, this,
            [this](qint64 done, qint64) { reportProgress(m_bytesBefore + done / 2); });
    follow(job, [this, next] { (this->*next)(); });
}

void VersionHistoryCopy::afterRead()
{
    m_temp->flush();
    m_temp->seek(0);
    const qint64 size = m_temp->size();
    m_currentChecksum = m_meter->hashedBytes() == size ? m_meter->checksum() : QString();
    m_meter.reset();
    m_bytesBefore += size / 2;
    QIODevice *upload = m_temp.get();
    if (m_limiter) {
        m_uploadMeter = std::make_unique<MeteredDevice>(m_temp.get(), QIODevice::ReadOnly, m_limiter, false);
        upload = m_uploadMeter.get();
    }
    // The first version creates the file and never overwrites one; each next one adds a version.
    const Store::WriteMode mode = m_next == 0 ? Store::WriteMode::FailIfExists : Store::WriteMode::Replace;
    watch(m_destination->writeFrom(m_destinationPath, upload, size, m_versions.at(m_next).modified, mode),
          &VersionHistoryCopy::afterWrite);
}

void VersionHistoryCopy::afterWrite()
{
    const qint64 size = m_temp ? m_temp->size() : 0;
    m_uploadMeter.reset();
    m_temp.reset();
    m_bytesBefore += size - size / 2;
    reportProgress(m_bytesBefore);
    ++m_written;
    if (m_next == m_versions.size() - 1)
        m_latestChecksum = m_currentChecksum;
    ++m_next;
    copyNext();
}

void VersionHistoryCopy::checkLatest()
{
    StatJob *stat = m_destination->stat(m_destinationPath);
    follow(stat, [this, stat] {
        const Entry &entry = stat->entry();
        const bool sameChecksum = m_latestChecksum.isEmpty()
            || entry.checksumAlgorithm != QLatin1String("sha256") || entry.checksum.isEmpty()
            || QString::fromLatin1(entry.checksum.toHex()) == m_latestChecksum;
        if (!entry.isFile() || entry.size != latestSize() || !sameChecksum)
            return finish(
                Error(Error::Kind::Validation, tr("The destination's copy differs from the source.")));
        finish();
    });
}

void VersionHistoryCopy::reportProgress(qint64 bytes)
{
    const qint64 planned = m_plannedBytes > 0 ? m_plannedBytes : latestSize();
    if (m_historyBytes > 0 && planned >= 0)
        bytes = qMin(planned, qint64(double(bytes) * double(planned) / double(m_historyBytes)));
    Q_EMIT progress(bytes);
}

void VersionHistoryCopy::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_meter.reset();
    m_uploadMeter.reset();
    m_temp.reset();
    Q_EMIT finished();
}

} // namespace trestle
