#pragma once

#include "core/store/storelimits.h"
#include "core/store/storepath.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace trestle {

// One reason a name or path cannot be used.
struct NameViolation final
{
    enum class Kind {
        Empty, // "" or an empty segment ("a//b", "a/")
        DotName, // "." or ".."
        Separator, // '/' or '\' inside a name
        ControlChar, // NUL, U+0001..U+001F, U+007F, U+0080..U+009F
        Absolute, // "/a", "\a", "\\server\share"
        DriveLetter, // "C:", "c:foo"
        InvalidUnicode, // an unpaired UTF-16 surrogate (no UTF-8 form exists)
        InvalidChar, // a character the destination does not allow
        ReservedName, // CON, PRN, NUL, COM1, … (with or without extension)
        TrailingWhitespace, // "name "
        TrailingDot, // "name."
        WhitespaceAroundExtension, // "name .txt", "name. txt"
        SegmentTooLong,
        PathTooLong,
    };

    Kind kind = Kind::Empty;
    QString name; // the offending segment (or the whole path for PathTooLong/Absolute)
    QString reason; // translated sentence for the user

    // Stable, untranslated ("invalid-char", …) for logs, JSON and tests.
    static QString kindName(Kind kind);
};

// How a name was changed to fit a destination, recorded with the item (toRecord()) so the
// original can be restored when the file travels back.
struct NameMapping final
{
    QString original;
    QString mapped;
    QString policy; // "lookalike" or "underscore"
    QStringList rules; // violation kinds that were repaired, in order

    bool isIdentity() const { return original == mapped; }
    // Compact JSON {"v":1,"original":…,"mapped":…,"policy":…,"rules":[…]}.
    QString toRecord() const;
    static std::optional<NameMapping> fromRecord(const QString &record);
};

// The result of NameRules::map: the new name, its record, and what mapping could not repair
// (too long, "..", empty): the caller reports those.
struct MappedName final
{
    QString name;
    NameMapping mapping;
    QList<NameViolation> remaining;

    bool ok() const { return remaining.isEmpty(); }
};

// Validates names and paths against a destination's StoreLimits, maps names to legal ones by a
// documented table, checks untrusted names from a server, and finds names that would collide.
// Stateless and thread-safe.
//
// Mapping table (policy Lookalike / Underscore):
//   :  U+A789 MODIFIER LETTER COLON            / _
//   /  U+2215 DIVISION SLASH                   / _
//   \  U+29F5 REVERSE SOLIDUS OPERATOR         / _
//   <  U+FF1C FULLWIDTH LESS-THAN SIGN         / _
//   >  U+FF1E FULLWIDTH GREATER-THAN SIGN      / _
//   "  U+FF02 FULLWIDTH QUOTATION MARK         / _
//   |  U+FF5C FULLWIDTH VERTICAL LINE          / _
//   ?  U+FF1F FULLWIDTH QUESTION MARK          / _
//   *  U+FF0A FULLWIDTH ASTERISK               / _
//   U+0000..U+001F  U+2400..U+241F CONTROL PICTURES, U+007F U+2421  / _
//   U+0080..U+009F (C1 controls)               _ / _
//   unpaired surrogate                         U+FFFD / _
//   trailing '.' (where not allowed)           U+2024 ONE DOT LEADER / _
//   whitespace at the end or around the extension dot   _ / _
//   reserved base name (CON, con.txt)          '_' appended to the base: CON_, con_.txt
// Not repaired (reported in MappedName::remaining): empty, ".", "..", too long.
class NameRules final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::NameRules)

public:
    enum class MapPolicy { Lookalike, Underscore };

    // Checks a single name from an untrusted source (a server listing, a user): empty, "." and
    // "..", separators, NUL and control characters, unpaired surrogates, drive letters. A name
    // that passes can never address anything but a child of its folder.
    static std::optional<NameViolation> checkUntrustedName(const QString &name);
    // The same for a '/'-separated relative path ("a/b/c.txt"): also absolute paths, UNC paths,
    // backslash separators and empty segments.
    static std::optional<NameViolation> checkUntrustedPath(const QString &path);

    // Every violation of one name against a destination's limits (empty = valid).
    static QList<NameViolation> validateName(const QString &name, const StoreLimits &limits);
    // Every violation of a path: each segment, then the whole path's length.
    static QList<NameViolation> validate(const StorePath &path, const StoreLimits &limits);

    // Maps a name to one the destination accepts, by the table above.
    static MappedName map(const QString &name, const StoreLimits &limits,
                          MapPolicy policy = MapPolicy::Lookalike);
    // Reverses the Lookalike table character by character (use only on a name the record says was
    // mapped; the record's `original` is the authority).
    static QString unmapLookalikes(const QString &name);

    // Groups of names (each group ≥ 2, in input order) that the destination would treat as one
    // name: same after case folding (case-insensitive stores) and/or Unicode normalisation (stores
    // that normalise). Use on one folder's listing before copying it to that destination.
    static QList<QStringList> detectCollisions(const QStringList &names, const StoreLimits &limits);
    // Why the names of one group from detectCollisions() cannot all be copied (translated).
    static QString collisionReason(const QStringList &group, const StoreLimits &limits);
    // The key two names share when they collide on the destination.
    static QString collisionKey(const QString &name, const StoreLimits &limits);

    // The length of text as the limits count it.
    static int measure(const QString &text, StoreLimits::LengthUnit unit);
};

} // namespace trestle
