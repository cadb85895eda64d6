#include "core/store/streampump.h"

#include <QMetaObject>

namespace trestle {

StreamPump::StreamPump(QIODevice *source, QIODevice *sink, qint64 total, QObject *parent)
    : QObject(parent), m_source(source), m_sink(sink), m_total(total)
{ }

StreamPump::~StreamPump() = default;

void StreamPump::start()
{
    if (m_source) {
        connect(m_source, &QIODevice::readyRead, this, &StreamPump::schedule);
        connect(m_source, &QIODevice::readChannelFinished, this, [this] {
            m_sourceEnded = true;
            schedule();
        });
        connect(m_source, &QIODevice::aboutToClose, this, [this] {
            m_sourceEnded = true;
            schedule();
        });
    }
    if (m_sink)
        connect(m_sink, &QIODevice::bytesWritten, this, &StreamPump::schedule);
    schedule();
}

void StreamPump::cancel()
{
    m_finished = true;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
}

void StreamPump::schedule()
{
    if (m_scheduled || m_finished)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &StreamPump::step, Qt::QueuedConnection);
}

void StreamPump::step()
{
    m_scheduled = false;
    if (m_finished)
        return;
    if (!m_source || !m_sink) {
        finish(Error(Error::Kind::Internal, tr("A transfer lost its source or destination.")));
        return;
    }
    if (m_total >= 0 && m_copied >= m_total) {
        finish({});
        return;
    }
    if (m_sink->bytesToWrite() > SinkHighWater)
        return; // bytesWritten() reschedules
    if (m_buffer.isEmpty())
        m_buffer.resize(ChunkSize);
    const qint64 want = m_total >= 0 ? qMin<qint64>(ChunkSize, m_total - m_copied) : ChunkSize;
    const qint64 got = m_source->read(m_buffer.data(), want);
    if (got < 0) {
        if (m_total < 0 && (m_sourceEnded || !m_source->isOpen())) {
            finish({});
            return;
        }
        finish(Error(Error::Kind::LocalIo, tr("Reading the source failed."), m_source->errorString()));
        return;
    }
    if (got == 0) {
        const bool ended =
            m_source->isSequential() ? (m_sourceEnded || !m_source->isOpen()) : m_source->atEnd();
        if (!ended)
            return; // readyRead() or readChannelFinished() reschedules
        if (m_total < 0) {
            finish({});
            return;
        }
        finish(Error(Error::Kind::LocalIo,
                     tr("The source ended early: %1 of %2 bytes arrived.").arg(m_copied).arg(m_total)));
        return;
    }
    const qint64 written = m_sink->write(m_buffer.constData(), got);
    if (written != got) {
        finish(Error(Error::Kind::LocalIo, tr("Writing the destination failed."), m_sink->errorString()),
               true);
        return;
    }
    m_copied += got;
    Q_EMIT progress(m_copied, m_total);
    schedule();
}

void StreamPump::finish(const Error &error, bool sinkFailed)
{
    if (m_finished)
        return;
    cancel();
    Q_EMIT done(error, sinkFailed);
}

} // namespace trestle
