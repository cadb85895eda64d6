#pragma once

#include "apicontext.h"
#include "documents/documentsjson.h"
#include "documents/documenttypes.h"
#include "http/httpmessage.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace sandbox {

class DocumentsModel;
class StorageService;

// The fields of a create/update body, whatever its encoding (JSON {"file":{"name":…}} is
// flattened to "file[name]", multipart and form-urlencoded keep their names). A binary part
// (`file[data]`, `file_version[data]`) is streamed into the blob store on the way.
struct RequestPayload
{
    QHash<QString, QString> fields;
    std::optional<StoredBlob> data;
    QString dataField; // which field carried the binary
    QString dataFileName; // the binary part's filename=
    QJsonObject json; // the raw JSON object when the body was JSON
    QString error; // non-empty: the body could not be read (400)

    bool has(const QString &key) const { return fields.contains(key); }
    QString value(const QString &key) const { return fields.value(key); }
};

// One API call to a Documents route: the model, the storage, the caller and response helpers.
class DocumentsCall final
{
    Q_DISABLE_COPY_MOVE(DocumentsCall)

public:
    DocumentsCall(DocumentsModel &model, StorageService &storage, const HttpRequest &request,
                  const ApiContext &context);

    DocumentsModel &model;
    StorageService &storage;
    const HttpRequest &request;
    const ApiContext &context;
    DocumentsJson json;

    Actor actor() const;
    QString query(const QString &key) const; // fully decoded query value
    bool flag(const QString &key) const; // query value "true"/"1"

    // Reads project_id from the query and checks access (400/404/403); sets *projectId.
    std::optional<HttpResponse> checkProject(qint64 *projectId) const;
    std::optional<HttpResponse> checkProject(qint64 projectId) const;

    RequestPayload readPayload() const;
    // Resolves file[upload_uuid] for this caller: the completed, unused upload's blob, or an error.
    std::optional<StoredBlob> takeUpload(const QString &uuid, qint64 projectId, HttpResponse *error) const;
    void markUploadUsed(const QString &uuid) const;

    static HttpResponse ok(const QJsonObject &object, int status = 200);
    static HttpResponse notFound();
    static HttpResponse failure(const ChangeResult &result);
};

// The route groups (one file each). Each returns nullopt when the path/method is not its own.
std::optional<HttpResponse> handleFolderRoutes(DocumentsCall &call);
std::optional<HttpResponse> handleFileRoutes(DocumentsCall &call);
std::optional<HttpResponse> handleIndexRoute(DocumentsCall &call);
std::optional<HttpResponse> handleUploadRoutes(DocumentsCall &call);
std::optional<HttpResponse> handleDownloadHop(DocumentsCall &call);

} // namespace sandbox
