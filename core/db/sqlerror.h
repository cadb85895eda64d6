#pragma once

#include "core/common/error.h"

#include <QSqlError>

class QSqlQuery;

namespace trestle::db {

// Turns a failed SQL operation into the application's Error. A damaged or foreign file
// (SQLITE_CORRUPT, SQLITE_NOTADB) becomes a LocalIo error that says so in plain words; a full disk
// becomes DiskFull; anything else is LocalIo with the driver's text as detail. `what` names the
// operation for the log ("insert job items").
Error sqlError(const QSqlError &error, const QString &what);
Error sqlError(const QSqlQuery &query, const QString &what);

// True for errors that mean the file itself is damaged or is not an SQLite database.
bool isDamagedFileError(const QSqlError &error);

} // namespace trestle::db
