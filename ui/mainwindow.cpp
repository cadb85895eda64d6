#include "ui/mainwindow.h"

#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionsetup.h"
#include "core/services/connectionstores.h"
#include "core/store/store.h"
#include "ui/browser/panewidget.h"
#include "ui/connections/connectionmanagerdialog.h"
#include "ui/jobs/jobqueuepanel.h"
#include "ui/jobs/transferflow.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/icons.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/theme.h"
#include "ui/status/budgetmeterwidget.h"
#include "ui/status/jobnotifier.h"
#include "ui/wizard/connectionwizard.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace trestle {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kPaneKey = QStringLiteral("window/%1Connection");
// The column widths the user chose in each pane (PaneWidget::columnState()).
const QString kColumnsKey = QStringLiteral("window/%1Columns");

QString connectionLabel(const ConnectionProfile &profile)
{
    if (!profile.displayName.isEmpty())
        return profile.displayName;
    if (profile.platform == ConnectionProfile::Platform::Share)
        return profile.rootPath;
    return profile.projectName;
}

} // namespace

MainWindow::MainWindow(const MainWindowServices &services, const QUrl &demoUrl, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_demoUrl(demoUrl)
    , m_theme(services.theme ? services.theme : new Theme(this))
{
    setWindowTitle(demoUrl.isEmpty() ? tr("Trestle") : tr("Trestle — demo sandbox"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyState());
    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);
    m_left = createPane(QStringLiteral("left"));
    m_right = createPane(QStringLiteral("right"));
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);

    m_meter = new BudgetMeterWidget(statusBar());
    statusBar()->addPermanentWidget(m_meter);
    m_meter->hide(); // until a pane shows a Procore connection
    statusBar()->setSizeGripEnabled(true);

    createQueue();
    createActions();

    ConnectionStores *stores = m_services.stores;
    connect(stores, &ConnectionStores::signInNeeded, this, &MainWindow::signInNeeded);
    ProfileRepository *profiles = m_services.manager->services().profiles;
    connect(profiles, &ProfileRepository::profileAdded, this, &MainWindow::reload);
    connect(profiles, &ProfileRepository::profileChanged, this, &MainWindow::reload);
    connect(profiles, &ProfileRepository::profileRemoved, this, [this, stores](const QString &id) {
        stores->forget(id);
        reload();
    });

    resize(1200, 760);
    restoreLayout();
    reload();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createEmptyState()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);

    auto *icon = new QLabel(page);
    icon->setPixmap(QApplication::windowIcon().pixmap(QSize(96, 96)));
    if (icon->pixmap().isNull())
        icon->setPixmap(QIcon(QStringLiteral(":/icons/trestle.svg")).pixmap(QSize(96, 96)));
    icon->setAlignment(Qt::AlignCenter);
    outer->addWidget(icon);

    auto *heading = new QLabel(tr("Connect a project and a file share"), page);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);
    outer->addWidget(heading);

    auto *text =
        new QLabel(tr("Add a connection for each side: a Procore project's Documents, or a folder on "
                      "a file share. Then drag folders from one pane to the other."),
                   page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // A fixed width lets the wrapped label ask for the height it needs (a maximum squashes it).
    // About 70 characters: two even lines in English instead of three with an orphan.
    text->setFixedWidth(text->fontMetrics().averageCharWidth() * 72);
    text->setMinimumHeight(text->heightForWidth(text->width()));
    text->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(text, 0, Qt::AlignHCenter);
    outer->addSpacing(text->fontMetrics().height());

    m_add = new QPushButton(Icons::action(QStringLiteral("add-connection")), tr("&Add connection…"), page);
    m_add->setDefault(true);
    m_add->setAutoDefault(true);
    m_add->setAccessibleName(tr("Add connection"));
    const int em = m_add->fontMetrics().height();
    m_add->setMinimumHeight(em * 2 + 4);
    m_add->setIconSize(QSize(em, em));
    m_add->setMinimumWidth(m_add->sizeHint().width() + em * 2);
    connect(m_add, &QPushButton::clicked, this, &MainWindow::addConnection);
    outer->addWidget(m_add, 0, Qt::AlignHCenter);

    if (!m_demoUrl.isEmpty()) {
        auto *demo = new QLabel(tr("Demo: sign in with demo@trestle.test / trestle-demo."), page);
        demo->setAlignment(Qt::AlignCenter);
        demo->setForegroundRole(QPalette::PlaceholderText);
        outer->addWidget(demo);
    }
    outer->addStretch(3);
    return page;
}

PaneWidget *MainWindow::createPane(const QString &side)
{
    auto *pane = new PaneWidget(m_splitter);
    pane->setObjectName(side + QStringLiteral("Pane"));
    m_splitter->addWidget(pane);
    connect(pane, &PaneWidget::connectionRequested, this, [this, pane, side](const QString &id) {
        QSettings().setValue(kPaneKey.arg(side), id);
        openConnection(pane, id);
    });
    connect(pane, &PaneWidget::addConnectionRequested, this, &MainWindow::addConnection);
    connect(pane, &PaneWidget::transferRequested, this,
            [this](const TransferRequest &request) { m_flow->request(request); });
    connect(pane, &PaneWidget::showInProcoreRequested, this, [this](const QString &id, const QString &path) {
        const QUrl link = m_services.stores->webLink(id, path);
        if (link.isValid())
            QDesktopServices::openUrl(link);
    });
    // Each pane shows its own status line; the window's status bar keeps messages and the meter.
    return pane;
}

void MainWindow::createQueue()
{
    m_panel = new JobQueuePanel(m_services.queue, this);
    ConnectionStores *stores = m_services.stores;
    m_panel->setDisplayNames([stores](const QString &id) { return stores->displayName(id); });
    m_panel->setStoreResolver(stores);
    m_dock = new QDockWidget(tr("Transfers"), this);
    m_dock->setObjectName(QStringLiteral("queueDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                        | QDockWidget::DockWidgetFloatable);
    m_dock->setWidget(m_panel);
    addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    resizeDocks({m_dock}, {240}, Qt::Vertical);

    m_flow = new TransferFlow(m_services.queue, this);
    m_flow->setDefaultPolicies([] { return AppSettings::load().defaultPolicies(); });
    m_flow->setDisplayNames([stores](const QString &id) { return stores->displayName(id); });
    const AppSettings settings = AppSettings::load();
    m_services.queue->setMaxRunningJobs(settings.jobsAtOnce);
    m_services.queue->setWorkersPerJob(settings.workersPerJob);

    connect(m_services.queue, &JobQueue::jobProgress, this, &MainWindow::jobProgress);
    connect(m_services.queue, &JobQueue::jobFinished, this, &MainWindow::jobFinished);
    connect(m_services.queue, &JobQueue::jobStopped, this, &MainWindow::jobStopped);
    connect(m_services.queue, &JobQueue::jobAdded, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
}

void MainWindow::createActions()
{
    QAction *add = new QAction(Icons::action(QStringLiteral("add-connection")), tr("&Add connection…"), this);
    add->setShortcut(QKeySequence::New);
    connect(add, &QAction::triggered, this, &MainWindow::addConnection);
    QAction *manage = new QAction(Icons::action(QStringLiteral("connections")), tr("&Connections…"), this);
    connect(manage, &QAction::triggered, this, &MainWindow::manageConnections);
    QAction *settings = new QAction(Icons::action(QStringLiteral("settings")), tr("&Settings…"), this);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    QAction *quit = new QAction(Icons::action(QStringLiteral("quit")), tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(add);
    file->addAction(manage);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *transfers = m_dock->toggleViewAction();
    transfers->setText(tr("&Transfers"));
    transfers->setIcon(Icons::action(QStringLiteral("queue")));
    view->addAction(transfers);
    QMenu *theme = view->addMenu(Icons::action(QStringLiteral("theme")), tr("T&heme"));
    m_themeGroup = new QActionGroup(this);
    const AppSettings::Theme current = AppSettings::load().theme;
    const std::pair<AppSettings::Theme, QString> themes[] = {{AppSettings::Theme::System, tr("&System")},
                                                             {AppSettings::Theme::Light, tr("&Light")},
                                                             {AppSettings::Theme::Dark, tr("&Dark")}};
    for (const auto &[choice, label] : themes) {
        QAction *action = theme->addAction(label);
        action->setCheckable(true);
        action->setChecked(choice == current);
        action->setData(int(choice));
        m_themeGroup->addAction(action);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { applyTheme(action->data().toInt()); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(Icons::action(QStringLiteral("about")), tr("&About Trestle"), this, [this] {
        QMessageBox::about(this, tr("About Trestle"),
                           tr("<b>Trestle %1</b><p>Moves construction project files between Procore "
                              "Documents and file shares.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(add);
    bar->addAction(manage);
    bar->addSeparator();
    bar->addAction(transfers);
    bar->addAction(settings);

    // The tray's menu: bring the window back, or quit while jobs run in the background.
    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show Trestle"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    trayMenu->addAction(quit);
    m_notifier = new JobNotifier(QApplication::windowIcon(), trayMenu, this);
    connect(m_notifier, &JobNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_notifier, &JobNotifier::notified, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
}

void MainWindow::applyTheme(int choice)
{
    const auto theme = static_cast<AppSettings::Theme>(choice);
    m_theme->apply(theme);
    AppSettings settings = AppSettings::load();
    settings.theme = theme;
    settings.save();
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == choice);
}

bool MainWindow::isShowingEmptyState() const
{
    return m_stack->currentIndex() == 0;
}

void MainWindow::reload()
{
    const auto profiles = m_services.manager->connections();
    if (!profiles.ok()) {
        statusBar()->showMessage(profiles.error().message());
        return;
    }
    QVector<PaneConnection> connections;
    QVector<QString> procore;
    QVector<QString> shares;
    for (const ConnectionProfile &profile : profiles.value()) {
        const bool isProcore = profile.platform == ConnectionProfile::Platform::Procore;
        connections.append(PaneConnection{profile.id, connectionLabel(profile), isProcore});
        (isProcore ? procore : shares).append(profile.id);
    }
    m_left->setConnections(connections);
    m_right->setConnections(connections);
    m_stack->setCurrentIndex(connections.isEmpty() ? 0 : 1);
    m_dock->setVisible(!connections.isEmpty() || !m_services.queue->jobs().isEmpty());
    if (!connections.isEmpty())
        chooseDefaults(procore, shares);
    if (!m_demoUrl.isEmpty()) {
        // The demo saves its share before anything else: the panes then show that share twice, and
        // only the empty state (which they replace) said how to add the sandbox.
        statusBar()->showMessage(
            procore.isEmpty()
                ? tr("Demo: use Add connection… for the bundled Procore sandbox and sign in "
                     "as demo@trestle.test / trestle-demo.")
                : tr("Demo: the bundled Procore sandbox runs at %1").arg(m_demoUrl.toDisplayString()));
    }
}

// Left: the last connection the user chose there, else the first Procore project; right: the
// last one chosen there, else the first share. A pane keeps what it shows while it still exists.
void MainWindow::chooseDefaults(const QVector<QString> &procore, const QVector<QString> &shares)
{
    QVector<QString> all = procore + shares;
    const QSettings settings;
    const auto pick = [&](PaneWidget *pane, const QString &side, const QVector<QString> &preferred,
                          const QString &avoid) -> QString {
        const QString current = m_opening.value(pane, pane->connectionId());
        if (!current.isEmpty() && all.contains(current))
            return QString();
        const QString remembered = settings.value(kPaneKey.arg(side)).toString();
        if (all.contains(remembered))
            return remembered;
        for (const QString &id : preferred) {
            if (id != avoid)
                return id;
        }
        for (const QString &id : all) {
            if (id != avoid)
                return id;
        }
        return all.value(0);
    };
    const QString left = pick(m_left, QStringLiteral("left"), procore, QString());
    if (!left.isEmpty())
        openConnection(m_left, left);
    const QString leftShown = m_opening.value(m_left, m_left->connectionId());
    const QString right = pick(m_right, QStringLiteral("right"), shares, leftShown);
    if (!right.isEmpty())
        openConnection(m_right, right);
}

void MainWindow::openConnection(PaneWidget *pane, const QString &id)
{
    m_opening.insert(pane, id);
    QPointer<MainWindow> self(this);
    m_services.stores->prepare(id, [self, pane, id](const Error &error) {
        if (!self || self->m_opening.value(pane) != id)
            return; // the window is gone, or the user chose another connection meanwhile
        self->m_opening.remove(pane);
        Error failure = error;
        std::unique_ptr<Store> store;
        if (!failure)
            store = self->m_services.stores->openStore(id, &failure);
        const bool ok = store != nullptr;
        if (!ok) {
            const QString reason = failure ? failure.message() : tr("The connection cannot be opened.");
            pane->showUnavailable(id, reason);
            self->m_unavailable.insert(pane, id);
            const bool signIn =
                failure.kind() == Error::Kind::AuthRevoked || failure.kind() == Error::Kind::AuthExpired;
            if (signIn)
                self->signInNeeded(id, reason);
        } else {
            self->m_unavailable.remove(pane);
            pane->setStore(std::move(store), id);
        }
        self->updateMeter();
        Q_EMIT self->connectionOpened(pane, id, ok);
    });
}

// The meter follows the budget of the Procore connection shown; left first, as it usually is.
void MainWindow::updateMeter()
{
    RateLimitMeter *meter = nullptr;
    for (PaneWidget *pane : {m_left, m_right}) {
        if (!meter && pane->store())
            meter = m_services.stores->meter(pane->connectionId());
    }
    m_meter->setMeter(meter);
    m_meter->setVisible(meter != nullptr);
}

void MainWindow::jobProgress(const EngineProgress &progress)
{
    if (progress.state == JobState::Waiting && progress.waitingUntil.isValid())
        m_waiting.insert(progress.jobId, progress.waitingUntil);
    else if (!m_waiting.remove(progress.jobId))
        return;
    QDateTime latest;
    for (const QDateTime &until : std::as_const(m_waiting))
        latest = std::max(latest, until);
    m_meter->setJobWaitingUntil(latest);
}

void MainWindow::jobFinished(qint64 jobId, const Error &error)
{
    if (m_waiting.remove(jobId))
        jobProgress(EngineProgress{});
    const JobRecord job = m_services.queue->job(jobId);
    if (job.id == 0 || job.state == JobState::Planned)
        return;
    m_notifier->jobFinished(job, m_services.stores->displayName(job.destinationConnection), error);
}

void MainWindow::jobStopped(qint64 jobId, const Error &reason)
{
    if (m_waiting.remove(jobId))
        jobProgress(EngineProgress{});
    const JobRecord job = m_services.queue->job(jobId);
    if (job.id == 0)
        return;
    m_notifier->jobStopped(job, m_services.stores->displayName(job.destinationConnection), reason);
    // A revoked sign-in: offer the reconnect that lets the held jobs go on.
    for (const QString &connection : {job.sourceConnection, job.destinationConnection}) {
        if (!connection.isEmpty() && m_services.queue->needsSignIn(connection))
            signInNeeded(connection, reason.message());
    }
}

void MainWindow::signInNeeded(const QString &id, const QString &message)
{
    const auto profile = m_services.manager->connection(id);
    const QString name = profile.ok() ? connectionLabel(profile.value()) : id;
    for (PaneWidget *pane : {m_left, m_right}) {
        if (pane->connectionId() == id && !m_unavailable.contains(pane)) {
            pane->showUnavailable(id, message);
            m_unavailable.insert(pane, id);
        }
    }
    // A window-modal sheet, not exec(): no nested event loop in product code.
    if (m_askingSignIn.contains(id))
        return;
    m_askingSignIn.insert(id);
    auto *sheet = new QMessageBox(QMessageBox::Warning, tr("Sign in again"),
                                  tr("Trestle needs you to sign in to “%1” again.").arg(name),
                                  QMessageBox::NoButton, this);
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->setInformativeText(message);
    QPushButton *reconnectButton = sheet->addButton(tr("&Reconnect…"), QMessageBox::AcceptRole);
    sheet->addButton(tr("Later"), QMessageBox::RejectRole);
    sheet->setDefaultButton(reconnectButton);
    connect(sheet, &QMessageBox::buttonClicked, this, [this, id, reconnectButton](QAbstractButton *button) {
        m_askingSignIn.remove(id);
        if (button == reconnectButton)
            reconnect(id);
    });
    sheet->open();
}

void MainWindow::addConnection()
{
    auto *wizard = new ConnectionWizard(m_services.manager->newSetup(nullptr), m_demoUrl, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &ConnectionWizard::connectionSaved, this, &MainWindow::showAddedConnection);
    wizard->show();
}

void MainWindow::showAddedConnection(const QString &id)
{
    // The panes' lists have it already: saving it emitted the repository's profileAdded (reload()).
    const Result<ConnectionProfile> profile = m_services.manager->connection(id);
    if (!profile.ok())
        return;
    PaneWidget *pane = profile.value().platform == ConnectionProfile::Platform::Procore ? m_left : m_right;
    if (m_opening.value(pane, pane->connectionId()) != id)
        openConnection(pane, id);
}

void MainWindow::reconnect(const QString &id)
{
    const Result<ConnectionSetup *> setup = m_services.manager->reconnectSetup(id, nullptr);
    if (!setup.ok()) {
        statusBar()->showMessage(setup.error().message());
        return;
    }
    auto *wizard = new ConnectionWizard(setup.value(), m_demoUrl, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &ConnectionWizard::connectionSaved, this, [this](const QString &saved) {
        // New tokens: drop the old context, let the jobs held for this sign-in go on, and open
        // the panes that showed the failure again.
        m_services.stores->forget(saved);
        m_services.queue->connectionSignedIn(saved);
        for (PaneWidget *pane : {m_left, m_right}) {
            if (pane->connectionId() == saved || m_unavailable.value(pane) == saved)
                openConnection(pane, saved);
        }
    });
    wizard->show();
}

void MainWindow::manageConnections()
{
    if (!m_managerDialog) {
        m_managerDialog = new ConnectionManagerDialog(m_services.manager, m_demoUrl, this);
        m_managerDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_managerDialog, &QDialog::finished, this, [this] {
            // A reconnect in the manager replaced tokens: panes that could not open try again.
            const auto unavailable = m_unavailable;
            for (auto it = unavailable.begin(); it != unavailable.end(); ++it) {
                m_services.stores->forget(it.value());
                openConnection(it.key(), it.value());
            }
            // Jobs held for a sign-in try again; one whose connection is still signed out pauses
            // again with the same reason (JobQueue), it never fails.
            const auto profiles = m_services.manager->connections();
            for (const ConnectionProfile &profile :
                 profiles.ok() ? profiles.value() : QVector<ConnectionProfile>{}) {
                if (m_services.queue->needsSignIn(profile.id)) {
                    m_services.stores->forget(profile.id);
                    m_services.queue->connectionSignedIn(profile.id);
                }
            }
            reload();
        });
    }
    m_managerDialog->show();
    m_managerDialog->raise();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(AppSettings::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::forgetDropChoiceRequested, this,
            [] { TransferFlow::forgetRememberedChoice(); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const AppSettings settings = dialog->settings();
        const AppSettings before = AppSettings::load();
        settings.save();
        m_services.queue->setMaxRunningJobs(settings.jobsAtOnce);
        m_services.queue->setWorkersPerJob(settings.workersPerJob);
        if (settings.theme != m_theme->choice())
            applyTheme(int(settings.theme));
        if (settings.language != before.language)
            statusBar()->showMessage(tr("The new language applies the next time Trestle starts."), 15000);
    });
    dialog->open();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kColumnsKey.arg(QLatin1String("left")), m_left->columnState());
    settings.setValue(kColumnsKey.arg(QLatin1String("right")), m_right->columnState());
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // First start (nothing saved): the layouts' own size (about 870 × 550) looks lost on a
        // desktop screen and cramps both panes; a saved geometry always wins over this.
        const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        if (screen)
            setGeometry(firstStartGeometry(screen->availableGeometry(), minimumSizeHint()));
    }
    restoreState(settings.value(kStateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({1, 1});
    // Nothing saved or unreadable (another version): the panes keep fitting their columns.
    m_left->restoreColumnState(settings.value(kColumnsKey.arg(QLatin1String("left"))).toByteArray());
    m_right->restoreColumnState(settings.value(kColumnsKey.arg(QLatin1String("right"))).toByteArray());
}

QRect MainWindow::firstStartGeometry(const QRect &available, const QSize &minimum)
{
    const QSize size = (available.size() * 0.8).expandedTo(minimum).boundedTo(available.size());
    return QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace trestle
