#pragma once

#include "core/common/error.h"
#include "core/store/entry.h"
#include "core/transfer/walkmemo.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>
#include <memory>

namespace trestle {

class Store;

// One entry found by a walk, with its path relative to the walk's root ("a/b.txt").
struct TreeNode final
{
    QString relPath;
    Entry entry;
};

// Lists a whole tree of a store, a few folders at a time, and reports every entry. For stores
// where one folder is one request (Procore) the parallelism hides the latency; a local store lists
// on its own pool. Async like a StoreJob: start() schedules; exactly one finished().
//
// The root folder missing is not an error: rootMissing() says so and the tree is empty (a
// destination that does not exist yet is simply empty).
class TreeWalker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeWalker)

public:
    // Whether to list the children of a folder (e.g. not when the filters exclude it).
    using DescendFilter = std::function<bool(const QString &relPath)>;

    TreeWalker(Store *store, StorePath root, QObject *parent = nullptr);
    ~TreeWalker() override;

    void setDescendFilter(DescendFilter filter) { m_descend = std::move(filter); }
    void setMaxParallel(int count) { m_maxParallel = qMax(1, count); }
    // Folders the memo holds are taken from it; each listing made is recorded in it. A folder
    // taken from the memo teaches a Procore store's path cache its subfolders' ids, as a listing
    // would: listing one, or writing into one, costs no call to find it again. (Not whole
    // listings: the memo keeps no download URLs, and a file known without one costs a call of its
    // own to read instead of one per folder.)
    void setMemo(std::shared_ptr<WalkMemo> memo) { m_memo = std::move(memo); }
    // Test hook, as a kill mid-walk: after `count` listings no more start, and once those
    // running end the walk finishes with Cancelled. -1: no limit.
    void setListLimit(int count) { m_listLimit = count; }

    void start();
    void cancel(); // finishes with Cancelled

    const QVector<TreeNode> &nodes() const { return m_nodes; }
    QVector<TreeNode> takeNodes() { return std::move(m_nodes); }
    bool rootMissing() const { return m_rootMissing; }
    int listCalls() const { return m_listCalls; }
    int memoHits() const { return m_memoHits; } // folders taken from the memo
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished(const trestle::Error &error);

private:
    struct Pending final
    {
        StorePath path;
        QString relPath;
    };
    void pump();
    void add(const Pending &folder, const QList<Entry> &entries);
    void teachCache(const QList<Entry> &entries);
    bool limitReached() const { return m_listLimit >= 0 && m_listCalls >= m_listLimit; }
    void finish(const Error &error);

    QPointer<Store> m_store;
    StorePath m_root;
    DescendFilter m_descend;
    int m_maxParallel = 4;
    QVector<Pending> m_queue;
    QList<QObject *> m_running;
    QVector<TreeNode> m_nodes;
    Error m_error;
    int m_listCalls = 0;
    std::shared_ptr<WalkMemo> m_memo;
    int m_memoHits = 0;
    int m_listLimit = -1;
    bool m_rootMissing = false;
    bool m_finished = false;
};

} // namespace trestle
