#include "core/db/conflictdecisions.h"

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/sqlerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace trestle {

namespace {

// Marks a KeepBoth item in the journal's mapping column (the report's "how the name was mapped").
const QLatin1String kKeepBothMapping("keep-both");

// A two-way sync's job (its policies' direction; core/db does not know JobPolicies).
bool isTwoWay(const JobRecord &job)
{
    return job.kind == JobKind::Sync
        && QJsonDocument::fromJson(job.policiesJson.toUtf8())
               .object()
               .value(QStringLiteral("direction"))
               .toString()
        == QLatin1String("two-way");
}

} // namespace

ConflictDecisions::ConflictDecisions(Database &database) : m_database(database) { }

ConflictDecisions::~ConflictDecisions() = default;

bool ConflictDecisions::isAwaiting(const JobItem &item)
{
    return item.action == ItemAction::Skip && item.state == ItemState::Skipped
        && item.errorKind == Error::Kind::Conflict && !item.destinationPath.isEmpty();
}

bool ConflictDecisions::isKeepBoth(const JobItem &item)
{
    return item.action == ItemAction::Upload && item.mappingRecord == kKeepBothMapping;
}

QString ConflictDecisions::keepBothName(const QString &path, int n)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString parent = path.left(slash + 1); // with its slash, empty at the top
    const QString name = path.mid(slash + 1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString base = dot > 0 ? name.left(dot) : name;
    const QString ext = dot > 0 ? name.mid(dot) : QString();
    return parent + QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(ext);
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
    } else if (decision == Decision::KeepBoth) {
        // A new file, pending, written forward (also for a two-way sync's item); the engine
        // names it when it runs (isKeepBoth).
        query.prepare(
            QStringLiteral("UPDATE job_items SET action = 'upload', state = 'pending', reverse = 0, "
                           "mapping = ?, error_kind = '', reason = ?, attempts = 0 WHERE id = ?"));
        query.addBindValue(QString(kKeepBothMapping));
        query.addBindValue(
            QCoreApplication::translate("trestle::ConflictDecisions",
                                        "both kept: the source's copy under a new name beside the "
                                        "destination's (decided by the user)"));
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
    const qint64 jobId = item.value().jobId;
    Result<JobRecord> job = journal.job(jobId);
    if (!job.ok())
        return job.error();
    const bool copyBack = decision == Decision::KeepBoth && isTwoWay(job.value());
    const Status decided = journal.atomically([&](Journal &) -> Status {
        if (!query.exec())
            return db::sqlError(query, QStringLiteral("decide a conflict"));
        if (!copyBack)
            return Done{};
        // Two-way: both sides must end alike, or the next run meets the same conflict again. The
        // destination's file comes back over the source's; it runs after the keep-both copy (the
        // engine orders items on one path) and only if that copy was made (JobRunner skips it
        // when the copy failed), so the source's file is never lost. The next run then finds the
        // copy on the destination only and brings it to the source, once.
        JobItem back;
        back.action = ItemAction::NewVersion;
        back.reverse = true;
        back.sourcePath = item.value().sourcePath;
        back.destinationPath = item.value().destinationPath;
        back.size = -1; // found out when it runs
        back.reason = QCoreApplication::translate(
            "trestle::ConflictDecisions",
            "both kept: the destination's copy keeps the name on both sides (decided by the user)");
        QVector<JobItem> added{back};
        return journal.addItems(jobId, added);
    });
    if (!decided.ok())
        return decided;
    return journal.recomputeCounters(jobId);
}

} // namespace trestle
