#include "ui/connections/connectionmanagerdialog.h"

#include "core/db/profilerepository.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionsetup.h"
#include "ui/connections/connectionlistmodel.h"
#include "ui/wizard/connectionwizard.h"
#include "ui/wizard/wizardstyle.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace trestle {

ConnectionManagerDialog::ConnectionManagerDialog(ConnectionManager *manager, const QUrl &demoUrl,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_demoUrl(demoUrl)
    , m_model(new ConnectionListModel(this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_reconnect(new QPushButton(tr("&Reconnect…"), this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_status(wizard::makeMessageLabel(QStringLiteral("managerMessage"), this))
{
    setObjectName(QStringLiteral("connectionManager"));
    setWindowTitle(tr("Connections"));
    resize(860, 420);

    m_table->setObjectName(QStringLiteral("connectionTable"));
    m_table->setAccessibleName(tr("Connections"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    const QList<QPair<QPushButton *, QString>> buttons{
        {m_add, QStringLiteral("addButton")},
        {m_edit, QStringLiteral("editButton")},
        {m_reconnect, QStringLiteral("reconnectButton")},
        {m_test, QStringLiteral("testButton")},
        {m_delete, QStringLiteral("deleteButton")},
    };
    auto *side = new QVBoxLayout;
    for (const auto &[button, name] : buttons) {
        button->setObjectName(name);
        button->setAccessibleName(button->text().remove(QLatin1Char('&')).remove(QChar(0x2026)));
        button->setAutoDefault(false);
        side->addWidget(button);
    }
    side->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ConnectionManagerDialog::addConnection);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionManagerDialog::editSelected);
    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionManagerDialog::reconnectSelected);
    connect(m_test, &QPushButton::clicked, this, &ConnectionManagerDialog::testSelected);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionManagerDialog::deleteSelected);
    connect(m_table, &QTableView::activated, this, &ConnectionManagerDialog::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionManagerDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionManagerDialog::updateButtons);

    ProfileRepository *profiles = m_manager->services().profiles;
    connect(profiles, &ProfileRepository::profileAdded, this, &ConnectionManagerDialog::reload);
    connect(profiles, &ProfileRepository::profileChanged, this, &ConnectionManagerDialog::reload);
    connect(profiles, &ProfileRepository::profileRemoved, this, &ConnectionManagerDialog::reload);
    connect(
        m_manager, &ConnectionManager::testFinished, this, [this](const QString &id, const Status &status) {
            m_model->setBusy(id, QString());
            showStatus(status.ok(), status.ok() ? tr("Connection test succeeded") : status.error().message());
            reload();
        });
    connect(m_manager, &ConnectionManager::removeFinished, this,
            [this](const QString &id, const Status &status) {
                m_model->setBusy(id, QString());
                if (!status.ok())
                    showStatus(false, status.error().message());
                else
                    showStatus(true, tr("The connection was deleted and its sign-in revoked."));
                reload();
            });
    setTabOrder(m_table, m_add);
    reload();
}

ConnectionManagerDialog::~ConnectionManagerDialog() = default;

void ConnectionManagerDialog::reload()
{
    const QString selected = selectedId();
    const auto profiles = m_manager->connections();
    if (!profiles.ok()) {
        showStatus(false, profiles.error().message());
        return;
    }
    m_model->setProfiles(profiles.value());
    m_table->resizeColumnsToContents();
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

QString ConnectionManagerDialog::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ConnectionListModel::IdRole).toString();
}

void ConnectionManagerDialog::updateButtons()
{
    const QString id = selectedId();
    const bool any = !id.isEmpty();
    const bool procore =
        any && m_model->profileAt(m_model->rowOf(id)).platform == ConnectionProfile::Platform::Procore;
    const bool busy = any && m_manager->isBusy(id);
    m_edit->setEnabled(any && !busy);
    m_reconnect->setEnabled(procore && !busy);
    m_test->setEnabled(any && !busy);
    m_delete->setEnabled(any && !busy);
}

void ConnectionManagerDialog::showStatus(bool ok, const QString &text)
{
    wizard::showMessage(m_status, ok ? wizard::Tone::Success : wizard::Tone::Error, text);
}

void ConnectionManagerDialog::openWizard(ConnectionWizard *wizard)
{
    m_wizard = wizard;
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ConnectionWizard::connectionSaved, this, [this](const QString &id) {
        reload();
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_table->selectRow(row);
    });
    wizard->open();
}

void ConnectionManagerDialog::addConnection()
{
    openWizard(new ConnectionWizard(m_manager->newSetup(nullptr), m_demoUrl, this));
}

void ConnectionManagerDialog::reconnectSelected()
{
    const Result<ConnectionSetup *> setup = m_manager->reconnectSetup(selectedId(), nullptr);
    if (!setup.ok()) {
        showStatus(false, setup.error().message());
        return;
    }
    openWizard(new ConnectionWizard(setup.value(), m_demoUrl, this));
}

void ConnectionManagerDialog::editSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const ConnectionProfile profile = m_model->profileAt(m_model->rowOf(id));
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("editDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit connection"));
    dialog->setLabelText(tr("Display as:"));
    dialog->setTextValue(profile.displayName);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &name) {
        const auto renamed = m_manager->rename(id, name);
        if (!renamed.ok())
            showStatus(false, renamed.error().message());
    });
    dialog->open();
}

void ConnectionManagerDialog::testSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_model->setBusy(id, tr("Testing…"));
    m_manager->test(id);
    updateButtons();
}

void ConnectionManagerDialog::deleteSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const ConnectionProfile profile = m_model->profileAt(m_model->rowOf(id));
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete connection"),
                        tr("Delete \"%1\"? Trestle signs it out at Procore and removes its secrets from "
                           "the keychain.")
                            .arg(profile.displayName),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_model->setBusy(id, tr("Deleting…"));
        m_manager->remove(id);
        updateButtons();
    });
    box->open();
}

} // namespace trestle
