#include "core/store/storeerrorjob.h"

namespace trestle {

StoreErrorJob::StoreErrorJob(Error error, QObject *parent) : StoreJob(parent), m_result(std::move(error)) { }

StoreErrorJob::~StoreErrorJob() = default;

void StoreErrorJob::doStart()
{
    emitResult(m_result);
}

} // namespace trestle
