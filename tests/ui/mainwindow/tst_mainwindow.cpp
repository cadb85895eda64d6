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
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/planpreviewdialog.h"
#include "ui/jobs/transferflow.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"
#include "ui/status/budgetmeterwidget.h"
#include "ui/status/jobnotifier.h"
#include "ui/wizard/connectionwizard.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QJsonArray>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace trestle;

namespace {

using FileMap = QMap<QString, QByteArray>; // relative path → sha256 (hex)

QJsonObject childFolder(const QJsonObject &folder, const QString &name)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("name")).toString() == name
            && !o.value(QStringLiteral("is_deleted")).toBool())
            return o;
    }
    return {};
}

void collectSandbox(const QJsonObject &folder, const QString &prefix, FileMap *out)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QJsonArray versions = o.value(QStringLiteral("versions")).toArray();
        out->insert(prefix + o.value(QStringLiteral("name")).toString(),
                    versions.last().toObject().value(QStringLiteral("sha256")).toString().toLatin1());
    }
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (!o.value(QStringLiteral("is_deleted")).toBool())
            collectSandbox(o, prefix + o.value(QStringLiteral("name")).toString() + QLatin1Char('/'), out);
    }
}

FileMap sandboxFiles(const QJsonObject &folder)
{
    FileMap files;
    collectSandbox(folder, QString(), &files);
    return files;
}

FileMap diskFiles(const QString &root)
{
    FileMap files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        files.insert(QDir(root).relativeFilePath(path), hash.result().toHex());
    }
    return files;
}

bool writeFiles(const QString &folder, int count, int size, const QString &stem)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 0; i < count; ++i) {
        QFile file(QStringLiteral("%1/%2 %3.pdf").arg(folder, stem).arg(i + 1, 2, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        QByteArray bytes(size + i * 37, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        file.write(bytes);
    }
    return true;
}

QModelIndex rowNamed(QAbstractItemView *view, const QString &name)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(view->rootIndex()); ++row) {
        const QModelIndex index = model->index(row, 0, view->rootIndex());
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

// QDrag cannot be scripted: the drop's events go straight to the target view's viewport, on the
// empty space below the rows (the folder the pane shows).
bool dropOnto(QAbstractItemView *view, QMimeData *mime)
{
    QWidget *viewport = view->viewport();
    const QAbstractItemModel *model = view->model();
    int bottom = 0;
    const int rows = model->rowCount(view->rootIndex());
    if (rows > 0)
        bottom = view->visualRect(model->index(rows - 1, 0, view->rootIndex())).bottom();
    const QPoint pos(viewport->width() / 3, bottom + 6);
    if (pos.y() >= viewport->height())
        return false;
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

template<typename T>
T *visibleTopLevel()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

template<typename T>
T *visibleDialog(QWidget *window)
{
    for (T *dialog : window->findChildren<T *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return visibleTopLevel<T>();
}

qint64 shownCount(PlanPreviewDialog *dialog, const QString &key)
{
    QString text = dialog->shownValue(key);
    text.remove(QLatin1Char(','));
    return text.split(QLatin1Char(' ')).value(0).toLongLong();
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    testing::SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileRepository> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RateLimitMeters> m_meters;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<ConnectionStores> m_stores;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<Theme> m_theme;
    ConnectionProfile m_procore;
    ConnectionProfile m_share;
    QString m_shareRoot;

    ConnectionServices services() const { return {m_profiles.get(), m_secrets.get(), m_meters.get()}; }
    MainWindowServices windowServices() const
    {
        return {m_manager.get(), m_stores.get(), m_queue.get(), m_theme.get()};
    }

    // A window with both panes open (left: the Procore project, right: the share).
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(windowServices());
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        if (!QTest::qWaitFor([&] { return window->leftPane()->store() && window->rightPane()->store(); },
                             20000))
            return nullptr;
        return window;
    }

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

    // Answers the drop dialog; returns the submitted job ids once the flow made them.
    QVector<qint64> answerDrop(MainWindow *window, JobKind kind, bool preview, qint64 *previewNew = nullptr,
                               qint64 *previewFolders = nullptr, bool startPreview = true)
    {
        QSignalSpy submitted(window->transferFlow(), &TransferFlow::submitted);
        DropActionDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = visibleDialog<DropActionDialog>(window)) != nullptr; },
                             10000))
            return {};
        dialog->setKind(kind);
        dialog->setPreviewFirst(preview);
        testing::saveScreenshot(dialog, QStringLiteral("drop-dialog"));
        dialog->accept();
        if (!submitted.wait(20000) && submitted.isEmpty())
            return {};
        const QVector<qint64> ids = submitted.first().first().value<QVector<qint64>>();
        if (preview) {
            PlanPreviewDialog *plan = nullptr;
            if (!QTest::qWaitFor([&] { return (plan = visibleDialog<PlanPreviewDialog>(window)) != nullptr; },
                                 30000))
                return {};
            if (previewNew)
                *previewNew = shownCount(plan, QStringLiteral("new"));
            if (previewFolders)
                *previewFolders = shownCount(plan, QStringLiteral("folders"));
            testing::saveScreenshot(plan, QStringLiteral("plan-preview"));
            if (startPreview)
                plan->accept();
        }
        return ids;
    }

    bool waitFinished(qint64 jobId, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                const JobState state = m_queue->job(jobId).state;
                return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled;
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Q_INIT_RESOURCE(resources);
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trestle.svg")));
        m_theme = std::make_unique<Theme>();
        m_theme->apply(AppSettings::Theme::Light);
        QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
                 qPrintable(m_sandbox.errorString()));
        m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle.sqlite")));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        m_profiles = std::make_unique<ProfileRepository>(*m_database);
        m_secrets = std::make_unique<SecretStore>();
        m_meters = std::make_unique<RateLimitMeters>();
        m_manager = std::make_unique<ConnectionManager>(services());
        m_stores = std::make_unique<ConnectionStores>(services());
        m_queue = std::make_unique<JobQueue>(*m_database, *m_stores);
        m_shareRoot = m_dir.filePath(QStringLiteral("Site office share"));
        QVERIFY(QDir().mkpath(m_shareRoot));
        QVERIFY(
            writeFiles(m_shareRoot + QStringLiteral("/Submittals"), 3, 20000, QStringLiteral("Submittal")));
    }

    void init()
    {
        TransferFlow::forgetRememberedChoice();
        // Whatever an earlier case left switched on (faults, latency, a small budget) goes off.
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("fault_rate"), 0.0},
                                                {QStringLiteral("latency_ms"), 0},
                                                {QStringLiteral("rate_limit"), 3600}}));
    }

    void emptyWindowInvitesToAddAConnection()
    {
        MainWindow window(windowServices(), QUrl(QStringLiteral("http://127.0.0.1:47810")));
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
    }

    void savedConnectionsOpenInThePanes()
    {
        const auto procore = testing::saveUserConnection(services(), m_sandbox, QStringLiteral("Tower A"));
        QVERIFY2(procore.ok(), qPrintable(procore.error().toString()));
        m_procore = procore.value();
        const auto share =
            testing::saveShareConnection(services(), m_shareRoot, QStringLiteral("Site office share"));
        QVERIFY2(share.ok(), qPrintable(share.error().toString()));
        m_share = share.value();

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
        QVERIFY(dropOnto(window->rightPane()->view(), mime.get()));

        qint64 previewNew = -1;
        qint64 previewFolders = -1;
        const QVector<qint64> jobs =
            answerDrop(window.get(), JobKind::Copy, true, &previewNew, &previewFolders);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(waitFinished(jobs.first()));
        const JobRecord job = m_queue->job(jobs.first());
        QCOMPARE(job.state, JobState::Done);
        const FileMap expected = sandboxFiles(childFolder(root, folderName));
        QCOMPARE(diskFiles(m_shareRoot + QLatin1Char('/') + folderName), expected);
        // The preview promised what the job did.
        QCOMPARE(previewNew, qint64(expected.size()));
        QCOMPARE(job.itemsDone, previewNew + previewFolders);
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
        QVERIFY(dropOnto(window->leftPane()->view(), mime.get()));

        qint64 previewNew = -1;
        qint64 previewFolders = -1;
        const QVector<qint64> jobs =
            answerDrop(window.get(), JobKind::Copy, true, &previewNew, &previewFolders);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(waitFinished(jobs.first()));
        const JobRecord job = m_queue->job(jobs.first());
        QCOMPARE(job.state, JobState::Done);
        const FileMap onDisk = diskFiles(m_shareRoot + QStringLiteral("/Submittals"));
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("Submittals"))), onDisk);
        QCOMPARE(previewNew, qint64(onDisk.size()));
        QCOMPARE(previewFolders, 1);
        QCOMPARE(job.itemsDone, previewNew + previewFolders);
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
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        const QVector<qint64> jobs = answerDrop(window.get(), JobKind::Copy, false);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(waitFinished(jobs.first()));
        QCOMPARE(m_queue->job(jobs.first()).state, JobState::Done);
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("RFI answers"))), diskFiles(desk));
    }

    void pauseAndResumeFromTheQueue()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Daily reports"));
        QVERIFY(writeFiles(folder, 40, 3000, QStringLiteral("Daily report")));
        // Slow replies keep the job running long enough to pause it.
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("latency_ms"), 500}}));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        const QVector<qint64> jobs = answerDrop(window.get(), JobKind::Copy, false);
        QCOMPARE(jobs.size(), 1);
        const qint64 id = jobs.first();
        JobQueuePanel *panel = window->queuePanel();
        // Pause from the panel the moment the job runs (or is held by the budget's pacing). The
        // panel learns of state changes through its model, which coalesces updates, so the test
        // polls as a user would look at the button, instead of acting inside jobChanged.
        bool paused = false;
        const auto pauseWhenActive = [&]() {
            const JobRecord record = m_queue->job(id);
            if (!paused && (record.state == JobState::Running || record.state == JobState::Waiting)) {
                panel->selectJob(id);
                if (panel->pauseAction()->isEnabled()) {
                    paused = true;
                    panel->pauseAction()->trigger();
                }
            }
            return paused;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(pauseWhenActive(), qPrintable(jobStateName(m_queue->job(id).state)), 30000);
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-transfer")));
        QTRY_COMPARE_WITH_TIMEOUT(m_queue->job(id).state, JobState::Paused, 30000);
        const qint64 doneWhenPaused = m_queue->job(id).itemsDone;
        QVERIFY(doneWhenPaused < 41);
        QTRY_VERIFY(panel->resumeAction()->isEnabled());
        QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("latency_ms"), 0}}));
        panel->resumeAction()->trigger();
        QVERIFY(waitFinished(id));
        const JobRecord job = m_queue->job(id);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(job.itemsDone, 41); // 40 files and their folder
        QCOMPARE(sandboxFiles(childFolder(procoreRoot(), QStringLiteral("Daily reports"))),
                 diskFiles(folder));
    }

    // A transfer while the budget runs low: the meter turns red and says so.
    void transferWithTheMeterLow()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        const int used = sandboxCallsOfApp();
        QVERIFY(m_sandbox.configure(
            QJsonObject{{QStringLiteral("rate_limit"), used + 8}, {QStringLiteral("latency_ms"), 200}}));
        const QString folder = m_dir.filePath(QStringLiteral("Desktop/Photos"));
        QVERIFY(writeFiles(folder, 6, 4000, QStringLiteral("Photo")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QVERIFY(dropOnto(window->leftPane()->view(), &mime));
        const QVector<qint64> jobs = answerDrop(window.get(), JobKind::Copy, false);
        QCOMPARE(jobs.size(), 1);
        BudgetMeterWidget *meter = window->budgetMeter();
        QTRY_VERIFY_WITH_TIMEOUT(meter->level() == BudgetMeterWidget::Level::Critical, 30000);
        QCOMPARE(meter->barColor(),
                 BudgetMeterWidget::levelColor(BudgetMeterWidget::Level::Critical, meter->palette()));
        window->queuePanel()->selectJob(jobs.first());
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-transfer-meter-low")));
        m_queue->cancel(jobs.first());
        QVERIFY(waitFinished(jobs.first()));
        QVERIFY(m_sandbox.configure(
            QJsonObject{{QStringLiteral("rate_limit"), 3600}, {QStringLiteral("latency_ms"), 0}}));
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
        const QVector<qint64> jobs = answerDrop(window.get(), JobKind::Copy, true, nullptr, nullptr, false);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(QFile::remove(folder + QStringLiteral("/Spec 02.pdf")));
        PlanPreviewDialog *plan = visibleDialog<PlanPreviewDialog>(window.get());
        QVERIFY(plan);
        plan->accept();
        QVERIFY2(waitFinished(jobs.first()), qPrintable(jobStateName(m_queue->job(jobs.first()).state)));
        const JobRecord job = m_queue->job(jobs.first());
        QCOMPARE(job.itemsFailed, 1);

        JobQueuePanel *panel = window->queuePanel();
        panel->selectJob(jobs.first());
        auto *tree = qobject_cast<QTreeView *>(panel->view());
        QVERIFY(tree);
        tree->expand(tree->currentIndex().siblingAtColumn(0));
        QTest::qWait(300); // the item page arrives through the model's queued fetch
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-failed-item")));
        QVERIFY(panel->retryAction()->isEnabled());
    }

    void darkPalette()
    {
        m_theme->apply(AppSettings::Theme::Dark);
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(waitForRows(window->leftPane()));
        QVERIFY(Theme::isDarkPalette(window->palette()));
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("mainwindow-dark")));
        m_theme->apply(AppSettings::Theme::Light);
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
        auto window = std::make_unique<MainWindow>(windowServices());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->size(), size);
        QCOMPARE(window->splitter()->sizes(), sizes);
    }

    void cleanupTestCase()
    {
        m_queue.reset();
        m_stores.reset();
        m_manager.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
