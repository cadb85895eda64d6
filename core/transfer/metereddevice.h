#pragma once

#include "core/store/sha256.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace trestle {

class BandwidthLimiter;

// A pass-through device between a store and the bytes it moves: counts them against the job's
// bandwidth cap (waiting in place when the cap says so) and computes their sha256 as they stream,
// so a copy's checksum costs no extra pass over the file.
//
// Read mode wraps a random-access source (seeks pass through; a range read again after a seek,
// e.g. a retried upload part, is not hashed twice). Write mode wraps a sink (a WriteSession or a
// temporary file). The wrapped device must outlive this one and stay open.
class MeteredDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MeteredDevice)

public:
    // `limiter` may be null (no cap); `hash` false: only the cap.
    MeteredDevice(QIODevice *inner, QIODevice::OpenMode mode, std::shared_ptr<BandwidthLimiter> limiter,
                  bool hash, QObject *parent = nullptr);
    ~MeteredDevice() override;

    bool isSequential() const override;
    qint64 size() const override;
    bool seek(qint64 pos) override;
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

    // Bytes hashed from the start without a gap.
    qint64 hashedBytes() const { return m_hashed; }
    // The sha256 (hex) of the first hashedBytes() bytes.
    QString checksum() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void throttle(qint64 bytes);

    QIODevice *m_inner;
    std::shared_ptr<BandwidthLimiter> m_limiter;
    bool m_hash;
    mutable Sha256 m_sha;
    mutable QByteArray m_digest;
    qint64 m_hashed = 0;
};

} // namespace trestle
