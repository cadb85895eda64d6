#pragma once

namespace trestle {

// Process-wide settings of the C library's allocator, made once at start-up (issue 9's soak:
// memory must stay flat over hours of jobs). They belong to the process, not to any one class:
// every main() calls apply() first thing, beside ProcessHardening, before threads exist.
namespace MemoryTuning {

// The most malloc arenas the process uses (glibc; see memorytuning.cpp).
constexpr int kMaxArenas = 4;

// Applies the settings (glibc only; elsewhere nothing to do). Safe to call more than once.
void apply();

} // namespace MemoryTuning

} // namespace trestle
