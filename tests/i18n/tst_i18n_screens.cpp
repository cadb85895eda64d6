// The translated screens: the add-connection wizard (both paths, against the sandbox), the
// connection manager and the main window, with the catalogue compiled into the binary, in the
// language of TRESTLE_SCREENS_LANGUAGE (default "de"; "en" makes the user guide's pictures).
// Every screen is grabbed into the test's output folder (<lang>-*.png) for a person to look at,
// and checked for text that does not fit its control (truncationfinder.h); the findings go to
// truncations-<lang>.txt.
// The wizard and the manager must have none; the main window's findings are listed (its panes
// are still growing) and fail the test only with TRESTLE_I18N_STRICT=1.
#include "core/common/translations.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/demosetup.h"
#include "core/services/ratelimitmeters.h"
#include "ui/browser/transferrequest.h"
#include "ui/connections/connectionmanagerdialog.h"
#include "ui/jobs/conflictsdialog.h"
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/transferflow.h"
#include "ui/mainwindow.h"
#include "ui/settings/settingsdialog.h"
#include "ui/status/budgetmeterwidget.h"
#include "ui/wizard/connectionwizard.h"
#include "ui/wizard/signinpage.h"
#include "ui/wizard/wizardpageids.h"

#include "sandboxprocess.h"
#include "testoutput.h"
#include "truncationfinder.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTreeView>
#include <QTreeWidget>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <memory>
#include <optional>

using namespace trestle;

namespace {

constexpr int kWaitMs = 30000;

[[maybe_unused]] const bool kShareContexts = [] {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return true;
}();

} // namespace

class TestI18nScreens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void catalogueIsCompiledIn();
    void emptyMainWindow();
    void wizardProcorePath();
    void wizardSharePath();
    void connectionManager();
    void mainWindow();
    void queueAndBudget();
    void scheduleAndConflicts();

private:
    // Answers the drop question for a share -> Procore drop of `folder` (no preview); returns the
    // job's id.
    qint64 dropToProcore(MainWindow *window, const QString &folder);
    // The screen's pixels of `widget`'s window and the popups over it, by trestle-screengrab (as
    // the user sees them; QWidget::grab() leaves popups out); into <lang>-<name>.png.
    bool grabScreen(QWidget *window, const QString &name);
    ConnectionWizard *openWizard();
    // Grabs the widget into <lang>-<name>.png and records what is cut off; returns the findings.
    QStringList grabAndCheck(QWidget *widget, const QString &name);
    void clickNext(ConnectionWizard *wizard);
    void clickRadio(ConnectionWizard *wizard, const char *name);
    QVariant runJs(QWebEngineView *view, const QString &script);
    bool waitForJs(QWebEngineView *view, const QString &script);

    testing::SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ProfileRepository> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RateLimitMeters> m_meters;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<ConnectionStores> m_stores;
    std::unique_ptr<JobQueue> m_queue;
    QStringList m_report;
    QString m_language;
    QString m_share; // the demo's folder of construction files (installer/make-demo-share.sh)
};

namespace {

// What the catalogue makes of an English string; for any language but English it must differ,
// which proves the screen was built with the catalogue loaded.
QString translated(const char *context, const char *english, const QString &language)
{
    const QString text = QCoreApplication::translate(context, english);
    if (language != QLatin1String("en") && text == QLatin1String(english))
        qWarning("untranslated in %s: %s", context, english);
    return text;
}

} // namespace

void TestI18nScreens::initTestCase()
{
    m_language = qEnvironmentVariable("TRESTLE_SCREENS_LANGUAGE", QStringLiteral("de"));
    installTranslations(m_language);
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY(m_dir.isValid());
    // The resources of the static trestle_ui library (icons), as main() registers them.
    Q_INIT_RESOURCE(resources);
    m_share = m_dir.filePath(QStringLiteral("Demo share"));
    const QString makeShare = qEnvironmentVariable("TRESTLE_MAKE_DEMO_SHARE");
    if (QFile::exists(makeShare)) {
        QProcess make;
        make.start(QStringLiteral("bash"), {makeShare, m_share});
        QVERIFY(make.waitForFinished(60000) && make.exitCode() == 0);
    } else {
        QVERIFY(QDir().mkpath(m_share));
    }
    m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle.sqlite")));
    QVERIFY(m_db->open().ok());
    m_profiles = std::make_unique<ProfileRepository>(*m_db);
    m_secrets = std::make_unique<SecretStore>();
    m_meters = std::make_unique<RateLimitMeters>();
    const ConnectionServices services{m_profiles.get(), m_secrets.get(), m_meters.get()};
    m_manager = std::make_unique<ConnectionManager>(services);
    m_stores = std::make_unique<ConnectionStores>(services);
    m_queue = std::make_unique<JobQueue>(*m_db, *m_stores);
}

void TestI18nScreens::cleanupTestCase()
{
    QFile report(testing::testOutputDir() + QStringLiteral("/truncations-%1.txt").arg(m_language));
    if (report.open(QIODevice::WriteOnly | QIODevice::Truncate))
        report.write(m_report.join(QLatin1Char('\n')).toUtf8() + '\n');
    m_queue.reset();
    m_stores.reset();
    m_manager.reset();
    m_meters.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_db.reset();
    installTranslations(QStringLiteral("en"));
}

void TestI18nScreens::cleanup()
{
    QList<QPointer<QWidget>> windows;
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (qobject_cast<ConnectionWizard *>(window))
            windows.append(window);
    }
    for (const QPointer<QWidget> &window : std::as_const(windows))
        delete window.data();
}

void TestI18nScreens::catalogueIsCompiledIn()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/trestle_de.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/trestle_es.qm")));
    QCOMPARE(availableTranslations(), (QStringList{QStringLiteral("de"), QStringLiteral("es")}));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("trestle::ConnectionWizard", "Add connection"),
             QStringLiteral("Verbindung hinzufügen"));
    QCOMPARE(QCoreApplication::translate("trestle::JobRunner", "%n item(s) failed.", nullptr, 3),
             QStringLiteral("3 Elemente sind fehlgeschlagen."));
    QCOMPARE(QCoreApplication::translate("trestle::JobRunner", "%n item(s) failed.", nullptr, 1),
             QStringLiteral("1 Element ist fehlgeschlagen."));

    // Switching languages replaces the catalogue instead of stacking a second one.
    installTranslations(QStringLiteral("es"));
    QCOMPARE(QCoreApplication::translate("trestle::ConnectionWizard", "Add connection"),
             QStringLiteral("Añadir conexión"));
    installTranslations(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("trestle::ConnectionWizard", "Add connection"),
             QStringLiteral("Add connection"));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("trestle::ConnectionWizard", "Add connection"),
             QStringLiteral("Verbindung hinzufügen"));
    installTranslations(m_language);

    // Qt's own catalogue (standard buttons) when the system has it (qt6-translations-l10n).
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (m_language == QLatin1String("de") && QFile::exists(qtbase))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

// The first screen a new user sees: no connection yet.
void TestI18nScreens::emptyMainWindow()
{
    MainWindow window({m_manager.get(), m_stores.get(), m_queue.get(), nullptr}, m_sandbox.baseUrl());
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingEmptyState());
    QCOMPARE(window.addConnectionButton()->text(),
             translated("trestle::MainWindow", "&Add connection…", m_language));
    const QStringList cut = grabAndCheck(&window, QStringLiteral("00-mainwindow-empty"));
    if (qEnvironmentVariableIntValue("TRESTLE_I18N_STRICT") == 1)
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

ConnectionWizard *TestI18nScreens::openWizard()
{
    auto *wizard = new ConnectionWizard(m_manager->newSetup(nullptr), m_sandbox.baseUrl());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard))
        qWarning("wizard not exposed");
    wizard->activateWindow();
    QApplication::setActiveWindow(wizard);
    return wizard;
}

QStringList TestI18nScreens::grabAndCheck(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QString path = QStringLiteral("%1/%2-%3.png").arg(testing::testOutputDir(), m_language, name);
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
    const QStringList found = testing::findTruncatedTexts(widget);
    for (const QString &finding : found) {
        m_report.append(name + QStringLiteral(": ") + finding);
        qWarning("%s: %s", qPrintable(name), qPrintable(finding));
    }
    return found;
}

void TestI18nScreens::clickNext(ConnectionWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled() && next->isVisible(), kWaitMs);
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestI18nScreens::clickRadio(ConnectionWizard *wizard, const char *name)
{
    auto *radio = wizard->findChild<QRadioButton *>(QLatin1String(name));
    QVERIFY2(radio && radio->isVisible(), name);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    QVERIFY2(radio->isChecked(), name);
}

QVariant TestI18nScreens::runJs(QWebEngineView *view, const QString &script)
{
    auto result = std::make_shared<std::optional<QVariant>>();
    view->page()->runJavaScript(script, [result](const QVariant &value) { *result = value; });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, 10000))
        qWarning("no answer in time");
    return result->value_or(QVariant());
}

bool TestI18nScreens::waitForJs(QWebEngineView *view, const QString &script)
{
    return QTest::qWaitFor([&] { return runJs(view, script).toBool(); }, kWaitMs);
}

void TestI18nScreens::wizardProcorePath()
{
    QPointer<ConnectionWizard> wizard = openWizard();
    QCOMPARE(wizard->windowTitle(), translated("trestle::ConnectionWizard", "Add connection", m_language));
    QStringList cut = grabAndCheck(wizard, QStringLiteral("01-platform"));
    clickNext(wizard);
    QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("displayNameEdit")),
                     QStringLiteral("Bauvorhaben Nordpark"));
    cut += grabAndCheck(wizard, QStringLiteral("02-connection"));
    clickRadio(wizard, "customCredentialsRadio");
    cut += grabAndCheck(wizard, QStringLiteral("02-connection-custom"));
    clickRadio(wizard, "defaultCredentialsRadio");
    clickNext(wizard);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));

    QWebEngineView *view = wizard->signInPage()->browser();
    QVERIFY(view);
    QVERIFY2(waitForJs(view, QStringLiteral("document.getElementById('login') !== null")), "no login form");
    cut += grabAndCheck(wizard, QStringLiteral("03-signin"));
    clickRadio(wizard, "serviceModeRadio");
    cut += grabAndCheck(wizard, QStringLiteral("03-signin-service-account"));
    clickRadio(wizard, "userModeRadio");
    // Switching modes starts a new sign-in with a new browser.
    QTRY_VERIFY(wizard->signInPage()->browser() != nullptr);
    view = wizard->signInPage()->browser();
    QVERIFY2(waitForJs(view, QStringLiteral("document.getElementById('login') !== null")), "no login form");
    // The sandbox's published demo user (tests/sandbox/README.md), not a secret.
    runJs(view,
          QStringLiteral("document.getElementById('login').value = 'demo@trestle.test';"
                         "document.getElementById('password').value = 'trestle-demo';"
                         "document.getElementById('submit').click();"));

    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(wizard::ProjectPageId), kWaitMs);
    auto *list = wizard->findChild<QListView *>(QStringLiteral("projectList"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, kWaitMs);
    list->setCurrentIndex(list->model()->index(0, 0));
    cut += grabAndCheck(wizard, QStringLiteral("04-project"));
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(wizard::TestPageId), kWaitMs);
    auto *message = wizard->findChild<QLabel *>(QStringLiteral("testMessage"));
    QVERIFY(message);
    QTRY_COMPARE_WITH_TIMEOUT(
        message->text(), translated("trestle::ConnectionMessages", "Connection test succeeded", m_language),
        kWaitMs);
    cut += grabAndCheck(wizard, QStringLiteral("05-test"));
    // Saved, so the main window below has a Procore side.
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWaitMs);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

void TestI18nScreens::wizardSharePath()
{
    QPointer<ConnectionWizard> wizard = openWizard();
    clickRadio(wizard, "shareRadio");
    clickNext(wizard);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SharePageId));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("folderEdit")), m_share);
    // setText: QTest::keyClicks types ASCII only.
    wizard->findChild<QLineEdit *>(QStringLiteral("shareNameEdit"))
        ->setText(QStringLiteral("Baustellenbüro"));
    QStringList cut = grabAndCheck(wizard, QStringLiteral("06-share"));
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(wizard::TestPageId), kWaitMs);
    auto *message = wizard->findChild<QLabel *>(QStringLiteral("testMessage"));
    QVERIFY(message);
    QTRY_COMPARE_WITH_TIMEOUT(
        message->text(), translated("trestle::ConnectionMessages", "Connection test succeeded", m_language),
        kWaitMs);
    cut += grabAndCheck(wizard, QStringLiteral("06-share-test"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWaitMs);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

void TestI18nScreens::connectionManager()
{
    ConnectionManagerDialog dialog(m_manager.get(), m_sandbox.baseUrl());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), translated("trestle::ConnectionManagerDialog", "Connections", m_language));
    QVERIFY(dialog.table()->model()->rowCount() >= 1);
    dialog.table()->selectRow(0);
    const QStringList cut = grabAndCheck(&dialog, QStringLiteral("07-manager"));
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

void TestI18nScreens::mainWindow()
{
    // The demo's share (installer/demo.sh adds it the same way) next to the Procore project.
    QVERIFY(ensureDemoShare(*m_profiles, m_share).ok());
    MainWindow window({m_manager.get(), m_stores.get(), m_queue.get(), nullptr}, m_sandbox.baseUrl());
    QSignalSpy opened(&window, &MainWindow::connectionOpened);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 2, kWaitMs);
    QTest::qWait(500); // the panes' first listing
    QStringList cut = grabAndCheck(&window, QStringLiteral("08-mainwindow"));
    // The menu titles prove the window was built with the catalogue.
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QVERIFY2(menus.contains(translated("trestle::MainWindow", "&File", m_language)),
             qPrintable(menus.join(QLatin1Char(','))));

    window.openSettings();
    SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = window.findChild<SettingsDialog *>()) != nullptr && settings->isVisible());
    cut += grabAndCheck(settings, QStringLiteral("09-settings"));
    settings->reject();

    // A drop of the share's RFIs onto the Procore project: the question, then the preview.
    QString shareId;
    QString procoreId;
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.displayName == demoShareName())
            shareId = profile.id;
        else if (profile.platform == ConnectionProfile::Platform::Procore)
            procoreId = profile.id;
    }
    QVERIFY(!shareId.isEmpty() && !procoreId.isEmpty());
    TransferFlow::forgetRememberedChoice();
    window.transferFlow()->request({shareId, {QStringLiteral("RFIs")}, procoreId, QString()});
    QDialog *drop = nullptr;
    QTRY_VERIFY((drop = window.findChild<QDialog *>(QStringLiteral("dropActionDialog"))) != nullptr
                && drop->isVisible());
    cut += grabAndCheck(drop, QStringLiteral("10-drop"));
    drop->findChild<QCheckBox *>(QStringLiteral("previewCheck"))->setChecked(true);
    QTest::mouseClick(drop->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    QDialog *preview = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((preview = window.findChild<QDialog *>(QStringLiteral("planPreviewDialog")))
                                     != nullptr
                                 && preview->isVisible(),
                             kWaitMs);
    QTest::qWait(200);
    cut += grabAndCheck(preview, QStringLiteral("11-preview"));
    QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("discardButton")), Qt::LeftButton);

    if (qEnvironmentVariableIntValue("TRESTLE_I18N_STRICT") == 1)
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

qint64 TestI18nScreens::dropToProcore(MainWindow *window, const QString &folder)
{
    QString shareId;
    QString procoreId;
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.displayName == demoShareName())
            shareId = profile.id;
        else if (profile.platform == ConnectionProfile::Platform::Procore)
            procoreId = profile.id;
    }
    if (shareId.isEmpty() || procoreId.isEmpty())
        return 0;
    qint64 jobId = 0;
    QObject receiver;
    connect(m_queue.get(), &JobQueue::jobAdded, &receiver,
            [&jobId](const JobRecord &job) { jobId = job.id; });
    TransferFlow::forgetRememberedChoice();
    window->transferFlow()->request({shareId, {folder}, procoreId, QString()});
    QDialog *drop = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                drop = window->findChild<QDialog *>(QStringLiteral("dropActionDialog"));
                return drop && drop->isVisible();
            },
            kWaitMs))
        return 0;
    drop->findChild<QCheckBox *>(QStringLiteral("previewCheck"))->setChecked(false);
    QTest::mouseClick(drop->findChild<QPushButton *>(QStringLiteral("startButton")), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return jobId > 0; }, kWaitMs))
        qWarning("no job for %s", qPrintable(folder));
    return jobId;
}

bool TestI18nScreens::grabScreen(QWidget *window, const QString &name)
{
    QApplication::processEvents();
    const QString tool = qEnvironmentVariable("TRESTLE_SCREENGRAB_BIN");
    const QString path = QStringLiteral("%1/%2-%3.png").arg(testing::testOutputDir(), m_language, name);
    const QRect area = window->frameGeometry();
    QProcess grab;
    grab.start(tool,
               {path, QString::number(area.x()), QString::number(area.y()), QString::number(area.width()),
                QString::number(area.height())});
    // The event loop keeps running meanwhile, so the window stays painted.
    if (!QTest::qWaitFor([&] { return grab.state() == QProcess::NotRunning; }, kWaitMs))
        return false;
    if (grab.exitStatus() != QProcess::NormalExit || grab.exitCode() != 0) {
        qWarning("%s: %s", qPrintable(tool), grab.readAllStandardError().constData());
        return false;
    }
    return true;
}

// The user guide's pictures of the queue with a failed and a running job, and of the budget
// meter's last-hour popup, from the running window against the sandbox. The sandbox answers
// slowly meanwhile (latency), so a job is still running when the picture is taken; the failed
// job loses some of its files from the share while it runs (as when someone tidies the folder
// up meanwhile), so those items fail.
void TestI18nScreens::queueAndBudget()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("TRESTLE_SCREENGRAB_BIN")), "TRESTLE_SCREENGRAB_BIN");
    MainWindow window({m_manager.get(), m_stores.get(), m_queue.get(), nullptr}, m_sandbox.baseUrl());
    QSignalSpy opened(&window, &MainWindow::connectionOpened);
    window.resize(1280, 800);
    window.move(0, 0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 2, kWaitMs);
    QVERIFY(m_sandbox.configure({{QStringLiteral("latency_ms"), 600}}));

    // The failing job: the Structural drawings vanish from the share once the job runs.
    const qint64 failing = dropToProcore(&window, QStringLiteral("Drawings"));
    QVERIFY(failing > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(failing).state == JobState::Running, kWaitMs);
    QDir structural(m_share + QStringLiteral("/Drawings/Structural"));
    const QStringList drawings = structural.entryList(QDir::Files);
    QVERIFY(!drawings.isEmpty());
    for (const QString &file : drawings)
        QVERIFY(structural.remove(file));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(failing).state == JobState::Failed, kWaitMs);
    QVERIFY(m_queue->job(failing).itemsFailed > 0);

    // The running job, caught with some of its files copied.
    const qint64 running = dropToProcore(&window, QStringLiteral("Specifications"));
    QVERIFY(running > 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_queue->job(running).state == JobState::Running && m_queue->job(running).itemsDone >= 2, kWaitMs);
    // The failed job opened on its items, scrolled to its last ones (the Structural drawings that
    // failed), in a taller queue, so the picture shows which items failed and why.
    window.resizeDocks({window.queueDock()}, {380}, Qt::Vertical);
    window.queuePanel()->selectJob(failing);
    if (auto *view = qobject_cast<QTreeView *>(window.queuePanel()->view())) {
        const QModelIndex job = view->currentIndex();
        view->expand(job);
        QTest::qWait(200);
        const int children = view->model()->rowCount(job);
        if (children > 0)
            view->scrollTo(view->model()->index(children - 1, 0, job), QAbstractItemView::PositionAtBottom);
    }
    QTest::qWait(200);
    QVERIFY(grabScreen(&window, QStringLiteral("12-queue")));
    QStringList cut = grabAndCheck(window.queuePanel(), QStringLiteral("12-queue-panel"));

    // The budget's last hour, over the window as a click on the meter shows it.
    QWidget *popup = window.budgetMeter()->showChart();
    QVERIFY(popup);
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    QTest::qWait(200);
    QVERIFY(grabScreen(&window, QStringLiteral("13-budget")));
    cut += grabAndCheck(popup, QStringLiteral("13-budget-popup"));
    popup->close();

    // Done quickly from here on; nothing of these jobs is left for the other tests.
    QVERIFY(m_sandbox.configure({{QStringLiteral("latency_ms"), 0}}));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(running).state == JobState::Done, kWaitMs);
    if (qEnvironmentVariableIntValue("TRESTLE_I18N_STRICT") == 1)
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

// The user guide's Schedules section: a drop asked to run again daily; and its "ask" conflicts:
// files changed on the share after a first copy wait for a decision in the queue's dialog, which
// adds them to Procore as new versions.
void TestI18nScreens::scheduleAndConflicts()
{
    QString shareId;
    QString procoreId;
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.displayName == demoShareName())
            shareId = profile.id;
        else if (profile.platform == ConnectionProfile::Platform::Procore)
            procoreId = profile.id;
    }
    QVERIFY(!shareId.isEmpty() && !procoreId.isEmpty());
    MainWindow window({m_manager.get(), m_stores.get(), m_queue.get(), nullptr}, m_sandbox.baseUrl());
    QSignalSpy opened(&window, &MainWindow::connectionOpened);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 2, kWaitMs);

    TransferFlow::forgetRememberedChoice();
    window.transferFlow()->request({shareId, {QStringLiteral("Meeting Minutes")}, procoreId, QString()});
    DropActionDialog *drop = nullptr;
    QTRY_VERIFY((drop = window.findChild<DropActionDialog *>(QStringLiteral("dropActionDialog"))) != nullptr
                && drop->isVisible());
    drop->setKind(JobKind::Sync);
    auto *again = drop->findChild<QComboBox *>(QStringLiteral("againBox"));
    QVERIFY(again);
    again->setCurrentIndex(again->findData(int(JobSchedule::Kind::DailyAt)));
    drop->findChild<QTimeEdit *>(QStringLiteral("dailyAtEdit"))->setTime(QTime(6, 0));
    QCOMPARE(drop->schedule(), JobSchedule::dailyAt(QTime(6, 0)));
    QStringList cut = grabAndCheck(drop, QStringLiteral("14-schedule"));
    drop->reject();

    // A first copy, then three minutes changed on the share: the next copy asks about them.
    JobSpec spec;
    spec.kind = JobKind::Copy;
    spec.sourceConnection = shareId;
    spec.sourcePath = QStringLiteral("Meeting Minutes");
    spec.destinationConnection = procoreId;
    spec.destinationPath = QStringLiteral("Meeting Minutes");
    QSignalSpy finished(m_queue.get(), &JobQueue::jobFinished);
    const qint64 first = m_queue->submit(spec, false);
    QVERIFY(first > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(first).state == JobState::Done, kWaitMs);
    QDir minutes(m_share + QStringLiteral("/Meeting Minutes"));
    QStringList files = minutes.entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    files = files.mid(0, 3);
    for (const QString &name : std::as_const(files)) {
        QFile file(minutes.filePath(name));
        QVERIFY(file.open(QIODevice::Append));
        file.write(QByteArray(1500, ' ')); // a later revision: longer, and modified now
        file.close();
    }
    spec.policies.conflicts = ConflictPolicy::Ask;
    const qint64 asking = m_queue->submit(spec, false);
    QVERIFY(asking > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(asking).state == JobState::Done, kWaitMs);
    QCOMPARE(m_queue->awaitingDecisions(asking).value().size(), 3);
    // The share also holds a name Procore cannot take beside its twin: skipped, not asked about.
    const qint64 skippedBefore = m_queue->job(asking).itemsSkipped;

    window.queuePanel()->selectJob(asking);
    const int callsBefore = m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();
    ConflictsDialog *dialog = window.queuePanel()->resolveConflicts(asking);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->destinationsKnown(), 3, kWaitMs);
    // The destination's side comes from the listing the job just cached: no API call for it.
    QCOMPARE(m_sandbox.stats().value(QStringLiteral("total_api_calls")).toInt() - callsBefore, 0);
    // Paths below the dropped folder; Procore's side with its own size and time.
    QCOMPARE(dialog->list()->topLevelItem(0)->text(0), QStringLiteral("Agenda.docx"));
    QVERIFY(dialog->list()->topLevelItem(0)->text(2).contains(QStringLiteral("KiB")));
    // Procore keeps versions: the source's file becomes a new version there.
    dialog->allBox()->setCurrentIndex(dialog->allBox()->findData(int(ConflictsDialog::Choice::Overwrite)));
    dialog->choiceBox(1)->setCurrentIndex(dialog->choiceBox(1)->findData(int(ConflictsDialog::Choice::Skip)));
    QTest::qWait(200);
    cut += grabAndCheck(dialog, QStringLiteral("15-conflicts"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_queue->job(asking).state == JobState::Running || m_queue->job(asking).itemsDone >= 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->job(asking).state == JobState::Done, kWaitMs);
    QCOMPARE(m_queue->job(asking).itemsFailed, qint64(0));
    QCOMPARE(m_queue->job(asking).itemsSkipped, skippedBefore - 2); // two copied, one left as it is
    QVERIFY(m_queue->awaitingDecisions(asking).value().isEmpty());
    if (qEnvironmentVariableIntValue("TRESTLE_I18N_STRICT") == 1)
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestI18nScreens)
#include "tst_i18n_screens.moc"
