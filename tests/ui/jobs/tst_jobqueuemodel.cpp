// JobQueueModel with a job of many items (issue 7, "100,000 items stay smooth"): items are never
// parents, their icons are made once (not per painted row), and after the job changes state the
// fetched items show their new states, page by page, without the model re-reading them all at
// once. A real JobQueue over local folders copies the files.

#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/jobs/jobqueue.h"
#include "core/transfer/storeresolver.h"
#include "tmpfsmount.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/status/jobnotifier.h"

#include <QAbstractItemModelTester>
#include <QCursor>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace trestle;

namespace {

constexpr int kSeeds = 10;

// Fetches every item row of the job as a view scrolled to the end does: a page per pass of the
// event loop (the model adds no more in one pass).
bool fetchEveryItem(JobQueueModel &model, qint64 jobId, int total)
{
    for (int pass = 0; pass < 1000; ++pass) {
        QCoreApplication::processEvents();
        if (!model.canFetchMore(model.indexOfJob(jobId)))
            break;
        model.fetchMore(model.indexOfJob(jobId));
    }
    return model.fetchedItemCount(jobId) == total && !model.canFetchMore(model.indexOfJob(jobId));
}

} // namespace

class TestJobQueueModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void itemsAreLeavesWithSharedIcons();
    void fetchedItemsShowTheirStatesAfterTheRun();
    void refreshAnnouncesOnlyShownChunks();
    void scrollingTakesPagesReadAhead();
    void oneScrollAddsOnePage();
    void pausedJobSaysWhy();
    void sizesUseThePanesUnits();
    void claimedItemsSayQueuedUntilStarted();

private:
    // A planned copy job of `files` one-line files (and 2 folders) journaled directly, restored
    // into the queue: its id.
    qint64 plannedJob(int files);
    // A planned job of `files` files (plannedJob) in the queue panel, shown, with its items expanded
    // and the first page fetched; no panel when any of that failed.
    struct ShownJob
    {
        qint64 id = 0;
        std::unique_ptr<JobQueuePanel> panel;
        QTreeView *view = nullptr;
        JobQueueModel *model = nullptr;
    };
    ShownJob shownJobOf(int files);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_source;
    QString m_destination;
    std::unique_ptr<Database> m_database;
    LocalStoreResolver m_resolver;
    std::unique_ptr<JobQueue> m_queue;
};

void TestJobQueueModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = m_dir->filePath(QStringLiteral("source"));
    m_destination = m_dir->filePath(QStringLiteral("destination"));
    QVERIFY(QDir().mkpath(m_source + QStringLiteral("/seed")) && QDir().mkpath(m_destination));
    for (int i = 0; i < kSeeds; ++i) {
        QFile seed(m_source + QStringLiteral("/seed/s%1.bin").arg(i));
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(QByteArray(16, char('a' + i)));
    }
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(m_database->open().ok());
    m_queue = std::make_unique<JobQueue>(*m_database, m_resolver);
}

void TestJobQueueModel::cleanup()
{
    m_queue.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestJobQueueModel::plannedJob(int files)
{
    Journal journal(*m_database);
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = LocalStoreResolver::connectionFor(m_source);
    spec.destinationConnection = LocalStoreResolver::connectionFor(m_destination);
    const Result<qint64> jobId = journal.createJob(spec.toRecord());
    if (!jobId.ok())
        return 0;
    QVector<JobItem> items;
    for (int i = 0; i < 2; ++i) {
        JobItem folder;
        folder.action = ItemAction::CreateFolder;
        folder.destinationPath = QStringLiteral("d%1").arg(i);
        items.append(folder);
    }
    for (int i = 0; i < files; ++i) {
        JobItem file;
        file.action = ItemAction::Upload;
        file.sourcePath = QStringLiteral("seed/s%1.bin").arg(i % kSeeds);
        file.destinationPath = QStringLiteral("d%1/file-%2.bin").arg(i % 2).arg(i);
        file.size = 16;
        items.append(file);
    }
    if (!journal.addItems(jobId.value(), items).ok()
        || !journal.setJobState(jobId.value(), JobState::Planned).ok())
        return 0;
    m_queue->restore();
    return m_queue->contains(jobId.value()) ? jobId.value() : 0;
}

TestJobQueueModel::ShownJob TestJobQueueModel::shownJobOf(int files)
{
    ShownJob shown;
    shown.id = plannedJob(files);
    if (shown.id <= 0)
        return {};
    auto panel = std::make_unique<JobQueuePanel>(m_queue.get());
    panel->resize(900, 500);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return {};
    shown.view = qobject_cast<QTreeView *>(panel->view());
    shown.model = panel->model();
    // The pointer over the rows, as when the user drags the scroll bar: each scroll-bar move then
    // looks up the row under it (which lays the rows out).
    QCursor::setPos(shown.view->viewport()->mapToGlobal(shown.view->viewport()->rect().center()));
    shown.view->expand(shown.model->indexOfJob(shown.id));
    if (!QTest::qWaitFor([&] { return shown.model->fetchedItemCount(shown.id) > 0; }))
        return {};
    shown.panel = std::move(panel);
    return shown;
}

void TestJobQueueModel::itemsAreLeavesWithSharedIcons()
{
    const qint64 jobId = plannedJob(20);
    QVERIFY(jobId > 0);
    JobQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex job = model.indexOfJob(jobId);
    QVERIFY(!(model.flags(job) & Qt::ItemNeverHasChildren));
    model.fetchMore(job);
    QCOMPARE(model.rowCount(job), 22);
    for (int row = 0; row < model.rowCount(job); ++row)
        QVERIFY(model.flags(model.index(row, JobQueueModel::NameColumn, job)) & Qt::ItemNeverHasChildren);

    // Every file row paints the same icon object (QStyle::standardIcon() makes a new one, and
    // decodes its images again, on each call).
    const auto icon = [&](int row) {
        return model.index(row, JobQueueModel::NameColumn, job).data(Qt::DecorationRole).value<QIcon>();
    };
    QVERIFY(!icon(0).isNull());
    QCOMPARE(icon(0).cacheKey(), icon(1).cacheKey()); // the two folders
    QVERIFY(!icon(2).isNull());
    QCOMPARE(icon(2).cacheKey(), icon(21).cacheKey()); // files
    QVERIFY(icon(0).cacheKey() != icon(2).cacheKey());
}

void TestJobQueueModel::fetchedItemsShowTheirStatesAfterTheRun()
{
    const int files = 3 * JobQueueModel::kPageSize - 2; // 3 pages with the 2 folders
    const qint64 jobId = plannedJob(files);
    QVERIFY(jobId > 0);
    JobQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex job = model.indexOfJob(jobId);
    QVERIFY(fetchEveryItem(model, jobId, files + 2));
    const int count = model.rowCount(job);
    QCOMPARE(count, files + 2);
    for (int row = 0; row < count; row += 97)
        QCOMPARE(model.index(row, JobQueueModel::StateColumn, job).data().toString(),
                 QStringLiteral("Pending"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(m_queue.get(), &JobQueue::jobFinished);
    m_queue->startPlanned(jobId);
    QVERIFY(finished.wait(60000));
    QCOMPARE(m_queue->job(jobId).state, JobState::Done);
    QTRY_COMPARE(model.index(0, JobQueueModel::StateColumn).data().toString(), QStringLiteral("Done"));

    // The item rows were announced as changed in the State column only (the view repaints them;
    // a change of column 0 would make QTreeView ask every row for children again).
    bool itemsAnnounced = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (!topLeft.parent().isValid())
            continue;
        QCOMPARE(topLeft.column(), int(JobQueueModel::StateColumn));
        QCOMPARE(bottomRight.column(), int(JobQueueModel::StateColumn));
        if (topLeft.row() == 0 && bottomRight.row() == count - 1)
            itemsAnnounced = true;
    }
    QVERIFY(itemsAnnounced);
    // Every page, first and last row included, reads the journal's new state when shown.
    for (int row : {0, 1, JobQueueModel::kPageSize - 1, JobQueueModel::kPageSize,
                    2 * JobQueueModel::kPageSize + 7, count - 1})
        QCOMPARE(model.index(row, JobQueueModel::StateColumn, job).data().toString(), QStringLiteral("Done"));
    QCOMPARE(model.rowCount(job), count); // no row added or lost by the refresh
    QCOMPARE(model.index(count - 1, JobQueueModel::NameColumn, job).data().toString(),
             QStringLiteral("seed/s%1.bin").arg((files - 1) % kSeeds));
    QVERIFY(QFile::exists(m_destination + QStringLiteral("/d1/file-%1.bin").arg(files - 1)));
}

// While a job runs its items' states are re-read now and then: only the chunks a view asked for
// since the last refresh are announced (what it shows), and any other chunk is re-read when shown.
// Announcing every fetched row made QTreeView walk and repaint 100,000 rows each second.
void TestJobQueueModel::refreshAnnouncesOnlyShownChunks()
{
    const int files = 3 * JobQueueModel::kPageSize - 2;
    const qint64 jobId = plannedJob(files);
    QVERIFY(jobId > 0);
    JobQueueModel model(m_queue.get());
    const QModelIndex job = model.indexOfJob(jobId);
    QVERIFY(fetchEveryItem(model, jobId, files + 2));
    const int count = model.rowCount(job);
    QCOMPARE(count, files + 2);
    // "Shown": the first ten rows and the last one.
    for (int row : {0, 9, count - 1})
        QCOMPARE(model.index(row, JobQueueModel::StateColumn, job).data().toString(),
                 QStringLiteral("Pending"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(m_queue.get(), &JobQueue::jobFinished);
    m_queue->startPlanned(jobId);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(model.index(0, JobQueueModel::StateColumn).data().toString(), QStringLiteral("Done"));

    const int lastChunk = (count - 1) / JobQueueModel::kRefreshChunk;
    int announced = 0;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (!topLeft.parent().isValid())
            continue;
        ++announced;
        QCOMPARE(topLeft.column(), int(JobQueueModel::StateColumn));
        QCOMPARE(bottomRight.column(), int(JobQueueModel::StateColumn));
        const int first = topLeft.row() / JobQueueModel::kRefreshChunk;
        const int last = bottomRight.row() / JobQueueModel::kRefreshChunk;
        QVERIFY2(
            first == last && (first == 0 || first == lastChunk),
            qPrintable(QStringLiteral("rows %1-%2 announced").arg(topLeft.row()).arg(bottomRight.row())));
    }
    QVERIFY(announced > 0);
    // Chunks never announced still show the new state when asked (re-read then), a chunk at a time.
    const int readsBefore = model.readsOnThisThread();
    for (int row : {0, JobQueueModel::kRefreshChunk, JobQueueModel::kRefreshChunk + 1,
                    JobQueueModel::kPageSize + 7, count - 1})
        QCOMPARE(model.index(row, JobQueueModel::StateColumn, job).data().toString(), QStringLiteral("Done"));
    QCOMPARE(model.readsOnThisThread() - readsBefore, 4); // chunks 0, 1, 5 and the last
    QCOMPARE(model.rowCount(job), count);
}

// A view scrolled to the end of a big job's items takes the next pages from what the queue's
// reader thread read ahead: scrolling reads nothing from the journal on the window's thread.
void TestJobQueueModel::scrollingTakesPagesReadAhead()
{
    const int files = 12 * JobQueueModel::kPageSize;
    const ShownJob shown = shownJobOf(files);
    QVERIFY(shown.panel);
    const qint64 jobId = shown.id;
    QTRY_COMPARE(shown.model->readAheadCount(jobId), JobQueueModel::kReadAhead);

    const int readsBefore = shown.model->readsOnThisThread();
    const int rowsBefore = shown.model->fetchedItemCount(jobId);
    shown.view->scrollToBottom();
    shown.view->verticalScrollBar()->setValue(shown.view->verticalScrollBar()->maximum());
    QVERIFY(shown.model->fetchedItemCount(jobId) > rowsBefore);
    QCOMPARE(shown.model->readsOnThisThread(), readsBefore);
    // The reader refills, and the rows end with the job's last item (nothing lost or repeated).
    const int total = files + 2;
    for (int scroll = 0; scroll < 100 && shown.model->fetchedItemCount(jobId) < total; ++scroll) {
        // What the reader still has to read (the view may take pages meanwhile as it lays out).
        QTRY_COMPARE(shown.model->readAheadCount(jobId),
                     qMin(JobQueueModel::kReadAhead, total - shown.model->fetchedItemCount(jobId)));
        // A page per pass of the event loop (a view at the end also fetches as it lays out).
        QTRY_VERIFY(shown.model->canFetchMore(shown.model->indexOfJob(jobId))
                    || shown.model->fetchedItemCount(jobId) == total);
        shown.view->scrollToBottom(); // lays out the rows added, then fetches at the new end
        shown.view->verticalScrollBar()->setValue(shown.view->verticalScrollBar()->maximum());
    }
    const QModelIndex job = shown.model->indexOfJob(jobId);
    QCOMPARE(shown.model->rowCount(job), total);
    QVERIFY(!shown.model->canFetchMore(job));
    QCOMPARE(shown.model->readsOnThisThread(), readsBefore);
    QCOMPARE(shown.model->index(total - 1, JobQueueModel::NameColumn, job).data().toString(),
             QStringLiteral("seed/s%1.bin").arg((files - 1) % kSeeds));
    QCOMPARE(shown.model->index(2, JobQueueModel::NameColumn, job).data().toString(),
             QStringLiteral("seed/s0.bin"));
}

// QTreeView asks for more from every layout, and lays out every row of the expanded job after
// each insertion; a scroll to the end used to add four pages and lay out 100,000 rows several
// times in one event. One page per pass of the event loop, however often the view asks.
void TestJobQueueModel::oneScrollAddsOnePage()
{
    const int files = 10 * JobQueueModel::kPageSize;
    const ShownJob shown = shownJobOf(files);
    QVERIFY(shown.panel);
    const qint64 jobId = shown.id;
    QTRY_COMPARE(shown.model->fetchedItemCount(jobId), JobQueueModel::kPageSize);
    QTRY_COMPARE(shown.model->readAheadCount(jobId), JobQueueModel::kReadAhead);

    for (int scroll = 1; scroll <= 3; ++scroll) {
        shown.view->verticalScrollBar()->setValue(0);
        QTRY_VERIFY(shown.model->canFetchMore(shown.model->indexOfJob(jobId)));
        const int before = shown.model->fetchedItemCount(jobId);
        shown.view->scrollToBottom();
        shown.view->verticalScrollBar()->setValue(shown.view->verticalScrollBar()->maximum());
        QCOMPARE(shown.model->fetchedItemCount(jobId), before + JobQueueModel::kPageSize);
        QVERIFY(!shown.model->canFetchMore(shown.model->indexOfJob(jobId))); // until the next pass
    }

    // The scroll bar moved to the new end in the same pass (no page then): the view asks again in
    // the next pass, else the rows would stop there (QTreeView asks only when the bar moves).
    QTRY_VERIFY(shown.model->canFetchMore(shown.model->indexOfJob(jobId)));
    const int before = shown.model->fetchedItemCount(jobId);
    shown.view->scrollToBottom();
    QCOMPARE(shown.model->fetchedItemCount(jobId), before + JobQueueModel::kPageSize);
    shown.view->scrollToBottom(); // lays out the page just added and moves to its end
    QCOMPARE(shown.view->verticalScrollBar()->value(), shown.view->verticalScrollBar()->maximum());
    QCOMPARE(shown.model->fetchedItemCount(jobId), before + JobQueueModel::kPageSize);
    QTRY_COMPARE(shown.model->fetchedItemCount(jobId), before + 2 * JobQueueModel::kPageSize);
}

// A job the engine pauses (here: its destination is a read-only file system) shows why in its row
// and in the notification, not only "Paused".
void TestJobQueueModel::pausedJobSaysWhy()
{
    // Root writes through file modes, so only a read-only mount makes a folder read-only here.
    testing::TmpfsMount readOnly(QStringLiteral("1m"), QStringLiteral("ro"), m_destination);
    if (!readOnly.isMounted())
        QSKIP(qPrintable(readOnly.skipReason()));
    // Before the unmount (this guard goes first): nothing may hold a file there.
    const auto stopQueue = qScopeGuard([this] { m_queue.reset(); });
    const qint64 jobId = plannedJob(4);
    QVERIFY(jobId > 0);
    JobQueueModel model(m_queue.get());
    QSignalSpy stopped(m_queue.get(), &JobQueue::jobStopped);
    m_queue->startPlanned(jobId);
    QVERIFY(stopped.wait(60000));
    const Error reason = stopped.first().at(1).value<Error>();
    QCOMPARE(reason.kind(), Error::Kind::LocalIo);
    QCOMPARE(m_queue->job(jobId).state, JobState::Paused);

    const QString state = model.index(0, JobQueueModel::StateColumn).data().toString();
    QVERIFY2(state.startsWith(QStringLiteral("Paused: ")) && state.contains(QStringLiteral("read-only")),
             qPrintable(state));
    const QString note = JobNotifier::stoppedText(m_queue->job(jobId), QStringLiteral("Share"), reason);
    QVERIFY2(note.startsWith(QStringLiteral("Copy to Share was paused: ")) && note.contains(reason.message()),
             qPrintable(note));
}

// A file's size reads the same in its pane (StoreModel: IEC units) and in its job; the queue
// showed "5.0 kB" for the pane's "5.0 KiB".
void TestJobQueueModel::sizesUseThePanesUnits()
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale before;
    QLocale::setDefault(english);
    const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
    QCOMPARE(JobQueueModel::bytesText(5 * 1024), QStringLiteral("5.0 KiB"));
    QCOMPARE(JobQueueModel::bytesText(3 * 1024 * 1024 / 2), QStringLiteral("1.5 MiB"));
}

void TestJobQueueModel::claimedItemsSayQueuedUntilStarted()
{
    // A worker claims items ahead of running them (up to 64): only a started one is in progress.
    JobItem item;
    item.state = ItemState::InFlight;
    item.started = false;
    QCOMPARE(JobQueueModel::itemStateText(item), QStringLiteral("Queued"));
    item.started = true;
    QCOMPARE(JobQueueModel::itemStateText(item), QStringLiteral("In progress"));
    item.state = ItemState::Pending;
    QCOMPARE(JobQueueModel::itemStateText(item), QStringLiteral("Pending"));
}

QTEST_MAIN(TestJobQueueModel)
#include "tst_jobqueuemodel.moc"
