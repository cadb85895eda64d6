// Test helper for tst_secretstore: writes one secret (read from stdin, never from the command line)
// for the connection id given as argv[1], then prints the outcome as three lines: the error kind
// name ("none" on success), the user message, the technical detail. The test starts it with an
// environment where no keychain can be reached.
#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace trestle;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: secretstore_child <connection id> < secret\n");
        return 2;
    }
    QTextStream in(stdin);
    const QString secret = in.readLine();
    SecretStore store;
    SecretWriteJob *job = store.write(QString::fromLocal8Bit(argv[1]), SecretKind::AccessToken, secret);
    QObject::connect(job, &SecretWriteJob::finished, &app, [](const Status &status) {
        QTextStream out(stdout);
        out << (status.ok() ? QStringLiteral("none") : Error::kindName(status.error().kind())) << '\n'
            << status.error().message() << '\n'
            << status.error().detail() << '\n';
        out.flush();
        QCoreApplication::exit(0);
    });
    job->start();
    return app.exec();
}
