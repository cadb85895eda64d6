#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"

#include <QVector>

namespace trestle {

class Database;

// The "ask" conflicts policy: a conflicting item waits in the journal (a Skip, state Skipped,
// error kind Conflict, with its reason and both paths) until the user decides; the UI lists them
// with awaiting() and resolves them one by one with decide(). A decision that copies puts the item
// back to pending as a new version; TransferEngine::start(jobId) then runs what was decided (the
// rest of the job stays done).
//
// Uses the calling thread's connection; one thread at a time per object.
class ConflictDecisions final
{
    Q_DISABLE_COPY_MOVE(ConflictDecisions)

public:
    enum class Decision {
        CopyToDestination, // the source's file replaces the destination's (a new version)
        CopyToSource, // the destination's file replaces the source's (reverse)
        LeaveBoth, // nothing moves; the item counts as skipped by the user's choice
    };

    explicit ConflictDecisions(Database &database);
    ~ConflictDecisions();

    static bool isAwaiting(const JobItem &item);
    // The job's items that wait for a decision, in order.
    Result<QVector<JobItem>> awaiting(qint64 jobId) const;
    // Resolves one waiting item (NotFound if it does not exist, Validation if it is not waiting)
    // and brings the job's counters up to date.
    Status decide(qint64 itemId, Decision decision);

private:
    Database &m_database;
};

} // namespace trestle
