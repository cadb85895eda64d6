#include "core/store/storejob.h"

#include <QMetaObject>

namespace trestle {

StoreJob::StoreJob(QObject *parent) : QObject(parent) { }

StoreJob::~StoreJob() = default;

void StoreJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished)
                doStart();
        },
        Qt::QueuedConnection);
}

bool StoreJob::kill()
{
    if (m_finished)
        return false;
    doKill();
    emitResult(Error(Error::Kind::Cancelled, tr("The operation was cancelled.")));
    return true;
}

void StoreJob::emitResult(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

void StoreJob::setProgress(qint64 processed, qint64 total)
{
    m_processed = processed;
    m_total = total;
    Q_EMIT progress(processed, total);
}

} // namespace trestle
