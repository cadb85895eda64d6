#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"
#include "core/transfer/jobschedule.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace trestle {

// What a job does when a file exists on both sides and is not "unchanged".
enum class ConflictPolicy {
    NewerWins, // the side with the later modification time wins; equal times: skip
    SourceWins, // always overwrite the destination
    KeepBoth, // copy the source next to the destination file with a " (n)" suffix
    Skip, // leave both alone, record a skip
    Ask, // leave both alone until the user decides (recorded as a skip with that reason)
    NewVersion, // add the source as a new version where the destination keeps versions
};

// What a one-way sync does with destination entries that the source no longer has.
enum class DeletePolicy {
    Keep, // never delete (what a copy always does)
    Delete, // delete them; a destination with a recycle bin (Procore) keeps them there
};

// Which way a Sync job goes. One-way mirrors the source onto the destination; two-way keeps both in
// step against the last state both sides agreed on (SyncStateStore), so a change on either side
// propagates and a change on both is a conflict (the conflicts policy decides).
enum class SyncDirection { OneWay, TwoWay };

// What the planner does with a name the destination cannot hold.
enum class NamePolicy {
    Report, // skip the entry, with the violation as the reason
    Map, // map it by NameRules' lookalike table; what still does not fit is reported
};

// Which versions of a file a Migrate copies where the source keeps versions.
enum class VersionsPolicy {
    All, // the whole history, oldest first, where the destination keeps versions (else the latest)
    Latest, // the current version only
};

// What "unchanged" means when a file is on both sides.
enum class UnchangedRule {
    SizeAndMtime, // same size and modification time (within mtimeToleranceMs)
    Checksum, // same checksum where both sides give one of the same algorithm, else size+mtime
};

// Include/exclude rules. Globs match the entry's name, or its path relative to the job's root
// when the glob contains a '/'. An excluded folder is skipped with everything below it.
struct JobFilters final
{
    QStringList include; // files only: a file must match one (empty: every file)
    QStringList exclude; // files and folders
    QStringList fileTypes; // extensions without the dot ("pdf", "dwg"); empty: every type
    qint64 minSize = -1; // bytes; -1: no bound
    qint64 maxSize = -1;
    QDateTime modifiedSince; // files modified before are skipped; invalid: no bound

    bool isEmpty() const;
    QJsonObject toJson() const;
    static JobFilters fromJson(const QJsonObject &json);
};

// The policies of one job, saved with it as JSON text in the journal (JobRecord::policiesJson).
struct JobPolicies final
{
    ConflictPolicy conflicts = ConflictPolicy::NewerWins;
    DeletePolicy deletes = DeletePolicy::Keep;
    NamePolicy names = NamePolicy::Report;
    UnchangedRule unchanged = UnchangedRule::SizeAndMtime;
    // FAT and SMB keep times to 2 s; anything closer counts as the same time.
    qint64 mtimeToleranceMs = 2000;
    int concurrency = 4; // worker threads
    int maxAttempts = 3; // tries per item before it fails (transient errors only are retried)
    SyncDirection direction = SyncDirection::OneWay; // Sync jobs only
    // Bytes per second for the whole job (all its workers share it); 0: no cap.
    qint64 bandwidthLimit = 0;
    // Migrate: delete each source file whose verify passed, once everything is verified. Off by
    // default: a migration never deletes unless the user asks for it.
    bool deleteSourceAfterMigrate = false;
    // Migrate: copy each file's version history (oldest first) or only its latest version.
    VersionsPolicy versions = VersionsPolicy::All;
    JobSchedule schedule; // when the job runs again by itself (the job queue fires it)
    JobFilters filters;

    QJsonObject toJson() const;
    QString toJsonText() const;
    // Unknown keys are ignored and missing ones keep their defaults (a newer Trestle may add some);
    // a value of the wrong kind is a Validation error.
    static Result<JobPolicies> fromJson(const QJsonObject &json);
    static Result<JobPolicies> fromJsonText(const QString &text);

    // Stable names for JSON and the command line ("newer-wins", "keep-both", …).
    static QString conflictName(ConflictPolicy policy);
    static std::optional<ConflictPolicy> conflictFromName(const QString &name);
    static QString deleteName(DeletePolicy policy);
    static std::optional<DeletePolicy> deleteFromName(const QString &name);
    static QString directionName(SyncDirection direction);
    static std::optional<SyncDirection> directionFromName(const QString &name);
    static QString nameName(NamePolicy policy);
    static std::optional<NamePolicy> nameFromName(const QString &name);
    static QString unchangedName(UnchangedRule rule);
    static std::optional<UnchangedRule> unchangedFromName(const QString &name);
    static QString versionsName(VersionsPolicy policy);
    static std::optional<VersionsPolicy> versionsFromName(const QString &name);
};

// A job as the user asked for it: what to move from where to where, under which policies.
struct JobSpec final
{
    JobKind kind = JobKind::Copy;
    QString sourceConnection; // profile id (empty: a local path)
    QString sourcePath; // store-relative folder ("" = the store's root)
    QString destinationConnection;
    QString destinationPath;
    JobPolicies policies;

    // The journal's record of a new job (state Queued), policies as JSON text.
    JobRecord toRecord() const;
    static Result<JobSpec> fromRecord(const JobRecord &record);
};

} // namespace trestle
