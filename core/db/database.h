#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace trestle {

namespace db {
class ConnectionRegistry;
}

// The application's SQLite file: creates it owner-only, turns on WAL, runs the schema migrations
// and hands every thread its own connection.
//
// QSqlDatabase connections may only be used by the thread that opened them, so each thread asks
// connectionForCurrentThread() and gets a named connection of its own, opened on first use and
// closed when that QThread finishes (or when the Database is destroyed). SQLite in WAL mode lets
// those connections read while one of them writes; writers wait for each other up to the busy
// timeout.
//
// Thread safety: open() once, from any thread, before anything else; after that every method
// may be called from any thread. The Database must outlive every repository and journal using it.
//
// Secrets never go into this file (see core/secrets).
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    // `filePath` empty means defaultFilePath().
    explicit Database(QString filePath = QString());
    ~Database();

    // <AppDataLocation>/trestle.sqlite
    static QString defaultFilePath();

    // Creates the file (mode 0600, its folder 0700 when this creates it), switches it to WAL and
    // migrates the schema. A file from a newer Trestle is a Config error; a damaged file or one that
    // is not a database is a LocalIo error that says so. Never crashes on a bad file.
    Status open();
    bool isOpen() const;
    QString filePath() const;

    // The calling thread's connection, opened (with foreign keys, synchronous=NORMAL and the busy
    // timeout) on first use. Do not keep the returned handle beyond the thread's life.
    Result<QSqlDatabase> connectionForCurrentThread() const;

    // Closes the calling thread's connection now instead of when the thread ends. The next call to
    // connectionForCurrentThread() opens a new one.
    void closeConnectionForCurrentThread() const;

    // Number of open per-thread connections (for tests and diagnostics).
    int connectionCount() const;

    // How long a writer waits for another writer before giving up with an error.
    static constexpr int kBusyTimeoutMs = 10000;

private:
    Status createFile() const;
    Status restrictSideFiles() const;

    QString m_filePath;
    std::shared_ptr<db::ConnectionRegistry> m_registry;
    bool m_open = false;
};

} // namespace trestle
