// Uploads (§6 A form, §6 B segmented), downloads (§7/§12: /fas hop → 302 → signed storage URL),
// ranges, signatures and expiry, and a big streamed upload/download (64 MiB; 2 GiB with
// TRESTLE_LONG_TESTS=1), over real HTTP against the real binary.
#include "docsfixture.h"

#include "documents/documentsmodel.h"
#include "documents/fileappend.h"
#include "documents/storageservice.h"
#include "processstatus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

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

// The sandbox child process of this test (for its peak RSS).
qint64 sandboxPid()
{
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == self.toLatin1() && text.contains("trestle-sandbo"))
            return entry.toLongLong();
    }
    return 0;
}

QByteArray vmHwm(qint64 pid)
{
    const QByteArray value = testing::procStatusField("VmHWM", pid);
    return value.isEmpty() ? QByteArray("?") : value;
}
} // namespace

class TestSandboxUploads final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formUploadEndToEnd();
    void uploadUseRules();
    void segmentedUpload();
    void segmentedUploadErrors();
    void segmentedUploadAssembly();
    void appendFileJoinsFiles();
    void newVersionsFromUploads();
    void rangeDownloads();
    void signedUrlsAreChecked();
    void expiredUrlsInTheModel();
    void expiredUrlsWithTimeScale();
    void bigStreamedUploadAndDownload();

private:
    QString uploadsPath() const
    {
        return QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(m_docs.projectId);
    }
    QJsonObject fileFromUpload(const QString &uuid, const QString &name);

    DocsFixture m_docs;
};

void TestSandboxUploads::initTestCase()
{
    QVERIFY2(m_docs.start({QStringLiteral("--seed"), QStringLiteral("minimal")}), qPrintable(m_docs.error()));
}

QJsonObject TestSandboxUploads::fileFromUpload(const QString &uuid, const QString &name)
{
    const auto created = m_docs.api(
        "POST", QStringLiteral("/rest/v1.0/files"), m_docs.projectQuery(),
        DocsFixture::multipart({{"file[name]", name.toUtf8(), {}}, {"file[upload_uuid]", uuid.toUtf8(), {}}}),
        DocsFixture::multipartType());
    if (created.status != 201)
        qWarning() << created.status << created.body;
    return created.status == 201 ? created.object() : QJsonObject();
}

void TestSandboxUploads::formUploadEndToEnd()
{
    QVERIFY(m_docs.sandbox().resetStats());
    const auto created = m_docs.json("POST", uploadsPath(),
                                     {{QStringLiteral("response_filename"), s("Form.pdf")},
                                      {QStringLiteral("response_content_type"), s("application/pdf")}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    QCOMPARE(upload.value(QStringLiteral("uuid")).toString().size(), 26); // ULID-like
    const QUrl url(upload.value(QStringLiteral("url")).toString());
    QVERIFY(url.port() != m_docs.sandbox().baseUrl().port()); // storage is another host
    const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
    for (const char *key : {"key", "Content-Type", "Content-Disposition", "policy", "x-amz-credential",
                            "x-amz-algorithm", "x-amz-date", "x-amz-signature"})
        QVERIFY2(fields.contains(s(key)), key);

    // Not usable before the content is stored.
    QVERIFY(fileFromUpload(upload.value(QStringLiteral("uuid")).toString(), s("Early.pdf")).isEmpty());

    const QByteArray content = pattern(300 * 1024 + 7, 'f');
    QList<DocsFixture::Part> parts;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        parts.append({it.key().toUtf8(), it.value().toString().toUtf8(), {}});
    parts.append({"file", content, "Form.pdf"});
    const auto stored = m_docs.plain("POST", url, DocsFixture::multipart(parts),
                                     {{"Content-Type", DocsFixture::multipartType()}});
    QCOMPARE(stored.status, 204);

    const auto shown =
        m_docs.api("GET", uploadsPath() + QLatin1Char('/') + upload.value(QStringLiteral("uuid")).toString());
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.object().value(QStringLiteral("status")).toString(), s("complete"));

    const QJsonObject file = fileFromUpload(upload.value(QStringLiteral("uuid")).toString(), s("Form.pdf"));
    QVERIFY(!file.isEmpty());
    QCOMPARE(file.value(QStringLiteral("size")).toInteger(), content.size());

    // Download: API host with the token → 302 → storage without it.
    const QString versionUrl = file.value(QStringLiteral("file_versions"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("url"))
                                   .toString();
    QVERIFY(
        versionUrl.startsWith(m_docs.sandbox().baseUrl().toString() + QStringLiteral("/fas/api/v5/files/")));
    DocsFixture::Reply hop;
    const auto downloaded = m_docs.download(versionUrl, &hop);
    QCOMPARE(hop.status, 302);
    const QUrl location(QString::fromUtf8(hop.header("Location")));
    QCOMPARE(location.port(), url.port());
    QVERIFY(QUrlQuery(location).hasQueryItem(QStringLiteral("expires")));
    QVERIFY(QUrlQuery(location).hasQueryItem(QStringLiteral("sig")));
    QCOMPARE(downloaded.status, 200);
    QCOMPARE(sha256(downloaded.body), sha256(content));
    // Without a token the hop is refused.
    QCOMPARE(m_docs.plain("GET", QUrl(versionUrl)).status, 401);

    const QJsonObject storage = m_docs.sandbox().stats().value(QStringLiteral("storage")).toObject();
    QCOMPARE(storage.value(QStringLiteral("requests_with_authorization")).toInteger(), 0);
}

void TestSandboxUploads::uploadUseRules()
{
    const QString uuid = m_docs.formUpload("once", s("Once.txt"));
    QVERIFY(!uuid.isEmpty());
    // Only the creating user may use it …
    const auto other = m_docs.api(
        "POST", QStringLiteral("/rest/v1.0/files"), m_docs.projectQuery(),
        DocsFixture::multipart({{"file[name]", "Other.txt", {}}, {"file[upload_uuid]", uuid.toUtf8(), {}}}),
        DocsFixture::multipartType(), m_docs.userToken);
    QCOMPARE(other.status, 422);
    QVERIFY(
        other.object().value(QStringLiteral("errors")).toObject().contains(QStringLiteral("upload_uuid")));
    // … and only once.
    QVERIFY(!fileFromUpload(uuid, s("Once.txt")).isEmpty());
    QVERIFY(fileFromUpload(uuid, s("Twice.txt")).isEmpty());
    QVERIFY(fileFromUpload(s("01AAAAAAAAAAAAAAAAAAAAAAAA"), s("Unknown.txt")).isEmpty());
    // The name defaults to the upload's response_filename; v1.0 paths work too.
    const auto created =
        m_docs.json("POST", QStringLiteral("/rest/v1.0/projects/%1/uploads").arg(m_docs.projectId),
                    {{QStringLiteral("response_filename"), s("Named By Upload.txt")}});
    QCOMPARE(created.status, 201);
    // Company uploads (usable in the company's projects); another company's path is not found.
    const auto company =
        m_docs.json("POST", QStringLiteral("/rest/v1.1/companies/%1/uploads").arg(m_docs.companyId),
                    {{QStringLiteral("response_filename"), s("Company.txt")}});
    QCOMPARE(company.status, 201);
    QCOMPARE(m_docs.json("POST", QStringLiteral("/rest/v1.1/companies/1/uploads"), {}).status, 404);
}

void TestSandboxUploads::segmentedUpload()
{
    // 9 MiB: above the server's 8 MiB spooling threshold, so the segment arrives as a file.
    const QByteArray first = pattern(9 * 1024 * 1024, 'a');
    const QByteArray second = pattern(1000, 'b');
    const QJsonArray segments{
        QJsonObject{{QStringLiteral("size"), first.size()},
                    {QStringLiteral("sha256"), QString::fromLatin1(sha256(first))},
                    {QStringLiteral("md5"),
                     QString::fromLatin1(QCryptographicHash::hash(first, QCryptographicHash::Md5).toHex())}},
        QJsonObject{{QStringLiteral("size"), second.size()},
                    {QStringLiteral("sha256"), QString::fromLatin1(sha256(second))}}};
    const auto created = m_docs.json("POST", uploadsPath(), {{QStringLiteral("segments"), segments}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    QCOMPARE(upload.value(QStringLiteral("status")).toString(), s("ready"));
    const QJsonArray out = upload.value(QStringLiteral("segments")).toArray();
    QCOMPARE(out.size(), 2);
    QJsonArray etags;
    const QList<QByteArray> bodies{first, second};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject segment = out.at(i).toObject();
        const QJsonObject headers = segment.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("x-amz-content-sha256")).toString().toLatin1(),
                 sha256(bodies.at(i)));
        QCOMPARE(headers.value(QStringLiteral("content-length")).toString(),
                 QString::number(bodies.at(i).size()));
        QCOMPARE(headers.contains(QStringLiteral("content-md5")), i == 0);
        QList<QPair<QByteArray, QByteArray>> sent{{"Content-Type", "application/octet-stream"}};
        for (auto it = headers.begin(); it != headers.end(); ++it)
            sent.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        const auto put =
            m_docs.plain("PUT", QUrl(segment.value(QStringLiteral("url")).toString()), bodies.at(i), sent);
        QCOMPARE(put.status, 200);
        QVERIFY(!put.header("ETag").isEmpty());
        etags.append(QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(put.header("ETag"))}});
    }
    const QString uuid = upload.value(QStringLiteral("uuid")).toString();
    const auto completed = m_docs.json("PATCH", uploadsPath() + QLatin1Char('/') + uuid,
                                       {{QStringLiteral("segments"), etags}}, {});
    QCOMPARE(completed.status, 200);
    QCOMPARE(completed.object().value(QStringLiteral("status")).toString(), s("complete"));
    const QJsonObject file = fileFromUpload(uuid, s("Segmented.bin"));
    QCOMPARE(file.value(QStringLiteral("size")).toInteger(), first.size() + second.size());
    const auto downloaded = m_docs.download(file.value(QStringLiteral("file_versions"))
                                                .toArray()
                                                .at(0)
                                                .toObject()
                                                .value(QStringLiteral("url"))
                                                .toString());
    QCOMPARE(sha256(downloaded.body), sha256(first + second));
}

void TestSandboxUploads::segmentedUploadErrors()
{
    const QByteArray first = pattern(5 * 1024 * 1024, 'c');
    const QByteArray second = pattern(10, 'd');
    // Every segment but the last must be ≥ 5 MB.
    const auto small = m_docs.json(
        "POST", uploadsPath(),
        {{QStringLiteral("segments"),
          QJsonArray{QJsonObject{{QStringLiteral("size"), 1000},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256("x"))}},
                     QJsonObject{{QStringLiteral("size"), 10},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256(second))}}}}});
    QCOMPARE(small.status, 422);

    const auto created = m_docs.json(
        "POST", uploadsPath(),
        {{QStringLiteral("segments"),
          QJsonArray{QJsonObject{{QStringLiteral("size"), first.size()},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256(first))}},
                     QJsonObject{{QStringLiteral("size"), second.size()},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256(second))}}}}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    const QJsonArray segments = upload.value(QStringLiteral("segments")).toArray();
    auto putSegment = [&](int i, const QByteArray &body) {
        const QJsonObject segment = segments.at(i).toObject();
        const QJsonObject headers = segment.value(QStringLiteral("headers")).toObject();
        QList<QPair<QByteArray, QByteArray>> sent{{"Content-Type", "application/octet-stream"}};
        for (auto it = headers.begin(); it != headers.end(); ++it)
            sent.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        return m_docs.plain("PUT", QUrl(segment.value(QStringLiteral("url")).toString()), body, sent);
    };
    // Wrong bytes of the right size → S3's BadDigest.
    const auto bad = putSegment(1, QByteArray(second.size(), 'z'));
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.body.contains("<Code>BadDigest</Code>"));
    const auto e1 = putSegment(0, first);
    const auto e2 = putSegment(1, second);
    QCOMPARE(e1.status, 200);
    QCOMPARE(e2.status, 200);
    const QString path = uploadsPath() + QLatin1Char('/') + upload.value(QStringLiteral("uuid")).toString();
    // Wrong etag, missing etag, wrong order → 422; the upload stays unusable.
    const QString etag1 = QString::fromLatin1(e1.header("ETag"));
    const QString etag2 = QString::fromLatin1(e2.header("ETag"));
    auto complete = [&](const QJsonArray &etags) {
        return m_docs.json("PATCH", path, {{QStringLiteral("segments"), etags}});
    };
    QCOMPARE(complete({QJsonObject{{QStringLiteral("etag"), etag1}},
                       QJsonObject{{QStringLiteral("etag"), s("\"0000\"")}}})
                 .status,
             422);
    QCOMPARE(complete({QJsonObject{{QStringLiteral("etag"), etag1}}}).status, 422);
    QCOMPARE(
        complete({QJsonObject{{QStringLiteral("etag"), etag2}}, QJsonObject{{QStringLiteral("etag"), etag1}}})
            .status,
        422);
    QVERIFY(fileFromUpload(upload.value(QStringLiteral("uuid")).toString(), s("NotYet.bin")).isEmpty());
    QCOMPARE(
        complete({QJsonObject{{QStringLiteral("etag"), etag1}}, QJsonObject{{QStringLiteral("etag"), etag2}}})
            .status,
        200);
}

// Completing joins the parts in the kernel and leaves the whole file's sha256 to first use: the
// result must still be every byte in order, whatever order the parts came in, with the right
// size and sha256 in /_sandbox/state, and the completing PATCH must stay repeatable.
void TestSandboxUploads::segmentedUploadAssembly()
{
    // Spooled to disk (≥ 8 MiB), held in memory, and a short last part.
    const QList<QByteArray> parts{pattern(9 * 1024 * 1024, 'p'), pattern(6 * 1024 * 1024, 'q'),
                                  pattern(1000, 'r')};
    QJsonArray specs;
    for (const QByteArray &part : parts)
        specs.append(QJsonObject{{QStringLiteral("size"), part.size()},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256(part))}});
    const auto created = m_docs.json("POST", uploadsPath(), {{QStringLiteral("segments"), specs}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    const QJsonArray segments = upload.value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), parts.size());
    QList<QByteArray> etags(parts.size());
    for (const int i : {2, 0, 1, 0}) { // out of order, and the first one twice
        const QJsonObject segment = segments.at(i).toObject();
        const QJsonObject headers = segment.value(QStringLiteral("headers")).toObject();
        QList<QPair<QByteArray, QByteArray>> sent{{"Content-Type", "application/octet-stream"}};
        for (auto it = headers.begin(); it != headers.end(); ++it)
            sent.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        const auto put =
            m_docs.plain("PUT", QUrl(segment.value(QStringLiteral("url")).toString()), parts.at(i), sent);
        QCOMPARE(put.status, 200);
        etags[i] = put.header("ETag");
    }
    QJsonArray etagList;
    for (const QByteArray &etag : std::as_const(etags))
        etagList.append(QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(etag)}});
    const QString path = uploadsPath() + QLatin1Char('/') + upload.value(QStringLiteral("uuid")).toString();
    for (int round = 0; round < 2; ++round) { // repeatable
        const auto completed = m_docs.json("PATCH", path, {{QStringLiteral("segments"), etagList}});
        QCOMPARE(completed.status, 200);
        QCOMPARE(completed.object().value(QStringLiteral("status")).toString(), s("complete"));
        QCOMPARE(completed.object().value(QStringLiteral("size")).toInteger(),
                 parts.at(0).size() + parts.at(1).size() + parts.at(2).size());
    }
    const QByteArray whole = parts.at(0) + parts.at(1) + parts.at(2);
    const QJsonObject file =
        fileFromUpload(upload.value(QStringLiteral("uuid")).toString(), s("Assembled.bin"));
    QCOMPARE(file.value(QStringLiteral("size")).toInteger(), whole.size());
    const auto downloaded = m_docs.download(file.value(QStringLiteral("file_versions"))
                                                .toArray()
                                                .at(0)
                                                .toObject()
                                                .value(QStringLiteral("url"))
                                                .toString());
    QCOMPARE(downloaded.body.size(), whole.size());
    QVERIFY(downloaded.body == whole);
    const QJsonArray files = m_docs.sandbox()
                                 .state(m_docs.projectId)
                                 .value(QStringLiteral("root"))
                                 .toObject()
                                 .value(QStringLiteral("files"))
                                 .toArray();
    QJsonObject version;
    for (const QJsonValue &f : files) {
        if (f.toObject().value(QStringLiteral("name")).toString() == s("Assembled.bin"))
            version = f.toObject().value(QStringLiteral("versions")).toArray().at(0).toObject();
    }
    QCOMPARE(version.value(QStringLiteral("size")).toInteger(), whole.size());
    QCOMPARE(version.value(QStringLiteral("sha256")).toString().toLatin1(), sha256(whole));
}

void TestSandboxUploads::appendFileJoinsFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    const QList<QByteArray> pieces{QByteArray(), pattern(3 * 1024 * 1024 + 17, 'x'), QByteArray("tail")};
    QVERIFY(write(s("target"), "head"));
    for (int i = 0; i < pieces.size(); ++i)
        QVERIFY(write(QString::number(i), pieces.at(i)));

    QFile target(dir.filePath(s("target")));
    QVERIFY(!sandbox::appendFile(target, dir.filePath(s("1")))); // not open
    QVERIFY(target.open(QIODevice::ReadWrite | QIODevice::Unbuffered));
    for (int i = 0; i < pieces.size(); ++i)
        QVERIFY(sandbox::appendFile(target, dir.filePath(QString::number(i))));
    QVERIFY(!sandbox::appendFile(target, dir.filePath(s("missing"))));
    target.close();
    QVERIFY(target.open(QIODevice::ReadOnly));
    const QByteArray joined = target.readAll();
    QCOMPARE(joined.size(), 4 + pieces.at(1).size() + 4);
    QVERIFY(joined == "head" + pieces.at(0) + pieces.at(1) + pieces.at(2));
}

void TestSandboxUploads::newVersionsFromUploads()
{
    const QString first = m_docs.formUpload("v1", s("Versions.txt"));
    const QJsonObject file = fileFromUpload(first, s("Versions.txt"));
    QVERIFY(!file.isEmpty());
    const QString path = QStringLiteral("/rest/v1.0/files/%1").arg(idOf(file));
    // PATCH with file[upload_uuid] → version 2.
    const QString second = m_docs.formUpload("version 2", s("Versions.txt"));
    const auto patched = m_docs.api("PATCH", path, m_docs.projectQuery(),
                                    DocsFixture::multipart({{"file[upload_uuid]", second.toUtf8(), {}}}),
                                    DocsFixture::multipartType());
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object().value(QStringLiteral("file_versions")).toArray().size(), 2);
    // POST file_versions with file_version[upload_uuid] → version 3 (JSON body works too).
    const QString third = m_docs.formUpload("version three", s("Versions.txt"));
    QUrlQuery query = m_docs.projectQuery();
    query.addQueryItem(QStringLiteral("file_id"), QString::number(idOf(file)));
    const auto version = m_docs.json(
        "POST", QStringLiteral("/rest/v1.0/file_versions"),
        {{QStringLiteral("file_version"), QJsonObject{{QStringLiteral("upload_uuid"), third}}}}, query);
    QCOMPARE(version.status, 201);
    QCOMPARE(version.object().value(QStringLiteral("number")).toInt(), 3);
    QCOMPARE(m_docs.download(version.object().value(QStringLiteral("url")).toString()).body,
             QByteArray("version three"));
    const auto shown = m_docs.api("GET", path, m_docs.projectQuery()).object();
    QCOMPARE(shown.value(QStringLiteral("size")).toInteger(), 13);
}

void TestSandboxUploads::rangeDownloads()
{
    const QByteArray content = pattern(1000, 'r');
    const auto created = m_docs.createFileWithData(m_docs.rootId(), s("Range.bin"), content);
    QCOMPARE(created.status, 201);
    DocsFixture::Reply hop;
    m_docs.download(created.object()
                        .value(QStringLiteral("file_versions"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("url"))
                        .toString(),
                    &hop);
    const QUrl storageUrl(QString::fromUtf8(hop.header("Location")));
    auto range = [&](const QByteArray &value) {
        return m_docs.plain("GET", storageUrl, {}, {{"Range", value}});
    };
    auto r = range("bytes=10-19");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, content.mid(10, 10));
    QCOMPARE(r.header("Content-Range"), QByteArray("bytes 10-19/1000"));
    r = range("bytes=990-");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, content.mid(990));
    r = range("bytes=-5");
    QCOMPARE(r.body, content.right(5));
    r = range("bytes=5000-");
    QCOMPARE(r.status, 416);
    QCOMPARE(r.header("Content-Range"), QByteArray("bytes */1000"));
    QCOMPARE(m_docs.plain("GET", storageUrl).body, content);
}

void TestSandboxUploads::signedUrlsAreChecked()
{
    const auto created = m_docs.createFileWithData(m_docs.rootId(), s("Signed.bin"), "signed");
    const QString versionUrl = created.object()
                                   .value(QStringLiteral("file_versions"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("url"))
                                   .toString();
    DocsFixture::Reply hop;
    m_docs.download(versionUrl, &hop);
    const QUrl good(QString::fromUtf8(hop.header("Location")));
    const qint64 expires = QUrlQuery(good).queryItemValue(QStringLiteral("expires")).toLongLong();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(expires > now + 800 && expires <= now + 901, "download URLs live 15 minutes");
    // A later expiry or another signature is refused with 403.
    QUrl later = good;
    QUrlQuery query(good);
    query.removeQueryItem(QStringLiteral("expires"));
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires + 3600));
    later.setQuery(query);
    QCOMPARE(m_docs.plain("GET", later).status, 403);
    QUrl forged = good;
    query = QUrlQuery(good);
    query.removeQueryItem(QStringLiteral("sig"));
    query.addQueryItem(QStringLiteral("sig"), QString(64, QLatin1Char('0')));
    forged.setQuery(query);
    QCOMPARE(m_docs.plain("GET", forged).status, 403);
    // A /fas URL with a wrong signature is refused as well.
    QCOMPARE(m_docs.download(versionUrl.left(versionUrl.size() - 4) + s("0000")).status, 403);
}

void TestSandboxUploads::expiredUrlsInTheModel()
{
    // Through the classes: a correctly signed URL whose time has passed → 403.
    QTemporaryDir dir;
    sandbox::DocumentsModel model(dir.path());
    sandbox::StorageService storage(model, dir.path());
    storage.setStorageBase(QUrl(s("http://127.0.0.1:1")));
    QFile blob(model.blobPath(s("b1")));
    QVERIFY(blob.open(QIODevice::WriteOnly));
    blob.write("blob");
    blob.close();
    const qint64 past = QDateTime::currentSecsSinceEpoch() - 1;
    sandbox::HttpRequest request;
    request.method = "GET";
    request.path = s("/s3/blobs/b1");
    request.query.addQueryItem(QStringLiteral("expires"), QString::number(past));
    request.query.addQueryItem(
        QStringLiteral("sig"),
        QString::fromLatin1(storage.sign("GET\n/s3/blobs/b1\n" + QByteArray::number(past))));
    const sandbox::HttpResponse expired = storage.handle(request);
    QCOMPARE(expired.status, 403);
    QVERIFY(expired.body.contains("expired"));
    const QUrl valid = storage.signedDownloadUrl(s("b1"), s("b1.txt"));
    request.query = QUrlQuery(valid);
    QCOMPARE(storage.handle(request).status, 200);
}

void TestSandboxUploads::expiredUrlsWithTimeScale()
{
    // --time-scale 3600: a sandbox hour is one real second, so 15-minute download URLs and 1-hour
    // upload URLs are dead after a short wait.
    DocsFixture fast;
    QVERIFY2(fast.start({QStringLiteral("--seed"), QStringLiteral("minimal"), QStringLiteral("--time-scale"),
                         QStringLiteral("3600")}),
             qPrintable(fast.error()));
    const auto created = fast.createFileWithData(fast.rootId(), s("Soon.bin"), "soon");
    DocsFixture::Reply hop;
    fast.download(created.object()
                      .value(QStringLiteral("file_versions"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("url"))
                      .toString(),
                  &hop);
    QCOMPARE(hop.status, 302);
    const auto upload =
        fast.json("POST", QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(fast.projectId),
                  {{QStringLiteral("response_filename"), s("Late.bin")}});
    QCOMPARE(upload.status, 201);
    QTest::qWait(2500);
    const auto late = fast.plain("GET", QUrl(QString::fromUtf8(hop.header("Location"))));
    QCOMPARE(late.status, 403);
    QList<DocsFixture::Part> parts;
    const QJsonObject fields = upload.object().value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        parts.append({it.key().toUtf8(), it.value().toString().toUtf8(), {}});
    parts.append({"file", "late", "Late.bin"});
    const auto stored =
        fast.plain("POST", QUrl(upload.object().value(QStringLiteral("url")).toString()),
                   DocsFixture::multipart(parts), {{"Content-Type", DocsFixture::multipartType()}});
    QCOMPARE(stored.status, 403);
}

void TestSandboxUploads::bigStreamedUploadAndDownload()
{
    const bool longRun = qEnvironmentVariableIntValue("TRESTLE_LONG_TESTS") == 1;
    const qint64 size = longRun ? Q_INT64_C(2) * 1024 * 1024 * 1024 : Q_INT64_C(64) * 1024 * 1024;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A sparse source file with data at both ends.
    QFile source(dir.filePath(s("big.bin")));
    QVERIFY(source.open(QIODevice::ReadWrite));
    source.write(pattern(4096, 'h'));
    source.resize(size - 4096);
    source.seek(size - 4096);
    source.write(pattern(4096, 't'));
    source.seek(0);
    QCryptographicHash sourceHash(QCryptographicHash::Sha256);
    QVERIFY(sourceHash.addData(&source));
    const QByteArray expectedSha = sourceHash.result().toHex();
    source.seek(0);

    const auto created =
        m_docs.json("POST", uploadsPath(), {{QStringLiteral("response_filename"), s("Big.bin")}});
    QCOMPARE(created.status, 201);
    const QJsonObject upload = created.object();
    QNetworkAccessManager nam;
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"%1\"").arg(it.key()));
        part.setBody(it.value().toString().toUtf8());
        multi->append(part);
    }
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       s("form-data; name=\"file\"; filename=\"Big.bin\""));
    filePart.setBodyDevice(&source);
    multi->append(filePart);
    QNetworkRequest post(QUrl(upload.value(QStringLiteral("url")).toString()));
    post.setTransferTimeout(600000);
    QNetworkReply *postReply = nam.post(post, multi);
    multi->setParent(postReply);
    QSignalSpy posted(postReply, &QNetworkReply::finished);
    QVERIFY(posted.wait(600000));
    QCOMPARE(postReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
    postReply->deleteLater();

    const QJsonObject file = fileFromUpload(upload.value(QStringLiteral("uuid")).toString(), s("Big.bin"));
    QCOMPARE(file.value(QStringLiteral("size")).toInteger(), size);
    DocsFixture::Reply hop;
    m_docs.download(file.value(QStringLiteral("file_versions"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("url"))
                        .toString(),
                    &hop);
    QCOMPARE(hop.status, 302);
    QNetworkRequest get(QUrl(QString::fromUtf8(hop.header("Location"))));
    get.setTransferTimeout(600000);
    QNetworkReply *getReply = nam.get(get);
    QCryptographicHash downloadHash(QCryptographicHash::Sha256);
    qint64 received = 0;
    connect(getReply, &QNetworkReply::readyRead, this, [&] {
        const QByteArray chunk = getReply->readAll();
        received += chunk.size();
        downloadHash.addData(chunk);
    });
    QSignalSpy got(getReply, &QNetworkReply::finished);
    QVERIFY(got.wait(600000));
    const QByteArray rest = getReply->readAll();
    received += rest.size();
    downloadHash.addData(rest);
    QCOMPARE(getReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    getReply->deleteLater();
    QCOMPARE(received, size);
    QCOMPARE(downloadHash.result().toHex(), expectedSha);
    const qint64 pid = sandboxPid();
    qInfo().noquote() << QStringLiteral("big transfer: %1 MiB up and down; sandbox peak RSS (VmHWM): %2")
                             .arg(size / (1024 * 1024))
                             .arg(QString::fromLatin1(pid ? vmHwm(pid) : QByteArray("unknown")));
}

QTEST_GUILESS_MAIN(TestSandboxUploads)
#include "tst_sandbox_uploads.moc"
