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
        // The source's file is written beside the destination's under the first free name
        // "name (n).ext" (as the keep-both policy names its copies); the destination's stays.
        // In a two-way sync the destination's file also comes back over the source's (a new item
        // after it), so both sides end with both files once the next run copies "name (n)" back.
        KeepBoth,
    };

    explicit ConflictDecisions(Database &database);
    ~ConflictDecisions();

    static bool isAwaiting(const JobItem &item);
    // A pending Upload that KeepBoth made: the engine picks the name (keepBothName, n = 1, 2, …)
    // when it runs it, the first one that is free or already holds this very file, so a rerun
    // after a crash finds its own copy instead of making another.
    static bool isKeepBoth(const JobItem &item);
    // The n-th keep-both name of a path ("a/b.txt", 2 -> "a/b (2).txt"); the keep-both policy's
    // rule: the suffix goes before the last dot unless the name starts with it. The planners'
    // keep-both policy (PlanBuilder, TwoWayBuilder) names its copies with it too.
    static QString keepBothName(const QString &path, int n);
    // The job's items that wait for a decision, in order.
    Result<QVector<JobItem>> awaiting(qint64 jobId) const;
    // Resolves one waiting item (NotFound if it does not exist, Validation if it is not waiting)
    // and brings the job's counters up to date.
    Status decide(qint64 itemId, Decision decision);

private:
    Database &m_database;
};

} // namespace trestle
