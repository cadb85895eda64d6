#pragma once

#include "http/httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

namespace sandbox {

// A small HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies, large bodies
// spooled to disk, file bodies streamed with back-pressure). See httpmessage.h for why it exists.
// Behaviour in short (details in httprequestparser.h and httpconnection.h):
// - one request at a time per connection, so pipelined requests are answered in order;
// - the head is limited to 64 KiB (431), malformed input gets 400/501/505 and a closed connection,
//   and never reaches the handler; "Expect: 100-continue" is answered before the body is read;
// - the server owns Content-Length, Transfer-Encoding, Connection and Date in responses (a
//   handler's "Connection: close" is honoured; for HEAD, a handler's Content-Length is kept when
//   it gives no body); 204/304 carry no body;
// - query strings are decoded the way Rails does ('+' is a space).
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    // spoolDir: where request bodies >= 8 MiB are written while they arrive.
    HttpServer(HttpHandler handler, QString spoolDir, QObject *parent = nullptr);
    ~HttpServer() override;

    // Optional (see HttpBodyGate); every connection asks the gate set at the time.
    void setBodyGate(HttpBodyGate gate) { m_gate = std::move(gate); }

    // Before listen(): serve HTTPS with this configuration (its certificate and key) instead of
    // plain HTTP. Connections reach the handler only once their handshake is done.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isTls() const;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;

private:
    void onNewConnection();

    std::unique_ptr<QTcpServer> m_server; // a QSslServer under TLS
    HttpHandler m_handler;
    HttpBodyGate m_gate;
    QString m_spoolDir;
};

} // namespace sandbox
