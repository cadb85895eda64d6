#pragma once

#include "core/db/journaltypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QtGlobal>

namespace trestle {

// One progress report of a running job (TransferEngine::progress, at most 10 a second).
struct EngineProgress final
{
    qint64 jobId = 0;
    JobState state = JobState::Running;
    qint64 itemsTotal = 0; // every item of the job, skips included
    qint64 itemsDone = 0;
    qint64 itemsFailed = 0;
    qint64 itemsSkipped = 0;
    qint64 itemsInFlight = 0;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0; // finished items plus the bytes moved so far of those in flight
    qint64 bytesPerSecond = 0; // over the last few seconds
    qint64 bytesMetered = 0; // bytes the job's bandwidth cap accounted this run (0 without a cap)
    qint64 etaSeconds = -1; // -1 while unknown
    qint64 apiCalls = 0; // API calls the job has spent (all runs), when the engine can count them
    // While state is Waiting: when the API budget lets the job go on (invalid otherwise).
    QDateTime waitingUntil;

    bool operator==(const EngineProgress &other) const;
    bool operator!=(const EngineProgress &other) const { return !(*this == other); }
};

} // namespace trestle

Q_DECLARE_METATYPE(trestle::EngineProgress)
