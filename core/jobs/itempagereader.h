#pragma once

#include "core/common/result.h"
#include "core/db/journaltypes.h"

#include <QObject>
#include <QThread>
#include <QVector>

namespace trestle {

class Database;

// Reads pages of a job's items (Journal::items) on a thread of its own and hands them back on the
// owner's thread, so the window never waits for SQLite while the queue view scrolls through a
// job of 100,000 items (JobQueueModel reads ahead with it).
//
// The thread starts with the first read, runs at a lower priority than the window's, and is
// joined by the destructor (a read in flight finishes first; its page is then never delivered).
// The Database must outlive the reader.
class ItemPageReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemPageReader)

public:
    explicit ItemPageReader(Database &database, QObject *parent = nullptr);
    ~ItemPageReader() override;

    // Schedules a read of at most `limit` items of the job after `afterOrderKey`; pageRead()
    // brings them (or the error) back. Reads run one after another, in the order asked.
    void read(qint64 jobId, qint64 afterOrderKey, int limit);

Q_SIGNALS:
    // `limit` as asked: fewer items than that means the job has no more.
    void pageRead(qint64 jobId, qint64 afterOrderKey, int limit,
                  const trestle::Result<QVector<trestle::JobItem>> &items);

private:
    Database &m_database;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread: reads are queued to it
};

} // namespace trestle
