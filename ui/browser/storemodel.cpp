#include "ui/browser/storemodel.h"

#include "core/store/localstore.h"
#include "core/store/store.h"
#include "ui/browser/droprules.h"
#include "ui/browser/itemdrag.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QMimeData>
#include <QPalette>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <utility>

namespace trestle {

StoreModel::StoreModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &StoreModel::insertNextSlice);
}

StoreModel::~StoreModel()
{
    abortListing();
}

void StoreModel::setStore(Store *store, const QString &connectionId, const QString &localRoot)
{
    beginResetModel();
    abortListing();
    m_store = store;
    m_connectionId = connectionId;
    m_localRoot = localRoot;
    m_showVersions = store && store->limits().keepsVersions;
    m_folder = StorePath::root();
    dropRows();
    m_requested = false;
    endResetModel();
}

void StoreModel::setFolder(const StorePath &folder)
{
    beginResetModel();
    abortListing();
    m_folder = folder;
    dropRows();
    m_requested = false;
    endResetModel();
}

void StoreModel::dropRows()
{
    // Freeing 10,000 entries (a dozen strings each) and their sort keys is a few ms of the GUI
    // thread at a refresh: a big folder's rows are freed on the pool (nothing else holds them but
    // the store's cache, whose strings are shared with atomic counts).
    if (m_entries.size() < DropOffThreadRows) {
        m_entries.clear();
        m_nameKeys.clear();
        return;
    }
    QThreadPool::globalInstance()->start(
        [entries = std::exchange(m_entries, {}), keys = std::exchange(m_nameKeys, {})]() mutable {
            entries.clear();
            keys.clear();
        });
}

void StoreModel::reload()
{
    setFolder(m_folder);
    fetchMore({});
}

bool StoreModel::isLoading() const
{
    return m_job || m_sliceTimer.isActive();
}

bool StoreModel::isComplete() const
{
    return m_requested && !isLoading();
}

void StoreModel::abortListing()
{
    const bool wasLoading = isLoading();
    m_sliceTimer.stop();
    m_pending.clear();
    m_pendingNext = 0;
    if (m_job) {
        ListJob *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->kill();
    }
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

QModelIndex StoreModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_entries.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex StoreModel::parent(const QModelIndex &) const
{
    return {};
}

int StoreModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int StoreModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showVersions ? VersionsColumn + 1 : TypeColumn + 1;
}

QVariant StoreModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, column);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(entry.name) : displayData(entry, column);
    case Qt::ToolTipRole:
        if (column != NameColumn)
            return {};
        return entry.note.isEmpty() ? entry.name : tr("%1\n%2").arg(entry.name, entry.note);
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        return entry.isFolder() ? m_types.folderIcon() : m_types.fileIcon(entry.name);
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == VersionsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (entry.kind == Entry::Kind::Other)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
        return sortData(entry, column);
    case PathRole:
        return entry.path.toString();
    case IsFolderRole:
        return entry.isFolder();
    case SizeRole:
        return entry.size;
    default:
        return {};
    }
}

QVariant StoreModel::displayData(const Entry &entry, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return entry.name;
    case SizeColumn:
        return entry.isFile() && entry.size >= 0 ? sizeText(entry.size) : QString();
    case ModifiedColumn: {
        if (!entry.modified.isValid())
            return QString();
        // Minutes are enough in a list (some locales' short format carries seconds).
        static const QString timeFormat =
            QLocale().timeFormat(QLocale::ShortFormat).remove(QStringLiteral(":ss"));
        const QDateTime local = entry.modified.toLocalTime();
        return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + locale.toString(local.time(), timeFormat);
    }
    case TypeColumn:
        if (entry.kind == Entry::Kind::Other)
            return tr("Unusable item");
        return entry.isFolder() ? FileTypes::folderDescription() : m_types.description(entry.name);
    case VersionsColumn:
        return entry.isFile() && entry.versionCount > 0 ? locale.toString(entry.versionCount) : QString();
    default:
        return {};
    }
}

QVariant StoreModel::sortData(const Entry &entry, int column) const
{
    switch (column) {
    case SizeColumn:
        return entry.size;
    case ModifiedColumn:
        return entry.modified;
    case TypeColumn:
        return displayData(entry, column);
    case VersionsColumn:
        return entry.versionCount;
    default:
        return entry.name;
    }
}

QString StoreModel::sizeText(qint64 bytes)
{
    if (bytes == 1)
        return tr("1 byte"); // QLocale::formattedDataSize() has no singular: "1 bytes"
    return QLocale().formattedDataSize(bytes, 1);
}

int StoreModel::compareNames(int leftRow, int rightRow) const
{
    return m_nameKeys.at(leftRow).compare(m_nameKeys.at(rightRow));
}

int StoreModel::compareTypes(int leftRow, int rightRow) const
{
    const auto keyOf = [this](int row) -> const QCollatorSortKey & {
        const QString type = displayData(m_entries.at(row), TypeColumn).toString();
        auto found = m_typeKeys.find(type);
        if (found == m_typeKeys.end())
            found = m_typeKeys.insert(type, m_collator.sortKey(type.toCaseFolded()));
        return *found;
    };
    return keyOf(leftRow).compare(keyOf(rightRow));
}

bool StoreModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Entry &entry = m_entries.at(index.row());
    const QString newName = value.toString();
    if (newName.isEmpty() || newName == entry.name)
        return false;
    // The row keeps the old name until the store has renamed the item (the pane lists again).
    Q_EMIT renameRequested(entry.path.toString(), newName);
    return false;
}

QVariant StoreModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == SizeColumn || section == VersionsColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case TypeColumn:
        return tr("Type");
    case VersionsColumn:
        return tr("Versions");
    default:
        return {};
    }
}

Qt::ItemFlags StoreModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_store ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    const Entry &entry = m_entries.at(index.row());
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (entry.kind == Entry::Kind::Other)
        return flags;
    flags |= Qt::ItemIsDragEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    if (entry.isFolder())
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

bool StoreModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && !m_requested;
}

void StoreModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startListing();
}

void StoreModel::startListing()
{
    m_requested = true;
    m_job = m_store->list(m_folder);
    connect(m_job, &StoreJob::finished, this, &StoreModel::onListFinished);
    m_job->start();
    Q_EMIT loadingChanged(true);
}

void StoreModel::onListFinished(StoreJob *job)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    if (job->error()) {
        Q_EMIT loadingChanged(false);
        Q_EMIT listFailed(job->error().message());
        return;
    }
    // Folders first in the store's order, so the first slice already shows the folders. Most
    // stores list them first already: then the list is shared, not copied (a 10,000-entry copy
    // on the GUI thread is a stall of its own).
    m_pending = static_cast<ListJob *>(job)->entries();
    const auto isFolder = [](const Entry &e) {
        return e.isFolder();
    };
    if (!std::is_partitioned(m_pending.cbegin(), m_pending.cend(), isFolder))
        std::stable_partition(m_pending.begin(), m_pending.end(), isFolder);
    m_pendingNext = 0;
    insertNextSlice();
}

void StoreModel::insertNextSlice()
{
    // The first slice alone, so the first rows are painted at once; after it, slices until the
    // turn's budget is spent. Each turn ends in a repaint of the view (the rows in sight, their
    // text laid out again: a few ms for a full pane), so 20 turns of one slice cost the GUI thread
    // more than the inserts themselves (bench_browser, a 10,000-item folder).
    const bool first = m_pendingNext == 0;
    QElapsedTimer turn;
    turn.start();
    do {
        insertSlice();
    } while (!first && m_pendingNext < m_pending.size() && turn.elapsed() < SliceBudgetMs);
    if (m_pendingNext < m_pending.size()) {
        m_sliceTimer.start();
        return;
    }
    m_pending.clear();
    m_pendingNext = 0;
    Q_EMIT loadingChanged(false);
    Q_EMIT folderLoaded();
}

void StoreModel::insertSlice()
{
    const qsizetype count = qMin<qsizetype>(SliceSize, m_pending.size() - m_pendingNext);
    if (count <= 0)
        return;
    const int first = int(m_entries.size());
    // The keys first: the sort proxy compares the new rows while they are inserted. Case
    // folded here: QCollator::sortKey() ignores the case setting where Qt has no ICU (POSIX).
    for (qsizetype i = 0; i < count; ++i)
        m_nameKeys.append(m_collator.sortKey(m_pending.at(m_pendingNext + i).name.toCaseFolded()));
    beginInsertRows({}, first, first + int(count) - 1);
    for (qsizetype i = 0; i < count; ++i)
        m_entries.append(m_pending.at(m_pendingNext + i));
    m_pendingNext += count;
    endInsertRows();
}

QStringList StoreModel::mimeTypes() const
{
    return {ItemDrag::mimeType(), QStringLiteral("text/uri-list")};
}

QMimeData *StoreModel::mimeData(const QModelIndexList &indexes) const
{
    ItemDrag drag;
    drag.connectionId = m_connectionId;
    drag.sourceFolder = m_folder.toString();
    QSet<int> rows;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || rows.contains(index.row()))
            continue;
        rows.insert(index.row());
        const Entry &entry = m_entries.at(index.row());
        if (entry.kind != Entry::Kind::Other)
            drag.paths.append(entry.path.toString());
    }
    if (drag.paths.isEmpty() || m_connectionId.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    drag.writeTo(data, m_localRoot);
    return data;
}

Qt::DropActions StoreModel::supportedDragActions() const
{
    // Copy only: a Move would make the view remove the dragged rows itself after the drop, while
    // what happens to the source is the job's business (a migrate), not the view's.
    return Qt::CopyAction;
}

Qt::DropActions StoreModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

bool StoreModel::dropFolder(int row, const QModelIndex &parent, QString *folder) const
{
    // The view runs in overwrite mode: a drop lands on a folder row (parent = that row) or on the
    // empty space (no parent, row -1). A row number without a parent is what the view reports for
    // a row that takes no drops, a file: no folder at all.
    if (!m_store)
        return false;
    if (!parent.isValid()) {
        *folder = m_folder.toString();
        return row < 0;
    }
    const Entry &entry = m_entries.at(parent.row());
    *folder = entry.path.toString();
    return entry.isFolder();
}

bool StoreModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                 const QModelIndex &parent) const
{
    QString folder;
    if (!dropFolder(row, parent, &folder))
        return false; // no store, or onto a file
    return DropRules::canDrop(data, m_connectionId, folder);
}

bool StoreModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                              const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QString folder;
    dropFolder(row, parent, &folder);
    const QVector<TransferRequest> requests = DropRules::requestsFor(data, m_connectionId, folder);
    Q_EMIT transfersDropped(requests);
    // Taken: the job queue does the work. Drags from a pane offer CopyAction only, so no view
    // removes the dragged rows afterwards.
    return true;
}

} // namespace trestle
