#include "shutdownguard.h"

#include <QCoreApplication>
#include <QFile>

#include <atomic>
#include <mutex>
#include <thread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <ftw.h>
#include <unistd.h>
#endif

namespace sandbox::shutdownguard {

#ifdef Q_OS_UNIX

namespace {

// How long the event loop gets to see the first signal before the watcher ends the process.
constexpr qint64 kGraceMs = 600;
// How long main() then gets to save (a large --data-dir state on a loaded machine) and exit.
constexpr qint64 kSaveGraceMs = 5000;

std::atomic<bool> loopEnded{false};

std::mutex appMutex; // guards `application` against main() destroying it while the watcher posts
QCoreApplication *application = nullptr;
// A fixed buffer, not a QString: the watcher may read it while main() runs static destructors.
std::mutex dirMutex;
char temporaryDir[4096] = {};

sigset_t watchedSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

qint64 monotonicNs()
{
    timespec t;
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

int removeEntry(const char *path, const struct stat *, int, struct FTW *)
{
    ::remove(path);
    return 0; // go on whatever failed
}

[[noreturn]] void emergencyExit(int signal)
{
    {
        std::lock_guard<std::mutex> lock(dirMutex);
        if (temporaryDir[0] != '\0')
            ::nftw(temporaryDir, removeEntry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
    }
    ::_exit(128 + signal);
}

// Returns after `ms`, or ends the process on another SIGTERM/SIGINT.
void waitForSecondSignal(const sigset_t &set, qint64 ms)
{
    const qint64 deadlineNs = monotonicNs() + ms * 1000000;
    siginfo_t info;
    for (qint64 leftNs = ms * 1000000; leftNs > 0; leftNs = deadlineNs - monotonicNs()) {
        const timespec wait{time_t(leftNs / 1000000000), long(leftNs % 1000000000)};
        const int got = ::sigtimedwait(&set, &info, &wait);
        if (got > 0)
            emergencyExit(got);
        if (errno != EINTR)
            return; // EAGAIN: the time is up
    }
}

void watch()
{
    const sigset_t set = watchedSignals();
    int signal = 0;
    while (::sigwait(&set, &signal) != 0) { }
    {
        std::lock_guard<std::mutex> lock(appMutex);
        if (application)
            QMetaObject::invokeMethod(application, &QCoreApplication::quit, Qt::QueuedConnection);
    }
    // main() normally returns well within the grace period, and the process ends with this thread
    // still waiting here. A second signal ends it at once.
    waitForSecondSignal(set, kGraceMs);
    if (loopEnded.load())
        waitForSecondSignal(set, kSaveGraceMs); // main() is saving: the loop did respond
    emergencyExit(signal);
}

} // namespace

void install()
{
    const sigset_t set = watchedSignals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    // An ignored signal is discarded, blocked or not: undo an SIG_IGN inherited from the parent
    // (a shell's background job), as the handler this replaces did.
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    std::thread(watch).detach();
}

void setApplication(QCoreApplication *app)
{
    std::lock_guard<std::mutex> lock(appMutex);
    application = app;
}

void setLoopEnded()
{
    loopEnded.store(true);
}

void setTemporaryDir(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    std::lock_guard<std::mutex> lock(dirMutex);
    if (native.size() < int(sizeof temporaryDir))
        std::memcpy(temporaryDir, native.constData(), size_t(native.size()) + 1);
}

#else

void install() { }
void setApplication(QCoreApplication *) { }
void setTemporaryDir(const QString &) { }
void setLoopEnded() { }

#endif

} // namespace sandbox::shutdownguard
