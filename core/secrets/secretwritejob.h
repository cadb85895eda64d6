#pragma once

#include "core/common/result.h"
#include "core/secrets/secretjob.h"

namespace trestle {

// Writes (creates or replaces) one secret of a connection.
class SecretWriteJob final : public SecretJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretWriteJob)

public:
    SecretWriteJob(const QString &connectionId, SecretKind kind, const QString &value,
                   QObject *parent = nullptr);
    ~SecretWriteJob() override;

    SecretKind kind() const { return m_kind; }

Q_SIGNALS:
    void finished(const trestle::Status &status);

private:
    void doStart() override;
    void emitResult(const Status &status);

    SecretKind m_kind;
    QString m_value;
};

} // namespace trestle
