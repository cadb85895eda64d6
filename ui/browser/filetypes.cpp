#include "ui/browser/filetypes.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace trestle {

QIcon FileTypes::folderIcon() const
{
    if (m_folderIcon.isNull())
        m_folderIcon = QIcon::fromTheme(QStringLiteral("folder"),
                                        QApplication::style()->standardIcon(QStyle::SP_DirIcon));
    return m_folderIcon;
}

QIcon FileTypes::fileIcon(const QString &fileName)
{
    return typeOf(fileName).icon;
}

QString FileTypes::description(const QString &fileName)
{
    return typeOf(fileName).description;
}

QString FileTypes::folderDescription()
{
    return QCoreApplication::translate("trestle::FileTypes", "Folder");
}

const FileTypes::Type &FileTypes::typeOf(const QString &fileName)
{
    const int dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString suffix = dot > 0 ? fileName.mid(dot + 1).toLower() : QString();
    const auto found = m_bySuffix.constFind(suffix);
    if (found != m_bySuffix.constEnd())
        return *found;

    // By name only: the files may be remote, and reading content would cost a download.
    const QMimeType mime = m_mimes.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    Type type;
    const QIcon fallback = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    type.icon = QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), fallback));
    if (mime.isDefault() || suffix.isEmpty())
        type.description = suffix.isEmpty()
            ? QCoreApplication::translate("trestle::FileTypes", "File")
            : QCoreApplication::translate("trestle::FileTypes", "%1 file").arg(suffix.toUpper());
    else
        type.description = mime.comment();
    return *m_bySuffix.insert(suffix, type);
}

} // namespace trestle
