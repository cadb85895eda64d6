#include "http/httpserver.h"

#include "http/httpconnection.h"

#include <QDir>
#include <QTcpSocket>

namespace sandbox {

HttpServer::HttpServer(HttpHandler handler, QString spoolDir, QObject *parent)
    : QObject(parent)
    , m_server(this)
    , m_handler(std::move(handler))
    , m_spoolDir(spoolDir.isEmpty() ? QDir::tempPath() : std::move(spoolDir))
{
    QDir().mkpath(m_spoolDir);
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    // Connections point at m_handler: they go before it does.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server.serverPort();
}

QString HttpServer::errorString() const
{
    return m_server.errorString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, &m_handler, m_spoolDir, this);
        connection->setBodyGate(&m_gate);
    }
}

} // namespace sandbox
