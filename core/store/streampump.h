#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QIODevice>
#include <QObject>
#include <QPointer>

namespace trestle {

// Moves bytes from a source device to a sink device in bounded steps driven by the event loop:
// one chunk per turn, so a 1 GiB copy never freezes the thread's event loop and never holds more
// than one chunk in memory. Waits for readyRead() on sequential sources (sockets, replies) and
// for bytesWritten() when the sink has a backlog. Emits done() exactly once.
class StreamPump final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamPump)

public:
    // total: bytes to move; -1 = until the source ends. The devices must be open and outlive the
    // pump (or until done()).
    StreamPump(QIODevice *source, QIODevice *sink, qint64 total, QObject *parent = nullptr);
    ~StreamPump() override;

    static constexpr qint64 ChunkSize = 256 * 1024;
    // A sink with more than this waiting (sockets) is given time to drain first.
    static constexpr qint64 SinkHighWater = 4 * 1024 * 1024;

    void start();
    void cancel(); // no done() after this
    qint64 copied() const { return m_copied; }

Q_SIGNALS:
    void progress(qint64 copied, qint64 total);
    // error is empty on success. A sink write failure is LocalIo with the sink's errorString()
    // unless the caller translates it (the sink may know better, e.g. a WriteSession).
    void done(const trestle::Error &error, bool sinkFailed);

private:
    void schedule();
    void step();
    void finish(const Error &error, bool sinkFailed = false);

    QPointer<QIODevice> m_source;
    QPointer<QIODevice> m_sink;
    qint64 m_total;
    qint64 m_copied = 0;
    QByteArray m_buffer;
    bool m_scheduled = false;
    bool m_finished = false;
    bool m_sourceEnded = false;
};

} // namespace trestle
