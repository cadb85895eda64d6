#pragma once

#include "core/db/journaltypes.h"
#include "core/transfer/plansummary.h"

#include <QDialog>
#include <QVector>

class QFormLayout;
class QTreeWidget;

namespace trestle {

// A dry run's plan before anything moves: the counts (folders to create, new, replaced, deleted,
// unchanged, skipped), the bytes, the API calls and the time they take at the budget, and every
// skip and rename with its reason. Start accepts the dialog, Discard rejects it.
class PlanPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanPreviewDialog)

public:
    // `renames`: the plan's items whose name was mapped for the destination.
    PlanPreviewDialog(const QString &title, const PlanSummary &summary, const QVector<JobItem> &renames,
                      QWidget *parent = nullptr);
    ~PlanPreviewDialog() override;

    // The value shown for a count (objectName "count-<key>"), for tests: key is one of folders,
    // new, replaced, deletes, unchanged, skipped, bytes, calls, time.
    QString shownValue(const QString &key) const;
    int listedCount() const; // rows in the skips-and-renames list

private:
    void addCount(QFormLayout *form, const QString &key, const QString &label, const QString &value);

    QTreeWidget *m_list = nullptr;
};

} // namespace trestle
