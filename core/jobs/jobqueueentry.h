#pragma once

// JobQueue's own parts, shared by its two source files (jobqueue.cpp: jobs, slots and steps;
// jobqueueholds.cpp: sign-in holds and schedules). Not for other users of the queue.

#include "core/jobs/jobqueue.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/jobschedule.h"
#include "core/transfer/transferengine.h"

#include <QDateTime>

#include <memory>

namespace trestle {

// What the queue knows of one job besides the journal's record: the objects working on it.
struct JobQueue::Entry final
{
    JobRecord record; // the journal's record; state may show Queued for a job waiting to resume
    EngineProgress progress;
    PlanSummary summary;
    bool hasSummary = false;
    bool planned = false; // every item is in the journal
    bool holdsSlot = false; // planning for a run, running or waiting for the budget
    bool preparing = false; // waiting for the resolver to prepare the connections
    bool cancelRequested = false;
    bool previewRequested = false; // submitted with a preview: planned outside the slots, never run
    Error stopReason; // why the engine paused the job (none: not paused by the engine)
    QDateTime lastScheduledRun; // when its schedule last fired (this session)
    quint64 generation = 0; // bumped to ignore callbacks of a step that was cancelled
    std::unique_ptr<Store> source;
    std::unique_ptr<Store> destination;
    std::unique_ptr<JobPlanner> planner;
    std::unique_ptr<TransferEngine> engine;
};

namespace jobqueue {

// The causes for which the engine pauses a job (TransferEngine::finished).
bool isStopCause(Error::Kind kind);
bool isSignIn(Error::Kind kind);
// Jobs that do the same thing again and again (a schedule's runs) share this key.
QString seriesOf(const JobRecord &record);
JobSchedule scheduleOf(const JobRecord &record);

} // namespace jobqueue

} // namespace trestle
