#include "core/transfer/syncbaseline.h"

#include "core/store/store.h"
#include "core/transfer/twowaybuilder.h"

#include <QHash>
#include <QTimer>

namespace trestle {

SyncBaseline::SyncBaseline(Database &database, SyncPair pair, JobPolicies policies, Store *left,
                           StorePath leftRoot, Store *right, StorePath rightRoot, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_pair(std::move(pair))
    , m_policies(std::move(policies))
    , m_leftStore(left)
    , m_rightStore(right)
    , m_left(std::make_unique<TreeWalker>(left, std::move(leftRoot)))
    , m_right(std::make_unique<TreeWalker>(right, std::move(rightRoot)))
{ }

SyncBaseline::~SyncBaseline() = default;

SyncPair SyncBaseline::pairOf(const QString &sourceConnection, const QString &sourcePath,
                              const QString &destinationConnection, const QString &destinationPath)
{
    auto trimmed = [](QString path) {
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        return path;
    };
    return {sourceConnection, trimmed(sourcePath), destinationConnection, trimmed(destinationPath)};
}

void SyncBaseline::start()
{
    for (TreeWalker *walker : {m_left.get(), m_right.get()}) {
        connect(walker, &TreeWalker::finished, this, &SyncBaseline::walkFinished);
        ++m_running;
        walker->start();
    }
}

void SyncBaseline::walkFinished()
{
    if (m_finished || --m_running > 0)
        return;
    for (TreeWalker *walker : {m_left.get(), m_right.get()}) {
        if (walker->error()) {
            finish(walker->error());
            return;
        }
    }
    QHash<QString, const Entry *> right;
    for (const TreeNode &node : m_right->nodes())
        right.insert(node.relPath, &node.entry);
    QHash<QString, const Entry *> left;
    QVector<SyncEntry> agreed;
    const bool rightKeepsTimes = m_rightStore->limits().keepsTimestamps;
    for (const TreeNode &node : m_left->nodes()) {
        left.insert(node.relPath, &node.entry);
        const Entry *other = right.value(node.relPath);
        if (!other || other->isFolder() != node.entry.isFolder() || node.entry.kind == Entry::Kind::Other
            || other->kind == Entry::Kind::Other)
            continue;
        if (node.entry.isFile() && !TwoWayBuilder::sameFile(node.entry, *other, m_policies, rightKeepsTimes))
            continue;
        agreed.append(TwoWayBuilder::agreedEntry(node.relPath, node.entry, *other));
    }
    SyncStateStore store(m_database);
    Result<QHash<QString, SyncEntry>> known = store.entries(m_pair);
    if (!known.ok()) {
        finish(known.error());
        return;
    }
    QStringList gone;
    for (auto it = known.value().cbegin(); it != known.value().cend(); ++it) {
        if (!left.contains(it.key()) && !right.contains(it.key()))
            gone.append(it.key());
    }
    Status stored = store.upsert(m_pair, agreed);
    if (stored.ok() && !gone.isEmpty())
        stored = store.remove(m_pair, gone);
    m_agreed = int(agreed.size());
    finish(stored.ok() ? Error() : stored.error());
}

void SyncBaseline::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(error);
}

} // namespace trestle
