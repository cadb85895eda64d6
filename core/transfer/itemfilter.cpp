#include "core/transfer/itemfilter.h"

#include "core/transfer/relativepaths.h"

namespace trestle {

ItemFilter::ItemFilter(const JobFilters &filters)
    : m_include(compile(filters.include)), m_exclude(compile(filters.exclude)), m_filters(filters)
{
    for (const QString &type : filters.fileTypes) {
        QString t = type.trimmed().toLower();
        if (t.startsWith(QLatin1Char('.')))
            t.remove(0, 1);
        if (!t.isEmpty())
            m_types.append(t);
    }
}

QList<ItemFilter::Glob> ItemFilter::compile(const QStringList &patterns)
{
    QList<Glob> globs;
    for (const QString &pattern : patterns) {
        if (pattern.isEmpty())
            continue;
        Glob glob;
        glob.pattern = pattern;
        glob.matchesPath = pattern.contains(QLatin1Char('/'));
        // Case-insensitive: the same share is opened from Windows, where names are.
        glob.regex = QRegularExpression::fromWildcard(pattern, Qt::CaseInsensitive);
        globs.append(glob);
    }
    return globs;
}

const ItemFilter::Glob *ItemFilter::firstMatch(const QList<Glob> &globs, const QString &relPath)
{
    const QString name = relpath::nameOf(relPath);
    for (const Glob &glob : globs) {
        if (glob.regex.match(glob.matchesPath ? relPath : name).hasMatch())
            return &glob;
    }
    return nullptr;
}

QString ItemFilter::rejectFolder(const QString &relPath) const
{
    if (const Glob *glob = firstMatch(m_exclude, relPath))
        return tr("excluded by the filter \"%1\"").arg(glob->pattern);
    return {};
}

QString ItemFilter::rejectFile(const QString &relPath, qint64 size, const QDateTime &modified) const
{
    if (const Glob *glob = firstMatch(m_exclude, relPath))
        return tr("excluded by the filter \"%1\"").arg(glob->pattern);
    if (!m_include.isEmpty() && !firstMatch(m_include, relPath))
        return tr("not included by any filter");
    if (!m_types.isEmpty()) {
        const QString name = relpath::nameOf(relPath);
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        const QString type = dot <= 0 ? QString() : name.mid(dot + 1).toLower();
        if (!m_types.contains(type))
            return tr("file type not selected");
    }
    if (m_filters.minSize >= 0 && size >= 0 && size < m_filters.minSize)
        return tr("smaller than %1 bytes").arg(m_filters.minSize);
    if (m_filters.maxSize >= 0 && size > m_filters.maxSize)
        return tr("larger than %1 bytes").arg(m_filters.maxSize);
    if (m_filters.modifiedSince.isValid() && modified.isValid() && modified < m_filters.modifiedSince)
        return tr("not modified since %1").arg(m_filters.modifiedSince.toString(Qt::ISODate));
    return {};
}

} // namespace trestle
