// The main window as a user meets it, against the sandbox with real saved connections (a Procore
// project signed in through the same ConnectionSetup the wizard drives, tokens in the session
// keychain, and a file share): empty state, browsing, drags pane to pane both ways and from the
// desktop, the drop dialog and the preview, pause and resume from the queue, the budget meter
// against the sandbox's own count, a failed item, the dark palette. Screenshots of each go to the
// test's output folder (the _scale200 entry repeats everything at 200 %).
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "core/store/store.h"
#include "sandboxprocess.h"
#include "savedconnections.h"
#include "screenshots.h"
#include "ui/browser/panewidget.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/planpreviewdialog.h"
#include "ui/jobs/transferflow.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"
#include "ui/status/budgetmeterwidget.h"
#include "ui/status/jobnotifier.h"
#include "ui/wizard/connectionwizard.h"
#include "windowtestkit.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace trestle;
using namespace windowtest;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    testing::SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    WindowServices m_window;
    ConnectionProfile m_procore;
    ConnectionProfile m_share;
    QString m_shareRoot;

    ConnectionServices services() const { return m_window.services(); }
    JobQueue *queue() const { return m_window.queue(); }

    // A window with both panes open (left: the Procore project, right: the share).
    std::unique_ptr<MainWindow> openWindow() { return m_window.openWindow(); }

    bool waitForRows(PaneWidget *pane)
    {
        return QTest::qWaitFor(
            [pane] { return pane->view()->model()->rowCount(pane->view()->rootIndex()) > 0; }, 20000);
    }

    QJsonObject procoreRoot() const
    {
        return m_sandbox.state(m_procore.projectId).value(QStringLiteral("root")).toObject();
    }

    int sandboxCallsOfApp() const
    {
        return m_sandbox.stats()
            .value(QStringLiteral("by_client"))
            .toObject()
            .value(m_procore.clientId)
            .toInt();
    }

    // One call against this application's hourly budget that changes nothing: a token request
    // with a refresh token that does not exist (the sandbox counts /oauth/token like Procore).
    bool spendOneCall() const
    {
        const QByteArray body = "grant_type=refresh_token&client_id=" + m_procore.clientId.toUtf8()
            + "&client_secret=trestle-sandbox-secret&refresh_token=not-a-token";
        const auto reply =
            m_sandbox.request("POST", m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))),
                              body, {{"Content-Type", "application/x-www-form-urlencoded"}});
        return reply.status >= 400 && reply.status < 500 && reply.status != 429;
    }

    bool waitFinished(qint64 jobId) { return waitForJobEnd(*queue(), jobId); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString opened = m_window.open(m_dir.path());
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trestle.svg")));
        QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
                 qPrintable(m_sandbox.errorString()));
        m_shareRoot = m_dir.filePath(QStringLiteral("Site office share"));
        QVERIFY(QDir().mkpath(m_shareRoot));
        QVERIFY(
            writeFiles(m_shareRoot + QStringLiteral("/Submittals"), 3, 20000, QStringLiteral("Submittal")));
        // Saved once here, so each case stands on its own (one failure does not take the next down).
        const auto procore = testing::saveUserConnection(services(), m_sandbox, QStringLiteral("Tower A"));
        QVERIFY2(procore.ok(), qPrintable(procore.error().toString()));
        m_procore = procore.value();
        const auto share =
            testing::saveShareConnection(services(), m_shareRoot, QStringLiteral("Site office share"));
        QVERIFY2(share.ok(), qPrintable(share.error().toString()));
        m_share = share.value();
    }

    // Each case gets the services main() would make, fresh: a case that leaves a job running or
    // the client's budget meter spent (transferWithTheMeterLow) does not hold up the next one.
    void init()
    {
        TransferFlow::forgetRememberedChoice();
        m_window.theme()->apply(AppSettings::Theme::Light);
        // Whatever an earlier case left switched on (faults, latency, a small budget) goes off.
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("fault_rate"), 0.0},
                                                {QStringLiteral("latency_ms"), 0},
                                                {QStringLiteral("rate_limit"), 3600}}));
        m_window.startSession();
    }

    void cleanup() { m_window.endSession(); }

    void emptyWindowInvitesToAddAConnection()
    {
        // Services over a database of its own with no saved connection.
        QTemporaryDir emptyDir;
        QVERIFY(emptyDir.isValid());
        Database database(emptyDir.filePath(QStringLiteral("empty.sqlite")));
        QVERIFY(database.open().ok());
        ProfileRepository profiles(database);
        const ConnectionServices emptyServices{&profiles, m_window.secrets(), m_window.meters()};
        ConnectionManager manager(emptyServices);
        ConnectionStores stores(emptyServices);
        JobQueue queue(database, stores);
        MainWindow window({&manager, &stores, &queue, m_window.theme()},
                          QUrl(QStringLiteral("http://127.0.0.1:47810")));
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isShowingEmptyState());
        QVERIFY(window.addConnectionButton()->isVisible());
        QVERIFY(window.addConnectionButton()->isDefault());
        QVERIFY(!window.budgetMeter()->isVisible()); // no Procore connection, no budget
        QVERIFY(testing::saveScreenshot(&window, QStringLiteral("mainwindow-empty")));

        QTest::mouseClick(window.addConnectionButton(), Qt::LeftButton);
        ConnectionWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<ConnectionWizard *>()) != nullptr && wizard->isVisible());
        wizard->reject();
        QTRY_VERIFY(!window.findChild<ConnectionWizard *>());

        // The demo saves its share first: the panes replace the empty state, so the status bar
        // says how to add the sandbox (and how to sign in) until a Procore connection is saved.
        const auto share =
            testing::saveShareConnection(emptyServices, m_shareRoot, QStringLiteral("Demo share"));
        QVERIFY2(share.ok(), qPrintable(share.error().toString()));
        QTRY_VERIFY(!window.isShowingEmptyState());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("demo@trestle.test")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Add connection")));
        QTRY_COMPARE(window.leftPane()->connectionId(), share.value().id); // all there is
        // The user adds the sandbox with the wizard (its sign-in is tst_connectionwizard's): the
        // window shows the new project in the left pane, not the share twice.
        window.addConnection(); // the toolbar's Add connection…
        QTRY_VERIFY((wizard = window.findChild<ConnectionWizard *>()) != nullptr && wizard->isVisible());
        const auto procore = testing::saveUserConnection(emptyServices, m_sandbox, QStringLiteral("Tower B"));
        QVERIFY2(procore.ok(), qPrintable(procore.error().toString()));
        Q_EMIT wizard->connectionSaved(procore.value().id);
        wizard->accept();
        QTRY_COMPARE(window.leftPane()->connectionId(), procore.value().id);
        QCOMPARE(window.rightPane()->connectionId(), share.value().id);
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("runs at")),
                     qPrintable(window.statusBar()->currentMessage()));
    }

    void savedConnectionsOpenInThePanes()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(!window->isShowingEmptyState());
        QCOMPARE(window->leftPane()->connectionId(), m_procore.id);
        QCOMPARE(window->rightPane()->connectionId(), m_share.id);
        QVERIFY(waitForRows(window->leftPane()));
        QVERIFY(waitForRows(window->rightPane()));
        QVERIFY(rowNamed(window->rightPane()->view(), QStringLiteral("Submittals")).isValid());

        // The meter shows what the sandbox says is left of this application's hour.
        BudgetMeterWidget *meter = window->budgetMeter();
        QVERIFY(meter->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(meter->snapshot().headersSeen, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(meter->snapshot().hourlyRemaining, 3600 - sandboxCallsOfApp(), 10000);
        QCOMPARE(meter->snapshot().hourlyLimit, 3600);
        QVERIFY(meter->text().startsWith(QLocale().toString(3600 - sandboxCallsOfApp())));

        // No job yet: the queue says how to start one, in the middle of the empty list.
        QVERIFY(window->queuePanel()->placeholderText().contains(QStringLiteral("Drag")));
        QVERIFY(inkInTheMiddle(window->queuePanel()->view()->viewport()) > 0);

        // Browsing: inside a folder of files, two of them selected (the status line counts them).
        PaneWidget *left = window->leftPane();
        const QString drawings = QStringLiteral("02 Drawings/Architectural");
        left->openFolder(drawings);
        QTRY_COMPARE(left->currentFolder(), drawings);
        QVERIFY(waitForRows(left));
        QTRY_VERIFY(left->view()->model()->rowCount(left->view()->rootIndex()) >= 4);
        const QModelIndex first = left->view()->model()->index(2, 0, left->view()->rootIndex());
        const QModelIndex second = left->view()->model()->index(3, 0, left->view()->rootIndex());
        left->view()->selectionModel()->select(
            QItemSelection(first, second), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-browsing")));
    }

    void dragProcoreFolderToShare()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        // The smallest non-empty top-level folder of the demo project.
        const QJsonObject root = procoreRoot();
        QString folderName;
        int fewest = INT_MAX;
        for (const QJsonValue &value : root.value(QStringLiteral("folders")).toArray()) {
            const QJsonObject folder = value.toObject();
            const int files = sandboxFiles(folder).size();
            if (files > 0 && files < fewest && !folder.value(QStringLiteral("is_deleted")).toBool()) {
                fewest = files;
                folderName = folder.value(QStringLiteral("name")).toString();
            }
        }
        QVERIFY(!folderName.isEmpty());
        QAbstractItemView *left = window->leftPane()->view();
        QTRY_VERIFY(rowNamed(left, folderName).isValid());
        const QModelIndex index = rowNamed(left, folderName);
        left->selectionModel()->select(index,
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        std::unique_ptr<QMimeData> mime(left->model()->mimeData({index}));
        QVERIFY(mime);
        const DropRun run = dropAndWait(window.get(), *queue(), window->rightPane()->view(), mime.get(),
                                        {JobKind::Copy, true});
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        const JobRecord job = queue()->job(run.jobId);
        QCOMPARE(job.state, JobState::Done);
        const FileMap expected = sandboxFiles(childFolder(root, folderName));
        QCOMPARE(diskFiles(m_shareRoot + QLatin1Char('/') + folderName), expected);
        // The preview promised what the job did.
        QCOMPARE(run.previewNew, qint64(expected.size()));
        QCOMPARE(job.itemsDone, run.previewNew + run.previewFolders);
        QCOMPARE(job.itemsFailed, 0);
        window->rightPane()->refresh();
        QTRY_VERIFY(rowNamed(window->rightPane()->view(), folderName).isValid());
    }

    void dragShareFolderToProcore()
    {
        auto window = openWindow();
        QVERIFY(window);
        QSignalSpy notified(window->notifier(), &JobNotifier::notified);
        QAbstractItemView *right = window->rightPane()->view();
        QTRY_VERIFY(rowNamed(right, QStringLiteral("Submittals")).isValid());
        const QModelIndex index = rowNamed(right, QStringLiteral("Submittals"));
        std::unique_ptr<QMimeData> mime(right->model()->mimeData({index}));
        QVERIFY(mime);
        QVERIFY(waitForRows(window->leftPane()));
        const DropRun run = dropAndWait(window.get(), *queue(), window->leftPane()->view(), mime.get(),
                                        {JobKind::Copy, true});
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        const JobRecord job = queue()->job(run.jobId);
        QCOMPARE(job.state, JobState::Done);
        const FileMap onDisk = diskFiles(m_shareRoot + QStringLiteral("/Submittals"));
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("Submittals"))), onDisk);
        QCOMPARE(run.previewNew, qint64(onDisk.size()));
        QCOMPARE(run.previewFolders, 1);
        QCOMPARE(job.itemsDone, run.previewNew + run.previewFolders);
        // The notification tells the outcome in words.
        QTRY_VERIFY(!notified.isEmpty());
        const QString text = notified.last().first().toString();
        QVERIFY2(text.startsWith(QStringLiteral("Copy to Tower A finished: 4 items")), qPrintable(text));
    }

    void desktopDropUploads()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        const QString desk = m_dir.filePath(QStringLiteral("Desktop/RFI answers"));
        QVERIFY(writeFiles(desk, 2, 5000, QStringLiteral("RFI")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(desk)});
        const DropRun run = dropAndWait(window.get(), *queue(), window->leftPane()->view(), &mime);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(queue()->job(run.jobId).state, JobState::Done);
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("RFI answers"))), diskFiles(desk));
        QCOMPARE(inkInTheMiddle(window->queuePanel()->view()->viewport()), 0); // a job, no words
    }

    void pauseAndResumeFromTheQueue()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Daily reports"));
        QVERIFY(writeFiles(folder, 40, 3000, QStringLiteral("Daily report")));
        // Slow replies: each upload costs two API calls, so 40 files on 4 workers need 10 s or
        // more, while the pause below comes after the eighth item.
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("latency_ms"), 500}}));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        JobQueuePanel *panel = window->queuePanel();
        // Acts on the queue's own report, not on a poll: the panel must offer Pause the moment
        // the job runs. The panel hears of the change before this handler (connected earlier).
        qint64 id = 0;
        bool pauseOffered = false;
        bool paused = false;
        bool grabbed = false;
        bool sizeFits = false;
        QString sizeText;
        qint64 doneWhenPaused = -1;
        connect(queue(), &JobQueue::jobProgress, window.get(), [&](const EngineProgress &progress) {
            if (paused || progress.jobId != id || progress.state != JobState::Running
                || progress.itemsDone < 8)
                return;
            paused = true;
            panel->selectJob(id);
            pauseOffered = panel->pauseAction()->isEnabled();
            grabbed = testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-transfer"));
            doneWhenPaused = progress.itemsDone;
            auto *tree = qobject_cast<QTreeView *>(panel->view());
            const QModelIndex size = panel->model()->indexOfJob(id, JobQueueModel::BytesColumn);
            sizeText = size.data().toString();
            sizeFits = tree && !sizeText.isEmpty() && fitsItsColumn(tree, size);
            panel->pauseAction()->trigger();
        });
        const QVector<qint64> jobs = answerDrop(window.get()).ids;
        QCOMPARE(jobs.size(), 1);
        id = jobs.first();
        QTRY_VERIFY2_WITH_TIMEOUT(paused || isFinished(queue()->job(id).state),
                                  qPrintable(jobStateName(queue()->job(id).state)), 60000);
        QVERIFY2(paused, qPrintable(jobStateName(queue()->job(id).state)));
        QVERIFY(pauseOffered);
        QVERIFY(grabbed);
        QVERIFY2(sizeFits, qPrintable(sizeText)); // "12.0 KiB / 125.4 KiB", not "12.0 K…125.4 KiB"
        QCOMPARE(queue()->job(id).state, JobState::Paused);
        QVERIFY(doneWhenPaused < 41);
        // Paused for good: the panel offers Resume, not Pause, and the workers stop.
        QTRY_VERIFY(panel->resumeAction()->isEnabled());
        QVERIFY(!panel->pauseAction()->isEnabled());
        QCOMPARE(queue()->job(id).state, JobState::Paused);
        QVERIFY(queue()->job(id).itemsDone < 41);
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("latency_ms"), 0}}));
        panel->resumeAction()->trigger();
        QCOMPARE(queue()->job(id).state, JobState::Running);
        QVERIFY(waitFinished(id));
        const JobRecord job = queue()->job(id);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(job.itemsDone, 41); // 40 files and their folder
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("Daily reports"))),
                 diskFiles(folder));
    }

    // A transfer while the budget runs low: the meter turns red and says the job waits.
    void transferWithTheMeterLow()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        // Spend this application's hour down to 100 calls (token requests count against it and
        // change nothing), then cut the limit to 8 more: 8 of 108 left is under 10 % (red), and
        // less than the share jobs leave for browsing, so the job is held at once.
        for (int used = sandboxCallsOfApp(); used < 100; ++used)
            QVERIFY(spendOneCall());
        const int used = sandboxCallsOfApp();
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("rate_limit"), used + 8}}));
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Photos"));
        QVERIFY(writeFiles(folder, 6, 4000, QStringLiteral("Photo")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        const QVector<qint64> jobs = answerDrop(window.get()).ids;
        QCOMPARE(jobs.size(), 1);
        BudgetMeterWidget *meter = window->budgetMeter();
        QTRY_VERIFY2_WITH_TIMEOUT(meter->level() == BudgetMeterWidget::Level::Critical,
                                  qPrintable(meter->text()), 30000);
        QCOMPARE(meter->barColor(),
                 BudgetMeterWidget::levelColor(BudgetMeterWidget::Level::Critical, meter->palette()));
        QTRY_COMPARE_WITH_TIMEOUT(queue()->job(jobs.first()).state, JobState::Waiting, 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(meter->text().contains(QStringLiteral("waiting until")),
                                  qPrintable(meter->text()), 10000);
        window->queuePanel()->selectJob(jobs.first());
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-transfer-meter-low")));
        queue()->cancel(jobs.first());
        QVERIFY(waitFinished(jobs.first()));
        QCOMPARE(queue()->job(jobs.first()).state, JobState::Cancelled);
    }

    void failedItemIsShownWithItsReason()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Broken upload"));
        QVERIFY(writeFiles(folder, 2, 2000, QStringLiteral("Spec")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        // Planned with both files; one is gone by the time the job runs.
        const QVector<qint64> jobs = answerDrop(window.get(), {JobKind::Copy, true, false}).ids;
        QCOMPARE(jobs.size(), 1);
        QVERIFY(QFile::remove(folder + QStringLiteral("/Spec 02.pdf")));
        PlanPreviewDialog *plan = visibleDialog<PlanPreviewDialog>(window.get());
        QVERIFY(plan);
        plan->accept();
        QVERIFY2(waitFinished(jobs.first()), qPrintable(jobStateName(queue()->job(jobs.first()).state)));
        const JobRecord job = queue()->job(jobs.first());
        QCOMPARE(job.itemsFailed, 1);

        JobQueuePanel *panel = window->queuePanel();
        panel->selectJob(jobs.first());
        auto *tree = qobject_cast<QTreeView *>(panel->view());
        QVERIFY(tree);
        const QModelIndex jobRow = tree->currentIndex().siblingAtColumn(0);
        tree->expand(jobRow);
        // The item page arrives through the model's queued fetch; the failed one says why.
        QTRY_COMPARE(tree->model()->rowCount(jobRow), 3);
        QModelIndex failed;
        for (int row = 0; row < 3; ++row) {
            const QModelIndex state = jobRow.model()->index(row, JobQueueModel::StateColumn, jobRow);
            if (state.data().toString().startsWith(QStringLiteral("Failed")))
                failed = state;
        }
        const QString reason = failed.data().toString();
        QVERIFY2(reason.contains(QStringLiteral("Spec 02.pdf"))
                     && reason.contains(QStringLiteral("does not exist")),
                 qPrintable(reason));
        // The reason is read whole, not elided: it fits its column beside the icon.
        QVERIFY2(fitsItsColumn(tree, failed), qPrintable(reason));
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-failed-item")));
        QVERIFY(panel->retryAction()->isEnabled());
    }

    void darkPalette()
    {
        m_window.theme()->apply(AppSettings::Theme::Dark);
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        QVERIFY(Theme::isDarkPalette(window->palette()));
        QTRY_VERIFY_WITH_TIMEOUT(window->budgetMeter()->snapshot().headersSeen, 10000);
        // A finished job in the queue, so its progress bar is seen on the dark window too.
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Night shift"));
        QVERIFY(writeFiles(folder, 3, 3000, QStringLiteral("Log")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        const DropRun run = dropAndWait(window.get(), *queue(), window->leftPane()->view(), &mime);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        window->queuePanel()->selectJob(run.jobId);
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-dark")));
        m_window.theme()->apply(AppSettings::Theme::Light);
    }

    void layoutIsRemembered()
    {
        QList<int> sizes;
        QSize size;
        {
            auto window = openWindow();
            QVERIFY(window);
            window->resize(1111, 733);
            window->splitter()->setSizes({300, 700});
            sizes = window->splitter()->sizes();
            size = window->size();
            window->close(); // saves the layout
        }
        auto window = std::make_unique<MainWindow>(m_window.windowServices());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->size(), size);
        QCOMPARE(window->splitter()->sizes(), sizes);
    }

    void cleanupTestCase() { cleanup(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
