#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"
#include "core/transfer/engineprogress.h"

#include <QAbstractItemModel>
#include <QBitArray>
#include <QElapsedTimer>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QTimer>
#include <QVector>

#include <functional>

namespace trestle {

class JobQueue;

// The job queue as a tree: one row per job (newest first) with its state in words, progress,
// items and bytes done/total, speed, ETA and API calls; its children are the job's items, fetched
// lazily in pages from the journal (canFetchMore/fetchMore on the job row), so a 100,000-item job
// costs only the rows the view has scrolled to.
//
// Progress reports of many jobs arrive up to 10 a second each; they are coalesced and change only
// the affected job's row (dataChanged of that row).
//
// Pages are read ahead on the queue's ItemPageReader thread (up to kReadAhead items past the last
// row), so a view scrolling to the end of a job takes its next page without waiting for SQLite;
// fetchMore() reads on the calling thread only when nothing was read ahead yet.
//
// fetchMore() adds at most one page per pass of the event loop (canFetchMore() says no until the
// next pass). QTreeView asks again from every layout, and lays out all rows of an expanded job
// after each insertion: answering each ask made one scroll to the end add four pages and lay out
// 100,000 rows several times in one event. (The queue's view asks again in the next pass when its
// scroll bar stayed at the end.)
//
// Item states are re-read in chunks of kRefreshChunk rows when a chunk is shown (data()), after
// the job changed state or at most once every kItemRefreshMs while it runs. Only the chunks the
// view asked for since the last refresh are announced (dataChanged of their State cells): those
// are what it shows; any other chunk is re-read when it is shown. Re-reading or announcing all the
// fetched items of a 100,000-item job at once would block the window.
class JobQueueModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobQueueModel)

public:
    enum Column {
        NameColumn,
        StateColumn,
        ProgressColumn,
        ItemsColumn,
        BytesColumn,
        SpeedColumn,
        EtaColumn,
        ApiCallsColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1, // qint64, on job and item rows
        JobStateRole, // int(JobState), job rows
        ItemIdRole, // qint64, item rows (0 on job rows)
        ProgressRole, // int 0..100 on the progress column of job rows, -1 when unknown
        IsItemRole, // bool
    };
    static constexpr int kPageSize = 2000;
    static constexpr int kReadAhead = 4 * kPageSize;
    static constexpr int kRefreshChunk = 100;
    static constexpr int kCoalesceMs = 100;
    static constexpr int kItemRefreshMs = 1000;

    explicit JobQueueModel(JobQueue *queue, QObject *parent = nullptr);
    ~JobQueueModel() override;

    // What the user calls a connection; the window sets it (the UI cannot ask the resolver).
    void setDisplayNames(std::function<QString(const QString &connection)> displayName);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOfJob(qint64 jobId, int column = 0) const;
    qint64 jobIdAt(const QModelIndex &index) const; // of a job row or of an item's job
    // Pages of items fetched so far (tests, benchmarks).
    int fetchedItemCount(qint64 jobId) const;
    // Items read ahead (not yet rows) of the job, and the journal reads this model made on its own
    // thread (pages and refreshed chunks): tests and benchmarks.
    int readAheadCount(qint64 jobId) const;
    int readsOnThisThread() const { return m_readsHere; }

    // Words for the user (also used by the panel's tooltips and tests).
    static QString stateText(const JobRecord &job, const EngineProgress &progress);
    static QString itemStateText(const JobItem &item);
    static QString kindText(JobKind kind);
    static QString actionText(ItemAction action);
    static QString bytesText(qint64 bytes);
    // The state of an ended job with files that wait for a decision ("Done, 3 waiting for your
    // decision"), so the user knows to open the job's context menu.
    static QString awaitingText(const JobRecord &job, const EngineProgress &progress, qint64 awaiting);
    static QString durationText(qint64 seconds);

private:
    struct JobRow
    {
        JobRecord record;
        EngineProgress progress;
        // Mutable: a stale chunk is re-read from the journal when data() first asks for it.
        mutable QVector<JobItem> items;
        mutable QBitArray staleChunks; // one bit per kRefreshChunk items
        mutable QBitArray shownChunks; // asked for by data() since the last refresh
        bool itemsComplete = false;
        qint64 lastOrderKey = -1;
        // Items after lastOrderKey read by the ItemPageReader; taken by fetchMore().
        QVector<JobItem> readAhead;
        bool readAheadAtEnd = false; // the reader found the last item
        qint64 readAheadAfter = -2; // the key of the read in flight (-2: none)
        int readAheadLimit = 0; // and how many items it asked for
        int readAheadRefresh = 0; // refreshes (markItemsStale) when the read-ahead was asked for
        int refreshes = 0;
        QElapsedTimer itemsRefreshed; // since the item states were last marked stale
        // Files of the ended job that wait for the user's decision (the "ask" conflicts policy):
        // counted when the job changes, not on every paint (it reads the job's items).
        qint64 awaiting = 0;
    };

    JobRow newRow(const JobRecord &job) const;
    int rowOf(qint64 jobId) const;
    qint64 awaitingOf(const JobRecord &job) const;
    QVariant jobData(const JobRow &row, int column, int role) const;
    QVariant itemData(const JobItem &item, int column, int role) const;
    QString endpoint(const QString &connection, const QString &path) const;
    void jobAdded(const JobRecord &job);
    void jobChanged(const JobRecord &job);
    void jobRemoved(qint64 jobId);
    void jobProgress(const EngineProgress &progress);
    void flushProgress();
    // The fetched items' states changed: their pages are re-read when next shown.
    void markItemsStale(int row);
    const JobItem &freshItem(const JobRow &row, int itemRow) const;
    void readAhead(JobRow &row);
    void pageRead(qint64 jobId, qint64 afterOrderKey, int limit, const Result<QVector<JobItem>> &items);
    void emitRowChanged(int row);

    JobQueue *m_queue;
    std::function<QString(const QString &)> m_displayName;
    QVector<JobRow> m_rows; // newest first
    QHash<qint64, EngineProgress> m_pendingProgress;
    QTimer m_flushTimer;
    bool m_inserting = false; // inside fetchMore()'s beginInsertRows/endInsertRows
    bool m_fetchedThisPass = false; // a page was added in this pass of the event loop
    mutable int m_readsHere = 0;
    // The style's icons, made once: QStyle::standardIcon() builds a new QIcon (and decodes its
    // PNG files again) on every call, which per painted row made a paint take ~100 ms.
    QIcon m_folderIcon;
    QIcon m_fileIcon;
    QIcon m_failedIcon;
    QIcon m_warningIcon;
};

} // namespace trestle
