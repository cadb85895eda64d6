#pragma once

#include "apitestsupport.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/procorestore.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"
#include "core/transfer/storeresolver.h"
#include "core/transfer/transferworker.h"
#include "sandboxprocess.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace trestle {
class Store;
class StoreJob;
class TransferEngine;
} // namespace trestle

namespace testing {

// Writes root/rel (creating folders) with `content` and, if valid, the modification time.
void putFile(const QString &root, const QString &rel, const QByteArray &content, const QDateTime &mtime = {});
void putFolder(const QString &root, const QString &rel);
// Every file and folder under root: relative path -> sha256 hex of the content ("<dir>" for
// folders). Nothing is filtered, so a leftover temporary file shows up as a difference.
QMap<QString, QString> treeManifest(const QString &root);
// Plans `spec` from source to destination (waits with the event loop; test only). With a journal,
// the items are written to job `jobId`.
trestle::Error planJob(const trestle::JobSpec &spec, trestle::Store *source, trestle::Store *destination,
                       trestle::PlanSummary *summary, trestle::Journal *journal = nullptr, qint64 jobId = 0,
                       trestle::AnalyzeReport *report = nullptr);
QDateTime fixedTime(int offsetSeconds = 0); // 2026-01-01T00:00:00Z + offset
// Creates a job for `spec` in `journal` and plans it into the journal: the job's id, 0 (with a
// warning) when that failed.
qint64 planNewJob(trestle::Journal *journal, const trestle::JobSpec &spec, trestle::Store *source,
                  trestle::Store *destination, trestle::PlanSummary *summary = nullptr);
// Starts `jobId` on `engine` and waits for its end: the job's error (Timeout when it did not end,
// Internal when finished() came more than once).
trestle::Error runToEnd(trestle::TransferEngine &engine, qint64 jobId, int timeoutMs = 120000);

// Waits for a store job and returns its error. A job whose auto-delete the caller turned off is
// the caller's to delete; any other is deleted here.
trestle::Error awaitJob(trestle::StoreJob *job);
// A node of the sandbox's GET /_sandbox/state by its path below `folder` ("a/b.pdf", the last
// name a file's); empty when none.
QJsonObject stateNode(QJsonObject folder, const QString &relPath);
// The sha256 of every version of a file of that state, oldest first.
QStringList versionHashes(const QJsonObject &file);

// The set-up of the local engine tests: a temporary folder with src/ and dst/ and a journal.
struct LocalJobFixture final
{
    std::unique_ptr<QTemporaryDir> dir;
    QString src;
    QString dst;
    std::unique_ptr<trestle::Database> database;
    std::unique_ptr<trestle::Journal> journal;

    bool open(); // a new folder and journal; false (with a warning) when not
    void close();
};

// The set-up of the engine tests against the sandbox: the sandbox process, a signed-in connection
// to its first project, a temporary folder and a journal in it.
struct SandboxJobFixture final
{
    SandboxProcess sandbox;
    apitest::Connection connection;
    QTemporaryDir dir;
    std::unique_ptr<trestle::Database> database;
    std::unique_ptr<trestle::Journal> journal;

    // Starts the sandbox with `arguments`, signs in, opens the journal; empty, or why not.
    QString open(const QStringList &arguments);
    void close();
    // Stores on the project; the factory makes one per worker thread (each with its own client),
    // all sharing `cache` (a new one if null): a folder one of them knows, all know.
    trestle::StoreFactory procoreFactory(std::shared_ptr<trestle::ProcorePathCache> cache = {}) const;
    std::unique_ptr<trestle::ProcoreStore>
    procoreStore(std::shared_ptr<trestle::ProcorePathCache> cache = {}) const;
    // Runs `jobId` to its end on `workers` workers, its API calls counted through the meter.
    trestle::Error run(const trestle::StoreFactory &source, const trestle::StoreFactory &destination,
                       qint64 jobId, int workers = 4);
    int apiCalls() const; // the sandbox's count since its last reset
    int callsTo(const QString &endpoint) const; // "GET /rest/v1.0/files/{id}"
};

// "sandbox:<folder>" names a folder of the sandbox's project (as a saved Procore connection
// would), with the stores `procore` makes; anything else is a local folder.
class SandboxResolver final : public trestle::StoreResolver
{
public:
    SandboxResolver(trestle::StoreFactory procore, trestle::RateLimitMeter *meter);

    trestle::Error parseEndpoint(const QString &argument, QString *connection, QString *path) override;
    void prepare(const QString &connection, std::function<void(const trestle::Error &)> done) override;
    std::unique_ptr<trestle::Store> openStore(const QString &connection, trestle::Error *error) override;
    trestle::StoreFactory factory(const QString &connection) override;
    trestle::RateLimitMeter *meter(const QString &connection) override;
    QString displayName(const QString &connection) override { return connection; }

private:
    trestle::StoreFactory m_procore;
    trestle::RateLimitMeter *m_meter;
    trestle::LocalStoreResolver m_local;
};

} // namespace testing
