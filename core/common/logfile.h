#pragma once

#include <QString>

namespace trestle {

// Sends Qt's log messages (qDebug/qInfo/qWarning/qCritical and every QLoggingCategory) to a
// rotating file in the standard log location; warnings and worse also to stderr. Messages are scrubbed of
// anything that looks like a bearer token or an OAuth secret before they are written: tokens
// must never be logged in the first place, this is the second line of defence.
class LogFile final
{
public:
    // Installs the handler. `directory` empty = <AppLocalDataLocation>/logs. Returns the log path.
    static QString install(const QString &directory = {}, qint64 maxBytes = 5 * 1024 * 1024, int keep = 3);
    // Removes secrets from one log line (exposed for tests).
    static QString scrub(const QString &line);
    // The active log file path, empty when not installed.
    static QString path();
};

} // namespace trestle
