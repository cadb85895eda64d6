// SIGTERM ends the sandbox in every state (issue 9: orphaned sandboxes sometimes ignored it and
// tests had to SIGKILL them): idle, mid-upload, mid-download, with a stalled reply, while a
// segmented upload is completed, and while a long synchronous request holds its only thread
// (/_sandbox/block stands in for hashing or assembling a multi-GB upload). And a test that dies
// without running destructors takes its sandbox with it (SandboxProcess asks for PR_SET_PDEATHSIG).
//
// The 15 s limits are failure caps, not timings: the sandbox normally ends within a second.
#include "docsfixture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

constexpr int kExitCapMs = 15000;
const char kHelperVariable[] = "TRESTLE_SHUTDOWN_TEST_HELPER";

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray pattern(int size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        data[i] = char(seed + (i * 7) % 61);
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Sends a raw request on its own connection and leaves it there: the tests need requests the
// sandbox is in the middle of, which the fixture's blocking helpers cannot give.
std::unique_ptr<QTcpSocket> sendRaw(const QUrl &url, const QByteArray &request)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(url.host(), quint16(url.port()));
    if (!socket->waitForConnected(kExitCapMs))
        return nullptr;
    socket->write(request);
    while (socket->bytesToWrite() > 0) {
        if (!socket->waitForBytesWritten(kExitCapMs))
            return nullptr;
    }
    return socket;
}

QByteArray requestHead(const QByteArray &method, const QUrl &url, const QList<QByteArray> &headers)
{
    QByteArray head = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        head += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    head += " HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port()) + "\r\n";
    for (const QByteArray &header : headers)
        head += header + "\r\n";
    return head + "\r\n";
}

// The helper mode of this binary: starts a sandbox, prints its pid and dies by SIGKILL, so no
// destructor stops the sandbox.
[[noreturn]] void runHelper(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    auto *sandbox = new testing::SandboxProcess; // never deleted on purpose
    if (!sandbox->start({s("--seed"), s("empty")})) {
        std::fprintf(stderr, "helper: %s\n", qPrintable(sandbox->errorString()));
        std::_Exit(2);
    }
    std::printf("%lld\n", static_cast<long long>(sandbox->processId()));
    std::fflush(stdout);
#ifdef Q_OS_UNIX
    ::kill(::getpid(), SIGKILL);
#endif
    std::_Exit(3);
}

} // namespace

class TestSandboxShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idle();
    void midUpload();
    void midDownload();
    void stalledReply();
    void midSegmentCompletion();
    void blockedThread();
    void crashedTestTakesItsSandbox();

private:
    std::unique_ptr<DocsFixture> startSandbox();
    QUrl storageBase(DocsFixture &docs);
};

std::unique_ptr<DocsFixture> TestSandboxShutdown::startSandbox()
{
    auto docs = std::make_unique<DocsFixture>();
    if (!docs->start({s("--seed"), s("minimal")})) {
        qWarning("%s", qPrintable(docs->error()));
        return nullptr;
    }
    return docs;
}

QUrl TestSandboxShutdown::storageBase(DocsFixture &docs)
{
    const auto info =
        docs.plain("GET", docs.sandbox().baseUrl().resolved(QUrl(s("/_sandbox/info")))).object();
    return QUrl(info.value(QStringLiteral("storage_base")).toString());
}

void TestSandboxShutdown::idle()
{
    const auto docs = startSandbox();
    QVERIFY(docs);
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::midUpload()
{
    // A form upload that announced 64 MiB and sent 8 MiB of it.
    const auto docs = startSandbox();
    QVERIFY(docs);
    const QUrl bucket = storageBase(*docs).resolved(QUrl(s("/bucket")));
    const auto socket = sendRaw(bucket,
                                requestHead("POST", bucket,
                                            {"Content-Type: " + DocsFixture::multipartType(),
                                             "Content-Length: " + QByteArray::number(64 * 1024 * 1024)})
                                    + pattern(8 * 1024 * 1024, 'u'));
    QVERIFY(socket);
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::midDownload()
{
    // A 32 MiB download whose client read the head and stopped reading: the sandbox's socket is
    // full and its file pump waits for room.
    const auto docs = startSandbox();
    QVERIFY(docs);
    const QByteArray content = pattern(32 * 1024 * 1024, 'd');
    const QString uuid = docs->formUpload(content, s("Big.bin"));
    QVERIFY(!uuid.isEmpty());
    const auto created = docs->api(
        "POST", s("/rest/v1.0/files"), docs->projectQuery(),
        DocsFixture::multipart({{"file[name]", "Big.bin", {}}, {"file[upload_uuid]", uuid.toUtf8(), {}}}),
        DocsFixture::multipartType());
    QCOMPARE(created.status, 201);
    const QString versionUrl = created.object()
                                   .value(QStringLiteral("file_versions"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("url"))
                                   .toString();
    const auto hop =
        docs->plain("GET", QUrl(versionUrl), {}, {{"Authorization", "Bearer " + docs->serviceToken}});
    QCOMPARE(hop.status, 302);
    const QUrl blob(QString::fromUtf8(hop.header("Location")));
    const auto socket = sendRaw(blob, requestHead("GET", blob, {}));
    QVERIFY(socket);
    QVERIFY(socket->waitForReadyRead(kExitCapMs));
    QVERIFY(socket->read(1024).startsWith("HTTP/1.1 200"));
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::stalledReply()
{
    // A reply that sent its head and part of its body and then nothing (the stall fault).
    const auto docs = startSandbox();
    QVERIFY(docs);
    QVERIFY(docs->sandbox().configure(QJsonObject{{QStringLiteral("fault_rate"), 1},
                                                  {QStringLiteral("fault_kinds"), QJsonArray{s("stall")}}}));
    const QUrl me = docs->sandbox().baseUrl().resolved(QUrl(s("/rest/v1.0/me")));
    const auto socket = sendRaw(me, requestHead("GET", me, {"Authorization: Bearer " + docs->userToken}));
    QVERIFY(socket);
    QVERIFY(socket->waitForReadyRead(kExitCapMs));
    QVERIFY(socket->readAll().startsWith("HTTP/1.1 200"));
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::midSegmentCompletion()
{
    // SIGTERM right after the request that assembles a segmented upload was sent.
    const auto docs = startSandbox();
    QVERIFY(docs);
    const QString uploads = QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(docs->projectId);
    const QList<QByteArray> bodies{pattern(12 * 1024 * 1024, 'a'), pattern(1000, 'b')};
    QJsonArray specs;
    for (const QByteArray &body : bodies)
        specs.append(QJsonObject{{QStringLiteral("size"), body.size()},
                                 {QStringLiteral("sha256"), QString::fromLatin1(sha256(body))}});
    const auto created = docs->json("POST", uploads, {{QStringLiteral("segments"), specs}});
    QCOMPARE(created.status, 201);
    const QJsonArray segments = created.object().value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), bodies.size());
    QJsonArray etags;
    for (int i = 0; i < bodies.size(); ++i) {
        const QJsonObject segment = segments.at(i).toObject();
        const QJsonObject headers = segment.value(QStringLiteral("headers")).toObject();
        QList<QPair<QByteArray, QByteArray>> sent{{"Content-Type", "application/octet-stream"}};
        for (auto it = headers.begin(); it != headers.end(); ++it)
            sent.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        const auto put =
            docs->plain("PUT", QUrl(segment.value(QStringLiteral("url")).toString()), bodies.at(i), sent);
        QCOMPARE(put.status, 200);
        etags.append(QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(put.header("ETag"))}});
    }
    const QUrl complete = docs->sandbox().baseUrl().resolved(
        QUrl(uploads + QLatin1Char('/') + created.object().value(QStringLiteral("uuid")).toString()));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("segments"), etags}}).toJson(QJsonDocument::Compact);
    const auto socket = sendRaw(
        complete,
        requestHead("PATCH", complete,
                    {"Authorization: Bearer " + docs->serviceToken,
                     "Procore-Company-Id: " + QByteArray::number(docs->companyId),
                     "Content-Type: application/json", "Content-Length: " + QByteArray::number(body.size())})
            + body);
    QVERIFY(socket);
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::blockedThread()
{
    // The one thread is held for 60 s by a synchronous request: a SIGTERM that only woke the
    // event loop would wait for it (the cap is 15 s).
    const auto docs = startSandbox();
    QVERIFY(docs);
    const QUrl block = docs->sandbox().baseUrl().resolved(QUrl(s("/_sandbox/block?ms=60000")));
    const auto socket = sendRaw(block, requestHead("POST", block, {"Content-Length: 0"}));
    QVERIFY(socket);
    QByteArray stderrText;
    QDeadlineTimer deadline(kExitCapMs);
    while (!stderrText.contains("blocking for 60000 ms") && !deadline.hasExpired()) {
        QTest::qWait(20);
        stderrText += docs->sandbox().capturedStderr();
    }
    QVERIFY2(stderrText.contains("blocking for 60000 ms"), stderrText.constData());
    QVERIFY(docs->sandbox().terminateAndWait(kExitCapMs));
}

void TestSandboxShutdown::crashedTestTakesItsSandbox()
{
#ifndef Q_OS_LINUX
    QSKIP("PR_SET_PDEATHSIG is Linux-only");
#else
    // This process adopts the orphaned sandbox (a subreaper), so it can wait for it by pid.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    QProcess helper;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kHelperVariable), s("1"));
    helper.setProcessEnvironment(env);
    helper.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(helper.waitForFinished(kExitCapMs * 2));
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit); // its SIGKILL
    bool ok = false;
    const pid_t sandboxPid = pid_t(helper.readAllStandardOutput().trimmed().toLongLong(&ok));
    QVERIFY2(ok && sandboxPid > 0, helper.readAllStandardError().constData());

    bool ended = false;
    QDeadlineTimer deadline(kExitCapMs);
    while (!deadline.hasExpired()) {
        int status = 0;
        const pid_t got = ::waitpid(sandboxPid, &status, WNOHANG);
        QVERIFY2(got >= 0, "the orphaned sandbox was not adopted by this process");
        if (got == sandboxPid) {
            ended = true;
            break;
        }
        QTest::qWait(20);
    }
    if (!ended) {
        ::kill(sandboxPid, SIGKILL); // leave nothing behind, then fail
        ::waitpid(sandboxPid, nullptr, 0);
    }
    QVERIFY2(ended, "the sandbox outlived the test that started it");
#endif
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kHelperVariable))
        runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestSandboxShutdown test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandbox_shutdown.moc"
