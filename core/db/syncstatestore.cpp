#include "core/db/syncstatestore.h"

#include "core/db/database.h"
#include "core/db/sqlerror.h"
#include "core/db/sqltransaction.h"
#include "core/db/sqlvalues.h"

#include <QSqlQuery>

namespace trestle {

using db::sqlError;

namespace {

// The four columns that name a pair, in the order of the statements below.
void bindPair(QSqlQuery &query, const SyncPair &pair)
{
    query.addBindValue(db::storedText(pair.leftConnection));
    query.addBindValue(db::storedText(pair.leftRoot));
    query.addBindValue(db::storedText(pair.rightConnection));
    query.addBindValue(db::storedText(pair.rightRoot));
}

} // namespace

SyncStateStore::SyncStateStore(Database &database) : m_database(database) { }

SyncStateStore::~SyncStateStore() = default;

Result<qint64> SyncStateStore::pairId(const SyncPair &pair, bool create) const
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    if (create) {
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_pairs (left_connection, left_root, "
                                     "right_connection, right_root) VALUES (?, ?, ?, ?)"));
        bindPair(query, pair);
        if (!query.exec())
            return sqlError(query, QStringLiteral("add sync pair"));
    }
    query.prepare(QStringLiteral("SELECT id FROM sync_pairs WHERE left_connection = ? AND left_root = ? AND "
                                 "right_connection = ? AND right_root = ?"));
    bindPair(query, pair);
    if (!query.exec())
        return sqlError(query, QStringLiteral("find sync pair"));
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

Status SyncStateStore::inPairTransaction(const SyncPair &pair, bool create,
                                         const std::function<Status(const QSqlDatabase &, qint64)> &work)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    db::SqlTransaction transaction(conn.value());
    if (Status began = transaction.begin(); !began.ok())
        return began;
    Result<qint64> id = pairId(pair, create);
    if (!id.ok())
        return id.error();
    if (id.value() == 0)
        return Done{};
    if (Status done = work(conn.value(), id.value()); !done.ok())
        return done;
    return transaction.commit();
}

Status SyncStateStore::upsert(const SyncPair &pair, const QVector<SyncEntry> &entries)
{
    return inPairTransaction(pair, true, [&entries](const QSqlDatabase &connection, qint64 pairId) -> Status {
        QSqlQuery query(connection);
        query.prepare(QStringLiteral(
            "INSERT INTO sync_state (pair_id, relative_path, size, mtime, remote_id, remote_updated_at, "
            "local_checksum) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pair_id, relative_path) DO UPDATE SET "
            "size = excluded.size, mtime = excluded.mtime, remote_id = excluded.remote_id, "
            "remote_updated_at = excluded.remote_updated_at, local_checksum = excluded.local_checksum"));
        for (const SyncEntry &entry : entries) {
            int c = 0;
            query.bindValue(c++, pairId);
            query.bindValue(c++, db::storedText(entry.relativePath));
            query.bindValue(c++, entry.size);
            query.bindValue(c++, entry.mtimeMs);
            query.bindValue(c++, entry.remoteId);
            query.bindValue(c++, entry.remoteUpdatedAtMs);
            query.bindValue(c++, db::storedText(entry.localChecksum));
            if (!query.exec())
                return sqlError(query, QStringLiteral("store sync state"));
        }
        return Done{};
    });
}

Status SyncStateStore::remove(const SyncPair &pair, const QStringList &relativePaths)
{
    return inPairTransaction(
        pair, false, [&relativePaths](const QSqlDatabase &connection, qint64 pairId) -> Status {
            QSqlQuery query(connection);
            query.prepare(QStringLiteral("DELETE FROM sync_state WHERE pair_id = ? AND relative_path = ?"));
            for (const QString &path : relativePaths) {
                query.bindValue(0, pairId);
                query.bindValue(1, db::storedText(path));
                if (!query.exec())
                    return sqlError(query, QStringLiteral("forget sync state"));
            }
            return Done{};
        });
}

Result<QHash<QString, SyncEntry>> SyncStateStore::entries(const SyncPair &pair) const
{
    Result<qint64> id = pairId(pair, false);
    if (!id.ok())
        return id.error();
    QHash<QString, SyncEntry> result;
    if (id.value() == 0)
        return result;
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT relative_path, size, mtime, remote_id, remote_updated_at, local_checksum "
                       "FROM sync_state WHERE pair_id = ?"));
    query.addBindValue(id.value());
    if (!query.exec())
        return sqlError(query, QStringLiteral("read sync state"));
    while (query.next()) {
        SyncEntry entry;
        entry.relativePath = query.value(0).toString();
        entry.size = query.value(1).toLongLong();
        entry.mtimeMs = query.value(2).toLongLong();
        entry.remoteId = query.value(3).toLongLong();
        entry.remoteUpdatedAtMs = query.value(4).toLongLong();
        entry.localChecksum = query.value(5).toString();
        result.insert(entry.relativePath, entry);
    }
    return result;
}

Status SyncStateStore::forget(const SyncPair &pair)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("DELETE FROM sync_pairs WHERE left_connection = ? AND left_root = ? AND "
                                 "right_connection = ? AND right_root = ?"));
    bindPair(query, pair);
    if (!query.exec())
        return sqlError(query, QStringLiteral("forget sync pair"));
    return Done{};
}

} // namespace trestle
