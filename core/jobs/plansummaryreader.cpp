#include "core/jobs/plansummaryreader.h"

#include "core/db/database.h"
#include "core/db/journalrows.h"
#include "core/db/sqlerror.h"

#include <QSqlError>
#include <QSqlQuery>

namespace trestle {

using db::sqlError;

Result<PlanSummary> PlanSummaryReader::read(const Database &database, qint64 jobId, JobKind kind)
{
    Result<QSqlDatabase> conn = database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    PlanSummary summary;
    summary.kind = kind;
    QSqlQuery counts(conn.value());
    counts.setForwardOnly(true);
    counts.prepare(QStringLiteral("SELECT action, COUNT(*), COALESCE(SUM(size), 0) FROM job_items "
                                  "WHERE job_id = ? GROUP BY action"));
    counts.addBindValue(jobId);
    if (!counts.exec())
        return sqlError(counts, QStringLiteral("count the plan"));
    bool anySkips = false;
    while (counts.next()) {
        const std::optional<ItemAction> action = itemActionFromName(counts.value(0).toString());
        const qint64 count = counts.value(1).toLongLong();
        const qint64 bytes = counts.value(2).toLongLong();
        switch (action.value_or(ItemAction::Verify)) {
        case ItemAction::CreateFolder:
            summary.foldersToCreate += count;
            break;
        case ItemAction::Upload:
        case ItemAction::Download:
            summary.filesNew += count;
            summary.bytesToCopy += bytes;
            break;
        case ItemAction::NewVersion:
            summary.filesReplaced += count;
            summary.bytesToCopy += bytes;
            break;
        case ItemAction::Delete:
            summary.deletes += count;
            break;
        case ItemAction::Verify:
            summary.verifies += count;
            break;
        case ItemAction::Skip:
            summary.skipped += count;
            anySkips = anySkips || count > 0;
            break;
        }
    }
    if (counts.lastError().isValid())
        return sqlError(counts, QStringLiteral("count the plan"));
    if (!anySkips)
        return summary;
    QSqlQuery skips(conn.value());
    skips.setForwardOnly(true);
    skips.prepare(QStringLiteral("SELECT source_path, destination_path, reason FROM job_items "
                                 "WHERE job_id = ? AND action = ? ORDER BY order_key"));
    skips.addBindValue(jobId);
    skips.addBindValue(itemActionName(ItemAction::Skip));
    if (!skips.exec())
        return sqlError(skips, QStringLiteral("read the skipped items"));
    while (skips.next()) {
        const QString source = skips.value(0).toString();
        summary.skips.append(
            {source.isEmpty() ? skips.value(1).toString() : source, skips.value(2).toString()});
    }
    return summary;
}

Result<QVector<JobItem>> PlanSummaryReader::renamedItems(const Database &database, qint64 jobId, int limit)
{
    Result<QSqlDatabase> conn = database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? AND mapped_name <> '' "
                                 "ORDER BY order_key LIMIT ?")
                      .arg(db::itemColumns()));
    query.addBindValue(jobId);
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read the renamed items"));
    QVector<JobItem> items;
    while (query.next())
        items.append(db::readItem(query));
    return items;
}

} // namespace trestle
