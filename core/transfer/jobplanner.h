#pragma once

#include "core/common/error.h"
#include "core/store/storelimits.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace trestle {

class Journal;
class Store;
class TreeWalker;

// Plans a job: walks the source and the destination (both at once), applies the filters and the
// destination's name rules, compares, and writes the job's items to the journal in batched
// transactions; the job then stands in state Planned. A dry run is a plan that is not run: the
// summary says what the job would do (counts, bytes, API calls, time at the budget, every skip).
// An Analyze job walks the source only and fills analyzeReport().
//
// Async like KJob: start() only schedules; exactly one finished(). Runs on the caller's thread
// (the walks are asynchronous store jobs; the journal writes are batches of kWriteBatch items).
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

    void start();
    void cancel();

    const PlanSummary &summary() const { return m_summary; }
    const AnalyzeReport &analyzeReport() const { return m_report; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished(const trestle::Error &error);

private:
    void walkFinished();
    Error writeItems(QVector<JobItem> &items);
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
    int m_walksRunning = 0;
    PlanSummary m_summary;
    AnalyzeReport m_report;
    Error m_error;
    bool m_finished = false;
};

} // namespace trestle
