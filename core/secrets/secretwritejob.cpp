#include "core/secrets/secretwritejob.h"

#include <qt6keychain/keychain.h>

namespace trestle {

SecretWriteJob::SecretWriteJob(const QString &connectionId, SecretKind kind, const QString &value,
                               QObject *parent)
    : SecretJob(connectionId, parent), m_kind(kind), m_value(value)
{ }

SecretWriteJob::~SecretWriteJob() = default;

void SecretWriteJob::doStart()
{
    if (!connectionIdValid()) {
        emitResult(invalidConnectionIdError());
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(secretServiceName(), this);
    configure(job, m_kind);
    job->setTextData(m_value);
    m_value.clear(); // the keychain job holds it now; keep one copy in memory, not two
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const Error error = errorOf(job, job->key());
        if (error)
            emitResult(error);
        else
            emitResult(Done{});
    });
    job->start();
}

void SecretWriteJob::emitResult(const Status &status)
{
    if (markFinished())
        Q_EMIT finished(status);
}

} // namespace trestle
