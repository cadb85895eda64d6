#include "core/transfer/planbuilder.h"

#include "core/db/conflictdecisions.h"
#include "core/store/namerules.h"
#include "core/transfer/relativepaths.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace trestle {

namespace {

// Parents before children, then by path: the order folders must be created in. Each depth is
// counted once and indices are sorted, not the nodes: counting slashes in every comparison and
// swapping whole nodes made this sort a tenth of a 100,000-item plan. The nodes are then put in
// place along the permutation's cycles, without a second array of them.
void sortByDepth(QVector<TreeNode> &nodes)
{
    QVector<std::pair<int, qsizetype>> order;
    order.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i)
        order.append({relpath::depthOf(nodes.at(i).relPath), i});
    std::sort(order.begin(), order.end(), [&nodes](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first
                                  : nodes.at(a.second).relPath < nodes.at(b.second).relPath;
    });
    std::vector<bool> placed(size_t(nodes.size()), false);
    for (qsizetype start = 0; start < nodes.size(); ++start) {
        if (placed[size_t(start)])
            continue;
        // Position `at` receives the node from order[at].second; the cycle ends back at start.
        TreeNode first = std::move(nodes[start]);
        qsizetype at = start;
        while (true) {
            placed[size_t(at)] = true;
            const qsizetype from = order.at(at).second;
            if (from == start) {
                nodes[at] = std::move(first);
                break;
            }
            nodes[at] = std::move(nodes[from]);
            at = from;
        }
    }
}

} // namespace

PlanBuilder::PlanBuilder(PlanInput input)
    : m_input(std::move(input))
    , m_filter(m_input.policies.filters)
    , m_procoreDestination(m_input.destinationLimits.id == QLatin1String("procore-documents"))
{
    m_summary.kind = m_input.kind;
}

QString PlanBuilder::key(const QString &destRel) const
{
    return NameRules::collisionKey(destRel, m_input.destinationLimits);
}

const Entry *PlanBuilder::destinationEntry(const QString &destRel) const
{
    if (const Entry *entry = m_destByPath.value(destRel))
        return entry;
    const QString other = m_destPathByKey.value(key(destRel));
    return other.isEmpty() ? nullptr : m_destByPath.value(other);
}

void PlanBuilder::build(QVector<TreeNode> &source, QVector<TreeNode> &destination)
{
    m_destByPath.reserve(destination.size());
    m_destPathByKey.reserve(destination.size());
    m_claimedKeys.reserve(source.size());
    for (const TreeNode &node : std::as_const(destination)) {
        m_destByPath.insert(node.relPath, &node.entry);
        m_destPathByKey.insert(key(node.relPath), node.relPath);
    }
    if (m_input.destinationRootMissing && !m_input.destinationRoot.isRoot()) {
        QVector<StorePath> missing{m_input.destinationRoot};
        while (missing.size() < m_input.missingRootLevels && !missing.constLast().parent().isRoot())
            missing.append(missing.constLast().parent());
        for (auto it = missing.crbegin(); it != missing.crend(); ++it) {
            JobItem item = makeItem(ItemAction::CreateFolder, QString(), QString());
            item.destinationPath = it->toString();
            m_folderItems.append(item);
            ++m_summary.foldersToCreate;
        }
    }

    sortByDepth(source);
    for (TreeNode &node : source) {
        planSourceNode(node);
        // Planned: its entry (name, path segments, ids) is needed no more. Let go of it now, so
        // the whole listing and the whole plan are not in memory at once at the peak (a
        // 100,000-item plan peaked near the 300 MB goal).
        node.entry = Entry();
    }
    if (m_input.kind == JobKind::Sync && m_input.policies.deletes == DeletePolicy::Delete)
        planDeletes(destination);

    m_items = std::move(m_folderItems);
    m_items.reserve(m_items.size() + m_fileItems.size());
    for (JobItem &item : m_fileItems)
        m_items.append(std::move(item));
    m_fileItems.clear();
    m_summary.verifies = m_verifyItems.size();
    for (JobItem &item : m_verifyItems)
        m_items.append(std::move(item));
    m_verifyItems.clear();
    m_summary.deletes += m_sourceDeletes.size();
    for (JobItem &item : m_sourceDeletes)
        m_items.append(std::move(item));
    m_sourceDeletes.clear();

    if (m_procoreDestination) {
        // Each older version is one more upload (2 calls); each file with a history is listed once.
        m_summary.estimatedApiCalls =
            procoreCallFloor(m_summary.foldersToCreate,
                             m_summary.filesNew + m_summary.filesReplaced + m_summary.olderVersions,
                             m_summary.deletes)
            + m_summary.filesWithHistory + m_destinationHistoryLists;
        m_summary.estimatedSeconds = secondsAtBudget(m_summary.estimatedApiCalls, m_input.hourlyBudget);
    }
}

void PlanBuilder::planSourceNode(const TreeNode &node)
{
    const QString parentRel = relpath::parentOf(node.relPath);
    if (m_skippedFolders.contains(parentRel)) {
        // Left out with its folder; the folder's skip explains it.
        if (node.entry.isFolder())
            m_skippedFolders.insert(node.relPath);
        return;
    }
    if (node.entry.kind == Entry::Kind::Other) {
        addSkip(node.relPath,
                node.entry.note.isEmpty() ? tr("not a regular file or folder") : node.entry.note);
        return;
    }
    const bool isFolder = node.entry.isFolder();
    const QString filtered = isFolder
        ? m_filter.rejectFolder(node.relPath)
        : m_filter.rejectFile(node.relPath, node.entry.size, node.entry.modified);
    QString reason = filtered;
    QString mappingRecord;
    QString destName;
    if (reason.isEmpty())
        destName = destinationName(node.entry.name, &mappingRecord, &reason);
    QString destRel;
    if (reason.isEmpty()) {
        destRel = relpath::join(m_folderMap.value(parentRel), destName);
        const StoreLimits &limits = m_input.destinationLimits;
        const QString fullPath = relpath::underRoot(m_input.destinationRoot, destRel);
        if (limits.maxPathLength > 0
            && NameRules::measure(fullPath, limits.lengthUnit) > limits.maxPathLength)
            reason = tr("the path is longer than the destination allows (%1)").arg(limits.maxPathLength);
    }
    if (reason.isEmpty()) {
        // Two source names that the destination would take for one (case, normalisation, mapping).
        const QString destKey = key(destRel);
        const QString taken = m_claimedKeys.value(destKey);
        if (!taken.isEmpty()) {
            reason = NameRules::collisionReason({relpath::nameOf(taken), node.entry.name},
                                                m_input.destinationLimits);
            if (reason.isEmpty())
                reason = tr("another entry already takes the name \"%1\" on the destination").arg(destName);
        } else {
            m_claimedKeys.insert(destKey, node.relPath);
        }
    }
    if (!reason.isEmpty()) {
        if (isFolder)
            m_skippedFolders.insert(node.relPath);
        addSkip(node.relPath, reason);
        return;
    }

    const Entry *existing = destinationEntry(destRel);
    if (existing) {
        // Keep the destination's spelling of a name it matched case-insensitively.
        if (!m_destByPath.contains(destRel))
            destRel = m_destPathByKey.value(key(destRel), destRel);
        m_matchedDest.insert(destRel);
    }
    if (isFolder) {
        if (existing && !existing->isFolder()) {
            m_skippedFolders.insert(node.relPath);
            addSkip(node.relPath, tr("a file has this name on the destination"));
            return;
        }
        m_folderMap.insert(node.relPath, destRel);
        if (!existing) {
            JobItem item = makeItem(ItemAction::CreateFolder, node.relPath, destRel);
            if (!mappingRecord.isEmpty()) {
                item.mappedName = destName;
                item.mappingRecord = mappingRecord;
            }
            m_folderItems.append(item);
            ++m_summary.foldersToCreate;
        }
        return;
    }
    if (existing && !existing->isFile()) {
        addSkip(node.relPath, tr("a folder has this name on the destination"));
        return;
    }
    const qsizetype before = m_fileItems.size();
    planFile(node, destRel, existing);
    if (!mappingRecord.isEmpty() && m_fileItems.size() > before) {
        m_fileItems.last().mappedName = destName;
        m_fileItems.last().mappingRecord = mappingRecord;
    }
}

bool PlanBuilder::lacksNewerVersions(const Entry &source, const Entry &existing) const
{
    return m_input.kind == JobKind::Migrate && m_input.policies.versions == VersionsPolicy::All
        && m_input.destinationLimits.keepsVersions && source.versionCount > 1 && existing.isFile()
        && existing.versionCount >= 1 && existing.versionCount < source.versionCount;
}

void PlanBuilder::planHistory(const Entry &source, const Entry *existing, JobItem *item)
{
    // A new file gets its whole history; one that exists with fewer versions than the source's
    // gets the versions it lacks (lacksNewerVersions); any other the latest as a new version.
    const bool topUp =
        existing && item->action == ItemAction::NewVersion && lacksNewerVersions(source, *existing);
    if (m_input.policies.versions != VersionsPolicy::All || source.versionCount <= 1
        || (item->action != ItemAction::Upload && !topUp))
        return;
    if (!m_input.destinationLimits.keepsVersions) {
        item->reason = tr("history not kept by the destination");
        return;
    }
    // The mark ItemTask copies the history by: the source file's id (never 0 then).
    bool numeric = false;
    const qint64 id = source.backendId.toLongLong(&numeric);
    item->sourceId = numeric && id != 0 ? id : -1;
    // The versions to write besides the one the file counts as. Their sizes are not in the
    // listing (it carries the latest version only): each is counted at the latest's size.
    const qint64 older = topUp ? source.versionCount - existing->versionCount - 1 : source.versionCount - 1;
    const qint64 olderBytes = older * qMax<qint64>(0, source.size);
    ++m_summary.filesWithHistory;
    m_summary.olderVersions += older;
    m_summary.olderVersionBytes += olderBytes;
    m_summary.bytesToCopy += olderBytes;
    item->size += olderBytes;
    item->olderVersions = older;
    // The destination's own history is listed too (one call, none for a single version).
    if (topUp && existing->versionCount > 1)
        ++m_destinationHistoryLists;
}

void PlanBuilder::planFile(const TreeNode &node, const QString &destRel, const Entry *existing)
{
    const Entry &src = node.entry;
    const JobPolicies &policies = m_input.policies;
    auto copyTo = [&](ItemAction action, const QString &to) {
        JobItem item = makeItem(action, node.relPath, to);
        item.size = qMax<qint64>(0, src.size);
        item.mtimeMs = src.modified.isValid() ? src.modified.toMSecsSinceEpoch() : 0;
        if (m_input.kind == JobKind::Migrate)
            planHistory(src, to == destRel ? existing : nullptr, &item);
        m_fileItems.append(item);
        if (m_input.kind == JobKind::Migrate) {
            // Checked once everything is copied: the engine runs a Verify after its copy. It (and
            // the source delete) compares the latest version's size, not the history's bytes.
            JobItem verify = item;
            verify.size = qMax<qint64>(0, src.size);
            verify.action = ItemAction::Verify;
            m_verifyItems.append(verify);
            if (policies.deleteSourceAfterMigrate) {
                // After every verify; the engine deletes the source file only if the destination
                // still holds the verified copy.
                JobItem remove = verify;
                remove.action = ItemAction::Delete;
                remove.reverse = true;
                m_sourceDeletes.append(remove);
            }
        }
        m_summary.bytesToCopy += qMax<qint64>(0, src.size); // older versions: planHistory
        if (action == ItemAction::NewVersion)
            ++m_summary.filesReplaced;
        else
            ++m_summary.filesNew;
    };
    if (!existing) {
        copyTo(ItemAction::Upload, destRel);
        return;
    }
    if (lacksNewerVersions(src, *existing)) {
        // Not a conflict: the destination holds fewer versions than the source; the history copy
        // adds the ones after those it holds, and leaves a file whose history differs alone.
        copyTo(ItemAction::NewVersion, destRel);
        return;
    }

    const qint64 tolerance = policies.mtimeToleranceMs;
    const bool timesKnown = src.modified.isValid() && existing->modified.isValid();
    const qint64 delta = timesKnown ? src.modified.msecsTo(existing->modified) : 0; // > 0: dest newer
    bool same = false;
    if (policies.unchanged == UnchangedRule::Checksum && !src.checksumAlgorithm.isEmpty()
        && src.checksumAlgorithm == existing->checksumAlgorithm) {
        same = src.checksum == existing->checksum;
    } else if (src.size == existing->size) {
        if (m_input.destinationLimits.keepsTimestamps)
            same = !timesKnown || qAbs(delta) <= tolerance;
        else
            // The destination stamps its own time on arrival: unchanged if it arrived after the
            // source was last modified.
            same = !timesKnown || delta >= -tolerance;
    }
    if (same) {
        ++m_summary.unchanged;
        return;
    }

    switch (policies.conflicts) {
    case ConflictPolicy::SourceWins:
    case ConflictPolicy::NewVersion:
        copyTo(ItemAction::NewVersion, destRel);
        return;
    case ConflictPolicy::NewerWins:
        if (timesKnown && delta < -tolerance)
            copyTo(ItemAction::NewVersion, destRel);
        else if (timesKnown && delta > tolerance)
            addSkip(node.relPath, tr("the destination's copy is newer"));
        else
            addSkip(node.relPath, tr("both sides differ and neither is newer"));
        return;
    case ConflictPolicy::KeepBoth: {
        const QString other = keepBothName(destRel);
        m_claimedKeys.insert(key(other), node.relPath);
        copyTo(ItemAction::Upload, other);
        return;
    }
    case ConflictPolicy::Skip:
        addSkip(node.relPath, tr("exists on both sides and differs (policy: skip)"));
        return;
    case ConflictPolicy::Ask: {
        // Waits in the journal with both paths until the user decides (ConflictDecisions).
        addSkip(node.relPath, tr("exists on both sides and differs: waiting for a decision"));
        JobItem &waiting = m_fileItems.last();
        waiting.destinationPath = makeItem(ItemAction::Skip, QString(), destRel).destinationPath;
        waiting.size = qMax<qint64>(0, src.size);
        waiting.mtimeMs = src.modified.isValid() ? src.modified.toMSecsSinceEpoch() : 0;
        waiting.errorKind = Error::Kind::Conflict;
        return;
    }
    }
}

QString PlanBuilder::keepBothName(const QString &destRel) const
{
    for (int n = 1;; ++n) {
        const QString candidate = ConflictDecisions::keepBothName(destRel, n);
        if (!destinationEntry(candidate) && !m_claimedKeys.contains(key(candidate)))
            return candidate;
    }
}

void PlanBuilder::planDeletes(QVector<TreeNode> &destination)
{
    sortByDepth(destination);
    QSet<QString> gone; // destination folders deleted (recursively) or left alone with contents
    QVector<JobItem> deletes;
    for (const TreeNode &node : std::as_const(destination)) {
        const QString parentRel = relpath::parentOf(node.relPath);
        if (gone.contains(parentRel)) {
            if (node.entry.isFolder())
                gone.insert(node.relPath);
            continue;
        }
        if (m_matchedDest.contains(node.relPath))
            continue;
        const bool isFolder = node.entry.isFolder();
        // What the filters leave out is neither copied nor deleted (rclone's rule too).
        const QString filtered = isFolder
            ? m_filter.rejectFolder(node.relPath)
            : m_filter.rejectFile(node.relPath, node.entry.size, node.entry.modified);
        if (!filtered.isEmpty() || node.entry.kind == Entry::Kind::Other) {
            if (isFolder)
                gone.insert(node.relPath);
            continue;
        }
        if (isFolder)
            gone.insert(node.relPath);
        JobItem item = makeItem(ItemAction::Delete, QString(), node.relPath);
        item.sourcePath.clear();
        item.size = isFolder ? 0 : qMax<qint64>(0, node.entry.size);
        deletes.append(item);
        ++m_summary.deletes;
    }
    // Deepest first, so a folder goes after anything else deleted inside it.
    std::reverse(deletes.begin(), deletes.end());
    for (JobItem &item : deletes)
        m_fileItems.append(std::move(item));
}

QString PlanBuilder::destinationName(const QString &name, QString *mappingRecord, QString *reason) const
{
    const StoreLimits &limits = m_input.destinationLimits;
    const QList<NameViolation> violations = NameRules::validateName(name, limits);
    if (violations.isEmpty())
        return name;
    if (m_input.policies.names == NamePolicy::Map) {
        const MappedName mapped = NameRules::map(name, limits);
        if (mapped.ok()) {
            *mappingRecord = mapped.mapping.toRecord();
            return mapped.name;
        }
        *reason = mapped.remaining.constFirst().reason;
        return {};
    }
    *reason = violations.constFirst().reason;
    return {};
}

JobItem PlanBuilder::makeItem(ItemAction action, const QString &sourceRel, const QString &destRel) const
{
    JobItem item;
    item.action = action;
    item.sourcePath = relpath::underRoot(m_input.sourceRoot, sourceRel);
    item.destinationPath = relpath::underRoot(m_input.destinationRoot, destRel);
    return item;
}

void PlanBuilder::addSkip(const QString &sourceRel, const QString &reason)
{
    JobItem item = makeItem(ItemAction::Skip, sourceRel, QString());
    item.destinationPath.clear();
    item.state = ItemState::Skipped;
    item.reason = reason;
    m_fileItems.append(item);
    ++m_summary.skipped;
    m_summary.skips.append({sourceRel, reason});
}

AnalyzeReport PlanBuilder::analyze(const QVector<TreeNode> &nodes, const StoreLimits &target,
                                   const ItemFilter &filter, int hourlyBudget)
{
    AnalyzeReport report;
    QVector<NotableEntry> files;
    for (const TreeNode &node : nodes) {
        const int depth = relpath::depthOf(node.relPath);
        report.maxDepth = qMax(report.maxDepth, depth);
        const QList<NameViolation> violations = NameRules::validateName(node.entry.name, target);
        if (!violations.isEmpty())
            report.rejected.append({node.relPath, violations.constFirst().reason});
        else if (target.maxPathLength > 0
                 && NameRules::measure(node.relPath, target.lengthUnit) > target.maxPathLength)
            report.rejected.append(
                {node.relPath,
                 tr("the path is longer than the target allows (%1)").arg(target.maxPathLength)});
        if (node.entry.isFolder()) {
            if (filter.rejectFolder(node.relPath).isEmpty())
                ++report.folders;
            continue;
        }
        if (!node.entry.isFile()
            || !filter.rejectFile(node.relPath, node.entry.size, node.entry.modified).isEmpty())
            continue;
        const qint64 size = qMax<qint64>(0, node.entry.size);
        ++report.files;
        report.bytes += size;
        const QString name = node.entry.name;
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        FileStats &type = report.byType[dot > 0 ? name.mid(dot + 1).toLower() : QString()];
        ++type.files;
        type.bytes += size;
        const qsizetype slash = node.relPath.indexOf(QLatin1Char('/'));
        FileStats &folder = report.byFolder[slash < 0 ? QString() : node.relPath.left(slash)];
        ++folder.files;
        folder.bytes += size;
        files.append({node.relPath, size, depth});
    }
    const int top = qMin<int>(AnalyzeReport::kTopCount, int(files.size()));
    std::partial_sort(files.begin(), files.begin() + top, files.end(),
                      [](const NotableEntry &a, const NotableEntry &b) { return a.size > b.size; });
    report.largest = files.mid(0, top);
    std::partial_sort(files.begin(), files.begin() + top, files.end(),
                      [](const NotableEntry &a, const NotableEntry &b) { return a.depth > b.depth; });
    report.deepest = files.mid(0, top);
    if (target.id == QLatin1String("procore-documents")) {
        report.estimatedApiCalls = procoreCallFloor(report.folders, report.files);
        report.estimatedSeconds = secondsAtBudget(report.estimatedApiCalls, hourlyBudget);
    }
    return report;
}

} // namespace trestle
