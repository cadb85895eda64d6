#include "tst_httpserver.h"

#include "http/multipartreader.h"
#include "testcertificate.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QHttpMultiPart>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>

using namespace sandbox;
using namespace transporttest;

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(pathAndQuery));
}

QNetworkReply *TestHttpServer::finished(QNetworkReply *reply, int timeoutMs)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(timeoutMs);
    }
    return reply;
}

HttpResponse TestHttpServer::handle(const HttpRequest &request)
{
    ++m_handled;
    m_last = request;
    m_lastSpoolExisted = !request.bodyFile.isEmpty() && QFile::exists(request.bodyFile);
    {
        auto device = request.bodyDevice();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (device)
            hash.addData(device.get());
        m_lastSha = hash.result().toHex();
    }

    if (request.path == QLatin1String("/echo")) {
        HttpResponse r = HttpResponse::text(200, request.method + ' ' + request.target, "text/plain");
        r.setHeader("X-Body-Size", QByteArray::number(request.bodySize));
        return r;
    }
    if (request.path == QLatin1String("/close")) {
        HttpResponse r = HttpResponse::text(200, "bye", "text/plain");
        r.setHeader("Connection", "close");
        return r;
    }
    if (request.path == QLatin1String("/file") || request.path == QLatin1String("/fault")) {
        HttpResponse r;
        r.bodyFile = m_servedFile;
        r.bodyFileOffset = request.query.queryItemValue(QStringLiteral("offset")).toLongLong();
        if (request.query.hasQueryItem(QStringLiteral("length")))
            r.bodyFileLength = request.query.queryItemValue(QStringLiteral("length")).toLongLong();
        const QString kind = request.query.queryItemValue(QStringLiteral("kind"));
        if (kind == QLatin1String("reset"))
            r.fault = HttpResponse::Fault::ResetBeforeResponse;
        else if (kind == QLatin1String("truncate"))
            r.fault = HttpResponse::Fault::TruncateBody;
        else if (kind == QLatin1String("stall"))
            r.fault = HttpResponse::Fault::StallBody;
        if (request.query.hasQueryItem(QStringLiteral("memory"))) { // the same bytes from memory
            r.body = m_servedData;
            r.bodyFile.clear();
        }
        return r;
    }
    if (request.path == QLatin1String("/head-size")) {
        HttpResponse r;
        r.setHeader("Content-Length", "12345");
        return r;
    }
    if (request.path == QLatin1String("/delay")) {
        HttpResponse r = HttpResponse::json(200, "{\"delayed\":true}");
        r.delayMs = 200;
        return r;
    }
    if (request.path == QLatin1String("/keep")) {
        m_movedSpool = m_dir->filePath(QStringLiteral("kept.bin"));
        QFile::remove(m_movedSpool);
        QFile::rename(request.bodyFile, m_movedSpool);
        return HttpResponse::json(201, "{}");
    }
    if (request.path == QLatin1String("/multipart")) {
        auto device = request.bodyDevice();
        MultipartReader reader(device.get(), MultipartReader::boundaryOf(request.header("Content-Type")));
        QBuffer fileSink;
        fileSink.open(QIODevice::WriteOnly);
        m_lastFields.clear();
        const bool ok = reader.readAll(&m_lastFields, [&](const MultipartReader::Part &part) {
            m_lastFileName = part.fileName;
            return &fileSink;
        });
        m_lastFilePartSha = sha256(fileSink.data());
        return ok ? HttpResponse::json(200, "{}") : HttpResponse::json(422, reader.errorString().toUtf8());
    }
    return HttpResponse::json(404, "{\"errors\":\"not found\"}");
}

QList<RawResponse> TestHttpServer::raw(const QByteArray &bytes, int count, bool *closed, bool headRequest)
{
    QTcpSocket socket;
    if (!connectSocket(socket, m_server->port()))
        return {};
    socket.write(bytes);
    QByteArray buf;
    QList<RawResponse> out;
    QDeadlineTimer deadline(10000);
    bool isClosed = false;
    while (out.size() < count && !deadline.hasExpired()) {
        RawResponse r;
        if (takeResponse(buf, &r, headRequest && out.isEmpty())) {
            out.append(r);
            continue;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
            isClosed = true;
            break;
        }
        waitForInput(socket, 200);
        buf += socket.readAll();
    }
    if (closed) {
        // After the wanted responses, does the server close? (Wait briefly for the FIN.)
        QDeadlineTimer closeDeadline(1500);
        while (!isClosed && !closeDeadline.hasExpired()) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                isClosed = true;
                break;
            }
            waitForInput(socket, 100);
            buf += socket.readAll();
        }
        *closed = isClosed;
    }
    return out;
}

void TestHttpServer::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_servedData = randomBytes(3 * 1024 * 1024 + 123, 7);
    m_servedFile = m_dir->filePath(QStringLiteral("served.bin"));
    QFile f(m_servedFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_servedData);
    f.close();
    m_server = std::make_unique<HttpServer>([this](const HttpRequest &r) { return handle(r); },
                                            m_dir->filePath(QStringLiteral("spool")));
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
}

void TestHttpServer::cleanupTestCase()
{
    m_server.reset();
}

void TestHttpServer::keepAliveReusesTheConnection()
{
    QList<quint16> ports;
    for (int i = 0; i < 5; ++i) {
        std::unique_ptr<QNetworkReply> reply(
            finished(m_nam.get(QNetworkRequest(url(QStringLiteral("/echo"))))));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray("GET /echo"));
        QVERIFY(!reply->rawHeader("Date").isEmpty());
        QCOMPARE(reply->rawHeader("Connection").toLower(), QByteArray("keep-alive"));
        ports.append(m_last.peerPort);
    }
    for (quint16 port : ports)
        QCOMPARE(port, ports.first());
    QCOMPARE(m_last.peerHost, QByteArray("127.0.0.1"));
    QCOMPARE(m_last.localPort, m_server->port());
}

void TestHttpServer::pipelinedRequestsAnswerInOrder()
{
    QByteArray requests;
    for (int i = 0; i < 4; ++i)
        requests += "GET /echo?n=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    // One of them with a body, so the parser must stop exactly at its end.
    requests += "POST /echo?n=4 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    requests += "GET /file?offset=10&length=20 HTTP/1.1\r\nHost: x\r\n\r\n";
    const QList<RawResponse> responses = raw(requests, 6);
    QCOMPARE(responses.size(), 6);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(responses.at(i).body, "GET /echo?n=" + QByteArray::number(i));
    QCOMPARE(responses.at(4).body, QByteArray("POST /echo?n=4"));
    QCOMPARE(responses.at(4).header("X-Body-Size"), QByteArray("5"));
    QCOMPARE(responses.at(5).body, m_servedData.mid(10, 20));
}

void TestHttpServer::pipeliningClientThatDoesNotReadIsThrottled()
{
    // 40 pipelined requests for 3 MiB in-memory bodies from a client that reads nothing: the
    // server must stop taking requests once its send queue is full, not build 120 MiB of replies.
    constexpr int count = 40;
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024); // so this client really stops reading
    QVERIFY(connectSocket(socket, m_server->port()));
    const int handledBefore = m_handled;
    QByteArray requests;
    for (int i = 0; i < count; ++i)
        requests += "GET /file?memory&n=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    socket.write(requests);
    QTest::qWait(500);
    const int handledWhileStalled = m_handled - handledBefore;
    QVERIFY2(handledWhileStalled < count / 2, qPrintable(QString::number(handledWhileStalled)));

    // Once the client reads, every answer arrives, complete and in order.
    socket.setReadBufferSize(0);
    QByteArray buf;
    int received = 0;
    QDeadlineTimer deadline(20000);
    while (received < count && !deadline.hasExpired()) {
        RawResponse r;
        while (takeResponse(buf, &r)) {
            QCOMPARE(r.status, 200);
            QVERIFY(r.body == m_servedData);
            ++received;
        }
        if (received < count) {
            waitForInput(socket, 200);
            buf += socket.readAll();
        }
    }
    QCOMPARE(received, count);
    QCOMPARE(m_handled - handledBefore, count);
    QCOMPARE(m_last.target, QByteArray("/file?memory&n=") + QByteArray::number(count - 1));
}

void TestHttpServer::connectionCloseIsHonoured()
{
    bool closed = false;
    QList<RawResponse> r = raw("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 1, &closed);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().header("Connection"), QByteArray("close"));
    QVERIFY(closed);

    // The handler can close too.
    r = raw("GET /close HTTP/1.1\r\nHost: x\r\n\r\n", 1, &closed);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().body, QByteArray("bye"));
    QVERIFY(closed);

    // And without either, the connection stays open.
    r = raw("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n", 1, &closed);
    QCOMPARE(r.size(), 1);
    QVERIFY(!closed);
}

void TestHttpServer::http10ClosesByDefault()
{
    bool closed = false;
    QList<RawResponse> r = raw("GET /echo HTTP/1.0\r\n\r\n", 1, &closed);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().status, 200);
    QVERIFY(closed);
    r = raw("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 1, &closed);
    QCOMPARE(r.size(), 1);
    QVERIFY(!closed);
}

void TestHttpServer::chunkedUpload()
{
    const QByteArray body = "Hello, chunked world! 0123456789";
    QByteArray request = "PUT /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    request += "5\r\nHello\r\n";
    request += "2;ext=\"v\"\r\n, \r\n"; // a chunk extension
    request += "19\r\n" + body.mid(7) + "\r\n";
    request += "0\r\nX-Trailer: t\r\n\r\n";
    request += "GET /echo?after HTTP/1.1\r\nHost: x\r\n\r\n";
    const QList<RawResponse> r = raw(request, 2);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r.at(0).status, 200);
    QCOMPARE(r.at(0).header("X-Body-Size"), QByteArray::number(body.size()));
    QCOMPARE(r.at(1).body, QByteArray("GET /echo?after"));
    // m_last is the second request now; check the first one's bytes by repeating it alone.
    const QList<RawResponse> again = raw(request.left(request.indexOf("GET /echo?after")), 1);
    QCOMPARE(again.size(), 1);
    QCOMPARE(m_last.body, body);
    QCOMPARE(m_lastSha, sha256(body));
}

void TestHttpServer::expectContinue()
{
    QTcpSocket socket;
    QVERIFY(connectSocket(socket, m_server->port()));
    socket.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    QByteArray buf;
    QDeadlineTimer deadline(10000);
    while (!buf.contains("\r\n\r\n") && !deadline.hasExpired()) {
        waitForInput(socket, 200);
        buf += socket.readAll();
    }
    QCOMPARE(buf, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    const int handledBefore = m_handled;
    socket.write("body");
    buf.clear();
    RawResponse r;
    while (!takeResponse(buf, &r) && !deadline.hasExpired()) {
        waitForInput(socket, 200);
        buf += socket.readAll();
    }
    QCOMPARE(r.status, 200);
    QCOMPARE(m_handled, handledBefore + 1);
    QCOMPARE(m_last.body, QByteArray("body"));
}

void TestHttpServer::largeBodyIsSpooled_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("spooled");
    QTest::newRow("just below the limit") << qint64(8 * 1024 * 1024 - 1) << false;
    QTest::newRow("at the limit") << qint64(8 * 1024 * 1024) << true;
    QTest::newRow("20 MiB") << qint64(20 * 1024 * 1024) << true;
}

void TestHttpServer::largeBodyIsSpooled()
{
    QFETCH(qint64, size);
    QFETCH(bool, spooled);
    const QByteArray data = randomBytes(size, 11);
    const QString upload = m_dir->filePath(QStringLiteral("upload.bin"));
    {
        QFile f(upload);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    QFile source(upload);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QNetworkRequest request(url(QStringLiteral("/echo")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    std::unique_ptr<QNetworkReply> reply(finished(m_nam.post(request, &source)));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(m_last.bodySize, size);
    QCOMPARE(m_lastSha, sha256(data));
    if (spooled) {
        QVERIFY(!m_last.bodyFile.isEmpty());
        QVERIFY(m_lastSpoolExisted);
        QVERIFY(m_last.body.isEmpty()); // not held in memory
        QVERIFY(m_last.bodyFile.startsWith(m_dir->filePath(QStringLiteral("spool"))));
        QVERIFY(!QFile::exists(m_last.bodyFile)); // removed after the handler returned
    } else {
        QVERIFY(m_last.bodyFile.isEmpty());
        QCOMPARE(m_last.body.size(), size);
    }
}

void TestHttpServer::largeChunkedBodyIsSpooled()
{
    // A chunked body has no announced size: it starts in memory and moves to disk at the limit.
    const QByteArray data = randomBytes(9 * 1024 * 1024 + 5, 13);
    QByteArray request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype pos = 0; pos < data.size(); pos += 300000) {
        const QByteArray chunk = data.mid(pos, 300000);
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    request += "0\r\n\r\n";
    const QList<RawResponse> r = raw(request, 1);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().status, 200);
    QCOMPARE(m_last.bodySize, qint64(data.size()));
    QVERIFY(!m_last.bodyFile.isEmpty());
    QVERIFY(m_last.body.isEmpty());
    QCOMPARE(m_lastSha, sha256(data));
    QVERIFY(!QFile::exists(m_last.bodyFile));
}

void TestHttpServer::spoolFileMovedByHandlerIsKept()
{
    const QByteArray data = randomBytes(9 * 1024 * 1024, 17);
    QNetworkRequest request(url(QStringLiteral("/keep")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    std::unique_ptr<QNetworkReply> reply(finished(m_nam.put(request, data)));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QFile kept(m_movedSpool);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.size(), qint64(data.size()));
    QCOMPARE(sha256(kept.readAll()), sha256(data));
}

void TestHttpServer::fileBodyRange_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<bool>("sendfile"); // Linux sendfile(2), or the portable read/write path
    const qint64 size = 3 * 1024 * 1024 + 123;
    for (const bool sendfile : {true, false}) {
        const char *path = sendfile ? "sendfile" : "read/write";
        QTest::addRow("%s whole", path) << QString() << qint64(0) << size << sendfile;
        QTest::addRow("%s offset to end", path)
            << QStringLiteral("offset=1000") << qint64(1000) << size - 1000 << sendfile;
        QTest::addRow("%s middle", path) << QStringLiteral("offset=1000000&length=1500000") << qint64(1000000)
                                         << qint64(1500000) << sendfile;
        QTest::addRow("%s length past end", path) << QStringLiteral("offset=3000000&length=9999999")
                                                  << qint64(3000000) << size - 3000000 << sendfile;
        QTest::addRow("%s empty range", path)
            << QStringLiteral("offset=5&length=0") << qint64(5) << qint64(0) << sendfile;
    }
}

void TestHttpServer::fileBodyRange()
{
    QFETCH(QString, query);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(bool, sendfile);
    if (!sendfile)
        qputenv("TRESTLE_SANDBOX_NO_SENDFILE", "1");
    const auto restore = qScopeGuard([] { qunsetenv("TRESTLE_SANDBOX_NO_SENDFILE"); });
    std::unique_ptr<QNetworkReply> reply(
        finished(m_nam.get(QNetworkRequest(url(QStringLiteral("/file?") + query)))));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), length);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), length);
    QVERIFY(body == m_servedData.mid(offset, length));
}

void TestHttpServer::headHasNoBody()
{
    std::unique_ptr<QNetworkReply> reply(finished(m_nam.head(QNetworkRequest(url(QStringLiteral("/file"))))));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), qint64(m_servedData.size()));
    QVERIFY(reply->readAll().isEmpty());

    // On the wire: a HEAD followed by a GET on one connection; if any body byte followed the HEAD
    // response, the second response would not parse as "GET /echo".
    const QList<RawResponse> r =
        raw("HEAD /file HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n", 2, nullptr, true);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r.at(0).header("Content-Length"), QByteArray::number(m_servedData.size()));
    QCOMPARE(r.at(1).status, 200);
    QCOMPARE(r.at(1).body, QByteArray("GET /echo"));
}

void TestHttpServer::headWithHandlerLength()
{
    const QList<RawResponse> r = raw(
        "HEAD /head-size HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n", 2, nullptr, true);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r.at(0).header("Content-Length"), QByteArray("12345"));
    QCOMPARE(r.at(1).body, QByteArray("GET /echo"));
}

void TestHttpServer::delayedResponse()
{
    std::unique_ptr<QNetworkReply> reply(finished(m_nam.get(QNetworkRequest(url(QStringLiteral("/delay"))))));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray("{\"delayed\":true}"));
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json; charset=utf-8"));
}

void TestHttpServer::queryDecoding()
{
    const QList<RawResponse> r =
        raw("GET /a%20b/c%2Fd?name=x+y%2Bz&filters%5Bid%5D=42 HTTP/1.1\r\nHost: x\r\n\r\n", 1);
    QCOMPARE(r.size(), 1);
    QCOMPARE(m_last.path, QStringLiteral("/a b/c/d"));
    QCOMPARE(m_last.target, QByteArray("/a%20b/c%2Fd?name=x+y%2Bz&filters%5Bid%5D=42"));
    QCOMPARE(m_last.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded),
             QStringLiteral("x y+z"));
    QCOMPARE(m_last.query.queryItemValue(QStringLiteral("filters[id]"), QUrl::FullyDecoded),
             QStringLiteral("42"));
    QCOMPARE(m_last.header("host"), QByteArray("x"));
}

void TestHttpServer::multipartUploadThroughServer()
{
    // The S3-style form upload: fields, then a file part large enough to be spooled.
    const QByteArray fileData = randomBytes(10 * 1024 * 1024 + 17, 5);
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const auto &[name, value] :
         {std::pair{"key", "uploads/1/plan.pdf"}, std::pair{"policy", "eyJ4In0="}}) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"%1\"").arg(QLatin1String(name)));
        part.setBody(value);
        multi->append(part);
    }
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file\"; filename=\"plan.pdf\""));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/pdf"));
    filePart.setBody(fileData);
    multi->append(filePart);

    std::unique_ptr<QNetworkReply> reply(
        finished(m_nam.post(QNetworkRequest(url(QStringLiteral("/multipart"))), multi)));
    multi->setParent(reply.get());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(!m_last.bodyFile.isEmpty()); // it was spooled and parsed from disk
    QCOMPARE(m_lastFields.size(), 2);
    QCOMPARE(m_lastFields.at(0), (QPair<QByteArray, QByteArray>("key", "uploads/1/plan.pdf")));
    QCOMPARE(m_lastFields.at(1).second, QByteArray("eyJ4In0="));
    QCOMPARE(m_lastFileName, QStringLiteral("plan.pdf"));
    QCOMPARE(m_lastFilePartSha, sha256(fileData));
}

QTEST_GUILESS_MAIN(TestHttpServer)

// --tls-certificate: the same server behind TLS (what bench_small_files measures against). A file
// body must not go out by sendfile there (the file's plain bytes on the encrypted stream), and
// request bodies arrive whole.
void TestHttpServer::tlsServesFilesAndBodies()
{
    TestCertificate certificate;
    QVERIFY2(certificate.make(), qPrintable(certificate.errorString()));
    QSslConfiguration serverSide = QSslConfiguration::defaultConfiguration();
    serverSide.setLocalCertificate(certificate.certificate());
    serverSide.setPrivateKey(certificate.key());
    HttpServer server([this](const HttpRequest &r) { return handle(r); },
                      m_dir->filePath(QStringLiteral("spool")));
    server.setTlsConfiguration(serverSide);
    QVERIFY(server.isTls());
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates({certificate.certificate()});
    const auto request = [&](const QString &pathAndQuery) {
        QNetworkRequest r(
            QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(server.port()).arg(pathAndQuery)));
        r.setSslConfiguration(trusting);
        return r;
    };
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> file(finished(nam.get(request(QStringLiteral("/file")))));
    QCOMPARE(file->error(), QNetworkReply::NoError);
    QVERIFY(file->attribute(QNetworkRequest::ConnectionEncryptedAttribute).toBool());
    const QByteArray body = file->readAll();
    QCOMPARE(body.size(), m_servedData.size());
    QVERIFY(body == m_servedData);

    const QByteArray upload = randomBytes(1024 * 1024 + 7, 11);
    std::unique_ptr<QNetworkReply> echo(finished(nam.post(request(QStringLiteral("/echo")), upload)));
    QCOMPARE(echo->error(), QNetworkReply::NoError);
    QCOMPARE(echo->rawHeader("X-Body-Size").toLongLong(), qint64(upload.size()));
    QCOMPARE(m_lastSha, sha256(upload));
}
