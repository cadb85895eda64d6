#pragma once

#include <QIODevice>
#include <QPointer>

namespace trestle {

// A read-only window [offset, offset + length) of another seekable device, so a segment of a big
// file can be PUT by streaming it (QNetworkAccessManager reads the device to its end) without
// copying the segment into memory. The underlying device is not owned and must stay open.
class RangeDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeDevice)

public:
    RangeDevice(QIODevice *source, qint64 offset, qint64 length, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_length; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QPointer<QIODevice> m_source;
    const qint64 m_offset;
    const qint64 m_length;
};

} // namespace trestle
