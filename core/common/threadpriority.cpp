#include "core/common/threadpriority.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#endif

namespace trestle {

QString lowerCurrentThreadPriority(int increment)
{
#ifdef Q_OS_LINUX
    // QThread::setPriority() does not help here: on Linux it sets the static priority, which is 0
    // for every SCHED_OTHER thread, except IdlePriority, which switches to SCHED_IDLE, where any
    // busy process on the machine would starve the thread. What the scheduler weighs between
    // normal threads is the nice value, and on Linux (unlike POSIX) nice is per thread:
    // setpriority() with a thread id changes only that thread. Raising one's own nice needs no
    // privilege (lowering it back would need CAP_SYS_NICE; nothing does).
    const auto tid = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0)
        return {};
    if (::setpriority(PRIO_PROCESS, tid, std::min(current + increment, 19)) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
#else
    Q_UNUSED(increment)
#endif
    return {};
}

} // namespace trestle
