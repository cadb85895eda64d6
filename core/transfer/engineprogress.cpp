#include "core/transfer/engineprogress.h"

namespace trestle {

bool EngineProgress::operator==(const EngineProgress &o) const
{
    return jobId == o.jobId && state == o.state && itemsTotal == o.itemsTotal && itemsDone == o.itemsDone
        && itemsFailed == o.itemsFailed && itemsSkipped == o.itemsSkipped && itemsInFlight == o.itemsInFlight
        && bytesTotal == o.bytesTotal && bytesDone == o.bytesDone && bytesPerSecond == o.bytesPerSecond
        && etaSeconds == o.etaSeconds && apiCalls == o.apiCalls && waitingUntil == o.waitingUntil
        && bytesMetered == o.bytesMetered;
}

} // namespace trestle
