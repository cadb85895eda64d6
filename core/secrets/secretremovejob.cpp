#include "core/secrets/secretremovejob.h"

#include <qt6keychain/keychain.h>

namespace trestle {

SecretRemoveJob::SecretRemoveJob(const QString &connectionId, QList<SecretKind> kinds, QObject *parent)
    : SecretJob(connectionId, parent), m_kinds(std::move(kinds))
{ }

SecretRemoveJob::~SecretRemoveJob() = default;

void SecretRemoveJob::doStart()
{
    if (!connectionIdValid()) {
        emitResult(invalidConnectionIdError());
        return;
    }
    removeNext();
}

// One at a time: QtKeychain runs its jobs one after another anyway, and the first real failure
// (not "missing") ends the job with that error.
void SecretRemoveJob::removeNext()
{
    if (m_kinds.isEmpty()) {
        emitResult(Done{});
        return;
    }
    const SecretKind kind = m_kinds.takeFirst();
    auto *job = new QKeychain::DeletePasswordJob(secretServiceName(), this);
    configure(job, kind);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const Error error = errorOf(job, job->key());
        if (error && error.kind() != Error::Kind::NotFound) {
            emitResult(error);
            return;
        }
        removeNext();
    });
    job->start();
}

void SecretRemoveJob::emitResult(const Status &status)
{
    if (markFinished())
        Q_EMIT finished(status);
}

} // namespace trestle
