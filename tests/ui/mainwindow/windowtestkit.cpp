#include "windowtestkit.h"

#include "ui/jobs/planpreviewdialog.h"

#include <QAbstractItemView>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QMimeData>
#include <QRandomGenerator>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTreeView>

using namespace trestle;

namespace windowtest {

namespace {

void collectSandbox(const QJsonObject &folder, const QString &prefix, FileMap *out)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QJsonArray versions = o.value(QStringLiteral("versions")).toArray();
        out->insert(prefix + o.value(QStringLiteral("name")).toString(),
                    versions.last().toObject().value(QStringLiteral("sha256")).toString().toLatin1());
    }
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (!o.value(QStringLiteral("is_deleted")).toBool())
            collectSandbox(o, prefix + o.value(QStringLiteral("name")).toString() + QLatin1Char('/'), out);
    }
}

} // namespace

QJsonObject childFolder(const QJsonObject &folder, const QString &name)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("name")).toString() == name
            && !o.value(QStringLiteral("is_deleted")).toBool())
            return o;
    }
    return {};
}

FileMap sandboxFiles(const QJsonObject &folder)
{
    FileMap files;
    collectSandbox(folder, QString(), &files);
    return files;
}

FileMap diskFiles(const QString &root)
{
    FileMap files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        files.insert(QDir(root).relativeFilePath(path), hash.result().toHex());
    }
    return files;
}

bool writeFiles(const QString &folder, int count, int size, const QString &stem)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 0; i < count; ++i) {
        QFile file(QStringLiteral("%1/%2 %3.pdf").arg(folder, stem).arg(i + 1, 2, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        QByteArray bytes(size + i * 37, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        file.write(bytes);
    }
    return true;
}

QModelIndex rowNamed(QAbstractItemView *view, const QString &name)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(view->rootIndex()); ++row) {
        const QModelIndex index = model->index(row, 0, view->rootIndex());
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

bool dropOnto(QAbstractItemView *view, QMimeData *mime)
{
    QWidget *viewport = view->viewport();
    const QAbstractItemModel *model = view->model();
    int bottom = 0;
    const int rows = model->rowCount(view->rootIndex());
    if (rows > 0)
        bottom = view->visualRect(model->index(rows - 1, 0, view->rootIndex())).bottom();
    const QPoint pos(viewport->width() / 3, bottom + 6);
    if (pos.y() >= viewport->height())
        return false;
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

bool fitsItsColumn(QTreeView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    option.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(icon, icon);
    QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
    return delegate->sizeHint(option, index).width() <= view->columnWidth(index.column());
}

int inkInTheMiddle(QWidget *viewport)
{
    const QImage image = viewport->grab().toImage();
    const QColor base = viewport->palette().color(QPalette::Base);
    int ink = 0;
    for (int y = image.height() / 3; y < image.height() * 2 / 3; ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) != base)
                ++ink;
        }
    }
    return ink;
}

qint64 shownCount(PlanPreviewDialog *dialog, const QString &key)
{
    QString text = dialog->shownValue(key);
    text.remove(QLatin1Char(','));
    return text.split(QLatin1Char(' ')).value(0).toLongLong();
}

} // namespace windowtest
