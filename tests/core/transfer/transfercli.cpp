// A stand-in for the `trestle` executable's transfer verbs (app/ wires the same TransferCommand):
//   transfer_cli <journal.sqlite> <verb> [arguments…]
// Used by tst_engine_sigkill, which kills it with SIGKILL at random moments.
#include "core/db/database.h"
#include "core/transfer/transfercommand.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    if (arguments.size() < 3)
        return trestle::TransferCommand::Usage;
    trestle::Database database(arguments.takeAt(1));
    if (!database.open().ok())
        return trestle::TransferCommand::JobError;
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    trestle::TransferCommand command(database, &out, &err);
    QObject::connect(&command, &trestle::TransferCommand::finished, &app, &QCoreApplication::exit);
    command.start(arguments);
    return app.exec();
}
