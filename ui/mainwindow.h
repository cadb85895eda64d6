#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QLabel;
class QPushButton;
class QTableView;

namespace trestle {

class ConnectionListModel;
class ConnectionManager;
class ConnectionManagerDialog;

// The application window. For now it shows the saved connections and leads to the
// add-connection wizard and the connection manager; the dual-pane browser, the job queue and the
// budget meter come next (issue 7).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // demoUrl: the bundled sandbox's base URL when started by the demo, else empty.
    MainWindow(ConnectionManager *manager, const QUrl &demoUrl = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    QPushButton *addConnectionButton() const { return m_add; }
    QTableView *connectionsView() const { return m_view; }

public Q_SLOTS:
    void addConnection();
    void manageConnections();
    void reload();

private:
    void createMenus();

    ConnectionManager *m_manager;
    const QUrl m_demoUrl;
    ConnectionListModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QPushButton *m_add;
    QPushButton *m_manage;
    QPointer<ConnectionManagerDialog> m_managerDialog;
};

} // namespace trestle
