#include "core/db/conflictdecisions.h"

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace trestle {

ConflictDecisions::ConflictDecisions(Database &database) : m_database(database) { }

ConflictDecisions::~ConflictDecisions() = default;

bool ConflictDecisions::isAwaiting(const JobItem &item)
{
    return item.action == ItemAction::Skip && item.state == ItemState::Skipped
        && item.errorKind == Error::Kind::Conflict && !item.destinationPath.isEmpty();
}

Result<QVector<JobItem>> ConflictDecisions::awaiting(qint64 jobId) const
{
    QVector<JobItem> items;
    Journal journal(m_database);
    const Status visited = journal.forEachItem(jobId, [&items](const JobItem &item) {
        if (isAwaiting(item))
            items.append(item);
        return true;
    });
    if (!visited.ok())
        return visited.error();
    return items;
}

Status ConflictDecisions::decide(qint64 itemId, Decision decision)
{
    Journal journal(m_database);
    Result<JobItem> item = journal.item(itemId);
    if (!item.ok())
        return item.error();
    if (!isAwaiting(item.value()))
        return Error(Error::Kind::Validation,
                     QCoreApplication::translate("trestle::ConflictDecisions",
                                                 "This item does not wait for a decision."),
                     QStringLiteral("item %1").arg(itemId));
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    if (decision == Decision::LeaveBoth) {
        query.prepare(QStringLiteral("UPDATE job_items SET error_kind = '', reason = ? WHERE id = ?"));
        query.addBindValue(QCoreApplication::translate("trestle::ConflictDecisions",
                                                       "both kept as they are (decided by the user)"));
    } else {
        // A new version, pending: the engine's next start runs it (and only it).
        // Copied back, the destination's file has a size and time of its own (-1/0: found out then).
        query.prepare(QStringLiteral("UPDATE job_items SET action = 'new-version', state = 'pending', "
                                     "reverse = ?, size = CASE WHEN ? THEN -1 ELSE size END, "
                                     "mtime = CASE WHEN ? THEN 0 ELSE mtime END, error_kind = '', "
                                     "reason = ?, attempts = 0 WHERE id = ?"));
        const int back = decision == Decision::CopyToSource ? 1 : 0;
        query.addBindValue(back);
        query.addBindValue(back);
        query.addBindValue(back);
        query.addBindValue(
            decision == Decision::CopyToSource
                ? QCoreApplication::translate("trestle::ConflictDecisions",
                                              "the destination's copy wins (decided by the user)")
                : QCoreApplication::translate("trestle::ConflictDecisions",
                                              "the source's copy wins (decided by the user)"));
    }
    query.addBindValue(itemId);
    if (!query.exec())
        return db::sqlError(query, QStringLiteral("decide a conflict"));
    return journal.recomputeCounters(item.value().jobId);
}

} // namespace trestle
