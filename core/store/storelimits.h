#pragma once

#include <QString>
#include <QStringList>

namespace trestle {

// What names, sizes and metadata a store can hold. Plain data: NameRules reads it, so the rules of
// a destination are never an `if (isProcore)`. Each store answers limits(); the presets below are
// the documented starting points.
struct StoreLimits final
{
    // How maxSegmentLength and maxPathLength count.
    enum class LengthUnit {
        Utf16CodeUnits, // Windows/NTFS: 255 UTF-16 code units per name, MAX_PATH in UTF-16 units
        CodePoints, // Procore: "characters" (Unicode code points, as Ruby's String#length counts)
        Utf8Bytes, // POSIX file systems: NAME_MAX/PATH_MAX are bytes of the UTF-8 encoding
    };
    // Whether the store stores names in one Unicode normalisation form (then names that differ
    // only by normalisation are the same name there) or keeps the code points as given.
    enum class Normalization { Preserved, Nfc, Nfd };

    QString id; // stable, untranslated: "procore-documents", "windows", "posix"
    QString invalidChars; // each character is invalid anywhere in a name
    // NUL, control characters (C0, DEL, C1), separators, "." and ".." are refused for every store
    // by NameRules::checkUntrustedName, so they are not listed here.
    // Base names reserved by the system, compared case-insensitively, also with any extension
    // ("CON", "con.txt", "Con.tar.gz" are all reserved on Windows).
    QStringList reservedNames;
    LengthUnit lengthUnit = LengthUnit::Utf8Bytes;
    int maxSegmentLength = 255; // one name; 0 = no limit
    // The store-relative path "a/b/c.txt" ('/'-separated, no leading '/'); 0 = no limit.
    int maxPathLength = 0;
    bool noTrailingWhitespace = false; // "name " invalid
    bool noTrailingDot = false; // "name." invalid
    bool noWhitespaceAroundExtensionDot = false; // "name .txt" and "name. txt" invalid
    qint64 maxFileSize = -1; // bytes; -1 = unknown/unlimited
    bool keepsVersions = false; // writing an existing file adds a version instead of replacing it
    bool keepsTimestamps = true; // the modification time given to a write is kept
    bool caseSensitive = true; // "a.txt" and "A.txt" are two different names
    Normalization normalization = Normalization::Preserved;

    // Procore Documents as the sandbox enforces it (procore-api.md §12): invalid `/ < > : \ | ? *`,
    // the whole path at most 255 characters, no whitespace right before or after the extension's
    // dot nor at the end. Case-insensitivity and NFC are assumptions (unconfirmed) chosen so that
    // collisions are reported rather than merged silently.
    static StoreLimits procoreDocuments();
    // Windows/NTFS/SMB as seen through Win32: `< > : " / \ | ?` `*`, control characters, reserved
    // device names, no trailing dot or space, 255 UTF-16 units per name and MAX_PATH (259 usable
    // characters) unless long paths are enabled. rootPrefixLength is the length of the root the
    // store-relative path is appended to, including its trailing separator ("C:\Share\" = 9).
    static StoreLimits windows(int rootPrefixLength = 0, bool longPaths = false);
    // Linux/macOS/NFS: only '/' and NUL are impossible; we also refuse '\' and control characters,
    // because the same share is often opened from Windows, and names of 255 UTF-8 bytes.
    static StoreLimits posix();
    // The rules of the platform Trestle runs on (windows() or posix()).
    static StoreLimits localPlatform(int rootPrefixLength = 0);
};

} // namespace trestle
