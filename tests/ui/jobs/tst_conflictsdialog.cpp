// The window's controls for two job policies (issue 5): the version history a migration copies
// (drop dialog and settings), and the "ask" conflicts policy's list of waiting files, opened from
// the queue's context menu, decided per file and for all, then run. Real JobQueue over temporary
// folders; screenshots of the dialogs at 100 % and (tst_conflictsdialog_200) 200 %.
#include "../../core/transfer/transfertesthelpers.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "core/transfer/storeresolver.h"
#include "jobstestfixture.h"
#include "testoutput.h"
#include "ui/jobs/conflictsdialog.h"
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/transferflow.h"
#include "ui/mainwindow.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTreeWidget>

#include <memory>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;

class TestConflictsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dropDialogSavesTheVersionsChoice();
    void rememberedMigrationKeepsItsVersionsChoice();
    void settingsKeepTheVersionsPolicy();
    void dropDialogSetsASchedule();
    void conflictsAreResolvedFromTheQueue();
    void forAllSetsEveryRow();
    void keepBothNamesLikeTheKeepBothPolicy();
    void keepBothWritesTheSourcesFileUnderAFreeName();
    void firstStartGeometryIsMostOfTheScreen();
    void windowOpensLargeUnlessAGeometryWasSaved();

private:
    // Three files on both sides that differ: the source's are newer and longer.
    void makeConflicts();
    qint64 runAskJob(); // a copy under the "ask" policy, run to its end
    Error waitFinished(qint64 jobId, QSignalSpy &finished);
    void save(QWidget *widget, const QString &name);
    static QByteArray readFile(const QString &path);
    DropActionDialog *openDropDialog(TransferFlow &flow);
    TransferRequest request() const;

    std::unique_ptr<JobsTestFixture> m_fixture;
};

void TestConflictsDialog::init()
{
    m_fixture = std::make_unique<JobsTestFixture>();
    QVERIFY2(m_fixture->problem().isEmpty(), qPrintable(m_fixture->problem()));
}

void TestConflictsDialog::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(widget) || qobject_cast<QMenu *>(widget))
            widget->close();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_fixture.reset();
}

void TestConflictsDialog::makeConflicts()
{
    for (const QString &name :
         {QStringLiteral("A-101.pdf"), QStringLiteral("A-102.pdf"), QStringLiteral("A-103.pdf")}) {
        putFile(m_fixture->dst(), QStringLiteral("Plans/") + name, "site copy of " + name.toUtf8(),
                fixedTime(100));
        putFile(m_fixture->src(), QStringLiteral("Plans/") + name, "office revision of " + name.toUtf8(),
                fixedTime(5000));
    }
}

qint64 TestConflictsDialog::runAskJob()
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = LocalStoreResolver::connectionFor(m_fixture->src());
    spec.destinationConnection = LocalStoreResolver::connectionFor(m_fixture->dst());
    spec.policies.conflicts = ConflictPolicy::Ask;
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    const qint64 jobId = m_fixture->queue()->submit(spec, false);
    if (jobId <= 0)
        return 0;
    const Error error = waitFinished(jobId, finished);
    return error ? 0 : jobId;
}

Error TestConflictsDialog::waitFinished(qint64 jobId, QSignalSpy &finished)
{
    for (int i = 0; i < 100; ++i) {
        for (const QList<QVariant> &args : std::as_const(finished)) {
            if (args.at(0).toLongLong() == jobId)
                return args.at(1).value<Error>();
        }
        if (!finished.wait(60000))
            break;
    }
    return Error(Error::Kind::Timeout, QStringLiteral("no jobFinished for job %1").arg(jobId));
}

void TestConflictsDialog::save(QWidget *widget, const QString &name)
{
    const qreal ratio = widget->devicePixelRatioF();
    const QString suffix = ratio > 1.5 ? QStringLiteral("-200") : QStringLiteral("-100");
    const QString path = testing::testOutputDir() + QStringLiteral("/%1%2.png").arg(name, suffix);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

QByteArray TestConflictsDialog::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

TransferRequest TestConflictsDialog::request() const
{
    TransferRequest request;
    request.sourceConnection = LocalStoreResolver::connectionFor(m_fixture->src());
    request.sourcePaths = {QStringLiteral("Plans")};
    request.destinationConnection = LocalStoreResolver::connectionFor(m_fixture->dst());
    return request;
}

DropActionDialog *TestConflictsDialog::openDropDialog(TransferFlow &flow)
{
    flow.request(request());
    DropActionDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] {
            return (dialog = qobject_cast<DropActionDialog *>(QApplication::activeModalWidget())) != nullptr;
        }))
        return nullptr;
    return dialog;
}

void TestConflictsDialog::dropDialogSavesTheVersionsChoice()
{
    putFile(m_fixture->src(), QStringLiteral("Plans/A-101.pdf"), "one", fixedTime(1));
    FlowScene scene(m_fixture->queue());

    DropActionDialog *dialog = openDropDialog(scene.flow);
    QVERIFY(dialog);
    auto *versions = dialog->findChild<QComboBox *>(QStringLiteral("versionsBox"));
    QVERIFY(versions);
    QVERIFY(!versions->isEnabled()); // Copy is chosen: history is a migration's matter
    // On the round indicator: a radio button only takes clicks on its indicator and text.
    auto *migrate = dialog->findChild<QRadioButton *>(QStringLiteral("migrateChoice"));
    QTest::mouseClick(migrate, Qt::LeftButton, {}, QPoint(migrate->height() / 2, migrate->height() / 2));
    QVERIFY(migrate->isChecked());
    QVERIFY(versions->isEnabled());
    QCOMPARE(dialog->versions(), VersionsPolicy::All); // the default policies'
    save(dialog, QStringLiteral("drop-action-dialog-migrate"));
    versions->setFocus();
    QTest::keyClick(versions, Qt::Key_Down); // "The latest version only"
    QCOMPARE(dialog->versions(), VersionsPolicy::Latest);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(scene.submitted.size(), 1);
    const qint64 jobId = scene.submitted.constFirst().at(0).value<QVector<qint64>>().constFirst();
    const JobRecord job = m_fixture->queue()->job(jobId);
    QCOMPARE(job.kind, JobKind::Migrate);
    const Result<JobPolicies> saved = JobPolicies::fromJsonText(job.policiesJson);
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().versions, VersionsPolicy::Latest);
    QVERIFY(!waitFinished(jobId, scene.finished));

    // The settings' default is where the dialog starts; a copy keeps the default untouched.
    scene.flow.setDefaultPolicies([] {
        JobPolicies policies;
        policies.versions = VersionsPolicy::Latest;
        return policies;
    });
    dialog = openDropDialog(scene.flow);
    QVERIFY(dialog);
    QCOMPARE(dialog->versions(), VersionsPolicy::Latest);
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("copyChoice"))->isChecked());
    dialog->reject();
}

void TestConflictsDialog::rememberedMigrationKeepsItsVersionsChoice()
{
    putFile(m_fixture->src(), QStringLiteral("Plans/A-101.pdf"), "one", fixedTime(1));
    FlowScene scene(m_fixture->queue());
    DropActionDialog *dialog = openDropDialog(scene.flow);
    QVERIFY(dialog);
    dialog->setKind(JobKind::Migrate);
    dialog->setVersions(VersionsPolicy::Latest);
    dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(scene.submitted.size(), 1);
    QVERIFY(!waitFinished(scene.submitted.at(0).at(0).value<QVector<qint64>>().constFirst(), scene.finished));

    // The next drop asks nothing and migrates the latest versions only.
    scene.flow.request(request());
    QCOMPARE(scene.submitted.size(), 2);
    QVERIFY(!QApplication::activeModalWidget());
    const qint64 second = scene.submitted.at(1).at(0).value<QVector<qint64>>().constFirst();
    const Result<JobPolicies> saved = JobPolicies::fromJsonText(m_fixture->queue()->job(second).policiesJson);
    QVERIFY(saved.ok());
    QCOMPARE(m_fixture->queue()->job(second).kind, JobKind::Migrate);
    QCOMPARE(saved.value().versions, VersionsPolicy::Latest);
    QVERIFY(!waitFinished(second, scene.finished));
    TransferFlow::forgetRememberedChoice();
    QVERIFY(!QSettings().contains(TransferFlow::kRememberedVersionsKey));
}

void TestConflictsDialog::dropDialogSetsASchedule()
{
    putFile(m_fixture->src(), QStringLiteral("Plans/A-101.pdf"), "one", fixedTime(1));
    FlowScene scene(m_fixture->queue());
    DropActionDialog *dialog = openDropDialog(scene.flow);
    QVERIFY(dialog);
    auto *again = dialog->findChild<QComboBox *>(QStringLiteral("againBox"));
    auto *every = dialog->findChild<QSpinBox *>(QStringLiteral("everyHoursBox"));
    auto *daily = dialog->findChild<QTimeEdit *>(QStringLiteral("dailyAtEdit"));
    QVERIFY(again && every && daily);
    QVERIFY(!dialog->schedule().isActive()); // only now, unless the user asks
    QVERIFY(!every->isVisible() && !daily->isVisible());
    again->setFocus();
    QTest::keyClick(again, Qt::Key_Down); // "Every"
    QVERIFY(every->isVisible() && !daily->isVisible());
    QCOMPARE(dialog->schedule(), JobSchedule::every(6));
    QTest::keyClick(again, Qt::Key_Down); // "Daily at"
    QVERIFY(!every->isVisible() && daily->isVisible());
    daily->setTime(QTime(7, 30));
    QCOMPARE(dialog->schedule(), JobSchedule::dailyAt(QTime(7, 30)));
    save(dialog, QStringLiteral("drop-action-dialog-schedule"));
    // With both extra rows and a two-line question, every sentence still shows whole, and the
    // dialog has no empty band either.
    QVERIFY2(dialog->height() <= dialog->layout()->totalHeightForWidth(dialog->width()) + 2,
             qPrintable(QString::number(dialog->height())));
    QVERIFY(dialog->findChild<QLabel *>());
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->isVisible() && label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(label->text())
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QCOMPARE(scene.submitted.size(), 1);
    const qint64 jobId = scene.submitted.constFirst().at(0).value<QVector<qint64>>().constFirst();
    const Result<JobPolicies> saved = JobPolicies::fromJsonText(m_fixture->queue()->job(jobId).policiesJson);
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().schedule, JobSchedule::dailyAt(QTime(7, 30)));
    QVERIFY(!waitFinished(jobId, scene.finished));
    // Finished, the queue knows when it runs again (it looks once the end is handled).
    QTRY_VERIFY(m_fixture->queue()->nextScheduledRun(jobId).isValid());
    QCOMPARE(m_fixture->queue()->nextScheduledRun(jobId).toLocalTime().time(), QTime(7, 30));
}

void TestConflictsDialog::settingsKeepTheVersionsPolicy()
{
    QSettings settings(m_fixture->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    AppSettings initial;
    QCOMPARE(initial.defaultPolicies().versions, VersionsPolicy::All);
    SettingsDialog dialog(initial);
    QVERIFY(dialog.versionsBox());
    QCOMPARE(dialog.versionsBox()->currentData().toString(), QStringLiteral("all"));
    dialog.versionsBox()->setCurrentIndex(dialog.versionsBox()->findData(QStringLiteral("latest")));
    // "Ask me" is among the conflict choices, so the window can start such jobs.
    QVERIFY(dialog.conflictsBox()->findData(QStringLiteral("ask")) >= 0);
    dialog.conflictsBox()->setCurrentIndex(dialog.conflictsBox()->findData(QStringLiteral("ask")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    save(&dialog, QStringLiteral("settings-policies"));
    const AppSettings chosen = dialog.settings();
    QCOMPARE(chosen.versions, VersionsPolicy::Latest);
    QCOMPARE(chosen.conflicts, ConflictPolicy::Ask);
    QVERIFY(chosen != initial);
    chosen.save(settings);
    const AppSettings loaded = AppSettings::load(settings);
    QCOMPARE(loaded.versions, VersionsPolicy::Latest);
    QCOMPARE(loaded.defaultPolicies().versions, VersionsPolicy::Latest);
    QCOMPARE(loaded.defaultPolicies().conflicts, ConflictPolicy::Ask);
    QVERIFY(loaded == chosen);
}

void TestConflictsDialog::conflictsAreResolvedFromTheQueue()
{
    makeConflicts();
    const qint64 jobId = runAskJob();
    QVERIFY(jobId > 0);
    QCOMPARE(m_fixture->queue()->job(jobId).itemsSkipped, qint64(3));
    QCOMPARE(m_fixture->queue()->awaitingDecisions(jobId).value().size(), 3);

    JobQueuePanel panel(m_fixture->queue());
    panel.setStoreResolver(&m_fixture->resolver());
    panel.resize(1000, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY(panel.model()->indexOfJob(jobId).isValid());
    panel.selectJob(jobId);
    // The job's context menu offers the list (and says how many wait).
    const QRect row = panel.view()->visualRect(panel.model()->indexOfJob(jobId));
    Q_EMIT panel.view()->customContextMenuRequested(row.center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = panel.findChild<QMenu *>()) != nullptr && menu->isVisible());
    QVERIFY(menu->actions().contains(panel.resolveConflictsAction()));
    QCOMPARE(panel.resolveConflictsAction()->text(), QStringLiteral("Resolve 3 conflicts…"));
    menu->close();
    panel.resolveConflictsAction()->trigger();
    ConflictsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = panel.findChild<ConflictsDialog *>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->rowCount(), 3);
    QTRY_COMPARE(dialog->destinationsKnown(), 3);
    // Both sides' size and time: the source's files are longer than the destination's.
    const QTreeWidgetItem *first = dialog->list()->topLevelItem(0);
    QCOMPARE(first->text(0), QStringLiteral("Plans/A-101.pdf"));
    QVERIFY2(first->text(1).contains(JobQueueModel::bytesText(28)), qPrintable(first->text(1)));
    QVERIFY2(first->text(2).contains(JobQueueModel::bytesText(22)), qPrintable(first->text(2)));
    QVERIFY(first->text(1) != first->text(2));
    // A share: overwrite, keep both, skip or later (no copy back for a one-way job).
    QCOMPARE(dialog->choiceBox(0)->count(), 4);
    save(dialog, QStringLiteral("conflicts-dialog"));

    // Two overwritten, one skipped.
    const auto choose = [dialog](int row, ConflictsDialog::Choice choice) {
        QComboBox *box = dialog->choiceBox(row);
        box->setCurrentIndex(box->findData(int(choice)));
    };
    choose(0, ConflictsDialog::Choice::Overwrite);
    choose(1, ConflictsDialog::Choice::Skip);
    choose(2, ConflictsDialog::Choice::Overwrite);
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    QSignalSpy applied(dialog, &ConflictsDialog::applied);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QCOMPARE(applied.size(), 1);
    QVERIFY2(!applied.constFirst().at(1).value<Error>(),
             qPrintable(applied.constFirst().at(1).value<Error>().toString()));
    const Error error = waitFinished(jobId, finished);
    QVERIFY2(!error, qPrintable(error.toString()));

    QCOMPARE(readFile(m_fixture->dst() + QStringLiteral("/Plans/A-101.pdf")),
             QByteArray("office revision of A-101.pdf"));
    QCOMPARE(readFile(m_fixture->dst() + QStringLiteral("/Plans/A-102.pdf")),
             QByteArray("site copy of A-102.pdf"));
    QCOMPARE(readFile(m_fixture->dst() + QStringLiteral("/Plans/A-103.pdf")),
             QByteArray("office revision of A-103.pdf"));
    QCOMPARE(readFile(m_fixture->src() + QStringLiteral("/Plans/A-102.pdf")),
             QByteArray("office revision of A-102.pdf"));
    QCOMPARE(QDir(m_fixture->dst() + QStringLiteral("/Plans")).entryList(QDir::Files).size(),
             3); // nothing extra
    const JobRecord job = m_fixture->queue()->job(jobId);
    QCOMPARE(job.state, JobState::Done);
    QCOMPARE(job.itemsSkipped, qint64(1));
    QCOMPARE(job.itemsFailed, qint64(0));
    QCOMPARE(m_fixture->queue()->awaitingDecisions(jobId).value().size(), 0);

    // Nothing waits any more: the menu no longer offers the list.
    Q_EMIT panel.view()->customContextMenuRequested(row.center());
    QTRY_VERIFY(!panel.findChildren<QMenu *>().isEmpty());
    for (QMenu *shown : panel.findChildren<QMenu *>())
        QVERIFY(!shown->actions().contains(panel.resolveConflictsAction()));
}

void TestConflictsDialog::forAllSetsEveryRow()
{
    makeConflicts();
    const qint64 jobId = runAskJob();
    QVERIFY(jobId > 0);
    ConflictsDialog dialog(m_fixture->queue(), &m_fixture->resolver(), jobId);
    QCOMPARE(dialog.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!dialog.decisionAt(row)); // "Decide later" until the user chooses
    QComboBox *all = dialog.allBox();
    all->setCurrentIndex(all->findData(int(ConflictsDialog::Choice::Skip)));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(dialog.decisionAt(row), ConflictDecisions::Decision::LeaveBoth);
    all->setCurrentIndex(all->findData(int(ConflictsDialog::Choice::Overwrite)));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(dialog.decisionAt(row), ConflictDecisions::Decision::CopyToDestination);
    // One left for later: it still waits after the others ran.
    dialog.choiceBox(1)->setCurrentIndex(dialog.choiceBox(1)->findData(int(ConflictsDialog::Choice::Later)));
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    dialog.show();
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QVERIFY(!waitFinished(jobId, finished));
    QCOMPARE(readFile(m_fixture->dst() + QStringLiteral("/Plans/A-101.pdf")),
             QByteArray("office revision of A-101.pdf"));
    QCOMPARE(readFile(m_fixture->dst() + QStringLiteral("/Plans/A-102.pdf")),
             QByteArray("site copy of A-102.pdf"));
    const QVector<JobItem> still = m_fixture->queue()->awaitingDecisions(jobId).value();
    QCOMPARE(still.size(), 1);
    QCOMPARE(still.constFirst().sourcePath, QStringLiteral("Plans/A-102.pdf"));
    // An unknown job is refused, and so is another job's file.
    QCOMPARE(m_fixture->queue()->resolveConflicts(987654, {}).error().kind(), Error::Kind::NotFound);
    makeConflicts();
    const qint64 other = runAskJob();
    QVERIFY(other > 0);
    const Status foreign = m_fixture->queue()->resolveConflicts(
        other, {{still.constFirst().id, ConflictDecisions::Decision::CopyToDestination}});
    QCOMPARE(foreign.error().kind(), Error::Kind::Validation);
    QCOMPARE(m_fixture->queue()->awaitingDecisions(jobId).value().size(), 1); // still waiting, untouched
}

void TestConflictsDialog::keepBothNamesLikeTheKeepBothPolicy()
{
    // PlanBuilder::keepBothName's rule: " (n)" before the last dot, unless the name starts with it.
    QCOMPARE(ConflictDecisions::keepBothName(QStringLiteral("Plans/A-101.pdf"), 1),
             QStringLiteral("Plans/A-101 (1).pdf"));
    QCOMPARE(ConflictDecisions::keepBothName(QStringLiteral("a.b/c.tar.gz"), 2),
             QStringLiteral("a.b/c.tar (2).gz"));
    QCOMPARE(ConflictDecisions::keepBothName(QStringLiteral("README"), 3), QStringLiteral("README (3)"));
    QCOMPARE(ConflictDecisions::keepBothName(QStringLiteral("x/.profile"), 1),
             QStringLiteral("x/.profile (1)"));
}

void TestConflictsDialog::keepBothWritesTheSourcesFileUnderAFreeName()
{
    makeConflicts();
    // Someone's file already has A-102's first free name: the kept copy takes the next.
    putFile(m_fixture->dst(), QStringLiteral("Plans/A-102 (1).pdf"), "someone else's", fixedTime(100));
    const qint64 jobId = runAskJob();
    QVERIFY(jobId > 0);

    // The queue's row says that files wait (not just "Done (3 skipped)").
    JobQueuePanel panel(m_fixture->queue());
    panel.setStoreResolver(&m_fixture->resolver());
    panel.resize(1000, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY(panel.model()->indexOfJob(jobId).isValid());
    const auto stateOf = [&panel](qint64 id) {
        return panel.model()->indexOfJob(id, JobQueueModel::StateColumn).data().toString();
    };
    QCOMPARE(stateOf(jobId), QStringLiteral("Done, 3 waiting for your decision"));
    QVERIFY(!panel.model()
                 ->indexOfJob(jobId, JobQueueModel::StateColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
    save(&panel, QStringLiteral("queue-waiting"));

    ConflictsDialog dialog(m_fixture->queue(), &m_fixture->resolver(), jobId);
    QCOMPARE(dialog.rowCount(), 3);
    QComboBox *all = dialog.allBox();
    all->setCurrentIndex(all->findData(int(ConflictsDialog::Choice::KeepBoth)));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(dialog.decisionAt(row), ConflictDecisions::Decision::KeepBoth);
    dialog.choiceBox(2)->setCurrentIndex(dialog.choiceBox(2)->findData(int(ConflictsDialog::Choice::Later)));
    QSignalSpy finished(m_fixture->queue(), &JobQueue::jobFinished);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(dialog.destinationsKnown(), 3);
    save(&dialog, QStringLiteral("conflicts-keep-both"));
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    const Error error = waitFinished(jobId, finished);
    QVERIFY2(!error, qPrintable(error.toString()));

    const QString plans = m_fixture->dst() + QStringLiteral("/Plans/");
    QCOMPARE(readFile(plans + QStringLiteral("A-101.pdf")), QByteArray("site copy of A-101.pdf"));
    QCOMPARE(readFile(plans + QStringLiteral("A-101 (1).pdf")), QByteArray("office revision of A-101.pdf"));
    QCOMPARE(readFile(plans + QStringLiteral("A-102.pdf")), QByteArray("site copy of A-102.pdf"));
    QCOMPARE(readFile(plans + QStringLiteral("A-102 (1).pdf")), QByteArray("someone else's"));
    QCOMPARE(readFile(plans + QStringLiteral("A-102 (2).pdf")), QByteArray("office revision of A-102.pdf"));
    QCOMPARE(readFile(plans + QStringLiteral("A-103.pdf")), QByteArray("site copy of A-103.pdf"));
    QCOMPARE(QDir(plans).entryList(QDir::Files).size(), 6);
    const JobRecord job = m_fixture->queue()->job(jobId);
    QCOMPARE(job.state, JobState::Done);
    QCOMPARE(job.itemsFailed, qint64(0));
    QCOMPARE(m_fixture->queue()->awaitingDecisions(jobId).value().size(), 1);
    QTRY_COMPARE(stateOf(jobId), QStringLiteral("Done, 1 waiting for your decision"));
    // Decided once: the same decision again is refused and writes nothing.
    const QVector<JobItem> items = m_fixture->queue()->items(jobId, -1, 1000).value();
    qint64 keptId = 0;
    for (const JobItem &item : items) {
        if (item.sourcePath == QStringLiteral("Plans/A-101.pdf") && item.action != ItemAction::CreateFolder)
            keptId = item.id;
    }
    QVERIFY(keptId > 0);
    QVERIFY(
        !m_fixture->queue()->resolveConflicts(jobId, {{keptId, ConflictDecisions::Decision::KeepBoth}}).ok());

    // A second run meets the same conflicts; keeping both again finds the copies made (the same
    // bytes and time) instead of making a third, and names only the new one.
    const qint64 second = runAskJob();
    QVERIFY(second > 0);
    const QVector<JobItem> again = m_fixture->queue()->awaitingDecisions(second).value();
    QCOMPARE(again.size(), 3);
    QHash<qint64, ConflictDecisions::Decision> keepAll;
    for (const JobItem &item : again)
        keepAll.insert(item.id, ConflictDecisions::Decision::KeepBoth);
    QSignalSpy secondFinished(m_fixture->queue(), &JobQueue::jobFinished);
    const Status resolved = m_fixture->queue()->resolveConflicts(second, keepAll);
    QVERIFY2(resolved.ok(), qPrintable(resolved.error().toString()));
    QVERIFY(!waitFinished(second, secondFinished));
    QCOMPARE(readFile(plans + QStringLiteral("A-103 (1).pdf")), QByteArray("office revision of A-103.pdf"));
    QVERIFY(!QFile::exists(plans + QStringLiteral("A-101 (2).pdf")));
    QVERIFY(!QFile::exists(plans + QStringLiteral("A-102 (3).pdf")));
    QCOMPARE(QDir(plans).entryList(QDir::Files).size(), 7);
    QCOMPARE(m_fixture->queue()->job(second).itemsFailed, qint64(0));
    QTRY_COMPARE(stateOf(second), QStringLiteral("Done"));
}

void TestConflictsDialog::firstStartGeometryIsMostOfTheScreen()
{
    // 80 % of the available area, centred (a taskbar's 40 px at the top shifts it down).
    QCOMPARE(MainWindow::firstStartGeometry(QRect(0, 40, 1920, 1160), QSize(870, 550)),
             QRect(192, 156, 1536, 928));
    // Never below the window's minimum, never beyond the screen.
    QCOMPARE(MainWindow::firstStartGeometry(QRect(0, 0, 1000, 600), QSize(870, 550)),
             QRect(65, 25, 870, 550));
    QCOMPARE(MainWindow::firstStartGeometry(QRect(0, 0, 800, 500), QSize(870, 550)), QRect(0, 0, 800, 500));
}

void TestConflictsDialog::windowOpensLargeUnlessAGeometryWasSaved()
{
    QSettings().remove(QStringLiteral("window"));
    ProfileRepository profiles(m_fixture->database());
    SecretStore secrets;
    RateLimitMeters meters;
    const ConnectionServices services{&profiles, &secrets, &meters};
    ConnectionManager manager(services);
    ConnectionStores stores(services);
    JobQueue queue(m_fixture->database(), stores);
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QRect saved;
    {
        MainWindow window({&manager, &stores, &queue, nullptr});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nothing saved: 80 % of the screen, centred (was the layouts' ~870 × 550 in a corner).
        QCOMPARE(window.geometry(), MainWindow::firstStartGeometry(available, window.minimumSizeHint()));
        QVERIFY(window.width() > available.width() / 2 && window.height() > available.height() / 2);
        window.setGeometry(QRect(available.topLeft() + QPoint(30, 40), QSize(900, 600)));
        QTRY_COMPARE(window.size(), QSize(900, 600));
        window.saveLayout();
        saved = window.geometry();
    }
    MainWindow again({&manager, &stores, &queue, nullptr});
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), saved.size()); // the saved geometry wins
    QSettings().remove(QStringLiteral("window"));
}

int main(int argc, char **argv)
{
    return runWithOwnSettings<TestConflictsDialog>(argc, argv, QStringLiteral("tst_conflictsdialog"));
}

#include "tst_conflictsdialog.moc"
