#include "core/jobs/itempagereader.h"

#include "core/db/journal.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#endif

namespace trestle {

namespace {

// The reader works ahead of the view, with time to spare: it yields the cores to the window's
// thread, which waits for no page of it. Per-thread nice, as TransferWorker does (QThread's
// priorities do nothing for normal Linux threads); raising one's own nice needs no privilege.
void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    constexpr int kNiceIncrement = 5;
    const auto tid = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0)
        return;
    ::setpriority(PRIO_PROCESS, tid, std::min(current + kNiceIncrement, 19));
#endif
}

} // namespace

ItemPageReader::ItemPageReader(Database &database, QObject *parent) : QObject(parent), m_database(database)
{
    m_thread.setObjectName(QStringLiteral("trestle-item-reader"));
}

ItemPageReader::~ItemPageReader()
{
    if (!m_thread.isRunning())
        return;
    // Joining is short: the read running finishes (a page of a few thousand rows), reads still
    // queued are not started, and answers posted to this object are dropped with it.
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended
}

void ItemPageReader::read(qint64 jobId, qint64 afterOrderKey, int limit)
{
    if (!m_context) {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(m_context, &lowerCurrentThreadPriority, Qt::QueuedConnection);
    }
    Database *database = &m_database;
    QMetaObject::invokeMethod(
        m_context,
        [this, database, jobId, afterOrderKey, limit] {
            // The thread's own connection (opened on its first read, closed when it ends).
            const Journal journal(*database);
            Result<QVector<JobItem>> items = journal.items(jobId, afterOrderKey, limit);
            // Posted to the owner's thread. ~ItemPageReader joins this thread before the object
            // goes, so `this` is alive here, and a call still queued is dropped with the object.
            QMetaObject::invokeMethod(
                this,
                [this, jobId, afterOrderKey, limit, items = std::move(items)] {
                    Q_EMIT pageRead(jobId, afterOrderKey, limit, items);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace trestle
