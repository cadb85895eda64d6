#include "core/services/shareprobe.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace trestle {

void ShareProbe::check(const QString &path, QObject *context, std::function<void(Status)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, path, done] {
        const QString shown = QDir::toNativeSeparators(path);
        const QFileInfo info(path);
        Error error;
        if (path.trimmed().isEmpty())
            error = Error(Error::Kind::Config, tr("Choose a folder."));
        else if (!info.exists())
            error = Error(Error::Kind::NotFound,
                          tr("The folder %1 does not exist or the share is not mounted.").arg(shown));
        else if (!info.isDir())
            error = Error(Error::Kind::LocalIo, tr("%1 is a file, not a folder.").arg(shown));
        else if (!info.isReadable() || !QDir(path).isReadable())
            error = Error(Error::Kind::Permission, tr("Trestle may not read the folder %1.").arg(shown));
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, error] {
                if (!guard)
                    return;
                if (error)
                    done(error);
                else
                    done(Done{});
            },
            Qt::QueuedConnection);
    });
}

} // namespace trestle
