#include "ui/browser/itemdrag.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QUrl>

namespace trestle {

QString ItemDrag::mimeType()
{
    return QStringLiteral("application/x-trestle-items");
}

void ItemDrag::writeTo(QMimeData *data, const QString &localRoot) const
{
    QJsonObject object;
    object.insert(QStringLiteral("connection"), connectionId);
    object.insert(QStringLiteral("folder"), sourceFolder);
    object.insert(QStringLiteral("paths"), QJsonArray::fromStringList(paths));
    data->setData(mimeType(), QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (localRoot.isEmpty())
        return;
    QList<QUrl> urls;
    const QDir root(localRoot);
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(root.filePath(path)));
    data->setUrls(urls);
}

std::optional<ItemDrag> ItemDrag::readFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(data->data(mimeType()));
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    ItemDrag drag;
    drag.connectionId = object.value(QStringLiteral("connection")).toString();
    drag.sourceFolder = object.value(QStringLiteral("folder")).toString();
    const QJsonArray paths = object.value(QStringLiteral("paths")).toArray();
    for (const QJsonValue &path : paths)
        drag.paths.append(path.toString());
    if (drag.connectionId.isEmpty() || drag.paths.isEmpty())
        return std::nullopt;
    return drag;
}

} // namespace trestle
