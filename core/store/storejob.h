#pragma once

#include "core/common/error.h"

#include <QObject>

namespace trestle {

// The base of every store operation, after KDE's KJob: start() only schedules the work (so a
// caller can connect after start()); exactly one finished() is emitted, from emitResult(); kill()
// cancels and finishes with Cancelled; processed/total bytes report progress. By default the job
// deletes itself (deleteLater) after finished(); call setAutoDelete(false) to keep it.
class StoreJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreJob)

public:
    explicit StoreJob(QObject *parent = nullptr);
    ~StoreJob() override;

    // Schedules the work on the event loop of the job's thread. A second call does nothing.
    void start();
    // Cancels the work; emits finished() with Error::Kind::Cancelled unless the job has already
    // finished. Returns false if it had.
    bool kill();

    bool isFinished() const { return m_finished; }
    const Error &error() const { return m_error; }
    qint64 processedBytes() const { return m_processed; }
    qint64 totalBytes() const { return m_total; } // -1 if unknown

    bool isAutoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(trestle::StoreJob *job);
    void progress(qint64 processed, qint64 total);

protected:
    virtual void doStart() = 0;
    // Stop the work; the base class emits the Cancelled result afterwards.
    virtual void doKill() { }
    // Ends the job: stores the error (none = success), emits finished() once.
    void emitResult(const Error &error = {});
    void setProgress(qint64 processed, qint64 total);

private:
    Error m_error;
    qint64 m_processed = 0;
    qint64 m_total = -1;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace trestle
