// The "reset_mid_body" fault kind (issue 9): the connection is reset after part of a request body,
// before the sandbox acts on the request — storage form uploads, segment PUTs and JSON bodies of
// the API. Nothing of a cut request is stored; a retry goes through.
#include "docsfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

QByteArray pattern(qint64 size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed) & 0xFF);
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QJsonObject cutEverything()
{
    return {{QStringLiteral("fault_rate"), 1},
            {QStringLiteral("fault_kinds"), QJsonArray{QStringLiteral("reset_mid_body")}}};
}

QJsonObject noFaults()
{
    return {{QStringLiteral("fault_rate"), 0}};
}

int faultsInjected(DocsFixture &docs)
{
    return docs.sandbox().stats().value(QStringLiteral("faults_injected")).toInt();
}

} // namespace

class TestSandboxMidBody final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void kindIsOptIn();
    void formUploadIsCutAndNotStored();
    void segmentPutIsCutAndNotStored();
    void apiJsonBodyIsCutBeforeItActs();
    void cutFallsMidBody();
    void forcedCutsAreCounted();

private:
    QString uploadsPath() const
    {
        return QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(m_docs.projectId);
    }
    QString uploadStatus(const QString &uuid) const
    {
        return m_docs.api("GET", uploadsPath() + QLatin1Char('/') + uuid)
            .object()
            .value(QStringLiteral("status"))
            .toString();
    }

    QUrl storageBase();
    // A raw PUT to storage announcing `length` body bytes and sending `sent` of them; returns what
    // came back and whether the sandbox closed the connection.
    QByteArray rawPut(qint64 length, qint64 sent, bool *closed);

    DocsFixture m_docs;
};

void TestSandboxMidBody::initTestCase()
{
    QVERIFY2(m_docs.start({QStringLiteral("--seed"), QStringLiteral("minimal"),
                           QStringLiteral("--fault-seed"), QStringLiteral("3")}),
             qPrintable(m_docs.error()));
}

void TestSandboxMidBody::init()
{
    QVERIFY(m_docs.sandbox().configure(noFaults()));
    QVERIFY(m_docs.sandbox().resetStats());
}

void TestSandboxMidBody::kindIsOptIn()
{
    // Not in the default list (so a seed's old fault sequence stays), but a known kind.
    testing::SandboxProcess plain;
    QVERIFY2(plain.start({QStringLiteral("--seed"), QStringLiteral("empty")}),
             qPrintable(plain.errorString()));
    const auto config =
        plain.request("GET", QUrl(plain.baseUrl().toString() + QStringLiteral("/_sandbox/config")));
    QCOMPARE(config.status, 200);
    QVERIFY(!config.body.contains("reset_mid_body"));
    QVERIFY(config.body.contains("truncate"));
    QVERIFY(plain.configure(cutEverything()));
    const auto after =
        plain.request("GET", QUrl(plain.baseUrl().toString() + QStringLiteral("/_sandbox/config")));
    QVERIFY(after.body.contains("reset_mid_body"));

    // A request without a body is never cut, and with reset_mid_body alone never faulted.
    QVERIFY(m_docs.sandbox().configure(cutEverything()));
    QCOMPARE(m_docs.api("GET", QStringLiteral("/rest/v1.0/me")).status, 200);
    QCOMPARE(m_docs.api("GET", uploadsPath() + QStringLiteral("/NOPE")).status, 404);
    QCOMPARE(faultsInjected(m_docs), 0);
}

void TestSandboxMidBody::formUploadIsCutAndNotStored()
{
    const auto created =
        m_docs.json("POST", uploadsPath(),
                    {{QStringLiteral("response_filename"), QStringLiteral("Cut.pdf")},
                     {QStringLiteral("response_content_type"), QStringLiteral("application/pdf")}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    const QString uuid = upload.value(QStringLiteral("uuid")).toString();
    QList<DocsFixture::Part> parts;
    const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        parts.append({it.key().toUtf8(), it.value().toString().toUtf8(), {}});
    const QByteArray content = pattern(200 * 1024 + 3, 'c');
    parts.append({"file", content, "Cut.pdf"});
    const QByteArray body = DocsFixture::multipart(parts);
    const QUrl url(upload.value(QStringLiteral("url")).toString());
    const QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", DocsFixture::multipartType()}};

    QVERIFY(m_docs.sandbox().configure(cutEverything()));
    const auto cut = m_docs.plain("POST", url, body, headers);
    QCOMPARE(cut.status, 0); // no answer: the connection was reset
    QVERIFY(m_docs.sandbox().configure(noFaults()));
    QVERIFY(faultsInjected(m_docs) >= 1);
    const QJsonObject storage = m_docs.sandbox().stats().value(QStringLiteral("storage")).toObject();
    QCOMPARE(storage.value(QStringLiteral("uploads")).toInt(), 0);
    QCOMPARE(storage.value(QStringLiteral("bytes_in")).toInt(), 0);
    const QJsonObject cuts = m_docs.sandbox().stats().value(QStringLiteral("bodies_cut")).toObject();
    QVERIFY(cuts.value(QStringLiteral("storage POST")).toInt() >= 1);
    QVERIFY(uploadStatus(uuid) != QLatin1String("complete"));

    // The retry goes through and stores exactly the content.
    QCOMPARE(m_docs.plain("POST", url, body, headers).status, 204);
    QCOMPARE(uploadStatus(uuid), QStringLiteral("complete"));
}

void TestSandboxMidBody::segmentPutIsCutAndNotStored()
{
    const QByteArray content = pattern(300 * 1024, 's');
    const QJsonArray specs{QJsonObject{{QStringLiteral("size"), content.size()},
                                       {QStringLiteral("sha256"), QString::fromLatin1(sha256(content))}}};
    const auto created = m_docs.json("POST", uploadsPath(), {{QStringLiteral("segments"), specs}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    const QString uuid = upload.value(QStringLiteral("uuid")).toString();
    const QJsonObject segment = upload.value(QStringLiteral("segments")).toArray().at(0).toObject();
    const QJsonObject segmentHeaders = segment.value(QStringLiteral("headers")).toObject();
    QList<QPair<QByteArray, QByteArray>> sent{{"Content-Type", "application/octet-stream"}};
    for (auto it = segmentHeaders.begin(); it != segmentHeaders.end(); ++it)
        sent.append({it.key().toLatin1(), it.value().toString().toLatin1()});
    const QUrl url(segment.value(QStringLiteral("url")).toString());

    QVERIFY(m_docs.sandbox().configure(cutEverything()));
    QCOMPARE(m_docs.plain("PUT", url, content, sent).status, 0);
    QVERIFY(m_docs.sandbox().configure(noFaults()));
    QVERIFY(faultsInjected(m_docs) >= 1);
    QCOMPARE(m_docs.sandbox()
                 .stats()
                 .value(QStringLiteral("storage"))
                 .toObject()
                 .value(QStringLiteral("uploads"))
                 .toInt(),
             0);
    // Nothing stored: completing with a made-up etag is refused.
    const auto early =
        m_docs.json("PATCH", uploadsPath() + QLatin1Char('/') + uuid,
                    {{QStringLiteral("segments"),
                      QJsonArray{QJsonObject{{QStringLiteral("etag"), QStringLiteral("x")}}}}});
    QCOMPARE(early.status, 422);

    const auto put = m_docs.plain("PUT", url, content, sent);
    QCOMPARE(put.status, 200);
    const auto completed = m_docs.json(
        "PATCH", uploadsPath() + QLatin1Char('/') + uuid,
        {{QStringLiteral("segments"),
          QJsonArray{QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(put.header("ETag"))}}}}});
    QCOMPARE(completed.status, 200);
}

void TestSandboxMidBody::apiJsonBodyIsCutBeforeItActs()
{
    const qint64 root = m_docs.rootId();
    const QString name = QStringLiteral("Cut folder");
    const QJsonObject folder{
        {QStringLiteral("folder"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("parent_id"), root}}}};
    QVERIFY(m_docs.sandbox().configure(cutEverything()));
    QCOMPARE(m_docs.json("POST", QStringLiteral("/rest/v1.0/folders"), folder, m_docs.projectQuery()).status,
             0);
    QVERIFY(m_docs.sandbox().configure(noFaults()));
    // Never acted on: not created, not counted as an API call.
    const QJsonObject stats = m_docs.sandbox().stats();
    // (QNetworkAccessManager may resend once on a reused connection: both are cut.)
    QVERIFY(stats.value(QStringLiteral("faults_injected")).toInt() >= 1);
    QCOMPARE(stats.value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("POST /rest/v1.0/folders"))
                 .toInt(),
             0);
    const QByteArray tree = QJsonDocument(m_docs.sandbox().state(m_docs.projectId)).toJson();
    QVERIFY(!tree.contains(name.toUtf8()));
    QCOMPARE(m_docs.json("POST", QStringLiteral("/rest/v1.0/folders"), folder, m_docs.projectQuery()).status,
             201);
}

QUrl TestSandboxMidBody::storageBase()
{
    const auto info = m_docs.sandbox().request(
        "GET", QUrl(m_docs.sandbox().baseUrl().toString() + QStringLiteral("/_sandbox/info")));
    return QUrl(QJsonDocument::fromJson(info.body).object().value(QStringLiteral("storage_base")).toString());
}

QByteArray TestSandboxMidBody::rawPut(qint64 length, qint64 sent, bool *closed)
{
    const QUrl storage = storageBase();
    QTcpSocket socket;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(storage.host(), quint16(storage.port()));
    if (!socket.waitForConnected(10000))
        return {};
    socket.write("PUT /s3/segments/raw HTTP/1.1\r\nHost: " + storage.host().toLatin1()
                 + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                 + QByteArray::number(length) + "\r\nConnection: close\r\n\r\n");
    socket.write(pattern(sent, 'h'));
    *closed = disconnected.wait(20000);
    return socket.readAll();
}

void TestSandboxMidBody::cutFallsMidBody()
{
    // A client that sends only the first half of its body: a server that waited for the whole body
    // before cutting would never close this connection; reset_mid_body closes it after half.
    QVERIFY(m_docs.sandbox().configure(cutEverything()));
    bool closed = false;
    QCOMPARE(rawPut(400000, 200000, &closed), QByteArray()); // no answer at all
    QVERIFY(closed);
    QVERIFY(m_docs.sandbox().configure(noFaults()));
    QCOMPARE(faultsInjected(m_docs), 1);
    QCOMPARE(m_docs.sandbox().stats().value(QStringLiteral("bodies_cut")).toObject(),
             QJsonObject({{QStringLiteral("storage PUT"), 1}}));
}

void TestSandboxMidBody::forcedCutsAreCounted()
{
    // POST /_sandbox/cut-storage-bodies: the next N PUTs are cut at any fault rate, then no more.
    QVERIFY(m_docs.sandbox().post(QStringLiteral("cut-storage-bodies?method=PUT&count=1")));
    bool closed = false;
    QCOMPARE(rawPut(100000, 50000, &closed), QByteArray());
    QVERIFY(closed);
    const QByteArray answered = rawPut(1000, 1000, &closed);
    QVERIFY2(answered.startsWith("HTTP/1.1 "), answered.constData()); // answered (an error: bad URL)
    QCOMPARE(faultsInjected(m_docs), 1);
    QVERIFY(!m_docs.sandbox().post(QStringLiteral("cut-storage-bodies?method=GET&count=1")));
}

QTEST_GUILESS_MAIN(TestSandboxMidBody)
#include "tst_sandbox_midbody.moc"
