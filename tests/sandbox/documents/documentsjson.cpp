#include "documents/documentsjson.h"

#include "documents/documentnames.h"
#include "documents/documentsmodel.h"
#include "documents/storageservice.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace sandbox {

QJsonValue isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime parseIsoTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

DocumentsJson::DocumentsJson(const DocumentsModel &model, const StorageService &storage, const QUrl &apiBase)
    : m_model(model), m_storage(storage), m_apiBase(apiBase)
{ }

QJsonValue DocumentsJson::actor(const Actor &actor)
{
    if (actor.id == 0)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("id"), actor.id},
                       {QStringLiteral("login"), actor.login},
                       {QStringLiteral("name"), actor.name}};
}

QUrl DocumentsJson::downloadUrl(const DocVersion &version) const
{
    QUrl url = m_apiBase;
    url.setPath(QStringLiteral("/fas/api/v5/files/%1").arg(version.id));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sig"),
                       QString::fromLatin1(m_storage.sign("fas/" + QByteArray::number(version.id))));
    url.setQuery(query);
    return url;
}

QJsonObject DocumentsJson::version(const DocVersion &v) const
{
    const QString url = QString::fromUtf8(downloadUrl(v).toEncoded());
    const DocNode *file = m_model.node(v.fileId);
    const QString name = file ? file->name : QString();
    return QJsonObject{
        {QStringLiteral("id"), v.id},
        {QStringLiteral("file_id"), v.fileId},
        {QStringLiteral("number"), v.number},
        {QStringLiteral("notes"), v.notes.isEmpty() ? QJsonValue() : QJsonValue(v.notes)},
        {QStringLiteral("url"), url},
        {QStringLiteral("size"), v.size},
        {QStringLiteral("created_at"), isoTime(v.createdAt)},
        {QStringLiteral("created_by"), actor(v.createdBy)},
        {QStringLiteral("prostore_file"),
         QJsonObject{{QStringLiteral("id"), v.id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("filename"), name}}},
    };
}

QJsonObject DocumentsJson::file(const DocNode &f, bool latestVersionOnly) const
{
    QJsonArray versions;
    // Newest first (see README): the current version is file_versions[0].
    for (auto it = f.versionIds.crbegin(); it != f.versionIds.crend(); ++it) {
        versions.append(version(*m_model.version(*it)));
        if (latestVersionOnly)
            break;
    }
    const DocVersion *current = f.versionIds.isEmpty() ? nullptr : m_model.version(f.versionIds.last());
    const bool checkedOut = f.checkedOutUntil.isValid();
    return QJsonObject{
        {QStringLiteral("id"), f.id},
        {QStringLiteral("name"), f.name},
        {QStringLiteral("parent_id"), f.parentId},
        {QStringLiteral("size"), current ? current->size : 0},
        {QStringLiteral("description"), f.description.isEmpty() ? QJsonValue() : QJsonValue(f.description)},
        {QStringLiteral("updated_at"), isoTime(f.updatedAt)},
        {QStringLiteral("created_at"), isoTime(f.createdAt)},
        {QStringLiteral("checked_out_until"), isoTime(f.checkedOutUntil)},
        {QStringLiteral("checked_out_by"), checkedOut ? actor(f.checkedOutBy) : QJsonValue()},
        {QStringLiteral("name_with_path"), m_model.nameWithPath(f.id)},
        {QStringLiteral("private"), f.isPrivate},
        {QStringLiteral("is_tracked"), f.isTracked},
        {QStringLiteral("tracked_folder"), QJsonValue()},
        {QStringLiteral("file_type"), fileTypeOf(f.name)},
        {QStringLiteral("file_versions"), versions},
        {QStringLiteral("legacy_id"), QJsonValue()},
        {QStringLiteral("is_deleted"), f.isDeleted},
        {QStringLiteral("custom_fields"), QJsonObject()},
    };
}

QJsonObject DocumentsJson::folderFields(const DocNode &f) const
{
    bool hasFiles = false;
    bool hasFolders = false;
    for (qint64 child : m_model.childIds(f.id, false)) {
        (m_model.node(child)->isFolder ? hasFolders : hasFiles) = true;
        if (hasFiles && hasFolders)
            break;
    }
    return QJsonObject{
        {QStringLiteral("id"), f.id},
        {QStringLiteral("name"), f.name},
        {QStringLiteral("parent_id"), f.isRoot ? QJsonValue() : QJsonValue(f.parentId)},
        {QStringLiteral("private"), f.isPrivate},
        {QStringLiteral("updated_at"), isoTime(f.updatedAt)},
        {QStringLiteral("created_at"), isoTime(f.createdAt)},
        {QStringLiteral("is_tracked"), f.isTracked},
        {QStringLiteral("tracked_folder"), QJsonValue()},
        {QStringLiteral("name_with_path"), m_model.nameWithPath(f.id)},
        {QStringLiteral("read_only"), false},
        {QStringLiteral("is_deleted"), f.isDeleted},
        {QStringLiteral("is_recycle_bin"), false},
        {QStringLiteral("has_children"), hasFiles || hasFolders},
        {QStringLiteral("has_children_files"), hasFiles},
        {QStringLiteral("has_children_folders"), hasFolders},
        {QStringLiteral("custom_fields"), QJsonObject()},
    };
}

QJsonObject DocumentsJson::folder(const DocNode &f) const
{
    QJsonObject o = folderFields(f);
    o.insert(QStringLiteral("folders"), QJsonArray());
    o.insert(QStringLiteral("files"), QJsonArray());
    return o;
}

QJsonObject DocumentsJson::folderWithChildren(const DocNode &f, const FolderOptions &options) const
{
    QJsonObject o = folderFields(f);
    QJsonArray folders;
    QJsonArray files;
    for (qint64 child : m_model.childIds(f.id, false)) {
        const DocNode &c = *m_model.node(child);
        if (c.isFolder && !options.excludeFolders)
            folders.append(folder(c));
        else if (!c.isFolder && !options.excludeFiles)
            files.append(file(c, options.latestVersionOnly));
    }
    o.insert(QStringLiteral("folders"), folders);
    o.insert(QStringLiteral("files"), files);
    return o;
}

QJsonObject DocumentsJson::indexItem(const DocNode &n, bool extended) const
{
    QJsonObject o{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("name"), n.name},
        {QStringLiteral("parent_id"), n.parentId},
        {QStringLiteral("name_with_path"), m_model.nameWithPath(n.id)},
        {QStringLiteral("document_type"), n.isFolder ? QStringLiteral("folder") : QStringLiteral("file")},
        {QStringLiteral("updated_at"), isoTime(n.updatedAt)},
        {QStringLiteral("created_at"), isoTime(n.createdAt)},
        {QStringLiteral("created_by"), actor(n.createdBy)},
        {QStringLiteral("private"), n.isPrivate},
        {QStringLiteral("private_parent"), false},
        {QStringLiteral("is_tracked"), n.isTracked},
        {QStringLiteral("tracked_folder"), QJsonValue()},
        {QStringLiteral("read_only"), false},
        {QStringLiteral("is_deleted"), n.isDeleted},
        {QStringLiteral("is_recycle_bin"), false},
        {QStringLiteral("custom_fields"), QJsonObject()},
    };
    if (n.isFolder) {
        const QJsonObject fields = folderFields(n);
        o.insert(QStringLiteral("children"),
                 QJsonObject{{QStringLiteral("has_children"), fields.value(QStringLiteral("has_children"))},
                             {QStringLiteral("has_children_files"),
                              fields.value(QStringLiteral("has_children_files"))},
                             {QStringLiteral("has_children_folders"),
                              fields.value(QStringLiteral("has_children_folders"))}});
        o.insert(QStringLiteral("file"), QJsonValue());
    } else {
        const bool checkedOut = n.checkedOutUntil.isValid();
        QJsonObject f{
            {QStringLiteral("checked_out_by"), checkedOut ? actor(n.checkedOutBy) : QJsonValue()},
            {QStringLiteral("checked_out_until"), isoTime(n.checkedOutUntil)},
            {QStringLiteral("description"),
             n.description.isEmpty() ? QJsonValue() : QJsonValue(n.description)},
            {QStringLiteral("file_type"), fileTypeOf(n.name)},
        };
        if (extended && !n.versionIds.isEmpty())
            f.insert(QStringLiteral("current_version"), version(*m_model.version(n.versionIds.last())));
        o.insert(QStringLiteral("file"), f);
    }
    return o;
}

} // namespace sandbox
