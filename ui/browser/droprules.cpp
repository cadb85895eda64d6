#include "ui/browser/droprules.h"

#include "core/transfer/storeresolver.h"
#include "ui/browser/itemdrag.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace trestle {
namespace {

bool isSameOrBelow(const QString &path, const QString &folder)
{
    return path == folder || (!folder.isEmpty() && path.startsWith(folder + QLatin1Char('/')))
        || (folder.isEmpty() && path.isEmpty());
}

QVector<TransferRequest> requestsForItems(const ItemDrag &drag, const QString &destinationConnection,
                                          const QString &destinationFolder)
{
    if (drag.connectionId == destinationConnection) {
        // Dropping back where the items came from would copy them onto themselves, and a folder
        // cannot go into itself or below itself.
        if (drag.sourceFolder == destinationFolder)
            return {};
        for (const QString &path : drag.paths) {
            if (isSameOrBelow(destinationFolder, path))
                return {};
        }
    }
    return {TransferRequest{drag.connectionId, drag.paths, destinationConnection, destinationFolder}};
}

QVector<TransferRequest> requestsForUrls(const QList<QUrl> &urls, const QString &destinationConnection,
                                         const QString &destinationFolder)
{
    // One request per parent folder, in the order the parents first appear.
    QVector<TransferRequest> requests;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(QDir::cleanPath(url.toLocalFile()));
        const QString name = info.fileName();
        if (name.isEmpty()) // "/" itself: nothing sensible to copy
            continue;
        const QString source = LocalStoreResolver::connectionFor(info.absolutePath());
        auto it = std::find_if(requests.begin(), requests.end(),
                               [&source](const TransferRequest &r) { return r.sourceConnection == source; });
        if (it == requests.end()) {
            requests.append(TransferRequest{source, {}, destinationConnection, destinationFolder});
            it = requests.end() - 1;
        }
        if (!it->sourcePaths.contains(name))
            it->sourcePaths.append(name);
    }
    return requests;
}

} // namespace

QVector<TransferRequest> DropRules::requestsFor(const QMimeData *data, const QString &destinationConnection,
                                                const QString &destinationFolder)
{
    if (!data || destinationConnection.isEmpty())
        return {};
    // Our own format wins: a local pane's drag also carries file URLs, but the pane's connection
    // (a saved share) is the better source than a "local:" folder.
    if (const std::optional<ItemDrag> drag = ItemDrag::readFrom(data))
        return requestsForItems(*drag, destinationConnection, destinationFolder);
    if (data->hasUrls())
        return requestsForUrls(data->urls(), destinationConnection, destinationFolder);
    return {};
}

bool DropRules::canDrop(const QMimeData *data, const QString &destinationConnection,
                        const QString &destinationFolder)
{
    return !requestsFor(data, destinationConnection, destinationFolder).isEmpty();
}

} // namespace trestle
