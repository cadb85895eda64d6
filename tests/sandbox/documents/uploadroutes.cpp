// POST/GET/PATCH /rest/v1.{0,1}/{projects/{pid}|companies/{cid}}/uploads[/{uuid}] (procore-api.md §6)
// and the download hop GET /fas/api/v5/files/{versionId} on the API host (§7, §12).
#include "documents/blobwriter.h"
#include "documents/documentscall.h"
#include "documents/documentsmodel.h"
#include "documents/fileappend.h"
#include "documents/storageservice.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace sandbox {

namespace {
constexpr qint64 kMinSegment = 5 * 1024 * 1024; // S3's minimum part size (all but the last)
constexpr qint64 kMaxSegment = Q_INT64_C(5) * 1024 * 1024 * 1024;
constexpr int kMaxSegments = 10000;

QByteArray unquoted(QByteArray etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

QJsonObject uploadJson(DocumentsCall &call, const DocUpload &upload)
{
    QJsonObject o{{QStringLiteral("uuid"), upload.uuid}, {QStringLiteral("status"), upload.status}};
    QJsonArray segments;
    if (upload.segmented) {
        for (int i = 0; i < upload.segments.size(); ++i) {
            const DocUploadSegment &s = upload.segments.at(i);
            QJsonObject headers{{QStringLiteral("x-amz-content-sha256"), QString::fromLatin1(s.sha256Hex)},
                                {QStringLiteral("content-length"), QString::number(s.size)}};
            if (!s.md5Hex.isEmpty())
                headers.insert(QStringLiteral("content-md5"),
                               QString::fromLatin1(QByteArray::fromHex(s.md5Hex).toBase64()));
            QJsonObject segment{
                {QStringLiteral("size"), s.size},
                {QStringLiteral("sha256"), QString::fromLatin1(s.sha256Hex)},
                {QStringLiteral("md5"),
                 s.md5Hex.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(s.md5Hex))},
                {QStringLiteral("url"), QString::fromUtf8(call.storage.segmentUrl(upload, i).toEncoded())},
                {QStringLiteral("headers"), headers}};
            if (!s.etag.isEmpty())
                segment.insert(QStringLiteral("etag"), QString::fromLatin1(s.etag));
            segments.append(segment);
        }
    } else {
        o.insert(QStringLiteral("url"), QString::fromUtf8(call.storage.formUploadUrl().toEncoded()));
        o.insert(QStringLiteral("fields"), call.storage.formUploadFields(upload));
    }
    o.insert(QStringLiteral("segments"), segments);
    if (upload.status == QLatin1String("complete"))
        o.insert(QStringLiteral("size"), upload.blob.size);
    return o;
}

QString field(const RequestPayload &payload, const QString &name)
{
    // Accept both {"response_filename":…} and {"upload":{"response_filename":…}}.
    if (payload.has(name))
        return payload.value(name);
    return payload.value(QStringLiteral("upload[") + name + QLatin1Char(']'));
}

HttpResponse createUpload(DocumentsCall &call, qint64 projectId)
{
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    QJsonArray segmentsIn = payload.json.value(QStringLiteral("segments")).toArray();
    if (segmentsIn.isEmpty())
        segmentsIn = payload.json.value(QStringLiteral("upload"))
                         .toObject()
                         .value(QStringLiteral("segments"))
                         .toArray();
    QList<DocUploadSegment> segments;
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    if (segmentsIn.size() > kMaxSegments)
        return errorsField(422, QStringLiteral("segments"),
                           QStringLiteral("at most %1 segments").arg(kMaxSegments));
    for (int i = 0; i < segmentsIn.size(); ++i) {
        const QJsonObject s = segmentsIn.at(i).toObject();
        DocUploadSegment segment;
        segment.size = s.value(QStringLiteral("size")).toInteger(-1);
        segment.sha256Hex = s.value(QStringLiteral("sha256")).toString().toLower().toLatin1();
        segment.md5Hex = s.value(QStringLiteral("md5")).toString().toLower().toLatin1();
        const bool last = i == segmentsIn.size() - 1;
        QString problem;
        if (segment.size <= 0 || segment.size > kMaxSegment)
            problem = QStringLiteral("segment %1: size must be between 1 byte and 5 GB").arg(i + 1);
        else if (!last && segment.size < kMinSegment)
            problem =
                QStringLiteral("segment %1: every segment but the last must be at least 5 MB (5242880 bytes)")
                    .arg(i + 1);
        else if (!hex64.match(QString::fromLatin1(segment.sha256Hex)).hasMatch())
            problem = QStringLiteral("segment %1: sha256 must be 64 hex digits").arg(i + 1);
        else if (!segment.md5Hex.isEmpty() && !hex32.match(QString::fromLatin1(segment.md5Hex)).hasMatch())
            problem = QStringLiteral("segment %1: md5 must be 32 hex digits").arg(i + 1);
        if (!problem.isEmpty())
            return errorsField(422, QStringLiteral("segments"), problem);
        segments << segment;
    }
    DocUpload &upload = call.model.createUpload(projectId, call.context.principal.userId);
    upload.fileName = field(payload, QStringLiteral("response_filename"));
    upload.contentType = field(payload, QStringLiteral("response_content_type"));
    upload.segmented = !segments.isEmpty();
    upload.segments = segments;
    if (upload.segmented)
        QDir().mkpath(call.model.uploadDir(upload.uuid));
    call.model.uploadChanged();
    return DocumentsCall::ok(uploadJson(call, upload), 201);
}

// Joins the received segments into one blob: the first segment's file becomes the blob and the
// others are appended to it in the kernel (fileappend.h), so completing costs about one in-kernel
// copy and no hashing on the one request thread — like S3, which assembles multipart uploads
// server-side. Every segment's sha256 (and md5, when given) was verified when it was PUT, so the
// whole is right by construction; the blob's own sha256 is left to be computed on first use (for
// /_sandbox/state, the only place that shows it), as for seeded blobs. On failure the first
// segment is put back, so the PATCH can be repeated.
std::optional<StoredBlob> assemble(DocumentsCall &call, DocUpload &upload)
{
    const QString dir = call.model.uploadDir(upload.uuid);
    const QString first = dir + QStringLiteral("/0");
    const QString target = call.model.newTempPath();
    qint64 expected = 0;
    for (const DocUploadSegment &segment : std::as_const(upload.segments))
        expected += segment.size;
    if (!QFile::rename(first, target))
        return std::nullopt;
    QFile out(target);
    bool ok = out.open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    for (int i = 1; ok && i < upload.segments.size(); ++i)
        ok = appendFile(out, dir + QStringLiteral("/%1").arg(i));
    const qint64 size = ok ? out.size() : -1;
    out.close();
    if (size != expected) {
        // Back to where the PATCH found it (a part may have been appended in full or in part).
        QFile::resize(target, upload.segments.constFirst().size);
        QFile::rename(target, first);
        return std::nullopt;
    }
    QDir(dir).removeRecursively();
    StoredBlob blob = call.model.adoptBlob(target, size, QByteArray());
    if (blob.blobId.isEmpty())
        return std::nullopt;
    return blob;
}

HttpResponse completeUpload(DocumentsCall &call, DocUpload &upload)
{
    if (!upload.segmented)
        return errorsBase(422, QStringLiteral("Only segmented uploads are completed with PATCH"));
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    QJsonArray parts = payload.json.value(QStringLiteral("segments")).toArray();
    if (parts.isEmpty())
        parts = payload.json.value(QStringLiteral("upload"))
                    .toObject()
                    .value(QStringLiteral("segments"))
                    .toArray();
    if (parts.size() != upload.segments.size())
        return errorsField(422, QStringLiteral("segments"),
                           QStringLiteral("expected %1 segments with their etags, got %2")
                               .arg(upload.segments.size())
                               .arg(parts.size()));
    for (int i = 0; i < parts.size(); ++i) {
        const QByteArray given =
            unquoted(parts.at(i).toObject().value(QStringLiteral("etag")).toString().toLatin1());
        const DocUploadSegment &segment = upload.segments.at(i);
        if (segment.etag.isEmpty())
            return errorsField(422, QStringLiteral("segments"),
                               QStringLiteral("segment %1 has not been uploaded").arg(i + 1));
        if (given.isEmpty() || given != unquoted(segment.etag))
            return errorsField(422, QStringLiteral("segments"),
                               QStringLiteral("etag of segment %1 does not match").arg(i + 1));
    }
    if (upload.status != QLatin1String("complete")) {
        const std::optional<StoredBlob> blob = assemble(call, upload);
        if (!blob)
            return errorsBase(500, QStringLiteral("Could not assemble the upload"));
        upload.blob = *blob;
        upload.status = QStringLiteral("complete");
        call.model.uploadChanged();
    }
    return DocumentsCall::ok(uploadJson(call, upload));
}
} // namespace

std::optional<HttpResponse> handleUploadRoutes(DocumentsCall &call)
{
    static const QRegularExpression pattern(
        QStringLiteral("^/rest/v1\\.[01]/(projects|companies)/(\\d+)/uploads(?:/([0-9A-Za-z]+))?$"));
    const QRegularExpressionMatch match = pattern.match(call.request.path);
    if (!match.hasMatch())
        return std::nullopt;
    const QByteArray &method = call.request.method;
    const bool withId = !match.captured(3).isEmpty();
    if (withId ? !(method == "GET" || method == "PATCH") : method != "POST")
        return std::nullopt;
    const qint64 ownerId = match.captured(2).toLongLong();
    qint64 projectId = 0; // 0: a company upload, usable in any project of the company
    if (match.captured(1) == QLatin1String("projects")) {
        projectId = ownerId;
        if (auto denied = call.checkProject(projectId))
            return denied;
    } else {
        if (ownerId != call.context.companyId)
            return DocumentsCall::notFound();
        if (!call.context.principal.documentsPermission)
            return errorsString(403, QStringLiteral("You do not have permission to perform this action"));
    }
    if (!withId)
        return createUpload(call, projectId);
    DocUpload *upload = call.model.upload(match.captured(3));
    if (!upload || upload->projectId != projectId || upload->userId != call.context.principal.userId)
        return DocumentsCall::notFound();
    if (method == "GET")
        return DocumentsCall::ok(uploadJson(call, *upload));
    return completeUpload(call, *upload);
}

std::optional<HttpResponse> handleDownloadHop(DocumentsCall &call)
{
    static const QRegularExpression pattern(QStringLiteral("^/fas/api/v5/files/(\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(call.request.path);
    if (!match.hasMatch() || !(call.request.method == "GET" || call.request.method == "HEAD"))
        return std::nullopt;
    const qint64 versionId = match.captured(1).toLongLong();
    // The URL is a capability handed out in file_versions[].url: its signature must match.
    if (call.query(QStringLiteral("sig")).toLatin1()
        != call.storage.sign("fas/" + QByteArray::number(versionId)))
        return errorsString(403, QStringLiteral("Invalid download URL"));
    if (!call.context.principal.documentsPermission)
        return errorsString(403, QStringLiteral("You do not have permission to perform this action"));
    const DocVersion *version = call.model.version(versionId);
    const DocNode *file = version ? call.model.node(version->fileId) : nullptr;
    if (!file)
        return DocumentsCall::notFound();
    // With a company header the project must be visible to the caller; without one (the header
    // is not needed on this host) the signed URL suffices.
    if (call.context.companyId != 0 && call.context.canAccessProject
        && !call.context.canAccessProject(file->projectId))
        return DocumentsCall::notFound();
    if (call.context.countDownloadHop)
        call.context.countDownloadHop();
    HttpResponse response;
    response.status = 302;
    response.setHeader("Location", call.storage.signedDownloadUrl(version->blobId, file->name).toEncoded());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

} // namespace sandbox
