#include "ui/jobs/jobqueuepanel.h"

#include "core/jobs/jobqueue.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/progressbardelegate.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace trestle {

namespace {

QAction *makeAction(QWidget *owner, QStyle::StandardPixmap icon, const QString &text, const QString &tip)
{
    auto *action = new QAction(owner->style()->standardIcon(icon), text, owner);
    action->setToolTip(tip);
    return action;
}

} // namespace

JobQueuePanel::JobQueuePanel(JobQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(new JobQueueModel(queue, this))
    , m_toolBar(new QToolBar(this))
    , m_view(new QTreeView(this))
    , m_pause(makeAction(this, QStyle::SP_MediaPause, tr("Pause"), tr("Pause the selected job")))
    , m_resume(makeAction(this, QStyle::SP_MediaPlay, tr("Resume"), tr("Resume the selected job")))
    , m_cancel(makeAction(this, QStyle::SP_MediaStop, tr("Cancel"), tr("Cancel the selected job")))
    , m_retry(makeAction(this, QStyle::SP_BrowserReload, tr("Retry failed"),
                         tr("Try the failed items of the selected job again")))
    , m_report(makeAction(this, QStyle::SP_FileDialogDetailedView, tr("Open report"),
                          tr("Open the selected job's report (every item and what became of it)")))
    , m_clear(makeAction(this, QStyle::SP_DialogResetButton, tr("Clear finished"),
                         tr("Remove every finished job from the list")))
    , m_start(makeAction(this, QStyle::SP_MediaPlay, tr("Start"), tr("Start the planned job")))
    , m_openReport([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("jobQueuePanel"));
    m_toolBar->setObjectName(QStringLiteral("jobQueueToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addActions({m_pause, m_resume, m_cancel, m_retry});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_report, m_clear});

    m_view->setObjectName(QStringLiteral("jobQueueView"));
    m_view->setModel(m_model);
    // Every row the same height: the view can lay out 100,000 item rows without asking each.
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    // Paths and reasons keep both ends: "Failed: “Level 1/…” does not exist."
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(JobQueueModel::ProgressColumn, new ProgressBarDelegate(m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobQueueModel::NameColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // Wide enough for "Waiting for API budget until 14:05" and a failed item's reason.
    header->resizeSection(JobQueueModel::StateColumn, em * 24);
    header->resizeSection(JobQueueModel::ProgressColumn, em * 8);
    header->resizeSection(JobQueueModel::ItemsColumn, em * 8);
    header->resizeSection(JobQueueModel::BytesColumn, em * 10);
    header->resizeSection(JobQueueModel::SpeedColumn, em * 7);
    header->resizeSection(JobQueueModel::EtaColumn, em * 6);
    header->resizeSection(JobQueueModel::ApiCallsColumn, em * 6);
    header->setMinimumSectionSize(em * 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);

    connect(m_pause, &QAction::triggered, this, [this] { m_queue->pause(selectedJobId()); });
    connect(m_resume, &QAction::triggered, this, [this] { m_queue->resume(selectedJobId()); });
    connect(m_cancel, &QAction::triggered, this, [this] { m_queue->cancel(selectedJobId()); });
    connect(m_retry, &QAction::triggered, this, [this] { m_queue->retryFailed(selectedJobId()); });
    connect(m_start, &QAction::triggered, this, [this] { m_queue->startPlanned(selectedJobId()); });
    connect(m_report, &QAction::triggered, this, &JobQueuePanel::openReport);
    connect(m_clear, &QAction::triggered, this, [this] { m_queue->clearFinished(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &JobQueuePanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobQueuePanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobQueuePanel::updateActions);
    // The model coalesces its updates; the buttons follow a job's state the moment it changes, so
    // Pause is there as soon as a job runs.
    connect(m_queue, &JobQueue::jobChanged, this, &JobQueuePanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobQueuePanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobQueuePanel::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, &JobQueuePanel::showContextMenu);
    updateActions();
}

JobQueuePanel::~JobQueuePanel() = default;

void JobQueuePanel::setDisplayNames(std::function<QString(const QString &)> displayName)
{
    m_model->setDisplayNames(std::move(displayName));
}

QAbstractItemView *JobQueuePanel::view() const
{
    return m_view;
}

void JobQueuePanel::setReportOpener(std::function<void(const QUrl &)> opener)
{
    m_openReport = std::move(opener);
}

qint64 JobQueuePanel::selectedJobId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return m_model->jobIdAt(rows.constFirst());
    return m_model->jobIdAt(m_view->currentIndex());
}

void JobQueuePanel::selectJob(qint64 jobId)
{
    const QModelIndex index = m_model->indexOfJob(jobId);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void JobQueuePanel::updateActions()
{
    const qint64 jobId = selectedJobId();
    const bool known = jobId > 0 && m_queue->contains(jobId);
    const JobRecord job = known ? m_queue->job(jobId) : JobRecord();
    const JobState state = job.state;
    m_pause->setEnabled(known && (state == JobState::Running || state == JobState::Waiting));
    m_resume->setEnabled(known && state == JobState::Paused);
    m_cancel->setEnabled(known && !isFinished(state));
    m_retry->setEnabled(known && (state == JobState::Failed || state == JobState::Cancelled)
                        && job.itemsTotal > job.itemsDone + job.itemsSkipped);
    m_report->setEnabled(known && job.itemsTotal > 0 && state != JobState::Planning
                         && state != JobState::Queued);
    m_start->setEnabled(known && state == JobState::Planned);
    bool anyFinished = false;
    for (const JobRecord &record : m_queue->jobs()) {
        if (isFinished(record.state)) {
            anyFinished = true;
            break;
        }
    }
    m_clear->setEnabled(anyFinished);
}

void JobQueuePanel::openReport()
{
    const qint64 jobId = selectedJobId();
    if (jobId <= 0)
        return;
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/reports");
    QDir().mkpath(folder);
    const QString path = QStringLiteral("%1/job-%2.html").arg(folder).arg(jobId);
    const Status written = m_queue->exportReport(jobId, path);
    if (!written.ok()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Report"), written.error().message(),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    m_openReport(QUrl::fromLocalFile(path));
}

void JobQueuePanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    updateActions();
    // popup(), not exec(): no nested event loop while the jobs go on.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (m_start->isEnabled())
        menu->addAction(m_start);
    menu->addActions({m_pause, m_resume, m_cancel, m_retry});
    menu->addSeparator();
    menu->addActions({m_report, m_clear});
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

} // namespace trestle
