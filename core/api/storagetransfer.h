#pragma once

#include "core/api/apitypes.h"
#include "core/common/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <memory>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace trestle {

class ConnectionContext;

// Byte transfers to and from storage (procore-api.md §6, §7). They are NOT API calls: they never
// go through the RateLimitMeter, and the bearer token is sent only on a download's first hop when
// that URL is on the configured API host — never to a storage host and never to a redirect
// target (redirects are followed by hand for exactly that reason). Bytes are streamed from and
// to QIODevices; nothing is read whole into memory.
//
// One object per transfer, like a KJob: start…() schedules, progress() reports, exactly one
// finished() follows; result() then says how it went.
class StorageTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageTransfer)

public:
    StorageTransfer(std::shared_ptr<ConnectionContext> context, QNetworkAccessManager *nam,
                    QObject *parent = nullptr);
    ~StorageTransfer() override;

    // No bytes for this long → Timeout. After an upload's last byte the wait for the answer is
    // answerTimeout() of the body's size instead.
    void setTimeout(std::chrono::milliseconds timeout);

    // How long an upload waits for storage's answer once its last byte is out: storage answers
    // only after it has stored (and checksummed) the whole body, which takes time in proportion
    // to its size. The rule is in storagetransfer.cpp.
    static std::chrono::milliseconds answerTimeout(qint64 bodyBytes, std::chrono::milliseconds stallTimeout);

    // Form upload (A): POST multipart to upload.url with every field verbatim, then the `file`
    // part streamed from `data` (open, positioned at 0). The caller's device must stay alive
    // until finished(); a device given to the transfer (unique_ptr) lives exactly as long as the
    // request instead, which Qt may still read after an abort — even when the transfer goes first.
    // The same holds for the segment upload's `data`.
    void startFormUpload(const Upload &upload, QIODevice *data, const QString &fileName,
                         const QString &contentType);
    void startFormUpload(const Upload &upload, std::unique_ptr<QIODevice> data, const QString &fileName,
                         const QString &contentType);
    // Segmented upload (B): PUT `data` (exactly the segment's bytes; see RangeDevice) to the
    // segment URL with exactly its headers. etag() holds the answer's ETag afterwards.
    void startSegmentUpload(const UploadSegment &segment, QIODevice *data);
    void startSegmentUpload(const UploadSegment &segment, std::unique_ptr<QIODevice> data);
    // Download: GET the version URL, follow the redirect to storage, write into `sink` as data
    // arrives (not owned; open for writing; alive until finished()). A 5xx or 408 before any byte
    // is asked again a few times after a pause (storage requests cost no API call).
    void startDownload(const QUrl &versionUrl, QIODevice *sink);
    void abort();

    const Status &result() const { return m_result; }
    QByteArray etag() const { return m_etag; }
    qint64 bytesDone() const { return m_done; }

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal); // total -1 when unknown
    void finished(trestle::StorageTransfer *transfer);

private:
    enum class Kind { FormUpload, SegmentUpload, Download };

    void sendDownloadHop(const QUrl &url, bool withToken);
    void watch(QNetworkReply *reply);
    void armWatchdog(std::chrono::milliseconds wait); // uploads: restarts the stall/answer timer
    void onWatchdog();
    void onFinished();
    void onDownloadReadyRead();
    void finish(Status result);
    QString endpoint() const;
    // Lets go of the reply in flight (aborting it if asked) and hands it the upload's body device:
    // Qt may still read a body device after abort() (queued reads of the aborted request), so the
    // device must live exactly as long as the reply, not as long as the job that made it.
    void releaseReply(bool abort);

    std::shared_ptr<ConnectionContext> m_context;
    QNetworkAccessManager *m_nam;
    std::chrono::milliseconds m_timeout{60000};
    Kind m_kind = Kind::Download;
    QPointer<QNetworkReply> m_reply;
    QPointer<QIODevice> m_upload; // the body device of an upload
    bool m_ownsUpload = false; // given by unique_ptr: a child of this transfer, then its reply's
    QTimer *m_watchdog = nullptr; // uploads only (downloads use QNAM's transfer timeout)
    QIODevice *m_sink = nullptr;
    QByteArray m_chunk; // downloads: the buffer between the reply and the sink
    QUrl m_url;
    Status m_result;
    QByteArray m_etag;
    qint64 m_done = 0;
    qint64 m_total = -1; // upload size when known
    int m_hops = 0;
    int m_storageRetries = 0; // downloads: transient answers asked again (see isTransientStatus)
    bool m_retriedWithFreshToken = false;
    bool m_aborted = false;
    bool m_timedOut = false;
    bool m_finished = false;
};

} // namespace trestle
