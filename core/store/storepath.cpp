#include "core/store/storepath.h"

#include "core/store/namerules.h"

namespace trestle {

StorePath::StorePath(QStringList segments) : m_segments(std::move(segments)) { }

Result<StorePath> StorePath::fromString(const QString &text)
{
    if (text.isEmpty())
        return StorePath();
    if (const auto violation = NameRules::checkUntrustedPath(text))
        return Error(Error::Kind::InvalidName, violation->reason, QStringLiteral("path: %1").arg(text));
    return StorePath(text.split(QLatin1Char('/')));
}

Result<StorePath> StorePath::child(const QString &name) const
{
    if (const auto violation = NameRules::checkUntrustedName(name))
        return Error(Error::Kind::InvalidName, violation->reason, QStringLiteral("name: %1").arg(name));
    QStringList segments = m_segments;
    segments.append(name);
    return StorePath(std::move(segments));
}

bool StorePath::isRoot() const
{
    return m_segments.isEmpty();
}

StorePath StorePath::parent() const
{
    if (m_segments.isEmpty())
        return StorePath();
    return StorePath(m_segments.mid(0, m_segments.size() - 1));
}

QString StorePath::name() const
{
    return m_segments.isEmpty() ? QString() : m_segments.last();
}

int StorePath::depth() const
{
    return int(m_segments.size());
}

QString StorePath::toString() const
{
    return m_segments.join(QLatin1Char('/'));
}

bool StorePath::isAncestorOf(const StorePath &other) const
{
    if (other.m_segments.size() <= m_segments.size())
        return false;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        if (m_segments.at(i) != other.m_segments.at(i))
            return false;
    }
    return true;
}

bool operator<(const StorePath &a, const StorePath &b)
{
    return a.m_segments < b.m_segments;
}

size_t qHash(const StorePath &path, size_t seed) noexcept
{
    return qHashRange(path.segments().cbegin(), path.segments().cend(), seed);
}

} // namespace trestle
