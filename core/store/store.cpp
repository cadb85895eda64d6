#include "core/store/store.h"

#include "core/store/namerules.h"
#include "core/store/storeerrorjob.h"

namespace trestle {

Store::Store(QObject *parent) : QObject(parent) { }

Store::~Store() = default;

Error Store::checkNewName(const StorePath &path) const
{
    const StoreLimits rules = limits();
    QList<NameViolation> violations = NameRules::validateName(path.name(), rules);
    if (rules.maxPathLength > 0
        && NameRules::measure(path.toString(), rules.lengthUnit) > rules.maxPathLength)
        violations.append(NameRules::validate(path, rules).constLast());
    if (violations.isEmpty())
        return {};
    QStringList reasons;
    for (const NameViolation &violation : std::as_const(violations))
        reasons.append(violation.reason);
    return Error(Error::Kind::InvalidName,
                 tr("\u201C%1\u201D cannot be created in %2: %3")
                     .arg(path.toString(), displayName(), reasons.join(QLatin1Char(' '))),
                 NameViolation::kindName(violations.constFirst().kind));
}

Error Store::checkMove(const StorePath &from, const StorePath &to) const
{
    if (from.isRoot())
        return Error(Error::Kind::InvalidName, tr("The top folder cannot be moved."));
    if (to.isRoot())
        return Error(Error::Kind::Conflict, tr("The top folder already exists."));
    if (from == to || from.isAncestorOf(to))
        return Error(Error::Kind::InvalidName,
                     tr("\u201C%1\u201D cannot be moved into itself.").arg(from.toString()));
    return checkNewName(to);
}

void Store::learnListedFolders(const QList<Entry> &entries)
{
    Q_UNUSED(entries)
}

void Store::forgetListingAbove(const StorePath &path)
{
    Q_UNUSED(path)
}

Result<std::unique_ptr<QIODevice>> Store::openReadDevice(const StorePath &path)
{
    return Error(Error::Kind::Internal, tr("This store cannot open files for random access."),
                 QStringLiteral("openReadDevice unsupported: %1").arg(path.toString()));
}

Result<std::unique_ptr<WriteSession>> Store::beginWrite(const StorePath &path, qint64 size,
                                                        const QDateTime &mtime, WriteMode mode)
{
    Q_UNUSED(size)
    Q_UNUSED(mtime)
    Q_UNUSED(mode)
    return Error(Error::Kind::Internal, tr("This store cannot take pushed writes."),
                 QStringLiteral("beginWrite unsupported: %1").arg(path.toString()));
}

VersionListJob *Store::listVersions(const StorePath &path)
{
    return VersionListJob::fromStat(stat(path));
}

StoreJob *Store::readVersionInto(const StorePath &path, const StoreVersion &version, QIODevice *sink)
{
    if (version.id.isEmpty())
        return readInto(path, sink);
    return new StoreErrorJob(Error(Error::Kind::Internal, tr("This store keeps no versions."),
                                   QStringLiteral("readVersionInto unsupported: %1").arg(path.toString())));
}

} // namespace trestle
