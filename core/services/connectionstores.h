#pragma once

#include "core/common/result.h"
#include "core/db/connectionprofile.h"
#include "core/services/connectionservices.h"
#include "core/transfer/storeresolver.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace trestle {

class ProcoreClient;
class SecretStoreTokenPersistence;

// The StoreResolver of the window and the command line: saved connections (a profile id: a
// Procore project or a file share) and "local:/folder" (delegated to LocalStoreResolver) as
// stores. For a Procore connection, prepare() reads the tokens from the keychain once and builds
// ONE TokenManager and ConnectionContext (thread-safe, shared by every thread) with the
// application's RateLimitMeter; openStore() and factory() give each thread its own ProcoreClient
// and ProcoreStore on that context. Lives in the GUI thread; stores and factories must not
// outlive it.
class ConnectionStores final : public QObject, public StoreResolver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStores)

public:
    explicit ConnectionStores(const ConnectionServices &services, QObject *parent = nullptr);
    ~ConnectionStores() override;

    // "procore:<connection name or id>[/folder/path]" and "share:<connection name or id>[/path]"
    // → the profile id + path; anything else is a local folder ("local:/folder", path empty).
    // An ambiguous name is a Validation error listing the candidates.
    Error parseEndpoint(const QString &argument, QString *connection, QString *path) override;
    void prepare(const QString &connection, std::function<void(const Error &)> done) override;
    std::unique_ptr<Store> openStore(const QString &connection, Error *error) override;
    StoreFactory factory(const QString &connection) override;
    RateLimitMeter *meter(const QString &connection) override;
    QString displayName(const QString &connection) override;

    // Procore's web page for a path of a Procore connection (Show in Procore); invalid for shares
    // and local folders.
    QUrl webLink(const QString &connection, const QString &path) const;
    // Drops what is cached for a connection (after reconnect or delete). Stores already opened
    // keep working until they are destroyed.
    void forget(const QString &connection);

    // A ProcoreClient of a prepared Procore connection for the calling thread (the command line's
    // `projects` verb); null with `error` set otherwise.
    std::unique_ptr<ProcoreClient> openClient(const QString &connection, Error *error);
    // The saved profile of a connection id (NotFound when there is none).
    Result<ConnectionProfile> profile(const QString &connection) const;

Q_SIGNALS:
    // The refresh token was revoked (or the sign-in is missing): the user must sign in again.
    void signInNeeded(const QString &connection, const QString &message);

private:
    struct Prepared;

    void prepareShare(const ConnectionProfile &profile);
    void prepareProcore(const ConnectionProfile &profile);
    void finishPrepare(const QString &connection, const Error &error);
    std::shared_ptr<Prepared> prepared(const QString &connection, Error *error) const;

    const ConnectionServices m_services;
    // Shared with every TokenManager, which may outlive a forget() while a job still runs.
    std::shared_ptr<SecretStoreTokenPersistence> m_persistence;
    LocalStoreResolver m_local;
    QHash<QString, std::shared_ptr<Prepared>> m_prepared;
    // Callers waiting for a prepare in flight (one keychain read per connection).
    QHash<QString, QList<std::function<void(const Error &)>>> m_waiting;
};

} // namespace trestle
