#include "core/db/journalwriter.h"

#include "core/common/logging.h"
#include "core/db/database.h"
#include "core/db/journal.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace trestle {

namespace db {

// The part of the writer that lives in the owner thread: the timer, the thread's Journal and the
// commit loop. Reached only through queued calls.
class JournalWriterWorker final : public QObject
{
    Q_DISABLE_COPY_MOVE(JournalWriterWorker)

public:
    JournalWriterWorker(JournalWriter &writer, Database &database)
        : m_writer(writer), m_database(database) { }

    void scheduleCommit()
    {
        if (!m_timer) {
            m_timer = new QTimer(this);
            m_timer->setSingleShot(true);
            m_timer->setInterval(JournalWriter::kCommitIntervalMs);
            connect(m_timer, &QTimer::timeout, this, &JournalWriterWorker::commitNow);
        }
        if (!m_timer->isActive())
            m_timer->start();
    }

    void commitNow()
    {
        if (m_timer)
            m_timer->stop();
        QVector<JournalWriter::Write> writes = m_writer.takeQueue();
        if (writes.isEmpty())
            return;
        if (!m_journal)
            m_journal = std::make_unique<Journal>(m_database);

        if (Status began = m_journal->beginBatch(); !began.ok()) {
            retryLater(std::move(writes), began.error());
            return;
        }
        QSet<qint64> jobs;
        QVector<ItemOutcome> outcomes;
        for (const JournalWriter::Write &write : std::as_const(writes)) {
            if (write.jobId != 0)
                jobs.insert(write.jobId);
            if (!write.apply) {
                outcomes.append(write.outcome);
                continue;
            }
            recordOutcomes(outcomes);
            report(m_journal->atomically(write.apply));
        }
        recordOutcomes(outcomes);
        if (Status committed = m_journal->commitBatch(); !committed.ok()) {
            retryLater(std::move(writes), committed.error());
            return;
        }
        m_failedCommits = 0;
        Q_EMIT m_writer.committed(QVector<qint64>(jobs.cbegin(), jobs.cend()), int(writes.size()));
    }

    // Called in the owner thread just before it stops.
    void shutdown()
    {
        commitNow();
        m_journal.reset();
        m_database.closeConnectionForCurrentThread();
    }

private:
    // Consecutive outcomes share one call (statements prepared once for the group).
    void recordOutcomes(QVector<ItemOutcome> &outcomes)
    {
        if (outcomes.isEmpty())
            return;
        report(m_journal->recordOutcomes(outcomes));
        outcomes.clear();
    }

    void report(const Status &status)
    {
        if (status.ok())
            return;
        qCWarning(lcDb) << "journal write failed:" << status.error().toString();
        Q_EMIT m_writer.writeFailed(status.error());
    }

    // A commit that fails (most likely the busy timeout ran out) rolled the whole batch back, so
    // the same writes can simply be applied again; give up after a few tries so a broken file does
    // not spin forever.
    void retryLater(QVector<JournalWriter::Write> writes, const Error &error)
    {
        qCWarning(lcDb) << "journal commit failed:" << error.toString();
        Q_EMIT m_writer.writeFailed(error);
        if (++m_failedCommits > kMaxFailedCommits) {
            qCWarning(lcDb) << "dropping" << writes.size() << "journal writes after repeated failures";
            m_failedCommits = 0;
            return;
        }
        m_writer.requeueFront(std::move(writes));
        scheduleCommit();
    }

    static constexpr int kMaxFailedCommits = 3;

    JournalWriter &m_writer;
    Database &m_database;
    std::unique_ptr<Journal> m_journal;
    QTimer *m_timer = nullptr;
    int m_failedCommits = 0;
};

} // namespace db

JournalWriter::JournalWriter(Database &database, QObject *parent) : QObject(parent), m_database(database)
{
    qRegisterMetaType<trestle::Error>("trestle::Error");
    qRegisterMetaType<QVector<qint64>>("QVector<qint64>");
    m_thread.setObjectName(QStringLiteral("trestle-journal"));
    m_worker = new db::JournalWriterWorker(*this, database);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

JournalWriter::~JournalWriter()
{
    // Not a nested event loop: this thread just waits for the owner thread to finish its last
    // commit. Nothing queued is lost on an orderly shutdown.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void JournalWriter::enqueue(Write write)
{
    int size = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_queue.append(std::move(write));
        size = int(m_queue.size());
    }
    if (size == 1)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->scheduleCommit(); }, Qt::QueuedConnection);
    else if (size == kCommitBatch)
        flush();
}

QVector<JournalWriter::Write> JournalWriter::takeQueue()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_queue, {});
}

void JournalWriter::requeueFront(QVector<Write> writes)
{
    QMutexLocker locker(&m_mutex);
    writes.append(std::move(m_queue));
    m_queue = std::move(writes);
}

void JournalWriter::addItems(qint64 jobId, QVector<JobItem> items)
{
    enqueue({jobId,
             [jobId, items = std::move(items)](Journal &journal) mutable {
                 return journal.addItems(jobId, items);
             },
             {}});
}

void JournalWriter::recordOutcome(const ItemOutcome &outcome)
{
    enqueue({outcome.jobId, {}, outcome});
}

void JournalWriter::setJobState(qint64 jobId, JobState state, const Error &error)
{
    auto apply = [jobId, state, error](Journal &journal) {
        return journal.setJobState(jobId, state, error);
    };
    enqueue({jobId, apply, {}});
}

void JournalWriter::addApiCalls(qint64 jobId, qint64 calls)
{
    enqueue({jobId, [jobId, calls](Journal &journal) { return journal.addApiCalls(jobId, calls); }, {}});
}

void JournalWriter::post(qint64 jobId, std::function<Status(Journal &)> write)
{
    Q_ASSERT(write);
    enqueue({jobId, std::move(write), {}});
}

void JournalWriter::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->commitNow(); }, Qt::QueuedConnection);
}

int JournalWriter::pendingWrites() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_queue.size());
}

} // namespace trestle
