#include "http/httpserver.h"

#include "http/httpconnection.h"

#include <QDir>
#include <QSslServer>
#include <QTcpSocket>

namespace sandbox {

HttpServer::HttpServer(HttpHandler handler, QString spoolDir, QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QTcpServer>())
    , m_handler(std::move(handler))
    , m_spoolDir(spoolDir.isEmpty() ? QDir::tempPath() : std::move(spoolDir))
{
    QDir().mkpath(m_spoolDir);
    // pendingConnectionAvailable, not newConnection: a QSslServer has a connection to hand out
    // only once its handshake is done (a QTcpServer emits both at once).
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
}

void HttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
}

bool HttpServer::isTls() const
{
    return qobject_cast<QSslServer *>(m_server.get()) != nullptr;
}

HttpServer::~HttpServer()
{
    // Connections point at m_handler: they go before it does.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, &m_handler, m_spoolDir, this);
        connection->setBodyGate(&m_gate);
    }
}

} // namespace sandbox
