#pragma once

#include "core/transfer/jobpolicies.h"

#include <QString>

class QSettings;

namespace trestle {

// The user's preferences as one value: read from QSettings, edited by SettingsDialog, written
// back, then applied by the window (job queue, meters, theme). Typed so no widget reads a raw key
// (qBittorrent's settingvalue.h idea). Language and theme are read once at start.
struct AppSettings final
{
    enum class Theme { System, Light, Dark };

    int workersPerJob = 4;
    int jobsAtOnce = 2;
    int bandwidthCapKiBps = 0; // 0 = no cap
    int browsingReservePercent = 10; // share of the API budget kept for interactive browsing
    ConflictPolicy conflicts = ConflictPolicy::NewerWins;
    DeletePolicy deletes = DeletePolicy::Keep;
    NamePolicy names = NamePolicy::Report;
    VersionsPolicy versions = VersionsPolicy::All; // what a migration copies of a file's history
    QString language; // "" = system, else "en", "de", "es"
    Theme theme = Theme::System;

    // The keys, shared with the translations loader ("ui/language") and tests.
    static const char *const kWorkersPerJob;
    static const char *const kJobsAtOnce;
    static const char *const kBandwidthCap;
    static const char *const kBrowsingReserve;
    static const char *const kConflicts;
    static const char *const kDeletes;
    static const char *const kNames;
    static const char *const kVersions;
    static const char *const kLanguage;
    static const char *const kTheme;

    static AppSettings load(const QSettings &settings);
    static AppSettings load(); // the application's QSettings
    void save(QSettings &settings) const;
    void save() const;

    // The policies a new job starts with (the drop dialog may still change them).
    JobPolicies defaultPolicies() const;

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);

    bool operator==(const AppSettings &other) const;
    bool operator!=(const AppSettings &other) const { return !(*this == other); }
};

} // namespace trestle
