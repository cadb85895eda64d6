#pragma once

#include <QString>

class QWidget;

namespace testing {

// "-100" or "-200" from QT_SCALE_FACTOR, so the 100 % and 200 % runs of a suite write side by side.
QString scaleSuffix();
// Grabs `widget` into <test output>/<name><scale suffix>.png; false when it cannot be written.
bool saveScreenshot(QWidget *widget, const QString &name);

} // namespace testing
