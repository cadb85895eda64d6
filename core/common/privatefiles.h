#pragma once

#include <QString>

namespace trestle {

// Owner-only files and folders for what Trestle keeps about its user (issue 9): the settings
// file QSettings writes (panes, transfer choices, connection names) is not a secret, but it says
// what the user works on and it sits next to no one else's business: 0600 in a 0700 folder, like
// the journal (core/db/database.cpp) and the log (core/common/logfile.cpp).
namespace PrivateFiles {

// Makes the default QSettings file (user scope, native format, the application's organization and
// name) owner-only before anything is written to it: creates its folder, sets 0700 on it when it
// is the organization's own (…/Trestle, never a shared ~/.config), creates the file empty with
// 0600 or sets 0600 on the file that is there. QSettings rewrites the file through QSaveFile,
// which keeps the mode of the file it replaces (tests/security/tst_security_settings), so one
// call at start-up, after the application's names are set, is enough. Returns false, with
// *error saying why, when the file or folder could not be made so.
bool protectSettings(QString *error = nullptr);

// 0600 for a file, 0700 for a folder; false when it does not exist or the mode cannot be set.
bool restrictToOwner(const QString &path);

} // namespace PrivateFiles

} // namespace trestle
