#pragma once

#include "ui/wizard/connectionwizard.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QPushButton;
class QTableView;

namespace trestle {

class ConnectionListModel;
class ConnectionManager;

// The connection manager window: the saved connections (name, platform, account, project,
// status) with Add, Edit, Reconnect, Test and Delete. Everything it does goes through
// ConnectionManager; wizards and confirmations open window-modal without nested event loops.
class ConnectionManagerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManagerDialog)

public:
    ConnectionManagerDialog(ConnectionManager *manager, const QUrl &demoUrl = {}, QWidget *parent = nullptr);
    ~ConnectionManagerDialog() override;

    // The wizard opened by Add or Reconnect, while it is open.
    ConnectionWizard *activeWizard() const { return m_wizard; }
    QTableView *table() const { return m_table; }

public Q_SLOTS:
    void addConnection();
    void editSelected();
    void reconnectSelected();
    void testSelected();
    void deleteSelected();
    void reload();

private:
    QString selectedId() const;
    void openWizard(ConnectionWizard *wizard);
    void updateButtons();
    void showStatus(bool ok, const QString &text);

    ConnectionManager *m_manager;
    const QUrl m_demoUrl;
    ConnectionListModel *m_model;
    QTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_reconnect;
    QPushButton *m_test;
    QPushButton *m_delete;
    QLabel *m_status;
    QPointer<ConnectionWizard> m_wizard;
};

} // namespace trestle
