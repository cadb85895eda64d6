#include "core/store/storelimits.h"

namespace trestle {

StoreLimits StoreLimits::procoreDocuments()
{
    StoreLimits limits;
    limits.id = QStringLiteral("procore-documents");
    limits.invalidChars = QStringLiteral("/<>:\\|?*");
    limits.lengthUnit = LengthUnit::CodePoints;
    limits.maxSegmentLength = 255;
    limits.maxPathLength = 255;
    limits.noTrailingWhitespace = true;
    limits.noWhitespaceAroundExtensionDot = true;
    limits.keepsVersions = true;
    // Procore keeps its own created/updated times; the file's modification time is not kept.
    limits.keepsTimestamps = false;
    limits.caseSensitive = false;
    limits.normalization = Normalization::Nfc;
    return limits;
}

StoreLimits StoreLimits::windows(int rootPrefixLength, bool longPaths)
{
    StoreLimits limits;
    limits.id = QStringLiteral("windows");
    limits.invalidChars = QStringLiteral("<>:\"/\\|?*");
    limits.reservedNames = {
        QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"), QStringLiteral("NUL"),
        QStringLiteral("COM1"), QStringLiteral("COM2"), QStringLiteral("COM3"), QStringLiteral("COM4"),
        QStringLiteral("COM5"), QStringLiteral("COM6"), QStringLiteral("COM7"), QStringLiteral("COM8"),
        QStringLiteral("COM9"), QStringLiteral("LPT1"), QStringLiteral("LPT2"), QStringLiteral("LPT3"),
        QStringLiteral("LPT4"), QStringLiteral("LPT5"), QStringLiteral("LPT6"), QStringLiteral("LPT7"),
        QStringLiteral("LPT8"), QStringLiteral("LPT9"),
        // Windows also treats the superscript digits as device numbers.
        QString::fromUtf8("COM\u00B9"), QString::fromUtf8("COM\u00B2"), QString::fromUtf8("COM\u00B3"),
        QString::fromUtf8("LPT\u00B9"), QString::fromUtf8("LPT\u00B2"), QString::fromUtf8("LPT\u00B3"),
        QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    limits.lengthUnit = LengthUnit::Utf16CodeUnits;
    limits.maxSegmentLength = 255;
    // MAX_PATH is 260 including the terminating NUL: 259 usable characters for root + path.
    limits.maxPathLength = (longPaths ? 32767 : 259) - rootPrefixLength;
    limits.noTrailingWhitespace = true;
    limits.noTrailingDot = true;
    limits.caseSensitive = false;
    limits.normalization = Normalization::Preserved;
    return limits;
}

StoreLimits StoreLimits::posix()
{
    StoreLimits limits;
    limits.id = QStringLiteral("posix");
    limits.invalidChars = QStringLiteral("/\\");
    limits.lengthUnit = LengthUnit::Utf8Bytes;
    limits.maxSegmentLength = 255; // NAME_MAX
    limits.maxPathLength = 4095; // PATH_MAX minus the NUL; the root's length is not subtracted
    limits.caseSensitive = true;
    limits.normalization = Normalization::Preserved;
    return limits;
}

StoreLimits StoreLimits::localPlatform(int rootPrefixLength)
{
#ifdef Q_OS_WIN
    return windows(rootPrefixLength);
#else
    Q_UNUSED(rootPrefixLength)
    return posix();
#endif
}

} // namespace trestle
