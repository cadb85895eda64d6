#include "httprecorder.h"

#include <QTcpSocket>
#include <QUrl>

HttpRecorder::HttpRecorder(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool HttpRecorder::listen(const QHostAddress &address)
{
    return m_server.listen(address, 0);
}

QUrl HttpRecorder::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_server.serverAddress().toString());
    url.setPort(m_server.serverPort());
    return url;
}

void HttpRecorder::serve(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            Request request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype bodyLength = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + bodyLength)
                return;
            buffer->remove(0, end + 4 + bodyLength);
            m_requests.append(request);
            QByteArray answer = "HTTP/1.1 " + QByteArray::number(m_reply.status) + " Canned\r\n";
            for (const auto &[name, value] : m_reply.headers)
                answer += name + ": " + value + "\r\n";
            answer +=
                "Content-Length: " + QByteArray::number(m_reply.body.size()) + "\r\n\r\n" + m_reply.body;
            socket->write(answer);
        }
    });
}
