#pragma once

#include "documents/documenttypes.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

namespace sandbox {

class DocumentsModel;
class StorageService;

// "2026-06-01T12:00:00.000Z" (UTC, milliseconds); null for an invalid time.
QJsonValue isoTime(const QDateTime &time);
QDateTime parseIsoTime(const QString &text); // invalid when unparsable

// The API's JSON shapes of folders, files and file versions (procore-api.md §5).
class DocumentsJson final
{
    Q_DISABLE_COPY_MOVE(DocumentsJson)

public:
    DocumentsJson(const DocumentsModel &model, const StorageService &storage, const QUrl &apiBase);

    // A folder with its direct children (children get empty folders/files lists).
    struct FolderOptions
    {
        bool excludeFolders = false;
        bool excludeFiles = false;
        bool latestVersionOnly = false;
    };
    QJsonObject folderWithChildren(const DocNode &folder, const FolderOptions &options) const;
    QJsonObject folder(const DocNode &folder) const; // folders/files lists empty
    QJsonObject file(const DocNode &file, bool latestVersionOnly) const;
    QJsonObject version(const DocVersion &version) const;
    // An item of GET /projects/{pid}/documents; `extended` adds file.current_version.
    QJsonObject indexItem(const DocNode &node, bool extended) const;

    // The download hop on the API host: apiBase/fas/api/v5/files/{versionId}?sig=…
    QUrl downloadUrl(const DocVersion &version) const;

private:
    QJsonObject folderFields(const DocNode &folder) const;
    static QJsonValue actor(const Actor &actor);

    const DocumentsModel &m_model;
    const StorageService &m_storage;
    QUrl m_apiBase;
};

} // namespace sandbox
