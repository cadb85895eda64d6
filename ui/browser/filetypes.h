#pragma once

#include <QHash>
#include <QIcon>
#include <QMimeDatabase>
#include <QString>

namespace trestle {

// Icons and type descriptions by file name ("PDF document"), from the shared MIME database and
// the icon theme, with the style's generic icons where the theme has none. Looked up once per
// extension: a 10,000-row folder asks for the same few types over and over while painting.
class FileTypes final
{
    Q_DISABLE_COPY_MOVE(FileTypes)

public:
    FileTypes() = default;

    QIcon folderIcon() const;
    QIcon fileIcon(const QString &fileName);
    QString description(const QString &fileName);
    static QString folderDescription();

private:
    struct Type
    {
        QIcon icon;
        QString description;
    };
    const Type &typeOf(const QString &fileName);

    QMimeDatabase m_mimes;
    QHash<QString, Type> m_bySuffix;
    mutable QIcon m_folderIcon;
};

} // namespace trestle
