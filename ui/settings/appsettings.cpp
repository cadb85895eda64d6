#include "ui/settings/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace trestle {

const char *const AppSettings::kWorkersPerJob = "transfer/workersPerJob";
const char *const AppSettings::kJobsAtOnce = "transfer/jobsAtOnce";
const char *const AppSettings::kBandwidthCap = "transfer/bandwidthCapKiBps";
const char *const AppSettings::kBrowsingReserve = "api/browsingReservePercent";
const char *const AppSettings::kConflicts = "policies/conflicts";
const char *const AppSettings::kDeletes = "policies/deletes";
const char *const AppSettings::kNames = "policies/names";
const char *const AppSettings::kVersions = "policies/versions";
const char *const AppSettings::kLanguage = "ui/language";
const char *const AppSettings::kTheme = "ui/theme";

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// Hand-edited or older files may hold anything: clamp instead of trusting them.
int boundedInt(const QSettings &settings, const char *name, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key(name), fallback).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    s.workersPerJob = boundedInt(settings, kWorkersPerJob, s.workersPerJob, 1, 16);
    s.jobsAtOnce = boundedInt(settings, kJobsAtOnce, s.jobsAtOnce, 1, 8);
    s.bandwidthCapKiBps = boundedInt(settings, kBandwidthCap, s.bandwidthCapKiBps, 0, 10 * 1024 * 1024);
    s.browsingReservePercent = boundedInt(settings, kBrowsingReserve, s.browsingReservePercent, 0, 50);
    s.conflicts =
        JobPolicies::conflictFromName(settings.value(key(kConflicts)).toString()).value_or(s.conflicts);
    s.deletes = JobPolicies::deleteFromName(settings.value(key(kDeletes)).toString()).value_or(s.deletes);
    s.names = JobPolicies::nameFromName(settings.value(key(kNames)).toString()).value_or(s.names);
    s.versions =
        JobPolicies::versionsFromName(settings.value(key(kVersions)).toString()).value_or(s.versions);
    const QString language = settings.value(key(kLanguage)).toString();
    if (language == QLatin1String("en") || language == QLatin1String("de") || language == QLatin1String("es"))
        s.language = language;
    s.theme = themeFromName(settings.value(key(kTheme)).toString());
    return s;
}

AppSettings AppSettings::load()
{
    const QSettings settings;
    return load(settings);
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(key(kWorkersPerJob), workersPerJob);
    settings.setValue(key(kJobsAtOnce), jobsAtOnce);
    settings.setValue(key(kBandwidthCap), bandwidthCapKiBps);
    settings.setValue(key(kBrowsingReserve), browsingReservePercent);
    settings.setValue(key(kConflicts), JobPolicies::conflictName(conflicts));
    settings.setValue(key(kDeletes), JobPolicies::deleteName(deletes));
    settings.setValue(key(kNames), JobPolicies::nameName(names));
    settings.setValue(key(kVersions), JobPolicies::versionsName(versions));
    settings.setValue(key(kLanguage), language);
    settings.setValue(key(kTheme), themeName(theme));
}

void AppSettings::save() const
{
    QSettings settings;
    save(settings);
}

JobPolicies AppSettings::defaultPolicies() const
{
    JobPolicies policies;
    policies.conflicts = conflicts;
    policies.deletes = deletes;
    policies.names = names;
    policies.versions = versions;
    policies.concurrency = workersPerJob;
    return policies;
}

QString AppSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme AppSettings::themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

bool AppSettings::operator==(const AppSettings &other) const
{
    return workersPerJob == other.workersPerJob && jobsAtOnce == other.jobsAtOnce
        && bandwidthCapKiBps == other.bandwidthCapKiBps
        && browsingReservePercent == other.browsingReservePercent && conflicts == other.conflicts
        && deletes == other.deletes && names == other.names && versions == other.versions
        && language == other.language && theme == other.theme;
}

} // namespace trestle
