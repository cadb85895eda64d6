#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace trestle {

// Plain value types for what Trestle needs from Procore's v1.x REST API (procore-api.md §4–§6).
// Ids are 64-bit (Procore's exceed 2^32); timestamps are UTC. Fields the app does not use are
// left out on purpose: a parser only fails on what the app relies on.

struct UserRef
{
    qint64 id = 0;
    QString login;
    QString name;
};

struct Me
{
    qint64 id = 0;
    QString login;
    QString name;
};

struct Company
{
    qint64 id = 0;
    QString name;
    bool isActive = true;
};

struct Project
{
    qint64 id = 0;
    QString name;
    QString displayName;
    QString projectNumber;
    bool active = true;
    qint64 companyId = 0; // 0 when the reply did not say
};

struct FileVersion
{
    qint64 id = 0;
    qint64 fileId = 0;
    int number = 0;
    QString notes;
    QString url; // download URL (on the API host; needs the token; redirects to storage)
    qint64 size = -1;
    QDateTime createdAt;
    UserRef createdBy;
};

struct File
{
    qint64 id = 0;
    QString name;
    qint64 parentId = 0;
    qint64 size = -1; // bytes; -1 unknown
    QString description;
    QString nameWithPath;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime checkedOutUntil;
    bool isDeleted = false;
    bool isPrivate = false;
    QList<FileVersion> versions;
};

struct Folder
{
    qint64 id = 0;
    QString name;
    qint64 parentId = 0; // 0 for the root
    QString nameWithPath;
    QDateTime updatedAt;
    bool isDeleted = false;
    bool isRecycleBin = false;
    bool isPrivate = false;
    bool readOnly = false;
    bool hasChildren = false;
    // Direct children, filled by the folder show calls (not by the documents index).
    QList<Folder> folders;
    QList<File> files;
};

// One item of the flat documents index (GET /rest/v1.0/projects/{pid}/documents).
struct DocumentEntry
{
    enum class Type { Folder, File };

    qint64 id = 0;
    Type type = Type::File;
    QString name;
    qint64 parentId = 0;
    QString nameWithPath;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool isDeleted = false;
    bool isInRecycleBin = false;
    bool isPrivate = false;
    // Files only (view=normal carries the current version):
    qint64 size = -1;
    std::optional<FileVersion> currentVersion;
};

// A storage upload (procore-api.md §6). Form uploads (A) carry url + fields; segmented uploads
// (B) carry one URL and the exact headers per segment.
struct UploadSegment
{
    qint64 size = 0;
    QByteArray sha256Hex;
    QByteArray md5Hex; // optional
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers; // sent verbatim with the PUT
    QByteArray etag; // filled after the PUT, sent with the complete call
};

struct Upload
{
    QString uuid;
    QString status; // "ready", "complete", …
    QString url; // form upload target (A)
    QList<QPair<QString, QString>> fields; // form fields (A), in the order received
    QList<UploadSegment> segments; // (B)
};

struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty for client-credentials tokens
    QDateTime expiresAt; // UTC
    QDateTime createdAt; // UTC

    bool isValid() const { return !accessToken.isEmpty(); }
};

} // namespace trestle

Q_DECLARE_METATYPE(trestle::Me)
Q_DECLARE_METATYPE(trestle::Company)
Q_DECLARE_METATYPE(trestle::Project)
Q_DECLARE_METATYPE(trestle::Folder)
Q_DECLARE_METATYPE(trestle::File)
Q_DECLARE_METATYPE(trestle::FileVersion)
Q_DECLARE_METATYPE(trestle::DocumentEntry)
Q_DECLARE_METATYPE(trestle::Upload)
Q_DECLARE_METATYPE(trestle::TokenSet)
