#pragma once

#include <QString>

namespace trestle {

// Loads Trestle's catalogue (:/i18n/trestle_<lang>.qm, compiled into the binary by
// translations/CMakeLists.txt) and Qt's own (qtbase_<lang>.qm from Qt's translations folder, for
// the standard dialogs' buttons) into the running application, replacing what an earlier call
// installed. `language` is what the settings key "ui/language" holds: "" follows the system
// locale, "en" is the untranslated English source, "de" and "es" are the shipped catalogues.
// A language without a catalogue falls back to English without an error: the UI is always usable.
// Also makes the chosen locale QLocale's default, so numbers and dates match the language.
// Call after the QCoreApplication exists, before the first widget is created.
void installTranslations(const QString &language);

// The languages with a catalogue in this build, as codes for "ui/language" ("de", "es"); English
// (the source language) is not listed.
QStringList availableTranslations();

} // namespace trestle
