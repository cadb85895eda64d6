#include "core/store/localstore.h"

#include "core/store/localfs.h"
#include "core/store/localjobs.h"
#include "core/store/localstreamjobs.h"
#include "core/store/localwritesession.h"
#include "core/store/namerules.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStorageInfo>

namespace trestle {

namespace {

int rootPrefixLength(const QString &rootPath)
{
    const QString absolute = QDir::cleanPath(QFileInfo(rootPath).absoluteFilePath());
    return int(absolute.size()) + (absolute.endsWith(QLatin1Char('/')) ? 0 : 1);
}

} // namespace

LocalStore::LocalStore(const QString &rootPath, QObject *parent)
    : LocalStore(rootPath, StoreLimits::localPlatform(rootPrefixLength(rootPath)), parent)
{ }

LocalStore::LocalStore(const QString &rootPath, const StoreLimits &limits, QObject *parent)
    : Store(parent), m_root(rootPath), m_limits(limits)
{
    m_limits.keepsVersions = false;
}

LocalStore::~LocalStore() = default;

QString LocalStore::displayName() const
{
    return QDir::toNativeSeparators(m_root.rootPath());
}

Store::Capabilities LocalStore::capabilities() const
{
    return Capabilities(RandomAccessRead | PushWrite);
}

ListJob *LocalStore::list(const StorePath &folder)
{
    return new LocalListJob(m_root, folder);
}

StatJob *LocalStore::stat(const StorePath &path)
{
    return new LocalStatJob(m_root, path);
}

StoreJob *LocalStore::makeFolder(const StorePath &path)
{
    const Error invalid = path.isRoot() ? Error(Error::Kind::Conflict, tr("The top folder already exists."))
                                        : checkNewName(path);
    const LocalRoot root = m_root;
    return new LocalTaskJob([root, path, invalid](const std::atomic_bool &) -> Status {
        if (invalid.isError())
            return invalid;
        const Result<QString> target = root.resolveForCreate(path);
        if (!target.ok())
            return target.error();
        const QFileInfo info(target.value());
        if (info.exists() || info.isSymLink())
            return Error(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(path.toString()));
        std::error_code code;
        if (!std::filesystem::create_directory(LocalFs::toFsPath(target.value()), code)) {
            if (!code)
                return Error(Error::Kind::Conflict,
                             tr("\u201C%1\u201D already exists.").arg(path.toString()));
            return LocalFs::toError(code, tr("create the folder"), path.toString());
        }
        return Done{};
    });
}

StoreJob *LocalStore::move(const StorePath &from, const StorePath &to)
{
    const Error invalid = checkMove(from, to);
    const LocalRoot root = m_root;
    return new LocalTaskJob([root, from, to, invalid](const std::atomic_bool &) -> Status {
        if (invalid.isError())
            return invalid;
        const Result<QString> source = root.resolveExisting(from);
        if (!source.ok())
            return source.error();
        const Result<QString> target = root.resolveForCreate(to);
        if (!target.ok())
            return target.error();
        const QFileInfo info(target.value());
        if (info.exists() || info.isSymLink())
            return Error(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(to.toString()));
        const std::error_code code = LocalFs::renameNoReplace(source.value(), target.value());
        if (code)
            return LocalFs::toError(code, tr("move"), from.toString());
        return Done{};
    });
}

StoreJob *LocalStore::remove(const StorePath &path, RemoveMode mode)
{
    const LocalRoot root = m_root;
    return new LocalTaskJob([root, path, mode](const std::atomic_bool &) -> Status {
        if (path.isRoot())
            return Error(Error::Kind::InvalidName, tr("The top folder cannot be deleted."));
        const Result<QString> target = root.resolveExisting(path);
        if (!target.ok())
            return target.error();
        const QFileInfo info(target.value());
        const std::filesystem::path fsPath = LocalFs::toFsPath(target.value());
        std::error_code code;
        // A link (inside the root, or resolveExisting would have refused) is removed itself; its
        // target stays. remove_all never follows links either.
        if (info.isDir() && !info.isSymLink() && mode == RemoveMode::Recursive)
            std::filesystem::remove_all(fsPath, code);
        else
            std::filesystem::remove(fsPath, code);
        if (code) {
            if (code == std::errc::directory_not_empty)
                return Error(Error::Kind::Conflict,
                             tr("The folder \u201C%1\u201D is not empty.").arg(path.toString()));
            return LocalFs::toError(code, tr("delete"), path.toString());
        }
        return Done{};
    });
}

StoreJob *LocalStore::readInto(const StorePath &path, QIODevice *sink)
{
    return new LocalReadIntoJob(m_root, path, sink);
}

StoreJob *LocalStore::writeFrom(const StorePath &path, QIODevice *source, qint64 size, const QDateTime &mtime,
                                WriteMode mode)
{
    return new LocalWriteFromJob(this, path, source, size, mtime, mode);
}

Result<std::unique_ptr<QIODevice>> LocalStore::openReadDevice(const StorePath &path)
{
    const Result<QString> resolved = m_root.resolveExisting(path);
    if (!resolved.ok())
        return resolved.error();
    const QFileInfo info(resolved.value());
    if (!info.isFile())
        return Error(info.isDir() ? Error::Kind::NotFound : Error::Kind::InvalidName,
                     tr("\u201C%1\u201D is not a file.").arg(path.toString()));
    auto file = std::make_unique<QFile>(resolved.value());
    if (!file->open(QIODevice::ReadOnly))
        return Error(file->error() == QFileDevice::PermissionsError ? Error::Kind::Permission
                                                                    : Error::Kind::LocalIo,
                     tr("Could not open \u201C%1\u201D.").arg(path.toString()), file->errorString());
    return std::unique_ptr<QIODevice>(std::move(file));
}

Result<std::unique_ptr<WriteSession>> LocalStore::beginWrite(const StorePath &path, qint64 size,
                                                             const QDateTime &mtime, WriteMode mode)
{
    if (path.isRoot())
        return Error(Error::Kind::InvalidName, tr("The top folder is not a file."));
    if (const Error invalid = checkNewName(path))
        return invalid;
    const QLocale locale;
    if (m_limits.maxFileSize >= 0 && size > m_limits.maxFileSize)
        return Error(Error::Kind::Validation,
                     tr("\u201C%1\u201D is too large for this destination (%2, at most %3).")
                         .arg(path.toString(), locale.formattedDataSize(size),
                              locale.formattedDataSize(m_limits.maxFileSize)));
    const Result<QString> target = m_root.resolveForCreate(path);
    if (!target.ok())
        return target.error();
    const QFileInfo info(target.value());
    if (info.isDir())
        return Error(Error::Kind::Conflict,
                     tr("A folder named \u201C%1\u201D already exists.").arg(path.toString()));
    if (info.exists() && mode == WriteMode::FailIfExists)
        return Error(Error::Kind::Conflict, tr("\u201C%1\u201D already exists.").arg(path.toString()));
    if (size > 0) {
        // The old file's space comes back only after the rename, so the whole size must fit.
        const QStorageInfo storage(info.absolutePath());
        const qint64 available = storage.bytesAvailable();
        if (storage.isValid() && available >= 0 && available < size)
            return Error(Error::Kind::DiskFull,
                         tr("Not enough space for \u201C%1\u201D on %2: %3 needed, %4 available.")
                             .arg(path.toString(), QDir::toNativeSeparators(storage.rootPath()),
                                  locale.formattedDataSize(size), locale.formattedDataSize(available)));
    }
    return LocalWriteSession::create(path, target.value(), size, mtime, mode);
}

} // namespace trestle
