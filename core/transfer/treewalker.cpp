#include "core/transfer/treewalker.h"

#include "core/store/store.h"

#include <QTimer>

namespace trestle {

TreeWalker::TreeWalker(Store *store, StorePath root, QObject *parent)
    : QObject(parent), m_store(store), m_root(std::move(root))
{ }

TreeWalker::~TreeWalker()
{
    m_finished = true;
    const QList<QObject *> running = m_running;
    for (QObject *job : running)
        static_cast<StoreJob *>(job)->kill();
}

void TreeWalker::start()
{
    m_queue.append({m_root, QString()});
    QTimer::singleShot(0, this, &TreeWalker::pump);
}

void TreeWalker::cancel()
{
    finish(Error(Error::Kind::Cancelled, tr("Cancelled.")));
}

void TreeWalker::pump()
{
    if (m_finished)
        return;
    if (!m_store) {
        finish(Error(Error::Kind::Internal, tr("The store went away during a walk.")));
        return;
    }
    // Depth first from the back of the queue keeps the queue short on wide trees.
    while (!m_queue.isEmpty() && m_running.size() < m_maxParallel && !limitReached()) {
        const Pending next = m_queue.takeLast();
        if (m_memo) {
            if (const QList<Entry> *known = m_memo->find(next.path)) {
                ++m_memoHits;
                teachCache(*known);
                add(next, *known);
                continue;
            }
        }
        ListJob *job = m_store->list(next.path);
        ++m_listCalls;
        m_running.append(job);
        connect(job, &StoreJob::finished, this, [this, next](StoreJob *finishedJob) {
            m_running.removeOne(finishedJob);
            if (m_finished)
                return;
            if (finishedJob->error()) {
                if (next.relPath.isEmpty() && finishedJob->error().kind() == Error::Kind::NotFound) {
                    m_rootMissing = true;
                } else {
                    finish(finishedJob->error());
                    return;
                }
            } else {
                const QList<Entry> &entries = static_cast<ListJob *>(finishedJob)->entries();
                if (m_memo)
                    m_memo->record(next.path, entries);
                add(next, entries);
            }
            pump();
        });
        job->start();
    }
    if (m_running.isEmpty() && limitReached() && !m_queue.isEmpty())
        finish(Error(Error::Kind::Cancelled, tr("Cancelled.")));
    else if (m_queue.isEmpty() && m_running.isEmpty())
        finish({});
}

void TreeWalker::add(const Pending &folder, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        TreeNode node;
        node.relPath = folder.relPath.isEmpty() ? entry.name : folder.relPath + QLatin1Char('/') + entry.name;
        node.entry = entry;
        if (entry.isFolder() && (!m_descend || m_descend(node.relPath)))
            m_queue.append({entry.path, node.relPath});
        m_nodes.append(std::move(node));
    }
}

void TreeWalker::teachCache(const QList<Entry> &entries)
{
    m_store->learnListedFolders(entries);
}

void TreeWalker::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    const QList<QObject *> running = m_running;
    m_running.clear();
    for (QObject *job : running)
        static_cast<StoreJob *>(job)->kill();
    Q_EMIT finished(m_error);
}

} // namespace trestle
