#pragma once

#include "http/httpmessage.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace sandbox {

// Turns the bytes one connection receives into complete HttpRequests, one request at a time, so
// pipelined requests are answered in order: feed() stops consuming at the end of a request and the
// caller keeps the rest for the next one. Never trusts its input: every malformed or oversized
// element ends in the Error state with a status code, never in a crash or unbounded memory.
class HttpRequestParser final
{
    Q_DISABLE_COPY_MOVE(HttpRequestParser)

public:
    enum class State { Head, Body, Complete, Error };

    static constexpr qint64 kInMemoryBodyLimit = 8 * 1024 * 1024; // larger bodies go to spoolDir
    static constexpr int kMaxHeadSize = 64 * 1024; // request line + headers
    static constexpr int kMaxHeaderCount = 200;

    explicit HttpRequestParser(QString spoolDir);
    ~HttpRequestParser(); // removes a spool file nobody took

    // Consumes bytes until the request is complete or broken; returns how many it consumed.
    qint64 feed(const char *data, qint64 size);

    State state() const { return m_state; }
    // Valid in Error: the status to answer with (400, 413, 431, 501, 505, 507) and a short reason.
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorReason() const { return m_errorReason; }

    // True once, right after the head of a request that asked for "Expect: 100-continue" and whose
    // body has not arrived yet: the caller answers "100 Continue".
    bool takeContinueRequest();
    bool keepAlive() const { return m_keepAlive; }
    bool isHead() const { return m_request.method == "HEAD"; }

    // The request being parsed: its head once the state is Body or Complete, and in
    // `bodySize` how many body bytes arrived so far.
    const HttpRequest &current() const { return m_request; }

    // In Complete: hands over the request; the spool file (if any) now belongs to the caller.
    HttpRequest takeRequest();
    void reset(); // ready for the next request on the same connection

private:
    enum class BodyMode { None, Length, ChunkSize, ChunkData, ChunkDataEnd, Trailers };

    qint64 feedHead(const char *data, qint64 size);
    qint64 feedBody(const char *data, qint64 size);
    qint64 feedLine(const char *data, qint64 size, bool *complete); // into m_line, up to LF
    bool parseHead();
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaders(const QList<QByteArray> &lines);
    bool setupBody();
    bool appendBody(const char *data, qint64 size);
    bool startSpool();
    bool parseChunkSize();
    void finish();
    void fail(int status, const QByteArray &reason);
    void dropSpool();

    QString m_spoolDir;
    State m_state = State::Head;
    BodyMode m_bodyMode = BodyMode::None;
    HttpRequest m_request;
    QByteArray m_head;
    int m_headScanFrom = 0;
    QByteArray m_line; // a chunk-size or trailer line being collected
    qint64 m_remaining = 0; // of the current Content-Length body or chunk
    int m_trailerBytes = 0;
    std::unique_ptr<QFile> m_spool;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_continuePending = false;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace sandbox
