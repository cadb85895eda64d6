#include "testoutput.h"

#include <QDir>

namespace testing {

QString testOutputDir()
{
    QString dir = qEnvironmentVariable("TRESTLE_TEST_OUTPUT");
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("trestle-test-output"));
    QDir().mkpath(dir);
    return dir;
}

} // namespace testing
