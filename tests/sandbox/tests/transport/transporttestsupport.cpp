#include "transporttestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <cstring>

namespace transporttest {

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i) // the tail fillRange cannot reach
        data[i] = char(gen.bounded(256));
    return data;
}

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

TricklingDevice::TricklingDevice(QByteArray data, qint64 step) : m_data(std::move(data)), m_step(step)
{
    open(QIODevice::ReadOnly);
}

qint64 TricklingDevice::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min({maxSize, m_step, qint64(m_data.size()) - m_pos});
    std::memcpy(data, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

bool connectSocket(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

void waitForInput(QTcpSocket &socket, int ms)
{
    (void)QTest::qWaitFor(
        [&] { return socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState; }, ms);
}

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

bool takeResponse(QByteArray &buf, RawResponse *out, bool headRequest)
{
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    RawResponse r;
    r.head = buf.left(end);
    r.status = r.head.mid(9, 3).toInt();
    const qint64 length = (headRequest || r.status < 200) ? 0 : r.header("Content-Length").toLongLong();
    if (buf.size() < end + 4 + length)
        return false;
    r.body = buf.mid(end + 4, length);
    buf.remove(0, end + 4 + length);
    *out = r;
    return true;
}

} // namespace transporttest
