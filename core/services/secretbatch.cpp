#include "core/services/secretbatch.h"

#include "core/secrets/secretstore.h"

#include <QPointer>

#include <memory>

namespace trestle {

namespace {

void writeNext(SecretStore *store, const QString &id, std::shared_ptr<QList<QPair<SecretKind, QString>>> left,
               QPointer<QObject> context, std::function<void(Status)> done)
{
    if (!context)
        return;
    if (left->isEmpty())
        return done(Done{});
    const auto [kind, value] = left->takeFirst();
    const auto next = [store, id, left, context, done](const Status &status) {
        if (!context)
            return;
        if (!status.ok())
            return done(status);
        writeNext(store, id, left, context, done);
    };
    if (value.isEmpty()) {
        SecretRemoveJob *job = store->remove(id, kind);
        QObject::connect(job, &SecretRemoveJob::finished, context.data(), next);
        job->start();
    } else {
        SecretWriteJob *job = store->write(id, kind, value);
        QObject::connect(job, &SecretWriteJob::finished, context.data(), next);
        job->start();
    }
}

void readNext(SecretStore *store, const QString &id, std::shared_ptr<QList<SecretKind>> left,
              std::shared_ptr<SecretBatch::Values> values, QPointer<QObject> context,
              std::function<void(Result<SecretBatch::Values>)> done)
{
    if (!context)
        return;
    if (left->isEmpty())
        return done(*values);
    const SecretKind kind = left->takeFirst();
    SecretReadJob *job = store->read(id, kind);
    QObject::connect(job, &SecretReadJob::finished, context.data(),
                     [store, id, left, values, context, done, kind](const Result<QString> &result) {
                         if (!context)
                             return;
                         if (result.ok())
                             values->insert(kind, result.value());
                         else if (result.error().kind() != Error::Kind::NotFound)
                             return done(result.error());
                         readNext(store, id, left, values, context, done);
                     });
    job->start();
}

} // namespace

void SecretBatch::write(SecretStore *store, const QString &connectionId,
                        const QList<QPair<SecretKind, QString>> &values, QObject *context,
                        std::function<void(Status)> done)
{
    writeNext(store, connectionId, std::make_shared<QList<QPair<SecretKind, QString>>>(values), context,
              std::move(done));
}

void SecretBatch::read(SecretStore *store, const QString &connectionId, const QList<SecretKind> &kinds,
                       QObject *context, std::function<void(Result<Values>)> done)
{
    readNext(store, connectionId, std::make_shared<QList<SecretKind>>(kinds), std::make_shared<Values>(),
             context, std::move(done));
}

void SecretBatch::removeAll(SecretStore *store, const QString &connectionId, QObject *context,
                            std::function<void(Status)> done)
{
    SecretRemoveJob *job = store->removeAll(connectionId);
    QObject::connect(job, &SecretRemoveJob::finished, context, std::move(done));
    job->start();
}

} // namespace trestle
