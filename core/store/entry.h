#pragma once

#include "core/store/storepath.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace trestle {

// One item of a store as a listing or stat reports it. Plain data.
struct Entry final
{
    enum class Kind {
        File,
        Folder,
        // Listed so the user sees it, but not usable: a symlink that leads out of the root or
        // nowhere, a device/FIFO/socket, a name no StorePath can hold. `note` says why; every
        // operation on it fails with InvalidName.
        Other,
    };

    QString name; // as the store spells it (not normalised)
    StorePath path; // for Kind::Other with an unusable name: the parent folder
    Kind kind = Kind::File;
    qint64 size = -1; // bytes; -1 for folders and unknown
    QDateTime modified; // UTC; invalid if unknown
    // The backend's id: Procore's numeric ids in decimal (v1.0) or its string ids (v2.x); empty for
    // local files (the path is the id).
    QString backendId;
    int versionCount = 0; // 0 where the store keeps no versions
    QString checksumAlgorithm; // e.g. "sha256"; empty when the store offers none
    QByteArray checksum; // raw bytes, not hex
    QString note; // why a Kind::Other entry cannot be used (translated)

    bool isFile() const { return kind == Kind::File; }
    bool isFolder() const { return kind == Kind::Folder; }
};

} // namespace trestle

Q_DECLARE_METATYPE(trestle::Entry)
