#pragma once

#include "core/db/journaltypes.h"
#include "core/db/syncstatestore.h"
#include "core/store/storelimits.h"
#include "core/transfer/itemfilter.h"
#include "core/transfer/planbuilder.h"
#include "core/transfer/plansummary.h"
#include "core/transfer/treewalker.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QVector>

namespace trestle {

// Plans one run of a two-way sync: compares both listings with the last state both sides agreed
// on (the baseline, SyncStateStore) and decides each path, like rclone's bisync:
//  - changed on one side only (or new there): copied to the other side;
//  - changed on both (or on both without a baseline and different): a conflict, resolved by the
//    conflicts policy (newer wins, source wins, new version, keep both, skip, ask);
//  - deleted on one side and unchanged on the other: deleted there too when the deletes policy
//    says Delete (else left, with a skip that says so); deleted on one side and edited on the
//    other: the edit wins and is copied back.
// "Left" is the job's source, "right" its destination; items that go right -> left are reverse.
// Pure and synchronous (no store, no journal), so every case is tested on its own.
class TwoWayBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::TwoWayBuilder)

public:
    TwoWayBuilder(PlanInput input, StoreLimits sourceLimits, QHash<QString, SyncEntry> baseline);

    void build(const QVector<TreeNode> &left, const QVector<TreeNode> &right);

    QVector<JobItem> &items() { return m_items; }
    const PlanSummary &summary() const { return m_summary; }

    // Whether two entries of a path hold the same file: the checksum where both sides give one of
    // the same algorithm (and the rule says so), else the size, and the time where both keep it.
    static bool sameFile(const Entry &left, const Entry &right, const JobPolicies &policies,
                         bool rightKeepsTimes);
    // The baseline of a path both sides agree on now (after a run).
    static SyncEntry agreedEntry(const QString &relPath, const Entry &left, const Entry &right);

private:
    enum class Side { Left, Right };

    void planFolder(const QString &rel, const Entry *left, const Entry *right, const SyncEntry *base);
    void planFile(const QString &rel, const Entry *left, const Entry *right, const SyncEntry *base);
    void planConflict(const QString &rel, const Entry &left, const Entry &right);
    // A file on one side only: new there, or deleted on the other side.
    void planOneSided(const QString &rel, Side side, const Entry &entry, const SyncEntry *base);
    bool changedSince(Side side, const Entry &entry, const SyncEntry &base) const;
    // Any file below folder `rel` on `side` that is new or changed since the baseline.
    bool subtreeChanged(Side side, const QString &rel) const;
    void markDirty(Side side, const QVector<TreeNode> &nodes);
    QString keepBothName(const QString &rel) const;

    // Copies `rel` from `from` to the other side (reverse when from is Right).
    void copy(Side from, ItemAction action, const QString &rel, const Entry &entry,
              const QString &toRel = QString());
    void add(JobItem item, Side actsOn, const QString &sourceRel, const QString &destRel);
    void skip(const QString &rel, const QString &reason);
    QString nameProblem(Side to, const QString &rel) const;

    PlanInput m_input;
    StoreLimits m_sourceLimits;
    QHash<QString, SyncEntry> m_baseline;
    ItemFilter m_filter;
    QHash<QString, const Entry *> m_left;
    QHash<QString, const Entry *> m_right;
    QSet<QString> m_dirtyLeft; // folders with something new or changed below them
    QSet<QString> m_dirtyRight;
    QSet<QString> m_goneFolders; // folders deleted, skipped, or otherwise settled with their contents
    QVector<JobItem> m_folderItems;
    QVector<JobItem> m_fileItems;
    QVector<JobItem> m_deleteItems;
    QVector<JobItem> m_items;
    PlanSummary m_summary;
};

} // namespace trestle
