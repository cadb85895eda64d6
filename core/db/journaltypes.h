#pragma once

#include "core/common/error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace trestle {

// The records of the journal: jobs, their items and the outcome the engine reports for an item.
// Plain values; Journal reads and writes them.

enum class JobKind { Analyze, Copy, Sync, Migrate };
enum class JobState { Queued, Planning, Planned, Running, Paused, Waiting, Done, Failed, Cancelled };
enum class ItemAction { CreateFolder, Upload, Download, NewVersion, Delete, Skip, Verify };
enum class ItemState { Pending, InFlight, Done, Failed, Skipped };

// Stable names as stored in the database and shown in reports ("new-version", "in-flight", …).
QString jobKindName(JobKind kind);
std::optional<JobKind> jobKindFromName(const QString &name);
QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString &name);
QString itemActionName(ItemAction action);
std::optional<ItemAction> itemActionFromName(const QString &name);
QString itemStateName(ItemState state);
std::optional<ItemState> itemStateFromName(const QString &name);
std::optional<Error::Kind> errorKindFromName(const QString &name);

// Done, failed and cancelled jobs are history; every other state is resumed after a restart.
bool isFinished(JobState state);
// Actions that move file content, whose sizes count towards a job's bytes total.
bool movesBytes(ItemAction action);

struct JobRecord final
{
    qint64 id = 0;
    JobKind kind = JobKind::Copy;
    QString sourceConnection; // profile id
    QString sourcePath;
    QString destinationConnection; // profile id
    QString destinationPath;
    QString policiesJson = QStringLiteral("{}");
    JobState state = JobState::Queued;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    // Counters, kept up to date as outcomes are recorded and recomputable from the items.
    qint64 itemsTotal = 0;
    qint64 itemsDone = 0;
    qint64 itemsFailed = 0;
    qint64 itemsSkipped = 0;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;
    qint64 apiCalls = 0;

    Error::Kind lastErrorKind = Error::Kind::None;
    QString lastError;
};

struct JobItem final
{
    qint64 id = 0; // set by the journal
    qint64 jobId = 0; // set by the journal
    // Items are taken in this order. -1: after every item of the job added so far.
    qint64 orderKey = -1;
    ItemAction action = ItemAction::Upload;
    QString sourcePath;
    QString destinationPath;
    QString mappedName; // the destination name after name rules, if it differs
    QString mappingRecord; // how and why the name was mapped (JSON or text, for the report)
    qint64 size = 0;
    qint64 mtimeMs = 0; // source modification time, ms since the epoch (0: unknown)
    qint64 sourceId = 0;
    qint64 destinationId = 0;
    ItemState state = ItemState::Pending;
    // Set when the item was in flight at a crash: check the destination before redoing it.
    bool needsVerify = false;
    int attempts = 0;
    Error::Kind errorKind = Error::Kind::None;
    QString errorMessage;
    QString checksum;
    qint64 bytesDone = 0;
    QString reason; // why it is skipped (or any note for the report)
    // A two-way sync's item that runs the other way: from the job's destination store
    // (destinationPath) to its source store (sourcePath). A CreateFolder or Delete acts on the
    // source store at sourcePath.
    bool reverse = false;
    // Where the item's file was written when that is not destinationPath: the name a keep-both
    // decision picked when it ran ("a (1).txt"). Empty otherwise.
    QString writtenPath;
    // Migrate with history: the versions the item writes besides the one it counts as (the plan's
    // figure, PlanSummary::olderVersions). 0 for every other item.
    qint64 olderVersions = 0;
    // InFlight only: a worker has started it (else it is claimed and waits in the engine's queue;
    // the user sees it as queued, not in progress).
    bool started = false;
};

// What the engine reports when it is done with an item (or gives up on it).
struct ItemOutcome final
{
    qint64 itemId = 0;
    qint64 jobId = 0; // the item's job, for change notifications (0: not reported)
    ItemState state = ItemState::Done; // Done, Failed, Skipped, or Pending to try again later
    qint64 bytesDone = 0;
    QString checksum;
    qint64 destinationId = 0; // 0 keeps the stored one
    Error error; // for Failed (and for Pending after a transient failure)
    QString reason; // empty keeps the stored one
    // Where the file went when not the item's destination (a keep-both copy); empty keeps it.
    // Initialised here so brace lists written before it existed stay complete for
    // -Wmissing-field-initializers (tests/fuzz/fuzz_journal.cpp).
    QString writtenPath = QString();
};

} // namespace trestle
