#include "core/db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace trestle::db {

namespace {

// Primary SQLite result codes (sqlite3.h); the Qt driver reports the extended code as text.
constexpr int kSqliteFull = 13;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADb = 26;

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("trestle::db", text);
}

} // namespace

bool isDamagedFileError(const QSqlError &error)
{
    const int code = primaryCode(error);
    return code == kSqliteCorrupt || code == kSqliteNotADb;
}

Error sqlError(const QSqlError &error, const QString &what)
{
    const QString detail = QStringLiteral("%1: %2 [%3]").arg(what, error.text(), error.nativeErrorCode());
    if (isDamagedFileError(error))
        return Error(Error::Kind::LocalIo,
                     tr("The Trestle database file is damaged or is not a Trestle database."), detail);
    if (primaryCode(error) == kSqliteFull)
        return Error(Error::Kind::DiskFull, tr("The disk holding the Trestle database is full."), detail);
    return Error(Error::Kind::LocalIo, tr("The Trestle database could not be read or written."), detail);
}

Error sqlError(const QSqlQuery &query, const QString &what)
{
    return sqlError(query.lastError(), what);
}

} // namespace trestle::db
