#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

class QSqlDatabase;

namespace trestle {

class Database;

// The two roots a two-way sync keeps in step.
struct SyncPair final
{
    QString leftConnection; // profile id
    QString leftRoot;
    QString rightConnection; // profile id
    QString rightRoot;
};

// The last state both sides agreed on for one path, relative to the pair's roots. The next sync
// compares each side with this to tell "changed here" from "changed there" from "deleted".
struct SyncEntry final
{
    QString relativePath;
    qint64 size = 0;
    qint64 mtimeMs = 0; // local modification time, ms since the epoch
    qint64 remoteId = 0;
    qint64 remoteUpdatedAtMs = 0; // the server's updated_at, ms since the epoch
    QString localChecksum;
};

// Remembered sync state per pair. Uses the calling thread's connection; one thread at a time per
// object.
class SyncStateStore final
{
    Q_DISABLE_COPY_MOVE(SyncStateStore)

public:
    explicit SyncStateStore(Database &database);
    ~SyncStateStore();

    // Inserts or replaces entries (by relative path) in one transaction.
    Status upsert(const SyncPair &pair, const QVector<SyncEntry> &entries);
    // Forgets paths (deleted on both sides) in one transaction.
    Status remove(const SyncPair &pair, const QStringList &relativePaths);
    // Every remembered entry of the pair, by relative path (empty for a pair never synced).
    Result<QHash<QString, SyncEntry>> entries(const SyncPair &pair) const;
    // Forgets the pair and all its entries.
    Status forget(const SyncPair &pair);

private:
    // The pair's row id; created when `create`, else 0 if unknown.
    Result<qint64> pairId(const SyncPair &pair, bool create) const;
    // Runs `work` with this thread's connection and the pair's id in one transaction, committed
    // when it succeeds. Without `create`, a pair never stored has nothing to change: Done at once.
    Status inPairTransaction(const SyncPair &pair, bool create,
                             const std::function<Status(const QSqlDatabase &, qint64)> &work);

    Database &m_database;
};

} // namespace trestle
