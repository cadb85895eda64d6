#include "core/secrets/secretreadjob.h"

#include <qt6keychain/keychain.h>

namespace trestle {

SecretReadJob::SecretReadJob(const QString &connectionId, SecretKind kind, QObject *parent)
    : SecretJob(connectionId, parent), m_kind(kind)
{ }

SecretReadJob::~SecretReadJob() = default;

void SecretReadJob::doStart()
{
    if (!connectionIdValid()) {
        emitResult(invalidConnectionIdError());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(secretServiceName(), this);
    configure(job, m_kind);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const Error error = errorOf(job, job->key());
        if (error)
            emitResult(error);
        else
            emitResult(job->textData());
    });
    job->start();
}

void SecretReadJob::emitResult(const Result<QString> &result)
{
    if (markFinished())
        Q_EMIT finished(result);
}

} // namespace trestle
