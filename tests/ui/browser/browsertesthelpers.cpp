#include "browsertesthelpers.h"

#include "ui/browser/panewidget.h"
#include "ui/browser/storemodel.h"

#include <QAbstractItemView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSortFilterProxyModel>
#include <QTest>

namespace browsertest {

bool writeFile(const QString &root, const QString &relative, qint64 bytes)
{
    const QString path = QDir(root).filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray data(int(bytes), '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char('a' + i % 26);
    return file.write(data) == bytes;
}

bool makeTree(const QString &root, int files)
{
    QDir dir(root);
    if (!dir.mkpath(QStringLiteral("Alpha")) || !dir.mkpath(QStringLiteral("beta"))
        || !dir.mkpath(QStringLiteral("Gamma/sub")))
        return false;
    if (!writeFile(root, QStringLiteral("Gamma/plan.pdf"), 100)
        || !writeFile(root, QStringLiteral("Gamma/sub/deep.txt"), 10))
        return false;
    for (int i = 1; i <= files; ++i) {
        const QString suffix = i % 10 == 0 ? QStringLiteral("pdf")
            : i % 7 == 0                   ? QStringLiteral("dwg")
                                           : QStringLiteral("txt");
        if (!writeFile(root, QStringLiteral("file%1.%2").arg(i, 4, 10, QLatin1Char('0')).arg(suffix), i))
            return false;
    }
    return true;
}

bool waitLoaded(trestle::StoreModel *model, int timeoutMs)
{
    return QTest::qWaitFor([model] { return model->isComplete(); }, timeoutMs);
}

bool waitLoaded(trestle::PaneWidget *pane, int timeoutMs)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(pane->view()->model());
    auto *model = proxy ? qobject_cast<trestle::StoreModel *>(proxy->sourceModel()) : nullptr;
    return model && waitLoaded(model, timeoutMs);
}

QStringList shownNames(trestle::PaneWidget *pane)
{
    QStringList names;
    const QAbstractItemModel *model = pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, trestle::StoreModel::NameColumn).data().toString());
    return names;
}

} // namespace browsertest
