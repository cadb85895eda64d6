#pragma once

// The sandbox's HTTP/1.1 transport, over real loopback sockets: QNetworkAccessManager as the
// client for everything a well-behaved client does, a raw QTcpSocket for what only a broken or
// hostile client sends. One suite in two files: tst_httpserver.cpp (normal traffic) and
// tst_httpserver_errors.cpp (faults, malformed and oversized input).

#include "http/httpserver.h"
#include "transporttestsupport.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QNetworkReply;

class TestHttpServer final : public QObject
{
    Q_OBJECT

private:
    sandbox::HttpResponse handle(const sandbox::HttpRequest &request);
    QUrl url(const QString &pathAndQuery) const;
    QNetworkReply *finished(QNetworkReply *reply, int timeoutMs = 15000); // waits for it
    // Raw exchange: connects, sends `bytes`, collects `count` responses or until the peer closes.
    QList<transporttest::RawResponse> raw(const QByteArray &bytes, int count, bool *closed = nullptr,
                                          bool headRequest = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::HttpServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_servedFile;
    QByteArray m_servedData;
    // What the handler saw last.
    sandbox::HttpRequest m_last;
    bool m_lastSpoolExisted = false;
    QByteArray m_lastSha;
    QString m_movedSpool;
    QList<QPair<QByteArray, QByteArray>> m_lastFields;
    QByteArray m_lastFilePartSha;
    QString m_lastFileName;
    int m_handled = 0;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keepAliveReusesTheConnection();
    void pipelinedRequestsAnswerInOrder();
    void connectionCloseIsHonoured();
    void pipeliningClientThatDoesNotReadIsThrottled();
    void http10ClosesByDefault();
    void chunkedUpload();
    void expectContinue();
    void largeBodyIsSpooled_data();
    void largeBodyIsSpooled();
    void largeChunkedBodyIsSpooled();
    void spoolFileMovedByHandlerIsKept();
    void fileBodyRange_data();
    void fileBodyRange();
    void headHasNoBody();
    void headWithHandlerLength();
    void delayedResponse();
    void faults_data();
    void faults();
    void malformedInput_data();
    void malformedInput();
    void oversizedHeaders();
    void queryDecoding();
    void multipartUploadThroughServer();
    void tlsServesFilesAndBodies();
};
