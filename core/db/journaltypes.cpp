#include "core/db/journaltypes.h"

#include <initializer_list>

namespace trestle {

namespace {

template<typename Enum>
std::optional<Enum> fromName(const QString &name, std::initializer_list<Enum> all, QString (*toName)(Enum))
{
    for (Enum value : all) {
        if (toName(value) == name)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString jobKindName(JobKind kind)
{
    switch (kind) {
    case JobKind::Analyze:
        return QStringLiteral("analyze");
    case JobKind::Copy:
        return QStringLiteral("copy");
    case JobKind::Sync:
        return QStringLiteral("sync");
    case JobKind::Migrate:
        return QStringLiteral("migrate");
    }
    return QString();
}

std::optional<JobKind> jobKindFromName(const QString &name)
{
    return fromName(name, {JobKind::Analyze, JobKind::Copy, JobKind::Sync, JobKind::Migrate}, &jobKindName);
}

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Planning:
        return QStringLiteral("planning");
    case JobState::Planned:
        return QStringLiteral("planned");
    case JobState::Running:
        return QStringLiteral("running");
    case JobState::Paused:
        return QStringLiteral("paused");
    case JobState::Waiting:
        return QStringLiteral("waiting");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    return fromName(name,
                    {JobState::Queued, JobState::Planning, JobState::Planned, JobState::Running,
                     JobState::Paused, JobState::Waiting, JobState::Done, JobState::Failed,
                     JobState::Cancelled},
                    &jobStateName);
}

QString itemActionName(ItemAction action)
{
    switch (action) {
    case ItemAction::CreateFolder:
        return QStringLiteral("create-folder");
    case ItemAction::Upload:
        return QStringLiteral("upload");
    case ItemAction::Download:
        return QStringLiteral("download");
    case ItemAction::NewVersion:
        return QStringLiteral("new-version");
    case ItemAction::Delete:
        return QStringLiteral("delete");
    case ItemAction::Skip:
        return QStringLiteral("skip");
    case ItemAction::Verify:
        return QStringLiteral("verify");
    }
    return QString();
}

std::optional<ItemAction> itemActionFromName(const QString &name)
{
    return fromName(name,
                    {ItemAction::CreateFolder, ItemAction::Upload, ItemAction::Download,
                     ItemAction::NewVersion, ItemAction::Delete, ItemAction::Skip, ItemAction::Verify},
                    &itemActionName);
}

QString itemStateName(ItemState state)
{
    switch (state) {
    case ItemState::Pending:
        return QStringLiteral("pending");
    case ItemState::InFlight:
        return QStringLiteral("in-flight");
    case ItemState::Done:
        return QStringLiteral("done");
    case ItemState::Failed:
        return QStringLiteral("failed");
    case ItemState::Skipped:
        return QStringLiteral("skipped");
    }
    return QString();
}

std::optional<ItemState> itemStateFromName(const QString &name)
{
    return fromName(
        name,
        {ItemState::Pending, ItemState::InFlight, ItemState::Done, ItemState::Failed, ItemState::Skipped},
        &itemStateName);
}

std::optional<Error::Kind> errorKindFromName(const QString &name)
{
    for (int k = int(Error::Kind::None); k <= int(Error::Kind::Internal); ++k) {
        const auto kind = Error::Kind(k);
        if (Error::kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

bool isFinished(JobState state)
{
    return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled;
}

bool movesBytes(ItemAction action)
{
    return action == ItemAction::Upload || action == ItemAction::Download || action == ItemAction::NewVersion;
}

} // namespace trestle
