#include "core/db/journalrows.h"

#include "core/db/sqlvalues.h"

#include <QSqlQuery>
#include <QVariant>

namespace trestle::db {

QString itemColumns()
{
    return QStringLiteral(
        "id, job_id, order_key, action, source_path, destination_path, mapped_name, mapping, size, mtime, "
        "source_id, destination_id, state, needs_verify, attempts, error_kind, error_message, checksum, "
        "bytes_done, reason, reverse");
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
    return item;
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
