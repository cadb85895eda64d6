// trestle-sandbox: a local stand-in for Procore's REST API. See README.md in this folder.
#include "ratelimiter.h"
#include "sandbox.h"
#include "sandboxoptions.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

// SIGTERM/SIGINT end the event loop so that main() saves state and exits cleanly.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}
#else
void quitOnSignals(QCoreApplication &) { }
#endif

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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

    quitOnSignals(app);
    const int status = QCoreApplication::exec();
    server.save();
    return status;
}
