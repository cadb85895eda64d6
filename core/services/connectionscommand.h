#pragma once

#include "core/common/error.h"
#include "core/services/connectionservices.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QIODevice;

namespace trestle {

class ConnectionStores;
class ProcoreClient;

// The connection verbs of the `trestle` command line (app/ only forwards its arguments):
//   connections [--json]               the saved connections: name, kind, project or path, id
//   projects <connection> [--json]     the projects a Procore connection's account can see
// <connection> is a saved connection's name or id. Exit codes as TransferCommand's: 0 done,
// 2 usage (unknown connection too), 3 the connection could not be used.
// Async: start() schedules; exactly one finished(exitCode).
class ConnectionsCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsCommand)

public:
    enum ExitCode { Ok = 0, Usage = 2, Failed = 3 };

    // `stores` must outlive the command; `out` gets results, `err` messages.
    ConnectionsCommand(const ConnectionServices &services, ConnectionStores *stores, QIODevice *out,
                       QIODevice *err, QObject *parent = nullptr);
    ~ConnectionsCommand() override;

    // The verbs this class answers ("connections", "projects").
    static bool handles(const QString &verb);

    // arguments[0] is the program name, as QCoreApplication::arguments() gives them.
    void start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void run(const QStringList &arguments);
    void listConnections();
    void listProjects(const QString &name);
    void fail(const Error &error);
    void print(const QString &text);
    void done(int exitCode);

    const ConnectionServices m_services;
    ConnectionStores *const m_stores;
    QIODevice *const m_out;
    QIODevice *const m_err;
    bool m_json = false;
    bool m_finished = false;
    std::unique_ptr<ProcoreClient> m_client;
};

} // namespace trestle
