#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace testing {

// A field of /proc/<pid>/status (Linux), e.g. "VmHWM" → "18432 kB"; empty when unknown.
// pid 0 means this process.
QByteArray procStatusField(const char *field, qint64 pid = 0);

// Peak resident set size (VmHWM) in KiB; -1 when unknown. pid 0 means this process.
qint64 peakRssKib(qint64 pid = 0);

// Restarts this process's peak RSS at its current RSS (Linux: /proc/self/clear_refs "5").
// False where that is not possible; the peak then counts from the process start.
bool resetPeakRss();

} // namespace testing
