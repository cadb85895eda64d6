#pragma once

#include "testcertificate.h"

#include <QSslCertificate>
#include <QSslServer>
#include <QString>

// A TLS terminator on loopback in front of a plain-HTTP server (the sandbox): accepts TLS with a
// throw-away self-signed certificate (TestCertificate) and relays the decrypted bytes both ways.
// Test-only.
class TlsProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsProxy)

public:
    explicit TlsProxy(QObject *parent = nullptr);
    ~TlsProxy() override;

    // Makes the certificate (CN and SAN 127.0.0.1 and localhost) and listens on 127.0.0.1 with a
    // free port, relaying to targetPort. False with errorString() when openssl or TLS is missing.
    bool start(quint16 targetPort);
    quint16 port() const;
    QSslCertificate certificate() const { return m_certificate.certificate(); }
    QString errorString() const { return m_error; }
    int connectionsAccepted() const { return m_accepted; }
    int handshakesCompleted() const { return m_handshakes; }

private:
    void relay(QSslSocket *client);

    TestCertificate m_certificate;
    QSslServer m_server;
    QString m_error;
    quint16 m_targetPort = 0;
    int m_accepted = 0;
    int m_handshakes = 0;
};
