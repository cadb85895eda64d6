#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QHashFunctions>
#include <QString>
#include <QStringList>

namespace trestle {

// A store-relative path: '/'-separated segments, no leading or trailing '/', no empty segment,
// never "." or "..", no separator, NUL or control character inside a segment. The empty path is
// the store's root. Unicode is kept exactly as given (no normalisation: the name on disk or on the
// server must be found again); NameRules::detectCollisions deals with normalisation variants.
// Every way to build one from text validates it, so a StorePath can never escape its root.
class StorePath final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::StorePath)

public:
    StorePath() = default; // the root

    static StorePath root() { return StorePath(); }
    // Parses untrusted text ("a/b/c.txt"); the error (InvalidName) says why it was rejected.
    static Result<StorePath> fromString(const QString &text);
    // This path plus one untrusted name.
    Result<StorePath> child(const QString &name) const;

    bool isRoot() const;
    StorePath parent() const; // the root's parent is the root
    QString name() const; // last segment, empty for the root
    QStringList segments() const { return m_segments; }
    int depth() const;
    QString toString() const; // "a/b/c.txt", "" for the root
    // True when other is strictly below this path.
    bool isAncestorOf(const StorePath &other) const;

    friend bool operator==(const StorePath &a, const StorePath &b) { return a.m_segments == b.m_segments; }
    friend bool operator!=(const StorePath &a, const StorePath &b) { return !(a == b); }
    friend bool operator<(const StorePath &a, const StorePath &b);

private:
    explicit StorePath(QStringList segments);

    QStringList m_segments;
};

size_t qHash(const StorePath &path, size_t seed = 0) noexcept;

} // namespace trestle

Q_DECLARE_METATYPE(trestle::StorePath)
