#include "core/store/localjobs.h"

#include "core/store/localfs.h"

#include <QDir>
#include <QDirIterator>

namespace trestle {

QThreadPool *localStorePool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        pool.setExpiryTimeout(30000);
        return true;
    }();
    Q_UNUSED(configured)
    return &pool;
}

LocalTaskJob::LocalTaskJob(LocalStatusWork work, QObject *parent)
    : StoreJob(parent), m_work(std::move(work)), m_cancelled(std::make_shared<std::atomic_bool>(false))
{ }

LocalTaskJob::~LocalTaskJob()
{
    m_cancelled->store(true);
}

void LocalTaskJob::doStart()
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Status status = m_watcher.result();
        emitResult(status.ok() ? Error() : status.error());
    });
    m_watcher.setFuture(runOnPool<Status>(localStorePool(), m_cancelled, m_work));
}

void LocalTaskJob::doKill()
{
    m_cancelled->store(true);
    m_watcher.disconnect(this);
}

LocalListJob::LocalListJob(LocalRoot root, StorePath folder, QObject *parent)
    : ListJob(std::move(folder), parent)
    , m_root(std::move(root))
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{ }

LocalListJob::~LocalListJob()
{
    m_cancelled->store(true);
}

void LocalListJob::doStart()
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        Result<QList<Entry>> result = m_watcher.result();
        if (!result.ok()) {
            emitResult(result.error());
            return;
        }
        setEntries(result.takeValue());
        emitResult();
    });
    const LocalRoot root = m_root;
    const StorePath folder = this->folder();
    m_watcher.setFuture(runOnPool<Result<QList<Entry>>>(
        localStorePool(), m_cancelled,
        [root, folder](const std::atomic_bool &cancelled) { return listFolder(root, folder, cancelled); }));
}

void LocalListJob::doKill()
{
    m_cancelled->store(true);
    m_watcher.disconnect(this);
}

Result<QList<Entry>> LocalListJob::listFolder(const LocalRoot &root, const StorePath &folder,
                                              const std::atomic_bool &cancelled)
{
    const Result<QString> resolved = root.resolveExisting(folder);
    if (!resolved.ok())
        return resolved.error();
    if (!QFileInfo(resolved.value()).isDir())
        return Error(Error::Kind::NotFound, tr("\u201C%1\u201D is not a folder.").arg(folder.toString()));
    QList<Entry> entries;
    QDirIterator it(resolved.value(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    int count = 0;
    while (it.hasNext()) {
        if ((++count & 0xFF) == 0 && cancelled.load())
            return Error(Error::Kind::Cancelled, tr("The operation was cancelled."));
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString name = info.fileName();
        if (LocalRoot::isTempName(name)) {
            // An uncommitted write of ours: hidden; swept if its writer is gone (SIGKILL, crash).
            if (info.isFile() && !info.isSymLink())
                LocalFs::removeIfStale(info.filePath(), LocalRoot::StaleTempAge);
            continue;
        }
        const Result<StorePath> path = folder.child(name);
        if (!path.ok()) {
            Entry entry;
            entry.name = name;
            entry.path = folder;
            entry.kind = Entry::Kind::Other;
            entry.note = path.error().message();
            entries.append(entry);
            continue;
        }
        entries.append(root.describe(info, path.value()));
    }
    return entries;
}

LocalStatJob::LocalStatJob(LocalRoot root, StorePath path, QObject *parent)
    : StatJob(std::move(path), parent), m_root(std::move(root))
{ }

LocalStatJob::~LocalStatJob() = default;

void LocalStatJob::doStart()
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        Result<Entry> result = m_watcher.result();
        if (!result.ok()) {
            emitResult(result.error());
            return;
        }
        setEntry(result.takeValue());
        emitResult();
    });
    const LocalRoot root = m_root;
    const StorePath path = this->path();
    m_watcher.setFuture(
        runOnPool<Result<Entry>>(localStorePool(), std::make_shared<std::atomic_bool>(false),
                                 [root, path](const std::atomic_bool &) { return statPath(root, path); }));
}

Result<Entry> LocalStatJob::statPath(const LocalRoot &root, const StorePath &path)
{
    const Result<QString> resolved = root.resolveExisting(path);
    if (!resolved.ok())
        return resolved.error();
    Entry entry = root.describe(QFileInfo(resolved.value()), path);
    if (path.isRoot())
        entry.name.clear();
    return entry;
}

} // namespace trestle
