#include "documents/documentsmodel.h"

#include "documents/documentnames.h"
#include "documents/documentsjson.h"
#include "documents/documentspersistence.h"
#include "documents/documentsseeder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

#include <cmath>

namespace sandbox {

namespace {
constexpr int kSaveDelayMs = 1000; // debounce: a burst of changes costs one write of documents.json

// A ULID-like id (26 characters of Crockford base32: 48-bit time + 80 random bits), as Procore's
// upload uuids look ("01EJ…").
QString ulid()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString id;
    quint64 time = quint64(QDateTime::currentMSecsSinceEpoch());
    QString timePart;
    for (int i = 0; i < 10; ++i) {
        timePart.prepend(QLatin1Char(alphabet[time % 32]));
        time /= 32;
    }
    id = timePart;
    for (int i = 0; i < 16; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]);
    return id;
}
} // namespace

DocumentsModel::DocumentsModel(const QString &dataDir) : m_dataDir(dataDir)
{
    QDir().mkpath(m_dataDir + QStringLiteral("/blobs"));
    QDir().mkpath(m_dataDir + QStringLiteral("/uploads"));
    // The initial time scale comes from the command line (--time-scale K or --time-scale=K), so
    // URL lifetimes follow it even before the core calls setTimeScale(); live changes through
    // /_sandbox/config need the core to call setTimeScale().
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 0; i < arguments.size(); ++i) {
        QString value;
        if (arguments.at(i) == QLatin1String("--time-scale") && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--time-scale=")))
            value = arguments.at(i).mid(13);
        bool ok = false;
        const double scale = value.toDouble(&ok);
        if (ok)
            setTimeScale(scale);
    }
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    QObject::connect(&m_saveTimer, &QTimer::timeout, [this] { save(); });
}

DocumentsModel::~DocumentsModel()
{
    if (m_dirty && m_autoSave)
        save();
}

bool DocumentsModel::load()
{
    DocumentsPersistence persistence(*this);
    return persistence.load(m_dataDir + QStringLiteral("/documents.json"));
}

void DocumentsModel::save() const
{
    DocumentsPersistence persistence(const_cast<DocumentsModel &>(*this));
    if (persistence.save(m_dataDir + QStringLiteral("/documents.json")))
        m_dirty = false;
}

void DocumentsModel::setAutoSave(bool enabled)
{
    m_autoSave = enabled;
    if (!enabled)
        m_saveTimer.stop();
}

void DocumentsModel::markDirty()
{
    m_dirty = true;
    if (m_autoSave && m_saveImmediately) {
        save();
        return;
    }
    // The timer needs the thread's event loop; without one (unit tests) the destructor saves.
    if (m_autoSave && !m_saveTimer.isActive())
        m_saveTimer.start();
}

void DocumentsModel::seedProject(qint64 projectId, const QString &projectName, const QString &seedName,
                                 int projectIndex)
{
    if (m_rootByProject.contains(projectId))
        return;
    rootFolderId(projectId);
    DocumentsSeeder seeder(*this, projectId, projectIndex);
    seeder.seed(seedName, projectName);
    markDirty();
}

void DocumentsModel::setRelaxedNames(bool relaxed)
{
    m_relaxedNames = relaxed;
}

void DocumentsModel::setTimeScale(double scale)
{
    m_timeScale = scale > 0 ? scale : 1.0;
}

qint64 DocumentsModel::realSeconds(qint64 sandboxSeconds) const
{
    return qMax<qint64>(1, qint64(std::ceil(double(sandboxSeconds) / m_timeScale)));
}

QString DocumentsModel::blobPath(const QString &blobId) const
{
    return m_dataDir + QStringLiteral("/blobs/") + blobId;
}

QString DocumentsModel::uploadDir(const QString &uuid) const
{
    return m_dataDir + QStringLiteral("/uploads/") + uuid;
}

QString DocumentsModel::newTempPath() const
{
    return m_dataDir + QStringLiteral("/blobs/tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// ---- Look-ups

qint64 DocumentsModel::rootFolderId(qint64 projectId)
{
    const auto it = m_rootByProject.constFind(projectId);
    if (it != m_rootByProject.cend())
        return it.value();
    DocNode root;
    root.id = nextId();
    root.projectId = projectId;
    root.isRoot = true;
    root.name = QStringLiteral("Documents");
    root.createdAt = root.updatedAt =
        QDateTime::fromString(QStringLiteral("2026-01-05T08:00:00.000Z"), Qt::ISODateWithMs);
    m_nodes.insert(root.id, root);
    m_rootByProject.insert(projectId, root.id);
    markDirty();
    return root.id;
}

const DocNode *DocumentsModel::node(qint64 id) const
{
    const auto it = m_nodes.constFind(id);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

const DocVersion *DocumentsModel::version(qint64 id) const
{
    const auto it = m_versions.constFind(id);
    return it == m_versions.cend() ? nullptr : &it.value();
}

QList<qint64> DocumentsModel::childIds(qint64 folderId, bool includeDeleted) const
{
    const DocNode *folder = node(folderId);
    if (!folder)
        return {};
    if (includeDeleted)
        return folder->childIds;
    QList<qint64> ids;
    for (qint64 id : folder->childIds) {
        if (!node(id)->isDeleted)
            ids << id;
    }
    return ids;
}

QList<qint64> DocumentsModel::projectNodeIds(qint64 projectId) const
{
    QList<qint64> ids;
    const qint64 root = m_rootByProject.value(projectId);
    if (!root)
        return ids;
    // Depth-first from the root, so the order is stable (creation order within each folder).
    QList<qint64> stack{root};
    while (!stack.isEmpty()) {
        const qint64 id = stack.takeLast();
        if (id != root)
            ids << id;
        const DocNode &n = *node(id);
        for (auto it = n.childIds.crbegin(); it != n.childIds.crend(); ++it)
            stack << *it;
    }
    return ids;
}

QString DocumentsModel::nameWithPath(qint64 id) const
{
    QStringList parts;
    for (const DocNode *n = node(id); n && !n->isRoot; n = node(n->parentId))
        parts.prepend(n->name);
    return parts.join(QLatin1Char('/'));
}

bool DocumentsModel::isDescendantOf(qint64 id, qint64 ancestorId) const
{
    for (const DocNode *n = node(id); n && !n->isRoot; n = node(n->parentId)) {
        if (n->parentId == ancestorId)
            return true;
    }
    return false;
}

QByteArray DocumentsModel::versionSha256(qint64 versionId) const
{
    const DocVersion *v = version(versionId);
    if (!v)
        return {};
    if (!v->sha256Hex.isEmpty())
        return v->sha256Hex;
    const auto cached = m_lazySha.constFind(versionId);
    if (cached != m_lazySha.cend())
        return cached.value();
    QFile file(blobPath(v->blobId));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    const QByteArray hex = hash.result().toHex();
    m_lazySha.insert(versionId, hex);
    return hex;
}

// ---- Names

bool DocumentsModel::nameTaken(qint64 parentId, const QString &name, qint64 exceptId) const
{
    // Case-insensitive, like Procore's web UI treats "A-101.pdf" and "a-101.PDF" (see README).
    for (qint64 id : childIds(parentId, false)) {
        if (id != exceptId && node(id)->name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString DocumentsModel::uniqueNameFor(qint64 parentId, const QString &name) const
{
    if (!nameTaken(parentId, name, 0))
        return name;
    for (int n = 1;; ++n) {
        const QString candidate = numberedName(name, n);
        if (!nameTaken(parentId, candidate, 0))
            return candidate;
    }
}

void DocumentsModel::touch(DocNode &n)
{
    n.updatedAt = QDateTime::currentDateTimeUtc();
    markDirty();
}

// ---- Mutations

namespace {
// The longest name_with_path suffix below a folder ("/sub/file.pdf"), for rename/move checks.
int longestSuffix(const QHash<qint64, DocNode> &nodes, qint64 folderId)
{
    int longest = 0;
    const DocNode &folder = *nodes.constFind(folderId);
    for (qint64 child : folder.childIds) {
        const DocNode &c = *nodes.constFind(child);
        if (c.isDeleted)
            continue;
        int length = 1 + pathLength(c.name);
        if (c.isFolder)
            length += longestSuffix(nodes, child);
        longest = qMax(longest, length);
    }
    return longest;
}
} // namespace

ChangeResult DocumentsModel::createFolder(qint64 projectId, qint64 parentId, const QString &name,
                                          const Actor &actor, bool isTracked, bool isPrivate)
{
    const DocNode *parent = node(parentId);
    if (!parent || !parent->isFolder || parent->isDeleted || parent->projectId != projectId)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("Parent folder not found"));
    const QString parentPath = nameWithPath(parentId);
    const QString path = parentPath.isEmpty() ? name : parentPath + QLatin1Char('/') + name;
    const QString problem = checkName(name, path, false, m_relaxedNames);
    if (!problem.isEmpty())
        return ChangeResult::failure(422, QStringLiteral("name"), problem);
    if (nameTaken(parentId, name, 0))
        return ChangeResult::failure(422, QStringLiteral("name"), QStringLiteral("has already been taken"));
    DocNode folder;
    folder.id = nextId();
    folder.projectId = projectId;
    folder.parentId = parentId;
    folder.isFolder = true;
    folder.name = name;
    folder.isTracked = isTracked;
    folder.isPrivate = isPrivate;
    folder.createdAt = folder.updatedAt = QDateTime::currentDateTimeUtc();
    folder.createdBy = actor;
    m_nodes.insert(folder.id, folder);
    m_nodes[parentId].childIds << folder.id;
    markDirty();
    return ChangeResult::success(folder.id);
}

ChangeResult DocumentsModel::createFile(qint64 projectId, qint64 parentId, const QString &requestedName,
                                        bool uniqueName, const StoredBlob &blob, const Actor &actor,
                                        const QString &description)
{
    const DocNode *parent = node(parentId);
    if (!parent || !parent->isFolder || parent->isDeleted || parent->projectId != projectId)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("Parent folder not found"));
    QString name = requestedName;
    if (uniqueName && !name.trimmed().isEmpty())
        name = uniqueNameFor(parentId, name);
    const QString parentPath = nameWithPath(parentId);
    const QString path = parentPath.isEmpty() ? name : parentPath + QLatin1Char('/') + name;
    const QString problem = checkName(name, path, true, m_relaxedNames);
    if (!problem.isEmpty())
        return ChangeResult::failure(422, QStringLiteral("name"), problem);
    if (nameTaken(parentId, name, 0))
        return ChangeResult::failure(422, QStringLiteral("name"), QStringLiteral("has already been taken"));
    DocNode file;
    file.id = nextId();
    file.projectId = projectId;
    file.parentId = parentId;
    file.isFolder = false;
    file.name = name;
    file.description = description;
    file.createdAt = file.updatedAt = QDateTime::currentDateTimeUtc();
    file.createdBy = actor;
    m_nodes.insert(file.id, file);
    m_nodes[parentId].childIds << file.id;
    addVersion(file.id, blob, actor, QString());
    m_nodes[file.id].updatedAt = file.updatedAt;
    markDirty();
    return ChangeResult::success(file.id);
}

ChangeResult DocumentsModel::updateNode(qint64 id, const std::optional<QString> &name,
                                        std::optional<qint64> parentId,
                                        const std::function<void(DocNode &)> &otherChanges)
{
    const DocNode *current = node(id);
    if (!current || current->isRoot)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("Not found"));
    const qint64 newParent = parentId.value_or(current->parentId);
    const QString newName = name.value_or(current->name);
    const DocNode *parent = node(newParent);
    if (!parent || !parent->isFolder || parent->isDeleted || parent->projectId != current->projectId)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("Parent folder not found"));
    if (current->isFolder && (newParent == id || isDescendantOf(newParent, id)))
        return ChangeResult::failure(422, QStringLiteral("parent_id"),
                                     QStringLiteral("can't be the folder itself or one of its subfolders"));
    if (newName != current->name || newParent != current->parentId) {
        const QString parentPath = nameWithPath(newParent);
        QString path = parentPath.isEmpty() ? newName : parentPath + QLatin1Char('/') + newName;
        if (current->isFolder) // every descendant's path must stay within the limit too
            path += QString(longestSuffix(m_nodes, id), QLatin1Char('x'));
        const QString problem = checkName(newName, path, !current->isFolder, m_relaxedNames);
        if (!problem.isEmpty())
            return ChangeResult::failure(422, QStringLiteral("name"), problem);
        if (nameTaken(newParent, newName, id))
            return ChangeResult::failure(422, QStringLiteral("name"),
                                         QStringLiteral("has already been taken"));
    }
    DocNode &n = m_nodes[id];
    if (newParent != n.parentId) {
        m_nodes[n.parentId].childIds.removeAll(id);
        m_nodes[newParent].childIds << id;
        n.parentId = newParent;
    }
    n.name = newName;
    if (otherChanges)
        otherChanges(n);
    touch(n);
    return ChangeResult::success(id);
}

ChangeResult DocumentsModel::addVersion(qint64 fileId, const StoredBlob &blob, const Actor &actor,
                                        const QString &notes)
{
    const DocNode *file = node(fileId);
    if (!file || file->isFolder)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("File not found"));
    DocVersion v;
    v.id = nextId();
    v.fileId = fileId;
    v.number = int(file->versionIds.size()) + 1;
    v.notes = notes;
    v.size = blob.size;
    v.sha256Hex = blob.sha256Hex;
    v.blobId = blob.blobId;
    v.createdAt = QDateTime::currentDateTimeUtc();
    v.createdBy = actor;
    m_versions.insert(v.id, v);
    DocNode &n = m_nodes[fileId];
    n.versionIds << v.id;
    touch(n);
    return ChangeResult::success(v.id);
}

void DocumentsModel::markDeleted(qint64 id, const QDateTime &when)
{
    DocNode &n = m_nodes[id];
    if (!n.isDeleted) {
        n.isDeleted = true;
        n.updatedAt = when;
    }
    for (qint64 child : std::as_const(n.childIds))
        markDeleted(child, when);
}

ChangeResult DocumentsModel::deleteNode(qint64 id)
{
    const DocNode *n = node(id);
    if (!n || n->isRoot || n->isDeleted)
        return ChangeResult::failure(404, QStringLiteral("base"), QStringLiteral("Not found"));
    markDeleted(id, QDateTime::currentDateTimeUtc());
    markDirty();
    return ChangeResult::success(id);
}

// ---- Blobs and uploads

StoredBlob DocumentsModel::adoptBlob(const QString &tempPath, qint64 size, const QByteArray &sha256Hex)
{
    StoredBlob blob;
    blob.blobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    blob.size = size;
    blob.sha256Hex = sha256Hex;
    if (!QFile::rename(tempPath, blobPath(blob.blobId)))
        return {};
    return blob;
}

DocUpload &DocumentsModel::createUpload(qint64 projectId, qint64 userId)
{
    DocUpload upload;
    upload.uuid = ulid();
    upload.projectId = projectId;
    upload.userId = userId;
    upload.createdAt = QDateTime::currentDateTimeUtc();
    upload.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + realSeconds(3600) * 1000;
    markDirty();
    return m_uploads.insert(upload.uuid, upload).value();
}

DocUpload *DocumentsModel::upload(const QString &uuid)
{
    const auto it = m_uploads.find(uuid);
    return it == m_uploads.end() ? nullptr : &it.value();
}

void DocumentsModel::uploadChanged()
{
    markDirty();
}

// ---- State for /_sandbox/state

QJsonObject DocumentsModel::stateNodeJson(const DocNode &n) const
{
    QJsonObject o{{QStringLiteral("id"), n.id},
                  {QStringLiteral("name"), n.name},
                  {QStringLiteral("name_with_path"), nameWithPath(n.id)},
                  {QStringLiteral("parent_id"), n.isRoot ? QJsonValue() : QJsonValue(n.parentId)},
                  {QStringLiteral("is_deleted"), n.isDeleted},
                  {QStringLiteral("created_at"), isoTime(n.createdAt)},
                  {QStringLiteral("updated_at"), isoTime(n.updatedAt)}};
    if (n.isFolder) {
        QJsonArray folders;
        QJsonArray files;
        for (qint64 child : n.childIds) {
            const DocNode &c = *node(child);
            (c.isFolder ? folders : files).append(stateNodeJson(c));
        }
        o.insert(QStringLiteral("folders"), folders);
        o.insert(QStringLiteral("files"), files);
    } else {
        QJsonArray versions;
        for (qint64 vid : n.versionIds) {
            const DocVersion &v = *version(vid);
            versions.append(QJsonObject{{QStringLiteral("id"), v.id},
                                        {QStringLiteral("number"), v.number},
                                        {QStringLiteral("size"), v.size},
                                        {QStringLiteral("sha256"), QString::fromLatin1(versionSha256(v.id))},
                                        {QStringLiteral("created_at"), isoTime(v.createdAt)}});
        }
        o.insert(QStringLiteral("size"), n.versionIds.isEmpty() ? 0 : version(n.versionIds.last())->size);
        o.insert(QStringLiteral("versions"), versions);
    }
    return o;
}

QJsonObject DocumentsModel::stateJson(qint64 projectId, qint64 folderId) const
{
    qint64 root = m_rootByProject.value(projectId);
    if (!root)
        return {};
    if (folderId) {
        const DocNode *folder = node(folderId);
        if (!folder || !folder->isFolder || folder->projectId != projectId)
            return {};
        root = folderId;
    }
    qint64 folders = 0, files = 0, versions = 0, deleted = 0;
    for (qint64 id : projectNodeIds(projectId)) {
        const DocNode &n = *node(id);
        n.isFolder ? ++folders : ++files;
        versions += n.versionIds.size();
        deleted += n.isDeleted ? 1 : 0;
    }
    return QJsonObject{{QStringLiteral("project_id"), projectId},
                       {QStringLiteral("counts"),
                        QJsonObject{{QStringLiteral("folders"), folders},
                                    {QStringLiteral("files"), files},
                                    {QStringLiteral("versions"), versions},
                                    {QStringLiteral("deleted"), deleted}}},
                       {QStringLiteral("root"), stateNodeJson(*node(root))}};
}

} // namespace sandbox
