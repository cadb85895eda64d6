#include "documents/storageservice.h"

#include "documents/blobwriter.h"
#include "documents/documentnames.h"
#include "documents/documentsjson.h"
#include "documents/documentsmodel.h"
#include "http/multipartreader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace sandbox {

namespace {
const QString kBucketPath = QStringLiteral("/s3/pro-core");

// S3 answers errors with a small XML document.
HttpResponse s3Error(int status, const char *code, const QString &message)
{
    const QByteArray body = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>")
        + code + "</Code><Message>" + message.toHtmlEscaped().toUtf8() + "</Message></Error>\n";
    return HttpResponse::text(status, body, "application/xml");
}

QByteArray contentTypeFor(const QString &name)
{
    const QString type = fileTypeOf(name);
    if (type == QLatin1String("pdf"))
        return "application/pdf";
    if (type == QLatin1String("jpg") || type == QLatin1String("jpeg"))
        return "image/jpeg";
    if (type == QLatin1String("png"))
        return "image/png";
    if (type == QLatin1String("xlsx"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (type == QLatin1String("txt"))
        return "text/plain";
    return "application/octet-stream";
}

bool hashFile(const QString &path, QByteArray *sha256Hex, QByteArray *md5Hex)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash sha(QCryptographicHash::Sha256);
    QCryptographicHash md5(QCryptographicHash::Md5);
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0) {
        sha.addData(QByteArrayView(buffer.constData(), n));
        md5.addData(QByteArrayView(buffer.constData(), n));
    }
    *sha256Hex = sha.result().toHex();
    *md5Hex = md5.result().toHex();
    return n == 0;
}
} // namespace

StorageService::StorageService(DocumentsModel &model, const QString &dataDir)
    : m_model(model), m_dataDir(dataDir)
{
    // The key survives restarts with --data-dir, so URLs handed out before stay valid.
    QFile keyFile(m_dataDir + QStringLiteral("/storage.key"));
    if (keyFile.open(QIODevice::ReadOnly))
        m_key = QByteArray::fromHex(keyFile.readAll().trimmed());
    if (m_key.size() != 32) {
        m_key.resize(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
        if (keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            keyFile.write(m_key.toHex());
            keyFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
}

StorageService::~StorageService() = default;

void StorageService::setStorageBase(const QUrl &base)
{
    m_base = base;
}

QUrl StorageService::storageBase() const
{
    return m_base;
}

QByteArray StorageService::sign(const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256).toHex();
}

QUrl StorageService::signedDownloadUrl(const QString &blobId, const QString &fileName,
                                       qint64 sandboxSeconds) const
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + m_model.realSeconds(sandboxSeconds);
    const QString path = QStringLiteral("/s3/blobs/") + blobId;
    QUrl url = m_base;
    url.setPath(path);
    QUrlQuery query;
    // Pre-encoded, so names with '&', '+', '%' or '#' survive the round trip.
    query.addQueryItem(QStringLiteral("filename"), QString::fromLatin1(QUrl::toPercentEncoding(fileName)));
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    query.addQueryItem(
        QStringLiteral("sig"),
        QString::fromLatin1(sign("GET\n" + path.toUtf8() + '\n' + QByteArray::number(expires))));
    url.setQuery(query);
    return url;
}

QUrl StorageService::formUploadUrl() const
{
    QUrl url = m_base;
    url.setPath(kBucketPath);
    return url;
}

QJsonObject StorageService::formUploadFields(const DocUpload &upload) const
{
    const QDateTime created = upload.createdAt;
    const QString key = QStringLiteral("uploads/") + upload.uuid;
    const QString contentType =
        upload.contentType.isEmpty() ? QStringLiteral("application/octet-stream") : upload.contentType;
    const QString disposition = upload.fileName.isEmpty()
        ? QStringLiteral("inline")
        : QStringLiteral("inline; filename=\"%1\"").arg(upload.fileName);
    const QString date = created.toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    const QString credential = QStringLiteral("SANDBOXACCESSKEY/%1/us-east-1/s3/aws4_request")
                                   .arg(created.toString(QStringLiteral("yyyyMMdd")));
    const QJsonObject policyDocument{
        {QStringLiteral("expiration"), isoTime(QDateTime::fromMSecsSinceEpoch(upload.expiresAtMs, Qt::UTC))},
        {QStringLiteral("conditions"),
         QJsonArray{QJsonObject{{QStringLiteral("bucket"), QStringLiteral("pro-core")}},
                    QJsonObject{{QStringLiteral("key"), key}},
                    QJsonObject{{QStringLiteral("Content-Type"), contentType}},
                    QJsonObject{{QStringLiteral("x-amz-credential"), credential}}}}};
    const QByteArray policy = QJsonDocument(policyDocument).toJson(QJsonDocument::Compact).toBase64();
    return QJsonObject{{QStringLiteral("key"), key},
                       {QStringLiteral("Content-Type"), contentType},
                       {QStringLiteral("Content-Disposition"), disposition},
                       {QStringLiteral("policy"), QString::fromLatin1(policy)},
                       {QStringLiteral("x-amz-credential"), credential},
                       {QStringLiteral("x-amz-algorithm"), QStringLiteral("AWS4-HMAC-SHA256")},
                       {QStringLiteral("x-amz-date"), date},
                       {QStringLiteral("x-amz-signature"), QString::fromLatin1(sign("policy\n" + policy))}};
}

QUrl StorageService::segmentUrl(const DocUpload &upload, int index) const
{
    const qint64 expires = upload.expiresAtMs / 1000;
    const QString path = QStringLiteral("/s3/uploads/%1/%2").arg(upload.uuid).arg(index);
    QUrl url = m_base;
    url.setPath(path);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    query.addQueryItem(
        QStringLiteral("sig"),
        QString::fromLatin1(sign("PUT\n" + path.toUtf8() + '\n' + QByteArray::number(expires))));
    url.setQuery(query);
    return url;
}

bool StorageService::validSignature(const QByteArray &message, const HttpRequest &request,
                                    HttpResponse *error) const
{
    const QString expiresText = request.query.queryItemValue(QStringLiteral("expires"));
    const QByteArray sig = request.query.queryItemValue(QStringLiteral("sig")).toLatin1();
    bool ok = false;
    const qint64 expires = expiresText.toLongLong(&ok);
    if (!ok || sig.isEmpty()
        || sig != sign(message + '\n' + request.path.toUtf8() + '\n' + QByteArray::number(expires))) {
        *error = s3Error(
            403, "SignatureDoesNotMatch",
            QStringLiteral("The request signature we calculated does not match the signature you provided."));
        return false;
    }
    if (QDateTime::currentSecsSinceEpoch() > expires) {
        *error = s3Error(403, "AccessDenied", QStringLiteral("Request has expired"));
        return false;
    }
    return true;
}

HttpResponse StorageService::handle(const HttpRequest &request)
{
    static const QRegularExpression segmentPath(QStringLiteral("^/s3/uploads/([0-9A-Z]+)/(\\d+)$"));
    static const QRegularExpression blobPath(QStringLiteral("^/s3/blobs/([A-Za-z0-9-]+)$"));
    if (request.path == kBucketPath && request.method == "POST")
        return handleFormUpload(request);
    QRegularExpressionMatch match = segmentPath.match(request.path);
    if (match.hasMatch() && request.method == "PUT")
        return handleSegmentPut(request, match.captured(1), match.captured(2).toInt());
    match = blobPath.match(request.path);
    if (match.hasMatch() && (request.method == "GET" || request.method == "HEAD"))
        return handleDownload(request, match.captured(1));
    return s3Error(404, "NoSuchKey", QStringLiteral("The specified key does not exist."));
}

HttpResponse StorageService::handleFormUpload(const HttpRequest &request)
{
    const QByteArray boundary = MultipartReader::boundaryOf(request.header("Content-Type"));
    if (boundary.isEmpty())
        return s3Error(
            400, "MalformedPOSTRequest",
            QStringLiteral("The body of your POST request is not well-formed multipart/form-data."));
    const std::unique_ptr<QIODevice> body = request.bodyDevice();
    MultipartReader reader(body.get(), boundary);
    QHash<QByteArray, QByteArray> fields;
    MultipartReader::Part part;
    while (reader.readNextPart(&part)) {
        if (part.name != "file") {
            QByteArray value;
            if (!reader.readBody(&value, 64 * 1024))
                return s3Error(400, "MalformedPOSTRequest", QStringLiteral("A form field is too large."));
            fields.insert(part.name, value);
            continue;
        }
        // S3 takes the fields before the file and ignores anything after it.
        const QString key = QString::fromUtf8(fields.value("key"));
        const QByteArray policy = fields.value("policy");
        if (!key.startsWith(QLatin1String("uploads/")) || policy.isEmpty())
            return s3Error(400, "InvalidArgument",
                           QStringLiteral("Bucket POST must contain the fields key and policy."));
        if (fields.value("x-amz-signature") != sign("policy\n" + policy))
            return s3Error(
                403, "SignatureDoesNotMatch",
                QStringLiteral(
                    "The request signature we calculated does not match the signature you provided."));
        DocUpload *upload = m_model.upload(key.mid(8));
        if (!upload || upload->segmented)
            return s3Error(403, "AccessDenied", QStringLiteral("Invalid according to Policy: key"));
        if (QDateTime::currentMSecsSinceEpoch() > upload->expiresAtMs)
            return s3Error(403, "AccessDenied",
                           QStringLiteral("Invalid according to Policy: Policy expired."));
        BlobWriter writer(m_model);
        if (!writer.start())
            return s3Error(500, "InternalError", QStringLiteral("Cannot store the object."));
        if (reader.readBody(&writer) < 0)
            return s3Error(400, "IncompleteBody",
                           QStringLiteral("The request body is incomplete or malformed."));
        const StoredBlob blob = writer.commit();
        if (blob.blobId.isEmpty())
            return s3Error(500, "InternalError", QStringLiteral("Cannot store the object."));
        if (!upload->blob.blobId.isEmpty() && !upload->used)
            QFile::remove(m_model.blobPath(upload->blob.blobId)); // an upload POSTed twice keeps the last
        upload->blob = blob;
        upload->status = QStringLiteral("complete");
        m_model.uploadChanged();
        HttpResponse response;
        response.status = 204; // S3's default success_action_status
        response.setHeader("ETag", '"' + writer.md5Hex() + '"');
        response.setHeader("Location", formUploadUrl().toEncoded() + '/' + key.toUtf8());
        return response;
    }
    if (reader.hasError())
        return s3Error(400, "MalformedPOSTRequest", reader.errorString());
    return s3Error(400, "InvalidArgument",
                   QStringLiteral("POST requires exactly one file upload per request."));
}

HttpResponse StorageService::handleSegmentPut(const HttpRequest &request, const QString &uuid, int index)
{
    HttpResponse error;
    if (!validSignature("PUT", request, &error))
        return error;
    DocUpload *upload = m_model.upload(uuid);
    if (!upload || !upload->segmented || index < 0 || index >= upload->segments.size())
        return s3Error(404, "NoSuchUpload", QStringLiteral("The specified upload does not exist."));
    if (upload->status == QLatin1String("complete"))
        return s3Error(404, "NoSuchUpload", QStringLiteral("The upload has already been completed."));
    DocUploadSegment &segment = upload->segments[index];
    if (request.bodySize != segment.size)
        return s3Error(
            400, "IncompleteBody",
            QStringLiteral("Expected %1 bytes, received %2.").arg(segment.size).arg(request.bodySize));
    if (request.header("x-amz-content-sha256").toLower() != segment.sha256Hex)
        return s3Error(
            400, "XAmzContentSHA256Mismatch",
            QStringLiteral("The provided 'x-amz-content-sha256' header does not match what was computed."));

    const QString target = m_model.uploadDir(uuid) + QStringLiteral("/%1").arg(index);
    QByteArray sha;
    QByteArray md5;
    if (!request.bodyFile.isEmpty()) {
        // Spooled to disk by the server: hash it there, then move it (no copy).
        if (!hashFile(request.bodyFile, &sha, &md5))
            return s3Error(500, "InternalError", QStringLiteral("Cannot read the segment."));
        if (sha == segment.sha256Hex) {
            QFile::remove(target);
            if (!QFile::rename(request.bodyFile, target))
                return s3Error(500, "InternalError", QStringLiteral("Cannot store the segment."));
        }
    } else {
        BlobWriter writer(m_model);
        if (!writer.start() || writer.write(request.body) != request.body.size())
            return s3Error(500, "InternalError", QStringLiteral("Cannot store the segment."));
        if (!writer.commitTo(target))
            return s3Error(500, "InternalError", QStringLiteral("Cannot store the segment."));
        sha = writer.sha256Hex();
        md5 = writer.md5Hex();
    }
    const QByteArray contentMd5 = request.header("Content-MD5");
    if (sha != segment.sha256Hex
        || (!contentMd5.isEmpty() && QByteArray::fromBase64(contentMd5) != QByteArray::fromHex(md5))) {
        QFile::remove(target);
        return s3Error(400, "BadDigest",
                       QStringLiteral("The digest you specified did not match what we received."));
    }
    segment.etag = '"' + md5 + '"';
    m_model.uploadChanged();
    HttpResponse response = HttpResponse::text(200, QByteArray(), "application/xml");
    response.setHeader("ETag", segment.etag);
    return response;
}

HttpResponse StorageService::handleDownload(const HttpRequest &request, const QString &blobId)
{
    HttpResponse error;
    if (!validSignature("GET", request, &error))
        return error;
    const QString path = m_model.blobPath(blobId);
    QFile file(path);
    if (!file.exists())
        return s3Error(404, "NoSuchKey", QStringLiteral("The specified key does not exist."));
    const qint64 size = file.size();
    const QString fileName = request.query.queryItemValue(QStringLiteral("filename"), QUrl::FullyDecoded);

    HttpResponse response;
    response.status = 200;
    response.bodyFile = path;
    response.setHeader("Content-Type", contentTypeFor(fileName));
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("ETag", '"' + blobId.toLatin1() + '"');
    if (!fileName.isEmpty()) {
        response.setHeader("Content-Disposition",
                           "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName));
    }
    static const QRegularExpression rangePattern(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
    const QRegularExpressionMatch range =
        rangePattern.match(QString::fromLatin1(request.header("Range")).trimmed());
    if (range.hasMatch() && !(range.captured(1).isEmpty() && range.captured(2).isEmpty())) {
        qint64 first = 0;
        qint64 last = size - 1;
        if (range.captured(1).isEmpty()) { // suffix: the last n bytes
            first = qMax<qint64>(0, size - range.captured(2).toLongLong());
        } else {
            first = range.captured(1).toLongLong();
            if (!range.captured(2).isEmpty())
                last = qMin(last, range.captured(2).toLongLong());
        }
        if (first >= size || first > last) {
            HttpResponse unsatisfiable =
                s3Error(416, "InvalidRange", QStringLiteral("The requested range is not satisfiable"));
            unsatisfiable.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
            return unsatisfiable;
        }
        response.status = 206;
        response.bodyFileOffset = first;
        response.bodyFileLength = last - first + 1;
        response.setHeader("Content-Range",
                           "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                               + QByteArray::number(size));
    }
    return response;
}

} // namespace sandbox
