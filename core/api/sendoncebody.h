#pragma once

#include <QByteArray>
#include <QIODevice>

namespace trestle {

// The body of a request that must not be sent twice by accident (a create, a delete). QNetworkAccessManager
// sends a request again by itself, whatever its method, when the connection closes after the
// request went out and before an answer came (Qt 6.4, QHttpNetworkConnectionChannel: the
// "reconnect attempts"); a create that took effect then happens twice, or a delete comes back
// "not found". Before it sends again, Qt rewinds the body; this device never rewinds (reset()
// fails; seek() only forwards once read), so Qt fails the request (ContentReSendError) and the
// caller, which knows what an ambiguous failure means for its call, decides. An empty one makes a
// DELETE carry "Content-Length: 0". Qt offers no switch for the resend.
class SendOnceBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendOnceBody)

public:
    explicit SendOnceBody(QByteArray body, QObject *parent = nullptr);

    // Not sequential: Qt would buffer a sequential body and send it again from its buffer.
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_body.size(); }
    bool seek(qint64 pos) override;
    bool reset() override;
    bool atEnd() const override { return pos() >= m_body.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    const QByteArray m_body;
    bool m_read = false;
};

} // namespace trestle
