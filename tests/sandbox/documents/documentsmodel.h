#pragma once

#include "documents/documenttypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimer>

#include <functional>

namespace sandbox {

// One Documents tree per project (procore-api.md §5): a root folder, folders, files and file
// versions, soft deletes, the pending uploads (§6) and the blob files on disk. All state of the
// Documents part of the sandbox lives here; the routes (DocumentsApi, StorageService) only
// translate HTTP to calls on this model. Runs on the server thread: no locking.
//
// Disk layout under dataDir: documents.json (metadata), blobs/<blob id> (one file per version's
// content), uploads/<uuid>/<segment> (segments received but not yet completed).
class DocumentsModel final
{
    Q_DISABLE_COPY_MOVE(DocumentsModel)

public:
    explicit DocumentsModel(const QString &dataDir);
    ~DocumentsModel(); // saves when there are unsaved changes

    bool load(); // false when there is no saved state (or it cannot be read)
    void save() const; // writes documents.json now (changes also trigger a debounced save)
    // false: no debounced saves after changes (a temporary data dir: nobody reads them back);
    // save() still writes when called.
    void setAutoSave(bool enabled);
    // Save on every change instead of a second later (--durable): what a reply acknowledged is on
    // disk before the reply leaves, so a SIGKILL loses nothing the client was told about.
    void setSaveImmediately(bool enabled) { m_saveImmediately = enabled; }

    // seedName: "minimal" | "demo" | "large" | "empty"; projectIndex: 0,1,2 within the company.
    // Does nothing when the project already has a tree (e.g. loaded from --data-dir).
    void seedProject(qint64 projectId, const QString &projectName, const QString &seedName, int projectIndex);
    // The whole tree (or the subtree of folderId, a folder of the project) incl. deleted items, sizes,
    // sha256; empty when the project or the folder is unknown. "counts" are the whole project's.
    QJsonObject stateJson(qint64 projectId, qint64 folderId = 0) const;

    void setRelaxedNames(bool relaxed);
    bool relaxedNames() const { return m_relaxedNames; }
    // --time-scale K: storage URL lifetimes (15 min downloads, 1 h uploads) are sandbox time, so
    // they last lifetime/K real seconds.
    void setTimeScale(double scale);
    double timeScale() const { return m_timeScale; }
    qint64 realSeconds(qint64 sandboxSeconds) const; // sandbox duration → real seconds (≥ 1)

    QString dataDir() const { return m_dataDir; }
    QString blobPath(const QString &blobId) const;
    QString uploadDir(const QString &uuid) const;
    QString newTempPath() const; // a fresh path in the blob directory for a file being written

    // ---- Tree look-ups
    qint64 rootFolderId(qint64 projectId); // creates an empty root on first use
    const DocNode *node(qint64 id) const;
    const DocVersion *version(qint64 id) const;
    QList<qint64> childIds(qint64 folderId, bool includeDeleted) const;
    QList<qint64> projectNodeIds(qint64 projectId) const; // every node of the project but the root
    QString nameWithPath(qint64 id) const; // "Drawings/A-101.pdf"; "" for the root
    bool isDescendantOf(qint64 id, qint64 ancestorId) const;
    QByteArray versionSha256(qint64 versionId) const; // hashes lazily (seeded blobs)

    // ---- Mutations. Each returns an error (status 0 = success) and the affected id.
    ChangeResult createFolder(qint64 projectId, qint64 parentId, const QString &name, const Actor &actor,
                              bool isTracked, bool isPrivate);
    ChangeResult createFile(qint64 projectId, qint64 parentId, const QString &name, bool uniqueName,
                            const StoredBlob &blob, const Actor &actor, const QString &description);
    // Rename and/or move (name/parentId unset = unchanged). Folders and files alike.
    ChangeResult updateNode(qint64 id, const std::optional<QString> &name, std::optional<qint64> parentId,
                            const std::function<void(DocNode &)> &otherChanges = {});
    ChangeResult addVersion(qint64 fileId, const StoredBlob &blob, const Actor &actor, const QString &notes);
    ChangeResult deleteNode(qint64 id); // to the recycle bin (subtree included)

    // ---- Blobs
    // Moves a finished file (written by BlobWriter) into the blob store.
    StoredBlob adoptBlob(const QString &tempPath, qint64 size, const QByteArray &sha256Hex);

    // ---- Uploads (§6)
    DocUpload &createUpload(qint64 projectId, qint64 userId);
    DocUpload *upload(const QString &uuid);
    void uploadChanged();

    void markDirty(); // schedules a save

private:
    friend class DocumentsSeeder;
    friend class DocumentsPersistence;

    qint64 nextId() { return m_nextId++; }
    bool nameTaken(qint64 parentId, const QString &name, qint64 exceptId) const;
    QString uniqueNameFor(qint64 parentId, const QString &name) const;
    void touch(DocNode &node);
    void markDeleted(qint64 id, const QDateTime &when);
    QJsonObject stateNodeJson(const DocNode &node) const;

    QString m_dataDir;
    bool m_relaxedNames = false;
    double m_timeScale = 1.0;
    qint64 m_nextId = Q_INT64_C(8589934592); // 2^33: above sbcore's ids
    QHash<qint64, DocNode> m_nodes;
    QHash<qint64, DocVersion> m_versions;
    QHash<qint64, qint64> m_rootByProject;
    QHash<QString, DocUpload> m_uploads;
    mutable QHash<qint64, QByteArray> m_lazySha; // versions of seeded blobs hashed on demand
    QTimer m_saveTimer;
    mutable bool m_dirty = false;
    bool m_autoSave = true;
    bool m_saveImmediately = false;
};

} // namespace sandbox
