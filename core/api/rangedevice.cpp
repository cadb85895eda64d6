#include "core/api/rangedevice.h"

namespace trestle {

RangeDevice::RangeDevice(QIODevice *source, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent), m_source(source), m_offset(offset), m_length(length)
{ }

bool RangeDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length)
        return false;
    return QIODevice::seek(pos);
}

qint64 RangeDevice::readData(char *data, qint64 maxSize)
{
    if (!m_source)
        return -1;
    const qint64 left = m_length - pos();
    if (left <= 0)
        return 0;
    if (!m_source->seek(m_offset + pos()))
        return -1;
    return m_source->read(data, qMin(maxSize, left));
}

qint64 RangeDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace trestle
