// Storage transfers against an in-process HTTP server that misbehaves on purpose: the cases the
// sandbox's random faults cannot aim at one hop of a download.
#include "core/api/connectioncontext.h"
#include "core/api/storagetransfer.h"
#include "http/httpserver.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;

class TestStorageTransfer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_spool;

    // Downloads `path` from a server that answers every request with `response`.
    Status download(const sandbox::HttpResponse &response, QByteArray *received)
    {
        sandbox::HttpServer server([response](const sandbox::HttpRequest &) { return response; },
                                   m_spool.path());
        if (!server.listen())
            return Error(Error::Kind::Internal, server.errorString());
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        auto context = std::make_shared<ConnectionContext>(QStringLiteral("test"), base, 1, nullptr, nullptr);
        QNetworkAccessManager nam;
        QBuffer sink(received);
        sink.open(QIODevice::WriteOnly);
        StorageTransfer transfer(context, &nam);
        transfer.setTimeout(std::chrono::seconds(10));
        QSignalSpy finished(&transfer, &StorageTransfer::finished);
        transfer.startDownload(base.resolved(QUrl(QStringLiteral("/fas/api/v5/files/1"))), &sink);
        if (!finished.wait(30000))
            return Error(Error::Kind::Internal, QStringLiteral("no finished() within 30 s"));
        return transfer.result();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_spool.isValid()); }

    void completeBodySucceeds()
    {
        sandbox::HttpResponse response;
        response.body = QByteArray(1 << 20, 'x');
        QByteArray received;
        const Status status = download(response, &received);
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
        QCOMPARE(received.size(), 1 << 20);
    }

    // Regression: the server sent the full Content-Length, then half the body, then closed;
    // QNetworkAccessManager may report that as NoError, and the short file was taken as done.
    void truncatedBodyIsAnError_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {10, 1000, 65536, 1 << 20, 8 << 20})
            QTest::addRow("%d bytes", size) << size;
    }
    void truncatedBodyIsAnError()
    {
        QFETCH(int, size);
        sandbox::HttpResponse response;
        response.body = QByteArray(size, 'x');
        response.fault = sandbox::HttpResponse::Fault::TruncateBody;
        QByteArray received;
        const Status status = download(response, &received);
        QVERIFY2(!status.ok(), "a truncated download was reported as a success");
        QVERIFY2(status.error().isTransient(), qPrintable(status.error().toString()));
        QVERIFY(received.size() < size);
    }
};

QTEST_GUILESS_MAIN(TestStorageTransfer)
#include "tst_storagetransfer.moc"
