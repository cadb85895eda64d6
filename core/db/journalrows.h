#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"

#include <QString>
#include <QVector>

class QSqlDatabase;
class QSqlQuery;

namespace trestle::db {

// Column lists and row conversions of the journal's tables, shared by Journal and ReportExporter
// so the SQL of one table is spelled in one place.

// "id, job_id, order_key, action, …" in the order readItem() expects.
QString itemColumns();
JobItem readItem(const QSqlQuery &query);
// An error kind as the journal stores it ("" for none).
QString storedErrorKind(Error::Kind kind);

// Inserts new items of job `jobId` with explicit ids from `firstId` on, in the items' order (each
// item's id is set). The caller holds the write lock (BEGIN IMMEDIATE) and has given every item its
// order key. Planned items that carry nothing but paths, size and time (nearly all of a big plan)
// go in many rows per statement with only those values bound: Qt's bindValue() costs a string
// formatting and a hash lookup per value, so a 100,000-item plan spent more time binding the
// defaults of 13 columns than SQLite spent storing the rows.
Status insertItems(QSqlDatabase &db, qint64 jobId, QVector<JobItem> &items, qint64 firstId);

// "id, kind, source_connection, …" in the order readJob() expects.
QString jobColumns();
JobRecord readJob(const QSqlQuery &query);

} // namespace trestle::db
