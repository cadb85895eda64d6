#pragma once

#include <QCollator>
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
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
    QString m_nameFilter;
};

} // namespace trestle
