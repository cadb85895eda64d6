#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QTcpServer>

// A tiny HTTP/1.1 server that records every request's method, target and headers and answers with
// a canned reply: a "foreign host" (e.g. 127.0.0.2, another origin than the API) to prove what a
// client sends there. Test-only; reads requests without a body or with a Content-Length body.
class HttpRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpRecorder)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QMap<QByteArray, QByteArray> headers; // names lower-cased
    };
    struct Reply
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    explicit HttpRecorder(QObject *parent = nullptr);

    bool listen(const QHostAddress &address);
    QUrl baseUrl() const; // http://<address>:<port>
    void setReply(const Reply &reply) { m_reply = reply; }
    QList<Request> requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Reply m_reply;
    QList<Request> m_requests;
};
