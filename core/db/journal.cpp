#include "core/db/journal.h"

#include "core/common/logging.h"
#include "core/db/database.h"
#include "core/db/journalrows.h"
#include "core/db/sqlerror.h"
#include "core/db/sqltransaction.h"
#include "core/db/sqlvalues.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace trestle {

namespace {

using db::sqlError;
using db::storedErrorKind;

Error jobNotFound(qint64 jobId)
{
    return Error(Error::Kind::NotFound,
                 QCoreApplication::translate("trestle::Journal", "The job no longer exists."),
                 QStringLiteral("job %1").arg(jobId));
}

// Changes to a job's counters, summed over a batch and applied with one UPDATE per job.
struct CounterDelta final
{
    qint64 total = 0;
    qint64 done = 0;
    qint64 failed = 0;
    qint64 skipped = 0;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;

    void countState(ItemState state, int sign)
    {
        if (state == ItemState::Done)
            done += sign;
        else if (state == ItemState::Failed)
            failed += sign;
        else if (state == ItemState::Skipped)
            skipped += sign;
    }
};

Status applyDeltas(QSqlDatabase &db, const QHash<qint64, CounterDelta> &deltas)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE jobs SET items_total = items_total + ?, items_done = items_done + ?, "
                       "items_failed = items_failed + ?, items_skipped = items_skipped + ?, "
                       "bytes_total = bytes_total + ?, bytes_done = bytes_done + ? WHERE id = ?"));
    for (auto it = deltas.constBegin(); it != deltas.constEnd(); ++it) {
        const CounterDelta &d = it.value();
        query.addBindValue(d.total);
        query.addBindValue(d.done);
        query.addBindValue(d.failed);
        query.addBindValue(d.skipped);
        query.addBindValue(d.bytesTotal);
        query.addBindValue(d.bytesDone);
        query.addBindValue(it.key());
        if (!query.exec())
            return sqlError(query, QStringLiteral("update job counters"));
    }
    return Done{};
}

} // namespace

Journal::Journal(Database &database) : m_database(database) { }

Journal::~Journal()
{
    rollbackBatch();
}

Result<QSqlDatabase> Journal::connection() const
{
    return m_database.connectionForCurrentThread();
}

Status Journal::beginBatch()
{
    Q_ASSERT(!m_batch);
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    auto batch = std::make_unique<db::SqlTransaction>(conn.value());
    if (Status began = batch->begin(); !began.ok())
        return began;
    m_batch = std::move(batch);
    return Done{};
}

Status Journal::commitBatch()
{
    Q_ASSERT(m_batch);
    std::unique_ptr<db::SqlTransaction> batch = std::move(m_batch);
    return batch->commit();
}

void Journal::rollbackBatch()
{
    if (m_batch) {
        m_batch->rollback();
        m_batch.reset();
    }
}

bool Journal::inBatch() const
{
    return m_batch != nullptr;
}

Status Journal::write(const QString &what, const std::function<Status(QSqlDatabase &)> &body)
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.value();
    struct Depth final
    {
        int &depth;
        explicit Depth(int &d) : depth(d) { ++depth; }
        ~Depth() { --depth; }
    };
    if (m_batch || m_writeDepth > 0) {
        // A failed write inside a batch undoes only itself; the rest of the batch still commits.
        // Savepoints nest, so a write made of other writes (atomically()) undoes all of them.
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SAVEPOINT journal_write")))
            return sqlError(query, what);
        Status status = [&] {
            Depth depth(m_writeDepth);
            return body(db);
        }();
        if (!status.ok()) {
            query.exec(QStringLiteral("ROLLBACK TO journal_write"));
            query.exec(QStringLiteral("RELEASE journal_write"));
            return status;
        }
        if (!query.exec(QStringLiteral("RELEASE journal_write")))
            return sqlError(query, what);
        return status;
    }
    db::SqlTransaction transaction(db);
    if (Status began = transaction.begin(); !began.ok())
        return began;
    Depth depth(m_writeDepth);
    if (Status status = body(db); !status.ok())
        return status;
    return transaction.commit();
}

Status Journal::atomically(const std::function<Status(Journal &)> &writes)
{
    return write(QStringLiteral("journal writes"), [&](QSqlDatabase &) { return writes(*this); });
}

// --- Jobs ---------------------------------------------------------------------------------------

Result<qint64> Journal::createJob(const JobRecord &job)
{
    qint64 id = 0;
    const Status status = write(QStringLiteral("create job"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO jobs (kind, source_connection, source_path, "
                                     "destination_connection, destination_path, "
                                     "policies, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(jobKindName(job.kind));
        query.addBindValue(db::storedText(job.sourceConnection));
        query.addBindValue(db::storedText(job.sourcePath));
        query.addBindValue(db::storedText(job.destinationConnection));
        query.addBindValue(db::storedText(job.destinationPath));
        query.addBindValue(job.policiesJson.isEmpty() ? QStringLiteral("{}") : job.policiesJson);
        query.addBindValue(jobStateName(job.state));
        query.addBindValue(db::toStoredTime(QDateTime::currentDateTimeUtc()));
        if (!query.exec())
            return sqlError(query, QStringLiteral("create job"));
        id = query.lastInsertId().toLongLong();
        return Done{};
    });
    if (!status.ok())
        return status.error();
    return id;
}

Result<QVector<JobRecord>> Journal::queryJobs(const QString &tail) const
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM jobs %2").arg(db::jobColumns(), tail)))
        return sqlError(query, QStringLiteral("list jobs"));
    QVector<JobRecord> result;
    while (query.next())
        result.append(db::readJob(query));
    return result;
}

Result<JobRecord> Journal::job(qint64 jobId) const
{
    Result<QVector<JobRecord>> found = queryJobs(QStringLiteral("WHERE id = %1").arg(jobId));
    if (!found.ok())
        return found.error();
    if (found.value().isEmpty())
        return jobNotFound(jobId);
    return found.value().constFirst();
}

Result<QVector<JobRecord>> Journal::jobs() const
{
    return queryJobs(QStringLiteral("ORDER BY id DESC"));
}

Result<QVector<JobRecord>> Journal::unfinishedJobs() const
{
    return queryJobs(QStringLiteral("WHERE state NOT IN ('done', 'failed', 'cancelled') ORDER BY id"));
}

Status Journal::setJobState(qint64 jobId, JobState state, const Error &error)
{
    return write(QStringLiteral("set job state"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT started_at FROM jobs WHERE id = ?"));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("read job"));
        if (!query.next())
            return jobNotFound(jobId);
        const qint64 now = db::toStoredTime(QDateTime::currentDateTimeUtc());
        qint64 startedAt = query.value(0).toLongLong();
        if (state == JobState::Running && startedAt == 0)
            startedAt = now;
        query.finish();

        // A job that goes on (or ends well) no longer has the error that stopped it before: its
        // row must not keep saying "Sign in again" after the user did.
        const bool clearsError = !error.isError()
            && (state == JobState::Queued || state == JobState::Planning || state == JobState::Running
                || state == JobState::Done);
        QString sql = QStringLiteral("UPDATE jobs SET state = ?, started_at = ?, finished_at = ?");
        if (error.isError() || clearsError)
            sql += QStringLiteral(", last_error_kind = ?, last_error = ?");
        query.prepare(sql + QStringLiteral(" WHERE id = ?"));
        query.addBindValue(jobStateName(state));
        query.addBindValue(startedAt);
        query.addBindValue(isFinished(state) ? now : qint64(0));
        if (error.isError() || clearsError) {
            query.addBindValue(storedErrorKind(error.kind()));
            query.addBindValue(db::storedText(error.message()));
        }
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("set job state"));
        return Done{};
    });
}

Status Journal::addApiCalls(qint64 jobId, qint64 calls)
{
    return write(QStringLiteral("count API calls"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE jobs SET api_calls = api_calls + ? WHERE id = ?"));
        query.addBindValue(calls);
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("count API calls"));
        if (query.numRowsAffected() == 0)
            return jobNotFound(jobId);
        return Done{};
    });
}

Status Journal::setPlanFigures(qint64 jobId, const QString &json)
{
    return write(QStringLiteral("keep the plan's figures"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE jobs SET plan_figures = ? WHERE id = ?"));
        query.addBindValue(db::storedText(json));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("keep the plan's figures"));
        if (query.numRowsAffected() == 0)
            return jobNotFound(jobId);
        return Done{};
    });
}

Status Journal::removeJob(qint64 jobId)
{
    return write(QStringLiteral("remove job"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("remove job"));
        if (query.numRowsAffected() == 0)
            return jobNotFound(jobId);
        return Done{};
    });
}

// --- Items --------------------------------------------------------------------------------------

Status Journal::addItems(qint64 jobId, QVector<JobItem> &items)
{
    if (items.isEmpty())
        return Done{};
    return write(QStringLiteral("add job items"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT COALESCE(MAX(order_key), -1) FROM job_items WHERE job_id = ?"));
        query.addBindValue(jobId);
        if (!query.exec() || !query.next())
            return sqlError(query, QStringLiteral("read item order"));
        qint64 nextOrder = query.value(0).toLongLong() + 1;
        query.finish();
        // Ids are given here rather than by SQLite, so many rows can go in one statement and still
        // each learn its id. The write lock (BEGIN IMMEDIATE) is held: nobody inserts in between.
        if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM job_items")) || !query.next())
            return sqlError(query, QStringLiteral("read item ids"));
        const qint64 firstId = query.value(0).toLongLong() + 1;
        query.finish();

        CounterDelta delta;
        for (JobItem &item : items) {
            if (item.orderKey < 0)
                item.orderKey = nextOrder;
            nextOrder = std::max(nextOrder, item.orderKey + 1);
            delta.total += 1;
            delta.countState(item.state, 1);
            if (movesBytes(item.action))
                delta.bytesTotal += item.size;
            delta.bytesDone += item.bytesDone;
        }
        if (Status inserted = db::insertItems(db, jobId, items, firstId); !inserted.ok())
            return inserted;
        return applyDeltas(db, {{jobId, delta}});
    });
}

Result<QVector<JobItem>> Journal::takePending(qint64 jobId, int count)
{
    QVector<JobItem> taken;
    if (count <= 0)
        return taken;
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery pragma(conn.value());
    // Inside a batch the batch's commit decides durability; outside, this claim is synced.
    const bool durable =
        !m_batch && m_writeDepth == 0 && pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    const Status status = write(QStringLiteral("take pending items"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? AND state = 'pending' "
                                     "ORDER BY order_key LIMIT ?")
                          .arg(db::itemColumns()));
        query.addBindValue(jobId);
        query.addBindValue(count);
        if (!query.exec())
            return sqlError(query, QStringLiteral("read pending items"));
        while (query.next())
            taken.append(db::readItem(query));
        query.finish();

        query.prepare(
            QStringLiteral("UPDATE job_items SET state = 'in-flight', started = 0, attempts = attempts + 1 "
                           "WHERE id = ?"));
        for (JobItem &item : taken) {
            query.bindValue(0, item.id);
            if (!query.exec())
                return sqlError(query, QStringLiteral("mark items in flight"));
            item.state = ItemState::InFlight;
            item.attempts += 1;
        }
        return Done{};
    });
    if (durable)
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!status.ok())
        return status.error();
    return taken;
}

Result<QVector<JobItem>> Journal::resetInFlight(qint64 jobId)
{
    QVector<JobItem> toVerify;
    const Status status = write(QStringLiteral("reset in-flight items"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE job_items SET state = 'pending', needs_verify = 1 "
                                     "WHERE job_id = ? AND state = 'in-flight'"));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("reset in-flight items"));
        query.prepare(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? AND state = 'pending' "
                                     "AND needs_verify = 1 ORDER BY order_key")
                          .arg(db::itemColumns()));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("read items to verify"));
        while (query.next())
            toVerify.append(db::readItem(query));
        return Done{};
    });
    if (!status.ok())
        return status.error();
    if (!toVerify.isEmpty())
        qCInfo(lcDb) << "job" << jobId << "has" << toVerify.size() << "items to verify after a restart";
    return toVerify;
}

Status Journal::recordOutcomes(const QVector<ItemOutcome> &outcomes)
{
    if (outcomes.isEmpty())
        return Done{};
    return write(QStringLiteral("record item outcomes"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery read(db);
        read.prepare(QStringLiteral("SELECT job_id, state, bytes_done, checksum, destination_id, reason, "
                                    "needs_verify, written_path FROM job_items WHERE id = ?"));
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE job_items SET state = ?, bytes_done = ?, checksum = ?, "
                                      "destination_id = ?, error_kind = ?, error_message = ?, reason = ?, "
                                      "needs_verify = ?, written_path = ? WHERE id = ?"));
        QHash<qint64, CounterDelta> deltas;
        for (const ItemOutcome &outcome : outcomes) {
            read.bindValue(0, outcome.itemId);
            if (!read.exec())
                return sqlError(read, QStringLiteral("read item"));
            if (!read.next()) {
                qCWarning(lcDb) << "outcome for unknown item" << outcome.itemId << "ignored";
                continue;
            }
            const qint64 jobId = read.value(0).toLongLong();
            const ItemState oldState =
                itemStateFromName(read.value(1).toString()).value_or(ItemState::Pending);
            const qint64 oldBytes = read.value(2).toLongLong();
            const QString checksum = outcome.checksum.isEmpty() ? read.value(3).toString() : outcome.checksum;
            const qint64 destinationId =
                outcome.destinationId != 0 ? outcome.destinationId : read.value(4).toLongLong();
            // A skipped item that goes again (its copy is retried) loses its skip's reason.
            const bool skipUndone = oldState == ItemState::Skipped && outcome.state == ItemState::Pending;
            const QString reason = !outcome.reason.isEmpty()
                ? outcome.reason
                : (skipUndone ? QString() : read.value(5).toString());
            // Verification is settled once the item reaches a final state; a retry keeps the flag.
            const bool needsVerify = outcome.state == ItemState::Pending && read.value(6).toInt() != 0;
            const QString written =
                outcome.writtenPath.isEmpty() ? read.value(7).toString() : outcome.writtenPath;
            read.finish();

            int c = 0;
            update.bindValue(c++, itemStateName(outcome.state));
            update.bindValue(c++, outcome.bytesDone);
            update.bindValue(c++, db::storedText(checksum));
            update.bindValue(c++, destinationId);
            update.bindValue(c++, storedErrorKind(outcome.error.kind()));
            update.bindValue(c++, db::storedText(outcome.error.message()));
            update.bindValue(c++, db::storedText(reason));
            update.bindValue(c++, needsVerify ? 1 : 0);
            update.bindValue(c++, db::storedText(written));
            update.bindValue(c++, outcome.itemId);
            if (!update.exec())
                return sqlError(update, QStringLiteral("record item outcome"));

            CounterDelta &delta = deltas[jobId];
            delta.countState(oldState, -1);
            delta.countState(outcome.state, 1);
            delta.bytesDone += outcome.bytesDone - oldBytes;
        }
        return applyDeltas(db, deltas);
    });
}

Status Journal::markStarted(const QVector<qint64> &itemIds)
{
    if (itemIds.isEmpty())
        return Done{};
    return write(QStringLiteral("mark items started"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("UPDATE job_items SET started = 1 WHERE id = ? AND state = 'in-flight'"));
        for (const qint64 id : itemIds) {
            query.bindValue(0, id);
            if (!query.exec())
                return sqlError(query, QStringLiteral("mark items started"));
        }
        return Done{};
    });
}

Result<QHash<QString, Error::Kind>> Journal::failedCopies(qint64 jobId) const
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    // The (job, state) index finds them without a pass over the job's items.
    query.prepare(QStringLiteral("SELECT destination_path, error_kind FROM job_items WHERE job_id = ? "
                                 "AND state = 'failed' AND action IN ('upload', 'download', 'new-version')"));
    query.addBindValue(jobId);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read failed copies"));
    QHash<QString, Error::Kind> failed;
    while (query.next())
        failed.insert(query.value(0).toString(),
                      errorKindFromName(query.value(1).toString()).value_or(Error::Kind::Internal));
    return failed;
}

Result<JobItem> Journal::item(qint64 itemId) const
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("SELECT %1 FROM job_items WHERE id = ?").arg(db::itemColumns()));
    query.addBindValue(itemId);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read item"));
    if (!query.next())
        return Error(Error::Kind::NotFound,
                     QCoreApplication::translate("trestle::Journal", "The job item no longer exists."),
                     QStringLiteral("item %1").arg(itemId));
    return db::readItem(query);
}

Result<QVector<JobItem>> Journal::items(qint64 jobId, qint64 afterOrderKey, int limit) const
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral(
            "SELECT %1 FROM job_items WHERE job_id = ? AND order_key > ? ORDER BY order_key LIMIT ?")
            .arg(db::itemColumns()));
    query.addBindValue(jobId);
    query.addBindValue(afterOrderKey);
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read items"));
    QVector<JobItem> result;
    while (query.next())
        result.append(db::readItem(query));
    return result;
}

Status Journal::forEachItem(qint64 jobId, const std::function<bool(const JobItem &)> &visit) const
{
    Result<QSqlDatabase> conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    // Forward-only: the driver keeps one row at a time instead of caching the whole result.
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM job_items WHERE job_id = ? ORDER BY order_key")
                      .arg(db::itemColumns()));
    query.addBindValue(jobId);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read items"));
    while (query.next()) {
        if (!visit(db::readItem(query)))
            break;
    }
    if (query.lastError().isValid())
        return sqlError(query, QStringLiteral("read items"));
    return Done{};
}

Status Journal::recomputeCounters(qint64 jobId)
{
    return write(QStringLiteral("recompute job counters"), [&](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "SELECT COUNT(*), SUM(state = 'done'), SUM(state = 'failed'), SUM(state = 'skipped'), "
            "SUM(CASE WHEN action IN ('upload', 'download', 'new-version') THEN size ELSE 0 END), "
            "SUM(bytes_done) FROM job_items WHERE job_id = ?"));
        query.addBindValue(jobId);
        if (!query.exec() || !query.next())
            return sqlError(query, QStringLiteral("count job items"));
        QVariantList values;
        for (int c = 0; c < 6; ++c)
            values.append(query.value(c).toLongLong());
        query.finish();
        query.prepare(QStringLiteral("UPDATE jobs SET items_total = ?, items_done = ?, items_failed = ?, "
                                     "items_skipped = ?, bytes_total = ?, bytes_done = ? WHERE id = ?"));
        for (const QVariant &value : values)
            query.addBindValue(value);
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query, QStringLiteral("update job counters"));
        if (query.numRowsAffected() == 0)
            return jobNotFound(jobId);
        return Done{};
    });
}

} // namespace trestle
