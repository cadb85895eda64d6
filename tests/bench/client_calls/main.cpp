// bench_client_calls [calls-per-caller]: GET /rest/v1.0/folders through ProcoreClient, one call
// after another per caller, with 1 caller and with 4 callers (each in its own thread with its own
// client, sharing one connection context and meter). Prints calls/s.
#include "apitestsupport.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

using namespace trestle;

namespace {

// Issues `calls` calls one after another on `client` (in the client's thread).
void chain(ProcoreClient *client, qint64 projectId, int calls, QAtomicInt *done, QAtomicInt *failed)
{
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [client, projectId, done, failed, next](int left) {
        if (left == 0)
            return;
        client->rootFolder(projectId, {}, [done, failed, next, left](Result<Folder> r) {
            if (!r.ok())
                failed->ref();
            done->ref();
            (*next)(left - 1);
        });
    };
    (*next)(calls);
}

double run(apitest::Connection &conn, int callers, int callsPerCaller)
{
    QList<QThread *> threads;
    QList<ProcoreClient *> clients;
    for (int i = 0; i < callers; ++i) {
        auto *thread = new QThread;
        thread->start();
        auto *client = new ProcoreClient(conn.context);
        client->moveToThread(thread);
        threads.append(thread);
        clients.append(client);
    }
    QAtomicInt done = 0, failed = 0;
    QElapsedTimer timer;
    timer.start();
    for (ProcoreClient *client : std::as_const(clients)) {
        const qint64 project = conn.projectId;
        QMetaObject::invokeMethod(client, [client, project, callsPerCaller, &done, &failed] {
            chain(client, project, callsPerCaller, &done, &failed);
        });
    }
    apitest::spinUntil([&] { return done.loadRelaxed() == callers * callsPerCaller; }, 600000);
    const double seconds = timer.elapsed() / 1000.0;
    for (int i = 0; i < callers; ++i) {
        QMetaObject::invokeMethod(
            clients.at(i), [c = clients.at(i)] { delete c; }, Qt::BlockingQueuedConnection);
        threads.at(i)->quit();
        threads.at(i)->wait();
        delete threads.at(i);
    }
    const int total = callers * callsPerCaller;
    std::printf("%d caller(s): %d calls in %.2f s = %.0f calls/s (%d failed)\n", callers, total, seconds,
                total / qMax(0.001, seconds), failed.loadRelaxed());
    return total / qMax(0.001, seconds);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_DEFAULT_BIN);
    testing::SandboxProcess sandbox;
    if (!sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal"), QStringLiteral("--rate-limit"),
                        QStringLiteral("100000000")})) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(sandbox.errorString()));
        return 1;
    }
    RateLimitMeter::Config config;
    config.hourlyLimit = 100000000;
    apitest::Connection conn;
    if (!conn.open(sandbox, config)) {
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(conn.error));
        return 1;
    }
    std::printf("bench_client_calls: GET /rest/v1.0/folders (root, %d calls per caller), loopback\n", calls);
    run(conn, 1, calls);
    run(conn, 4, calls);
    return 0;
}
