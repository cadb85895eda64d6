#include "core/store/localroot.h"

#include <QDir>
#include <QRandomGenerator>

namespace trestle {

LocalRoot::LocalRoot(const QString &rootPath)
    : m_rootPath(QDir::cleanPath(QFileInfo(rootPath).absoluteFilePath()))
{
    const QFileInfo info(m_rootPath);
    m_canonicalRoot = info.canonicalFilePath();
    if (rootPath.isEmpty() || m_canonicalRoot.isEmpty() || !info.isDir())
        m_rootError =
            Error(Error::Kind::NotFound, tr("The folder \u201C%1\u201D does not exist.").arg(rootPath));
}

QString LocalRoot::absolutePath(const StorePath &path) const
{
    if (path.isRoot())
        return m_rootPath;
    if (m_rootPath.endsWith(QLatin1Char('/')))
        return m_rootPath + path.toString();
    return m_rootPath + QLatin1Char('/') + path.toString();
}

bool LocalRoot::isInside(const QString &canonicalPath) const
{
    if (canonicalPath.isEmpty())
        return false;
    if (canonicalPath == m_canonicalRoot)
        return true;
    const QString prefix =
        m_canonicalRoot.endsWith(QLatin1Char('/')) ? m_canonicalRoot : m_canonicalRoot + QLatin1Char('/');
    return canonicalPath.startsWith(prefix);
}

Error LocalRoot::escapeError(const StorePath &path) const
{
    return Error(Error::Kind::InvalidName,
                 tr("\u201C%1\u201D is a link that leads outside the shared folder or nowhere; it is "
                    "not followed.")
                     .arg(path.toString()),
                 QStringLiteral("root %1").arg(m_rootPath));
}

Result<QString> LocalRoot::resolveExisting(const StorePath &path) const
{
    if (!isValid())
        return m_rootError;
    const QString absolute = absolutePath(path);
    const QFileInfo info(absolute);
    if (!info.exists() && !info.isSymLink()) {
        // A missing path below a link that leads out must not reveal what lies outside.
        const QString parentCanonical = QFileInfo(absolutePath(path.parent())).canonicalFilePath();
        if (!parentCanonical.isEmpty() && !isInside(parentCanonical))
            return escapeError(path.parent());
        return Error(Error::Kind::NotFound, tr("\u201C%1\u201D does not exist.").arg(path.toString()),
                     absolute);
    }
    if (!isInside(info.canonicalFilePath()))
        return escapeError(path);
    return absolute;
}

Result<QString> LocalRoot::resolveForCreate(const StorePath &path) const
{
    if (!isValid())
        return m_rootError;
    if (path.isRoot())
        return Error(Error::Kind::Conflict, tr("The top folder already exists."));
    const QFileInfo parent(absolutePath(path.parent()));
    if (!parent.exists() && !parent.isSymLink())
        return Error(Error::Kind::NotFound,
                     tr("The folder \u201C%1\u201D does not exist.").arg(path.parent().toString()));
    if (!isInside(parent.canonicalFilePath()))
        return escapeError(path.parent());
    if (!parent.isDir())
        return Error(Error::Kind::NotFound,
                     tr("\u201C%1\u201D is not a folder.").arg(path.parent().toString()));
    const QString absolute = absolutePath(path);
    const QFileInfo info(absolute);
    if ((info.exists() || info.isSymLink()) && !isInside(info.canonicalFilePath()))
        return escapeError(path);
    return absolute;
}

Entry LocalRoot::describe(const QFileInfo &info, const StorePath &path) const
{
    Entry entry;
    entry.name = info.fileName();
    entry.path = path;
    if (info.isSymLink() && !isInside(info.canonicalFilePath())) {
        entry.kind = Entry::Kind::Other;
        entry.note = info.exists() ? tr("A link that leads outside the shared folder; not followed.")
                                   : tr("A link to something that does not exist.");
        return entry;
    }
    entry.modified = info.lastModified().toUTC();
    if (info.isDir()) {
        entry.kind = Entry::Kind::Folder;
    } else if (info.isFile()) {
        entry.kind = Entry::Kind::File;
        entry.size = info.size();
    } else {
        entry.kind = Entry::Kind::Other;
        entry.note = tr("Not a regular file or folder (a device, pipe or socket).");
    }
    return entry;
}

bool LocalRoot::isTempName(const QString &name)
{
    return name.startsWith(QLatin1String(".trestle-")) && name.endsWith(QLatin1String(".part"));
}

QString LocalRoot::makeTempName()
{
    const quint64 random = QRandomGenerator::global()->generate64();
    return QStringLiteral(".trestle-%1.part").arg(random, 16, 16, QLatin1Char('0'));
}

} // namespace trestle
