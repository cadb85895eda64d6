#include "../../core/transfer/transfertesthelpers.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/jobs/jobqueue.h"
#include "core/transfer/storeresolver.h"
#include "jobstestfixture.h"
#include "testoutput.h"
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/planpreviewdialog.h"
#include "ui/jobs/transferflow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <memory>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

class TestJobsUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void modelRowsFollowTheQueue();
    void itemsAreFetchedInPages();
    void restoredPlanIsCountedBySql();
    void failedItemShowsItsReason();
    void panelPausesAndResumes();
    void flowAsksOnceAndCopies();
    void flowPreviewCountsEqualTheFinishedJob();

private:
    void makeTree(const QString &root, int count, int maxSize, quint32 seed, const QString &prefix = {});
    JobSpec spec(const QString &source, const QString &destination) const;
    Error waitFinished(JobQueue &queue, qint64 jobId, QSignalSpy &finished);
    void save(QWidget *widget, const QString &name);
    static QString displayName(const QString &connection);
    // Clicks the toolbar button of `action`.
    static void click(JobQueuePanel &panel, QAction *action);

    std::unique_ptr<JobsTestFixture> m_fixture;
};

void TestJobsUi::init()
{
    m_fixture = std::make_unique<JobsTestFixture>();
    QVERIFY2(m_fixture->problem().isEmpty(), qPrintable(m_fixture->problem()));
}

void TestJobsUi::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
    m_fixture.reset();
}

void TestJobsUi::makeTree(const QString &root, int count, int maxSize, quint32 seed, const QString &prefix)
{
    QRandomGenerator random(seed);
    for (int i = 0; i < count; ++i) {
        const QString rel = prefix
            + QStringLiteral("Level %1/Sheet %2/A-%3.pdf")
                  .arg(i % 4)
                  .arg(i % 3)
                  .arg(i, 3, 10, QLatin1Char('0'));
        QByteArray bytes(int(random.bounded(maxSize)) + 1, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        putFile(root, rel, bytes, fixedTime(i));
    }
}

JobSpec TestJobsUi::spec(const QString &source, const QString &destination) const
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = LocalStoreResolver::connectionFor(source);
    spec.destinationConnection = LocalStoreResolver::connectionFor(destination);
    return spec;
}

Error TestJobsUi::waitFinished(JobQueue &queue, qint64 jobId, QSignalSpy &finished)
{
    for (int i = 0; i < 100; ++i) {
        for (const QList<QVariant> &args : std::as_const(finished)) {
            if (args.at(0).toLongLong() == jobId)
                return args.at(1).value<Error>();
        }
        if (!finished.wait(60000))
            break;
    }
    Q_UNUSED(queue);
    return Error(Error::Kind::Timeout, QStringLiteral("no jobFinished for job %1").arg(jobId));
}

void TestJobsUi::save(QWidget *widget, const QString &name)
{
    const qreal ratio = widget->devicePixelRatioF();
    const QString suffix = ratio > 1.5 ? QStringLiteral("-200") : QStringLiteral("-100");
    const QString path = testing::testOutputDir() + QStringLiteral("/%1%2.png").arg(name, suffix);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

QString TestJobsUi::displayName(const QString &connection)
{
    // What the window would say: the folder's name instead of the temporary path.
    const int slash = connection.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? connection : connection.mid(slash + 1);
}

void TestJobsUi::click(JobQueuePanel &panel, QAction *action)
{
    auto *toolBar = panel.findChild<QToolBar *>(QStringLiteral("jobQueueToolBar"));
    QVERIFY(toolBar);
    QWidget *button = toolBar->widgetForAction(action);
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestJobsUi::modelRowsFollowTheQueue()
{
    makeTree(m_fixture->src(), 60, 64 * 1024, 1);
    JobQueueModel model(m_fixture->queue());
    model.setDisplayNames(&TestJobsUi::displayName);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    const qint64 jobId = m_fixture->queue()->submit(spec(m_fixture->src(), m_fixture->dst()), false);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    const QString name = model.index(0, JobQueueModel::NameColumn).data().toString();
    QVERIFY2(name.contains(QStringLiteral("Copy")) && name.contains(QStringLiteral("Drawings → Site share")),
             qPrintable(name));
    QCOMPARE(model.index(0, JobQueueModel::StateColumn).data().toString(), QStringLiteral("Queued"));
    QVERIFY(!waitFinished(*m_fixture->queue(), jobId, finished));
    QTRY_COMPARE(model.index(0, JobQueueModel::StateColumn).data().toString(), QStringLiteral("Done"));
    const JobRecord done = m_fixture->queue()->job(jobId);
    QCOMPARE(model.index(0, JobQueueModel::ItemsColumn).data().toString(),
             QStringLiteral("%1 / %1").arg(done.itemsTotal));
    QCOMPARE(model.index(0, JobQueueModel::ProgressColumn).data(JobQueueModel::ProgressRole).toInt(), 100);
    // Every change was one job row (the progress of a job never repaints the others).
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (!topLeft.parent().isValid())
            QCOMPARE(topLeft.row(), bottomRight.row());
    }
    QCOMPARE(treeManifest(m_fixture->dst()), treeManifest(m_fixture->src()));

    // Removed with the job.
    m_fixture->queue()->remove(jobId);
    QCOMPARE(model.rowCount(), 0);
}

void TestJobsUi::itemsAreFetchedInPages()
{
    makeTree(m_fixture->src(), JobQueueModel::kPageSize + 100, 16, 2);
    JobQueueModel model(m_fixture->queue());
    QSignalSpy planReady(m_fixture->queue(), &JobQueue::planReady);
    const qint64 jobId = m_fixture->queue()->submit(spec(m_fixture->src(), m_fixture->dst()), true);
    QVERIFY(planReady.wait(60000));
    const QModelIndex job = model.indexOfJob(jobId);
    QVERIFY(job.isValid());
    QVERIFY(model.hasChildren(job));
    QCOMPARE(model.rowCount(job), 0); // nothing read until asked
    QVERIFY(model.canFetchMore(job));
    model.fetchMore(job);
    QCOMPARE(model.rowCount(job), JobQueueModel::kPageSize);
    // One page per pass of the event loop: asked again in the same pass, the model waits.
    QVERIFY(!model.canFetchMore(job));
    model.fetchMore(job);
    QCOMPARE(model.rowCount(job), JobQueueModel::kPageSize);
    QTRY_VERIFY(model.canFetchMore(job));
    model.fetchMore(job);
    const int total = int(m_fixture->queue()->job(jobId).itemsTotal);
    QVERIFY(total > JobQueueModel::kPageSize + 100);
    QCOMPARE(model.rowCount(job), qMin(total, 2 * JobQueueModel::kPageSize));
    QTRY_VERIFY(!model.canFetchMore(job) || model.rowCount(job) == total);
    QCOMPARE(model.rowCount(job), total);
    const QModelIndex first = model.index(0, JobQueueModel::NameColumn, job);
    QCOMPARE(model.parent(first), job);
    QCOMPARE(model.jobIdAt(first), jobId);
    QCOMPARE(model.index(0, JobQueueModel::StateColumn, job).data().toString(), QStringLiteral("Pending"));
    m_fixture->queue()->discard(jobId);
    QCOMPARE(model.rowCount(), 0);
}

// A planned job restored after a restart: its summary and the preview's renames are counted and
// picked by SQLite, and must match the journaled items one by one.
void TestJobsUi::restoredPlanIsCountedBySql()
{
    qint64 jobId = 0;
    {
        Journal journal(m_fixture->database());
        Result<qint64> created = journal.createJob(spec(m_fixture->src(), m_fixture->dst()).toRecord());
        QVERIFY(created.ok());
        jobId = created.value();
        QVector<JobItem> items;
        for (int i = 0; i < 3; ++i) {
            JobItem folder;
            folder.action = ItemAction::CreateFolder;
            folder.destinationPath = QStringLiteral("d%1").arg(i);
            items.append(folder);
        }
        for (int i = 0; i < 40; ++i) {
            JobItem file;
            file.action = i % 10 == 0 ? ItemAction::NewVersion : ItemAction::Upload;
            file.sourcePath = QStringLiteral("d%1/f%2.pdf").arg(i % 3).arg(i);
            file.destinationPath = file.sourcePath;
            file.size = 100 + i;
            if (i % 7 == 0)
                file.mappedName = QStringLiteral("f%1_.pdf").arg(i);
            items.append(file);
        }
        JobItem skipped;
        skipped.action = ItemAction::Skip;
        skipped.sourcePath = QStringLiteral("d0/old.tmp");
        skipped.reason = QStringLiteral("excluded by the filter");
        items.append(skipped);
        QVERIFY(journal.addItems(jobId, items).ok());
        QVERIFY(journal.setJobState(jobId, JobState::Planned).ok());
    }
    m_fixture->queue()->restore();
    QVERIFY(m_fixture->queue()->contains(jobId));
    const PlanSummary plan = m_fixture->queue()->plan(jobId);
    QCOMPARE(plan.foldersToCreate, qint64(3));
    QCOMPARE(plan.filesNew, qint64(36));
    QCOMPARE(plan.filesReplaced, qint64(4));
    QCOMPARE(plan.skipped, qint64(1));
    QCOMPARE(plan.bytesToCopy, qint64(40 * 100 + 39 * 40 / 2));
    QCOMPARE(plan.skips.size(), 1);
    QCOMPARE(plan.skips.constFirst().path, QStringLiteral("d0/old.tmp"));
    QCOMPARE(plan.skips.constFirst().reason, QStringLiteral("excluded by the filter"));
    Result<QVector<JobItem>> renames = m_fixture->queue()->renamedItems(jobId, 100);
    QVERIFY(renames.ok());
    QCOMPARE(renames.value().size(), 6); // i = 0, 7, 14, 21, 28, 35
    QCOMPARE(renames.value().constFirst().mappedName, QStringLiteral("f0_.pdf"));
    QCOMPARE(renames.value().constLast().mappedName, QStringLiteral("f35_.pdf"));
    Result<QVector<JobItem>> capped = m_fixture->queue()->renamedItems(jobId, 2);
    QVERIFY(capped.ok());
    QCOMPARE(capped.value().size(), 2);
}

void TestJobsUi::failedItemShowsItsReason()
{
    makeTree(m_fixture->src(), 30, 4096, 3);
    JobQueuePanel panel(m_fixture->queue());
    panel.setDisplayNames(&TestJobsUi::displayName);
    panel.resize(1000, 360);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy planReady(m_fixture->queue(), &JobQueue::planReady);
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    const qint64 jobId = m_fixture->queue()->submit(spec(m_fixture->src(), m_fixture->dst()), true);
    QVERIFY(planReady.wait(60000));
    // A file vanishes between the preview and the run: its item fails.
    QVERIFY(QFile::remove(m_fixture->src() + QStringLiteral("/Level 1/Sheet 0/A-009.pdf")));
    m_fixture->queue()->startPlanned(jobId);
    QVERIFY(waitFinished(*m_fixture->queue(), jobId, finished).isError());
    JobQueueModel *model = panel.model();
    QTRY_COMPARE(model->index(0, JobQueueModel::StateColumn).data().toString(),
                 QStringLiteral("Failed: 1 item"));
    auto *view = qobject_cast<QTreeView *>(panel.view());
    const QModelIndex job = model->indexOfJob(jobId);
    view->expand(job);
    QTRY_VERIFY(model->rowCount(job) > 0);
    int failedRow = -1;
    for (int row = 0; row < model->rowCount(job); ++row) {
        if (model->index(row, JobQueueModel::StateColumn, job)
                .data()
                .toString()
                .startsWith(QStringLiteral("Failed")))
            failedRow = row;
    }
    QVERIFY(failedRow >= 0);
    const QString reason = model->index(failedRow, JobQueueModel::StateColumn, job).data().toString();
    QVERIFY2(reason.size() > QStringLiteral("Failed: ").size(), qPrintable(reason)); // a reason in words
    QVERIFY(model->index(failedRow, JobQueueModel::NameColumn, job)
                .data()
                .toString()
                .contains(QStringLiteral("A-009.pdf")));
    panel.selectJob(jobId);
    QVERIFY(panel.retryAction()->isEnabled());
    QVERIFY(!panel.pauseAction()->isEnabled());
    view->scrollTo(model->index(failedRow, 0, job));
    view->selectionModel()->setCurrentIndex(model->index(failedRow, 0, job),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    save(&panel, QStringLiteral("jobqueue-failed-item"));

    // Open report writes the HTML report and hands it to the opener.
    QUrl opened;
    panel.setReportOpener([&opened](const QUrl &url) { opened = url; });
    QVERIFY(panel.reportAction()->isEnabled());
    click(panel, panel.reportAction());
    QVERIFY(opened.isLocalFile());
    QFile report(opened.toLocalFile());
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(report.readAll().contains("A-009.pdf"));
}

void TestJobsUi::panelPausesAndResumes()
{
    makeTree(m_fixture->src(), 200, 256 * 1024, 4);
    m_fixture->queue()->setWorkersPerJob(1);
    JobQueuePanel panel(m_fixture->queue());
    panel.setDisplayNames(&TestJobsUi::displayName);
    panel.resize(1000, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // A second, queued job shows what waiting looks like.
    m_fixture->queue()->setMaxRunningJobs(1);
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    const qint64 jobId = m_fixture->queue()->submit(spec(m_fixture->src(), m_fixture->dst()), false);
    const QString other = m_fixture->filePath(QStringLiteral("Archive"));
    QVERIFY(QDir().mkpath(other));
    const qint64 queuedId = m_fixture->queue()->submit(spec(m_fixture->src(), other), false);
    // Paused by a click as soon as it runs and something has moved.
    bool clicked = false;
    connect(m_fixture->queue(), &JobQueue::jobProgress, &panel, [&](const EngineProgress &progress) {
        if (clicked || progress.jobId != jobId || progress.itemsDone < 20
            || progress.state != JobState::Running)
            return;
        clicked = true;
        QCOMPARE(panel.model()
                     ->index(panel.model()->indexOfJob(jobId).row(), JobQueueModel::StateColumn)
                     .data()
                     .toString()
                     .isEmpty(),
                 false);
        panel.selectJob(jobId);
        QVERIFY(panel.pauseAction()->isEnabled());
        QVERIFY(!panel.resumeAction()->isEnabled());
        click(panel, panel.pauseAction());
    });
    QTRY_VERIFY_WITH_TIMEOUT(clicked, 60000);
    QCOMPARE(m_fixture->queue()->job(jobId).state, JobState::Paused);
    QTRY_VERIFY(panel.resumeAction()->isEnabled());
    QVERIFY(!panel.pauseAction()->isEnabled());
    // The paused job frees its slot: the queued one runs meanwhile. Shown while it does.
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->queue()->job(queuedId).state == JobState::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->queue()->progress(queuedId).itemsDone > 10, 30000);
    QTest::qWait(JobQueueModel::kCoalesceMs * 2);
    save(&panel, QStringLiteral("jobqueue-running"));
    QCOMPARE(panel.model()
                 ->index(panel.model()->indexOfJob(jobId).row(), JobQueueModel::StateColumn)
                 .data()
                 .toString(),
             QStringLiteral("Paused"));

    panel.selectJob(jobId);
    click(panel, panel.resumeAction());
    QCOMPARE(m_fixture->queue()->job(jobId).state, JobState::Running);
    QVERIFY(!waitFinished(*m_fixture->queue(), jobId, finished));
    QVERIFY(!waitFinished(*m_fixture->queue(), queuedId, finished));
    QCOMPARE(treeManifest(m_fixture->dst()), treeManifest(m_fixture->src()));
    QCOMPARE(treeManifest(other), treeManifest(m_fixture->src()));
    QTRY_VERIFY(panel.clearAction()->isEnabled());
    click(panel, panel.clearAction());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestJobsUi::flowAsksOnceAndCopies()
{
    makeTree(m_fixture->src(), 12, 4096, 5, QStringLiteral("Plans/"));
    makeTree(m_fixture->src(), 8, 4096, 6, QStringLiteral("Specs/"));
    FlowScene scene(m_fixture->queue());
    scene.flow.setDisplayNames(&TestJobsUi::displayName);
    TransferRequest request;
    request.sourceConnection = LocalStoreResolver::connectionFor(m_fixture->src());
    request.sourcePaths = {QStringLiteral("Plans"), QStringLiteral("Specs")};
    request.destinationConnection = LocalStoreResolver::connectionFor(m_fixture->dst());
    request.destinationFolder = QString();

    scene.flow.request(request);
    DropActionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<DropActionDialog *>(QApplication::activeModalWidget())) != nullptr);
    QVERIFY(dialog->isVisible());
    save(dialog, QStringLiteral("drop-action-dialog"));
    QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("copyChoice")), Qt::LeftButton);
    dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(scene.submitted.size(), 1);
    const auto ids = scene.submitted.constFirst().at(0).value<QVector<qint64>>();
    QCOMPARE(ids.size(), 2); // one job per dropped item
    for (qint64 id : ids)
        QVERIFY(!waitFinished(*m_fixture->queue(), id, scene.finished));
    QCOMPARE(treeManifest(m_fixture->dst() + QStringLiteral("/Plans")),
             treeManifest(m_fixture->src() + QStringLiteral("/Plans")));
    QCOMPARE(treeManifest(m_fixture->dst() + QStringLiteral("/Specs")),
             treeManifest(m_fixture->src() + QStringLiteral("/Specs")));
    QCOMPARE(QSettings().value(TransferFlow::kRememberedActionKey).toString(), QStringLiteral("copy"));

    // Remembered: the next drop asks nothing.
    const QString other = m_fixture->filePath(QStringLiteral("Other"));
    QVERIFY(QDir().mkpath(other));
    request.destinationConnection = LocalStoreResolver::connectionFor(other);
    request.sourcePaths = {QStringLiteral("Plans")};
    scene.flow.request(request);
    QCOMPARE(scene.submitted.size(), 2);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!waitFinished(*m_fixture->queue(),
                          scene.submitted.at(1).at(0).value<QVector<qint64>>().constFirst(), scene.finished));
    QCOMPARE(treeManifest(other + QStringLiteral("/Plans")),
             treeManifest(m_fixture->src() + QStringLiteral("/Plans")));

    // Forgotten: it asks again; cancelling submits nothing.
    TransferFlow::forgetRememberedChoice();
    scene.flow.request(request);
    QTRY_VERIFY((dialog = qobject_cast<DropActionDialog *>(QApplication::activeModalWidget())) != nullptr);
    dialog->reject();
    QCOMPARE(scene.submitted.size(), 2);
}

void TestJobsUi::flowPreviewCountsEqualTheFinishedJob()
{
    makeTree(m_fixture->src(), 40, 8192, 7, QStringLiteral("Tower A/"));
    // Some of it is there already (unchanged), one file differs (replaced), scratch files excluded.
    makeTree(m_fixture->dst(), 10, 8192, 7, QStringLiteral("Tower A/"));
    putFile(m_fixture->dst(), QStringLiteral("Tower A/Level 1/Sheet 1/A-001.pdf"), QByteArray("old"),
            fixedTime(1));
    putFile(m_fixture->src(), QStringLiteral("Tower A/notes.tmp"), QByteArray("scratch"), fixedTime(2));
    putFile(m_fixture->src(), QStringLiteral("Tower A/Level 2/backup.tmp"), QByteArray("scratch"),
            fixedTime(2));
    FlowScene scene(m_fixture->queue());
    scene.flow.setDisplayNames(&TestJobsUi::displayName);
    scene.flow.setDefaultPolicies([] {
        JobPolicies policies;
        policies.conflicts = ConflictPolicy::SourceWins;
        policies.filters.exclude = {QStringLiteral("*.tmp")};
        return policies;
    });
    QSignalSpy decided(&scene.flow, &TransferFlow::previewDecided);
    TransferRequest request;
    request.sourceConnection = LocalStoreResolver::connectionFor(m_fixture->src());
    request.sourcePaths = {QStringLiteral("Tower A")};
    request.destinationConnection = LocalStoreResolver::connectionFor(m_fixture->dst());
    scene.flow.request(request);
    DropActionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<DropActionDialog *>(QApplication::activeModalWidget())) != nullptr);
    dialog->findChild<QCheckBox *>(QStringLiteral("previewCheck"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(scene.submitted.size(), 1);
    const qint64 jobId = scene.submitted.constFirst().at(0).value<QVector<qint64>>().constFirst();

    PlanPreviewDialog *preview = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (preview = qobject_cast<PlanPreviewDialog *>(QApplication::activeModalWidget())) != nullptr, 60000);
    QCOMPARE(m_fixture->queue()->job(jobId).state, JobState::Planned);
    const PlanSummary plan = m_fixture->queue()->plan(jobId);
    QCOMPARE(preview->shownValue(QStringLiteral("new")), QString::number(plan.filesNew));
    QCOMPARE(preview->shownValue(QStringLiteral("replaced")), QStringLiteral("1"));
    QCOMPARE(preview->shownValue(QStringLiteral("unchanged")), QStringLiteral("9"));
    QCOMPARE(preview->shownValue(QStringLiteral("new")), QStringLiteral("30"));
    QCOMPARE(preview->shownValue(QStringLiteral("skipped")), QString::number(plan.skipped));
    QCOMPARE(preview->listedCount(), int(plan.skips.size()));
    save(preview, QStringLiteral("plan-preview-dialog"));
    QVERIFY(!QFile::exists(m_fixture->dst()
                           + QStringLiteral("/Tower A/Level 3/Sheet 2/A-011.pdf"))); // nothing moved yet
    QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(decided.size(), 1);
    QVERIFY(decided.constFirst().at(1).toBool());
    const Error error = waitFinished(*m_fixture->queue(), jobId, scene.finished);
    QVERIFY2(!error, qPrintable(error.toString()));
    // What the preview showed is what the job did.
    const JobRecord done = m_fixture->queue()->job(jobId);
    QCOMPARE(done.state, JobState::Done);
    QCOMPARE(done.itemsDone, plan.foldersToCreate + plan.filesNew + plan.filesReplaced + plan.deletes);
    QCOMPARE(done.itemsSkipped, plan.skipped);
    QCOMPARE(done.bytesDone, plan.bytesToCopy);
    QVERIFY(!QFile::exists(m_fixture->dst() + QStringLiteral("/Tower A/notes.tmp")));
    QFile replaced(m_fixture->dst() + QStringLiteral("/Tower A/Level 1/Sheet 1/A-001.pdf"));
    QVERIFY(replaced.open(QIODevice::ReadOnly));
    QVERIFY(replaced.readAll() != QByteArray("old"));

    // Discard: a second preview of the same drop is thrown away, nothing moves.
    const QString other = m_fixture->filePath(QStringLiteral("Other"));
    QVERIFY(QDir().mkpath(other));
    request.destinationConnection = LocalStoreResolver::connectionFor(other);
    scene.flow.request(request);
    QTRY_VERIFY((dialog = qobject_cast<DropActionDialog *>(QApplication::activeModalWidget())) != nullptr);
    dialog->setPreviewFirst(true);
    dialog->accept();
    QCOMPARE(scene.submitted.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        (preview = qobject_cast<PlanPreviewDialog *>(QApplication::activeModalWidget())) != nullptr, 60000);
    const qint64 discardedId = scene.submitted.at(1).at(0).value<QVector<qint64>>().constFirst();
    QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("discardButton")), Qt::LeftButton);
    QCOMPARE(decided.size(), 2);
    QVERIFY(!m_fixture->queue()->contains(discardedId));
    QVERIFY(QDir(other).isEmpty());
}

int main(int argc, char **argv)
{
    return runWithOwnSettings<TestJobsUi>(argc, argv, QStringLiteral("tst_jobsui"));
}

#include "tst_jobsui.moc"
