#include "core/common/allocatortuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace trestle {

void limitAllocatorArenas()
{
#if defined(__GLIBC__)
    // Two, not one: the GUI thread and the workers still do not all contend for one lock.
    mallopt(M_ARENA_MAX, 2);
#endif
}

} // namespace trestle
