#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace fuzz {

// Splits a fuzz input into `count` fields at '\x1f' (unit separator); missing fields are empty.
// A separator byte keeps fields independent, so the fuzzer can grow one without moving the others.
QList<QByteArray> splitFields(const uint8_t *data, size_t size, int count);

// Aborts (a crash for libFuzzer) when an invariant of the code under test does not hold.
void check(bool condition, const char *what);

} // namespace fuzz
