#include "core/store/procorewritejob.h"

#include "core/api/procoreclient.h"
#include "core/api/rangedevice.h"
#include "core/api/storagetransfer.h"
#include "core/common/logging.h"
#include "core/store/procorejobs.h"
#include "core/store/procorestore.h"
#include "core/store/sha256.h"
#include "core/store/streampump.h"

#include <QDir>
#include <QTemporaryFile>
#include <QTimer>

namespace trestle {

namespace {

constexpr qint64 kHashChunk = 4 * 1024 * 1024; // per event-loop turn: the thread stays responsive
const QString kContentType = QStringLiteral("application/octet-stream");

} // namespace

ProcoreWriteJob::ProcoreWriteJob(ProcoreStore *store, StorePath path, QIODevice *source, qint64 size,
                                 Store::WriteMode mode, QObject *parent)
    : StoreJob(parent), m_store(store), m_path(std::move(path)), m_source(source), m_size(size), m_mode(mode)
{ }

ProcoreWriteJob::~ProcoreWriteJob() = default; // transfers, pump and windows are children

void ProcoreWriteJob::fail(const Error &error)
{
    emitResult(error);
}

void ProcoreWriteJob::doStart()
{
    if (!m_store || !m_source)
        return fail(Error(Error::Kind::Internal, tr("The Procore store or the source is gone.")));
    if (m_path.isRoot())
        return fail(Error(Error::Kind::InvalidName, tr("The top folder is not a file.")));
    if (m_size < 0)
        return fail(Error(Error::Kind::Internal, tr("A Procore upload needs the file's size.")));
    if (const Error invalid = m_store->checkNewName(m_path))
        return fail(invalid);
    const StoreLimits limits = m_store->limits();
    if (limits.maxFileSize >= 0 && m_size > limits.maxFileSize)
        return fail(Error(Error::Kind::Validation,
                          tr("\u201C%1\u201D is too large for Procore.").arg(m_path.toString())));
    m_store->resolve(
        m_path.parent(),
        procoreGuard<ProcoreWriteJob, Result<ProcoreNode>>(this, [this](Result<ProcoreNode> folder) {
            if (!folder.ok() || !folder.value().isFolder())
                return fail(!folder.ok() && folder.error().kind() != Error::Kind::NotFound
                                ? folder.error()
                                : Error(Error::Kind::NotFound,
                                        tr("The folder of \u201C%1\u201D does not exist in Procore.")
                                            .arg(m_path.toString())));
            m_parentId = folder.value().id; // 0 for the root: the API then takes the root itself
            checkTarget();
        }));
}

void ProcoreWriteJob::checkTarget()
{
    if (!m_store)
        return fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    m_existingId = 0;
    // Known from a listing: decide now, before any byte moves. Unknown: try the create, and let
    // "name taken" say it exists (no call spent on looking first).
    if (const std::optional<ProcoreNode> clash = m_store->cache().clash(m_path)) {
        if (clash->isFolder())
            return fail(Error(Error::Kind::Conflict,
                              tr("A folder named \u201C%1\u201D already exists.").arg(m_path.toString())));
        if (m_mode == Store::WriteMode::FailIfExists || clash->entry.name != m_path.name())
            return fail(
                Error(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(m_path.toString())));
        m_existingId = clash->id;
    }
    if (m_data)
        return startUpload(); // prepared already (after "name taken")
    prepareSource();
}

void ProcoreWriteJob::prepareSource()
{
    if (!m_source->isSequential()) {
        m_data = m_source;
        m_offset = m_source->pos();
        if (m_source->size() - m_offset < m_size)
            return fail(Error(Error::Kind::LocalIo,
                              tr("The source of \u201C%1\u201D ended early: %2 of %3 bytes.")
                                  .arg(m_path.toString())
                                  .arg(m_source->size() - m_offset)
                                  .arg(m_size)));
        return startUpload();
    }
    // A sequential source cannot be read twice or checked for its length beforehand.
    m_spool = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/trestle-upload-XXXXXX"));
    if (!m_spool->open())
        return fail(Error(Error::Kind::LocalIo, tr("Cannot create a temporary file for the upload."),
                          m_spool->errorString()));
    m_prepTotal = m_size;
    setProgress(0, m_prepTotal + m_size);
    m_pump = new StreamPump(m_source, m_spool.get(), m_size, this);
    connect(m_pump, &StreamPump::progress, this, [this](qint64 copied, qint64) {
        m_prepared = copied;
        setProgress(m_prepared, m_prepTotal + m_size);
    });
    connect(m_pump, &StreamPump::done, this, [this](const Error &error, bool) {
        if (isFinished())
            return;
        if (error)
            return fail(Error(error.kind(),
                              tr("Reading \u201C%1\u201D failed: %2").arg(m_path.toString(), error.message()),
                              error.detail()));
        if (!m_spool->flush() || m_spool->size() != m_size)
            return fail(Error(Error::Kind::LocalIo, tr("The temporary copy for the upload is incomplete.")));
        m_data = m_spool.get();
        m_offset = 0;
        startUpload();
    });
    m_pump->start();
}

void ProcoreWriteJob::report(qint64 uploaded)
{
    setProgress(m_prepTotal + qMin(uploaded, m_size), m_prepTotal + m_size);
}

std::unique_ptr<RangeDevice> ProcoreWriteJob::window(qint64 offset, qint64 length) const
{
    auto device = std::make_unique<RangeDevice>(m_data, m_offset + offset, length);
    device->open(QIODevice::ReadOnly);
    return device;
}

StorageTransfer *ProcoreWriteJob::newTransfer()
{
    if (m_transfer)
        m_transfer->deleteLater(); // may be the sender of the signal we are in
    ProcoreClient *client = m_store->client();
    m_transfer = new StorageTransfer(client->context(), client->networkAccessManager(), this);
    return m_transfer;
}

void ProcoreWriteJob::startUpload()
{
    if (!m_store)
        return fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    if (m_store->budgetSaver() && m_existingId == 0)
        return dataCreate();
    if (m_size <= m_store->formUploadLimit())
        return formUpload();
    // Segmented: every segment's sha256 is part of the create call, so hash first.
    if (m_prepTotal == 0)
        m_prepTotal = m_size; // the hashing pass reads the file once more
    m_prepared = 0;
    m_hashed = 0;
    m_segmentHashes.clear();
    m_segmentSize = m_store->segmentSize(); // fixed for this upload
    m_hash = std::make_unique<Sha256>();
    hashStep();
}

void ProcoreWriteJob::formUpload()
{
    m_store->client()->createUpload(
        m_store->projectId(), m_path.name(), kContentType, m_size,
        procoreGuard<ProcoreWriteJob, Result<Upload>>(this, [this](Result<Upload> upload) {
            if (!upload.ok())
                return fail(upload.error());
            m_upload = upload.value();
            StorageTransfer *transfer = newTransfer();
            connect(transfer, &StorageTransfer::progress, this,
                    [this](qint64 done, qint64) { report(done); });
            connect(transfer, &StorageTransfer::finished, this, [this](StorageTransfer *t) {
                if (isFinished())
                    return;
                if (!t->result().ok())
                    return fail(t->result().error());
                report(m_size);
                attach(m_upload.uuid);
            });
            transfer->startFormUpload(m_upload, window(0, m_size), m_path.name(), kContentType);
        }));
}

void ProcoreWriteJob::hashStep()
{
    if (isFinished())
        return;
    const qint64 segmentSize = m_segmentSize;
    const qint64 segmentEnd = qMin(m_size, (qint64(m_segmentHashes.size()) + 1) * segmentSize);
    const qint64 want = qMin(kHashChunk, segmentEnd - m_hashed);
    if (m_buffer.size() < want)
        m_buffer.resize(want);
    if (!m_data->seek(m_offset + m_hashed) || m_data->read(m_buffer.data(), want) != want)
        return fail(Error(Error::Kind::LocalIo, tr("Reading \u201C%1\u201D failed.").arg(m_path.toString()),
                          m_data->errorString()));
    m_hash->addData(QByteArrayView(m_buffer.constData(), want));
    m_hashed += want;
    if (m_hashed == segmentEnd) {
        m_segmentHashes.append(m_hash->takeResult().toHex());
    }
    if (!m_spool) // after spooling, the spool's progress already counts as the preparation
        setProgress(m_hashed, m_prepTotal + m_size);
    if (m_hashed < m_size)
        return QTimer::singleShot(0, this, [this] { hashStep(); });
    m_buffer = QByteArray(); // give the memory back before the upload
    segmentedUpload();
}

void ProcoreWriteJob::segmentedUpload()
{
    if (!m_store)
        return fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    const qint64 segmentSize = m_segmentSize;
    QList<ProcoreClient::SegmentSpec> specs;
    for (int i = 0; i < m_segmentHashes.size(); ++i) {
        ProcoreClient::SegmentSpec spec;
        spec.size = qMin(segmentSize, m_size - i * segmentSize);
        spec.sha256Hex = m_segmentHashes.at(i);
        specs.append(spec);
    }
    m_store->client()->createSegmentedUpload(
        m_store->projectId(), specs,
        procoreGuard<ProcoreWriteJob, Result<Upload>>(this, [this, specs](Result<Upload> upload) {
            if (!upload.ok())
                return fail(upload.error());
            m_upload = upload.value();
            if (m_upload.segments.size() != specs.size())
                return fail(Error(Error::Kind::MalformedReply,
                                  tr("Procore answered the upload with the wrong segments.")));
            for (int i = 0; i < specs.size(); ++i) {
                // The complete call repeats size and sha256 (the spec marks them required).
                m_upload.segments[i].size = specs.at(i).size;
                if (m_upload.segments[i].sha256Hex.isEmpty())
                    m_upload.segments[i].sha256Hex = specs.at(i).sha256Hex;
            }
            m_segmentBase = 0;
            m_nextSegment = 0;
            m_segmentsDone = 0;
            putSegments();
        }));
}

void ProcoreWriteJob::putSegments()
{
    if (isFinished())
        return;
    if (!m_store)
        return fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    const int count = int(m_upload.segments.size());
    if (m_segmentsDone == count) {
        return m_store->client()->completeUpload(
            m_store->projectId(), m_upload,
            procoreGuard<ProcoreWriteJob, Result<Upload>>(this, [this](Result<Upload> done) {
                if (!done.ok())
                    return fail(done.error());
                attach(m_upload.uuid);
            }));
    }
    // Two PUTs at a time: one waits on the network while the other's bytes are read and sent.
    while (m_segmentsInFlight.size() < kParallelSegments && m_nextSegment < count) {
        const int index = m_nextSegment++;
        const UploadSegment &segment = m_upload.segments.at(index);
        ProcoreClient *client = m_store->client();
        auto *transfer = new StorageTransfer(client->context(), client->networkAccessManager(), this);
        m_segmentsInFlight.insert(transfer, 0);
        connect(transfer, &StorageTransfer::progress, this, [this, transfer](qint64 done, qint64) {
            m_segmentsInFlight[transfer] = done;
            qint64 inFlight = 0;
            for (const qint64 bytes : std::as_const(m_segmentsInFlight))
                inFlight += bytes;
            report(m_segmentBase + inFlight);
        });
        connect(transfer, &StorageTransfer::finished, this, [this, index](StorageTransfer *t) {
            m_segmentsInFlight.remove(t);
            t->deleteLater();
            if (isFinished())
                return;
            if (!t->result().ok())
                return fail(t->result().error());
            m_upload.segments[index].etag = t->etag();
            m_segmentBase += m_upload.segments.at(index).size;
            ++m_segmentsDone;
            report(m_segmentBase);
            putSegments();
        });
        transfer->startSegmentUpload(segment, window(index * m_segmentSize, segment.size));
    }
}

void ProcoreWriteJob::dataCreate()
{
    ProcoreClient::NewFile file;
    file.parentId = m_parentId;
    file.name = m_path.name();
    setProgress(m_prepTotal, m_prepTotal + m_size);
    m_store->client()->createFileWithData(
        m_store->projectId(), file, std::shared_ptr<QIODevice>(window(0, m_size)),
        procoreGuard<ProcoreWriteJob, Result<File>>(this, [this](Result<File> created) {
            if (created.ok())
                return succeed(created.value());
            const Error error = ProcoreStore::storeError(created.error(), m_path);
            if (error.kind() == Error::Kind::Conflict)
                return onNameTaken(QString());
            fail(error);
        }));
}

void ProcoreWriteJob::attach(const QString &uploadUuid)
{
    if (!m_store)
        return fail(Error(Error::Kind::Internal, tr("The Procore store is gone.")));
    auto done = procoreGuard<ProcoreWriteJob, Result<File>>(this, [this, uploadUuid](Result<File> file) {
        if (file.ok())
            return succeed(file.value());
        const Error error = ProcoreStore::storeError(file.error(), m_path);
        if (error.kind() == Error::Kind::Conflict && m_existingId == 0)
            return onNameTaken(uploadUuid);
        if (error.kind() == Error::Kind::NotFound && m_existingId > 0 && !m_staleRetried && m_store) {
            // The cache knew a file that was deleted elsewhere since: create it instead (once).
            m_staleRetried = true;
            m_store->cache().forget(m_path);
            m_existingId = 0;
            return attach(uploadUuid);
        }
        fail(error);
    });
    if (m_existingId > 0) {
        ProcoreClient::FileChange change;
        change.uploadUuid = uploadUuid; // a new version of the same file, never a duplicate
        return m_store->client()->updateFile(m_store->projectId(), m_existingId, change, done);
    }
    ProcoreClient::NewFile file;
    file.parentId = m_parentId;
    file.name = m_path.name();
    file.uploadUuid = uploadUuid;
    m_store->client()->createFile(m_store->projectId(), file, done);
}

void ProcoreWriteJob::onNameTaken(const QString &uploadUuid)
{
    const Error conflict(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(m_path.toString()));
    if (m_mode == Store::WriteMode::FailIfExists || m_takenChecked || !m_store)
        return fail(conflict);
    m_takenChecked = true;
    // Something has this name and the cache did not know: look once, then version it if it is
    // the same file name (Replace), else it is a conflict.
    m_store->fetchChildren(m_path.parent(), m_parentId,
                           procoreGuard<ProcoreWriteJob, Result<QList<Entry>>>(
                               this, [this, uploadUuid, conflict](Result<QList<Entry>> listed) {
                                   if (!listed.ok())
                                       return fail(listed.error());
                                   const std::optional<ProcoreNode> existing =
                                       m_store ? m_store->cache().node(m_path) : std::nullopt;
                                   if (!existing || existing->isFolder())
                                       return fail(conflict);
                                   m_existingId = existing->id;
                                   if (uploadUuid.isEmpty())
                                       return startUpload(); // budget saver: no single-call version path
                                   attach(uploadUuid);
                               }));
}

void ProcoreWriteJob::succeed(const File &file)
{
    if (m_store)
        m_store->cache().put(ProcoreStore::fileNode(file, m_path));
    setProgress(m_prepTotal + m_size, m_prepTotal + m_size);
    emitResult();
}

void ProcoreWriteJob::doKill()
{
    if (m_pump)
        m_pump->cancel();
    if (m_transfer)
        m_transfer->abort();
    const QList<StorageTransfer *> segments = m_segmentsInFlight.keys();
    for (StorageTransfer *transfer : segments)
        transfer->abort();
}

} // namespace trestle
