#include "ui/jobs/jobqueuepanel.h"

#include "core/jobs/jobqueue.h"
#include "ui/jobs/conflictsdialog.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/progressbardelegate.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
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

// The tree, which says how to start a transfer while it is empty (as a file manager's empty folder
// does). Painted, not a child label: the viewport's size changes without the label hearing of it.
class JobQueueView final : public QTreeView
{
public:
    explicit JobQueueView(QWidget *parent)
        : QTreeView(parent)
        , m_placeholder(
              JobQueuePanel::tr("No transfers yet. Drag files or folders from one pane to the other."))
    { }

    QString placeholder() const { return m_placeholder; }

protected:
    // The model adds one page of a job's items per pass of the event loop. A scroll that reaches
    // the end in a pass that already added one (the scroll bar then stays at the end, and QTreeView
    // asks only when it moves) gets its page in the next pass.
    void verticalScrollbarValueChanged(int value) override
    {
        QTreeView::verticalScrollbarValueChanged(value);
        if (value == verticalScrollBar()->maximum() && !m_fetchAtEndQueued) {
            m_fetchAtEndQueued = true;
            QTimer::singleShot(0, this, [this] {
                m_fetchAtEndQueued = false;
                if (verticalScrollBar()->value() == verticalScrollBar()->maximum())
                    fetchAtEnd();
            });
        }
    }

    void paintEvent(QPaintEvent *event) override
    {
        QTreeView::paintEvent(event);
        if (!model() || model()->rowCount() > 0)
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const int margin = fontMetrics().height();
        painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                         Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    }

private:
    // As QTreeView does at the end: the nearest expanded row above the last row shown that has more.
    void fetchAtEnd()
    {
        if (!model() || model()->rowCount() == 0)
            return;
        QModelIndex last = model()->index(model()->rowCount() - 1, 0);
        while (isExpanded(last) && model()->rowCount(last) > 0)
            last = model()->index(model()->rowCount(last) - 1, 0, last);
        for (QModelIndex row = last; row.isValid(); row = row.parent()) {
            if (isExpanded(row) && model()->canFetchMore(row)) {
                model()->fetchMore(row);
                return;
            }
        }
    }

    const QString m_placeholder;
    bool m_fetchAtEndQueued = false;
};

} // namespace

JobQueuePanel::JobQueuePanel(JobQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(new JobQueueModel(queue, this))
    , m_toolBar(new QToolBar(this))
    , m_view(new JobQueueView(this))
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
    , m_resolveConflicts(makeAction(this, QStyle::SP_MessageBoxQuestion, tr("Resolve conflicts…"),
                                    tr("Decide what becomes of the files that exist on both sides")))
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
    sizeColumns();

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
    connect(m_resolveConflicts, &QAction::triggered, this, [this] { resolveConflicts(selectedJobId()); });
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

// Widths from the words the model shows, in the user's language and font, so that the longest
// size ("999.9 MB / 999.9 GB"), speed and "Waiting for API budget until 10:55 PM" fit uncut.
void JobQueuePanel::sizeColumns()
{
    QHeaderView *header = m_view->header();
    const QFontMetrics metrics = m_view->fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    // A cell's text has a margin on each side; an icon beside it has its own.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    const int padding = 2 * margin + em / 2;
    const auto fit = [&](const QString &widest, int atLeastEm) {
        return qMax(metrics.horizontalAdvance(widest) + padding, em * atLeastEm);
    };
    JobRecord waiting;
    waiting.state = JobState::Waiting;
    EngineProgress held;
    held.waitingUntil = QDateTime(QDate(2026, 12, 31), QTime(22, 55));
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 2 * margin;
    // A failed item's reason needs room for a file name and a few words ("Failed: “Level 1/A-101.pdf”
    // does not exist."); longer ones keep both ends (middle elision) and show whole in the tooltip.
    header->resizeSection(JobQueueModel::StateColumn,
                          fit(JobQueueModel::stateText(waiting, held), 34) + icon);
    header->resizeSection(JobQueueModel::ProgressColumn, em * 9);
    header->resizeSection(
        JobQueueModel::ItemsColumn,
        fit(QStringLiteral("%1 / %2").arg(QLocale().toString(9999), QLocale().toString(9999)), 7));
    header->resizeSection(JobQueueModel::BytesColumn,
                          fit(QStringLiteral("%1 / %2").arg(JobQueueModel::bytesText(999'900'000),
                                                            JobQueueModel::bytesText(999'900'000'000)),
                              10));
    header->resizeSection(JobQueueModel::SpeedColumn,
                          fit(QStringLiteral("%1/s").arg(JobQueueModel::bytesText(999'900'000)), 7));
    header->resizeSection(JobQueueModel::EtaColumn, fit(JobQueueModel::durationText(59 * 60), 6));
    header->resizeSection(
        JobQueueModel::ApiCallsColumn,
        fit(m_model->headerData(JobQueueModel::ApiCallsColumn, Qt::Horizontal).toString(), 6));
    header->setMinimumSectionSize(em * 3);
}

void JobQueuePanel::setDisplayNames(std::function<QString(const QString &)> displayName)
{
    m_model->setDisplayNames(std::move(displayName));
}

QAbstractItemView *JobQueuePanel::view() const
{
    return m_view;
}

QString JobQueuePanel::placeholderText() const
{
    return static_cast<JobQueueView *>(m_view)->placeholder();
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
    // Read only here (not on every change of the queue): it looks at the job's items.
    const qint64 jobId = selectedJobId();
    const Result<QVector<JobItem>> waiting =
        jobId > 0 ? m_queue->awaitingDecisions(jobId) : Result<QVector<JobItem>>(QVector<JobItem>());
    if (waiting.ok() && !waiting.value().isEmpty()) {
        const int count = int(waiting.value().size());
        // English has no catalogue: the singular is its own string.
        m_resolveConflicts->setText(count == 1 ? tr("Resolve 1 conflict…")
                                               : tr("Resolve %n conflicts…", nullptr, count));
        menu->addAction(m_resolveConflicts);
        menu->setDefaultAction(m_resolveConflicts);
        menu->addSeparator();
    }
    menu->addActions({m_pause, m_resume, m_cancel, m_retry});
    menu->addSeparator();
    menu->addActions({m_report, m_clear});
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

ConflictsDialog *JobQueuePanel::resolveConflicts(qint64 jobId)
{
    if (jobId <= 0 || !m_queue->contains(jobId))
        return nullptr;
    auto *dialog = new ConflictsDialog(m_queue, m_resolver, jobId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictsDialog::applied, this, [this](qint64, const Error &error) {
        if (!error)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Resolve conflicts"), error.message(),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
    return dialog;
}

} // namespace trestle
