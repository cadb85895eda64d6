#pragma once

#include <QString>

class QCoreApplication;

namespace sandbox {

// Ends the sandbox on SIGTERM or SIGINT within about a second, whatever its one thread is doing.
//
// A handler that only wakes the event loop is not enough: a long synchronous request (hashing or
// assembling a multi-GB upload, /_sandbox/block) keeps the loop from seeing the wake-up for as
// long as it runs, and tests then had to SIGKILL the sandbox. Instead both signals are blocked in
// every thread and a watcher thread takes them with sigwait(): it asks the event loop to quit
// (main() then saves and exits cleanly). If the loop has not returned 0.6 s later, or main() has
// not finished saving 5 s after that, or on a second signal, the watcher removes the temporary
// data directory itself and ends the process with _exit(128 + signal).
namespace shutdownguard {

// Call first thing in main(), before any other thread exists, so that every thread inherits the
// blocked signals.
void install();
// The application whose event loop the first signal quits; null before it is destroyed.
void setApplication(QCoreApplication *app);
// A directory the emergency exit removes (the temporary data directory without --data-dir).
void setTemporaryDir(const QString &path);
// The event loop has returned: main() saves and exits now, which may take longer than the
// grace period for a large --data-dir state (up to 5 s more).
void setLoopEnded();

} // namespace shutdownguard

} // namespace sandbox
