#pragma once

#include "http/httpmessage.h"

#include <QHash>
#include <QString>

namespace sandbox {

// The fields of a small form-like request body: application/x-www-form-urlencoded,
// multipart/form-data (file parts are ignored) or a flat JSON object. The OAuth token endpoint
// accepts all three (§2, §12); query parameters fill in fields the body lacks.
QHash<QString, QString> parseFormFields(const HttpRequest &request);

} // namespace sandbox
