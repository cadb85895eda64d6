#pragma once

#include "core/common/result.h"

#include <QString>

namespace trestle {

class ProfileRepository;

// The name of the file-share connection the demo adds (installer/demo.sh, `trestle --demo-share`).
QString demoShareName();

// Makes sure the saved connections hold one file share named demoShareName() whose folder is
// `dir` (the demo's folder of construction files, installer/make-demo-share.sh): adds it the first
// time, points it at `dir` if the demo folder moved, and otherwise changes nothing, so starting the
// demo again never piles up copies. A share needs no secret, so nothing touches the keychain.
// NotFound if `dir` is not an existing folder; database errors as the repository reports them.
Status ensureDemoShare(ProfileRepository &profiles, const QString &dir);

} // namespace trestle
