#include "core/jobs/plansummaryreader.h"

#include "core/db/database.h"
#include "core/db/journalrows.h"
#include "core/db/sqlerror.h"

#include <QJsonDocument>
#include <QJsonObject>
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
    // A history copy's size is its latest version's times (1 + older versions): each older
    // version counts at the latest's size (PlanBuilder::planHistory), so its bytes are the rest.
    counts.prepare(QStringLiteral(
        "SELECT action, COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(source_id <> 0), 0), "
        "COALESCE(SUM(older_versions), 0), "
        "COALESCE(SUM(CASE WHEN older_versions > 0 THEN size - size / (older_versions + 1) ELSE 0 END), 0) "
        "FROM job_items WHERE job_id = ? GROUP BY action"));
    counts.addBindValue(jobId);
    if (!counts.exec())
        return sqlError(counts, QStringLiteral("count the plan"));
    bool anySkips = false;
    while (counts.next()) {
        const std::optional<ItemAction> action = itemActionFromName(counts.value(0).toString());
        const qint64 count = counts.value(1).toLongLong();
        const qint64 bytes = counts.value(2).toLongLong();
        const ItemAction kindOfItem = action.value_or(ItemAction::Verify);
        if (kindOfItem == ItemAction::Upload || kindOfItem == ItemAction::NewVersion) {
            summary.filesWithHistory += counts.value(3).toLongLong();
            summary.olderVersions += counts.value(4).toLongLong();
            summary.olderVersionBytes += counts.value(5).toLongLong();
        }
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
    // The planner's figures no item tells (none for a job planned before they were kept).
    QSqlQuery figures(conn.value());
    figures.prepare(QStringLiteral("SELECT plan_figures FROM jobs WHERE id = ?"));
    figures.addBindValue(jobId);
    if (!figures.exec())
        return sqlError(figures, QStringLiteral("read the plan's figures"));
    if (figures.next() && !figures.value(0).toString().isEmpty())
        summary.takeFigures(QJsonDocument::fromJson(figures.value(0).toString().toUtf8()).object());
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
