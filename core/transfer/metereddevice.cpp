#include "core/transfer/metereddevice.h"

#include "core/transfer/bandwidthlimiter.h"

#include <QThread>

namespace trestle {

namespace {
// Waits are slept in slices, so a long wait is not one uninterruptible block.
constexpr qint64 kSliceMs = 200;
} // namespace

MeteredDevice::MeteredDevice(QIODevice *inner, QIODevice::OpenMode mode,
                             std::shared_ptr<BandwidthLimiter> limiter, bool hash, QObject *parent)
    : QIODevice(parent), m_inner(inner), m_limiter(std::move(limiter)), m_hash(hash)
{
    open(mode | QIODevice::Unbuffered);
}

MeteredDevice::~MeteredDevice() = default;

bool MeteredDevice::isSequential() const
{
    return m_inner->isSequential();
}

qint64 MeteredDevice::size() const
{
    return m_inner->size();
}

bool MeteredDevice::seek(qint64 pos)
{
    if (!m_inner->seek(pos))
        return false;
    return QIODevice::seek(pos);
}

bool MeteredDevice::atEnd() const
{
    return m_inner->atEnd();
}

qint64 MeteredDevice::bytesAvailable() const
{
    return m_inner->bytesAvailable() + QIODevice::bytesAvailable();
}

QString MeteredDevice::checksum() const
{
    if (m_digest.isEmpty())
        m_digest = m_sha.takeResult();
    return QString::fromLatin1(m_digest.toHex());
}

void MeteredDevice::throttle(qint64 bytes)
{
    if (!m_limiter || bytes <= 0)
        return;
    for (qint64 wait = m_limiter->reserve(bytes); wait > 0; wait -= kSliceMs)
        QThread::msleep(quint64(qMin(wait, kSliceMs)));
}

qint64 MeteredDevice::readData(char *data, qint64 maxSize)
{
    const qint64 at = isSequential() ? m_hashed : pos();
    const qint64 got = m_inner->read(data, maxSize);
    if (got <= 0)
        return got;
    if (m_hash && at == m_hashed) {
        m_sha.addData(QByteArrayView(data, got));
        m_hashed += got;
    }
    throttle(got);
    return got;
}

qint64 MeteredDevice::writeData(const char *data, qint64 size)
{
    throttle(size);
    const qint64 written = m_inner->write(data, size);
    if (written > 0 && m_hash) {
        m_sha.addData(QByteArrayView(data, written));
        m_hashed += written;
    }
    return written;
}

} // namespace trestle
