#include "core/transfer/storeresolver.h"

#include "core/store/localstore.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace trestle {

namespace {

const QLatin1String kLocalPrefix("local:");

Error notLocalError(const QString &connection)
{
    return Error(Error::Kind::Config,
                 QCoreApplication::translate(
                     "trestle::LocalStoreResolver",
                     "“%1” is not a local folder, and no saved connections are available here.")
                     .arg(connection));
}

Error missingFolderError(const QString &folder)
{
    return Error(Error::Kind::NotFound,
                 QCoreApplication::translate("trestle::LocalStoreResolver", "The folder “%1” does not exist.")
                     .arg(folder));
}

} // namespace

StoreResolver::~StoreResolver() = default;

QString LocalStoreResolver::connectionFor(const QString &folder)
{
    return kLocalPrefix + QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

bool LocalStoreResolver::isLocal(const QString &connection)
{
    return connection.startsWith(kLocalPrefix);
}

Error LocalStoreResolver::parseEndpoint(const QString &argument, QString *connection, QString *path)
{
    if (argument.isEmpty())
        return Error(
            Error::Kind::Validation,
            QCoreApplication::translate("trestle::LocalStoreResolver", "An empty folder name was given."));
    *connection = connectionFor(argument);
    path->clear();
    return {};
}

void LocalStoreResolver::prepare(const QString &connection, std::function<void(const Error &)> done)
{
    Error error;
    if (!isLocal(connection))
        error = notLocalError(connection);
    else if (!QFileInfo(connection.mid(kLocalPrefix.size())).isDir())
        error = missingFolderError(connection.mid(kLocalPrefix.size()));
    // Asynchronous like every other prepare(), so callers have one code path.
    QTimer::singleShot(0, [done = std::move(done), error] { done(error); });
}

std::unique_ptr<Store> LocalStoreResolver::openStore(const QString &connection, Error *error)
{
    if (!isLocal(connection)) {
        if (error)
            *error = notLocalError(connection);
        return nullptr;
    }
    auto store = std::make_unique<LocalStore>(connection.mid(kLocalPrefix.size()));
    if (!store->isValid()) {
        if (error)
            *error = missingFolderError(connection.mid(kLocalPrefix.size()));
        return nullptr;
    }
    return store;
}

StoreFactory LocalStoreResolver::factory(const QString &connection)
{
    if (!isLocal(connection))
        return {};
    const QString root = connection.mid(kLocalPrefix.size());
    return [root]() -> std::unique_ptr<Store> {
        auto store = std::make_unique<LocalStore>(root);
        if (!store->isValid())
            return nullptr;
        return store;
    };
}

RateLimitMeter *LocalStoreResolver::meter(const QString &)
{
    return nullptr;
}

QString LocalStoreResolver::displayName(const QString &connection)
{
    return isLocal(connection) ? QDir::toNativeSeparators(connection.mid(kLocalPrefix.size())) : connection;
}

} // namespace trestle
