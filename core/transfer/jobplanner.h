#pragma once

#include "core/common/error.h"
#include "core/store/storelimits.h"
#include "core/store/storepath.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"
#include "core/transfer/treewalker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace trestle {

class Journal;
class Store;
class StoreJob;
class TreeWalker;
class WalkMemo;

// Plans a job: walks the source and the destination (both at once), applies the filters and the
// destination's name rules, compares, and writes the job's items to the journal in batched
// transactions; the job then stands in state Planned. A dry run is a plan that is not run: the
// summary says what the job would do (counts, bytes, API calls, time at the budget, every skip).
// An Analyze job walks the source only and fills analyzeReport().
//
// The source may be a file (a drop of single files makes one job per file): then the job's
// destinationPath names the file at the destination (destination folder + "/" + name), the plan
// has that one item, and missing destination folders are created first.
//
// Async like KJob: start() only schedules; exactly one finished(). The walks are asynchronous
// store jobs on the caller's thread; the comparison and the journal writes (seconds for 100,000
// items) run on a worker thread of their own with its own journal connection, so a GUI thread
// that plans never stalls.
class JobPlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobPlanner)

public:
    static constexpr int kWriteBatch = 2000;

    // `destination` may be null for Analyze (then `analyzeTarget` gives the rules to check names
    // against). `journal` may be null (a plan that is only looked at); with it, `jobId` is the
    // job whose items are written.
    JobPlanner(JobSpec spec, Store *source, Store *destination, QObject *parent = nullptr);
    ~JobPlanner() override;

    void setJournal(Journal *journal, qint64 jobId);
    // The Background share of the hourly API budget the time estimate is made for.
    void setHourlyBudget(int calls) { m_hourlyBudget = calls; }
    void setAnalyzeTarget(const StoreLimits &limits) { m_analyzeTarget = limits; }
    // Before start(): the listings of an earlier try at this plan (stopped mid-walk), to take
    // instead of listing those folders again; this plan's listings are added to them.
    //
    // Without them, a Copy or Migrate planned into a journal keeps each Procore side's listings
    // in a walk file beside the journal (walks/<hash of the job's settings>-source.walk), so a
    // plan cut by a killed process goes on from there when the job is planned again within 30
    // minutes (JobQueue and `trestle resume` plan it anew with the same settings). The files go
    // once the plan is complete.
    void setWalkMemos(std::shared_ptr<WalkMemo> source, std::shared_ptr<WalkMemo> destination);
    // Test hook, as a kill mid-walk: the source walk stops after `count` listings and the plan
    // finishes with Cancelled (the job stays in Planning, as a killed process leaves it).
    void setSourceListLimitForTest(int count) { m_sourceListLimit = count; }

    void start();
    void cancel();

    const PlanSummary &summary() const { return m_summary; }
    const AnalyzeReport &analyzeReport() const { return m_report; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished(const trestle::Error &error);

private:
    struct Work;

    void openWalkFiles();
    void startWalks(const StorePath &sourceRoot, const StorePath &destinationRoot, bool shallowDestination);
    void walkFinished();
    void probeSourceFile();
    void sourceProbed(StoreJob *job);
    void probeDestinationParent();
    void destinationProbed(StoreJob *job);
    void startWork();
    void workFinished();
    static void runWork(Work &work);
    void finish(const Error &error);

    JobSpec m_spec;
    QPointer<Store> m_source;
    QPointer<Store> m_destination;
    Journal *m_journal = nullptr;
    qint64 m_jobId = 0;
    int m_hourlyBudget = 3240;
    StoreLimits m_analyzeTarget;
    std::unique_ptr<TreeWalker> m_sourceWalker;
    std::unique_ptr<TreeWalker> m_destinationWalker;
    std::shared_ptr<WalkMemo> m_sourceMemo;
    std::shared_ptr<WalkMemo> m_destinationMemo;
    int m_sourceListLimit = -1;
    int m_walksRunning = 0;
    StorePath m_sourceRoot;
    StorePath m_destinationRoot;
    bool m_probedSource = false; // the source root was not a folder: looked at as a file
    QVector<TreeNode> m_singleFile; // the source file, when the source is one
    int m_missingDestinationLevels = 0; // the destination root and how many ancestors are missing
    QPointer<StoreJob> m_probe;
    std::shared_ptr<Work> m_work; // shared with the worker thread
    QThread *m_thread = nullptr;
    QElapsedTimer m_clock; // since start(), for the log
    qint64 m_walkMs = 0;
    PlanSummary m_summary;
    AnalyzeReport m_report;
    Error m_error;
    bool m_finished = false;
};

} // namespace trestle
