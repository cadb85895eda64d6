#pragma once

#include <QString>

namespace trestle {

// Lowers the calling thread's CPU priority by `increment` nice steps (at most to 19), so
// background threads (transfer workers, the queue's item reader) yield the cores to the window's
// thread. Linux only; elsewhere nothing to do. Returns why it failed, or an empty string.
QString lowerCurrentThreadPriority(int increment);

} // namespace trestle
