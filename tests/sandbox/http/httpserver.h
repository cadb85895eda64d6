#pragma once

#include "http/httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace sandbox {

// A small HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies, large bodies
// spooled to disk, file bodies streamed with back-pressure). See httpmessage.h for why it exists.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    // spoolDir: where request bodies >= 8 MiB are written while they arrive.
    HttpServer(HttpHandler handler, QString spoolDir, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;

private:
    void onNewConnection();

    QTcpServer m_server;
    HttpHandler m_handler;
    QString m_spoolDir;
};

} // namespace sandbox
