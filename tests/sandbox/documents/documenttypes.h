#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sandbox {

// Plain records of the Documents model (procore-api.md §5, §6). Field names follow the API.

struct Actor
{
    qint64 id = 0;
    QString login;
    QString name;
};

struct DocVersion
{
    qint64 id = 0;
    qint64 fileId = 0;
    int number = 1;
    QString notes;
    qint64 size = 0;
    QByteArray sha256Hex; // empty for seeded blobs until first asked (see DocumentsModel)
    QString blobId;
    QDateTime createdAt;
    Actor createdBy;
};

struct DocNode
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 parentId = 0; // 0 for the root folder
    bool isFolder = true;
    bool isRoot = false;
    QString name;
    QString description;
    bool isPrivate = false;
    bool isTracked = false;
    bool isDeleted = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    Actor createdBy;
    // Files only
    QDateTime checkedOutUntil; // invalid = not checked out
    Actor checkedOutBy;
    QList<qint64> versionIds; // oldest first
    // Folders only: children in creation order (deleted ones included)
    QList<qint64> childIds;
};

// A blob in the store, ready to become a file version.
struct StoredBlob
{
    QString blobId;
    qint64 size = 0;
    QByteArray sha256Hex;
};

// Result of a model change: status 0 = done (id = affected node/version), else an HTTP status with
// the error field ("name", "base", …) and message for the JSON error body.
struct ChangeResult
{
    int status = 0;
    QString field;
    QString message;
    qint64 id = 0;
    bool ok() const { return status == 0; }
    static ChangeResult success(qint64 id)
    {
        ChangeResult r;
        r.id = id;
        return r;
    }
    static ChangeResult failure(int status, const QString &field, const QString &message)
    {
        ChangeResult r;
        r.status = status;
        r.field = field;
        r.message = message;
        return r;
    }
};

struct DocUploadSegment
{
    qint64 size = 0;
    QByteArray sha256Hex;
    QByteArray md5Hex; // optional
    QByteArray etag; // set when the segment arrived
};

struct DocUpload
{
    QString uuid;
    qint64 projectId = 0;
    qint64 userId = 0;
    QDateTime createdAt;
    qint64 expiresAtMs = 0; // real time (ms since epoch) after which the storage URLs are refused
    QString fileName; // response_filename
    QString contentType; // response_content_type
    bool segmented = false;
    QList<DocUploadSegment> segments;
    QString status = QStringLiteral("ready"); // "ready" | "complete"
    StoredBlob blob; // set when complete
    bool used = false; // consumed by a file or version
};

} // namespace sandbox
