#pragma once

#include "core/secrets/secretkind.h"
#include "core/secrets/secretreadjob.h"
#include "core/secrets/secretremovejob.h"
#include "core/secrets/secretwritejob.h"

#include <QObject>

namespace trestle {

// The only door to the OS keychain (QtKeychain): access tokens, refresh tokens and client secrets
// per connection id. Every operation is an asynchronous job: connect to its finished() and
// start() it. Jobs are children of the store and delete themselves after finished().
//
//     auto *job = store->read(connectionId, SecretKind::RefreshToken);
//     connect(job, &SecretReadJob::finished, this, [](const Result<QString> &token) { … });
//     job->start();
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    SecretWriteJob *write(const QString &connectionId, SecretKind kind, const QString &value);
    SecretReadJob *read(const QString &connectionId, SecretKind kind);
    SecretRemoveJob *remove(const QString &connectionId, SecretKind kind);
    // Removes every secret of the connection (when the connection is deleted).
    SecretRemoveJob *removeAll(const QString &connectionId);
};

} // namespace trestle
