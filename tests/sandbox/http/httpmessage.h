#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace sandbox {

// Why a hand-made HTTP/1.1 server and not QHttpServer: Qt 6.4's QHttpServer buffers every
// request body in memory (QHttpServerRequest::body()), so a 2 GiB upload would cost 2 GiB of RSS,
// and it offers no way to reset a connection, truncate or stall a body on purpose, which the
// fault switches need. This server streams large bodies to disk and file bodies from disk.

using HeaderList = QList<QPair<QByteArray, QByteArray>>; // names as received; look-ups ignore case

struct HttpRequest
{
    QByteArray method; // "GET", "POST", …
    QByteArray target; // raw request target, e.g. "/rest/v1.0/folders?project_id=1"
    QString path; // decoded path, e.g. "/rest/v1.0/folders"
    QUrlQuery query; // decoded query
    HeaderList headers;
    QByteArray peerHost; // e.g. "127.0.0.1"
    quint16 localPort = 0; // which listener received it (API port or storage port)
    quint16 peerPort = 0; // the client's port: equal on two requests = one keep-alive connection

    // The body. Small bodies (< 8 MiB) are held in `body`; larger ones are spooled to a temporary
    // file whose path is `bodyFile` (removed after the handler returns, unless the handler moved
    // it away). bodyDevice() opens whichever holds it.
    QByteArray body;
    QString bodyFile;
    qint64 bodySize = 0;

    QByteArray header(const QByteArray &name) const; // first match, case-insensitive; empty if none
    std::unique_ptr<QIODevice> bodyDevice() const; // opened read-only, positioned at 0
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body; // used when bodyFile is empty
    // Stream a file (or a byte range of it) instead of `body`, never reading it whole.
    QString bodyFile;
    qint64 bodyFileOffset = 0;
    qint64 bodyFileLength = -1; // -1: to the end of the file

    // Transport faults, applied by the server when writing this response.
    enum class Fault { None, ResetBeforeResponse, TruncateBody, StallBody };
    Fault fault = Fault::None;
    int delayMs = 0; // latency before the response is written

    void setHeader(const QByteArray &name, const QByteArray &value); // replaces, case-insensitive
    static HttpResponse json(int status, const QByteArray &jsonBody);
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType);
};

// A handler answers a complete request (headers + body received). It runs on the server's
// thread; it must not block.
using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// Asked once per request, as soon as its head is parsed (body not yet, or only partly, read; the
// request's body fields are empty): how many body bytes to read before the connection is reset
// without an answer and without calling the handler, or -1 to let the request through. The
// sandbox's "reset_mid_body" fault: an upload cut off before the server acted on it.
using HttpBodyGate = std::function<qint64(const HttpRequest &head)>;

} // namespace sandbox
