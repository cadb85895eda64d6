#include "ui/jobs/jobqueuemodel.h"

#include "core/jobs/itempagereader.h"
#include "core/jobs/jobqueue.h"

#include <QApplication>
#include <QBitArray>
#include <QLocale>
#include <QScopedValueRollback>
#include <QStyle>

#include <algorithm>
#include <iterator>

namespace trestle {

namespace {

qint64 processed(const EngineProgress &progress)
{
    return progress.itemsDone + progress.itemsSkipped + progress.itemsFailed;
}

int percentOf(const JobRecord &job, const EngineProgress &progress)
{
    if (job.state == JobState::Queued || job.state == JobState::Planning)
        return -1;
    if (job.state == JobState::Done)
        return 100;
    if (progress.bytesTotal > 0)
        return int(qBound(qint64(0), progress.bytesDone * 100 / progress.bytesTotal, qint64(100)));
    if (progress.itemsTotal > 0)
        return int(qBound(qint64(0), processed(progress) * 100 / progress.itemsTotal, qint64(100)));
    return job.state == JobState::Planned ? 0 : -1;
}

bool isActive(JobState state)
{
    return state == JobState::Running || state == JobState::Waiting;
}

} // namespace

JobQueueModel::JobQueueModel(JobQueue *queue, QObject *parent) : QAbstractItemModel(parent), m_queue(queue)
{
    QStyle *style = QApplication::style();
    m_folderIcon = style->standardIcon(QStyle::SP_DirIcon);
    m_fileIcon = style->standardIcon(QStyle::SP_FileIcon);
    m_failedIcon = style->standardIcon(QStyle::SP_MessageBoxCritical);
    m_warningIcon = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kCoalesceMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &JobQueueModel::flushProgress);
    connect(queue, &JobQueue::jobAdded, this, &JobQueueModel::jobAdded);
    connect(queue, &JobQueue::jobChanged, this, &JobQueueModel::jobChanged);
    connect(queue, &JobQueue::jobRemoved, this, &JobQueueModel::jobRemoved);
    connect(queue, &JobQueue::jobProgress, this, &JobQueueModel::jobProgress);
    connect(&queue->itemPageReader(), &ItemPageReader::pageRead, this, &JobQueueModel::pageRead);
    const QVector<JobRecord> jobs = queue->jobs();
    for (const JobRecord &job : jobs)
        m_rows.append(newRow(job));
}

JobQueueModel::~JobQueueModel() = default;

void JobQueueModel::setDisplayNames(std::function<QString(const QString &)> displayName)
{
    m_displayName = std::move(displayName);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(int(m_rows.size()) - 1, NameColumn));
}

qint64 JobQueueModel::awaitingOf(const JobRecord &job) const
{
    if (!isFinished(job.state) || job.itemsSkipped <= 0)
        return 0; // the cheap answer for every job that cannot have any
    const Result<QVector<JobItem>> awaiting = m_queue->awaitingDecisions(job.id);
    return awaiting.ok() ? awaiting.value().size() : 0;
}

JobQueueModel::JobRow JobQueueModel::newRow(const JobRecord &job) const
{
    JobRow row;
    row.record = job;
    row.progress = m_queue->progress(job.id);
    row.awaiting = awaitingOf(job);
    return row;
}

int JobQueueModel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).record.id == jobId)
            return row;
    }
    return -1;
}

QModelIndex JobQueueModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_rows.size())
        return {}; // items have no children
    const JobRow &job = m_rows.at(parent.row());
    if (row >= job.items.size())
        return {};
    return createIndex(row, column, quintptr(job.record.id));
}

QModelIndex JobQueueModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOf(qint64(child.internalId()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int JobQueueModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_rows.size())
        return 0;
    return int(m_rows.at(parent.row()).items.size());
}

int JobQueueModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JobQueueModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_rows.isEmpty();
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_rows.size())
        return false;
    const JobRow &job = m_rows.at(parent.row());
    if (!job.items.isEmpty())
        return true;
    return !job.itemsComplete && job.record.itemsTotal > 0;
}

bool JobQueueModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while a page is being inserted: a view or a model tester answering rowsAboutToBeInserted
    // may ask for more, and would read the same page again (the last key is not moved yet).
    if (m_inserting || !parent.isValid() || parent.internalId() != 0 || parent.row() >= m_rows.size())
        return false;
    const JobRow &job = m_rows.at(parent.row());
    // While the planner writes items a short page does not mean the end.
    if (job.record.state == JobState::Queued || job.record.state == JobState::Planning)
        return false;
    // One page per pass of the event loop (see the class comment).
    return !m_fetchedThisPass && !job.itemsComplete && job.record.itemsTotal > 0;
}

void JobQueueModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    JobRow &job = m_rows[parent.row()];
    QVector<JobItem> items;
    bool atEnd = false;
    bool stale = false;
    if (!job.readAhead.isEmpty()) {
        // Read ahead on the reader's thread: no journal read here. Moved, not copied: a page is
        // 2,000 items of eight strings each.
        const int count = int(qMin<qsizetype>(kPageSize, job.readAhead.size()));
        if (count == job.readAhead.size()) {
            items = std::move(job.readAhead);
            job.readAhead.clear();
        } else {
            items.reserve(count);
            std::move(job.readAhead.begin(), job.readAhead.begin() + count, std::back_inserter(items));
            job.readAhead.erase(job.readAhead.begin(), job.readAhead.begin() + count);
        }
        atEnd = job.readAhead.isEmpty() && job.readAheadAtEnd;
        stale = job.readAheadRefresh != job.refreshes; // read before the last refresh
    } else if (!job.readAheadAtEnd) {
        ++m_readsHere;
        Result<QVector<JobItem>> page = m_queue->items(job.record.id, job.lastOrderKey, kPageSize);
        if (page.ok())
            items = std::move(page.value());
        atEnd = items.size() < kPageSize;
    }
    if (items.isEmpty()) {
        job.itemsComplete = true;
        return;
    }
    m_fetchedThisPass = true;
    QTimer::singleShot(0, this, [this] { m_fetchedThisPass = false; });
    const int first = int(job.items.size());
    if (first == 0)
        job.items.reserve(qMax<qsizetype>(job.record.itemsTotal, items.size()));
    const QScopedValueRollback<bool> inserting(m_inserting, true);
    beginInsertRows(index(parent.row(), 0), first, first + int(items.size()) - 1);
    const qint64 lastKey = items.constLast().orderKey;
    job.items.append(std::move(items));
    // Chunks read now are fresh (unless read ahead before the last refresh); chunks read before
    // stay as they are (stale or not).
    const int chunks = int((job.items.size() + kRefreshChunk - 1) / kRefreshChunk);
    const int firstNewChunk = first / kRefreshChunk;
    job.staleChunks.resize(chunks);
    job.shownChunks.resize(chunks);
    if (stale)
        job.staleChunks.fill(true, firstNewChunk, chunks);
    job.lastOrderKey = lastKey;
    job.itemsComplete = atEnd;
    endInsertRows();
    if (!job.itemsComplete)
        readAhead(job);
}

void JobQueueModel::readAhead(JobRow &row)
{
    if (row.readAheadAfter != -2 || row.readAheadAtEnd || row.readAhead.size() >= kReadAhead)
        return;
    const qint64 after = row.readAhead.isEmpty() ? row.lastOrderKey : row.readAhead.constLast().orderKey;
    row.readAheadAfter = after;
    row.readAheadLimit = kReadAhead - int(row.readAhead.size());
    row.readAheadRefresh = row.refreshes;
    m_queue->itemPageReader().read(row.record.id, after, row.readAheadLimit);
}

void JobQueueModel::pageRead(qint64 jobId, qint64 afterOrderKey, int limit,
                             const Result<QVector<JobItem>> &items)
{
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    JobRow &entry = m_rows[row];
    // Not this model's read in flight: an older one, or another model's (the reader is the queue's).
    if (entry.readAheadAfter != afterOrderKey || entry.readAheadLimit != limit)
        return;
    entry.readAheadAfter = -2;
    const qint64 end = entry.readAhead.isEmpty() ? entry.lastOrderKey : entry.readAhead.constLast().orderKey;
    if (!items.ok() || entry.itemsComplete)
        return; // failed (fetchMore() reads here then), or nothing more to read
    if (end != afterOrderKey) {
        // fetchMore() read past it meanwhile (a view fetches several pages in one go): read
        // ahead of where the rows are now.
        readAhead(entry);
        return;
    }
    if (entry.readAhead.isEmpty())
        entry.readAhead = items.value(); // shared with the reader's page, not copied
    else
        entry.readAhead += items.value();
    entry.readAheadAtEnd = items.value().size() < entry.readAheadLimit;
    readAhead(entry);
}

int JobQueueModel::readAheadCount(qint64 jobId) const
{
    const int row = rowOf(jobId);
    return row < 0 ? 0 : int(m_rows.at(row).readAhead.size());
}

QModelIndex JobQueueModel::indexOfJob(qint64 jobId, int column) const
{
    const int row = rowOf(jobId);
    return row < 0 ? QModelIndex() : index(row, column);
}

qint64 JobQueueModel::jobIdAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return 0;
    if (index.internalId() != 0)
        return qint64(index.internalId());
    return index.row() < m_rows.size() ? m_rows.at(index.row()).record.id : 0;
}

int JobQueueModel::fetchedItemCount(qint64 jobId) const
{
    const int row = rowOf(jobId);
    return row < 0 ? 0 : int(m_rows.at(row).items.size());
}

QString JobQueueModel::endpoint(const QString &connection, const QString &path) const
{
    QString name = m_displayName ? m_displayName(connection) : connection;
    if (name.isEmpty())
        name = connection;
    if (path.isEmpty())
        return name;
    return name.endsWith(QLatin1Char('/')) ? name + path : name + QLatin1Char('/') + path;
}

QVariant JobQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        if (index.row() >= m_rows.size())
            return {};
        return jobData(m_rows.at(index.row()), index.column(), role);
    }
    const int row = rowOf(qint64(index.internalId()));
    if (row < 0 || index.row() >= m_rows.at(row).items.size())
        return {};
    return itemData(freshItem(m_rows.at(row), index.row()), index.column(), role);
}

Qt::ItemFlags JobQueueModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    // Items never have children: QTreeView then skips its expanded-state lookup for each of them
    // when it lays out a job's 100,000 items.
    if (index.isValid() && index.internalId() != 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

const JobItem &JobQueueModel::freshItem(const JobRow &row, int itemRow) const
{
    const int chunk = itemRow / kRefreshChunk;
    if (chunk < row.shownChunks.size())
        row.shownChunks.setBit(chunk);
    if (chunk < row.staleChunks.size() && row.staleChunks.testBit(chunk)) {
        // The chunk is re-read once (even if the read fails: the old states stay shown). A chunk,
        // not the page: a view shows a few dozen rows, and this runs while it paints.
        row.staleChunks.clearBit(chunk);
        const int first = chunk * kRefreshChunk;
        const int count = int(qMin<qsizetype>(kRefreshChunk, row.items.size() - first));
        const qint64 after = first == 0 ? -1 : row.items.at(first - 1).orderKey;
        ++m_readsHere;
        Result<QVector<JobItem>> fresh = m_queue->items(row.record.id, after, count);
        if (fresh.ok() && fresh.value().size() == count
            && fresh.value().constFirst().id == row.items.at(first).id
            && fresh.value().constLast().id == row.items.at(first + count - 1).id) {
            std::copy(fresh.value().cbegin(), fresh.value().cend(), row.items.begin() + first);
        }
    }
    return row.items.at(itemRow);
}

QVariant JobQueueModel::jobData(const JobRow &row, int column, int role) const
{
    const JobRecord &job = row.record;
    const EngineProgress &progress = row.progress;
    switch (role) {
    case JobIdRole:
        return job.id;
    case JobStateRole:
        return int(job.state);
    case ItemIdRole:
        return qint64(0);
    case IsItemRole:
        return false;
    case ProgressRole:
        return column == ProgressColumn ? percentOf(job, progress) : QVariant();
    case Qt::ToolTipRole:
        if (column == StateColumn && row.awaiting > 0)
            return tr("Files wait for your decision: right-click the job to resolve the conflicts.");
        if (column == StateColumn && !job.lastError.isEmpty())
            return job.lastError;
        if (column == NameColumn)
            return tr("%1 → %2").arg(endpoint(job.sourceConnection, job.sourcePath),
                                     endpoint(job.destinationConnection, job.destinationPath));
        return {};
    case Qt::DecorationRole:
        if (column == StateColumn && (job.state == JobState::Failed || row.awaiting > 0))
            return m_warningIcon;
        return {};
    case Qt::TextAlignmentRole:
        if (column >= ItemsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameColumn:
        if (job.kind == JobKind::Analyze)
            return tr("%1  %2").arg(kindText(job.kind), endpoint(job.sourceConnection, job.sourcePath));
        return tr("%1  %2 → %3")
            .arg(kindText(job.kind), endpoint(job.sourceConnection, job.sourcePath),
                 endpoint(job.destinationConnection, job.destinationPath));
    case StateColumn:
        if (job.state == JobState::Paused) {
            // Paused by the engine (sign in again, disk full, read-only): say why in the row.
            const Error reason = m_queue->stopReason(job.id);
            if (reason.isError())
                return tr("Paused: %1").arg(reason.message());
        }
        if (row.awaiting > 0)
            return awaitingText(job, progress, row.awaiting);
        return stateText(job, progress);
    case ProgressColumn: {
        const int percent = percentOf(job, progress);
        return percent < 0 ? QString() : tr("%1 %").arg(percent);
    }
    case ItemsColumn:
        if (progress.itemsTotal <= 0)
            return job.state == JobState::Queued || job.state == JobState::Planning ? QString() : tr("0");
        return tr("%1 / %2").arg(QLocale().toString(processed(progress)),
                                 QLocale().toString(progress.itemsTotal));
    case BytesColumn:
        if (progress.bytesTotal <= 0)
            return QString();
        return tr("%1 / %2").arg(bytesText(progress.bytesDone), bytesText(progress.bytesTotal));
    case SpeedColumn:
        if (!isActive(job.state) || progress.bytesPerSecond <= 0)
            return QString();
        return tr("%1/s").arg(bytesText(progress.bytesPerSecond));
    case EtaColumn:
        if (!isActive(job.state) || progress.etaSeconds < 0)
            return QString();
        return durationText(progress.etaSeconds);
    case ApiCallsColumn:
        return progress.apiCalls > 0 ? QLocale().toString(progress.apiCalls) : QString();
    default:
        return {};
    }
}

QVariant JobQueueModel::itemData(const JobItem &item, int column, int role) const
{
    switch (role) {
    case JobIdRole:
        return item.jobId;
    case ItemIdRole:
        return item.id;
    case IsItemRole:
        return true;
    case JobStateRole:
    case ProgressRole:
        return {};
    case Qt::ToolTipRole:
        if (column == StateColumn || column == NameColumn) {
            if (item.state == ItemState::Failed)
                return item.errorMessage;
            if (!item.reason.isEmpty())
                return item.reason;
            if (!item.mappedName.isEmpty())
                return tr("Renamed to “%1” for the destination.").arg(item.mappedName);
        }
        return {};
    case Qt::DecorationRole:
        if (column == NameColumn) {
            return item.action == ItemAction::CreateFolder ? m_folderIcon : m_fileIcon;
        }
        if (column == StateColumn && item.state == ItemState::Failed)
            return m_failedIcon;
        return {};
    case Qt::TextAlignmentRole:
        if (column >= ItemsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameColumn: {
        const QString path = item.sourcePath.isEmpty() ? item.destinationPath : item.sourcePath;
        if (!item.mappedName.isEmpty())
            return tr("%1 → %2").arg(path, item.mappedName);
        return path;
    }
    case StateColumn:
        return itemStateText(item);
    case ItemsColumn:
        return actionText(item.action);
    case BytesColumn:
        return movesBytes(item.action) ? bytesText(item.size) : QString();
    default:
        return {};
    }
}

QVariant JobQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case ItemsColumn:
        return tr("Items");
    case BytesColumn:
        return tr("Size");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time left");
    case ApiCallsColumn:
        return tr("API calls");
    default:
        return {};
    }
}

void JobQueueModel::jobAdded(const JobRecord &job)
{
    if (rowOf(job.id) >= 0)
        return;
    // Newest first: a job newer than every row goes on top, a restored older one below.
    int row = 0;
    while (row < m_rows.size() && m_rows.at(row).record.id > job.id)
        ++row;
    beginInsertRows(QModelIndex(), row, row);
    m_rows.insert(row, newRow(job));
    endInsertRows();
}

void JobQueueModel::jobChanged(const JobRecord &job)
{
    const int row = rowOf(job.id);
    if (row < 0)
        return;
    JobRow &entry = m_rows[row];
    const JobState before = entry.record.state;
    entry.record = job;
    entry.progress = m_queue->progress(job.id);
    entry.awaiting = awaitingOf(job);
    m_pendingProgress.remove(job.id);
    if (before != job.state && !entry.items.isEmpty())
        markItemsStale(row);
    emitRowChanged(row);
}

void JobQueueModel::jobRemoved(qint64 jobId)
{
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    m_pendingProgress.remove(jobId);
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void JobQueueModel::jobProgress(const EngineProgress &progress)
{
    m_pendingProgress.insert(progress.jobId, progress);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void JobQueueModel::flushProgress()
{
    const QHash<qint64, EngineProgress> pending = std::exchange(m_pendingProgress, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue;
        JobRow &entry = m_rows[row];
        entry.progress = it.value();
        entry.record = m_queue->job(it.key());
        emitRowChanged(row);
        // Items change state while the job runs: the shown ones are re-read now and then.
        if (!entry.items.isEmpty()
            && (!entry.itemsRefreshed.isValid() || entry.itemsRefreshed.elapsed() >= kItemRefreshMs))
            markItemsStale(row);
    }
}

void JobQueueModel::markItemsStale(int row)
{
    JobRow &entry = m_rows[row];
    entry.staleChunks.fill(true);
    ++entry.refreshes;
    entry.itemsRefreshed.start();
    // Announced: the chunks the view asked for since the last refresh (what it shows), in the
    // State column only (a change of column 0 makes QTreeView ask each row for children again).
    // The view repaints them and data() re-reads just those chunks; the others are re-read when
    // they are shown.
    const QBitArray shown = std::exchange(entry.shownChunks, QBitArray(entry.staleChunks.size()));
    const QModelIndex parent = index(row, 0);
    const int last = int(entry.items.size()) - 1;
    for (int chunk = 0; chunk < shown.size(); ++chunk) {
        if (!shown.testBit(chunk))
            continue;
        int end = chunk;
        while (end + 1 < shown.size() && shown.testBit(end + 1))
            ++end;
        Q_EMIT dataChanged(index(chunk * kRefreshChunk, StateColumn, parent),
                           index(qMin(last, (end + 1) * kRefreshChunk - 1), StateColumn, parent));
        chunk = end;
    }
}

void JobQueueModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace trestle
