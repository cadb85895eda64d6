#include "ui/browser/panewidget.h"

#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/store/store.h"
#include "ui/browser/breadcrumbbar.h"
#include "ui/browser/celltextdelegate.h"
#include "ui/browser/columnfitter.h"
#include "ui/browser/elidingcombobox.h"
#include "ui/browser/paneoperations.h"
#include "ui/browser/panewidgetprivate.h"
#include "ui/browser/storemodel.h"
#include "ui/browser/storesortproxy.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace trestle {
namespace {

// Switcher rows: a connection (its id as data), a separator, "Add connection…" (AddRole set).
constexpr int AddRole = Qt::UserRole + 1;

QToolButton *navigationButton(QWidget *parent, QAction *action)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PaneWidgetPrivate::PaneWidgetPrivate(PaneWidget *pane) : q(pane) { }

PaneWidgetPrivate::~PaneWidgetPrivate() = default;

void PaneWidgetPrivate::buildWidgets()
{
    model = new StoreModel(q);
    proxy = new StoreSortProxy(q);
    proxy->setSourceModel(model);
    operations = new PaneOperations(q);

    auto *elidingSwitcher = new ElidingComboBox(q);
    elidingSwitcher->setHint(PaneWidget::tr("Connection or project shown in this pane"));
    switcher = elidingSwitcher;
    switcher->setObjectName(QStringLiteral("connectionSwitcher"));
    switcher->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    switcher->setMinimumContentsLength(12);

    filter = new QLineEdit(q);
    filter->setObjectName(QStringLiteral("filterBox"));
    filter->setClearButtonEnabled(true);
    filter->setPlaceholderText(PaneWidget::tr("Filter (Ctrl+F)"));
    filter->setToolTip(PaneWidget::tr("Shows only the names that contain this text; * and ? are wildcards"));

    breadcrumbs = new BreadcrumbBar(q);
    breadcrumbs->setObjectName(QStringLiteral("breadcrumbs"));

    messageLine = new QFrame(q);
    messageLine->setObjectName(QStringLiteral("messageLine"));
    static_cast<QFrame *>(messageLine)->setFrameShape(QFrame::StyledPanel);
    messageLine->setAutoFillBackground(true);
    QPalette warning = messageLine->palette();
    // A soft red that reads on light and dark palettes alike.
    const QColor base = warning.color(QPalette::Window);
    warning.setColor(QPalette::Window,
                     base.lightness() > 128 ? QColor(0xfb, 0xe3, 0xe4) : QColor(0x5c, 0x23, 0x26));
    messageLine->setPalette(warning);
    messageText = new QLabel(messageLine);
    messageText->setWordWrap(true);
    messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *closeMessage = new QToolButton(messageLine);
    closeMessage->setAutoRaise(true);
    closeMessage->setIcon(q->style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeMessage->setToolTip(PaneWidget::tr("Hide this message"));
    QObject::connect(closeMessage, &QToolButton::clicked, q, [this] { hideMessage(); });
    auto *messageLayout = new QHBoxLayout(messageLine);
    messageLayout->setContentsMargins(8, 4, 4, 4);
    messageLayout->addWidget(messageText, 1);
    messageLayout->addWidget(closeMessage, 0, Qt::AlignTop);
    messageLine->hide();

    view = new QTreeView(q);
    view->setObjectName(QStringLiteral("itemView"));
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setItemsExpandable(false);
    view->setUniformRowHeights(true); // essential for 10,000 rows: no per-row size hints
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 goes through renameAction
    view->setTextElideMode(Qt::ElideMiddle); // keeps the extension visible
    auto *cells = new CellTextDelegate(view); // repaints of 10,000-row folders stay cheap
    cells->setElideMode(StoreModel::TypeColumn, Qt::ElideRight); // "PDF docu…", not "PDF …ment"
    view->setItemDelegate(cells);
    view->setSortingEnabled(true);
    view->sortByColumn(StoreModel::NameColumn, Qt::AscendingOrder);
    view->setDragEnabled(true);
    view->setAcceptDrops(true);
    view->setDropIndicatorShown(true);
    view->setDragDropMode(QAbstractItemView::DragDrop);
    // Overwrite mode: a drop lands ON a folder row or on the empty space, never "between" rows,
    // which means nothing in a list sorted by the view.
    view->setDragDropOverwriteMode(true);
    view->setDefaultDropAction(Qt::CopyAction);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setAllColumnsShowFocus(true);
    view->header()->setSectionsMovable(true);
    // The name takes the spare width; in a narrow pane the type gives up width for it.
    columns = new ColumnFitter(view, {StoreModel::TypeColumn});

    unavailableText = new QLabel(q);
    unavailableText->setObjectName(QStringLiteral("unavailableText"));
    unavailableText->setAlignment(Qt::AlignCenter);
    unavailableText->setWordWrap(true);
    unavailableText->setMargin(24);
    unavailableText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    stack = new QStackedWidget(q);
    stack->addWidget(view);
    stack->addWidget(unavailableText);

    status = new QLabel(q);
    status->setObjectName(QStringLiteral("statusLine"));
    status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status->setContentsMargins(4, 0, 4, 0);
}

void PaneWidgetPrivate::buildActions()
{
    const auto makeAction = [this](const QString &text, const QList<QKeySequence> &keys, QWidget *owner,
                                   Qt::ShortcutContext context) {
        auto *action = new QAction(text, q);
        action->setShortcuts(keys);
        action->setShortcutContext(context);
        owner->addAction(action);
        return action;
    };
    QStyle *style = q->style();
    const auto pane = Qt::WidgetWithChildrenShortcut;
    backAction = makeAction(PaneWidget::tr("Back"), {QKeySequence(Qt::ALT | Qt::Key_Left)}, q, pane);
    backAction->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    forwardAction = makeAction(PaneWidget::tr("Forward"), {QKeySequence(Qt::ALT | Qt::Key_Right)}, q, pane);
    forwardAction->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    upAction = makeAction(PaneWidget::tr("Up"), {QKeySequence(Qt::ALT | Qt::Key_Up)}, q, pane);
    upAction->setIcon(style->standardIcon(QStyle::SP_ArrowUp));
    refreshAction = makeAction(PaneWidget::tr("Refresh"), {QKeySequence(Qt::Key_F5)}, q, pane);
    refreshAction->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    filterAction = makeAction(PaneWidget::tr("Filter"), {QKeySequence(Qt::CTRL | Qt::Key_F)}, q, pane);
    for (QAction *action : {backAction, forwardAction, upAction, refreshAction})
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            action->text(), action->shortcut().toString(QKeySequence::NativeText)));

    // Item commands act on the list's selection: only while the list has the focus, so Delete
    // or Backspace typed in the filter box never touch a file.
    const auto list = Qt::WidgetShortcut;
    openAction = makeAction(PaneWidget::tr("Open"), {}, view, list);
    newFolderAction =
        makeAction(PaneWidget::tr("New Folder…"),
                   {QKeySequence(Qt::Key_F7), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, view, list);
    newFolderAction->setIcon(
        QIcon::fromTheme(QStringLiteral("folder-new"), style->standardIcon(QStyle::SP_FileDialogNewFolder)));
    renameAction = makeAction(PaneWidget::tr("Rename"), {QKeySequence(Qt::Key_F2)}, view, list);
    deleteAction = makeAction(PaneWidget::tr("Delete…"), {QKeySequence(QKeySequence::Delete)}, view, list);
    deleteAction->setIcon(
        QIcon::fromTheme(QStringLiteral("edit-delete"), style->standardIcon(QStyle::SP_TrashIcon)));
    copyPathAction =
        makeAction(PaneWidget::tr("Copy Path"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, view, list);
    downloadAction = makeAction(PaneWidget::tr("Download To…"), {}, view, list);
    showInProcoreAction = makeAction(PaneWidget::tr("Show in Procore"), {}, view, list);
    upKeyAction = makeAction(PaneWidget::tr("Up"), {QKeySequence(Qt::Key_Backspace)}, view, list);
    newFolderAction->setObjectName(QStringLiteral("newFolderAction"));
    renameAction->setObjectName(QStringLiteral("renameAction"));
    deleteAction->setObjectName(QStringLiteral("deleteAction"));
    copyPathAction->setObjectName(QStringLiteral("copyPathAction"));
    downloadAction->setObjectName(QStringLiteral("downloadAction"));
    showInProcoreAction->setObjectName(QStringLiteral("showInProcoreAction"));
    openAction->setObjectName(QStringLiteral("openAction"));

    backButton = navigationButton(q, backAction);
    forwardButton = navigationButton(q, forwardAction);
    upButton = navigationButton(q, upAction);
    refreshButton = navigationButton(q, refreshAction);
}

void PaneWidgetPrivate::connectParts()
{
    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(switcher, 3);
    top->addWidget(filter, 2);
    auto *navigation = new QHBoxLayout;
    navigation->setSpacing(0);
    navigation->addWidget(backButton);
    navigation->addWidget(forwardButton);
    navigation->addWidget(upButton);
    navigation->addWidget(refreshButton);
    navigation->addSpacing(6);
    navigation->addWidget(breadcrumbs, 1);
    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(navigation);
    layout->addWidget(messageLine);
    layout->addWidget(stack, 1);
    layout->addWidget(status);

    QObject::connect(backAction, &QAction::triggered, q, [this] { goBack(); });
    QObject::connect(forwardAction, &QAction::triggered, q, [this] { goForward(); });
    QObject::connect(upAction, &QAction::triggered, q, [this] { goUp(); });
    QObject::connect(upKeyAction, &QAction::triggered, q, [this] { goUp(); });
    QObject::connect(refreshAction, &QAction::triggered, q, [this] { q->refresh(); });
    QObject::connect(filterAction, &QAction::triggered, q, [this] {
        filter->setFocus(Qt::ShortcutFocusReason);
        filter->selectAll();
    });
    QObject::connect(filter, &QLineEdit::textChanged, q, [this](const QString &text) {
        proxy->setNameFilter(text);
        updateStatus();
    });
    QObject::connect(breadcrumbs, &BreadcrumbBar::folderClicked, q,
                     [this](const QString &path) { navigateTo(path, true); });
    QObject::connect(switcher, qOverload<int>(&QComboBox::activated), q,
                     [this](int index) { onSwitcherActivated(index); });

    QObject::connect(model, &StoreModel::loadingChanged, q,
                     [this](bool loading) { onLoadingChanged(loading); });
    QObject::connect(model, &StoreModel::folderLoaded, q, [this] { onFolderLoaded(); });
    QObject::connect(model, &StoreModel::listFailed, q, [this](const QString &message) {
        showMessage(message);
        updateStatus();
    });
    QObject::connect(model, &StoreModel::rowsInserted, q, [this](const QModelIndex &, int first) {
        if (first == 0) // the first rows of a folder: fit the columns to them at once
            columns->refit();
        updateStatus();
    });
    QObject::connect(model, &StoreModel::renameRequested, q,
                     [this](const QString &path, const QString &name) {
                         hideMessage();
                         operations->rename(path, name);
                     });
    QObject::connect(model, &StoreModel::transfersDropped, q,
                     [this](const QVector<TransferRequest> &requests) {
                         for (const TransferRequest &request : requests)
                             Q_EMIT q->transferRequested(request);
                     });
    QObject::connect(proxy, &QAbstractItemModel::rowsRemoved, q, [this] { updateStatus(); });
    QObject::connect(proxy, &QAbstractItemModel::modelReset, q, [this] { updateStatus(); });
    QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, q, [this] {
        updateStatus();
        updateActions();
    });
    QObject::connect(view, &QAbstractItemView::activated, q,
                     [this](const QModelIndex &index) { activate(index); });
    QObject::connect(view, &QWidget::customContextMenuRequested, q,
                     [this](const QPoint &position) { showContextMenu(position); });

    QObject::connect(operations, &PaneOperations::failed, q,
                     [this](const QString &message) { showMessage(message); });
    QObject::connect(operations, &PaneOperations::changed, q, [this](const QString &path) {
        selectAfterLoad = path;
        q->refresh();
    });
    QObject::connect(operations, &PaneOperations::busyChanged, q, [this] { updateActions(); });

    QObject::connect(openAction, &QAction::triggered, q, [this] { openSelected(); });
    QObject::connect(newFolderAction, &QAction::triggered, q, [this] { askNewFolder(); });
    QObject::connect(renameAction, &QAction::triggered, q, [this] { startRename(); });
    QObject::connect(deleteAction, &QAction::triggered, q, [this] { askDelete(); });
    QObject::connect(copyPathAction, &QAction::triggered, q, [this] { copyPaths(); });
    QObject::connect(downloadAction, &QAction::triggered, q, [this] { askDownloadTarget(); });
    QObject::connect(showInProcoreAction, &QAction::triggered, q, [this] { showInProcore(); });
}

void PaneWidgetPrivate::navigateTo(const QString &path, bool remember)
{
    if (!store)
        return;
    const Result<StorePath> folder = StorePath::fromString(path);
    if (!folder.ok()) {
        showMessage(folder.error().message());
        return;
    }
    const QString current = model->folder().toString();
    if (remember && folder.value().toString() != current) {
        backStack.append(current);
        forwardStack.clear();
    }
    hideMessage();
    model->setFolder(folder.value());
    breadcrumbs->setPath(rootLabel(), folder.value().toString());
    // List now, not only when a view asks: a pane that is not painted yet still loads.
    model->fetchMore({});
    updateNavigation();
    updateStatus();
    updateActions();
}

void PaneWidgetPrivate::goBack()
{
    if (backStack.isEmpty())
        return;
    forwardStack.append(model->folder().toString());
    navigateTo(backStack.takeLast(), false);
}

void PaneWidgetPrivate::goForward()
{
    if (forwardStack.isEmpty())
        return;
    backStack.append(model->folder().toString());
    navigateTo(forwardStack.takeLast(), false);
}

void PaneWidgetPrivate::goUp()
{
    if (!store || model->folder().isRoot())
        return;
    const QString child = model->folder().toString();
    navigateTo(model->folder().parent().toString(), true);
    selectAfterLoad = child; // like every file manager: the folder we came from is selected
}

void PaneWidgetPrivate::updateNavigation()
{
    backAction->setEnabled(store && !backStack.isEmpty());
    forwardAction->setEnabled(store && !forwardStack.isEmpty());
    upAction->setEnabled(store && !model->folder().isRoot());
    upKeyAction->setEnabled(upAction->isEnabled());
    refreshAction->setEnabled(store != nullptr);
    filter->setEnabled(store != nullptr);
}

void PaneWidgetPrivate::updateStatus()
{
    QString text;
    if (!store) {
        text = stack->currentWidget() == unavailableText ? PaneWidget::tr("Not available") : QString();
    } else {
        const QLocale locale;
        const int total = model->rowCount();
        const int shown = proxy->rowCount();
        if (total == 1)
            text = PaneWidget::tr("1 item");
        else
            text = PaneWidget::tr("%1 items").arg(locale.toString(total));
        if (shown != total)
            text = PaneWidget::tr("%1 of %2 shown").arg(locale.toString(shown), text);
        const QModelIndexList selected = view->selectionModel()->selectedRows(StoreModel::NameColumn);
        if (!selected.isEmpty()) {
            qint64 bytes = 0;
            for (const QModelIndex &index : selected)
                bytes += qMax<qint64>(0, index.data(StoreModel::SizeRole).toLongLong());
            text = PaneWidget::tr("%1, %2 selected (%3)")
                       .arg(text, locale.toString(selected.size()), StoreModel::sizeText(bytes));
        }
        if (model->isLoading())
            text = PaneWidget::tr("Loading… %1").arg(text);
    }
    if (status->text() == text)
        return;
    status->setText(text);
    Q_EMIT q->statusChanged(text);
}

void PaneWidgetPrivate::showMessage(const QString &text)
{
    messageText->setText(text);
    messageLine->show();
}

void PaneWidgetPrivate::hideMessage()
{
    messageLine->hide();
    messageText->clear();
}

void PaneWidgetPrivate::onLoadingChanged(bool loading)
{
    refreshAction->setEnabled(store != nullptr);
    if (loading)
        view->setCursor(Qt::BusyCursor);
    else
        view->unsetCursor();
    updateStatus();
}

void PaneWidgetPrivate::onFolderLoaded()
{
    if (!selectAfterLoad.isEmpty()) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entry(row).path.toString() != selectAfterLoad)
                continue;
            const QModelIndex index = proxy->mapFromSource(model->index(row, StoreModel::NameColumn));
            view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            view->scrollTo(index);
            break;
        }
        selectAfterLoad.clear();
    }
    columns->refit();
    updateStatus();
    updateActions();
}

void PaneWidgetPrivate::onSwitcherActivated(int index)
{
    if (switcher->itemData(index, AddRole).toBool()) {
        selectSwitcherItem(); // the switcher keeps showing what the pane shows
        Q_EMIT q->addConnectionRequested();
        return;
    }
    const QString id = switcher->itemData(index).toString();
    if (!id.isEmpty() && id != connectionId)
        Q_EMIT q->connectionRequested(id);
}

void PaneWidgetPrivate::selectSwitcherItem()
{
    const int index = switcher->findData(connectionId);
    switcher->setCurrentIndex(index);
}

QString PaneWidgetPrivate::rootLabel() const
{
    for (const PaneConnection &connection : connections) {
        if (connection.connectionId == connectionId && !connection.label.isEmpty())
            return connection.label;
    }
    return store ? store->displayName() : QString();
}

bool PaneWidgetPrivate::isProcore() const
{
    return qobject_cast<ProcoreStore *>(store.get()) != nullptr;
}

bool PaneWidgetPrivate::isLocal() const
{
    return qobject_cast<LocalStore *>(store.get()) != nullptr;
}

// PaneWidget ----------------------------------------------------------------------------------

PaneWidget::PaneWidget(QWidget *parent) : QWidget(parent), d(std::make_unique<PaneWidgetPrivate>(this))
{
    d->buildWidgets();
    d->buildActions();
    d->connectParts();
    d->breadcrumbs->setPath(QString(), QString());
    d->unavailableText->setText(tr("Choose a connection above."));
    d->stack->setCurrentWidget(d->unavailableText);
    d->updateNavigation();
    d->updateActions();
    d->updateStatus();
    d->columns->refit();
}

PaneWidget::~PaneWidget()
{
    // The model and the operations hold jobs of the store: stop them before the store goes.
    d->operations->setStore(nullptr);
    d->model->setStore(nullptr, QString());
}

void PaneWidget::setConnections(const QVector<PaneConnection> &connections)
{
    d->connections = connections;
    QSignalBlocker blocker(d->switcher);
    d->switcher->clear();
    for (const PaneConnection &connection : connections) {
        const QIcon icon = connection.procore
            ? QIcon::fromTheme(QStringLiteral("folder-remote"),
                               style()->standardIcon(QStyle::SP_DriveNetIcon))
            : QIcon::fromTheme(QStringLiteral("folder"), style()->standardIcon(QStyle::SP_DirIcon));
        d->switcher->addItem(icon, connection.label, connection.connectionId);
    }
    if (!connections.isEmpty())
        d->switcher->insertSeparator(d->switcher->count());
    d->switcher->addItem(tr("Add connection…"));
    d->switcher->setItemData(d->switcher->count() - 1, true, AddRole);
    d->selectSwitcherItem();
    if (d->store)
        d->breadcrumbs->setPath(d->rootLabel(), currentFolder());
}

void PaneWidget::setStore(std::unique_ptr<Store> store, const QString &connectionId)
{
    d->operations->setStore(nullptr);
    d->model->setStore(nullptr, QString());
    d->store = std::move(store);
    d->connectionId = connectionId;
    d->backStack.clear();
    d->forwardStack.clear();
    d->selectAfterLoad.clear();
    d->hideMessage();
    QString localRoot;
    if (const auto *local = qobject_cast<LocalStore *>(d->store.get()))
        localRoot = local->rootPath();
    d->model->setStore(d->store.get(), connectionId, localRoot);
    d->operations->setStore(d->store.get());
    const bool versions = d->model->columnCount() > StoreModel::VersionsColumn;
    d->view->setColumnHidden(StoreModel::VersionsColumn, !versions);
    d->columns->refit(); // a section that appears with the model comes at the default width
    d->stack->setCurrentWidget(d->view);
    {
        QSignalBlocker blocker(d->switcher);
        d->selectSwitcherItem();
    }
    d->navigateTo(QString(), false);
}

void PaneWidget::showUnavailable(const QString &connectionId, const QString &message)
{
    d->operations->setStore(nullptr);
    d->model->setStore(nullptr, QString());
    d->store.reset();
    d->connectionId = connectionId;
    d->backStack.clear();
    d->forwardStack.clear();
    d->hideMessage();
    d->unavailableText->setText(message);
    d->stack->setCurrentWidget(d->unavailableText);
    {
        QSignalBlocker blocker(d->switcher);
        d->selectSwitcherItem();
    }
    d->breadcrumbs->setPath(d->rootLabel(), QString());
    d->updateNavigation();
    d->updateActions();
    d->updateStatus();
}

QString PaneWidget::connectionId() const
{
    return d->connectionId;
}

Store *PaneWidget::store() const
{
    return d->store.get();
}

QString PaneWidget::currentFolder() const
{
    return d->model->folder().toString();
}

QStringList PaneWidget::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = d->view->selectionModel()->selectedRows(StoreModel::NameColumn);
    for (const QModelIndex &index : rows)
        paths.append(index.data(StoreModel::PathRole).toString());
    return paths;
}

void PaneWidget::openFolder(const QString &path)
{
    d->navigateTo(path, true);
}

void PaneWidget::refresh()
{
    if (!d->store)
        return;
    d->hideMessage();
    d->model->reload();
    d->updateStatus();
}

QAbstractItemView *PaneWidget::view() const
{
    return d->view;
}

QByteArray PaneWidget::columnState() const
{
    return d->columns->saveState();
}

bool PaneWidget::restoreColumnState(const QByteArray &state)
{
    return d->columns->restoreState(state);
}

} // namespace trestle
