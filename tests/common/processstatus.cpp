#include "processstatus.h"

#include <QFile>
#include <QString>

namespace testing {

QByteArray procStatusField(const char *field, qint64 pid)
{
    QFile status(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).simplified();
    }
    return {};
}

qint64 peakRssKib(qint64 pid)
{
    const QByteArray value = procStatusField("VmHWM", pid); // "18432 kB"
    bool ok = false;
    const qint64 kib = value.split(' ').value(0).toLongLong(&ok);
    return ok ? kib : -1;
}

bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

} // namespace testing
