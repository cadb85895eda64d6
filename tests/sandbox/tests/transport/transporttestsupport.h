#pragma once

#include <QByteArray>
#include <QIODevice>

class QTcpSocket;

// Helpers shared by the transport suites (tst_httpserver, tst_httpparsers).
namespace transporttest {

QByteArray sha256(const QByteArray &data);
QByteArray randomBytes(qint64 size, quint32 seed); // deterministic for a seed
qint64 residentKiB(); // VmRSS of this process, -1 if unknown

// A device that hands out at most `step` bytes per read, so a parser sees every possible split of
// boundaries and headers across reads.
class TricklingDevice final : public QIODevice
{
public:
    TricklingDevice(QByteArray data, qint64 step);
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_step;
    qint64 m_pos = 0;
};

// The server under test runs on the test's thread: these wait by spinning the event loop, never
// with QTcpSocket::waitFor…().
bool connectSocket(QTcpSocket &socket, quint16 port);
void waitForInput(QTcpSocket &socket, int ms);

// One response read off a raw socket.
struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

// Takes one complete response (head + Content-Length body) off the front of buf.
bool takeResponse(QByteArray &buf, RawResponse *out, bool headRequest = false);

} // namespace transporttest
