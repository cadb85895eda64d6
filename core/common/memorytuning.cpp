#include "core/common/memorytuning.h"

#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace trestle::MemoryTuning {

void apply()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        // Keeps glibc's malloc from growing without bound over many jobs (the soak: RSS +150-200
        // KiB a job, in the worker threads' arenas, while the live heap stayed under 1 MB).
        //
        // glibc serves blocks of 128 KiB and more with mmap() and gives them back on free(), but
        // then raises that threshold to the size of the freed block, and the trim threshold to
        // twice that ("dynamic mmap threshold"). Replies that grow from job to job (a project root
        // listing one more folder each time, a bigger tree) keep raising it, so ever larger
        // buffers land in the arenas, between longer-lived blocks, where freed space is too
        // fragmented to reuse or trim. Setting the threshold turns the adjustment off: large
        // buffers stay mmap()ed and go back to the system when freed. The cost is a page fault per
        // 4 KiB of each large buffer, small next to moving its bytes.
        constexpr int kMmapThreshold = 128 * 1024; // glibc's own starting value
        mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
        mallopt(M_TRIM_THRESHOLD, 2 * kMmapThreshold);

        // A few arenas for all threads, not one per thread. glibc gives each new thread that
        // allocates an arena of its own (up to 8 per core) and never frees one; the free memory of
        // a thread's work stays in its arena for that arena's next user. A thread that starts late
        // and works big, like a pool thread parsing a listing of over 256 KiB off the client's
        // thread (ProcoreClient), so kept its ~2 MB of parse space to itself: the 30-minute
        // soak's step (+3.9 MB at round 649, when the project root's listing crossed that size;
        // +1.4 MB with this setting). Shared arenas reuse that space. Trestle's threads mostly wait on the
        // network and disk, and each keeps a per-thread cache of small blocks (tcache), so a few arenas are
        // enough.
        mallopt(M_ARENA_MAX, kMaxArenas);
    });
#endif
}

} // namespace trestle::MemoryTuning
