#include "core/api/storagetransfer.h"

#include "core/api/apierrors.h"
#include "core/api/connectioncontext.h"
#include "core/api/tokenmanager.h"
#include "core/api/urlpolicy.h"
#include "core/common/logging.h"

#include <QHttpMultiPart>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace trestle {

namespace {

constexpr int kMaxRedirects = 5;
constexpr qint64 kDownloadReadBufferBytes = 2 * 1024 * 1024;

// After an upload's last byte: one more second of waiting for every this many bytes of the body
// (see answerTimeout()), up to kMaxAnswerWait.
constexpr qint64 kAnswerBytesPerSecond = 8 * 1024 * 1024;
constexpr std::chrono::milliseconds kMaxAnswerWait = std::chrono::minutes(30);

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// A download asks storage again after these (a busy or failing front end), at most
// kMaxStorageRetries times, waiting 0.5, 1, 2, 4 s (or the Retry-After it was given, up to 8 s).
// Storage requests cost no API call; failing the item instead would spend its calls again.
constexpr int kMaxStorageRetries = 4;
constexpr std::chrono::milliseconds kMaxStorageRetryWait{8000};

bool isTransientStatus(int status)
{
    return status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

StorageTransfer::StorageTransfer(std::shared_ptr<ConnectionContext> context, QNetworkAccessManager *nam,
                                 QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_nam(nam)
    , m_result(Error(Error::Kind::Internal, QStringLiteral("not finished")))
{ }

StorageTransfer::~StorageTransfer()
{
    if (m_retriedWithFreshToken && m_context->tokens())
        m_context->tokens()->cancelWaiter(this);
    releaseReply(true);
}

void StorageTransfer::releaseReply(bool abort)
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->disconnect(this);
    if (abort)
        reply->abort();
    // Only a body device the caller gave to this transfer moves: one the caller kept (on its stack,
    // a member) stays the caller's.
    if (m_upload && m_ownsUpload)
        m_upload->setParent(reply);
    m_upload = nullptr;
    reply->deleteLater();
}

void StorageTransfer::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

// The rule: stallTimeout + 1 s per 8 MiB of the body, at most 30 minutes (never less than
// stallTimeout). Storage reads the whole body before it answers, then stores it and checks its
// digest (S3 answers a PUT or POST only once the object is durable; the sandbox copies and hashes
// a spooled form upload on its one thread), so the silence after the last byte grows with the
// size: 1 GiB gets 60 s + 128 s, 2 GiB 60 s + 256 s, a 64 MiB segment 60 s + 8 s, small bodies
// just the stall timeout. 8 MiB/s is far below any storage's digest speed — the sandbox on a
// loaded 2-core machine still does ~30 MB/s — so a live server is never cut off, while a dead
// one is still noticed after a bounded wait. (A fixed timeout cut off a 2 GiB form upload whose
// answer came more than 30 s after its last byte.) While bytes are still going out, silence for
// stallTimeout is a stall as before.
std::chrono::milliseconds StorageTransfer::answerTimeout(qint64 bodyBytes,
                                                         std::chrono::milliseconds stallTimeout)
{
    const std::chrono::milliseconds extra(qMax<qint64>(0, bodyBytes) / (kAnswerBytesPerSecond / 1000));
    return qMax(stallTimeout, qMin(stallTimeout + extra, qMax(stallTimeout, kMaxAnswerWait)));
}

void StorageTransfer::armWatchdog(std::chrono::milliseconds wait)
{
    if (!m_watchdog) {
        m_watchdog = new QTimer(this);
        m_watchdog->setSingleShot(true);
        connect(m_watchdog, &QTimer::timeout, this, &StorageTransfer::onWatchdog);
    }
    m_watchdog->start(wait);
}

void StorageTransfer::onWatchdog()
{
    if (!m_reply || m_finished)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() → onFinished(), which reports a Timeout
}

QString StorageTransfer::endpoint() const
{
    switch (m_kind) {
    case Kind::FormUpload:
        return QStringLiteral("POST storage %1").arg(UrlPolicy::forLog(m_url));
    case Kind::SegmentUpload:
        return QStringLiteral("PUT storage %1").arg(UrlPolicy::forLog(m_url));
    case Kind::Download:
        break;
    }
    return QStringLiteral("GET download %1").arg(UrlPolicy::forLog(m_url));
}

void StorageTransfer::startFormUpload(const Upload &upload, QIODevice *data, const QString &fileName,
                                      const QString &contentType)
{
    m_kind = Kind::FormUpload;
    m_url = QUrl(upload.url);
    QTimer::singleShot(0, this, [this, upload, data, fileName, contentType] {
        if (m_aborted)
            return;
        if (Error e = UrlPolicy::checkServerUrl(m_url))
            return finish(e);
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &[name, value] : upload.fields) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QByteArray("form-data; name=\"" + name.toUtf8() + "\""));
            part.setBody(value.toUtf8());
            multipart->append(part);
        }
        QString safeName = fileName;
        safeName.remove(QLatin1Char('"')).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
        QHttpPart filePart;
        filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QByteArray("form-data; name=\"file\"; filename=\"" + safeName.toUtf8() + "\""));
        filePart.setHeader(QNetworkRequest::ContentTypeHeader,
                           contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream")
                                                 : contentType.toUtf8());
        filePart.setBodyDevice(data); // streamed by QNAM, never read whole
        m_upload = data;
        m_total = data->isSequential() ? -1 : data->size();
        multipart->append(filePart); // S3 ignores fields after the file: it goes last
        QNetworkRequest request(m_url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        // No QNAM transfer timeout: one value cannot be both the stall limit while sending and
        // the size-dependent wait for the answer (armWatchdog, answerTimeout).
        QNetworkReply *reply = m_nam->post(request, multipart);
        multipart->setParent(reply);
        watch(reply);
        armWatchdog(m_timeout);
    });
}

void StorageTransfer::startFormUpload(const Upload &upload, std::unique_ptr<QIODevice> data,
                                      const QString &fileName, const QString &contentType)
{
    data->setParent(this); // until the request takes it over (releaseReply)
    m_ownsUpload = true;
    startFormUpload(upload, data.release(), fileName, contentType);
}

void StorageTransfer::startSegmentUpload(const UploadSegment &segment, std::unique_ptr<QIODevice> data)
{
    data->setParent(this);
    m_ownsUpload = true;
    startSegmentUpload(segment, data.release());
}

void StorageTransfer::startSegmentUpload(const UploadSegment &segment, QIODevice *data)
{
    m_kind = Kind::SegmentUpload;
    m_url = QUrl(segment.url);
    QTimer::singleShot(0, this, [this, segment, data] {
        if (m_aborted)
            return;
        if (Error e = UrlPolicy::checkServerUrl(m_url))
            return finish(e);
        QNetworkRequest request(m_url);
        bool contentTypeGiven = false;
        for (const auto &[name, value] : segment.headers) {
            request.setRawHeader(name, value);
            contentTypeGiven = contentTypeGiven || name.compare("content-type", Qt::CaseInsensitive) == 0;
        }
        if (!contentTypeGiven)
            request.setRawHeader("Content-Type", "application/octet-stream");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        m_total = data->isSequential() ? segment.size : data->size();
        m_upload = data;
        watch(m_nam->put(request, data)); // timeouts: armWatchdog, as for the form upload
        armWatchdog(m_timeout);
    });
}

void StorageTransfer::startDownload(const QUrl &versionUrl, QIODevice *sink)
{
    m_kind = Kind::Download;
    m_sink = sink;
    m_url = versionUrl;
    QTimer::singleShot(0, this, [this] {
        if (m_aborted)
            return;
        if (Error e = UrlPolicy::checkServerUrl(m_url))
            return finish(e);
        // The token goes to the configured API host only; any other first hop gets none.
        sendDownloadHop(m_url, UrlPolicy::sameOrigin(m_url, m_context->apiBase()));
    });
}

void StorageTransfer::sendDownloadHop(const QUrl &url, bool withToken)
{
    QNetworkRequest request(url);
    if (withToken && m_context->tokens())
        request.setRawHeader("Authorization",
                             "Bearer " + m_context->tokens()->current().accessToken.toUtf8());
    // Manual: Qt would otherwise forward the Authorization header to the redirect target.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_timeout.count()));
    QNetworkReply *reply = m_nam->get(request);
    // QNAM's read buffer is unbounded by default: with a sink slower than the network (hashing, a
    // slow disk) the whole file would pile up in memory. A bound only slows the sender down.
    reply->setReadBufferSize(kDownloadReadBufferBytes);
    connect(reply, &QNetworkReply::readyRead, this, &StorageTransfer::onDownloadReadyRead);
    watch(reply);
}

void StorageTransfer::watch(QNetworkReply *reply)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &StorageTransfer::onFinished);
    if (m_kind == Kind::Download) {
        connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64, qint64 total) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
                Q_EMIT progress(m_done, total);
        });
    } else {
        connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            m_done = sent;
            // QNAM always reports the last byte (it chokes only the signals in between).
            armWatchdog(total > 0 && sent >= total ? answerTimeout(total, m_timeout) : m_timeout);
            Q_EMIT progress(sent, total);
        });
    }
}

void StorageTransfer::onDownloadReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return; // a redirect's or an error's body: read in onFinished
    // Whatever is buffered now (at most the read buffer), never the whole file at once: into one
    // buffer kept for the whole download (no allocation per chunk; only as big as the data has
    // needed, so a small file never costs the full size), and all of it per read, so QNAM's
    // network thread is told once that the buffer is free again, not once per piece — each of
    // those hand-offs waits for a thread switch, which on a busy machine adds up.
    const qint64 wanted = qMin<qint64>(reply->bytesAvailable(), kDownloadReadBufferBytes);
    if (m_chunk.size() < wanted)
        m_chunk.resize(wanted);
    while (reply->bytesAvailable() > 0) {
        const qint64 n = reply->read(m_chunk.data(), m_chunk.size());
        if (n <= 0)
            break;
        if (m_sink->write(m_chunk.constData(), n) != n) {
            releaseReply(true);
            return finish(Error(Error::Kind::LocalIo,
                                tr("Cannot write the downloaded file: %1").arg(m_sink->errorString()),
                                endpoint()));
        }
        m_done += n;
    }
}

void StorageTransfer::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    // Still readable below: deleteLater() runs only once control is back in the event loop.
    releaseReply(false);
    if (m_aborted)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    if (m_kind == Kind::Download && status >= 200 && status < 300 && reply->isOpen())
        onDownloadReadyRead();
    if (m_finished)
        return;
    if (code != QNetworkReply::NoError && (status == 0 || int(code) < 200)) {
        const bool timedOut = m_timedOut || code == QNetworkReply::OperationCanceledError;
        const QString why = m_timedOut
            ? QStringLiteral("no answer within %1 s").arg(m_watchdog ? m_watchdog->interval() / 1000 : 0)
            : reply->errorString();
        return finish(ApiErrors::fromNetwork(code, why, endpoint(), timedOut));
    }
    if (m_kind == Kind::Download && isRedirect(status)) {
        const QUrl target = reply->url().resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
        if (++m_hops > kMaxRedirects || !target.isValid())
            return finish(
                Error(Error::Kind::MalformedReply, tr("The download was redirected too often."), endpoint()));
        if (Error e = UrlPolicy::checkServerUrl(target))
            return finish(e);
        m_url = target;
        return sendDownloadHop(target, false); // never the token to a redirect target
    }
    if (m_kind == Kind::Download && status == 401 && m_hops == 0 && !m_retriedWithFreshToken
        && UrlPolicy::sameOrigin(m_url, m_context->apiBase()) && m_context->tokens()) {
        m_retriedWithFreshToken = true;
        m_context->tokens()->requestFreshToken(m_context->tokens()->current().generation, this,
                                               [this](const Result<TokenManager::Token> &t) {
                                                   if (m_aborted)
                                                       return;
                                                   if (!t.ok())
                                                       return finish(t.error());
                                                   sendDownloadHop(m_url, true);
                                               });
        return;
    }
    if (m_kind == Kind::Download && isTransientStatus(status) && m_done == 0
        && m_storageRetries < kMaxStorageRetries) {
        // Nothing reached the sink (an error's body never does): the same URL again, later. On
        // the first hop that is the API host (with the token, as before); after the redirect it
        // is the signed storage URL (never with the token).
        std::chrono::milliseconds wait{500 << m_storageRetries};
        bool seconds = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&seconds);
        if (seconds && retryAfter >= 0)
            wait = std::chrono::seconds(retryAfter);
        wait = qMin(wait, kMaxStorageRetryWait);
        ++m_storageRetries;
        qCInfo(lcApi) << endpoint() << "HTTP" << status << "- asking again in" << wait.count() << "ms (retry"
                      << m_storageRetries << "of" << kMaxStorageRetries << ")";
        const bool withToken = m_hops == 0 && UrlPolicy::sameOrigin(m_url, m_context->apiBase());
        QTimer::singleShot(wait, this, [this, withToken] {
            if (!m_aborted && !m_finished)
                sendDownloadHop(m_url, withToken);
        });
        return;
    }
    if (status < 200 || status >= 300) {
        const QByteArray body = reply->isOpen() ? reply->read(4096) : QByteArray();
        return finish(ApiErrors::fromHttpStatus(status, body, endpoint()));
    }
    if (m_kind == Kind::Download) {
        // QNAM can report NoError for a body the server cut short after a full Content-Length:
        // a short file must never pass for a complete one.
        bool known = false;
        const qint64 expected = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && m_done != expected)
            return finish(
                Error(Error::Kind::Network,
                      tr("The download ended early (%1 of %2 bytes arrived).").arg(m_done).arg(expected),
                      endpoint()));
    }
    if (m_kind == Kind::SegmentUpload) {
        m_etag = reply->rawHeader("ETag");
        if (m_etag.isEmpty())
            return finish(
                ApiErrors::malformed(endpoint(), QByteArray(), QStringLiteral("no ETag in the answer")));
    }
    if (m_kind != Kind::Download && m_total >= 0 && m_done < m_total) {
        // QNAM throttles uploadProgress; a fast upload may report nothing before it ends.
        m_done = m_total;
        Q_EMIT progress(m_done, m_total);
    }
    finish(Done{});
}

void StorageTransfer::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_context->tokens())
        m_context->tokens()->cancelWaiter(this);
    releaseReply(true);
    finish(Error(Error::Kind::Cancelled, tr("The transfer was cancelled.")));
}

void StorageTransfer::finish(Status result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_watchdog)
        m_watchdog->stop();
    m_result = std::move(result);
    if (!m_result.ok())
        qCInfo(lcApi) << "storage transfer failed:" << m_result.error().toString();
    Q_EMIT finished(this);
}

} // namespace trestle
