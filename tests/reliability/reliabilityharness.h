#pragma once

// One scenario of the fault suite: its own sandbox (real HTTP on loopback), a signed-in
// connection, a share in a temporary folder, a journal, and the engine with ProcoreStore
// factories. Runs a job the way a user would (start, then "retry failed" while items failed), and
// checks the end state of both sides byte for byte and for duplicates. Test-only: blocking waits.

#include "apitestsupport.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/transfer/engineprogress.h"
#include "core/transfer/transferworker.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace reliability {

using trestle::StoreFactory;

// One line of the table.
struct ScenarioRow
{
    QString scenario;
    int runs = 0; // engine runs until the job was done (1 = no retry needed)
    int items = 0; // files of the job
    int failures = 0; // items still failed at the end
    int duplicates = 0; // extra documents or versions on Procore, or extra files locally
    int lost = 0; // files missing or different at the destination
    QString note;
};

// Appends the row to <TRESTLE_TEST_OUTPUT>/reliability.tsv and prints it.
void recordRow(const ScenarioRow &row);

// What the hook of Harness::restartSandboxAfter() did: killed the sandbox, and had it back.
struct SandboxCrash
{
    bool killed = false;
    bool restarted = false;
};

class Harness final
{
    Q_DISABLE_COPY_MOVE(Harness)

public:
    Harness();
    ~Harness();

    // Starts the sandbox (--seed empty plus `arguments`), signs in, opens the journal.
    bool start(const QStringList &arguments = {});
    QString errorString() const { return m_error; }
    testing::SandboxProcess &sandbox() { return *m_sandbox; }
    apitest::Connection &connection() { return m_connection; }
    QString dir() const { return m_dir.path(); }

    // Kills the sandbox (SIGKILL) and starts it again on the same ports with the same --data-dir
    // (start() must have been given --data-dir). Tokens survive (the sandbox keeps their hashes).
    bool restartSandbox();
    // Signs in again (after a revoked refresh token) and hands the new tokens to the connection.
    bool signInAgain();

    // A share of `folders` folders with `filesPerFolder` files of random content (seeded), sizes
    // up to maxBytes. Returns its path.
    QString makeShare(const QString &name, int folders, int filesPerFolder, int maxBytes, quint32 seed);
    // makeShare("share", …), then a copy of it into the project run to the end (at most 3 runs):
    // what the download scenarios read back. Its files (localFiles), or empty with errorString().
    QMap<QString, QString> uploadShare(int folders, int filesPerFolder, int maxBytes, quint32 seed);

    StoreFactory procoreFactory() const;
    static StoreFactory localFactory(const QString &path);

    // Plans a copy job from source to destination (the first store of each factory plans), from
    // sourcePath of the source ("" = its root) into destinationPath.
    qint64 plan(const StoreFactory &source, const StoreFactory &destination, QString *error,
                const QString &sourcePath = {}, const QString &destinationPath = {});

    // Runs the job until done or maxRuns runs; `during` is called with each progress update of
    // the first run (fault injection at a given point). Returns the last run's error.
    using ProgressHook = std::function<void(const trestle::EngineProgress &)>;
    trestle::Error runUntilDone(const StoreFactory &source, const StoreFactory &destination, qint64 jobId,
                                int maxRuns, int *runs, const ProgressHook &during = {},
                                QList<trestle::Error> *runErrors = nullptr);
    // A progress hook that kills and restarts the sandbox (restartSandbox()) once, at the first
    // update with `itemsDone` items done; what happened lands in *crash, which must outlive the run.
    ProgressHook restartSandboxAfter(qint64 itemsDone, SandboxCrash *crash);
    // Runs the job once (start for the first run, retryFailed afterwards).
    trestle::Error runOnce(const StoreFactory &source, const StoreFactory &destination, qint64 jobId,
                           bool first, const ProgressHook &during = {});

    // The project's files (path -> sha256 of the newest version), from /_sandbox/state. Counts
    // duplicates: a second live document with the same path, a file with more than one version,
    // a second folder with the same path. With folderId: that folder's subtree only, paths relative to it
    // (an empty map and no duplicates when the folder is unknown).
    QMap<QString, QString> remoteManifest(int *duplicates, int *versions = nullptr,
                                          qint64 folderId = 0) const;
    // Files only (folders dropped) of testing::treeManifest.
    static QMap<QString, QString> localFiles(const QString &root);
    // Compares expected files with the actual ones: missing or different = lost; extra = duplicates.
    static void compare(const QMap<QString, QString> &expected, const QMap<QString, QString> &actual,
                        int *lost, int *extra);
    // Scores the project against the expected files: sets row->lost (missing or different) and
    // row->duplicates (extra documents, versions or folders). Returns the number of versions.
    int scoreRemote(const QMap<QString, QString> &expected, ScenarioRow *row) const;
    int itemsFailed(qint64 jobId) const;
    trestle::JobRecord job(qint64 jobId) const; // a default record if it cannot be read
    void forEachItem(qint64 jobId, const std::function<void(const trestle::JobItem &)> &visit) const;
    // Checks the state a sign-in loss must leave: `first` (the run's error) is auth-revoked and asks
    // to sign in again; the job is paused with auth-revoked, nothing failed, nothing in flight, and
    // every item not done or skipped is pending (their count in *pending). Returns what is wrong
    // ("" when all holds), so that QVERIFY2 names the broken condition.
    QString pausedForSignInProblem(qint64 jobId, const trestle::Error &first, int *pending) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<testing::SandboxProcess> m_sandbox;
    apitest::Connection m_connection;
    std::unique_ptr<trestle::Database> m_database;
    std::unique_ptr<trestle::Journal> m_journal;
    QStringList m_arguments;
    QString m_error;
};

// Process figures for the soak: resident set (KiB), open descriptors, threads.
struct ProcessFigures
{
    qint64 rssKib = -1;
    int fds = -1;
    int threads = -1;
};
ProcessFigures processFigures();

} // namespace reliability
