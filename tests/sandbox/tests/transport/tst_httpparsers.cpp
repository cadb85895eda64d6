// HttpRequestParser and MultipartReader on their own, fed in every possible slicing: the parts of
// the sandbox transport that see untrusted bytes first.

#include "http/httprequestparser.h"
#include "http/multipartreader.h"
#include "transporttestsupport.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sandbox;
using namespace transporttest;

class TestHttpParsers final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void initTestCase();
    void parserByteByByte_data();
    void parserByteByByte();
    void parserSpoolsWithBoundedMemory();
    void parserSurvivesMutations();
    void multipartParsing_data();
    void multipartParsing();
    void multipartErrors_data();
    void multipartErrors();
};

void TestHttpParsers::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHttpParsers::parserByteByByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("content-length") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET")
                                    << QByteArray("hello");
    QTest::newRow("chunked") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "3\r\nhel\r\n2;x=y\r\nlo\r\n0\r\nT: 1\r\n\r\nGET")
                             << QByteArray("hello");
    QTest::newRow("LF only, leading CRLF")
        << QByteArray("\r\nGET /x HTTP/1.1\nHost: y\n\nGET") << QByteArray();
}

void TestHttpParsers::parserByteByByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, body);
    HttpRequestParser parser(m_dir->filePath(QStringLiteral("spool")));
    qsizetype pos = 0;
    while (pos < bytes.size() && parser.state() != HttpRequestParser::State::Complete) {
        const qint64 n = parser.feed(bytes.constData() + pos, 1);
        QVERIFY(n <= 1);
        QVERIFY(parser.state() != HttpRequestParser::State::Error);
        pos += n;
    }
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    QCOMPARE(bytes.mid(pos), QByteArray("GET")); // stopped exactly at the end of the request
    QVERIFY(parser.feed("GET", 3) == 0); // and takes nothing more until reset
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.path, QStringLiteral("/x"));
    QCOMPARE(request.body, body);
    QCOMPARE(request.bodySize, qint64(body.size()));
}

void TestHttpParsers::parserSpoolsWithBoundedMemory()
{
    // 256 MiB through the parser in 64 KiB slices from one reused buffer: resident memory must not
    // follow the body size (the bound is generous; the body is 8x larger).
    constexpr qint64 size = 256 * 1024 * 1024;
    HttpRequestParser parser(m_dir->filePath(QStringLiteral("spool")));
    const QByteArray head = "PUT /big HTTP/1.1\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n";
    QCOMPARE(parser.feed(head.constData(), head.size()), qint64(head.size()));
    const QByteArray slice = randomBytes(64 * 1024, 19);
    const qint64 before = residentKiB();
    qint64 peak = before;
    for (qint64 fed = 0; fed < size; fed += slice.size()) {
        QCOMPARE(parser.feed(slice.constData(), slice.size()), qint64(slice.size()));
        if ((fed & (16 * 1024 * 1024 - 1)) == 0)
            peak = std::max(peak, residentKiB());
    }
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    const HttpRequest request = parser.takeRequest();
    QVERIFY(request.body.isEmpty());
    QCOMPARE(QFileInfo(request.bodyFile).size(), size);
    QVERIFY2(peak - before < 32 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(peak - before)));
    QVERIFY(QFile::remove(request.bodyFile));
}

void TestHttpParsers::parserSurvivesMutations()
{
    // Seeded mutations of valid requests (byte flips, insertions, cuts), fed in random slices: each
    // ends Complete, Error or still waiting, never anything else (run under ASan/UBSan in CI's
    // sanitizer build for memory errors).
    const QList<QByteArray> seeds{
        "GET /a?b=c HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n",
        "POST /u HTTP/1.1\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n0123456789",
        "PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;e=1\r\nabcd\r\n0\r\nT: v\r\n\r\n",
    };
    QRandomGenerator gen(1234);
    int complete = 0;
    int errors = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = seeds.at(round % seeds.size());
        const int mutations = 1 + int(gen.bounded(4));
        for (int m = 0; m < mutations; ++m) {
            const int pos = int(gen.bounded(bytes.size()));
            switch (gen.bounded(4)) {
            case 0:
                bytes[pos] = char(gen.bounded(256));
                break;
            case 1:
                bytes.insert(pos, char(gen.bounded(256)));
                break;
            case 2:
                bytes.remove(pos, 1 + int(gen.bounded(5)));
                break;
            default:
                bytes.insert(pos, QByteArray("\r\n:;\t 0fF-").mid(int(gen.bounded(10)), 1));
                break;
            }
        }
        HttpRequestParser parser(m_dir->filePath(QStringLiteral("spool")));
        qsizetype pos = 0;
        while (pos < bytes.size()) {
            const qint64 slice = 1 + gen.bounded(16);
            const qint64 n =
                parser.feed(bytes.constData() + pos, std::min<qint64>(slice, bytes.size() - pos));
            QVERIFY(n >= 0 && n <= slice);
            pos += n;
            if (n < slice && pos < bytes.size())
                break; // stopped at the end of a request or at an error
        }
        const auto state = parser.state();
        if (state == HttpRequestParser::State::Complete) {
            ++complete;
            const HttpRequest request = parser.takeRequest();
            QCOMPARE(request.bodySize, qint64(request.body.size()));
        } else if (state == HttpRequestParser::State::Error) {
            ++errors;
            QVERIFY(parser.errorStatus() >= 400 && parser.errorStatus() < 600);
        }
    }
    QVERIFY(complete > 0);
    QVERIFY(errors > 0);
}

void TestHttpParsers::multipartParsing_data()
{
    QTest::addColumn<qint64>("step");
    QTest::newRow("1 byte reads") << qint64(1);
    QTest::newRow("7 byte reads") << qint64(7);
    QTest::newRow("4093 byte reads") << qint64(4093);
    QTest::newRow("whole") << qint64(1 << 30);
}

void TestHttpParsers::multipartParsing()
{
    QFETCH(qint64, step);
    const QByteArray boundary = "----TrestleBoundary7MA4YWxkTrZu0gW";
    // File content full of near-boundaries: the delimiter without CRLF, with CRLF but one byte
    // short, and the boundary split by a CR.
    QByteArray fileData = randomBytes(step == 1 ? 20000 : 300000, 3);
    fileData.insert(100, "--" + boundary);
    fileData.insert(5000, "\r\n--" + boundary.chopped(1));
    fileData.insert(9000, "\r\n-" + boundary);
    fileData += "\r\n--" + boundary.left(10); // right before the real delimiter

    QByteArray body = "preamble to ignore\r\n";
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"key\"\r\n\r\n";
    body += "uploads/abc/${filename}\r\n";
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"empty\"\r\n\r\n";
    body += "\r\n";
    body += "--" + boundary + "  \r\n"; // transport padding
    body += "content-disposition: form-data; name=\"file\"; filename=\"plan \\\"A\\\"; rev.pdf\"\r\n";
    body += "Content-Type: application/pdf\r\n\r\n";
    body += fileData + "\r\n";
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file[data]\"; filename*=UTF-8''Gr%C3%BCndung.txt\r\n\r\n";
    body += "small file\r\n";
    body += "--" + boundary + "--\r\nepilogue";

    TricklingDevice device(body, step);
    MultipartReader reader(&device, boundary);
    MultipartReader::Part part;

    QVERIFY(reader.readNextPart(&part));
    QCOMPARE(part.name, QByteArray("key"));
    QVERIFY(!part.isFile());
    QByteArray value;
    QVERIFY(reader.readBody(&value, 1024));
    QCOMPARE(value, QByteArray("uploads/abc/${filename}"));

    QVERIFY(reader.readNextPart(&part));
    QCOMPARE(part.name, QByteArray("empty"));
    QVERIFY(reader.readBody(&value, 1024));
    QCOMPARE(value, QByteArray());

    QVERIFY(reader.readNextPart(&part));
    QCOMPARE(part.name, QByteArray("file"));
    QVERIFY(part.isFile());
    QCOMPARE(part.fileName, QStringLiteral("plan \"A\"; rev.pdf"));
    QCOMPARE(part.contentType, QByteArray("application/pdf"));
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QCOMPARE(reader.readBody(&sink), qint64(fileData.size()));
    QVERIFY(sink.data() == fileData);

    QVERIFY(reader.readNextPart(&part)); // its body is skipped by the next readNextPart
    QCOMPARE(part.name, QByteArray("file[data]"));
    QCOMPARE(part.fileName, QString::fromUtf8("Gr\xc3\xbcndung.txt"));

    QVERIFY(!reader.readNextPart(&part));
    QVERIFY(reader.atEnd());
    QVERIFY(!reader.hasError());
}

void TestHttpParsers::multipartErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray start = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n";
    QTest::newRow("no boundary at all") << QByteArray("just text");
    QTest::newRow("no closing boundary") << start + "value";
    QTest::newRow("ends in boundary line") << start + "value\r\n--b";
    QTest::newRow("garbage after boundary") << start + "value\r\n--bXY\r\n";
    QTest::newRow("headers never end") << QByteArray("--b\r\nContent-Disposition: form-data");
    QTest::newRow("header without colon") << QByteArray("--b\r\nnonsense\r\n\r\nx\r\n--b--");
    QTest::newRow("huge headers") << "--b\r\nX: " + QByteArray(40000, 'x') + "\r\n\r\nv\r\n--b--";
}

void TestHttpParsers::multipartErrors()
{
    QFETCH(QByteArray, body);
    QBuffer device(&body);
    device.open(QIODevice::ReadOnly);
    MultipartReader reader(&device, "b");
    QList<QPair<QByteArray, QByteArray>> fields;
    QVERIFY(!reader.readAll(&fields, nullptr));
    QVERIFY(reader.hasError());
    QVERIFY(!reader.errorString().isEmpty());

    QCOMPARE(MultipartReader::boundaryOf("multipart/form-data; boundary=\"q;b\""), QByteArray("q;b"));
    QCOMPARE(MultipartReader::boundaryOf("Multipart/Form-Data;boundary=xyz"), QByteArray("xyz"));
    QVERIFY(MultipartReader::boundaryOf("application/json").isEmpty());
    QVERIFY(MultipartReader::boundaryOf("multipart/form-data").isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpParsers)
#include "tst_httpparsers.moc"
