#include "core/common/processhardening.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#elif defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace trestle::ProcessHardening {

bool keepSecretsOutOfCoreDumps()
{
    if (qEnvironmentVariableIntValue("TRESTLE_ALLOW_CORE_DUMPS") == 1)
        return true;
#if defined(Q_OS_LINUX)
    // A core size limit alone is not enough here: a core_pattern that pipes to a collector
    // (systemd-coredump, apport) is not bound by it.
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#elif defined(Q_OS_UNIX)
    const rlimit none{0, 0};
    return setrlimit(RLIMIT_CORE, &none) == 0;
#else
    // Windows writes no crash dump unless Windows Error Reporting is set up to keep one.
    return true;
#endif
}

} // namespace trestle::ProcessHardening
