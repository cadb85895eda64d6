#include "core/api/jsonparse.h"

#include "core/api/apierrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace trestle {

namespace {

// Reads fields with type checks and remembers the first problem ("folders[2].id: …").
class Reader final
{
public:
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &path, const QString &why)
    {
        if (m_error.isEmpty())
            m_error = path.isEmpty() ? why : QStringLiteral("%1: %2").arg(path, why);
    }

    static bool absent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

    qint64 integer(const QJsonObject &o, const QString &path, QLatin1String key, bool required,
                   qint64 fallback = 0)
    {
        const QJsonValue v = o.value(key);
        const QString where = join(path, key);
        if (absent(v)) {
            if (required)
                fail(where, QStringLiteral("missing"));
            return fallback;
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            const qint64 i = v.toInteger(std::numeric_limits<qint64>::min());
            if (i == std::numeric_limits<qint64>::min() || double(i) != d) {
                // toInteger() refuses fractions; doubles beyond 2^53 lose digits either way.
                fail(where, QStringLiteral("not an integer"));
                return fallback;
            }
            return i;
        }
        if (v.isString()) { // v2-style string ids
            bool ok = false;
            const qint64 i = v.toString().toLongLong(&ok);
            if (ok)
                return i;
        }
        fail(where, QStringLiteral("expected an integer"));
        return fallback;
    }

    qint64 id(const QJsonObject &o, const QString &path, QLatin1String key, bool required)
    {
        const qint64 value = integer(o, path, key, required, 0);
        if (ok() && (value < 0 || (required && value == 0)))
            fail(join(path, key), QStringLiteral("not a valid id"));
        return value;
    }

    QString string(const QJsonObject &o, const QString &path, QLatin1String key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (absent(v)) {
            if (required)
                fail(join(path, key), QStringLiteral("missing"));
            return QString();
        }
        if (!v.isString()) {
            fail(join(path, key), QStringLiteral("expected a string"));
            return QString();
        }
        if (required && v.toString().isEmpty())
            fail(join(path, key), QStringLiteral("empty"));
        return v.toString();
    }

    bool boolean(const QJsonObject &o, const QString &path, QLatin1String key, bool fallback)
    {
        const QJsonValue v = o.value(key);
        if (absent(v))
            return fallback;
        if (!v.isBool()) {
            fail(join(path, key), QStringLiteral("expected a boolean"));
            return fallback;
        }
        return v.toBool();
    }

    QDateTime time(const QJsonObject &o, const QString &path, QLatin1String key)
    {
        const QJsonValue v = o.value(key);
        if (absent(v))
            return QDateTime();
        if (!v.isString()) {
            fail(join(path, key), QStringLiteral("expected a timestamp"));
            return QDateTime();
        }
        QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!t.isValid()) {
            fail(join(path, key), QStringLiteral("not an ISO 8601 timestamp"));
            return QDateTime();
        }
        return t.toUTC();
    }

    // An optional object: absent → empty object and false; wrong type → failure.
    bool object(const QJsonObject &o, const QString &path, QLatin1String key, QJsonObject *out)
    {
        const QJsonValue v = o.value(key);
        if (absent(v))
            return false;
        if (!v.isObject()) {
            fail(join(path, key), QStringLiteral("expected an object"));
            return false;
        }
        *out = v.toObject();
        return true;
    }

    QJsonArray array(const QJsonObject &o, const QString &path, QLatin1String key)
    {
        const QJsonValue v = o.value(key);
        if (absent(v))
            return QJsonArray();
        if (!v.isArray()) {
            fail(join(path, key), QStringLiteral("expected an array"));
            return QJsonArray();
        }
        return v.toArray();
    }

    static QString join(const QString &path, QLatin1String key)
    {
        return path.isEmpty() ? QString(key) : path + QLatin1Char('.') + key;
    }
    static QString index(const QString &path, qsizetype i)
    {
        return QStringLiteral("%1[%2]").arg(path).arg(i);
    }

private:
    QString m_error;
};

// Parses the body as JSON of the expected shape; on failure returns the MalformedReply error.
Error parseDocument(const QByteArray &body, const QString &endpoint, QJsonDocument *doc)
{
    if (body.trimmed().isEmpty())
        return ApiErrors::malformed(endpoint, body, QStringLiteral("empty body"));
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiErrors::malformed(
            endpoint, body,
            QStringLiteral("not JSON (%1 at %2)").arg(parseError.errorString()).arg(parseError.offset));
    return Error();
}

Error objectBody(const QByteArray &body, const QString &endpoint, QJsonObject *out)
{
    QJsonDocument doc;
    if (Error e = parseDocument(body, endpoint, &doc))
        return e;
    if (!doc.isObject())
        return ApiErrors::malformed(endpoint, body, QStringLiteral("expected a JSON object"));
    *out = doc.object();
    return Error();
}

Error arrayBody(const QByteArray &body, const QString &endpoint, QJsonArray *out)
{
    QJsonDocument doc;
    if (Error e = parseDocument(body, endpoint, &doc))
        return e;
    if (!doc.isArray())
        return ApiErrors::malformed(endpoint, body, QStringLiteral("expected a JSON array"));
    *out = doc.array();
    return Error();
}

UserRef readUser(Reader &r, const QJsonObject &o, const QString &path)
{
    UserRef user;
    user.id = r.id(o, path, QLatin1String("id"), false);
    user.login = r.string(o, path, QLatin1String("login"), false);
    user.name = r.string(o, path, QLatin1String("name"), false);
    return user;
}

FileVersion readVersion(Reader &r, const QJsonObject &o, const QString &path)
{
    FileVersion v;
    v.id = r.id(o, path, QLatin1String("id"), true);
    v.fileId = r.id(o, path, QLatin1String("file_id"), false);
    v.number = int(r.integer(o, path, QLatin1String("number"), false, 0));
    v.notes = r.string(o, path, QLatin1String("notes"), false);
    v.url = r.string(o, path, QLatin1String("url"), false);
    v.size = r.integer(o, path, QLatin1String("size"), false, -1);
    v.createdAt = r.time(o, path, QLatin1String("created_at"));
    QJsonObject sub;
    if (r.object(o, path, QLatin1String("created_by"), &sub))
        v.createdBy = readUser(r, sub, Reader::join(path, QLatin1String("created_by")));
    if (v.url.isEmpty() && r.object(o, path, QLatin1String("prostore_file"), &sub))
        v.url =
            r.string(sub, Reader::join(path, QLatin1String("prostore_file")), QLatin1String("url"), false);
    return v;
}

File readFile(Reader &r, const QJsonObject &o, const QString &path)
{
    File f;
    f.id = r.id(o, path, QLatin1String("id"), true);
    f.name = r.string(o, path, QLatin1String("name"), true);
    f.parentId = r.id(o, path, QLatin1String("parent_id"), false);
    f.size = r.integer(o, path, QLatin1String("size"), false, -1);
    f.description = r.string(o, path, QLatin1String("description"), false);
    f.nameWithPath = r.string(o, path, QLatin1String("name_with_path"), false);
    f.createdAt = r.time(o, path, QLatin1String("created_at"));
    f.updatedAt = r.time(o, path, QLatin1String("updated_at"));
    f.checkedOutUntil = r.time(o, path, QLatin1String("checked_out_until"));
    f.isDeleted = r.boolean(o, path, QLatin1String("is_deleted"), false);
    f.isPrivate = r.boolean(o, path, QLatin1String("private"), false);
    const QString versionsPath = Reader::join(path, QLatin1String("file_versions"));
    const QJsonArray versions = r.array(o, path, QLatin1String("file_versions"));
    for (qsizetype i = 0; i < versions.size() && r.ok(); ++i) {
        if (!versions.at(i).isObject()) {
            r.fail(Reader::index(versionsPath, i), QStringLiteral("expected an object"));
            break;
        }
        f.versions.append(readVersion(r, versions.at(i).toObject(), Reader::index(versionsPath, i)));
    }
    return f;
}

Folder readFolder(Reader &r, const QJsonObject &o, const QString &path, bool isRoot)
{
    Folder f;
    f.id = r.id(o, path, QLatin1String("id"), true);
    // The root folder's name may be empty or absent in some replies; children must be named.
    f.name = r.string(o, path, QLatin1String("name"), !isRoot);
    f.parentId = r.id(o, path, QLatin1String("parent_id"), false);
    f.nameWithPath = r.string(o, path, QLatin1String("name_with_path"), false);
    f.updatedAt = r.time(o, path, QLatin1String("updated_at"));
    f.isDeleted = r.boolean(o, path, QLatin1String("is_deleted"), false);
    f.isRecycleBin = r.boolean(o, path, QLatin1String("is_recycle_bin"), false);
    f.isPrivate = r.boolean(o, path, QLatin1String("private"), false);
    f.readOnly = r.boolean(o, path, QLatin1String("read_only"), false);
    f.hasChildren = r.boolean(o, path, QLatin1String("has_children"), false);
    const QString foldersPath = Reader::join(path, QLatin1String("folders"));
    const QJsonArray folders = r.array(o, path, QLatin1String("folders"));
    for (qsizetype i = 0; i < folders.size() && r.ok(); ++i) {
        if (!folders.at(i).isObject()) {
            r.fail(Reader::index(foldersPath, i), QStringLiteral("expected an object"));
            break;
        }
        f.folders.append(readFolder(r, folders.at(i).toObject(), Reader::index(foldersPath, i), false));
    }
    const QString filesPath = Reader::join(path, QLatin1String("files"));
    const QJsonArray files = r.array(o, path, QLatin1String("files"));
    for (qsizetype i = 0; i < files.size() && r.ok(); ++i) {
        if (!files.at(i).isObject()) {
            r.fail(Reader::index(filesPath, i), QStringLiteral("expected an object"));
            break;
        }
        f.files.append(readFile(r, files.at(i).toObject(), Reader::index(filesPath, i)));
    }
    if (!f.hasChildren)
        f.hasChildren = !f.folders.isEmpty() || !f.files.isEmpty();
    return f;
}

DocumentEntry readDocument(Reader &r, const QJsonObject &o, const QString &path)
{
    DocumentEntry d;
    d.id = r.id(o, path, QLatin1String("id"), true);
    d.name = r.string(o, path, QLatin1String("name"), true);
    const QString type = r.string(o, path, QLatin1String("document_type"), true);
    if (type == QLatin1String("folder"))
        d.type = DocumentEntry::Type::Folder;
    else if (type == QLatin1String("file"))
        d.type = DocumentEntry::Type::File;
    else if (r.ok())
        r.fail(Reader::join(path, QLatin1String("document_type")), QStringLiteral("unknown type"));
    d.parentId = r.id(o, path, QLatin1String("parent_id"), false);
    d.nameWithPath = r.string(o, path, QLatin1String("name_with_path"), false);
    d.createdAt = r.time(o, path, QLatin1String("created_at"));
    d.updatedAt = r.time(o, path, QLatin1String("updated_at"));
    d.isDeleted = r.boolean(o, path, QLatin1String("is_deleted"), false);
    d.isInRecycleBin = r.boolean(o, path, QLatin1String("is_in_recycle_bin"), d.isDeleted);
    d.isPrivate = r.boolean(o, path, QLatin1String("private"), false);
    d.size = r.integer(o, path, QLatin1String("size"), false, -1);
    QJsonObject file;
    if (r.object(o, path, QLatin1String("file"), &file)) {
        const QString filePath = Reader::join(path, QLatin1String("file"));
        QJsonObject version;
        if (r.object(file, filePath, QLatin1String("current_version"), &version)) {
            d.currentVersion =
                readVersion(r, version, Reader::join(filePath, QLatin1String("current_version")));
            if (d.size < 0)
                d.size = d.currentVersion->size;
        }
    }
    return d;
}

template<typename T, typename ReadFn>
Result<QList<T>> readArray(const QByteArray &body, const QString &endpoint, ReadFn read)
{
    QJsonArray array;
    if (Error e = arrayBody(body, endpoint, &array))
        return e;
    Reader r;
    QList<T> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        if (!array.at(i).isObject()) {
            r.fail(Reader::index(QString(), i), QStringLiteral("expected an object"));
            break;
        }
        items.append(read(r, array.at(i).toObject(), Reader::index(QString(), i)));
    }
    if (!r.ok())
        return ApiErrors::malformed(endpoint, body, r.error());
    return items;
}

template<typename T, typename ReadFn>
Result<T> readObject(const QByteArray &body, const QString &endpoint, ReadFn read)
{
    QJsonObject object;
    if (Error e = objectBody(body, endpoint, &object))
        return e;
    Reader r;
    T value = read(r, object, QString());
    if (!r.ok())
        return ApiErrors::malformed(endpoint, body, r.error());
    return value;
}

} // namespace

namespace JsonParse {

Result<Me> me(const QByteArray &body, const QString &endpoint)
{
    return readObject<Me>(body, endpoint, [](Reader &r, const QJsonObject &o, const QString &path) {
        Me m;
        m.id = r.id(o, path, QLatin1String("id"), true);
        m.login = r.string(o, path, QLatin1String("login"), false);
        m.name = r.string(o, path, QLatin1String("name"), false);
        return m;
    });
}

Result<QList<Company>> companies(const QByteArray &body, const QString &endpoint)
{
    return readArray<Company>(body, endpoint, [](Reader &r, const QJsonObject &o, const QString &path) {
        Company c;
        c.id = r.id(o, path, QLatin1String("id"), true);
        c.name = r.string(o, path, QLatin1String("name"), true);
        c.isActive = r.boolean(o, path, QLatin1String("is_active"), true);
        return c;
    });
}

Result<QList<Project>> projects(const QByteArray &body, const QString &endpoint)
{
    return readArray<Project>(body, endpoint, [](Reader &r, const QJsonObject &o, const QString &path) {
        Project p;
        p.id = r.id(o, path, QLatin1String("id"), true);
        p.name = r.string(o, path, QLatin1String("name"), true);
        p.displayName = r.string(o, path, QLatin1String("display_name"), false);
        p.projectNumber = r.string(o, path, QLatin1String("project_number"), false);
        p.active = r.boolean(o, path, QLatin1String("active"), true);
        QJsonObject company;
        if (r.object(o, path, QLatin1String("company"), &company))
            p.companyId =
                r.id(company, Reader::join(path, QLatin1String("company")), QLatin1String("id"), false);
        return p;
    });
}

Result<Folder> folder(const QByteArray &body, const QString &endpoint)
{
    return readObject<Folder>(body, endpoint, [](Reader &r, const QJsonObject &o, const QString &path) {
        return readFolder(r, o, path, true);
    });
}

Result<File> file(const QByteArray &body, const QString &endpoint)
{
    return readObject<File>(body, endpoint, readFile);
}

Result<FileVersion> fileVersion(const QByteArray &body, const QString &endpoint)
{
    return readObject<FileVersion>(body, endpoint, readVersion);
}

Result<QList<DocumentEntry>> documents(const QByteArray &body, const QString &endpoint)
{
    return readArray<DocumentEntry>(body, endpoint, readDocument);
}

Result<Upload> upload(const QByteArray &body, const QString &endpoint)
{
    return readObject<Upload>(body, endpoint, [](Reader &r, const QJsonObject &o, const QString &path) {
        Upload u;
        u.uuid = r.string(o, path, QLatin1String("uuid"), true);
        u.status = r.string(o, path, QLatin1String("status"), false);
        u.url = r.string(o, path, QLatin1String("url"), false);
        QJsonObject fields;
        if (r.object(o, path, QLatin1String("fields"), &fields)) {
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (!it.value().isString()) {
                    r.fail(Reader::join(QStringLiteral("fields"), QLatin1String(it.key().toLatin1())),
                           QStringLiteral("expected a string"));
                    break;
                }
                u.fields.append({it.key(), it.value().toString()});
            }
        }
        const QJsonArray segments = r.array(o, path, QLatin1String("segments"));
        for (qsizetype i = 0; i < segments.size() && r.ok(); ++i) {
            const QString segPath = Reader::index(QStringLiteral("segments"), i);
            if (!segments.at(i).isObject()) {
                r.fail(segPath, QStringLiteral("expected an object"));
                break;
            }
            const QJsonObject s = segments.at(i).toObject();
            UploadSegment seg;
            seg.size = r.integer(s, segPath, QLatin1String("size"), false, 0);
            seg.sha256Hex = r.string(s, segPath, QLatin1String("sha256"), false).toLatin1();
            seg.md5Hex = r.string(s, segPath, QLatin1String("md5"), false).toLatin1();
            seg.url = r.string(s, segPath, QLatin1String("url"), false);
            seg.etag = r.string(s, segPath, QLatin1String("etag"), false).toLatin1();
            QJsonObject headers;
            if (r.object(s, segPath, QLatin1String("headers"), &headers)) {
                for (auto it = headers.begin(); it != headers.end(); ++it) {
                    if (!it.value().isString()) {
                        r.fail(segPath + QStringLiteral(".headers"), QStringLiteral("expected strings"));
                        break;
                    }
                    seg.headers.append({it.key().toLatin1(), it.value().toString().toLatin1()});
                }
            }
            u.segments.append(seg);
        }
        if (r.ok() && u.url.isEmpty() && u.segments.isEmpty() && u.status.isEmpty())
            r.fail(path, QStringLiteral("neither url, segments nor status"));
        return u;
    });
}

Result<TokenSet> tokenSet(const QByteArray &body, const QString &endpoint, const QDateTime &now)
{
    QJsonObject o;
    // Errors built here never carry the body: a token reply that fails to parse may still hold a token.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (body.trimmed().isEmpty() || parseError.error != QJsonParseError::NoError || !doc.isObject())
        return ApiErrors::malformed(endpoint, QByteArray(),
                                    QStringLiteral("token reply is not a JSON object"));
    o = doc.object();
    Reader r;
    TokenSet t;
    t.accessToken = r.string(o, QString(), QLatin1String("access_token"), true);
    t.refreshToken = r.string(o, QString(), QLatin1String("refresh_token"), false);
    const QString type = r.string(o, QString(), QLatin1String("token_type"), false);
    if (r.ok() && !type.isEmpty() && type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        r.fail(QStringLiteral("token_type"), QStringLiteral("not bearer"));
    const qint64 createdAt = r.integer(o, QString(), QLatin1String("created_at"), false, 0);
    const qint64 expiresIn = r.integer(o, QString(), QLatin1String("expires_in"), false, 5400);
    if (!r.ok())
        return ApiErrors::malformed(endpoint, QByteArray(), r.error());
    t.createdAt = createdAt > 0 ? QDateTime::fromSecsSinceEpoch(createdAt, Qt::UTC) : now.toUTC();
    // Expiry counts from our clock, not the server's created_at: clocks differ, and an early
    // refresh is harmless while a late one costs a 401.
    t.expiresAt = now.toUTC().addSecs(qMax<qint64>(0, expiresIn));
    return t;
}

} // namespace JsonParse

} // namespace trestle
