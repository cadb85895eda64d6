#pragma once

#include <QStyledItemDelegate>

namespace trestle {

// Paints a job's progress (JobQueueModel::ProgressRole, 0..100; -1 or none: plain text) as the
// style's progress bar, so it matches the platform and the palette.
class ProgressBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressBarDelegate)

public:
    explicit ProgressBarDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace trestle
