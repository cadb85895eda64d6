#include "documents/documentscall.h"

#include "documents/blobwriter.h"
#include "documents/documentsmodel.h"
#include "documents/storageservice.h"
#include "http/multipartreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox {

namespace {
QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QString();
    }
}

void flatten(const QString &prefix, const QJsonObject &object, QHash<QString, QString> *fields)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key =
            prefix.isEmpty() ? it.key() : prefix + QLatin1Char('[') + it.key() + QLatin1Char(']');
        if (it.value().isObject())
            flatten(key, it.value().toObject(), fields);
        else if (!it.value().isArray())
            fields->insert(key, scalarText(it.value()));
    }
}
} // namespace

DocumentsCall::DocumentsCall(DocumentsModel &model_, StorageService &storage_, const HttpRequest &request_,
                             const ApiContext &context_)
    : model(model_)
    , storage(storage_)
    , request(request_)
    , context(context_)
    , json(model_, storage_, context_.apiBase)
{ }

Actor DocumentsCall::actor() const
{
    Actor a;
    a.id = context.principal.userId;
    a.login = context.principal.login;
    a.name = context.principal.login;
    return a;
}

QString DocumentsCall::query(const QString &key) const
{
    return request.query.queryItemValue(key, QUrl::FullyDecoded);
}

bool DocumentsCall::flag(const QString &key) const
{
    const QString value = query(key).toLower();
    return value == QLatin1String("true") || value == QLatin1String("1");
}

std::optional<HttpResponse> DocumentsCall::checkProject(qint64 *projectId) const
{
    bool ok = false;
    *projectId = query(QStringLiteral("project_id")).toLongLong(&ok);
    if (!ok || *projectId <= 0)
        return errorsString(400, QStringLiteral("Missing or invalid project_id"));
    return checkProject(*projectId);
}

std::optional<HttpResponse> DocumentsCall::checkProject(qint64 projectId) const
{
    if (!context.canAccessProject || !context.canAccessProject(projectId))
        return notFound();
    if (!context.principal.documentsPermission)
        return errorsString(403, QStringLiteral("You do not have permission to perform this action"));
    return std::nullopt;
}

RequestPayload DocumentsCall::readPayload() const
{
    RequestPayload payload;
    const QByteArray contentType = request.header("Content-Type").toLower();
    const QByteArray boundary = MultipartReader::boundaryOf(request.header("Content-Type"));
    if (!boundary.isEmpty()) {
        const std::unique_ptr<QIODevice> body = request.bodyDevice();
        MultipartReader reader(body.get(), boundary);
        MultipartReader::Part part;
        while (reader.readNextPart(&part)) {
            const QString name = QString::fromUtf8(part.name);
            if (part.isFile() || name.endsWith(QLatin1String("[data]"))) {
                BlobWriter writer(model);
                if (!writer.start() || reader.readBody(&writer) < 0) {
                    payload.error = QStringLiteral("Malformed multipart body");
                    return payload;
                }
                if (payload.data)
                    QFile::remove(model.blobPath(payload.data->blobId));
                payload.data = writer.commit();
                payload.dataField = name;
                payload.dataFileName = part.fileName;
                continue;
            }
            QByteArray value;
            if (!reader.readBody(&value, 1024 * 1024)) {
                payload.error = QStringLiteral("Malformed multipart body");
                return payload;
            }
            payload.fields.insert(name, QString::fromUtf8(value));
        }
        if (reader.hasError())
            payload.error = QStringLiteral("Malformed multipart body: %1").arg(reader.errorString());
        return payload;
    }
    if (request.bodySize > 16 * 1024 * 1024 || !request.bodyFile.isEmpty()) {
        payload.error = QStringLiteral("Body too large");
        return payload;
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QByteArray body = request.body;
        body.replace('+', "%20");
        const QUrlQuery form(QString::fromUtf8(body));
        for (const auto &item : form.queryItems(QUrl::FullyDecoded))
            payload.fields.insert(item.first, item.second);
        return payload;
    }
    if (request.body.trimmed().isEmpty())
        return payload;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject()) {
        payload.error = QStringLiteral("Malformed JSON body");
        return payload;
    }
    payload.json = document.object();
    flatten(QString(), payload.json, &payload.fields);
    return payload;
}

std::optional<StoredBlob> DocumentsCall::takeUpload(const QString &uuid, qint64 projectId,
                                                    HttpResponse *error) const
{
    const QString field = QStringLiteral("upload_uuid");
    DocUpload *upload = model.upload(uuid);
    if (!upload || (upload->projectId != 0 && upload->projectId != projectId)) {
        *error = errorsField(422, field, QStringLiteral("does not name an upload of this project"));
        return std::nullopt;
    }
    if (upload->userId != context.principal.userId) {
        *error = errorsField(422, field, QStringLiteral("was created by another user"));
        return std::nullopt;
    }
    if (upload->status != QLatin1String("complete") || upload->blob.blobId.isEmpty()) {
        *error =
            errorsField(422, field, QStringLiteral("is not complete: the content has not been stored yet"));
        return std::nullopt;
    }
    if (upload->used) {
        *error = errorsField(422, field, QStringLiteral("has already been used"));
        return std::nullopt;
    }
    return upload->blob;
}

void DocumentsCall::markUploadUsed(const QString &uuid) const
{
    if (DocUpload *upload = model.upload(uuid)) {
        upload->used = true;
        model.uploadChanged();
    }
}

HttpResponse DocumentsCall::ok(const QJsonObject &object, int status)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse DocumentsCall::notFound()
{
    return errorsString(404, QStringLiteral("Not found"));
}

HttpResponse DocumentsCall::failure(const ChangeResult &result)
{
    if (result.status == 404)
        return notFound();
    return errorsField(result.status, result.field, result.message);
}

} // namespace sandbox
