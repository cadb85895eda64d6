#include "core/common/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

namespace trestle {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "trestle.i18n")

// Marks the translators this file installed, so a second call (the user picked another language
// in the settings) removes exactly those and nothing another part of the program installed.
const char kOwnedProperty[] = "trestleTranslator";

void removeInstalledTranslators(QCoreApplication *app)
{
    const QList<QTranslator *> translators = app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        if (!translator->property(kOwnedProperty).toBool())
            continue;
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// QTranslator::load(locale, …) walks the locale's UI languages (de-AT → de_AT, de), so a
// regional system locale still finds the plain language file.
bool installCatalogue(QCoreApplication *app, const QLocale &locale, const QString &name,
                      const QString &folder)
{
    auto *translator = new QTranslator(app);
    translator->setProperty(kOwnedProperty, true);
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

void installTranslations(const QString &language)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    removeInstalledTranslators(app);

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // English is the source language: nothing to load, and Qt's dialogs are English already.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;

    if (!installCatalogue(app, locale, QStringLiteral("trestle"), QStringLiteral(":/i18n")))
        qCInfo(lcI18n) << "no Trestle catalogue for" << locale.name() << "- the UI stays English";
    // Debian ships Qt's catalogues in qt6-translations-l10n; without it the standard buttons
    // (OK, Cancel, Yes, No) stay English, which is worth a note in the log but not an error.
    if (!installCatalogue(app, locale, QStringLiteral("qtbase"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qCInfo(lcI18n) << "no Qt catalogue for" << locale.name() << "in"
                       << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

QStringList availableTranslations()
{
    QStringList languages;
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("trestle_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(8, file.size() - 8 - 3));
    return languages;
}

} // namespace trestle
