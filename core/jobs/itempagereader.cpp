#include "core/jobs/itempagereader.h"

#include "core/common/threadpriority.h"
#include "core/db/journal.h"

namespace trestle {

namespace {

// The reader works ahead of the view, with time to spare: it yields the cores to the window's
// thread, which waits for no page of it.
constexpr int kNiceIncrement = 5;

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
        QMetaObject::invokeMethod(
            m_context, [] { lowerCurrentThreadPriority(kNiceIncrement); }, Qt::QueuedConnection);
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
