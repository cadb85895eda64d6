#pragma once

#include "core/db/journaltypes.h"

#include <QString>

class QSqlQuery;

namespace trestle::db {

// Column lists and row conversions of the journal's tables, shared by Journal and ReportExporter
// so the SQL of one table is spelled in one place.

// "id, job_id, order_key, action, …" in the order readItem() expects.
QString itemColumns();
JobItem readItem(const QSqlQuery &query);

// "id, kind, source_connection, …" in the order readJob() expects.
QString jobColumns();
JobRecord readJob(const QSqlQuery &query);

} // namespace trestle::db
