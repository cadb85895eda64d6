#pragma once

#include <QCollator>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace trestle {

// Sorts a StoreModel by any column with folders always first (in both directions, like every
// file manager), names in natural order ("Sheet 2" before "Sheet 10"), and filters rows by a
// name pattern: plain text matches anywhere, '*' and '?' are wildcards; case is ignored.
class StoreSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSortProxy)

public:
    explicit StoreSortProxy(QObject *parent = nullptr);
    ~StoreSortProxy() override;

    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_nameFilter; }

protected:
    // Both read the StoreModel's rows directly (no QVariant per row or comparison): sorting or
    // filtering 10,000 rows through data() took over half a second.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QCollator m_collator; // for a source model other than StoreModel
    QString m_nameFilter;
    QRegularExpression m_filter; // empty pattern: every row
    QString m_plainFilter; // the text without wildcards, when it has none
};

} // namespace trestle
