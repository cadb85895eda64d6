#pragma once

#include "core/common/result.h"
#include "core/secrets/secretkind.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>

#include <functional>

namespace trestle {

class SecretStore;

// Several keychain operations of one connection in a row, with one completion: the wizard saves
// access token, refresh token and client secret together, the manager reads them together.
// Each call schedules; `done` runs once from the event loop. A failed write stops the batch.
class SecretBatch final
{
public:
    using Values = QHash<SecretKind, QString>;

    // Writes the values in order; an empty value removes that secret instead.
    static void write(SecretStore *store, const QString &connectionId,
                      const QList<QPair<SecretKind, QString>> &values, QObject *context,
                      std::function<void(Status)> done);
    // Reads the kinds; a missing secret is simply absent from the result.
    static void read(SecretStore *store, const QString &connectionId, const QList<SecretKind> &kinds,
                     QObject *context, std::function<void(Result<Values>)> done);
    // Removes every secret of the connection.
    static void removeAll(SecretStore *store, const QString &connectionId, QObject *context,
                          std::function<void(Status)> done);
};

} // namespace trestle
