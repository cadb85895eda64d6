#pragma once

#include <QStringList>

class QWidget;

namespace testing {

// Finds the visible controls under `root` whose text does not fit: a label, button, check box,
// radio button, combo box or group box narrower than its own size hint, a word-wrapped label
// shorter than its text needs, a header section narrower than its title. German runs about 30 %
// longer than English, so this is how a translated screen gets checked for cut-off text without
// a person squinting at every PNG. Each finding names the widget (class, objectName), the text
// and the pixels missing.
QStringList findTruncatedTexts(QWidget *root);

} // namespace testing
