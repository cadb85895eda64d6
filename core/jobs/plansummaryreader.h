#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"
#include "core/transfer/plansummary.h"

#include <QVector>

namespace trestle {

class Database;

// Rebuilds a planned job's summary from its journaled items, for a preview restored after a
// restart (the planner's summary lived in memory only). What items cannot tell (the unchanged
// files, the listings, the API call and time estimates) comes from the figures the planner kept
// with the job; a job planned before they were kept shows 0 unchanged and no estimate (-1).
//
// Counted by SQLite (GROUP BY action) instead of reading every item into a JobItem: a
// 100,000-item plan is restored on the GUI thread, where a row-by-row read took over a second.
class PlanSummaryReader final
{
public:
    static Result<PlanSummary> read(const Database &database, qint64 jobId, JobKind kind);
    // The items renamed for the destination (mapped_name set), in plan order, at most `limit`.
    static Result<QVector<JobItem>> renamedItems(const Database &database, qint64 jobId, int limit);
};

} // namespace trestle
