#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QVector>

#include <functional>

namespace trestle {

class Database;
class Journal;

namespace db {
class JournalWriterWorker;
}

// The journal's owner thread: one QThread with its own connection that receives writes from any
// thread, queues them and commits them in batches (every kCommitIntervalMs, or as soon as
// kCommitBatch writes are waiting), so workers finishing hundreds of small files a second cost a
// handful of transactions instead of hundreds of fsyncs (qBittorrent's dbresumedatastorage does the
// same with its resume data).
//
// Thread safety: every public method may be called from any thread; none blocks except the
// destructor, which commits what is queued and stops the thread. Writes are applied in the order
// they were queued. Readers on other threads use a Journal of their own (WAL lets them read while
// this thread writes) and refresh on committed().
class JournalWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalWriter)

public:
    static constexpr int kCommitIntervalMs = 100;
    static constexpr int kCommitBatch = 500;

    explicit JournalWriter(Database &database, QObject *parent = nullptr);
    ~JournalWriter() override;

    void addItems(qint64 jobId, QVector<JobItem> items);
    void recordOutcome(const ItemOutcome &outcome);
    void setJobState(qint64 jobId, JobState state, const Error &error = Error());
    void addApiCalls(qint64 jobId, qint64 calls);
    // Runs `write` on the owner thread, in order with the other queued writes and inside their
    // batch. `jobId` (0 if none) is reported in committed().
    void post(qint64 jobId, std::function<Status(Journal &)> write);
    // Commits what is queued without waiting for the interval.
    void flush();
    // Writes queued and not yet committed.
    int pendingWrites() const;

Q_SIGNALS:
    // After each commit, from the owner thread (queued to receivers elsewhere): the jobs touched
    // and how many writes the batch held.
    void committed(const QVector<qint64> &jobIds, int writes);
    // A write or a commit failed; the other writes of the batch are kept.
    void writeFailed(const trestle::Error &error);

private:
    friend class db::JournalWriterWorker;

    // One queued write: either `apply`, or (when it is empty) the item outcome, which the owner
    // thread groups with its neighbours into one recordOutcomes() call.
    struct Write final
    {
        qint64 jobId = 0;
        std::function<Status(Journal &)> apply;
        ItemOutcome outcome;
    };

    void enqueue(Write write);
    QVector<Write> takeQueue();
    void requeueFront(QVector<Write> writes);

    Database &m_database;
    QThread m_thread;
    db::JournalWriterWorker *m_worker = nullptr; // lives in m_thread
    mutable QMutex m_mutex;
    QVector<Write> m_queue;
};

} // namespace trestle
