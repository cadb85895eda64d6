#include "tlsproxy.h"

#include <QFile>
#include <QProcess>
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
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl req failed: %1")
                      .arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    QFile certFile(cert);
    QFile keyFile(key);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the generated certificate");
        return false;
    }
    m_certificate = QSslCertificate(&certFile, QSsl::Pem);
    m_key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (m_certificate.isNull() || m_key.isNull()) {
        m_error = QStringLiteral("the generated certificate does not load");
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_certificate);
    config.setPrivateKey(m_key);
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
