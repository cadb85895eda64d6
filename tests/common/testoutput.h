#pragma once

#include <QString>

namespace testing {

// The folder where a test writes artefacts worth looking at (screenshots, reports):
// $TRESTLE_TEST_OUTPUT (set per test by ctest), created on first use.
QString testOutputDir();

} // namespace testing
