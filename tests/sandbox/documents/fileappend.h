#pragma once

#include <QString>

class QFile;

namespace sandbox {

// Appends the whole content of the file at `sourcePath` to the end of `target` (an open QFile,
// opened for writing WITHOUT QIODevice::Append: Linux refuses in-kernel copies into O_APPEND
// files). Used to join a segmented upload's parts into one blob when it is completed.
//
// Why not a read/write loop: the sandbox serves every request on one thread, and joining a 1 GiB
// upload through user space (plus re-hashing it) stalled that thread for ~45 s, which no real
// storage does — S3 assembles multipart uploads server-side without the client waiting on a copy.
// On Linux this uses copy_file_range(2) (an in-kernel copy; on file systems that share extents it
// is a clone), and falls back to a buffered copy where that is not available.
// False on any failure; the target may then hold part of the source (the caller truncates).
bool appendFile(QFile &target, const QString &sourcePath);

} // namespace sandbox
