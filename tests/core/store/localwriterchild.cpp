// Helper of tst_localstore_stale: starts a LocalStore write of <root>/<path>, writes half of it,
// says "ready" on stdout and waits to be killed (the test SIGKILLs it or leaves it alive).
// Usage: localwriterchild <root> <path>
#include "core/store/localstore.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace trestle;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    LocalStore store(QString::fromLocal8Bit(argv[1]));
    const Result<StorePath> path = StorePath::fromString(QString::fromLocal8Bit(argv[2]));
    if (!store.isValid() || !path.ok())
        return 2;
    Result<std::unique_ptr<WriteSession>> session = store.beginWrite(path.value(), 2 << 20, {});
    if (!session.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return 1;
    }
    const QByteArray half(1 << 20, 'x');
    if (session.value()->write(half) != half.size())
        return 1;
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(60);
}
