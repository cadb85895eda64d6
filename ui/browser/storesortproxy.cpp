#include "ui/browser/storesortproxy.h"

#include "ui/browser/storemodel.h"

#include <QDateTime>
#include <QRegularExpression>

namespace trestle {

StoreSortProxy::StoreSortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(StoreModel::SortRole);
    setFilterKeyColumn(StoreModel::NameColumn);
    setFilterRole(Qt::DisplayRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

StoreSortProxy::~StoreSortProxy() = default;

void StoreSortProxy::setNameFilter(const QString &text)
{
    m_nameFilter = text;
    const QString trimmed = text.trimmed();
    QString pattern;
    m_plainFilter.clear();
    if (trimmed.contains(QLatin1Char('*')) || trimmed.contains(QLatin1Char('?'))) {
        pattern = QRegularExpression::wildcardToRegularExpression(
            trimmed, QRegularExpression::UnanchoredWildcardConversion);
    } else {
        pattern = QRegularExpression::escape(trimmed);
        // Plain text is looked for without the expression: a match per row of a 10,000-row
        // folder at each key typed was most of the filter's time (bench_browser).
        m_plainFilter = trimmed;
    }
    m_filter = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
    m_filter.optimize();
    setFilterRegularExpression(m_filter); // re-filters
}

bool StoreSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const StoreModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (m_filter.pattern().isEmpty())
        return true;
    const QString &name = model->entry(sourceRow).name;
    if (!m_plainFilter.isEmpty())
        return name.contains(m_plainFilter, Qt::CaseInsensitive);
    return m_filter.match(name).hasMatch();
}

bool StoreSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *model = qobject_cast<const StoreModel *>(sourceModel())) {
        const Entry &a = model->entry(left.row());
        const Entry &b = model->entry(right.row());
        if (a.isFolder() != b.isFolder()) // folders first in both directions (see below)
            return a.isFolder() != (sortOrder() == Qt::DescendingOrder);
        switch (left.column()) {
        case StoreModel::SizeColumn:
            if (a.size != b.size)
                return a.size < b.size;
            break;
        case StoreModel::VersionsColumn:
            if (a.versionCount != b.versionCount)
                return a.versionCount < b.versionCount;
            break;
        case StoreModel::ModifiedColumn:
            if (a.modified != b.modified)
                return a.modified < b.modified;
            break;
        case StoreModel::TypeColumn:
            if (const int byType = model->compareTypes(left.row(), right.row()))
                return byType < 0;
            break;
        default:
            break;
        }
        const int byName = model->compareNames(left.row(), right.row());
        return byName != 0 ? byName < 0 : a.name < b.name;
    }

    const bool leftFolder = left.data(StoreModel::IsFolderRole).toBool();
    const bool rightFolder = right.data(StoreModel::IsFolderRole).toBool();
    if (leftFolder != rightFolder) {
        // The proxy asks lessThan(right, left) when sorting descending; answer so that folders
        // still come first.
        return leftFolder != (sortOrder() == Qt::DescendingOrder);
    }
    const QString leftName =
        left.siblingAtColumn(StoreModel::NameColumn).data(StoreModel::SortRole).toString();
    const QString rightName =
        right.siblingAtColumn(StoreModel::NameColumn).data(StoreModel::SortRole).toString();
    const QVariant leftValue = left.data(StoreModel::SortRole);
    const QVariant rightValue = right.data(StoreModel::SortRole);
    switch (left.column()) {
    case StoreModel::SizeColumn:
    case StoreModel::VersionsColumn:
        if (leftValue.toLongLong() != rightValue.toLongLong())
            return leftValue.toLongLong() < rightValue.toLongLong();
        break;
    case StoreModel::ModifiedColumn:
        if (leftValue.toDateTime() != rightValue.toDateTime())
            return leftValue.toDateTime() < rightValue.toDateTime();
        break;
    case StoreModel::TypeColumn: {
        const int byType = m_collator.compare(leftValue.toString(), rightValue.toString());
        if (byType != 0)
            return byType < 0;
        break;
    }
    default:
        break;
    }
    const int byName = m_collator.compare(leftName, rightName);
    return byName != 0 ? byName < 0 : leftName < rightName;
}

} // namespace trestle
