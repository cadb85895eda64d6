#pragma once

// Shared by the browser suites: a local tree to browse, and waiting for a pane or model to finish
// listing. Test-only: the waits spin the event loop.

#include <QString>
#include <QStringList>

namespace trestle {
class StoreModel;
class PaneWidget;
} // namespace trestle

namespace browsertest {

// Writes `bytes` bytes of a repeating pattern to root/relative (parents created).
bool writeFile(const QString &root, const QString &relative, qint64 bytes);
// Alpha/, beta/, Gamma/sub/, Gamma/plan.pdf, and `files` files "file0001.txt"… at the top
// (sizes 1…`files` bytes, every tenth a .pdf, every seventh a .dwg).
bool makeTree(const QString &root, int files);

// True once the model's folder is listed and every row inserted (or the timeout passed).
bool waitLoaded(trestle::StoreModel *model, int timeoutMs = 30000);
bool waitLoaded(trestle::PaneWidget *pane, int timeoutMs = 30000);

// The names shown by the pane's view, top to bottom.
QStringList shownNames(trestle::PaneWidget *pane);

} // namespace browsertest
