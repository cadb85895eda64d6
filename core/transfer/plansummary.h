#pragma once

#include "core/db/journaltypes.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

namespace trestle {

// One entry the plan leaves out, and why (translated).
struct PlanSkip final
{
    QString path; // source-relative path ("a/b.txt"), or destination-relative for deletes kept
    QString reason;
};

// What a job will do, as the planner worked it out: what a dry run shows before anything moves.
struct PlanSummary final
{
    JobKind kind = JobKind::Copy;
    qint64 foldersToCreate = 0;
    qint64 filesNew = 0; // copied to a path where nothing is
    qint64 filesReplaced = 0; // replace (or add a version to) a destination file that differs
    qint64 deletes = 0;
    qint64 verifies = 0; // Migrate: each file copied is checked at the destination afterwards
    // Migrate with its versions policy "all", to a destination that keeps versions: the files
    // copied with their history (new ones, and existing ones that lack the source's newer
    // versions), and the versions to write besides the latest (each one more upload), with their
    // bytes. The listing gives only the latest version's size, so each older version counts at
    // that size (an estimate); bytesToCopy includes them.
    qint64 filesWithHistory = 0;
    qint64 olderVersions = 0;
    qint64 olderVersionBytes = 0;
    qint64 unchanged = 0; // files on both sides that count as the same (no item)
    qint64 skipped = 0; // entries left out (each in skips)
    qint64 bytesToCopy = 0;
    int sourceListCalls = 0; // folders listed to plan (one API call each on Procore)
    int destinationListCalls = 0;
    // For a Procore destination (limits id "procore-documents"): the calls the items will cost on
    // the recommended upload path: one per folder created, two per file (create upload + create
    // or update file) and per older version, one per file with a history (its versions listed),
    // one per delete. -1 when the destination costs no API calls.
    qint64 estimatedApiCalls = -1;
    // estimatedApiCalls spent at the hourly budget the plan was made for; -1 without an estimate.
    qint64 estimatedSeconds = -1;
    QVector<PlanSkip> skips;

    qint64 itemCount() const { return foldersToCreate + filesNew + filesReplaced + deletes; }
    QJsonObject toJson() const;
    // The figures no journal item can tell (unchanged files, listings, the estimates): kept with
    // the job when it is planned (Journal::setPlanFigures), read back by PlanSummaryReader.
    QJsonObject figuresToJson() const;
    void takeFigures(const QJsonObject &figures);
};

// Counts and bytes of one group of files.
struct FileStats final
{
    qint64 files = 0;
    qint64 bytes = 0;
};

// One file or folder worth pointing out (largest, deepest).
struct NotableEntry final
{
    QString path;
    qint64 size = 0;
    int depth = 0;
};

// The result of an Analyze job: one side scanned, measured against the other side's rules.
struct AnalyzeReport final
{
    qint64 folders = 0;
    qint64 files = 0;
    qint64 bytes = 0;
    int maxDepth = 0;
    QMap<QString, FileStats> byType; // lower-case extension without the dot, "" for none
    QMap<QString, FileStats> byFolder; // top-level folder (whole subtree), "" for files at the root
    QVector<NotableEntry> largest; // up to kTopCount, largest first
    QVector<NotableEntry> deepest; // up to kTopCount, deepest first
    QVector<PlanSkip> rejected; // names or paths the target's limits do not accept, with why
    qint64 estimatedApiCalls = -1; // to copy everything into an empty target (-1: not Procore)
    qint64 estimatedSeconds = -1;
    int listCalls = 0;

    static constexpr int kTopCount = 10;
    QJsonObject toJson() const;
};

// API calls to create F folders and move N files (new or versions) and delete D entries on
// Procore on the recommended direct-upload path: F + 2N + D (DESIGN.md, API economy).
qint64 procoreCallFloor(qint64 folders, qint64 files, qint64 deletes = 0);
// Seconds the calls take at `hourlyBudget` calls an hour (the meter's Background share).
qint64 secondsAtBudget(qint64 calls, int hourlyBudget);

} // namespace trestle
