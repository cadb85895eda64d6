// Names and paths from a server or a user: NameRules and StorePath. The invariants are the safety
// promises of DESIGN.md: a name that passes checkUntrustedName / a path that passes
// StorePath::fromString can never address anything outside its root (no "..", ".", separators,
// NULs, absolute or drive paths), and a name map() reports as repaired is valid at the destination.

#include "core/store/namerules.h"
#include "core/store/storepath.h"
#include "fuzzinput.h"

using namespace trestle;

namespace {

void checkSafeSegment(const QString &segment)
{
    fuzz::check(!segment.isEmpty(), "segment not empty");
    fuzz::check(segment != QLatin1String(".") && segment != QLatin1String(".."), "segment not a dot name");
    fuzz::check(!segment.contains(QLatin1Char('/')) && !segment.contains(QLatin1Char('\\')),
                "segment without separators");
    fuzz::check(!segment.contains(QChar(0)), "segment without NUL");
}

StoreLimits limitsFor(uint8_t selector)
{
    switch (selector % 3) {
    case 0:
        return StoreLimits::procoreDocuments();
    case 1:
        return StoreLimits::windows();
    default:
        return StoreLimits::posix();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const StoreLimits limits = limitsFor(data[0]);
    const QList<QByteArray> f = fuzz::splitFields(data + 1, size - 1, 2);
    // UTF-8 and UTF-16 views, so unpaired surrogates are reachable too.
    const QString a = (data[0] & 0x80)
        ? QString::fromUtf8(f[0])
        : QString(reinterpret_cast<const QChar *>(f[0].constData()), f[0].size() / 2);
    const QString b = QString::fromUtf8(f[1]);

    if (!NameRules::checkUntrustedName(a))
        checkSafeSegment(a);

    const Result<StorePath> path = StorePath::fromString(a);
    if (path.ok()) {
        for (const QString &segment : path.value().segments())
            checkSafeSegment(segment);
        fuzz::check(StorePath::fromString(path.value().toString()).value() == path.value(),
                    "path round-trips");
        const Result<StorePath> child = path.value().child(b);
        if (child.ok()) {
            checkSafeSegment(child.value().name());
            fuzz::check(path.value().isAncestorOf(child.value()), "a child stays below its parent");
            fuzz::check(child.value().parent() == path.value(), "a child's parent is the path");
        }
        (void)NameRules::validate(path.value(), limits);
    } else {
        fuzz::check(path.error().kind() == Error::Kind::InvalidName, "a refused path is InvalidName");
    }
    if (!NameRules::checkUntrustedPath(a))
        fuzz::check(path.ok(), "a path checkUntrustedPath accepts parses as a StorePath");

    (void)NameRules::validateName(a, limits);
    for (const auto policy : {NameRules::MapPolicy::Lookalike, NameRules::MapPolicy::Underscore}) {
        const MappedName mapped = NameRules::map(a, limits, policy);
        if (mapped.ok())
            fuzz::check(NameRules::validateName(mapped.name, limits).isEmpty(), "a mapped name is valid");
        // JSON holds Unicode text only: a name with an unpaired surrogate has no record form.
        if (QString::fromUtf8(a.toUtf8()) == a) {
            const std::optional<NameMapping> back = NameMapping::fromRecord(mapped.mapping.toRecord());
            fuzz::check(back.has_value() && back->original == a && back->mapped == mapped.name,
                        "a mapping record round-trips");
        }
    }
    (void)NameRules::unmapLookalikes(a);
    (void)NameMapping::fromRecord(b);
    const QList<QStringList> groups = NameRules::detectCollisions({a, b, a.toUpper()}, limits);
    for (const QStringList &group : groups) {
        fuzz::check(group.size() >= 2, "a collision group has two names");
        (void)NameRules::collisionReason(group, limits);
    }
    return 0;
}
