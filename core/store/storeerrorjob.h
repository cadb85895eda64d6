#pragma once

#include "core/store/storejob.h"

namespace trestle {

// A job that only reports an error it was given (an operation a store does not support), so the
// caller's one path through finished() holds for it too.
class StoreErrorJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreErrorJob)

public:
    explicit StoreErrorJob(Error error, QObject *parent = nullptr);
    ~StoreErrorJob() override;

protected:
    void doStart() override;

private:
    const Error m_result;
};

} // namespace trestle
