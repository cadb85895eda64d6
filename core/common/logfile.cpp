#include "core/common/logfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cstdio>

namespace trestle {

namespace {

struct LogState
{
    QMutex mutex;
    QString path;
    qint64 maxBytes = 0;
    int keep = 0;
    QFile file;
    QtMessageHandler previous = nullptr;
};

LogState &state()
{
    static LogState s;
    return s;
}

void rotateLocked(LogState &s)
{
    s.file.close();
    for (int i = s.keep - 1; i >= 1; --i) {
        const QString from = QStringLiteral("%1.%2").arg(s.path).arg(i);
        const QString to = QStringLiteral("%1.%2").arg(s.path).arg(i + 1);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    const QString first = s.path + QStringLiteral(".1");
    QFile::remove(first);
    QFile::rename(s.path, first);
    s.file.setFileName(s.path);
    s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
    s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QLatin1String(levelName(type)),
                 QLatin1String(context.category ? context.category : "default"), LogFile::scrub(message));
    LogState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (s.file.isOpen()) {
            s.file.write(line.toUtf8());
            s.file.flush();
            if (s.file.size() > s.maxBytes)
                rotateLocked(s);
        }
    }
    // The terminal gets warnings and worse only: the command line's own output stays readable.
    if (type != QtDebugMsg && type != QtInfoMsg)
        fputs(line.toLocal8Bit().constData(), stderr);
}

} // namespace

QString LogFile::install(const QString &directory, qint64 maxBytes, int keep)
{
    QString dir = directory;
    if (dir.isEmpty())
        dir =
            QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    if (!QDir(dir).exists()) {
        // Owner-only like the log file itself (0700), when this creates the folder (found by
        // tests/security/tst_security_files: mkpath alone left it 0755).
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    s.path = QDir(dir).filePath(QStringLiteral("trestle.log"));
    s.maxBytes = qMax<qint64>(4096, maxBytes);
    s.keep = qMax(1, keep);
    s.file.close();
    s.file.setFileName(s.path);
    if (s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    s.previous = qInstallMessageHandler(handler);
    return s.path;
}

QString LogFile::scrub(const QString &line)
{
    // Bearer tokens, and token/secret fields in URL queries, form bodies and JSON.
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[A-Za-z0-9._~+/=-]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression fields(
        QStringLiteral(
            "((?:access_token|refresh_token|client_secret|password|code)\"?\\s*[=:]\\s*\"?)[^&\"\\s,}]+"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = line;
    out.replace(bearer, QStringLiteral("\\1[redacted]"));
    out.replace(fields, QStringLiteral("\\1[redacted]"));
    return out;
}

QString LogFile::path()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.path;
}

} // namespace trestle
