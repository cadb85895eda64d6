// /rest/v1.0/files[/{id}] and /rest/v1.0/file_versions[/{id}] (procore-api.md §5).
#include "documents/documentscall.h"
#include "documents/documentsmodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sandbox {

namespace {
bool truthy(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

// The content of a create/update: file[upload_uuid] (preferred) or file[data]. nullopt with
// *error unset = the body carries no content.
std::optional<StoredBlob> contentOf(DocumentsCall &call, const RequestPayload &payload, const QString &prefix,
                                    qint64 projectId, QString *uploadUuid, HttpResponse *error)
{
    const QString uuidKey = prefix + QStringLiteral("[upload_uuid]");
    if (payload.has(uuidKey) && !payload.value(uuidKey).isEmpty()) {
        *uploadUuid = payload.value(uuidKey);
        return call.takeUpload(*uploadUuid, projectId, error);
    }
    if (payload.data)
        return payload.data;
    return std::nullopt;
}

void discard(DocumentsCall &call, const RequestPayload &payload)
{
    if (payload.data)
        QFile::remove(call.model.blobPath(payload.data->blobId));
}

// §5: a file checked out by someone else can't be changed → 409.
std::optional<HttpResponse> checkedOutConflict(DocumentsCall &call, const DocNode &file)
{
    if (!file.checkedOutUntil.isValid() || file.checkedOutUntil < QDateTime::currentDateTimeUtc()
        || file.checkedOutBy.id == call.context.principal.userId)
        return std::nullopt;
    const QString message = QStringLiteral("File is checked out by %1 until %2")
                                .arg(file.checkedOutBy.name, isoTime(file.checkedOutUntil).toString());
    const QJsonObject body{
        {QStringLiteral("errors"), QJsonObject{{QStringLiteral("base"), QJsonArray{message}}}},
        {QStringLiteral("error_type"), QStringLiteral("checked_out")},
        {QStringLiteral("file"), call.json.file(file, true)}};
    return HttpResponse::json(409, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse showFile(DocumentsCall &call, qint64 projectId, qint64 id)
{
    const DocNode *file = call.model.node(id);
    if (!file || file->isFolder || file->projectId != projectId)
        return DocumentsCall::notFound();
    return DocumentsCall::ok(call.json.file(*file, call.flag(QStringLiteral("show_latest_version_only"))));
}

HttpResponse createFile(DocumentsCall &call, qint64 projectId)
{
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    const qint64 root = call.model.rootFolderId(projectId);
    qint64 parent = root;
    const QString parentText = payload.value(QStringLiteral("file[parent_id]")).trimmed();
    if (!parentText.isEmpty() && parentText != QLatin1String("null")) {
        bool ok = false;
        parent = parentText.toLongLong(&ok);
        if (!ok) {
            discard(call, payload);
            return errorsField(422, QStringLiteral("parent_id"), QStringLiteral("is not a valid id"));
        }
    }
    QString uploadUuid;
    HttpResponse error;
    error.status = 0;
    const std::optional<StoredBlob> blob =
        contentOf(call, payload, QStringLiteral("file"), projectId, &uploadUuid, &error);
    if (error.status != 0) {
        discard(call, payload);
        return error;
    }
    if (!blob) {
        return errorsBase(422, QStringLiteral("A file needs content: file[upload_uuid] or file[data]"));
    }
    // Without file[name], the name the content came with (upload's response_filename or the
    // data part's filename) is used.
    QString name = payload.value(QStringLiteral("file[name]"));
    if (!payload.has(QStringLiteral("file[name]")))
        name = uploadUuid.isEmpty() ? payload.dataFileName : call.model.upload(uploadUuid)->fileName;
    const ChangeResult result = call.model.createFile(
        projectId, parent, name, truthy(payload.value(QStringLiteral("file[unique_name]"))), *blob,
        call.actor(), payload.value(QStringLiteral("file[description]")));
    if (!result.ok()) {
        if (uploadUuid.isEmpty())
            discard(call, payload);
        return DocumentsCall::failure(result);
    }
    if (!uploadUuid.isEmpty())
        call.markUploadUsed(uploadUuid);
    call.model.updateNode(result.id, std::nullopt, std::nullopt, [&](DocNode &n) {
        n.isPrivate = truthy(payload.value(QStringLiteral("file[private]")));
        n.isTracked = truthy(payload.value(QStringLiteral("file[is_tracked]")));
        n.updatedAt = n.createdAt;
    });
    return DocumentsCall::ok(call.json.file(*call.model.node(result.id), false), 201);
}

HttpResponse updateFile(DocumentsCall &call, qint64 projectId, qint64 id)
{
    const DocNode *file = call.model.node(id);
    if (!file || file->isFolder || file->projectId != projectId || file->isDeleted)
        return DocumentsCall::notFound();
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    if (auto conflict = checkedOutConflict(call, *file)) {
        discard(call, payload);
        return *conflict;
    }
    std::optional<qint64> parent;
    if (payload.has(QStringLiteral("file[parent_id]"))) {
        const QString text = payload.value(QStringLiteral("file[parent_id]")).trimmed();
        bool ok = true;
        parent = text.isEmpty() || text == QLatin1String("null") ? call.model.rootFolderId(projectId)
                                                                 : text.toLongLong(&ok);
        if (!ok) {
            discard(call, payload);
            return errorsField(422, QStringLiteral("parent_id"), QStringLiteral("is not a valid id"));
        }
    }
    std::optional<QString> name;
    if (payload.has(QStringLiteral("file[name]")))
        name = payload.value(QStringLiteral("file[name]"));
    QString uploadUuid;
    HttpResponse error;
    error.status = 0;
    const std::optional<StoredBlob> blob =
        contentOf(call, payload, QStringLiteral("file"), projectId, &uploadUuid, &error);
    if (error.status != 0) {
        discard(call, payload);
        return error;
    }
    const Actor actor = call.actor();
    const ChangeResult result = call.model.updateNode(id, name, parent, [&](DocNode &n) {
        if (payload.has(QStringLiteral("file[description]")))
            n.description = payload.value(QStringLiteral("file[description]"));
        if (payload.has(QStringLiteral("file[private]")))
            n.isPrivate = truthy(payload.value(QStringLiteral("file[private]")));
        if (payload.has(QStringLiteral("file[is_tracked]")))
            n.isTracked = truthy(payload.value(QStringLiteral("file[is_tracked]")));
        if (payload.has(QStringLiteral("file[checked_out_until]"))) {
            n.checkedOutUntil = parseIsoTime(payload.value(QStringLiteral("file[checked_out_until]")));
            n.checkedOutBy = n.checkedOutUntil.isValid() ? actor : Actor();
        }
    });
    if (!result.ok()) {
        if (uploadUuid.isEmpty())
            discard(call, payload);
        return DocumentsCall::failure(result);
    }
    if (blob) {
        call.model.addVersion(id, *blob, actor, QString());
        if (!uploadUuid.isEmpty())
            call.markUploadUsed(uploadUuid);
    }
    return DocumentsCall::ok(call.json.file(*call.model.node(id), false));
}

HttpResponse deleteFile(DocumentsCall &call, qint64 projectId, qint64 id)
{
    const DocNode *file = call.model.node(id);
    if (!file || file->isFolder || file->projectId != projectId)
        return DocumentsCall::notFound();
    if (auto conflict = checkedOutConflict(call, *file))
        return *conflict;
    const ChangeResult result = call.model.deleteNode(id);
    if (!result.ok())
        return DocumentsCall::failure(result);
    return DocumentsCall::ok(call.json.file(*call.model.node(id), false));
}

HttpResponse createVersion(DocumentsCall &call, qint64 projectId)
{
    bool ok = false;
    const qint64 fileId = call.query(QStringLiteral("file_id")).toLongLong(&ok);
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    const DocNode *file = ok ? call.model.node(fileId) : nullptr;
    if (!file || file->isFolder || file->projectId != projectId || file->isDeleted) {
        discard(call, payload);
        return DocumentsCall::notFound();
    }
    if (auto conflict = checkedOutConflict(call, *file)) {
        discard(call, payload);
        return *conflict;
    }
    QString uploadUuid;
    HttpResponse error;
    error.status = 0;
    const std::optional<StoredBlob> blob =
        contentOf(call, payload, QStringLiteral("file_version"), projectId, &uploadUuid, &error);
    if (error.status != 0) {
        discard(call, payload);
        return error;
    }
    if (!blob)
        return errorsBase(
            422, QStringLiteral("A version needs content: file_version[upload_uuid] or file_version[data]"));
    const ChangeResult result = call.model.addVersion(fileId, *blob, call.actor(),
                                                      payload.value(QStringLiteral("file_version[notes]")));
    if (!result.ok())
        return DocumentsCall::failure(result);
    if (!uploadUuid.isEmpty())
        call.markUploadUsed(uploadUuid);
    return DocumentsCall::ok(call.json.version(*call.model.version(result.id)), 201);
}

HttpResponse showVersion(DocumentsCall &call, qint64 projectId, qint64 id)
{
    const DocVersion *version = call.model.version(id);
    const DocNode *file = version ? call.model.node(version->fileId) : nullptr;
    if (!file || file->projectId != projectId)
        return DocumentsCall::notFound();
    return DocumentsCall::ok(call.json.version(*version));
}
} // namespace

std::optional<HttpResponse> handleFileRoutes(DocumentsCall &call)
{
    static const QRegularExpression pattern(
        QStringLiteral("^/rest/v1\\.0/(files|file_versions)(?:/(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(call.request.path);
    if (!match.hasMatch())
        return std::nullopt;
    const QByteArray &method = call.request.method;
    const bool versions = match.captured(1) == QLatin1String("file_versions");
    const bool withId = !match.captured(2).isEmpty();
    bool known = false;
    if (versions)
        known = withId ? method == "GET" : method == "POST";
    else
        known = withId ? (method == "GET" || method == "PATCH" || method == "PUT" || method == "DELETE")
                       : method == "POST";
    if (!known)
        return std::nullopt;
    qint64 projectId = 0;
    if (auto denied = call.checkProject(&projectId))
        return denied;
    const qint64 id = match.captured(2).toLongLong();
    if (versions)
        return withId ? showVersion(call, projectId, id) : createVersion(call, projectId);
    if (!withId)
        return createFile(call, projectId);
    if (method == "GET")
        return showFile(call, projectId, id);
    if (method == "DELETE")
        return deleteFile(call, projectId, id);
    return updateFile(call, projectId, id);
}

} // namespace sandbox
