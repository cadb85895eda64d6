#include "core/db/journalrows.h"

#include "core/db/sqlerror.h"
#include "core/db/sqlvalues.h"

#include <QSqlQuery>
#include <QVariant>

namespace trestle::db {

namespace {

// Rows per multi-row INSERT: 64 x 7 values stays under SQLite's oldest limit of 999 variables.
constexpr int kRowsPerStatement = 64;

// Every column apart from paths, size and time at its default: the row a plan makes for a file to
// copy or a folder to create.
bool isPlain(const JobItem &item)
{
    return item.state == ItemState::Pending && item.mappedName.isEmpty() && item.mappingRecord.isEmpty()
        && item.sourceId == 0 && item.destinationId == 0 && !item.needsVerify && item.attempts == 0
        && item.errorKind == Error::Kind::None && item.errorMessage.isEmpty() && item.checksum.isEmpty()
        && item.bytesDone == 0 && item.reason.isEmpty() && !item.reverse && item.writtenPath.isEmpty()
        && item.olderVersions == 0;
}

QString plainInsert(qint64 jobId, int rows)
{
    QString sql = QStringLiteral("INSERT INTO job_items (id, job_id, order_key, action, source_path, "
                                 "destination_path, size, mtime, state) VALUES ");
    // The job id and the state are numbers and a fixed name, never text from outside.
    const QString row =
        QStringLiteral("(?, %1, ?, ?, ?, ?, ?, ?, '%2')").arg(jobId).arg(itemStateName(ItemState::Pending));
    sql.reserve(sql.size() + rows * (row.size() + 1));
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += QLatin1Char(',');
        sql += row;
    }
    return sql;
}

void bindPlain(QSqlQuery &query, int &c, const JobItem &item)
{
    query.bindValue(c++, item.id);
    query.bindValue(c++, item.orderKey);
    query.bindValue(c++, itemActionName(item.action));
    query.bindValue(c++, storedText(item.sourcePath));
    query.bindValue(c++, storedText(item.destinationPath));
    query.bindValue(c++, item.size);
    query.bindValue(c++, item.mtimeMs);
}

} // namespace

QString storedErrorKind(Error::Kind kind)
{
    return kind == Error::Kind::None ? QStringLiteral("") : Error::kindName(kind);
}

QString itemColumns()
{
    return QStringLiteral(
        "id, job_id, order_key, action, source_path, destination_path, mapped_name, mapping, size, mtime, "
        "source_id, destination_id, state, needs_verify, attempts, error_kind, error_message, checksum, "
        "bytes_done, reason, reverse, written_path, older_versions, started");
}

JobItem readItem(const QSqlQuery &query)
{
    JobItem item;
    int c = 0;
    item.id = query.value(c++).toLongLong();
    item.jobId = query.value(c++).toLongLong();
    item.orderKey = query.value(c++).toLongLong();
    item.action = itemActionFromName(query.value(c++).toString()).value_or(ItemAction::Verify);
    item.sourcePath = query.value(c++).toString();
    item.destinationPath = query.value(c++).toString();
    item.mappedName = query.value(c++).toString();
    item.mappingRecord = query.value(c++).toString();
    item.size = query.value(c++).toLongLong();
    item.mtimeMs = query.value(c++).toLongLong();
    item.sourceId = query.value(c++).toLongLong();
    item.destinationId = query.value(c++).toLongLong();
    item.state = itemStateFromName(query.value(c++).toString()).value_or(ItemState::Pending);
    item.needsVerify = query.value(c++).toInt() != 0;
    item.attempts = query.value(c++).toInt();
    item.errorKind = errorKindFromName(query.value(c++).toString()).value_or(Error::Kind::None);
    item.errorMessage = query.value(c++).toString();
    item.checksum = query.value(c++).toString();
    item.bytesDone = query.value(c++).toLongLong();
    item.reason = query.value(c++).toString();
    item.reverse = query.value(c++).toInt() != 0;
    item.writtenPath = query.value(c++).toString();
    item.olderVersions = query.value(c++).toLongLong();
    item.started = query.value(c++).toInt() != 0;
    return item;
}

Status insertItems(QSqlDatabase &db, qint64 jobId, QVector<JobItem> &items, qint64 firstId)
{
    QVector<qsizetype> plain;
    QVector<qsizetype> full;
    plain.reserve(items.size());
    qint64 nextId = firstId;
    for (qsizetype i = 0; i < items.size(); ++i) {
        JobItem &item = items[i];
        item.id = nextId++;
        item.jobId = jobId;
        (isPlain(item) ? plain : full).append(i);
    }

    QSqlQuery many(db);
    QSqlQuery one(db);
    qsizetype at = 0;
    if (plain.size() >= kRowsPerStatement && !many.prepare(plainInsert(jobId, kRowsPerStatement)))
        return sqlError(many, QStringLiteral("add job items"));
    for (; plain.size() - at >= kRowsPerStatement; at += kRowsPerStatement) {
        int c = 0;
        for (int r = 0; r < kRowsPerStatement; ++r)
            bindPlain(many, c, items.at(plain.at(at + r)));
        if (!many.exec())
            return sqlError(many, QStringLiteral("add job items"));
    }
    if (at < plain.size() && !one.prepare(plainInsert(jobId, 1)))
        return sqlError(one, QStringLiteral("add job items"));
    for (; at < plain.size(); ++at) {
        int c = 0;
        bindPlain(one, c, items.at(plain.at(at)));
        if (!one.exec())
            return sqlError(one, QStringLiteral("add job items"));
    }

    if (full.isEmpty())
        return Done{};
    // One statement prepared once and re-bound per row: the SQL is parsed once for the batch.
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO job_items (id, job_id, order_key, action, source_path, destination_path, "
            "mapped_name, mapping, size, mtime, source_id, destination_id, state, needs_verify, attempts, "
            "error_kind, error_message, checksum, bytes_done, reason, reverse, written_path, older_versions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return sqlError(query, QStringLiteral("add job items"));
    for (const qsizetype i : std::as_const(full)) {
        const JobItem &item = items.at(i);
        int c = 0;
        query.bindValue(c++, item.id);
        query.bindValue(c++, jobId);
        query.bindValue(c++, item.orderKey);
        query.bindValue(c++, itemActionName(item.action));
        query.bindValue(c++, storedText(item.sourcePath));
        query.bindValue(c++, storedText(item.destinationPath));
        query.bindValue(c++, storedText(item.mappedName));
        query.bindValue(c++, storedText(item.mappingRecord));
        query.bindValue(c++, item.size);
        query.bindValue(c++, item.mtimeMs);
        query.bindValue(c++, item.sourceId);
        query.bindValue(c++, item.destinationId);
        query.bindValue(c++, itemStateName(item.state));
        query.bindValue(c++, item.needsVerify ? 1 : 0);
        query.bindValue(c++, item.attempts);
        query.bindValue(c++, storedErrorKind(item.errorKind));
        query.bindValue(c++, storedText(item.errorMessage));
        query.bindValue(c++, storedText(item.checksum));
        query.bindValue(c++, item.bytesDone);
        query.bindValue(c++, storedText(item.reason));
        query.bindValue(c++, item.reverse ? 1 : 0);
        query.bindValue(c++, storedText(item.writtenPath));
        query.bindValue(c++, item.olderVersions);
        if (!query.exec())
            return sqlError(query, QStringLiteral("add job items"));
    }
    return Done{};
}

QString jobColumns()
{
    return QStringLiteral(
        "id, kind, source_connection, source_path, destination_connection, destination_path, policies, "
        "state, created_at, started_at, finished_at, items_total, items_done, items_failed, items_skipped, "
        "bytes_total, bytes_done, api_calls, last_error_kind, last_error");
}

JobRecord readJob(const QSqlQuery &query)
{
    JobRecord job;
    int c = 0;
    job.id = query.value(c++).toLongLong();
    job.kind = jobKindFromName(query.value(c++).toString()).value_or(JobKind::Copy);
    job.sourceConnection = query.value(c++).toString();
    job.sourcePath = query.value(c++).toString();
    job.destinationConnection = query.value(c++).toString();
    job.destinationPath = query.value(c++).toString();
    job.policiesJson = query.value(c++).toString();
    job.state = jobStateFromName(query.value(c++).toString()).value_or(JobState::Failed);
    job.createdAt = fromStoredTime(query.value(c++).toLongLong());
    job.startedAt = fromStoredTime(query.value(c++).toLongLong());
    job.finishedAt = fromStoredTime(query.value(c++).toLongLong());
    job.itemsTotal = query.value(c++).toLongLong();
    job.itemsDone = query.value(c++).toLongLong();
    job.itemsFailed = query.value(c++).toLongLong();
    job.itemsSkipped = query.value(c++).toLongLong();
    job.bytesTotal = query.value(c++).toLongLong();
    job.bytesDone = query.value(c++).toLongLong();
    job.apiCalls = query.value(c++).toLongLong();
    job.lastErrorKind = errorKindFromName(query.value(c++).toString()).value_or(Error::Kind::None);
    job.lastError = query.value(c++).toString();
    return job;
}

} // namespace trestle::db
