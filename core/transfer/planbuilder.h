#pragma once

#include "core/db/journaltypes.h"
#include "core/store/storelimits.h"
#include "core/store/storepath.h"
#include "core/transfer/itemfilter.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"
#include "core/transfer/treewalker.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QVector>

namespace trestle {

// What the comparison needs to know besides the two listings.
struct PlanInput final
{
    JobKind kind = JobKind::Copy;
    JobPolicies policies;
    StorePath sourceRoot;
    StorePath destinationRoot;
    StoreLimits destinationLimits;
    bool destinationRootMissing = false; // plan a CreateFolder for the root first
    // With destinationRootMissing: how many folders are missing, the root and its ancestors
    // (1: only the root). Each is created, outermost first.
    int missingRootLevels = 1;
    int hourlyBudget = 3240; // Background share of 3,600 calls an hour (10 % reserve)
};

// Compares two listings and decides every item of a copy or sync: the pure, synchronous heart of
// JobPlanner (no store, no journal), so it is tested and benchmarked on its own.
//
// Items come out in the order the engine must run them: folders to create parents first, then
// files, then deletes deepest first, then (Migrate) a Verify of every file copied, then (Migrate
// with deleteSourceAfterMigrate) a reverse Delete of every source file copied. Skips are items too (state
// Skipped), so the report shows every one with its reason; unchanged files are only counted.
class PlanBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::PlanBuilder)

public:
    explicit PlanBuilder(PlanInput input);

    // Consumes both listings (the vectors are reordered; the source entries are emptied).
    void build(QVector<TreeNode> &source, QVector<TreeNode> &destination);

    QVector<JobItem> &items() { return m_items; }
    const PlanSummary &summary() const { return m_summary; }

    // An Analyze job: statistics of one side and what the target's limits would reject.
    static AnalyzeReport analyze(const QVector<TreeNode> &nodes, const StoreLimits &target,
                                 const ItemFilter &filter, int hourlyBudget);

private:
    void planSourceNode(const TreeNode &node);
    void planFile(const TreeNode &node, const QString &destRel, const Entry *existing);
    // Migrate: marks a file whose history is to be copied (sourceId), or notes why not; a
    // NewVersion of an `existing` file that lacks the source's newer versions gets those.
    void planHistory(const Entry &source, const Entry *existing, JobItem *item);
    // Migrate, versions "all": the destination's file holds fewer versions than the source's.
    bool lacksNewerVersions(const Entry &source, const Entry &existing) const;
    void planDeletes(QVector<TreeNode> &destination);
    // The destination name for `name`, or empty with `reason` set.
    QString destinationName(const QString &name, QString *mappingRecord, QString *reason) const;
    QString keepBothName(const QString &destRel) const;
    const Entry *destinationEntry(const QString &destRel) const;
    QString key(const QString &destRel) const;

    JobItem makeItem(ItemAction action, const QString &sourceRel, const QString &destRel) const;
    void addSkip(const QString &sourceRel, const QString &reason);

    PlanInput m_input;
    ItemFilter m_filter;
    bool m_procoreDestination = false;
    QHash<QString, const Entry *> m_destByPath;
    QHash<QString, QString> m_destPathByKey; // for case-insensitive/normalising destinations
    QHash<QString, QString> m_folderMap; // source-relative folder -> destination-relative folder
    QSet<QString> m_skippedFolders; // source-relative folders left out (with their contents)
    QSet<QString> m_matchedDest; // destination-relative paths some source entry accounts for
    QHash<QString, QString> m_claimedKeys; // destination key -> source-relative path that took it
    QVector<JobItem> m_folderItems;
    QVector<JobItem> m_fileItems;
    QVector<JobItem> m_verifyItems; // Migrate: one per file copied, run after every copy
    QVector<JobItem> m_sourceDeletes; // Migrate with deleteSourceAfterMigrate: after every verify
    QVector<JobItem> m_items;
    PlanSummary m_summary;
    qint64 m_destinationHistoryLists = 0; // existing files whose versions are listed (1 call each)
};

} // namespace trestle
