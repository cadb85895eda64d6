// JobQueueModel's words for the user: job and item states, kinds, actions, sizes and durations
// (also used by the panel's tooltips and the tests). Apart from the model's bookkeeping.
#include "ui/jobs/jobqueuemodel.h"

#include <QLocale>

namespace trestle {

QString JobQueueModel::awaitingText(const JobRecord &job, const EngineProgress &progress, qint64 awaiting)
{
    // A waiting file counts as skipped: "Done (3 skipped)" alone would hide that it waits.
    const qint64 otherSkips = job.itemsSkipped - awaiting;
    QString state = stateText(job, progress);
    if (job.state == JobState::Done)
        state = otherSkips > 0 ? tr("Done (%1 skipped)").arg(QLocale().toString(otherSkips)) : tr("Done");
    return tr("%1, %2").arg(state, tr("%n waiting for your decision", nullptr, awaiting));
}

QString JobQueueModel::stateText(const JobRecord &job, const EngineProgress &progress)
{
    switch (job.state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Planning:
        return tr("Planning…");
    case JobState::Planned:
        return tr("Planned: waiting for your decision");
    case JobState::Running:
        return tr("Running");
    case JobState::Paused:
        return tr("Paused");
    case JobState::Waiting:
        if (progress.waitingUntil.isValid())
            return tr("Waiting for API budget until %1")
                .arg(QLocale().toString(progress.waitingUntil.toLocalTime().time(), QLocale::ShortFormat));
        return tr("Waiting for API budget");
    case JobState::Done:
        if (job.itemsSkipped > 0)
            return tr("Done (%1 skipped)").arg(QLocale().toString(job.itemsSkipped));
        return tr("Done");
    case JobState::Failed:
        if (job.itemsFailed == 1)
            return tr("Failed: 1 item");
        if (job.itemsFailed > 1)
            return tr("Failed: %1 items").arg(QLocale().toString(job.itemsFailed));
        return job.lastError.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(job.lastError);
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString JobQueueModel::itemStateText(const JobItem &item)
{
    switch (item.state) {
    case ItemState::Pending:
        return tr("Pending");
    case ItemState::InFlight:
        // Claimed by a worker ahead of running it (claims come in batches): not started yet.
        return item.started ? tr("In progress") : tr("Queued");
    case ItemState::Done:
        return tr("Done");
    case ItemState::Failed:
        return item.errorMessage.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(item.errorMessage);
    case ItemState::Skipped:
        return item.reason.isEmpty() ? tr("Skipped") : tr("Skipped: %1").arg(item.reason);
    }
    return {};
}

QString JobQueueModel::kindText(JobKind kind)
{
    switch (kind) {
    case JobKind::Analyze:
        return tr("Analyze");
    case JobKind::Copy:
        return tr("Copy");
    case JobKind::Sync:
        return tr("Sync");
    case JobKind::Migrate:
        return tr("Migrate");
    }
    return {};
}

QString JobQueueModel::actionText(ItemAction action)
{
    switch (action) {
    case ItemAction::CreateFolder:
        return tr("New folder");
    case ItemAction::Upload:
    case ItemAction::Download:
        return tr("Copy");
    case ItemAction::NewVersion:
        return tr("Replace");
    case ItemAction::Delete:
        return tr("Delete");
    case ItemAction::Skip:
        return tr("Skip");
    case ItemAction::Verify:
        return tr("Verify");
    }
    return {};
}

QString JobQueueModel::bytesText(qint64 bytes)
{
    // The panes' units (IEC: KiB, MiB), so a file's size reads the same in its pane and its job.
    return QLocale().formattedDataSize(bytes, 1);
}

QString JobQueueModel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg((seconds + 30) / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace trestle
