#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QMimeData;

namespace trestle {

// The private drag format between panes: which connection the items come from and their
// store-relative paths, as JSON under "application/x-trestle-items". A pane of a local folder or
// share adds text/uri-list file URLs as well, so a desktop file manager can take the drop; a
// remote pane cannot (its files do not exist on disk until downloaded).
struct ItemDrag final
{
    static QString mimeType();

    QString connectionId;
    QString sourceFolder; // the folder the items were dragged from ("" = root)
    QStringList paths;

    // Writes the private format (and `localRoot`'s file URLs when it is not empty) into `data`.
    void writeTo(QMimeData *data, const QString &localRoot = {}) const;
    // Reads the private format; nothing when absent or malformed.
    static std::optional<ItemDrag> readFrom(const QMimeData *data);
};

} // namespace trestle
