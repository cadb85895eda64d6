#pragma once

// Helpers of tst_mainwindow: the two sides' files as path → sha256 (the sandbox's state and a
// folder on disk), test files, drops sent as events, dialogs found, and what a view shows.
#include <QApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QWidget>

class QAbstractItemView;
class QMimeData;
class QModelIndex;
class QTreeView;

namespace trestle {
class PlanPreviewDialog;
}

namespace windowtest {

using FileMap = QMap<QString, QByteArray>; // relative path → sha256 (hex)

// The child folder `name` of a folder of GET /_sandbox/state (not deleted); empty when none.
QJsonObject childFolder(const QJsonObject &folder, const QString &name);
// Every file under a folder of the sandbox's state, with its latest version's sha256.
FileMap sandboxFiles(const QJsonObject &folder);
FileMap diskFiles(const QString &root);
// `count` files "<stem> 01.pdf"… of random bytes, each 37 bytes longer than the one before.
bool writeFiles(const QString &folder, int count, int size, const QString &stem);
QModelIndex rowNamed(QAbstractItemView *view, const QString &name);
// QDrag cannot be scripted: the drop's events go straight to the target view's viewport, on the
// empty space below the rows (the folder the pane shows). True when the view accepted the drop.
bool dropOnto(QAbstractItemView *view, QMimeData *mime);
// Whether the cell at `index` is shown uncut: the width its delegate asks for (text, icon and
// margins, in the view's font and style) fits the column.
bool fitsItsColumn(QTreeView *view, const QModelIndex &index);
// Pixels not of the base colour in the middle band of `viewport` (a third of its height around
// the centre): the empty queue's words are painted there; one job's row is above it.
int inkInTheMiddle(QWidget *viewport);
// The number at the start of the preview's value `key` ("1,204 files" → 1204).
qint64 shownCount(trestle::PlanPreviewDialog *dialog, const QString &key);

template<typename T>
T *visibleTopLevel()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

template<typename T>
T *visibleDialog(QWidget *window)
{
    for (T *dialog : window->findChildren<T *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return visibleTopLevel<T>();
}

} // namespace windowtest
