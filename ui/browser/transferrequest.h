#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace trestle {

// What a drop (pane to pane, desktop to pane) or a "Download to…" asks for: copy these items of
// one connection into a folder of another. Connections are StoreResolver connection strings (a
// saved connection's profile id, or "local:/folder" for files dropped from the desktop); paths are
// store-relative with '/' separators ("" = the root). The job queue turns it into one job per item
// after asking how (copy, sync, migrate; preview first or not).
struct TransferRequest final
{
    QString sourceConnection;
    QStringList sourcePaths; // files or folders
    QString destinationConnection;
    QString destinationFolder;
};

} // namespace trestle

Q_DECLARE_METATYPE(trestle::TransferRequest)
