#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace trestle::wizard {

// Small helpers every page uses, so messages look the same on every page.
enum class Tone { Neutral, Busy, Success, Error };

// A word-wrapped label for status and error sentences (selectable, so users can copy them).
QLabel *makeMessageLabel(const QString &objectName, QWidget *parent);
// Shows `text` in `label` with the colour of `tone` (hidden when text is empty). Screen readers
// hear the text through the label's accessible description.
void showMessage(QLabel *label, Tone tone, const QString &text);
// A grey, word-wrapped hint below a field.
QLabel *makeHintLabel(const QString &text, QWidget *parent);

} // namespace trestle::wizard
