#pragma once

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QRect>
#include <QSet>
#include <QUrl>

class QActionGroup;
class QDockWidget;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace trestle {

class BudgetMeterWidget;
class ConnectionManager;
class ConnectionManagerDialog;
class ConnectionStores;
class Error;
class JobNotifier;
class JobQueue;
class JobQueuePanel;
class PaneWidget;
class Theme;
class TransferFlow;
struct EngineProgress;
struct TransferRequest;

// What the window works with; everything outlives it (main() or a test owns them).
struct MainWindowServices
{
    ConnectionManager *manager = nullptr; // saved connections: list, add, reconnect, delete
    ConnectionStores *stores = nullptr; // connection id → store, meter, name, web link
    JobQueue *queue = nullptr; // transfers
    Theme *theme = nullptr; // optional: the window makes its own when null
};

// The application window: two panes that each browse any saved connection, the job queue in a
// bottom dock, the API budget meter in the status bar, a tray icon that tells when jobs end.
// With no saved connection it shows a call to add one instead of the panes.
//
// It holds no logic of its own beyond wiring: panes ask for connections (opened through
// ConnectionStores), drops become TransferRequests for TransferFlow, the queue reports to the
// panel, the meter and the notifier.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // demoUrl: the bundled sandbox's base URL when started by the demo, else empty.
    explicit MainWindow(const MainWindowServices &services, const QUrl &demoUrl = {},
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and the benchmark.
    QPushButton *addConnectionButton() const { return m_add; }
    bool isShowingEmptyState() const;
    PaneWidget *leftPane() const { return m_left; }
    PaneWidget *rightPane() const { return m_right; }
    JobQueuePanel *queuePanel() const { return m_panel; }
    QDockWidget *queueDock() const { return m_dock; }
    BudgetMeterWidget *budgetMeter() const { return m_meter; }
    TransferFlow *transferFlow() const { return m_flow; }
    JobNotifier *notifier() const { return m_notifier; }
    QSplitter *splitter() const { return m_splitter; }

    // Geometry, splitter and dock state to QSettings (also done on close).
    void saveLayout() const;
    // Where the window opens when no geometry was saved: 80 % of the screen's available area,
    // centred, never below the window's minimum nor beyond the screen.
    static QRect firstStartGeometry(const QRect &available, const QSize &minimum);

public Q_SLOTS:
    void addConnection();
    void manageConnections();
    void openSettings();
    void reload(); // the saved connections changed
    // Opens connection `id` in `pane` (prepare → open store → show, or the reason it cannot).
    void openConnection(trestle::PaneWidget *pane, const QString &id);
    void reconnect(const QString &id); // the wizard that signs in to `id` again

Q_SIGNALS:
    // A pane's connection finished opening (ok or not); tests wait for it.
    void connectionOpened(trestle::PaneWidget *pane, const QString &id, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createEmptyState();
    PaneWidget *createPane(const QString &side);
    void createActions();
    void createQueue();
    void restoreLayout();
    void applyTheme(int choice);
    void chooseDefaults(const QVector<QString> &procore, const QVector<QString> &shares);
    // After the Add connection wizard: the saved connection is shown (where the defaults put its
    // kind: a Procore project on the left, a share on the right).
    void showAddedConnection(const QString &id);
    void updateMeter();
    void jobProgress(const EngineProgress &progress);
    void jobFinished(qint64 jobId, const Error &error);
    void jobStopped(qint64 jobId, const Error &reason);
    void signInNeeded(const QString &id, const QString &message);

    const MainWindowServices m_services;
    const QUrl m_demoUrl;
    Theme *m_theme;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    PaneWidget *m_left = nullptr;
    PaneWidget *m_right = nullptr;
    QPushButton *m_add = nullptr;
    QDockWidget *m_dock = nullptr;
    JobQueuePanel *m_panel = nullptr;
    TransferFlow *m_flow = nullptr;
    BudgetMeterWidget *m_meter = nullptr;
    JobNotifier *m_notifier = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QHash<PaneWidget *, QString> m_opening; // the connection each pane waits for
    QHash<PaneWidget *, QString> m_unavailable; // panes showing "cannot open" for a connection
    QSet<QString> m_askingSignIn; // connections with a "sign in again" question open
    QHash<qint64, QDateTime> m_waiting; // jobs held by the budget, and until when
    QPointer<ConnectionManagerDialog> m_managerDialog;
};

} // namespace trestle
