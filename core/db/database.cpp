#include "core/db/database.h"

#include "core/common/logging.h"
#include "core/db/migrations.h"
#include "core/db/sqlerror.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

namespace trestle {

namespace db {

// The per-thread connections of one Database. Shared with the QThread::finished handlers through a
// weak pointer, so a thread that ends after the Database is gone finds nothing to clean up.
class ConnectionRegistry final
{
    Q_DISABLE_COPY_MOVE(ConnectionRegistry)

public:
    explicit ConnectionRegistry(QString filePath)
        : m_filePath(std::move(filePath))
        , m_prefix(QStringLiteral("trestle-db-%1-").arg(s_serial.fetchAndAddRelaxed(1)))
    { }

    ~ConnectionRegistry()
    {
        QMutexLocker locker(&m_mutex);
        for (const QString &name : std::as_const(m_names))
            QSqlDatabase::removeDatabase(name);
        m_names.clear();
    }

    Result<QSqlDatabase> connection(const std::shared_ptr<ConnectionRegistry> &self)
    {
        QThread *thread = QThread::currentThread();
        QMutexLocker locker(&m_mutex);
        if (const auto it = m_names.constFind(thread); it != m_names.constEnd())
            return QSqlDatabase::database(*it, false);

        const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(thread), 16);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(Database::kBusyTimeoutMs));
        if (!db.open()) {
            const Error error = sqlError(db.lastError(), QStringLiteral("open %1").arg(m_filePath));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return error;
        }
        if (Status configured = configure(db); !configured.ok()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return configured.error();
        }
        m_names.insert(thread, name);
        // finished() is emitted from the ending thread itself, so the connection is closed by the
        // thread that owns it. The main thread never finishes: ~Database cleans up there.
        std::weak_ptr<ConnectionRegistry> weak = self;
        QObject::connect(thread, &QThread::finished, [weak, thread] {
            if (std::shared_ptr<ConnectionRegistry> registry = weak.lock())
                registry->release(thread);
        });
        qCDebug(lcDb) << "opened connection" << name;
        return db;
    }

    void release(QThread *thread)
    {
        QMutexLocker locker(&m_mutex);
        const QString name = m_names.take(thread);
        if (name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        qCDebug(lcDb) << "closed connection" << name;
    }

    int count() const
    {
        QMutexLocker locker(&m_mutex);
        return m_names.size();
    }

private:
    // Per-connection settings (these do not persist in the file, unlike journal_mode=WAL).
    //
    // synchronous=NORMAL: in WAL mode it never corrupts the file and loses nothing when the
    // application crashes; only a power loss or OS crash may roll back the last commits, because
    // the WAL is synced at checkpoints rather than at every commit. FULL would add an fsync to every
    // commit, which on a laptop disk or a network home directory costs more than the journal's
    // whole write load. The one write whose loss would matter, recording items as in-flight
    // before work starts, asks for FULL for that transaction (Journal::takePending).
    static Status configure(QSqlDatabase db)
    {
        QSqlQuery query(db);
        for (const QString &pragma :
             {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = NORMAL")}) {
            if (!query.exec(pragma))
                return sqlError(query, pragma);
        }
        return Done{};
    }

    static inline QAtomicInteger<int> s_serial{1};

    const QString m_filePath;
    const QString m_prefix;
    mutable QMutex m_mutex;
    QHash<QThread *, QString> m_names;
};

} // namespace db

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

Database::Database(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultFilePath() : std::move(filePath))
    , m_registry(std::make_shared<db::ConnectionRegistry>(m_filePath))
{ }

Database::~Database()
{
    // Destroys every connection; the current thread's is closed first so SQLite checkpoints the WAL.
    closeConnectionForCurrentThread();
    m_registry.reset();
}

QString Database::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("trestle.sqlite"));
}

QString Database::filePath() const
{
    return m_filePath;
}

bool Database::isOpen() const
{
    return m_open;
}

Status Database::createFile() const
{
    const QFileInfo info(m_filePath);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return Error(Error::Kind::LocalIo,
                         QCoreApplication::translate("trestle::db",
                                                     "The folder for the Trestle database could not "
                                                     "be created."),
                         dir.absolutePath());
        // Only the folder this created; a parent the user already has keeps its permissions.
        QFile::setPermissions(dir.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile file(m_filePath);
    if (!info.exists()) {
        // Created with 0600 in one step (no window where it is world-readable). SQLite gives its
        // -wal and -shm files the database file's mode.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnlyFile))
            return Error(
                Error::Kind::LocalIo,
                QCoreApplication::translate("trestle::db", "The Trestle database file could not be created."),
                QStringLiteral("%1: %2").arg(m_filePath, file.errorString()));
        file.close();
    } else if (file.permissions() & kGroupOrOther) {
        qCWarning(lcDb) << "tightening permissions of" << m_filePath;
        file.setPermissions(kOwnerOnlyFile);
    }
    return Done{};
}

Status Database::restrictSideFiles() const
{
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString path = m_filePath + QLatin1String(suffix);
        if (QFile::exists(path))
            QFile::setPermissions(path, kOwnerOnlyFile);
    }
    return Done{};
}

Status Database::open()
{
    if (m_open)
        return Done{};
    if (Status created = createFile(); !created.ok())
        return created;
    restrictSideFiles();

    Result<QSqlDatabase> conn = connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();

    // The first statement that reads the file: a damaged or foreign file fails here, cleanly.
    {
        QSqlQuery query(conn.value());
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
            const Error error = db::sqlError(query, QStringLiteral("enable WAL"));
            query = QSqlQuery();
            conn = Error(error);
            closeConnectionForCurrentThread();
            return error;
        }
        if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcDb) << "WAL not available, journal mode is" << query.value(0).toString();
    }
    if (Status migrated = db::migrate(conn.value()); !migrated.ok()) {
        conn = migrated.error();
        closeConnectionForCurrentThread();
        return migrated;
    }
    restrictSideFiles();
    m_open = true;
    return Done{};
}

Result<QSqlDatabase> Database::connectionForCurrentThread() const
{
    return m_registry->connection(m_registry);
}

void Database::closeConnectionForCurrentThread() const
{
    if (m_registry)
        m_registry->release(QThread::currentThread());
}

int Database::connectionCount() const
{
    return m_registry->count();
}

} // namespace trestle
