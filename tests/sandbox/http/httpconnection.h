#pragma once

#include "http/httpmessage.h"
#include "http/httprequestparser.h"

#include <QByteArray>
#include <QFile>
#include <QObject>

#include <memory>

class QTcpSocket;

namespace sandbox {

// One client connection of HttpServer: reads requests (HttpRequestParser), calls the handler once
// a whole request is in, and writes the response, streaming file bodies with back-pressure so a
// multi-GiB download costs a few MiB of memory. Requests are answered one at a time: while a
// response is being written nothing more is parsed, which keeps pipelined responses in order and
// lets TCP flow control slow down a client that sends faster than we answer. Deletes itself when
// the socket disconnects.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // The handler must outlive the connection (HttpServer deletes its connections first).
    HttpConnection(QTcpSocket *socket, const HttpHandler *handler, const QString &spoolDir, QObject *parent);
    ~HttpConnection() override;

    // Optional; must outlive the connection like the handler. See HttpBodyGate.
    void setBodyGate(const HttpBodyGate *gate) { m_gate = gate; }

    static constexpr qint64 kFileChunk = 512 * 1024; // read from a body file per write
    static constexpr qint64 kWriteHighWater = 2 * 1024 * 1024; // max bytes queued in the socket
    static constexpr qint64 kWakeUpChunk = 64 * 1024; // see pumpFile()
    static constexpr qint64 kReadChunk = 1024 * 1024; // socket read buffer and parse step
    static constexpr int kStallMs = 120 * 1000; // how long a StallBody response hangs

private:
    enum class Phase { Reading, Responding, Closing };

    void processInput();
    void dispatch();
    void askGate(); // once per request, when its head is in
    void cutMidBody();
    void sendError(int status, const QByteArray &reason);
    void startResponse(HttpResponse response, bool headRequest, bool keepAlive);
    void writeResponse();
    QByteArray responseHead(qint64 contentLength, bool withLength) const;
    void pumpFile();
    bool sendFileDirect(); // Linux: file to socket in the kernel; false when done or closed
    void finishBody();
    void closeGracefully();

    QTcpSocket *m_socket;
    const HttpHandler *m_handler;
    HttpRequestParser m_parser;
    const HttpBodyGate *m_gate = nullptr;
    bool m_gateAsked = false; // for the request being read
    qint64 m_cutAt = -1; // body bytes after which the connection is reset; -1: never
    Phase m_phase = Phase::Reading;

    QByteArray m_in; // raw bytes read from the socket, not yet parsed from m_inPos on
    qint64 m_inPos = 0;
    qint64 m_inLen = 0;

    HttpResponse m_response;
    bool m_headRequest = false;
    bool m_keepAlive = true;
    std::unique_ptr<QFile> m_file; // the response body file being streamed
    qint64 m_fileToSend = 0;
    bool m_pumping = false;
    // sendfile(2) skips two copies through user space (about 2x faster on loopback).
    bool m_useSendfile = false;
};

} // namespace sandbox
