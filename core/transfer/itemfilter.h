#pragma once

#include "core/transfer/jobpolicies.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

namespace trestle {

// The compiled include/exclude rules of a job (JobFilters). Answers "why is this entry left
// out?": an empty string means it is in. Stateless after construction and thread-safe.
class ItemFilter final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::ItemFilter)

public:
    explicit ItemFilter(const JobFilters &filters = {});

    // relPath: the entry's path relative to the job's root ("a/b"), name its last segment.
    QString rejectFolder(const QString &relPath) const;
    QString rejectFile(const QString &relPath, qint64 size, const QDateTime &modified) const;

private:
    struct Glob final
    {
        QString pattern;
        QRegularExpression regex;
        bool matchesPath = false; // the pattern has a '/': match the relative path, not the name
    };
    static QList<Glob> compile(const QStringList &patterns);
    static const Glob *firstMatch(const QList<Glob> &globs, const QString &relPath);

    QList<Glob> m_include;
    QList<Glob> m_exclude;
    QStringList m_types; // lower case, no dot
    JobFilters m_filters;
};

} // namespace trestle
