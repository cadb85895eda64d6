#include "core/api/sendoncebody.h"

#include <cstring>

namespace trestle {

SendOnceBody::SendOnceBody(QByteArray body, QObject *parent) : QIODevice(parent), m_body(std::move(body))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool SendOnceBody::seek(qint64 pos)
{
    // Moving back over bytes already handed out would send them again.
    if (m_read && pos < this->pos())
        return false;
    return QIODevice::seek(pos);
}

bool SendOnceBody::reset()
{
    // Qt rewinds a body only to send it again; an empty body (a DELETE) is never read, so
    // refusing only after a read would not stop its resend.
    return false;
}

qint64 SendOnceBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, qint64(m_body.size()) - pos());
    if (n <= 0)
        return 0;
    std::memcpy(data, m_body.constData() + pos(), size_t(n));
    m_read = true;
    return n;
}

qint64 SendOnceBody::writeData(const char *data, qint64 maxSize)
{
    Q_UNUSED(data)
    Q_UNUSED(maxSize)
    return -1;
}

} // namespace trestle
