#pragma once

#include <QString>

namespace sandbox {

// Procore Documents' name rules as Trestle models them (procore-api.md §12). Returns the reason a
// name is rejected ("" = accepted), phrased for {"errors":{"name":[reason]}}.
// `fullPath` is the project-relative name_with_path the item would get.
QString checkName(const QString &name, const QString &fullPath, bool isFile, bool relaxed);

// The longest path Procore accepts (name_with_path, in characters = Unicode code points).
constexpr int kMaxPathLength = 255;
int pathLength(const QString &path);

// "A-101.pdf" → "A-101 (n).pdf"; "Folder" → "Folder (n)".
QString numberedName(const QString &name, int n);

// Lower-case extension without the dot ("pdf"), "" when there is none.
QString fileTypeOf(const QString &name);

} // namespace sandbox
