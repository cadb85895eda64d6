#pragma once

#include "core/common/error.h"
#include "core/db/syncstatestore.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/treewalker.h"

#include <QObject>

#include <memory>

namespace trestle {

class Database;
class Store;

// After a two-way sync ran: walks both sides and records, for every path on which they agree now,
// the state both sides agreed on (SyncStateStore), and forgets the paths gone from both. A path on
// which they still differ (a conflict left for later, a delete kept by policy) keeps its old
// baseline, so the next run sees the same situation again instead of a false "changed".
//
// Recording what is really there (not what the plan meant to do) keeps the baseline honest when
// items failed or someone edited a file during the run: the worst case is a conflict, never a lost
// edit. Costs one listing per folder on each side.
//
// Async like KJob: start() schedules; exactly one finished().
class SyncBaseline final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncBaseline)

public:
    SyncBaseline(Database &database, SyncPair pair, JobPolicies policies, Store *left, StorePath leftRoot,
                 Store *right, StorePath rightRoot, QObject *parent = nullptr);
    ~SyncBaseline() override;

    void start();
    int agreedPaths() const { return m_agreed; }

    // The pair a two-way sync job keeps its baseline under.
    static SyncPair pairOf(const QString &sourceConnection, const QString &sourcePath,
                           const QString &destinationConnection, const QString &destinationPath);

Q_SIGNALS:
    void finished(const trestle::Error &error);

private:
    void walkFinished();
    void finish(const Error &error);

    Database &m_database;
    SyncPair m_pair;
    JobPolicies m_policies;
    Store *m_leftStore;
    Store *m_rightStore;
    std::unique_ptr<TreeWalker> m_left;
    std::unique_ptr<TreeWalker> m_right;
    int m_running = 0;
    int m_agreed = 0;
    bool m_finished = false;
};

} // namespace trestle
