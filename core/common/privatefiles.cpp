#include "core/common/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace trestle {

namespace PrivateFiles {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
// The mode bits (QFileInfo adds the "User" flags: what this process may do).
constexpr QFileDevice::Permissions kModeBits = kOwnerFolder | QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

void fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Creates the file with 0600 in one step: no moment where it exists world-readable.
bool createOwnerOnly(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return QFileInfo::exists(path); // someone else created it meanwhile: restrictToOwner() follows
    ::close(fd);
    return true;
#else
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || QFileInfo::exists(path);
#endif
}

} // namespace

bool restrictToOwner(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    const QFileDevice::Permissions wanted = info.isDir() ? kOwnerFolder : kOwnerFile;
    return (info.permissions() & kModeBits) == wanted || QFile::setPermissions(path, wanted);
}

bool protectSettings(QString *error)
{
    const QString path = QSettings().fileName();
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder) && !QDir().mkpath(folder)) {
        fail(error, QStringLiteral("cannot create %1").arg(folder));
        return false;
    }
    // Only the application's own folder (.../Trestle): never a shared parent such as ~/.config,
    // where the file lands when no organization name is set.
    const QString organization = QCoreApplication::organizationName();
    const bool ownFolder = !organization.isEmpty() && QFileInfo(folder).fileName() == organization;
    if (ownFolder && !restrictToOwner(folder)) {
        fail(error, QStringLiteral("cannot make %1 owner-only").arg(folder));
        return false;
    }
    if (!info.exists() && !createOwnerOnly(path)) {
        fail(error, QStringLiteral("cannot create %1").arg(path));
        return false;
    }
    if (!restrictToOwner(path)) {
        fail(error, QStringLiteral("cannot make %1 owner-only").arg(path));
        return false;
    }
    return true;
}

} // namespace PrivateFiles

} // namespace trestle
