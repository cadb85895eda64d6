#include "core/transfer/jobpolicies.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace trestle {

namespace {

template<typename E>
using NameTable = std::initializer_list<std::pair<E, const char *>>;

const NameTable<ConflictPolicy> kConflicts = {
    {ConflictPolicy::NewerWins, "newer-wins"},
    {ConflictPolicy::SourceWins, "source-wins"},
    {ConflictPolicy::KeepBoth, "keep-both"},
    {ConflictPolicy::Skip, "skip"},
    {ConflictPolicy::Ask, "ask"},
    {ConflictPolicy::NewVersion, "new-version"},
};
const NameTable<DeletePolicy> kDeletes = {{DeletePolicy::Keep, "keep"}, {DeletePolicy::Delete, "delete"}};
const NameTable<SyncDirection> kDirections = {{SyncDirection::OneWay, "one-way"},
                                              {SyncDirection::TwoWay, "two-way"}};
const NameTable<NamePolicy> kNames = {{NamePolicy::Report, "report"}, {NamePolicy::Map, "map"}};
const NameTable<UnchangedRule> kUnchanged = {{UnchangedRule::SizeAndMtime, "size-mtime"},
                                             {UnchangedRule::Checksum, "checksum"}};
const NameTable<VersionsPolicy> kVersions = {{VersionsPolicy::All, "all"},
                                             {VersionsPolicy::Latest, "latest"}};

template<typename E>
QString nameOf(const NameTable<E> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QLatin1String(name);
    }
    return {};
}

template<typename E>
std::optional<E> valueOf(const NameTable<E> &table, const QString &name)
{
    for (const auto &[v, n] : table) {
        if (name == QLatin1String(n))
            return v;
    }
    return std::nullopt;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

Error invalidPolicy(const QString &key, const QString &value)
{
    return Error(
        Error::Kind::Validation,
        QCoreApplication::translate("trestle::JobPolicies", "The job's policy \"%1\" has an unknown value.")
            .arg(key),
        QStringLiteral("policy %1 = %2").arg(key, value));
}

// Reads an enum-valued key; a missing key keeps `value`.
template<typename E>
Error readEnum(const QJsonObject &json, const char *key, const NameTable<E> &table, E &value)
{
    const QString k = QLatin1String(key);
    if (!json.contains(k))
        return {};
    const std::optional<E> parsed = valueOf(table, json.value(k).toString());
    if (!parsed)
        return invalidPolicy(k, json.value(k).toVariant().toString());
    value = *parsed;
    return {};
}

} // namespace

bool JobFilters::isEmpty() const
{
    return include.isEmpty() && exclude.isEmpty() && fileTypes.isEmpty() && minSize < 0 && maxSize < 0
        && !modifiedSince.isValid();
}

QJsonObject JobFilters::toJson() const
{
    QJsonObject json;
    if (!include.isEmpty())
        json.insert(QStringLiteral("include"), QJsonArray::fromStringList(include));
    if (!exclude.isEmpty())
        json.insert(QStringLiteral("exclude"), QJsonArray::fromStringList(exclude));
    if (!fileTypes.isEmpty())
        json.insert(QStringLiteral("fileTypes"), QJsonArray::fromStringList(fileTypes));
    if (minSize >= 0)
        json.insert(QStringLiteral("minSize"), minSize);
    if (maxSize >= 0)
        json.insert(QStringLiteral("maxSize"), maxSize);
    if (modifiedSince.isValid())
        json.insert(QStringLiteral("modifiedSince"), modifiedSince.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

JobFilters JobFilters::fromJson(const QJsonObject &json)
{
    JobFilters filters;
    filters.include = toStringList(json.value(QStringLiteral("include")));
    filters.exclude = toStringList(json.value(QStringLiteral("exclude")));
    filters.fileTypes = toStringList(json.value(QStringLiteral("fileTypes")));
    filters.minSize = json.value(QStringLiteral("minSize")).toInteger(-1);
    filters.maxSize = json.value(QStringLiteral("maxSize")).toInteger(-1);
    const QString since = json.value(QStringLiteral("modifiedSince")).toString();
    if (!since.isEmpty())
        filters.modifiedSince = QDateTime::fromString(since, Qt::ISODateWithMs).toUTC();
    return filters;
}

QJsonObject JobPolicies::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("v"), 1);
    json.insert(QStringLiteral("conflicts"), conflictName(conflicts));
    json.insert(QStringLiteral("deletes"), deleteName(deletes));
    json.insert(QStringLiteral("names"), nameName(names));
    json.insert(QStringLiteral("unchanged"), unchangedName(unchanged));
    json.insert(QStringLiteral("mtimeToleranceMs"), mtimeToleranceMs);
    json.insert(QStringLiteral("concurrency"), concurrency);
    json.insert(QStringLiteral("maxAttempts"), maxAttempts);
    json.insert(QStringLiteral("direction"), directionName(direction));
    if (bandwidthLimit > 0)
        json.insert(QStringLiteral("bandwidthLimit"), bandwidthLimit);
    if (deleteSourceAfterMigrate)
        json.insert(QStringLiteral("deleteSourceAfterMigrate"), true);
    if (versions != VersionsPolicy::All) // the default is left out: older jobs read back the same
        json.insert(QStringLiteral("versions"), versionsName(versions));
    if (schedule.isActive())
        json.insert(QStringLiteral("schedule"), schedule.toJson());
    const QJsonObject filterJson = filters.toJson();
    if (!filterJson.isEmpty())
        json.insert(QStringLiteral("filters"), filterJson);
    return json;
}

QString JobPolicies::toJsonText() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

Result<JobPolicies> JobPolicies::fromJson(const QJsonObject &json)
{
    JobPolicies policies;
    for (const Error &error : {readEnum(json, "conflicts", kConflicts, policies.conflicts),
                               readEnum(json, "deletes", kDeletes, policies.deletes),
                               readEnum(json, "names", kNames, policies.names),
                               readEnum(json, "unchanged", kUnchanged, policies.unchanged),
                               readEnum(json, "direction", kDirections, policies.direction),
                               readEnum(json, "versions", kVersions, policies.versions)}) {
        if (error)
            return error;
    }
    policies.mtimeToleranceMs =
        json.value(QStringLiteral("mtimeToleranceMs")).toInteger(policies.mtimeToleranceMs);
    policies.concurrency = json.value(QStringLiteral("concurrency")).toInt(policies.concurrency);
    policies.maxAttempts = json.value(QStringLiteral("maxAttempts")).toInt(policies.maxAttempts);
    policies.bandwidthLimit = json.value(QStringLiteral("bandwidthLimit")).toInteger(0);
    policies.deleteSourceAfterMigrate = json.value(QStringLiteral("deleteSourceAfterMigrate")).toBool(false);
    if (policies.bandwidthLimit < 0)
        return invalidPolicy(QStringLiteral("bandwidthLimit"), QString::number(policies.bandwidthLimit));
    if (policies.concurrency < 1 || policies.concurrency > 64)
        return invalidPolicy(QStringLiteral("concurrency"), QString::number(policies.concurrency));
    if (policies.maxAttempts < 1)
        return invalidPolicy(QStringLiteral("maxAttempts"), QString::number(policies.maxAttempts));
    policies.filters = JobFilters::fromJson(json.value(QStringLiteral("filters")).toObject());
    Result<JobSchedule> schedule = JobSchedule::fromJson(json.value(QStringLiteral("schedule")).toObject());
    if (!schedule.ok())
        return schedule.error();
    policies.schedule = schedule.takeValue();
    return policies;
}

Result<JobPolicies> JobPolicies::fromJsonText(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        return Error(
            Error::Kind::Validation,
            QCoreApplication::translate("trestle::JobPolicies", "The job's saved policies are damaged."),
            parseError.errorString());
    }
    return fromJson(doc.object());
}

QString JobPolicies::conflictName(ConflictPolicy policy)
{
    return nameOf(kConflicts, policy);
}
std::optional<ConflictPolicy> JobPolicies::conflictFromName(const QString &name)
{
    return valueOf(kConflicts, name);
}
QString JobPolicies::deleteName(DeletePolicy policy)
{
    return nameOf(kDeletes, policy);
}
std::optional<DeletePolicy> JobPolicies::deleteFromName(const QString &name)
{
    return valueOf(kDeletes, name);
}
QString JobPolicies::directionName(SyncDirection direction)
{
    return nameOf(kDirections, direction);
}
std::optional<SyncDirection> JobPolicies::directionFromName(const QString &name)
{
    return valueOf(kDirections, name);
}

QString JobPolicies::versionsName(VersionsPolicy policy)
{
    return nameOf(kVersions, policy);
}

std::optional<VersionsPolicy> JobPolicies::versionsFromName(const QString &name)
{
    return valueOf(kVersions, name);
}
QString JobPolicies::nameName(NamePolicy policy)
{
    return nameOf(kNames, policy);
}
std::optional<NamePolicy> JobPolicies::nameFromName(const QString &name)
{
    return valueOf(kNames, name);
}
QString JobPolicies::unchangedName(UnchangedRule rule)
{
    return nameOf(kUnchanged, rule);
}
std::optional<UnchangedRule> JobPolicies::unchangedFromName(const QString &name)
{
    return valueOf(kUnchanged, name);
}

JobRecord JobSpec::toRecord() const
{
    JobRecord record;
    record.kind = kind;
    record.sourceConnection = sourceConnection;
    record.sourcePath = sourcePath;
    record.destinationConnection = destinationConnection;
    record.destinationPath = destinationPath;
    record.policiesJson = policies.toJsonText();
    record.state = JobState::Queued;
    return record;
}

Result<JobSpec> JobSpec::fromRecord(const JobRecord &record)
{
    Result<JobPolicies> policies = JobPolicies::fromJsonText(record.policiesJson);
    if (!policies.ok())
        return policies.error();
    JobSpec spec;
    spec.kind = record.kind;
    spec.sourceConnection = record.sourceConnection;
    spec.sourcePath = record.sourcePath;
    spec.destinationConnection = record.destinationConnection;
    spec.destinationPath = record.destinationPath;
    spec.policies = policies.takeValue();
    return spec;
}

} // namespace trestle
