#pragma once

#include "core/common/result.h"
#include "core/secrets/secretjob.h"

#include <QList>

namespace trestle {

// Removes secrets of a connection: one kind, or all of them (removeAll). Removing what is not
// there succeeds: the goal, "the keychain holds no such secret", is reached.
class SecretRemoveJob final : public SecretJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretRemoveJob)

public:
    SecretRemoveJob(const QString &connectionId, QList<SecretKind> kinds, QObject *parent = nullptr);
    ~SecretRemoveJob() override;

Q_SIGNALS:
    void finished(const trestle::Status &status);

private:
    void doStart() override;
    void removeNext();
    void emitResult(const Status &status);

    QList<SecretKind> m_kinds; // still to remove, in order
};

} // namespace trestle
