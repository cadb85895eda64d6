#pragma once

#include "core/store/entry.h"
#include "core/store/storepath.h"
#include "ui/browser/filetypes.h"
#include "ui/browser/transferrequest.h"

#include <QAbstractItemModel>
#include <QCollator>
#include <QCollatorSortKey>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QVector>

namespace trestle {

class ListJob;
class Store;
class StoreJob;

// The children of ONE folder of a Store, as a flat list model (the pane navigates; it does not
// unfold a tree). Lazy: nothing is listed until the view (or the pane) calls fetchMore(). The
// listing arrives in one reply, but rows are inserted in slices of SliceSize, the first alone in
// its event-loop turn and the others a few per turn (SliceBudgetMs), so a 10,000-item folder shows
// its first rows at once and never blocks painting or input.
//
// Renames typed into the Name column are not applied to the row: renameRequested() asks the pane
// to do it through the store, and the folder is listed again once the store agreed.
class StoreModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreModel)

public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, TypeColumn, VersionsColumn };
    enum Role {
        SortRole = Qt::UserRole + 1, // a value to sort by (name, bytes, date, type, versions)
        PathRole, // store-relative path as a QString
        IsFolderRole,
        SizeRole, // bytes, -1 for folders
    };
    static constexpr int SliceSize = 500;
    // After the first slice, slices are inserted in one event-loop turn until this many ms passed.
    static constexpr int SliceBudgetMs = 6;
    // Rows of a folder left are freed on the thread pool from this many.
    static constexpr int DropOffThreadRows = 1000;

    explicit StoreModel(QObject *parent = nullptr);
    ~StoreModel() override;

    // Not owned; null = nothing to show. Resets to the store's root (not listed yet).
    void setStore(Store *store, const QString &connectionId, const QString &localRoot = {});
    Store *store() const { return m_store; }
    QString connectionId() const { return m_connectionId; }
    // Shows `folder` (not listed until fetchMore()).
    void setFolder(const StorePath &folder);
    StorePath folder() const { return m_folder; }
    // Lists the current folder again.
    void reload();
    bool isLoading() const;
    bool isComplete() const; // listed and every row inserted

    const Entry &entry(int row) const { return m_entries.at(row); }
    // For the sort proxy, without a QVariant per comparison (a 10,000-row sort compares ~140,000
    // times): names in natural order ("Sheet 2" before "Sheet 10"), case ignored, by collation
    // keys made once per row; types by their description. <0, 0, >0 like QCollator::compare().
    int compareNames(int leftRow, int rightRow) const;
    // A size as the pane shows it (QLocale's short form, "1 byte" in the singular).
    static QString sizeText(qint64 bytes);
    int compareTypes(int leftRow, int rightRow) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // The listing of the current folder failed: Error::message(), for the user.
    void listFailed(const QString &message);
    // Every row of the current folder is in the model.
    void folderLoaded();
    void renameRequested(const QString &path, const QString &newName);
    // A drop onto the current folder or one of its folder rows.
    void transfersDropped(const QVector<trestle::TransferRequest> &requests);

private:
    void startListing();
    void onListFinished(StoreJob *job);
    void insertNextSlice(); // one event-loop turn's slices
    void insertSlice();
    void abortListing();
    void dropRows(); // between beginResetModel() and endResetModel()
    bool dropFolder(int row, const QModelIndex &parent, QString *folder) const;
    QVariant displayData(const Entry &entry, int column) const;
    QVariant sortData(const Entry &entry, int column) const;

    Store *m_store = nullptr;
    QString m_connectionId;
    QString m_localRoot;
    StorePath m_folder;
    QList<Entry> m_entries; // the rows
    QList<QCollatorSortKey> m_nameKeys; // one per row
    QList<Entry> m_pending; // listed, not inserted yet
    qsizetype m_pendingNext = 0;
    QPointer<ListJob> m_job;
    bool m_requested = false;
    bool m_showVersions = false;
    QTimer m_sliceTimer;
    mutable FileTypes m_types;
    QCollator m_collator;
    mutable QHash<QString, QCollatorSortKey> m_typeKeys; // by type description
};

} // namespace trestle
