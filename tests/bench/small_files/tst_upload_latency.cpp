// Regression test for a 40 ms stall per small-file upload (issue 5, bench_small_files at 64 files/s
// against curl's 176). A form upload of 20 KiB leaves QNetworkAccessManager in two socket writes
// (its upload chunks are 16 KiB); QNAM never sets TCP_NODELAY, so Nagle's algorithm holds the
// second write until the first is acknowledged, and the sandbox's kernel delayed that
// acknowledgement by its minimum of 40 ms. The sandbox now acknowledges every read at once
// (HttpConnection, TCP_QUICKACK).
//
// The assertion is a count against the kernel's floor, not a duration budget: with the stall no
// upload can finish in under 40 ms (the delayed-ACK timer's minimum), without it a 20 KiB POST on
// loopback takes a few ms, so even a heavily loaded machine gets most of them under 40 ms.
// TRESTLE_SANDBOX_DELAYED_ACK=1 brings the old behaviour back: the control run shows the test
// sees the stall.
#include "apitestsupport.h"
#include "sandboxprocess.h"

#include "core/api/storagetransfer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace trestle;

class TestUploadLatency final : public QObject
{
    Q_OBJECT

private:
    // Form-uploads `count` files of 20 KiB one after another over one client; returns how many
    // storage POSTs took under 40 ms, or -1 on a failure.
    static int fastUploads(bool delayedAck, int count);

private Q_SLOTS:
    void initTestCase();
    void smallFormUploadsDoNotStall();
    void controlWithDelayedAcks();
};

int TestUploadLatency::fastUploads(bool delayedAck, int count)
{
    if (delayedAck)
        qputenv("TRESTLE_SANDBOX_DELAYED_ACK", "1");
    testing::SandboxProcess sandbox;
    const bool started = sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")});
    qunsetenv("TRESTLE_SANDBOX_DELAYED_ACK");
    apitest::Connection connection;
    if (!started || !connection.open(sandbox)) {
        qWarning() << "sandbox:" << sandbox.errorString() << connection.error;
        return -1;
    }
    QByteArray bytes(20 * 1024, 'x');
    int fast = 0;
    QList<qint64> times;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("file %1.bin").arg(i);
        const Result<Upload> upload = apitest::await<Upload>([&](auto done) {
            connection.client->createUpload(connection.projectId, name, QString(), bytes.size(), done);
        });
        if (!upload.ok()) {
            qWarning() << "create upload:" << upload.error().toString();
            return -1;
        }
        QBuffer data(&bytes);
        data.open(QIODevice::ReadOnly);
        StorageTransfer transfer(connection.context, connection.client->networkAccessManager());
        QSignalSpy finished(&transfer, &StorageTransfer::finished);
        QElapsedTimer timer;
        timer.start();
        transfer.startFormUpload(upload.value(), &data, name, QStringLiteral("application/octet-stream"));
        if (!finished.wait(30000) || !transfer.result().ok()) {
            qWarning() << "form upload failed";
            return -1;
        }
        times.append(timer.elapsed());
        fast += times.constLast() < 40 ? 1 : 0;
    }
    std::sort(times.begin(), times.end());
    qInfo("%s: %d of %d storage POSTs under 40 ms; median %lld ms",
          delayedAck ? "delayed ACKs" : "quick ACKs", fast, count, times.at(times.size() / 2));
    return fast;
}

void TestUploadLatency::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("TCP_QUICKACK and the 40 ms delayed-ACK floor are Linux's");
#endif
}

void TestUploadLatency::smallFormUploadsDoNotStall()
{
    constexpr int kUploads = 15;
    const int fast = fastUploads(false, kUploads);
    QVERIFY(fast >= 0);
    QVERIFY2(fast > kUploads / 2,
             qPrintable(QStringLiteral("only %1 of %2 small uploads beat the 40 ms delayed-ACK floor")
                            .arg(fast)
                            .arg(kUploads)));
}

void TestUploadLatency::controlWithDelayedAcks()
{
    // The first requests of a connection are acknowledged at once (TCP quick-ACK start), the rest
    // wait for the delayed-ACK timer: most of them stall.
    constexpr int kUploads = 15;
    const int fast = fastUploads(true, kUploads);
    QVERIFY(fast >= 0);
    QVERIFY2(fast <= kUploads / 2, "the control run saw no stall: this test no longer tells anything");
}

QTEST_GUILESS_MAIN(TestUploadLatency)
#include "tst_upload_latency.moc"
