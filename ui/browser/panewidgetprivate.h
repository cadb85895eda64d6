#pragma once

// Internals of PaneWidget, kept out of its public header so the main window compiles against a
// header that does not move while the pane grows.

#include "ui/browser/panewidget.h"

#include <QStringList>
#include <QVector>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;
class QTreeView;
class QWidget;

namespace trestle {

class BreadcrumbBar;
class ColumnFitter;
class PaneOperations;
class Store;
class StoreModel;
class StoreSortProxy;

class PaneWidgetPrivate final
{
    Q_DISABLE_COPY_MOVE(PaneWidgetPrivate)

public:
    explicit PaneWidgetPrivate(PaneWidget *pane);
    ~PaneWidgetPrivate();

    // Building (panewidget.cpp).
    void buildWidgets();
    void buildActions();
    void connectParts();

    // Navigation and state (panewidget.cpp).
    void navigateTo(const QString &path, bool remember);
    void goBack();
    void goForward();
    void goUp();
    void updateNavigation();
    void updateStatus();
    void showMessage(const QString &text);
    void hideMessage();
    void onLoadingChanged(bool loading);
    void onFolderLoaded();
    void onSwitcherActivated(int index);
    void selectSwitcherItem();
    QString rootLabel() const;
    bool isProcore() const;
    bool isLocal() const;

    // Commands (panecommands.cpp).
    void showContextMenu(const QPoint &position);
    void updateActions();
    void activate(const QModelIndex &proxyIndex);
    void openSelected();
    void askNewFolder();
    void startRename();
    void askDelete();
    void copyPaths();
    void askDownloadTarget();
    void showInProcore();
    QStringList selectedNames() const;

    PaneWidget *const q;

    QVector<PaneConnection> connections;
    QString connectionId;
    std::unique_ptr<Store> store;
    StoreModel *model = nullptr;
    StoreSortProxy *proxy = nullptr;
    PaneOperations *operations = nullptr;

    QStringList backStack;
    QStringList forwardStack;
    QString selectAfterLoad; // an item to select once the folder is listed (new, renamed)

    QComboBox *switcher = nullptr;
    QLineEdit *filter = nullptr;
    QToolButton *backButton = nullptr;
    QToolButton *forwardButton = nullptr;
    QToolButton *upButton = nullptr;
    QToolButton *refreshButton = nullptr;
    BreadcrumbBar *breadcrumbs = nullptr;
    QWidget *messageLine = nullptr;
    QLabel *messageText = nullptr;
    QStackedWidget *stack = nullptr;
    QTreeView *view = nullptr;
    ColumnFitter *columns = nullptr;
    QLabel *unavailableText = nullptr;
    QLabel *status = nullptr;

    QAction *backAction = nullptr;
    QAction *forwardAction = nullptr;
    QAction *upAction = nullptr;
    QAction *refreshAction = nullptr;
    QAction *filterAction = nullptr;
    QAction *openAction = nullptr;
    QAction *newFolderAction = nullptr;
    QAction *renameAction = nullptr;
    QAction *deleteAction = nullptr;
    QAction *copyPathAction = nullptr;
    QAction *downloadAction = nullptr;
    QAction *showInProcoreAction = nullptr;
    QAction *upKeyAction = nullptr; // Backspace in the list
};

} // namespace trestle
