#pragma once

#include "core/common/error.h"
#include "core/secrets/secretkind.h"

#include <QObject>

namespace QKeychain {
class Job;
}

namespace trestle {

// The base of the keychain jobs, after KDE's KJob: start() only schedules the work, so a caller
// may connect after start(); each subclass emits its one finished(result) exactly once and the
// job then deletes itself (deleteLater). Values are never logged and never stored anywhere but
// the OS keychain: there is no plain-text fallback, a missing keychain is an Error::Kind::Keychain.
class SecretJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)

public:
    ~SecretJob() override;

    // Schedules the work on the event loop of the job's thread. A second call does nothing.
    void start();

    QString connectionId() const { return m_connectionId; }

protected:
    SecretJob(QString connectionId, QObject *parent);

    // Runs from the event loop; ends with exactly one call of the subclass's result emitter.
    virtual void doStart() = 0;
    // Whether the connection id can be part of a key ("<id>/<kind>"): not empty, no '/'.
    bool connectionIdValid() const;
    Error invalidConnectionIdError() const;
    // Marks the job finished; returns false if it already was (the caller must not emit again).
    bool markFinished();
    // Prepares a QtKeychain job: our service name, the key of kind, never a plain-text fallback.
    void configure(QKeychain::Job *job, SecretKind kind) const;
    // The error of a finished QtKeychain job (kind None if it succeeded).
    static Error errorOf(const QKeychain::Job *job, const QString &key);

private:
    QString m_connectionId;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace trestle
