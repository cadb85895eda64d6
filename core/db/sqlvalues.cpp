#include "core/db/sqlvalues.h"

#include <QTimeZone>

namespace trestle::db {

qint64 toStoredTime(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromStoredTime(qint64 msecs)
{
    if (msecs == 0)
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
}

QString storedText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace trestle::db
