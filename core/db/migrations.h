#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace trestle::db {

// One step of the schema: the statements that take the file from version `version - 1` to
// `version`. Steps are only ever appended; a released step is never edited.
struct Migration final
{
    int version = 0;
    QStringList statements;
};

// Every step, in order. The last one's version is the schema this build writes.
const QVector<Migration> &migrations();
int latestSchemaVersion();

// Brings the file to latestSchemaVersion(), each step in its own transaction together with its
// `PRAGMA user_version`, so a crash leaves the file at a whole version. A file written by a newer
// Trestle (user_version above latest) is refused with a Config error and left untouched.
Status migrate(QSqlDatabase db);

} // namespace trestle::db
