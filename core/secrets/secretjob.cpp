#include "core/secrets/secretjob.h"

#include "core/common/logging.h"

#include <QMetaObject>
#include <qt6keychain/keychain.h>

namespace trestle {

SecretJob::SecretJob(QString connectionId, QObject *parent)
    : QObject(parent), m_connectionId(std::move(connectionId))
{ }

SecretJob::~SecretJob() = default;

void SecretJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished)
                doStart();
        },
        Qt::QueuedConnection);
}

bool SecretJob::connectionIdValid() const
{
    return !m_connectionId.isEmpty() && !m_connectionId.contains(QLatin1Char('/'));
}

Error SecretJob::invalidConnectionIdError() const
{
    return Error(Error::Kind::Internal, tr("Internal error: invalid connection id for the keychain."),
                 QStringLiteral("connection id \"%1\" is empty or contains '/'").arg(m_connectionId));
}

bool SecretJob::markFinished()
{
    if (m_finished)
        return false;
    m_finished = true;
    deleteLater();
    return true;
}

void SecretJob::configure(QKeychain::Job *job, SecretKind kind) const
{
    // Never write a secret to a QSettings file when the keychain is missing: fail instead.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(secretKey(m_connectionId, kind));
}

Error SecretJob::errorOf(const QKeychain::Job *job, const QString &key)
{
    const QKeychain::Error code = job->error();
    if (code == QKeychain::NoError)
        return {};
    // QtKeychain's text names the backend's failure; it never contains the value.
    const QString detail = QStringLiteral("keychain %1, key %2: QtKeychain error %3: %4")
                               .arg(job->service(), key)
                               .arg(int(code))
                               .arg(job->errorString());
    if (code == QKeychain::EntryNotFound)
        qCDebug(lcSecrets).noquote() << detail; // expected: "no token stored yet"
    else
        qCWarning(lcSecrets).noquote() << detail;
    const QString install =
        tr("Install and start a Secret Service provider such as gnome-keyring or KWallet "
           "(Debian: apt install gnome-keyring), make sure it is unlocked, then try again.");
    switch (code) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return Error(Error::Kind::NotFound, tr("The credential is not in the keychain."), detail);
    case QKeychain::CouldNotDeleteEntry:
        return Error(Error::Kind::Keychain, tr("The credential could not be deleted from the keychain."),
                     detail);
    case QKeychain::AccessDeniedByUser:
        return Error(
            Error::Kind::Keychain,
            tr("Access to the keychain was denied. Allow Trestle to use the keychain and try again."),
            detail);
    case QKeychain::AccessDenied:
        return Error(
            Error::Kind::Keychain,
            tr("The keychain refused access; it may be locked and could not be unlocked. %1").arg(install),
            detail);
    case QKeychain::NoBackendAvailable:
        return Error(Error::Kind::Keychain,
                     tr("No keychain is available to keep Trestle's credentials safe. %1").arg(install),
                     detail);
    case QKeychain::NotImplemented:
        return Error(Error::Kind::Keychain,
                     tr("This build of Trestle cannot use this system's keychain. %1").arg(install), detail);
    case QKeychain::OtherError:
        break;
    }
    // OtherError: on Linux this is mostly a missing or unreachable Secret Service (no D-Bus session,
    // no provider, a provider that cannot unlock); QtKeychain passes the backend's text through.
    const QString text = job->errorString();
    for (const char *hint :
         {"connect", "D-Bus", "DBus", "dbus", "org.freedesktop", "ServiceUnknown", "not provided"}) {
        if (text.contains(QLatin1String(hint)))
            return Error(Error::Kind::Keychain,
                         tr("No keychain service (Secret Service) could be reached. %1").arg(install),
                         detail);
    }
    for (const char *hint : {"collection", "locked", "unlock", "prompt"}) {
        if (text.contains(QLatin1String(hint)))
            return Error(Error::Kind::Keychain,
                         tr("The keychain is locked or has no default keyring, and could not be unlocked. %1")
                             .arg(install),
                         detail);
    }
    return Error(Error::Kind::Keychain, tr("The keychain could not be used. %1").arg(install), detail);
}

} // namespace trestle
