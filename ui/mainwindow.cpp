#include "ui/mainwindow.h"

#include "core/services/connectionmanager.h"
#include "ui/connections/connectionlistmodel.h"
#include "ui/connections/connectionmanagerdialog.h"
#include "ui/wizard/connectionwizard.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace trestle {

MainWindow::MainWindow(ConnectionManager *manager, const QUrl &demoUrl, QWidget *parent)
    : QMainWindow(parent), m_manager(manager), m_demoUrl(demoUrl), m_model(new ConnectionListModel(this))
{
    setWindowTitle(demoUrl.isEmpty() ? tr("Trestle") : tr("Trestle — demo sandbox"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->setSpacing(12);

    auto *heading = new QLabel(tr("Connections"), central);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    auto *intro =
        new QLabel(tr("A connection is one Procore project's Documents, or a folder on a file share. "
                      "Add one for each side you want to move files between."),
                   central);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_view = new QTableView(central);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Saved connections"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    m_empty = new QLabel(
        tr("No connections yet. Choose “Add connection…” to sign in to Procore or pick a share."), central);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add connection…"), central);
    m_add->setDefault(true);
    m_add->setAccessibleName(tr("Add connection"));
    m_manage = new QPushButton(tr("&Manage connections…"), central);
    m_manage->setAccessibleName(tr("Manage connections"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_manage);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setCentralWidget(central);

    connect(m_add, &QPushButton::clicked, this, &MainWindow::addConnection);
    connect(m_manage, &QPushButton::clicked, this, &MainWindow::manageConnections);
    connect(m_manager, &ConnectionManager::testFinished, this, &MainWindow::reload);
    connect(m_manager, &ConnectionManager::removeFinished, this, &MainWindow::reload);

    createMenus();
    if (!demoUrl.isEmpty())
        statusBar()->showMessage(
            tr("Demo: the bundled Procore sandbox runs at %1").arg(demoUrl.toDisplayString()));
    reload();
    resize(960, 600);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Add connection…"), this, &MainWindow::addConnection);
    file->addAction(tr("&Manage connections…"), this, &MainWindow::manageConnections);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Trestle"), this, [this] {
        QMessageBox::about(this, tr("About Trestle"),
                           tr("<b>Trestle %1</b><p>Moves construction project files between Procore "
                              "Documents and file shares.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::reload()
{
    const auto profiles = m_manager->connections();
    if (!profiles.ok()) {
        statusBar()->showMessage(profiles.error().message());
        return;
    }
    m_model->setProfiles(profiles.value());
    m_view->resizeColumnsToContents();
    const bool empty = profiles.value().isEmpty();
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
}

void MainWindow::addConnection()
{
    auto *wizard = new ConnectionWizard(m_manager->newSetup(nullptr), m_demoUrl, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &ConnectionWizard::connectionSaved, this, &MainWindow::reload);
    wizard->show();
}

void MainWindow::manageConnections()
{
    if (!m_managerDialog) {
        m_managerDialog = new ConnectionManagerDialog(m_manager, m_demoUrl, this);
        m_managerDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_managerDialog, &QDialog::finished, this, &MainWindow::reload);
    }
    m_managerDialog->show();
    m_managerDialog->raise();
}

} // namespace trestle
