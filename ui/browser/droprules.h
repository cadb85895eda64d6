#pragma once

#include "ui/browser/transferrequest.h"

#include <QVector>

class QMimeData;

namespace trestle {

// What a drop onto a pane means: the transfers it asks for, or none when it makes no sense there
// (no store, the same folder the items came from, a folder into itself, no local files).
// Pane-to-pane drops carry ItemDrag's private format; drops from a desktop file manager carry
// file URLs, which become one request per parent folder with "local:/parent" as the source.
class DropRules final
{
public:
    // `destinationConnection` empty = the pane shows no store (nothing can be dropped).
    static QVector<TransferRequest> requestsFor(const QMimeData *data, const QString &destinationConnection,
                                                const QString &destinationFolder);
    static bool canDrop(const QMimeData *data, const QString &destinationConnection,
                        const QString &destinationFolder);
};

} // namespace trestle
