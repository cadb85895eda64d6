#pragma once

#include <QUrl>
#include <QWidget>

#include <functional>

class QAbstractItemView;
class QAction;
class QMenu;
class QModelIndex;
class QToolBar;
class QTreeView;

namespace trestle {

class ConflictsDialog;
class JobQueue;
class JobQueueModel;
class StoreResolver;

// The job queue as the window shows it (in a dock): the jobs and their items in a tree, and a
// toolbar to pause, resume, cancel, retry the failed items, open the report and clear the
// finished jobs. The actions follow the selected job's state; the same actions are in the
// context menu, which also offers "Resolve conflicts…" for a job whose items wait for the user's
// decision (the "ask" conflicts policy).
class JobQueuePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobQueuePanel)

public:
    explicit JobQueuePanel(JobQueue *queue, QWidget *parent = nullptr);
    ~JobQueuePanel() override;

    void setDisplayNames(std::function<QString(const QString &connection)> displayName);
    QAbstractItemView *view() const;
    JobQueueModel *model() const { return m_model; }
    // How a report is shown (default QDesktopServices::openUrl); tests replace it.
    void setReportOpener(std::function<void(const QUrl &report)> opener);
    // Where the conflicts dialog looks up the destination's side (the window's connections).
    void setStoreResolver(StoreResolver *resolver) { m_resolver = resolver; }

    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *retryAction() const { return m_retry; }
    QAction *reportAction() const { return m_report; }
    QAction *clearAction() const { return m_clear; }
    QAction *startAction() const { return m_start; }
    QAction *resolveConflictsAction() const { return m_resolveConflicts; }
    // Opens the list of the job's items waiting for a decision (ConflictsDialog, not modal).
    ConflictsDialog *resolveConflicts(qint64 jobId);

    qint64 selectedJobId() const;
    void selectJob(qint64 jobId);
    // The words the empty list shows (how to start a transfer); not shown while there are jobs.
    QString placeholderText() const;

private:
    void sizeColumns();
    void updateActions();
    void openReport();
    void showContextMenu(const QPoint &position);

    JobQueue *m_queue;
    JobQueueModel *m_model;
    QToolBar *m_toolBar;
    QTreeView *m_view;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_cancel;
    QAction *m_retry;
    QAction *m_report;
    QAction *m_clear;
    QAction *m_start; // a planned job (a preview restored after a restart)
    QAction *m_resolveConflicts; // in the context menu of a job with waiting decisions
    StoreResolver *m_resolver = nullptr;
    std::function<void(const QUrl &)> m_openReport;
};

} // namespace trestle
