// trestle-sandbox: a local stand-in for Procore's REST API. See README.md in this folder.
#include "ratelimiter.h"
#include "sandbox.h"
#include "sandboxoptions.h"
#include "shutdownguard.h"

#include <QCoreApplication>
#include <QScopeGuard>

#include <cstdio>

namespace {

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any thread exists: SIGTERM/SIGINT then end the process whatever its thread is doing.
    sandbox::shutdownguard::install();
    QCoreApplication app(argc, argv);
    sandbox::shutdownguard::setApplication(&app);
    const auto forgetApp = qScopeGuard([] { sandbox::shutdownguard::setApplication(nullptr); });
    QCoreApplication::setApplicationName(QStringLiteral("trestle-sandbox"));

    QString error;
    const auto options = sandbox::parseSandboxOptions(QCoreApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "trestle-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    sandbox::RateLimiter::setClockOffsetSeconds(options->live.clockOffsetSeconds);
    sandbox::Sandbox server(*options);
    if (!server.start(&error)) {
        std::fprintf(stderr, "trestle-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    // Tests read the first stdout line: the API base URL, alone, flushed at once.
    printLine(server.apiBase().toString());
    for (const QString &line : server.bannerLines())
        printLine(line);

    sandbox::shutdownguard::setTemporaryDir(server.temporaryDir());
    const int status = QCoreApplication::exec();
    sandbox::shutdownguard::setLoopEnded();
    server.save();
    return status;
}
