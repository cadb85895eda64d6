#pragma once

#include "core/common/result.h"
#include "core/secrets/secretjob.h"

namespace trestle {

// Reads one secret of a connection. A missing entry finishes with Error::Kind::NotFound.
class SecretReadJob final : public SecretJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretReadJob)

public:
    SecretReadJob(const QString &connectionId, SecretKind kind, QObject *parent = nullptr);
    ~SecretReadJob() override;

    SecretKind kind() const { return m_kind; }

Q_SIGNALS:
    void finished(const trestle::Result<QString> &result);

private:
    void doStart() override;
    void emitResult(const Result<QString> &result);

    SecretKind m_kind;
};

} // namespace trestle
