// GET/POST /rest/v1.0/folders, GET/PATCH/DELETE /rest/v1.0/folders/{id} (procore-api.md §5).
#include "documents/documentscall.h"
#include "documents/documentsmodel.h"

#include <QRegularExpression>

namespace sandbox {

namespace {
bool truthy(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

// parent_id from a body: absent/empty/null → the root folder.
std::optional<qint64> parentFrom(const RequestPayload &payload, const QString &key, qint64 root,
                                 bool *invalid)
{
    *invalid = false;
    if (!payload.has(key))
        return std::nullopt;
    const QString text = payload.value(key).trimmed();
    if (text.isEmpty() || text == QLatin1String("null"))
        return root;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    *invalid = !ok;
    return id;
}

HttpResponse showFolder(DocumentsCall &call, qint64 projectId, qint64 folderId)
{
    const DocNode *folder = call.model.node(folderId);
    if (!folder || !folder->isFolder || folder->projectId != projectId)
        return DocumentsCall::notFound();
    DocumentsJson::FolderOptions options;
    options.excludeFolders = call.flag(QStringLiteral("exclude_folders"));
    options.excludeFiles = call.flag(QStringLiteral("exclude_files"));
    options.latestVersionOnly = call.flag(QStringLiteral("show_latest_file_version_only"));
    return DocumentsCall::ok(call.json.folderWithChildren(*folder, options));
}

HttpResponse createFolder(DocumentsCall &call, qint64 projectId)
{
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    if (!payload.has(QStringLiteral("folder[name]")))
        return errorsField(422, QStringLiteral("name"), QStringLiteral("can't be blank"));
    const qint64 root = call.model.rootFolderId(projectId);
    bool invalid = false;
    const qint64 parent =
        parentFrom(payload, QStringLiteral("folder[parent_id]"), root, &invalid).value_or(root);
    if (invalid)
        return errorsField(422, QStringLiteral("parent_id"), QStringLiteral("is not a valid id"));
    const ChangeResult result =
        call.model.createFolder(projectId, parent, payload.value(QStringLiteral("folder[name]")),
                                call.actor(), truthy(payload.value(QStringLiteral("folder[is_tracked]"))),
                                truthy(payload.value(QStringLiteral("folder[private]"))));
    if (!result.ok())
        return DocumentsCall::failure(result);
    return DocumentsCall::ok(call.json.folder(*call.model.node(result.id)), 201);
}

HttpResponse updateFolder(DocumentsCall &call, qint64 projectId, qint64 folderId)
{
    const DocNode *folder = call.model.node(folderId);
    if (!folder || !folder->isFolder || folder->projectId != projectId || folder->isDeleted)
        return DocumentsCall::notFound();
    if (folder->isRoot)
        return errorsBase(422, QStringLiteral("The root folder can't be changed"));
    const RequestPayload payload = call.readPayload();
    if (!payload.error.isEmpty())
        return errorsString(400, payload.error);
    bool invalid = false;
    const std::optional<qint64> parent = parentFrom(payload, QStringLiteral("folder[parent_id]"),
                                                    call.model.rootFolderId(projectId), &invalid);
    if (invalid)
        return errorsField(422, QStringLiteral("parent_id"), QStringLiteral("is not a valid id"));
    std::optional<QString> name;
    if (payload.has(QStringLiteral("folder[name]")))
        name = payload.value(QStringLiteral("folder[name]"));
    const ChangeResult result = call.model.updateNode(folderId, name, parent, [&](DocNode &n) {
        if (payload.has(QStringLiteral("folder[is_tracked]")))
            n.isTracked = truthy(payload.value(QStringLiteral("folder[is_tracked]")));
        if (payload.has(QStringLiteral("folder[private]")))
            n.isPrivate = truthy(payload.value(QStringLiteral("folder[private]")));
    });
    if (!result.ok())
        return DocumentsCall::failure(result);
    DocumentsJson::FolderOptions options;
    return DocumentsCall::ok(call.json.folderWithChildren(*call.model.node(folderId), options));
}

HttpResponse deleteFolder(DocumentsCall &call, qint64 projectId, qint64 folderId)
{
    const DocNode *folder = call.model.node(folderId);
    if (!folder || !folder->isFolder || folder->projectId != projectId)
        return DocumentsCall::notFound();
    if (folder->isRoot)
        return errorsBase(422, QStringLiteral("The root folder can't be deleted"));
    const ChangeResult result = call.model.deleteNode(folderId);
    if (!result.ok())
        return DocumentsCall::failure(result);
    return DocumentsCall::ok(call.json.folder(*call.model.node(folderId)));
}
} // namespace

std::optional<HttpResponse> handleFolderRoutes(DocumentsCall &call)
{
    static const QRegularExpression pattern(QStringLiteral("^/rest/v1\\.0/folders(?:/(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(call.request.path);
    if (!match.hasMatch())
        return std::nullopt;
    const QByteArray &method = call.request.method;
    const bool withId = !match.captured(1).isEmpty();
    const bool known = withId
        ? (method == "GET" || method == "PATCH" || method == "PUT" || method == "DELETE")
        : (method == "GET" || method == "POST");
    if (!known)
        return std::nullopt;
    qint64 projectId = 0;
    if (auto denied = call.checkProject(&projectId))
        return denied;
    if (!withId) {
        if (method == "GET")
            return showFolder(call, projectId, call.model.rootFolderId(projectId));
        return createFolder(call, projectId);
    }
    const qint64 id = match.captured(1).toLongLong();
    if (method == "GET")
        return showFolder(call, projectId, id);
    if (method == "DELETE")
        return deleteFolder(call, projectId, id);
    return updateFolder(call, projectId, id);
}

} // namespace sandbox
