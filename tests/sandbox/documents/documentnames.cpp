#include "documents/documentnames.h"

#include <QList>

namespace sandbox {

namespace {
// Where the extension's dot is, or -1: the last dot that is neither first nor last character.
int extensionDot(const QString &name)
{
    const int dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == name.size() - 1)
        return -1;
    return dot;
}
} // namespace

int pathLength(const QString &path)
{
    return int(path.toUcs4().size());
}

QString checkName(const QString &name, const QString &fullPath, bool isFile, bool relaxed)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("can't be blank");
    if (relaxed)
        return {};
    static const QString invalid = QStringLiteral("/<>:\\|?*");
    for (const QChar c : name) {
        if (invalid.contains(c))
            return QStringLiteral("contains an invalid character: \"%1\" (not allowed: / < > : \\ | ? *)")
                .arg(c);
        if (c.unicode() < 0x20)
            return QStringLiteral("contains a control character");
    }
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QStringLiteral("is not a valid name");
    if (name.back().isSpace())
        return QStringLiteral("can't end with whitespace");
    if (isFile) {
        const int dot = extensionDot(name);
        if (dot > 0 && (name.at(dot - 1).isSpace() || name.at(dot + 1).isSpace()))
            return QStringLiteral("can't have whitespace right before or after the extension's dot");
    }
    const int length = pathLength(fullPath);
    if (length > kMaxPathLength)
        return QStringLiteral("is too long: the full path would be %1 characters (at most %2)")
            .arg(length)
            .arg(kMaxPathLength);
    return {};
}

QString numberedName(const QString &name, int n)
{
    const int dot = extensionDot(name);
    const QString suffix = QStringLiteral(" (%1)").arg(n);
    if (dot < 0)
        return name + suffix;
    return name.left(dot) + suffix + name.mid(dot);
}

QString fileTypeOf(const QString &name)
{
    const int dot = extensionDot(name);
    return dot < 0 ? QString() : name.mid(dot + 1).toLower();
}

} // namespace sandbox
