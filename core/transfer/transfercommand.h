#pragma once

#include "core/common/error.h"
#include "core/db/journal.h"
#include "core/transfer/jobpolicies.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QCommandLineParser;
class QIODevice;

namespace trestle {

class Database;
class JobPlanner;
class Store;
class StoreResolver;
class TransferEngine;

// The transfer verbs of the `trestle` command line, independent of app/ (which only forwards its
// arguments and runs the event loop):
//   analyze <source>                       scan one side, measured against Procore's rules
//   copy|sync|migrate <src> <destination>  plan and run (sync: --deletes delete mirrors;
//                                          migrate: copy, then verify every file copied)
//   jobs                                   list the journal's jobs
//   resume <job-id>                        run a job's remaining items (after a crash too)
//   retry <job-id>                         run a job's failed items again
//   report <job-id> [--html]               the job's items as CSV (or HTML)
// Options: --dry-run, --json, --conflicts, --deletes, --names, --include, --exclude, --types,
// --min-size, --max-size, --since, --concurrency. Sources and destinations are whatever the
// StoreResolver understands: local folders by default; app/ sets the services layer's resolver,
// which adds saved connections.
//
// Exit codes: 0 done; 1 the job ran and some items failed; 2 usage; 3 the job could not run.
// Async like everything else: start() schedules; exactly one finished(exitCode).
class TransferCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferCommand)

public:
    enum ExitCode { Ok = 0, ItemsFailed = 1, Usage = 2, JobError = 3 };

    // `out` gets results (text or JSON), `err` messages and the progress line; both stay open.
    TransferCommand(Database &database, QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~TransferCommand() override;

    // Not owned; must outlive the command. Null: local folders only.
    void setResolver(StoreResolver *resolver);

    // arguments[0] is the program name, as QCoreApplication::arguments() gives them.
    void start(const QStringList &arguments);
    // `trestle <verb> --help` (or -h): the verb's arguments and options with their descriptions,
    // translated; an unknown verb gets the list of verbs. Also for the connection verbs
    // (connections, projects), which app/ routes here when help is asked for.
    static bool wantsHelp(const QStringList &arguments);
    static QString helpText(const QString &verb);
    // The progress line is drawn only when err is a terminal; tests and pipes get none.
    void setProgressLine(bool enabled) { m_progressLine = enabled; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void run(const QStringList &arguments);
    Result<JobPolicies> policiesFrom(const QCommandLineParser &parser) const;
    void plan(JobKind kind, const QString &source, const QString &destination, const JobPolicies &policies,
              bool dryRun);
    void planPrepared(const JobSpec &spec, bool dryRun);
    void prepareBoth(const QString &source, const QString &destination, std::function<void()> ready);
    void runJob(qint64 jobId, bool retryFailed);
    void runPrepared(const JobRecord &record, bool retryFailed);
    void listJobs();
    void report(qint64 jobId, bool html);
    void print(const QString &text);
    void printError(const QString &text);
    void done(int exitCode);

    Database &m_database;
    Journal m_journal;
    QIODevice *m_out;
    QIODevice *m_err;
    bool m_json = false;
    bool m_progressLine = false;
    bool m_finished = false;
    qint64 m_replannedFrom = 0; // `resume` of a job cut while planning: its id
    std::unique_ptr<StoreResolver> m_localResolver;
    StoreResolver *m_resolver;
    std::unique_ptr<Store> m_source;
    std::unique_ptr<Store> m_destination;
    std::unique_ptr<JobPlanner> m_planner;
    std::unique_ptr<TransferEngine> m_engine;
};

} // namespace trestle
