#include "ui/browser/paneoperations.h"

#include "core/store/localstore.h"
#include "core/store/store.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

namespace trestle {

PaneOperations::PaneOperations(QObject *parent) : QObject(parent) { }

PaneOperations::~PaneOperations()
{
    setStore(nullptr);
}

bool PaneOperations::isBusy() const
{
    return !m_job.isNull();
}

void PaneOperations::setStore(Store *store)
{
    if (m_job) {
        StoreJob *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->kill();
        Q_EMIT busyChanged(false);
    }
    m_toRemove.clear();
    m_store = store;
}

void PaneOperations::run(StoreJob *job, const std::function<void(StoreJob *)> &done)
{
    m_job = job;
    connect(job, &StoreJob::finished, this, [this, done](StoreJob *finished) {
        if (finished != m_job)
            return;
        m_job = nullptr;
        done(finished);
        if (!m_job)
            Q_EMIT busyChanged(false);
    });
    job->start();
    Q_EMIT busyChanged(true);
}

bool PaneOperations::makeFolder(const QString &folder, const QString &name)
{
    if (!m_store || m_job)
        return false;
    const Result<StorePath> parent = StorePath::fromString(folder);
    Result<StorePath> path = parent.ok() ? parent.value().child(name) : parent;
    const Error refused = path.ok() ? m_store->checkNewName(path.value()) : path.error();
    if (refused) {
        Q_EMIT failed(refused.message());
        return false;
    }
    const QString created = path.value().toString();
    run(m_store->makeFolder(path.value()), [this, created](StoreJob *job) {
        if (job->error())
            Q_EMIT failed(job->error().message());
        else
            Q_EMIT changed(created);
    });
    return true;
}

bool PaneOperations::rename(const QString &path, const QString &newName)
{
    if (!m_store || m_job)
        return false;
    const Result<StorePath> from = StorePath::fromString(path);
    Result<StorePath> to = from.ok() ? from.value().parent().child(newName) : from;
    Error refused = to.ok() ? m_store->checkNewName(to.value()) : to.error();
    if (!refused)
        refused = m_store->checkMove(from.value(), to.value());
    if (refused) {
        Q_EMIT failed(refused.message());
        return false;
    }
    const QString renamed = to.value().toString();
    run(m_store->move(from.value(), to.value()), [this, renamed](StoreJob *job) {
        if (job->error())
            Q_EMIT failed(job->error().message());
        else
            Q_EMIT changed(renamed);
    });
    return true;
}

void PaneOperations::remove(const QStringList &paths)
{
    if (!m_store || m_job || paths.isEmpty())
        return;
    m_toRemove = paths;
    m_firstRemoveError.clear();
    removeNext();
}

void PaneOperations::removeNext()
{
    while (!m_toRemove.isEmpty()) {
        const Result<StorePath> path = StorePath::fromString(m_toRemove.takeFirst());
        if (!path.ok()) {
            if (m_firstRemoveError.isEmpty())
                m_firstRemoveError = path.error().message();
            continue;
        }
        run(m_store->remove(path.value(), Store::RemoveMode::Recursive), [this](StoreJob *job) {
            // Go on with the others: one item that cannot go must not keep the rest.
            if (job->error() && m_firstRemoveError.isEmpty())
                m_firstRemoveError = job->error().message();
            removeNext();
        });
        return;
    }
    if (!m_firstRemoveError.isEmpty())
        Q_EMIT failed(m_firstRemoveError);
    Q_EMIT changed(QString());
}

void PaneOperations::open(const QString &path)
{
    if (!m_store || m_job)
        return;
    const Result<StorePath> storePath = StorePath::fromString(path);
    if (!storePath.ok()) {
        Q_EMIT failed(storePath.error().message());
        return;
    }
    if (const auto *local = qobject_cast<LocalStore *>(m_store)) {
        openLocalFile(QDir(local->rootPath()).filePath(path));
        return;
    }
    // A remote file is opened from a private copy: a folder of its own under the cache, so two
    // files of the same name never overwrite each other and the application keeps the real name.
    const QString base =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/open");
    if (!QDir().mkpath(base)) {
        Q_EMIT failed(tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(base)));
        return;
    }
    QTemporaryDir folder(base + QStringLiteral("/XXXXXX"));
    folder.setAutoRemove(false);
    auto *file = new QFile(QDir(folder.path()).filePath(storePath.value().name()), this);
    if (!folder.isValid() || !file->open(QIODevice::WriteOnly)) {
        Q_EMIT failed(tr("Could not write %1: %2")
                          .arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
        delete file;
        return;
    }
    run(m_store->readInto(storePath.value(), file), [this, file](StoreJob *job) {
        file->close();
        if (job->error()) {
            file->remove();
            Q_EMIT failed(job->error().message());
        } else {
            openLocalFile(file->fileName());
        }
        file->deleteLater();
    });
}

void PaneOperations::openLocalFile(const QString &file)
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file))) {
        Q_EMIT failed(tr("No application is set up to open %1.").arg(QDir::toNativeSeparators(file)));
        return;
    }
    Q_EMIT opened(file);
}

} // namespace trestle
