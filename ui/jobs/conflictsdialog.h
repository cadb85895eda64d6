#pragma once

#include "core/db/conflictdecisions.h"
#include "core/db/journaltypes.h"

#include <QDialog>
#include <QPointer>
#include <QVector>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace trestle {

class JobQueue;
class StatJob;
class Store;
class StoreJob;
class StoreResolver;

// The "ask" conflicts policy's list: every item of a finished job that waits for the user's
// decision, with the source's size and modification time beside the destination's (looked up
// through the store while the dialog is open), a choice per item and one for all. Apply records
// the decisions and lets the job go on (JobQueue::resolveConflicts); items left at "Decide later"
// keep waiting.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsDialog)

public:
    // The choices of a row, in the order of its combo box (some are not offered for every job).
    enum class Choice { Later, Overwrite, Skip, CopyBack, KeepBoth };

    static constexpr int kMaxRows = 1000; // more wait for the next round (said in the dialog)

    // `resolver` may be null: the destination's side then shows as unknown.
    ConflictsDialog(JobQueue *queue, StoreResolver *resolver, qint64 jobId, QWidget *parent = nullptr);
    ~ConflictsDialog() override;

    qint64 jobId() const { return m_jobId; }
    int rowCount() const;
    QTreeWidget *list() const { return m_list; }
    QComboBox *choiceBox(int row) const;
    QComboBox *allBox() const { return m_all; }
    QPushButton *applyButton() const { return m_apply; }
    // The choice row `row` maps to (none: decide later).
    std::optional<ConflictDecisions::Decision> decisionAt(int row) const;
    // Destination cells filled in (or given up on); tests wait for it before looking.
    int destinationsKnown() const { return m_known; }

Q_SIGNALS:
    // The decisions were recorded (the job runs what they copy); error says which could not be.
    void applied(qint64 jobId, const trestle::Error &error);

private:
    void fill(const QVector<JobItem> &items);
    QComboBox *makeChoiceBox();
    void lookUpNext(); // one at a time (see m_toLookUp)
    void destinationFound(int row, StoreJob *job);
    void apply();

    JobQueue *m_queue;
    StoreResolver *m_resolver;
    const qint64 m_jobId;
    bool m_procoreDestination = false;
    bool m_twoWay = false;
    QString m_sourceRoot; // the job's source folder: rows show paths below it
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_all = nullptr;
    QPushButton *m_apply = nullptr;
    QVector<qint64> m_itemIds; // per row
    std::unique_ptr<Store> m_destination;
    // Destination paths still to look up, by row. One at a time: the first fills the store's cache
    // of the folder, the rest are answered from it (at once they would each list the folder, an
    // API call each on Procore).
    QVector<QString> m_toLookUp;
    int m_nextLookUp = 0;
    QPointer<StatJob> m_lookUp;
    int m_known = 0;
};

} // namespace trestle
