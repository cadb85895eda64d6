#include "http/httpconnection.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <exception>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#endif

namespace sandbox {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 206:
        return QByteArrayLiteral("Partial Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 416:
        return QByteArrayLiteral("Range Not Satisfiable");
    case 417:
        return QByteArrayLiteral("Expectation Failed");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    case 507:
        return QByteArrayLiteral("Insufficient Storage");
    default:
        return QByteArrayLiteral("Status");
    }
}

// RFC 9110 §5.6.7 IMF-fixdate, always in English.
QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

bool isServerOwnedHeader(const QByteArray &name)
{
    static const char *const owned[] = {"Content-Length", "Transfer-Encoding", "Connection", "Date"};
    return std::any_of(std::begin(owned), std::end(owned),
                       [&](const char *o) { return name.compare(o, Qt::CaseInsensitive) == 0; });
}

// abort() alone sends a FIN when no unread data is pending; SO_LINGER {on, 0} turns the close into
// a real RST, which is what "connection reset by peer" looks like in production.
void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const linger hard{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    socket->abort();
}

// Acknowledge what arrived now instead of up to 40 ms later. A client with Nagle's algorithm on
// (QNetworkAccessManager never sets TCP_NODELAY) holds the next part of a request body until its
// previous small segment is acknowledged, and a Linux receiver in "ping-pong" mode (it answered
// the previous request on this connection) delays that acknowledgement for at least 40 ms,
// hoping to piggyback it on an answer that cannot come before the body is complete. On loopback
// every 16 KiB body chunk is such a small segment (the MSS is 64 KiB), so each request whose body
// needs a second write stalled for 40 ms: a 20 KiB form upload took 48 ms instead of 1. Over a
// real network a chunk travels as full-sized segments, which are acknowledged at once, so the
// stall is mostly a loopback artefact. Quick-ACK mode is not sticky, hence set after every read.
// TRESTLE_SANDBOX_DELAYED_ACK=1 brings the delay back (tst_upload_latency's control run).
void acknowledgeNow(QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    static const bool delayed = qEnvironmentVariableIsSet("TRESTLE_SANDBOX_DELAYED_ACK");
    if (delayed)
        return;
    const int on = 1;
    ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket)
#endif
}

#ifdef Q_OS_LINUX
constexpr bool kHaveSendfile = true;
#else
constexpr bool kHaveSendfile = false;
#endif

bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpHandler *handler, const QString &spoolDir,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_parser(spoolDir)
    , m_in(int(kReadChunk), Qt::Uninitialized)
{
    m_socket->setParent(this);
    // Bounded read buffer: a fast uploader is slowed by TCP flow control instead of filling memory.
    m_socket->setReadBufferSize(2 * kReadChunk);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_phase == Phase::Responding && m_file)
            pumpFile();
        else if (m_phase == Phase::Reading && m_socket->bytesToWrite() <= kWriteHighWater)
            processInput();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_phase = Phase::Closing;
        m_file.reset();
        deleteLater();
    });
    QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::processInput()
{
    // A client that pipelines requests but does not read the answers: stop reading its requests
    // until it catches up (bytesWritten resumes us), instead of queueing responses without bound.
    if (m_socket->bytesToWrite() > kWriteHighWater)
        return;
    while (m_phase == Phase::Reading) {
        if (m_inPos >= m_inLen) {
            m_inPos = 0;
            m_inLen = std::max<qint64>(m_socket->read(m_in.data(), m_in.size()), 0);
            if (m_inLen == 0)
                return; // wait for readyRead
            acknowledgeNow(m_socket);
        }
        qint64 available = m_inLen - m_inPos;
        if (m_cutAt >= 0 && m_parser.state() == HttpRequestParser::State::Body) {
            // Read no further than the cut, so the cut falls mid-body even for a fast client.
            available = std::min(available, m_cutAt - m_parser.current().bodySize);
            if (available <= 0) {
                cutMidBody();
                return;
            }
        }
        m_inPos += m_parser.feed(m_in.constData() + m_inPos, available);
        if (m_parser.takeContinueRequest())
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        switch (m_parser.state()) {
        case HttpRequestParser::State::Head:
            break;
        case HttpRequestParser::State::Body:
            askGate();
            if (m_cutAt >= 0 && m_parser.current().bodySize >= m_cutAt) {
                cutMidBody();
                return;
            }
            break;
        case HttpRequestParser::State::Error:
            sendError(m_parser.errorStatus(), m_parser.errorReason());
            return;
        case HttpRequestParser::State::Complete:
            askGate();
            // A small body may arrive whole with its head: it is cut all the same, unanswered.
            if (m_cutAt >= 0) {
                cutMidBody();
                return;
            }
            dispatch();
            return;
        }
    }
}

void HttpConnection::askGate()
{
    if (m_gateAsked)
        return;
    m_gateAsked = true;
    m_cutAt = -1;
    if (!m_gate || !*m_gate)
        return;
    const HttpRequest &current = m_parser.current();
    HttpRequest head;
    head.method = current.method;
    head.target = current.target;
    head.path = current.path;
    head.query = current.query;
    head.headers = current.headers;
    head.peerHost = m_socket->peerAddress().toString().toLatin1();
    head.localPort = m_socket->localPort();
    head.peerPort = m_socket->peerPort();
    m_cutAt = (*m_gate)(head);
}

void HttpConnection::cutMidBody()
{
    // The handler never sees the request; the parser's destructor removes a spool file.
    m_phase = Phase::Closing;
    resetConnection(m_socket);
}

void HttpConnection::dispatch()
{
    m_gateAsked = false;
    m_cutAt = -1;
    const bool keepAlive = m_parser.keepAlive();
    HttpRequest request = m_parser.takeRequest();
    request.peerHost = m_socket->peerAddress().toString().toLatin1();
    request.localPort = m_socket->localPort();
    request.peerPort = m_socket->peerPort();
    const bool headRequest = request.method == "HEAD";

    HttpResponse response;
    try {
        response = (*m_handler)(request);
    } catch (const std::exception &e) {
        response = HttpResponse::text(500, QByteArray("Handler failed: ") + e.what(), "text/plain");
    }
    // The spool file is ours again unless the handler moved it away (e.g. into the blob store).
    if (!request.bodyFile.isEmpty() && QFile::exists(request.bodyFile))
        QFile::remove(request.bodyFile);
    startResponse(std::move(response), headRequest, keepAlive);
}

void HttpConnection::sendError(int status, const QByteArray &reason)
{
    HttpResponse response = HttpResponse::text(status, reason + '\n', "text/plain; charset=utf-8");
    startResponse(std::move(response), false, false);
}

void HttpConnection::startResponse(HttpResponse response, bool headRequest, bool keepAlive)
{
    m_phase = Phase::Responding;
    m_response = std::move(response);
    m_headRequest = headRequest;
    bool handlerCloses = false; // a handler may end the connection with "Connection: close"
    for (const auto &h : std::as_const(m_response.headers)) {
        if (h.first.compare("Connection", Qt::CaseInsensitive) == 0 && h.second.toLower().contains("close"))
            handlerCloses = true;
    }
    m_keepAlive = keepAlive && !handlerCloses && m_response.fault == HttpResponse::Fault::None;
    if (m_response.delayMs > 0)
        QTimer::singleShot(m_response.delayMs, this, &HttpConnection::writeResponse);
    else
        writeResponse();
}

QByteArray HttpConnection::responseHead(qint64 contentLength, bool withLength) const
{
    QByteArray head;
    head.reserve(512);
    head +=
        "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + reasonPhrase(m_response.status) + "\r\n";
    for (const auto &h : m_response.headers) {
        if (isServerOwnedHeader(h.first))
            continue;
        // A handler bug must not become a response-splitting bug.
        QByteArray value = h.second;
        value.replace('\r', ' ').replace('\n', ' ');
        head += h.first + ": " + value + "\r\n";
    }
    head += "Date: " + httpDate() + "\r\n";
    head += m_keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                        : QByteArrayLiteral("Connection: close\r\n");
    if (withLength)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += "\r\n";
    return head;
}

void HttpConnection::writeResponse()
{
    if (m_phase != Phase::Responding)
        return;
    using Fault = HttpResponse::Fault;
    if (m_response.fault == Fault::ResetBeforeResponse) {
        m_phase = Phase::Closing;
        resetConnection(m_socket); // no response: the client sees "connection reset by peer"
        return;
    }

    qint64 length = m_response.body.size();
    if (!m_response.bodyFile.isEmpty()) {
        auto file = std::make_unique<QFile>(m_response.bodyFile);
        const qint64 fileSize = QFileInfo(m_response.bodyFile).size();
        const qint64 offset = std::clamp<qint64>(m_response.bodyFileOffset, 0, fileSize);
        length = m_response.bodyFileLength < 0 ? fileSize - offset
                                               : std::min(m_response.bodyFileLength, fileSize - offset);
        if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !file->seek(offset)) {
            m_response = HttpResponse::text(500, "Cannot read the response body file\n", "text/plain");
            m_keepAlive = false;
            length = m_response.body.size();
        } else {
            m_file = std::move(file);
            // The switch lets tests and benchmarks exercise the portable path on Linux too.
            // Never under TLS: sendfile would put the file's plain bytes on the encrypted stream.
            m_useSendfile = kHaveSendfile && !qobject_cast<QSslSocket *>(m_socket)
                && !qEnvironmentVariableIsSet("TRESTLE_SANDBOX_NO_SENDFILE");
        }
    }

    const bool hasBody = statusHasBody(m_response.status);
    const bool sendBody = hasBody && !m_headRequest && length > 0;
    // A HEAD handler may state the size of what a GET would send without producing the body.
    qint64 announced = length;
    if (m_headRequest && length == 0 && !m_file) {
        for (const auto &h : std::as_const(m_response.headers)) {
            if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0)
                announced = std::max<qint64>(h.second.toLongLong(), 0);
        }
    }
    QByteArray head = responseHead(announced, hasBody);
    qint64 toSend = sendBody ? length : 0;
    if (m_response.fault != Fault::None) {
        toSend /= 2;
        // Nothing to cut short: cut the head instead, so the fault is always visible to the client.
        if (!sendBody)
            head.chop(2);
    }

    if (!m_file) {
        // Head and a memory body in one write: one segment for small replies, no Nagle delay.
        m_socket->write(toSend > 0 ? head + m_response.body.left(toSend) : head);
        m_response.body = QByteArray();
        finishBody();
        return;
    }
    m_socket->write(head);
    m_fileToSend = toSend;
    pumpFile();
}

void HttpConnection::pumpFile()
{
    if (m_pumping || !m_file)
        return;
    m_pumping = true;
    if (m_useSendfile && !sendFileDirect()) {
        m_pumping = false;
        return;
    }
    while (m_fileToSend > 0 && m_socket->bytesToWrite() < kWriteHighWater) {
        // With sendfile, one small buffered write only serves to be woken by bytesWritten when the
        // socket drains; the bulk goes through sendFileDirect().
        const qint64 chunkSize = m_useSendfile ? kWakeUpChunk : kFileChunk;
        QByteArray chunk(int(std::min(chunkSize, m_fileToSend)), Qt::Uninitialized);
        const qint64 n = m_file->read(chunk.data(), chunk.size());
        if (n <= 0) {
            // The file shrank under us: we cannot honour the Content-Length we sent.
            m_pumping = false;
            m_phase = Phase::Closing;
            resetConnection(m_socket);
            return;
        }
        chunk.truncate(int(n));
        m_socket->write(chunk);
        m_fileToSend -= n;
        if (m_useSendfile)
            break;
    }
    m_pumping = false;
    if (m_fileToSend == 0)
        finishBody();
}

bool HttpConnection::sendFileDirect()
{
#ifdef Q_OS_LINUX
    // Only when Qt has nothing queued, so the bytes stay in order on the wire.
    if (m_socket->bytesToWrite() > 0)
        return true;
    off_t offset = m_file->pos();
    const off_t start = offset;
    bool broken = false;
    while (m_fileToSend > 0) {
        const ssize_t n = ::sendfile(int(m_socket->socketDescriptor()), m_file->handle(), &offset,
                                     size_t(std::min<qint64>(m_fileToSend, 64 * 1024 * 1024)));
        if (n > 0) {
            m_fileToSend -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break; // the socket is full: the buffered path below arranges the wake-up
        if (n < 0 && (errno == EINVAL || errno == ENOSYS) && offset == start) {
            m_useSendfile = false; // a file system without sendfile: plain reads and writes
            break;
        }
        broken = true; // the file shrank (n == 0) or the peer went away
        break;
    }
    if (offset != start)
        m_file->seek(offset); // sendfile leaves the file position alone
    if (broken) {
        m_phase = Phase::Closing;
        resetConnection(m_socket);
        return false;
    }
    if (m_fileToSend == 0) {
        finishBody();
        return false;
    }
#endif
    return true;
}

void HttpConnection::finishBody()
{
    m_file.reset();
    m_fileToSend = 0;
    switch (m_response.fault) {
    case HttpResponse::Fault::TruncateBody:
        closeGracefully(); // after the partial body is flushed
        return;
    case HttpResponse::Fault::StallBody:
        m_phase = Phase::Closing;
        QTimer::singleShot(kStallMs, this, [this] { m_socket->abort(); });
        return;
    case HttpResponse::Fault::ResetBeforeResponse:
    case HttpResponse::Fault::None:
        break;
    }
    m_response = HttpResponse();
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    m_phase = Phase::Reading;
    m_parser.reset();
    // Bytes of a pipelined request may already sit in our buffer or the socket's: no readyRead
    // will announce them again.
    QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_socket->disconnectFromHost(); // writes what is queued, then closes
}

} // namespace sandbox
