#include "tlsproxy.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

TlsProxy::TlsProxy(QObject *parent) : QObject(parent) { }

TlsProxy::~TlsProxy() = default;

bool TlsProxy::start(quint16 targetPort)
{
    m_targetPort = targetPort;
    if (!QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("no TLS backend");
        return false;
    }
    if (!m_certificate.make()) {
        m_error = m_certificate.errorString();
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_certificate.certificate());
    config.setPrivateKey(m_certificate.key());
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // the server side does not ask for a client cert
    m_server.setSslConfiguration(config);
    connect(&m_server, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_accepted; });
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            relay(qobject_cast<QSslSocket *>(socket));
    });
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

quint16 TlsProxy::port() const
{
    return m_server.serverPort();
}

void TlsProxy::relay(QSslSocket *client)
{
    if (!client)
        return;
    ++m_handshakes; // nextPendingConnection() hands out only encrypted (handshake done) sockets
    auto *upstream = new QTcpSocket(client);
    upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    connect(client, &QIODevice::readyRead, upstream,
            [client, upstream] { upstream->write(client->readAll()); });
    connect(upstream, &QIODevice::readyRead, client,
            [client, upstream] { client->write(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
    if (client->bytesAvailable() > 0)
        upstream->write(client->readAll());
}
