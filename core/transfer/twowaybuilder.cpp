#include "core/transfer/twowaybuilder.h"

#include "core/db/conflictdecisions.h"
#include "core/store/namerules.h"
#include "core/transfer/relativepaths.h"

#include <algorithm>

namespace trestle {

namespace {

qint64 msOf(const Entry &entry)
{
    return entry.modified.isValid() ? entry.modified.toMSecsSinceEpoch() : 0;
}

} // namespace

TwoWayBuilder::TwoWayBuilder(PlanInput input, StoreLimits sourceLimits, QHash<QString, SyncEntry> baseline)
    : m_input(std::move(input))
    , m_sourceLimits(std::move(sourceLimits))
    , m_baseline(std::move(baseline))
    , m_filter(m_input.policies.filters)
{
    m_summary.kind = m_input.kind;
}

bool TwoWayBuilder::sameFile(const Entry &left, const Entry &right, const JobPolicies &policies,
                             bool rightKeepsTimes)
{
    if (policies.unchanged == UnchangedRule::Checksum && !left.checksumAlgorithm.isEmpty()
        && left.checksumAlgorithm == right.checksumAlgorithm)
        return left.checksum == right.checksum;
    if (left.size != right.size)
        return false;
    if (!rightKeepsTimes || !left.modified.isValid() || !right.modified.isValid())
        return true;
    return qAbs(left.modified.msecsTo(right.modified)) <= policies.mtimeToleranceMs;
}

SyncEntry TwoWayBuilder::agreedEntry(const QString &relPath, const Entry &left, const Entry &right)
{
    SyncEntry entry;
    entry.relativePath = relPath;
    entry.size = left.isFolder() ? -1 : left.size;
    entry.mtimeMs = left.isFolder() ? 0 : msOf(left);
    entry.remoteUpdatedAtMs = right.isFolder() ? 0 : msOf(right);
    entry.remoteId = right.backendId.toLongLong();
    return entry;
}

bool TwoWayBuilder::changedSince(Side side, const Entry &entry, const SyncEntry &base) const
{
    if (entry.isFolder())
        return base.size >= 0; // was a file
    if (entry.size != base.size)
        return true;
    const qint64 was = side == Side::Left ? base.mtimeMs : base.remoteUpdatedAtMs;
    const qint64 now = msOf(entry);
    return was > 0 && now > 0 && qAbs(now - was) > m_input.policies.mtimeToleranceMs;
}

void TwoWayBuilder::markDirty(Side side, const QVector<TreeNode> &nodes)
{
    QSet<QString> &dirty = side == Side::Left ? m_dirtyLeft : m_dirtyRight;
    for (const TreeNode &node : nodes) {
        const auto base = m_baseline.constFind(node.relPath);
        if (base != m_baseline.cend() && !changedSince(side, node.entry, *base))
            continue;
        for (QString folder = relpath::parentOf(node.relPath); !folder.isEmpty() && !dirty.contains(folder);
             folder = relpath::parentOf(folder))
            dirty.insert(folder);
    }
}

bool TwoWayBuilder::subtreeChanged(Side side, const QString &rel) const
{
    return (side == Side::Left ? m_dirtyLeft : m_dirtyRight).contains(rel);
}

void TwoWayBuilder::build(const QVector<TreeNode> &left, const QVector<TreeNode> &right)
{
    for (const TreeNode &node : left)
        m_left.insert(node.relPath, &node.entry);
    for (const TreeNode &node : right)
        m_right.insert(node.relPath, &node.entry);
    markDirty(Side::Left, left);
    markDirty(Side::Right, right);
    QStringList paths = m_left.keys();
    for (auto it = m_right.cbegin(); it != m_right.cend(); ++it) {
        if (!m_left.contains(it.key()))
            paths.append(it.key());
    }
    // Parents before children: a folder is settled before anything in it.
    std::sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        const int da = relpath::depthOf(a);
        const int db = relpath::depthOf(b);
        return da != db ? da < db : a < b;
    });
    for (const QString &rel : std::as_const(paths)) {
        if (m_goneFolders.contains(relpath::parentOf(rel))) {
            m_goneFolders.insert(rel);
            continue;
        }
        const Entry *l = m_left.value(rel);
        const Entry *r = m_right.value(rel);
        const auto found = m_baseline.constFind(rel);
        const SyncEntry *base = found == m_baseline.cend() ? nullptr : &*found;
        if ((l && l->kind == Entry::Kind::Other) || (r && r->kind == Entry::Kind::Other)) {
            skip(rel, tr("not a regular file or folder"));
            m_goneFolders.insert(rel);
            continue;
        }
        const Entry *any = l ? l : r;
        const QString filtered =
            any->isFolder() ? m_filter.rejectFolder(rel) : m_filter.rejectFile(rel, any->size, any->modified);
        if (!filtered.isEmpty()) {
            skip(rel, filtered);
            m_goneFolders.insert(rel);
            continue;
        }
        if (l && r && l->isFolder() != r->isFolder()) {
            skip(rel, tr("a file on one side and a folder on the other"));
            m_goneFolders.insert(rel);
            continue;
        }
        if (any->isFolder())
            planFolder(rel, l, r, base);
        else
            planFile(rel, l, r, base);
    }
    m_items = std::move(m_folderItems);
    for (JobItem &item : m_fileItems)
        m_items.append(std::move(item));
    // Deepest first, so a folder goes after anything else deleted inside it.
    std::reverse(m_deleteItems.begin(), m_deleteItems.end());
    for (JobItem &item : m_deleteItems)
        m_items.append(std::move(item));
    m_fileItems.clear();
    m_deleteItems.clear();
}

void TwoWayBuilder::planFolder(const QString &rel, const Entry *left, const Entry *right,
                               const SyncEntry *base)
{
    if (left && right)
        return;
    const Side here = left ? Side::Left : Side::Right;
    const Side there = left ? Side::Right : Side::Left;
    if (base && !subtreeChanged(here, rel)) {
        // Deleted on the other side, nothing new here: the delete propagates (by the policy).
        m_goneFolders.insert(rel);
        if (m_input.policies.deletes != DeletePolicy::Delete) {
            skip(rel, tr("deleted on the other side; kept here (policy: keep)"));
            return;
        }
        JobItem item;
        item.action = ItemAction::Delete;
        add(item, here, rel, rel);
        ++m_summary.deletes;
        return;
    }
    const QString problem = nameProblem(there, rel);
    if (!problem.isEmpty()) {
        skip(rel, problem);
        m_goneFolders.insert(rel);
        return;
    }
    JobItem item;
    item.action = ItemAction::CreateFolder;
    add(item, there, rel, rel);
    ++m_summary.foldersToCreate;
}

void TwoWayBuilder::planFile(const QString &rel, const Entry *left, const Entry *right, const SyncEntry *base)
{
    if (!left || !right) {
        planOneSided(rel, left ? Side::Left : Side::Right, left ? *left : *right, base);
        return;
    }
    const bool rightKeepsTimes = m_input.destinationLimits.keepsTimestamps;
    if (base) {
        const bool changedLeft = changedSince(Side::Left, *left, *base);
        const bool changedRight = changedSince(Side::Right, *right, *base);
        if (!changedLeft && !changedRight) {
            ++m_summary.unchanged;
            return;
        }
        if (changedLeft != changedRight) {
            copy(changedLeft ? Side::Left : Side::Right, ItemAction::NewVersion, rel,
                 changedLeft ? *left : *right);
            return;
        }
    }
    if (sameFile(*left, *right, m_input.policies, rightKeepsTimes)) {
        ++m_summary.unchanged; // changed alike on both sides (or never synced but equal)
        return;
    }
    planConflict(rel, *left, *right);
}

void TwoWayBuilder::planOneSided(const QString &rel, Side side, const Entry &entry, const SyncEntry *base)
{
    if (!base) {
        copy(side, ItemAction::Upload, rel, entry);
        return;
    }
    if (changedSince(side, entry, *base)) {
        // Deleted there, edited here: the edit wins.
        copy(side, ItemAction::Upload, rel, entry);
        m_fileItems.last().reason = tr("changed here and deleted on the other side: the change is kept");
        return;
    }
    if (m_input.policies.deletes != DeletePolicy::Delete) {
        skip(rel, tr("deleted on the other side; kept here (policy: keep)"));
        return;
    }
    JobItem item;
    item.action = ItemAction::Delete;
    item.size = qMax<qint64>(0, entry.size);
    add(item, side, rel, rel);
    ++m_summary.deletes;
}

void TwoWayBuilder::planConflict(const QString &rel, const Entry &left, const Entry &right)
{
    switch (m_input.policies.conflicts) {
    case ConflictPolicy::SourceWins:
    case ConflictPolicy::NewVersion:
        copy(Side::Left, ItemAction::NewVersion, rel, left);
        return;
    case ConflictPolicy::NewerWins: {
        const qint64 delta = left.modified.isValid() && right.modified.isValid()
            ? left.modified.msecsTo(right.modified)
            : 0; // > 0: the right is newer
        if (delta < -m_input.policies.mtimeToleranceMs)
            copy(Side::Left, ItemAction::NewVersion, rel, left);
        else if (delta > m_input.policies.mtimeToleranceMs)
            copy(Side::Right, ItemAction::NewVersion, rel, right);
        else
            skip(rel, tr("changed on both sides and neither is newer"));
        return;
    }
    case ConflictPolicy::KeepBoth: {
        // The left's file keeps the name on both sides; the right's is kept next to it as
        // "name (n)" on both sides. In this order (the engine runs items that share a path one
        // after the other): the right's copy to the left under the new name, that copy on to
        // the right, and only then the left's file over the right's.
        const QString other = keepBothName(rel);
        copy(Side::Right, ItemAction::Upload, rel, right, other);
        copy(Side::Left, ItemAction::Upload, other, right, other);
        copy(Side::Left, ItemAction::NewVersion, rel, left);
        return;
    }
    case ConflictPolicy::Skip:
        skip(rel, tr("changed on both sides (policy: skip)"));
        return;
    case ConflictPolicy::Ask: {
        // Waits in the journal with both paths until the user decides (ConflictDecisions).
        skip(rel, tr("changed on both sides: waiting for a decision"));
        JobItem &waiting = m_fileItems.last();
        waiting.destinationPath = relpath::underRoot(m_input.destinationRoot, rel);
        waiting.size = qMax<qint64>(0, left.size);
        waiting.mtimeMs = msOf(left);
        waiting.errorKind = Error::Kind::Conflict;
        return;
    }
    }
}

QString TwoWayBuilder::keepBothName(const QString &rel) const
{
    for (int n = 1;; ++n) {
        const QString path = ConflictDecisions::keepBothName(rel, n);
        if (!m_left.contains(path) && !m_right.contains(path))
            return path;
    }
}

void TwoWayBuilder::copy(Side from, ItemAction action, const QString &rel, const Entry &entry,
                         const QString &toRel)
{
    const QString target = toRel.isEmpty() ? rel : toRel;
    const QString problem = nameProblem(from == Side::Left ? Side::Right : Side::Left, target);
    if (!problem.isEmpty()) {
        skip(rel, problem);
        return;
    }
    JobItem item;
    item.action = action;
    item.size = qMax<qint64>(0, entry.size);
    item.mtimeMs = msOf(entry);
    if (from == Side::Left)
        add(item, Side::Right, rel, target);
    else
        add(item, Side::Left, target, rel);
    m_summary.bytesToCopy += item.size;
    if (action == ItemAction::NewVersion)
        ++m_summary.filesReplaced;
    else
        ++m_summary.filesNew;
}

void TwoWayBuilder::add(JobItem item, Side actsOn, const QString &sourceRel, const QString &destRel)
{
    // Reverse: the item writes (or deletes) in the job's source store.
    item.reverse = actsOn == Side::Left;
    item.sourcePath = relpath::underRoot(m_input.sourceRoot, sourceRel);
    item.destinationPath = relpath::underRoot(m_input.destinationRoot, destRel);
    if (item.action == ItemAction::CreateFolder)
        m_folderItems.append(item);
    else if (item.action == ItemAction::Delete)
        m_deleteItems.append(item);
    else
        m_fileItems.append(item);
}

void TwoWayBuilder::skip(const QString &rel, const QString &reason)
{
    JobItem item;
    item.action = ItemAction::Skip;
    item.sourcePath = relpath::underRoot(m_input.sourceRoot, rel);
    item.state = ItemState::Skipped;
    item.reason = reason;
    m_fileItems.append(item);
    ++m_summary.skipped;
    m_summary.skips.append({rel, reason});
}

QString TwoWayBuilder::nameProblem(Side to, const QString &rel) const
{
    const StoreLimits &limits = to == Side::Left ? m_sourceLimits : m_input.destinationLimits;
    const QList<NameViolation> violations = NameRules::validateName(relpath::nameOf(rel), limits);
    return violations.isEmpty() ? QString() : violations.constFirst().reason;
}

} // namespace trestle
