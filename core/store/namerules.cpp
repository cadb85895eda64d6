#include "core/store/namerules.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trestle {

namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool hasDriveLetter(const QString &name)
{
    return name.size() >= 2 && name.at(1) == QLatin1Char(':')
        && ((name.at(0) >= QLatin1Char('a') && name.at(0) <= QLatin1Char('z'))
            || (name.at(0) >= QLatin1Char('A') && name.at(0) <= QLatin1Char('Z')));
}

// Index of the first unpaired surrogate, or -1.
qsizetype firstUnpairedSurrogate(const QString &name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            return i;
        }
        if (c.isLowSurrogate())
            return i;
    }
    return -1;
}

QString describeChar(QChar c)
{
    if (c.unicode() < 0x20 || c.unicode() == 0x7F || !c.isPrint())
        return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
    return QStringLiteral("\u201C%1\u201D").arg(c);
}

NameViolation violation(NameViolation::Kind kind, const QString &name, const QString &reason)
{
    NameViolation v;
    v.kind = kind;
    v.name = name;
    v.reason = reason;
    return v;
}

// The extension's dot: the last '.', unless it starts the name (".bashrc" has no extension).
qsizetype extensionDot(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? dot : -1;
}

bool isReserved(const QString &name, const StoreLimits &limits)
{
    if (limits.reservedNames.isEmpty())
        return false;
    QString base = name.section(QLatin1Char('.'), 0, 0);
    while (!base.isEmpty() && base.back().isSpace())
        base.chop(1);
    for (const QString &reserved : limits.reservedNames) {
        if (base.compare(reserved, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QChar lookalikeFor(QChar c)
{
    switch (c.unicode()) {
    case ':':
        return QChar(0xA789);
    case '/':
        return QChar(0x2215);
    case '\\':
        return QChar(0x29F5);
    case '<':
        return QChar(0xFF1C);
    case '>':
        return QChar(0xFF1E);
    case '"':
        return QChar(0xFF02);
    case '|':
        return QChar(0xFF5C);
    case '?':
        return QChar(0xFF1F);
    case '*':
        return QChar(0xFF0A);
    default:
        break;
    }
    if (c.unicode() < 0x20)
        return QChar(char16_t(0x2400 + c.unicode()));
    if (c.unicode() == 0x7F)
        return QChar(0x2421);
    if (c.isSurrogate())
        return QChar(0xFFFD);
    return QLatin1Char('_');
}

} // namespace

QString NameViolation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Empty:
        return QStringLiteral("empty");
    case Kind::DotName:
        return QStringLiteral("dot-name");
    case Kind::Separator:
        return QStringLiteral("separator");
    case Kind::ControlChar:
        return QStringLiteral("control-char");
    case Kind::Absolute:
        return QStringLiteral("absolute");
    case Kind::DriveLetter:
        return QStringLiteral("drive-letter");
    case Kind::InvalidUnicode:
        return QStringLiteral("invalid-unicode");
    case Kind::InvalidChar:
        return QStringLiteral("invalid-char");
    case Kind::ReservedName:
        return QStringLiteral("reserved-name");
    case Kind::TrailingWhitespace:
        return QStringLiteral("trailing-whitespace");
    case Kind::TrailingDot:
        return QStringLiteral("trailing-dot");
    case Kind::WhitespaceAroundExtension:
        return QStringLiteral("whitespace-around-extension");
    case Kind::SegmentTooLong:
        return QStringLiteral("segment-too-long");
    case Kind::PathTooLong:
        return QStringLiteral("path-too-long");
    }
    return QStringLiteral("unknown");
}

QString NameMapping::toRecord() const
{
    QJsonObject object;
    object.insert(QStringLiteral("v"), 1);
    object.insert(QStringLiteral("original"), original);
    object.insert(QStringLiteral("mapped"), mapped);
    object.insert(QStringLiteral("policy"), policy);
    object.insert(QStringLiteral("rules"), QJsonArray::fromStringList(rules));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<NameMapping> NameMapping::fromRecord(const QString &record)
{
    const QJsonDocument document = QJsonDocument::fromJson(record.toUtf8());
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(QStringLiteral("v")).toInt() != 1
        || !object.value(QStringLiteral("original")).isString()
        || !object.value(QStringLiteral("mapped")).isString())
        return std::nullopt;
    NameMapping mapping;
    mapping.original = object.value(QStringLiteral("original")).toString();
    mapping.mapped = object.value(QStringLiteral("mapped")).toString();
    mapping.policy = object.value(QStringLiteral("policy")).toString();
    for (const QJsonValue &rule : object.value(QStringLiteral("rules")).toArray())
        mapping.rules.append(rule.toString());
    return mapping;
}

std::optional<NameViolation> NameRules::checkUntrustedName(const QString &name)
{
    using K = NameViolation::Kind;
    if (name.isEmpty())
        return violation(K::Empty, name, tr("The name is empty."));
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return violation(
            K::DotName, name,
            tr("\u201C%1\u201D is not a name: it refers to a folder itself or its parent.").arg(name));
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return violation(K::Separator, name,
                             tr("\u201C%1\u201D contains the path separator %2.").arg(name, describeChar(c)));
    }
    for (const QChar c : name) {
        if (c.unicode() == 0)
            return violation(K::ControlChar, name, tr("The name contains a NUL character."));
        if (isControl(c.unicode()))
            return violation(K::ControlChar, name,
                             tr("The name contains the control character %1.").arg(describeChar(c)));
    }
    if (firstUnpairedSurrogate(name) >= 0)
        return violation(K::InvalidUnicode, name, tr("The name contains an invalid Unicode sequence."));
    if (hasDriveLetter(name))
        return violation(
            K::DriveLetter, name,
            tr("\u201C%1\u201D starts with a drive letter and could point to another disk.").arg(name));
    return std::nullopt;
}

std::optional<NameViolation> NameRules::checkUntrustedPath(const QString &path)
{
    using K = NameViolation::Kind;
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\')))
        return violation(K::Absolute, path,
                         tr("\u201C%1\u201D is an absolute path; only paths inside the destination are "
                            "allowed.")
                             .arg(path));
    if (hasDriveLetter(path))
        return violation(
            K::DriveLetter, path,
            tr("\u201C%1\u201D starts with a drive letter and could point to another disk.").arg(path));
    if (path.contains(QLatin1Char('\\')))
        return violation(
            K::Separator, path,
            tr("\u201C%1\u201D uses \u201C\\\u201D as a separator; paths use \u201C/\u201D.").arg(path));
    const QStringList segments = path.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return violation(K::Empty, path, tr("\u201C%1\u201D contains an empty folder name.").arg(path));
        if (auto v = checkUntrustedName(segment)) {
            if (v->kind == K::DotName)
                v->reason = tr("\u201C%1\u201D contains \u201C%2\u201D and could lead outside the "
                               "destination.")
                                .arg(path, segment);
            return v;
        }
    }
    return std::nullopt;
}

QList<NameViolation> NameRules::validateName(const QString &name, const StoreLimits &limits)
{
    using K = NameViolation::Kind;
    QList<NameViolation> violations;
    if (const auto untrusted = checkUntrustedName(name)) {
        violations.append(*untrusted);
        if (untrusted->kind == K::Empty || untrusted->kind == K::DotName)
            return violations;
    }
    QString seen;
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || seen.contains(c))
            continue; // separators are already reported as such
        if (limits.invalidChars.contains(c)) {
            seen.append(c);
            violations.append(
                violation(K::InvalidChar, name,
                          tr("The character %1 is not allowed in names here.").arg(describeChar(c))));
        }
    }
    if (isReserved(name, limits))
        violations.append(
            violation(K::ReservedName, name, tr("\u201C%1\u201D is a reserved device name here.").arg(name)));
    if (limits.noTrailingWhitespace && name.back().isSpace())
        violations.append(violation(K::TrailingWhitespace, name, tr("The name ends with a space.")));
    if (limits.noTrailingDot && name.back() == QLatin1Char('.'))
        violations.append(violation(K::TrailingDot, name, tr("The name ends with a dot.")));
    if (limits.noWhitespaceAroundExtensionDot) {
        const qsizetype dot = extensionDot(name);
        if (dot > 0 && (name.at(dot - 1).isSpace() || (dot + 1 < name.size() && name.at(dot + 1).isSpace())))
            violations.append(violation(K::WhitespaceAroundExtension, name,
                                        tr("The name has a space next to the dot of its extension.")));
    }
    const int length = measure(name, limits.lengthUnit);
    if (limits.maxSegmentLength > 0 && length > limits.maxSegmentLength)
        violations.append(violation(
            K::SegmentTooLong, name,
            tr("The name is too long (%1, at most %2 allowed).").arg(length).arg(limits.maxSegmentLength)));
    return violations;
}

QList<NameViolation> NameRules::validate(const StorePath &path, const StoreLimits &limits)
{
    QList<NameViolation> violations;
    for (const QString &segment : path.segments())
        violations.append(validateName(segment, limits));
    const QString text = path.toString();
    const int length = measure(text, limits.lengthUnit);
    if (limits.maxPathLength > 0 && length > limits.maxPathLength)
        violations.append(violation(
            NameViolation::Kind::PathTooLong, text,
            tr("The path is too long (%1, at most %2 allowed).").arg(length).arg(limits.maxPathLength)));
    return violations;
}

MappedName NameRules::map(const QString &name, const StoreLimits &limits, MapPolicy policy)
{
    using K = NameViolation::Kind;
    const bool lookalike = policy == MapPolicy::Lookalike;
    MappedName result;
    result.mapping.original = name;
    result.mapping.policy = lookalike ? QStringLiteral("lookalike") : QStringLiteral("underscore");
    auto addRule = [&result](K kind) {
        const QString rule = NameViolation::kindName(kind);
        if (!result.mapping.rules.contains(rule))
            result.mapping.rules.append(rule);
    };

    QString mapped = name;
    const auto untrusted = checkUntrustedName(name);
    if (!untrusted || (untrusted->kind != K::Empty && untrusted->kind != K::DotName)) {
        // Characters: separators, controls, unpaired surrogates, the destination's invalid ones,
        // and the colon of a drive letter.
        QString out;
        out.reserve(mapped.size());
        for (qsizetype i = 0; i < mapped.size(); ++i) {
            const QChar c = mapped.at(i);
            if (c.isSurrogate()) {
                const bool paired =
                    c.isHighSurrogate() && i + 1 < mapped.size() && mapped.at(i + 1).isLowSurrogate();
                if (paired) {
                    out.append(c);
                    out.append(mapped.at(++i));
                    continue;
                }
                addRule(K::InvalidUnicode);
                out.append(lookalike ? lookalikeFor(c) : QLatin1Char('_'));
                continue;
            }
            K kind = K::InvalidChar;
            bool replace = false;
            if (c == QLatin1Char('/') || c == QLatin1Char('\\')) {
                replace = true;
                kind = K::Separator;
            } else if (isControl(c.unicode())) {
                replace = true;
                kind = K::ControlChar;
            } else if (limits.invalidChars.contains(c)) {
                replace = true;
            } else if (i == 1 && hasDriveLetter(mapped)) {
                replace = true;
                kind = K::DriveLetter;
            }
            if (replace) {
                addRule(kind);
                out.append(lookalike ? lookalikeFor(c) : QLatin1Char('_'));
            } else {
                out.append(c);
            }
        }
        mapped = out;

        if (isReserved(mapped, limits)) {
            addRule(K::ReservedName);
            const qsizetype dot = mapped.indexOf(QLatin1Char('.'));
            qsizetype end = dot < 0 ? mapped.size() : dot;
            while (end > 0 && mapped.at(end - 1).isSpace())
                --end;
            mapped.insert(end, QLatin1Char('_'));
        }
        // The run of trailing whitespace/dots, from the end backwards.
        for (qsizetype i = mapped.size() - 1; i >= 0; --i) {
            const QChar c = mapped.at(i);
            if (limits.noTrailingWhitespace && c.isSpace()) {
                addRule(K::TrailingWhitespace);
                mapped[i] = QLatin1Char('_');
            } else if (limits.noTrailingDot && c == QLatin1Char('.')) {
                addRule(K::TrailingDot);
                mapped[i] = lookalike ? QChar(0x2024) : QLatin1Char('_');
            } else {
                break;
            }
        }
        if (limits.noWhitespaceAroundExtensionDot) {
            const qsizetype dot = extensionDot(mapped);
            if (dot > 0) {
                for (qsizetype i = dot - 1; i >= 0 && mapped.at(i).isSpace(); --i) {
                    addRule(K::WhitespaceAroundExtension);
                    mapped[i] = QLatin1Char('_');
                }
                for (qsizetype i = dot + 1; i < mapped.size() && mapped.at(i).isSpace(); ++i) {
                    addRule(K::WhitespaceAroundExtension);
                    mapped[i] = QLatin1Char('_');
                }
            }
        }
    }
    result.name = mapped;
    result.mapping.mapped = mapped;
    result.remaining = validateName(mapped, limits);
    return result;
}

QString NameRules::unmapLookalikes(const QString &name)
{
    QString out = name;
    for (QChar &c : out) {
        switch (c.unicode()) {
        case 0xA789:
            c = QLatin1Char(':');
            break;
        case 0x2215:
            c = QLatin1Char('/');
            break;
        case 0x29F5:
            c = QLatin1Char('\\');
            break;
        case 0xFF1C:
            c = QLatin1Char('<');
            break;
        case 0xFF1E:
            c = QLatin1Char('>');
            break;
        case 0xFF02:
            c = QLatin1Char('"');
            break;
        case 0xFF5C:
            c = QLatin1Char('|');
            break;
        case 0xFF1F:
            c = QLatin1Char('?');
            break;
        case 0xFF0A:
            c = QLatin1Char('*');
            break;
        case 0x2024:
            c = QLatin1Char('.');
            break;
        case 0x2421:
            c = QChar(0x7F);
            break;
        default:
            if (c.unicode() >= 0x2400 && c.unicode() <= 0x241F)
                c = QChar(char16_t(c.unicode() - 0x2400));
            break;
        }
    }
    return out;
}

QString NameRules::collisionKey(const QString &name, const StoreLimits &limits)
{
    QString key = name;
    switch (limits.normalization) {
    case StoreLimits::Normalization::Preserved:
        break;
    case StoreLimits::Normalization::Nfc:
        key = key.normalized(QString::NormalizationForm_C);
        break;
    case StoreLimits::Normalization::Nfd:
        key = key.normalized(QString::NormalizationForm_D);
        break;
    }
    if (!limits.caseSensitive)
        key = key.toCaseFolded();
    return key;
}

QList<QStringList> NameRules::detectCollisions(const QStringList &names, const StoreLimits &limits)
{
    QHash<QString, qsizetype> groupOfKey;
    QList<QStringList> groups;
    for (const QString &name : names) {
        const QString key = collisionKey(name, limits);
        const auto it = groupOfKey.constFind(key);
        if (it == groupOfKey.cend()) {
            groupOfKey.insert(key, groups.size());
            groups.append(QStringList{name});
        } else {
            groups[*it].append(name);
        }
    }
    QList<QStringList> collisions;
    for (const QStringList &group : std::as_const(groups)) {
        if (group.size() > 1)
            collisions.append(group);
    }
    return collisions;
}

QString NameRules::collisionReason(const QStringList &group, const StoreLimits &limits)
{
    QStringList quoted;
    for (const QString &name : group)
        quoted.append(QStringLiteral("\u201C%1\u201D").arg(name));
    if (limits.caseSensitive)
        return tr("%1 differ only in their Unicode form; the destination stores them as one name, so "
                  "one would overwrite the other.")
            .arg(quoted.join(QStringLiteral(", ")));
    return tr("%1 differ only in upper/lower case or Unicode form; the destination treats them as one "
              "name, so one would overwrite the other.")
        .arg(quoted.join(QStringLiteral(", ")));
}

int NameRules::measure(const QString &text, StoreLimits::LengthUnit unit)
{
    switch (unit) {
    case StoreLimits::LengthUnit::Utf16CodeUnits:
        return int(text.size());
    case StoreLimits::LengthUnit::CodePoints:
        return int(text.toUcs4().size());
    case StoreLimits::LengthUnit::Utf8Bytes:
        return int(text.toUtf8().size());
    }
    return int(text.size());
}

} // namespace trestle
