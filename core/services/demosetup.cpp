#include "core/services/demosetup.h"

#include "core/db/connectionprofile.h"
#include "core/db/profilerepository.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace trestle {

QString demoShareName()
{
    // Not translated: it is the key that finds the demo's share again on the next start.
    return QStringLiteral("Demo share");
}

Status ensureDemoShare(ProfileRepository &profiles, const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir()) {
        return Error(
            Error::Kind::NotFound,
            QCoreApplication::translate("trestle::DemoSetup", "The demo folder %1 does not exist.").arg(dir),
            QStringLiteral("demo share %1").arg(dir));
    }
    const QString root = info.canonicalFilePath();

    const Result<QVector<ConnectionProfile>> saved = profiles.profiles();
    if (!saved.ok())
        return saved.error();
    for (const ConnectionProfile &profile : saved.value()) {
        if (profile.platform != ConnectionProfile::Platform::Share || profile.displayName != demoShareName())
            continue;
        if (profile.rootPath == root)
            return Done{};
        ConnectionProfile moved = profile;
        moved.rootPath = root;
        const Result<ConnectionProfile> updated = profiles.update(moved);
        if (!updated.ok())
            return updated.error();
        return Done{};
    }

    ConnectionProfile share;
    share.displayName = demoShareName();
    share.platform = ConnectionProfile::Platform::Share;
    share.rootPath = root;
    const Result<ConnectionProfile> added = profiles.add(share);
    if (!added.ok())
        return added.error();
    return Done{};
}

} // namespace trestle
