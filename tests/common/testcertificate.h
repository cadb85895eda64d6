#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

// A throw-away self-signed certificate for 127.0.0.1 and localhost, made at test time by the
// `openssl` command line into a private temporary folder that goes with the object: no key is
// ever committed. For the TLS test servers (the security suite's proxy, the sandbox's --tls-*).
class TestCertificate final
{
    Q_DISABLE_COPY_MOVE(TestCertificate)

public:
    TestCertificate() = default;

    // False with errorString() when openssl is missing or its output does not load.
    bool make();
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    QSslCertificate certificate() const { return m_certificate; }
    QSslKey key() const { return m_key; }
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_error;
};
