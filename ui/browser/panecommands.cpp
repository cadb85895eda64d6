// PaneWidget's commands: the context menu and what its entries do. Dialogs are opened with
// open() (window-modal, no nested event loop) and answer through their signals.

#include "core/store/localstore.h"
#include "core/store/store.h"
#include "core/transfer/storeresolver.h"
#include "ui/browser/paneoperations.h"
#include "ui/browser/panewidgetprivate.h"
#include "ui/browser/storemodel.h"
#include "ui/browser/storesortproxy.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeView>

namespace trestle {

void PaneWidgetPrivate::showContextMenu(const QPoint &position)
{
    if (!store)
        return;
    // A right click on an unselected row selects it first, as in every file manager; on the empty
    // space it clears the selection so the menu is about the folder itself.
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        view->selectionModel()->clear();
    else if (!view->selectionModel()->isRowSelected(index.row(), index.parent()))
        view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();

    auto *menu = new QMenu(q);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const bool hasSelection = !q->selectedPaths().isEmpty();
    if (hasSelection) {
        menu->addAction(openAction);
        if (isProcore())
            menu->addAction(downloadAction);
        menu->addSeparator();
    }
    menu->addAction(newFolderAction);
    if (hasSelection) {
        menu->addAction(renameAction);
        menu->addAction(deleteAction);
    }
    menu->addSeparator();
    menu->addAction(copyPathAction);
    if (isProcore())
        menu->addAction(showInProcoreAction);
    menu->addSeparator();
    menu->addAction(refreshAction);
    menu->popup(view->viewport()->mapToGlobal(position));
}

void PaneWidgetPrivate::updateActions()
{
    const int selected = store ? int(view->selectionModel()->selectedRows().size()) : 0;
    const bool idle = store && !operations->isBusy();
    openAction->setEnabled(selected == 1);
    newFolderAction->setEnabled(idle);
    renameAction->setEnabled(idle && selected == 1);
    deleteAction->setEnabled(idle && selected > 0);
    copyPathAction->setEnabled(store != nullptr);
    downloadAction->setEnabled(isProcore() && selected > 0);
    downloadAction->setVisible(isProcore());
    showInProcoreAction->setEnabled(isProcore());
    showInProcoreAction->setVisible(isProcore());
}

void PaneWidgetPrivate::activate(const QModelIndex &proxyIndex)
{
    const QModelIndex source = proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    const Entry &entry = model->entry(source.row());
    if (entry.isFolder()) {
        navigateTo(entry.path.toString(), true);
    } else if (entry.isFile()) {
        hideMessage();
        operations->open(entry.path.toString());
    } else {
        showMessage(entry.note.isEmpty() ? PaneWidget::tr("“%1” cannot be used.").arg(entry.name)
                                         : entry.note);
    }
}

void PaneWidgetPrivate::openSelected()
{
    const QModelIndex current = view->selectionModel()->currentIndex();
    if (current.isValid())
        activate(current);
}

void PaneWidgetPrivate::askNewFolder()
{
    if (!store)
        return;
    auto *dialog = new QInputDialog(q);
    dialog->setObjectName(QStringLiteral("newFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(PaneWidget::tr("New Folder"));
    dialog->setLabelText(PaneWidget::tr("Name of the new folder in “%1”:")
                             .arg(model->folder().isRoot() ? rootLabel() : model->folder().name()));
    dialog->setTextValue(PaneWidget::tr("New Folder"));
    const QString folder = model->folder().toString();
    QObject::connect(dialog, &QInputDialog::textValueSelected, q, [this, folder](const QString &name) {
        hideMessage();
        operations->makeFolder(folder, name.trimmed() == name ? name : name.trimmed());
    });
    dialog->open();
}

void PaneWidgetPrivate::startRename()
{
    const QModelIndex current = view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    // In-place, like a file manager; the model hands the new name to PaneOperations::rename.
    view->edit(current.siblingAtColumn(StoreModel::NameColumn));
}

QStringList PaneWidgetPrivate::selectedNames() const
{
    QStringList names;
    const QModelIndexList rows = view->selectionModel()->selectedRows(StoreModel::NameColumn);
    for (const QModelIndex &index : rows)
        names.append(index.data(Qt::DisplayRole).toString());
    return names;
}

void PaneWidgetPrivate::askDelete()
{
    const QStringList paths = q->selectedPaths();
    if (!store || paths.isEmpty())
        return;
    const QStringList names = selectedNames();
    QString question;
    if (names.size() == 1) {
        question = PaneWidget::tr("Delete “%1”?").arg(names.constFirst());
    } else {
        // Name the first few: "Delete 12 items? A, B, C and 9 more".
        constexpr int shown = 5;
        QString list = names.mid(0, shown).join(PaneWidget::tr(", "));
        if (names.size() > shown)
            list = PaneWidget::tr("%1 and %2 more").arg(list).arg(names.size() - shown);
        question = PaneWidget::tr("Delete these %1 items?\n%2").arg(names.size()).arg(list);
    }
    const QString consequence = isProcore()
        ? PaneWidget::tr(
            "They are moved to Procore's recycle bin, where a project administrator can restore them.")
        : PaneWidget::tr(
            "They are deleted from the disk, folders with everything in them. This cannot be undone.");
    auto *box =
        new QMessageBox(QMessageBox::Warning, PaneWidget::tr("Delete"), question, QMessageBox::NoButton, q);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(consequence);
    QPushButton *confirm = box->addButton(PaneWidget::tr("Delete"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, q, [this, confirm, paths](QAbstractButton *clicked) {
        if (clicked != confirm)
            return;
        hideMessage();
        operations->remove(paths);
    });
    box->open();
}

void PaneWidgetPrivate::copyPaths()
{
    QStringList paths = q->selectedPaths();
    if (paths.isEmpty())
        paths.append(model->folder().toString());
    QStringList lines;
    const auto *local = qobject_cast<LocalStore *>(store.get());
    for (const QString &path : std::as_const(paths)) {
        // A local path the user can paste into a file manager; a remote one as it reads in the pane.
        lines.append(local ? QDir::toNativeSeparators(QDir(local->rootPath()).filePath(path))
                           : rootLabel() + QLatin1Char('/') + path);
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void PaneWidgetPrivate::askDownloadTarget()
{
    const QStringList paths = q->selectedPaths();
    if (!store || paths.isEmpty())
        return;
    auto *dialog = new QFileDialog(q, PaneWidget::tr("Download To"),
                                   QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    dialog->setObjectName(QStringLiteral("downloadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    const QString source = connectionId;
    QObject::connect(dialog, &QFileDialog::fileSelected, q, [this, source, paths](const QString &folder) {
        if (folder.isEmpty())
            return;
        Q_EMIT q->transferRequested(
            TransferRequest{source, paths, LocalStoreResolver::connectionFor(folder), QString()});
    });
    dialog->open();
}

void PaneWidgetPrivate::showInProcore()
{
    const QStringList paths = q->selectedPaths();
    Q_EMIT q->showInProcoreRequested(connectionId,
                                     paths.isEmpty() ? model->folder().toString() : paths.constFirst());
}

} // namespace trestle
