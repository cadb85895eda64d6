#pragma once

#include "core/common/result.h"
#include "core/db/connectionprofile.h"

#include <QObject>
#include <QVector>

namespace trestle {

class Database;

// Saved connection profiles (no secrets: see ConnectionProfile).
//
// Each call uses the calling thread's connection, so one repository object may be used from any
// single thread at a time; the change signals are emitted by the thread that made the change.
// The GUI keeps one repository on its thread so every view hears every change.
class ProfileRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileRepository)

public:
    explicit ProfileRepository(Database &database, QObject *parent = nullptr);
    ~ProfileRepository() override;

    // Stores a new profile. Fills in id (when empty), createdAt and updatedAt; returns the stored
    // profile. Conflict if the id exists.
    Result<ConnectionProfile> add(ConnectionProfile profile);
    // Replaces the stored profile with the same id and sets updatedAt. NotFound if there is none.
    Result<ConnectionProfile> update(ConnectionProfile profile);
    // NotFound if there is none.
    Status remove(const QString &id);
    Result<ConnectionProfile> profile(const QString &id) const;
    // All profiles, by display name.
    Result<QVector<ConnectionProfile>> profiles() const;
    // Records the outcome of "Test connection" without touching the rest of the profile.
    Status setTestResult(const QString &id, bool ok, const QString &statusText);

Q_SIGNALS:
    void profileAdded(const QString &id);
    void profileChanged(const QString &id);
    void profileRemoved(const QString &id);

private:
    Database &m_database;
};

} // namespace trestle
