#pragma once

#include "core/common/result.h"
#include "core/db/connectionprofile.h"
#include "core/services/connectionservices.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVector>

#include <memory>

namespace trestle {

class ConnectionSession;
class ConnectionSetup;
class SecretStoreTokenPersistence;

// The saved connections, for the connection manager window: list, edit, reconnect, test and
// delete. Deleting revokes the tokens at Procore, removes the secrets from the keychain and the
// profile from SQLite. Lives in the GUI thread; every long operation schedules and answers with
// a signal. The profile list itself is read synchronously (a few rows of a local SQLite file).
class ConnectionManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManager)

public:
    explicit ConnectionManager(const ConnectionServices &services, QObject *parent = nullptr);
    ~ConnectionManager() override;

    const ConnectionServices &services() const { return m_services; }

    Result<QVector<ConnectionProfile>> connections() const;
    Result<ConnectionProfile> connection(const QString &id) const;
    // Edit: the display name (empty = the default name).
    Result<ConnectionProfile> rename(const QString &id, const QString &displayName);

    // A setup for a new connection (owned by `parent`).
    ConnectionSetup *newSetup(QObject *parent) const;
    // A setup that signs in to an existing connection again (after a password change or a revoked
    // token) and on save() replaces its tokens.
    Result<ConnectionSetup *> reconnectSetup(const QString &id, QObject *parent) const;

    // Lists the project's Documents root with the stored tokens (refreshing them when needed) and
    // records the result in the profile.
    void test(const QString &id);
    // Revokes the tokens, removes the secrets, then the profile. A failed revocation (offline) does
    // not keep the connection (it is logged): once the secrets are gone the tokens are unusable
    // here. A keychain failure keeps the profile, so the user can try again.
    void remove(const QString &id);
    bool isBusy(const QString &id) const;

Q_SIGNALS:
    void testFinished(const QString &id, const trestle::Status &status);
    void removeFinished(const QString &id, const trestle::Status &status);

private:
    void finishTest(const QString &id, const Status &status);
    void removeSecretsAndProfile(const QString &id, const Error &revokeError);

    const ConnectionServices m_services;
    std::unique_ptr<SecretStoreTokenPersistence> m_persistence;
    QHash<QString, ConnectionSession *> m_tests;
    QSet<QString> m_removing;
    bool m_shuttingDown = false;
};

} // namespace trestle
