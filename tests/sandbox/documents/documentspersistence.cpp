#include "documents/documentspersistence.h"

#include "documents/documentsjson.h"
#include "documents/documentsmodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sandbox {

namespace {
constexpr int kFormatVersion = 1;

QJsonObject actorJson(const Actor &a)
{
    return {
        {QStringLiteral("id"), a.id}, {QStringLiteral("login"), a.login}, {QStringLiteral("name"), a.name}};
}

Actor actorFrom(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    Actor a;
    a.id = o.value(QStringLiteral("id")).toInteger();
    a.login = o.value(QStringLiteral("login")).toString();
    a.name = o.value(QStringLiteral("name")).toString();
    return a;
}

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> idsFrom(const QJsonValue &value)
{
    QList<qint64> ids;
    for (const QJsonValue &v : value.toArray())
        ids << v.toInteger();
    return ids;
}

QString s(const char *key)
{
    return QString::fromLatin1(key);
}
} // namespace

DocumentsPersistence::DocumentsPersistence(DocumentsModel &model) : m_model(model) { }

bool DocumentsPersistence::save(const QString &path) const
{
    QJsonArray nodes;
    for (const DocNode &n : std::as_const(m_model.m_nodes)) {
        nodes.append(QJsonObject{
            {s("id"), n.id},
            {s("project_id"), n.projectId},
            {s("parent_id"), n.parentId},
            {s("is_folder"), n.isFolder},
            {s("is_root"), n.isRoot},
            {s("name"), n.name},
            {s("description"), n.description},
            {s("private"), n.isPrivate},
            {s("is_tracked"), n.isTracked},
            {s("is_deleted"), n.isDeleted},
            {s("created_at"), isoTime(n.createdAt)},
            {s("updated_at"), isoTime(n.updatedAt)},
            {s("created_by"), actorJson(n.createdBy)},
            {s("checked_out_until"), isoTime(n.checkedOutUntil)},
            {s("checked_out_by"), actorJson(n.checkedOutBy)},
            {s("versions"), idsJson(n.versionIds)},
            {s("children"), idsJson(n.childIds)},
        });
    }
    QJsonArray versions;
    for (const DocVersion &v : std::as_const(m_model.m_versions)) {
        QByteArray sha = v.sha256Hex;
        if (sha.isEmpty())
            sha = m_model.m_lazySha.value(v.id);
        versions.append(QJsonObject{
            {s("id"), v.id},
            {s("file_id"), v.fileId},
            {s("number"), v.number},
            {s("notes"), v.notes},
            {s("size"), v.size},
            {s("sha256"), QString::fromLatin1(sha)},
            {s("blob"), v.blobId},
            {s("created_at"), isoTime(v.createdAt)},
            {s("created_by"), actorJson(v.createdBy)},
        });
    }
    QJsonArray uploads;
    for (const DocUpload &u : std::as_const(m_model.m_uploads)) {
        QJsonArray segments;
        for (const DocUploadSegment &segment : u.segments) {
            segments.append(QJsonObject{{s("size"), segment.size},
                                        {s("sha256"), QString::fromLatin1(segment.sha256Hex)},
                                        {s("md5"), QString::fromLatin1(segment.md5Hex)},
                                        {s("etag"), QString::fromLatin1(segment.etag)}});
        }
        uploads.append(QJsonObject{
            {s("uuid"), u.uuid},
            {s("project_id"), u.projectId},
            {s("user_id"), u.userId},
            {s("created_at"), isoTime(u.createdAt)},
            {s("expires_at_ms"), u.expiresAtMs},
            {s("file_name"), u.fileName},
            {s("content_type"), u.contentType},
            {s("segmented"), u.segmented},
            {s("segments"), segments},
            {s("status"), u.status},
            {s("blob"), u.blob.blobId},
            {s("size"), u.blob.size},
            {s("sha256"), QString::fromLatin1(u.blob.sha256Hex)},
            {s("used"), u.used},
        });
    }
    QJsonArray roots;
    for (auto it = m_model.m_rootByProject.cbegin(); it != m_model.m_rootByProject.cend(); ++it)
        roots.append(QJsonObject{{s("project_id"), it.key()}, {s("root_id"), it.value()}});
    const QJsonObject document{{s("format"), kFormatVersion}, {s("next_id"), m_model.m_nextId},
                               {s("roots"), roots},           {s("nodes"), nodes},
                               {s("versions"), versions},     {s("uploads"), uploads}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(document).toJson(QJsonDocument::Compact));
    return file.commit();
}

bool DocumentsPersistence::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    if (document.value(s("format")).toInt() != kFormatVersion)
        return false;
    m_model.m_nodes.clear();
    m_model.m_versions.clear();
    m_model.m_uploads.clear();
    m_model.m_rootByProject.clear();
    m_model.m_nextId = qMax(m_model.m_nextId, document.value(s("next_id")).toInteger());
    for (const QJsonValue &value : document.value(s("roots")).toArray()) {
        const QJsonObject o = value.toObject();
        m_model.m_rootByProject.insert(o.value(s("project_id")).toInteger(),
                                       o.value(s("root_id")).toInteger());
    }
    for (const QJsonValue &value : document.value(s("nodes")).toArray()) {
        const QJsonObject o = value.toObject();
        DocNode n;
        n.id = o.value(s("id")).toInteger();
        n.projectId = o.value(s("project_id")).toInteger();
        n.parentId = o.value(s("parent_id")).toInteger();
        n.isFolder = o.value(s("is_folder")).toBool();
        n.isRoot = o.value(s("is_root")).toBool();
        n.name = o.value(s("name")).toString();
        n.description = o.value(s("description")).toString();
        n.isPrivate = o.value(s("private")).toBool();
        n.isTracked = o.value(s("is_tracked")).toBool();
        n.isDeleted = o.value(s("is_deleted")).toBool();
        n.createdAt = parseIsoTime(o.value(s("created_at")).toString());
        n.updatedAt = parseIsoTime(o.value(s("updated_at")).toString());
        n.createdBy = actorFrom(o.value(s("created_by")));
        n.checkedOutUntil = parseIsoTime(o.value(s("checked_out_until")).toString());
        n.checkedOutBy = actorFrom(o.value(s("checked_out_by")));
        n.versionIds = idsFrom(o.value(s("versions")));
        n.childIds = idsFrom(o.value(s("children")));
        m_model.m_nodes.insert(n.id, n);
    }
    for (const QJsonValue &value : document.value(s("versions")).toArray()) {
        const QJsonObject o = value.toObject();
        DocVersion v;
        v.id = o.value(s("id")).toInteger();
        v.fileId = o.value(s("file_id")).toInteger();
        v.number = o.value(s("number")).toInt();
        v.notes = o.value(s("notes")).toString();
        v.size = o.value(s("size")).toInteger();
        v.sha256Hex = o.value(s("sha256")).toString().toLatin1();
        v.blobId = o.value(s("blob")).toString();
        v.createdAt = parseIsoTime(o.value(s("created_at")).toString());
        v.createdBy = actorFrom(o.value(s("created_by")));
        m_model.m_versions.insert(v.id, v);
    }
    for (const QJsonValue &value : document.value(s("uploads")).toArray()) {
        const QJsonObject o = value.toObject();
        DocUpload u;
        u.uuid = o.value(s("uuid")).toString();
        u.projectId = o.value(s("project_id")).toInteger();
        u.userId = o.value(s("user_id")).toInteger();
        u.createdAt = parseIsoTime(o.value(s("created_at")).toString());
        u.expiresAtMs = o.value(s("expires_at_ms")).toInteger();
        u.fileName = o.value(s("file_name")).toString();
        u.contentType = o.value(s("content_type")).toString();
        u.segmented = o.value(s("segmented")).toBool();
        for (const QJsonValue &segmentValue : o.value(s("segments")).toArray()) {
            const QJsonObject so = segmentValue.toObject();
            DocUploadSegment segment;
            segment.size = so.value(s("size")).toInteger();
            segment.sha256Hex = so.value(s("sha256")).toString().toLatin1();
            segment.md5Hex = so.value(s("md5")).toString().toLatin1();
            segment.etag = so.value(s("etag")).toString().toLatin1();
            u.segments << segment;
        }
        u.status = o.value(s("status")).toString();
        u.blob.blobId = o.value(s("blob")).toString();
        u.blob.size = o.value(s("size")).toInteger();
        u.blob.sha256Hex = o.value(s("sha256")).toString().toLatin1();
        u.used = o.value(s("used")).toBool();
        m_model.m_uploads.insert(u.uuid, u);
    }
    return true;
}

} // namespace sandbox
