#pragma once

#include <QDateTime>
#include <QString>

namespace trestle::db {

// Times are stored as milliseconds since the Unix epoch (UTC); 0 stands for "unknown".
qint64 toStoredTime(const QDateTime &time);
QDateTime fromStoredTime(qint64 msecs);

// SQLite binds a null QString as NULL; the schema's text columns are NOT NULL with '' meaning
// "none", so every text is bound through this.
QString storedText(const QString &text);

} // namespace trestle::db
