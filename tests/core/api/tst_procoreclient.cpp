// Every typed call of ProcoreClient against the sandbox (--seed minimal) over real HTTP.
#include "apitestsupport.h"

#include "core/api/rangedevice.h"
#include "core/api/storagetransfer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

using namespace trestle;
using apitest::await;

namespace {

constexpr qint64 k2pow32 = Q_INT64_C(4294967296);

QByteArray pattern(qint64 size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (qint64 i = 0; i < size; ++i) {
        x = x * 1664525u + 1013904223u;
        data[i] = char(x >> 24);
    }
    return data;
}

// Runs a storage transfer to the end.
Status runTransfer(StorageTransfer &transfer)
{
    bool done = false;
    QObject::connect(&transfer, &StorageTransfer::finished, [&done] { done = true; });
    if (!apitest::spinUntil([&done] { return done; }))
        return Error(Error::Kind::Timeout, QStringLiteral("transfer wait timed out"));
    return transfer.result();
}

} // namespace

class TestProcoreClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void meAndCompanies();
    void paginationFollowed();
    void foldersRoundTrip();
    void bigFolderParsedOffThread();
    void companyHeaderRequired();
    void formUploadAndDownload();
    void downloadRidesOutAStorageOutage();
    void segmentedUploadAndDownload();
    void dataUploadAndVersions();
    void documentsFilters();
    void plainHttpToRemoteRefused();
    void noTokenToStorage();

private:
    testing::SandboxProcess m_sandbox;
    apitest::Connection m_conn;
    ProcoreClient *client() { return m_conn.client.get(); }
    qint64 project() const { return m_conn.projectId; }
    Result<File> uploadForm(const QString &name, qint64 parentId, const QByteArray &data);
    Result<QByteArray> download(const QString &url);
};

void TestProcoreClient::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_conn.open(m_sandbox), qPrintable(m_conn.error));
    client()->setTimeout(std::chrono::seconds(20));
}

void TestProcoreClient::meAndCompanies()
{
    const auto me = await<Me>([this](auto done) { client()->me(done); });
    QVERIFY2(me.ok(), qPrintable(me.error().toString()));
    QVERIFY(me.value().id > k2pow32); // 64-bit ids survive
    QCOMPARE(me.value().login, apitest::kDemoLogin);
    QVERIFY(m_conn.companyId > k2pow32);
    QVERIFY(m_conn.projectId > k2pow32);
}

void TestProcoreClient::paginationFollowed()
{
    // Enough folders for several pages of 3.
    for (int i = 0; i < 7; ++i) {
        const auto f = await<Folder>([this, i](auto done) {
            client()->createFolder(project(), 0, QStringLiteral("page-%1").arg(i), done);
        });
        QVERIFY2(f.ok(), qPrintable(f.error().toString()));
    }
    const auto all =
        await<QList<DocumentEntry>>([this](auto done) { client()->documents(project(), {}, done); });
    QVERIFY2(all.ok(), qPrintable(all.error().toString()));
    QVERIFY(all.value().size() >= 7);

    QVERIFY(m_sandbox.resetStats());
    client()->setPageSize(3);
    int pages = 0;
    const auto paged = await<QList<DocumentEntry>>([this, &pages](auto done) {
        client()->documents(project(), {}, done, [&pages](const QList<DocumentEntry> &page) {
            QVERIFY(page.size() <= 3);
            ++pages;
        });
    });
    client()->setPageSize(2000);
    QVERIFY2(paged.ok(), qPrintable(paged.error().toString()));
    QCOMPARE(paged.value().size(), all.value().size());
    QSet<qint64> ids;
    for (const DocumentEntry &e : paged.value())
        ids.insert(e.id);
    QCOMPARE(ids.size(), all.value().size()); // no page twice, none skipped
    const int expectedPages = int((all.value().size() + 2) / 3);
    QCOMPARE(pages, expectedPages);
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(stats.value(QStringLiteral("by_endpoint"))
                 .toObject()
                 .value(QStringLiteral("GET /rest/v1.0/projects/{id}/documents"))
                 .toInt(),
             expectedPages);
}

void TestProcoreClient::foldersRoundTrip()
{
    const auto root = await<Folder>([this](auto done) { client()->rootFolder(project(), {}, done); });
    QVERIFY2(root.ok(), qPrintable(root.error().toString()));
    QVERIFY(root.value().id > k2pow32);

    const auto a = await<Folder>(
        [this](auto done) { client()->createFolder(project(), 0, QStringLiteral("Alpha"), done); });
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    QCOMPARE(a.value().name, QStringLiteral("Alpha"));
    QVERIFY(a.value().id > k2pow32);
    const auto b = await<Folder>([this, &a](auto done) {
        client()->createFolder(project(), a.value().id, QStringLiteral("Beta"), done);
    });
    QVERIFY2(b.ok(), qPrintable(b.error().toString()));
    QCOMPARE(b.value().parentId, a.value().id);

    ProcoreClient::FolderChange rename;
    rename.name = QStringLiteral("Beta renamed");
    const auto renamed = await<Folder>(
        [this, &b, &rename](auto done) { client()->updateFolder(project(), b.value().id, rename, done); });
    QVERIFY2(renamed.ok(), qPrintable(renamed.error().toString()));
    QCOMPARE(renamed.value().name, QStringLiteral("Beta renamed"));

    ProcoreClient::FolderChange move;
    move.parentId = root.value().id;
    const auto moved = await<Folder>(
        [this, &b, &move](auto done) { client()->updateFolder(project(), b.value().id, move, done); });
    QVERIFY2(moved.ok(), qPrintable(moved.error().toString()));
    QCOMPARE(moved.value().parentId, root.value().id);

    const auto children =
        await<Folder>([this, &a](auto done) { client()->folder(project(), a.value().id, {}, done); });
    QVERIFY(children.ok());
    QVERIFY(children.value().folders.isEmpty());

    const auto deleted =
        await<Done>([this, &b](auto done) { client()->deleteFolder(project(), b.value().id, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
    const auto rootAfter = await<Folder>([this](auto done) { client()->rootFolder(project(), {}, done); });
    QVERIFY(rootAfter.ok());
    for (const Folder &f : rootAfter.value().folders)
        QVERIFY(f.id != b.value().id || f.isDeleted);

    // A name Procore refuses is a Validation error with the server's sentence.
    const auto bad = await<Folder>(
        [this](auto done) { client()->createFolder(project(), 0, QStringLiteral("a/b"), done); });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind(), Error::Kind::Validation);
    QCOMPARE(bad.error().httpStatus(), 422);

    const auto missing =
        await<Folder>([this](auto done) { client()->folder(project(), 999999999999, {}, done); });
    QCOMPARE(missing.error().kind(), Error::Kind::NotFound);
}

// A folder reply over ProcoreClient's off-thread threshold (256 KiB: 1,200 children with long names
// make ~400 KB of JSON) is parsed on the thread pool and arrives whole, once, on the caller's thread.
void TestProcoreClient::bigFolderParsedOffThread()
{
    const auto big = await<Folder>(
        [this](auto done) { client()->createFolder(project(), 0, QStringLiteral("Big listing"), done); });
    QVERIFY2(big.ok(), qPrintable(big.error().toString()));
    constexpr int kChildren = 1200;
    const QString longTail(150, QLatin1Char('x'));
    for (int i = 0; i < kChildren; ++i) {
        const auto child = await<Folder>([&](auto done) {
            client()->createFolder(project(), big.value().id,
                                   QStringLiteral("%1 %2").arg(i, 4, 10, QLatin1Char('0')).arg(longTail),
                                   done);
        });
        QVERIFY2(child.ok(), qPrintable(child.error().toString()));
    }
    QThread *callerThread = QThread::currentThread();
    QThread *calledOn = nullptr;
    int calls = 0;
    const auto listed = await<Folder>([&](auto done) {
        client()->folder(project(), big.value().id, {}, [&, done](Result<Folder> r) {
            calledOn = QThread::currentThread();
            ++calls;
            done(std::move(r));
        });
    });
    QVERIFY2(listed.ok(), qPrintable(listed.error().toString()));
    QCOMPARE(calls, 1);
    QCOMPARE(calledOn, callerThread);
    QCOMPARE(listed.value().folders.size(), kChildren);
    QSet<QString> names;
    for (const Folder &child : listed.value().folders)
        names.insert(child.name);
    QCOMPARE(names.size(), kChildren);
    QVERIFY(names.contains(QStringLiteral("0000 %1").arg(longTail)));
    QVERIFY(names.contains(QStringLiteral("1199 %1").arg(longTail)));
}

void TestProcoreClient::companyHeaderRequired()
{
    // Same tokens, no company: the sandbox answers 400 "Missing Procore-Company-Id header!", which
    // shows the normal client does send it.
    auto context = std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), m_sandbox.baseUrl(), 0,
                                                       m_conn.tokens.get(), m_conn.meter.get());
    ProcoreClient noCompany(context);
    const auto r = await<Folder>([&](auto done) { noCompany.rootFolder(project(), {}, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), Error::Kind::Validation);
    QVERIFY2(r.error().message().contains(QLatin1String("Procore-Company-Id")),
             qPrintable(r.error().message()));
}

Result<File> TestProcoreClient::uploadForm(const QString &name, qint64 parentId, const QByteArray &data)
{
    const auto upload = await<Upload>([&](auto done) {
        client()->createUpload(project(), name, QStringLiteral("application/octet-stream"), data.size(),
                               done);
    });
    if (!upload.ok())
        return upload.error();
    if (upload.value().url.isEmpty() || upload.value().fields.isEmpty())
        return Error(Error::Kind::MalformedReply, QStringLiteral("no form upload"));
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    StorageTransfer transfer(m_conn.context, client()->networkAccessManager());
    qint64 lastProgress = 0;
    connect(&transfer, &StorageTransfer::progress, this,
            [&lastProgress](qint64 done, qint64) { lastProgress = done; });
    transfer.startFormUpload(upload.value(), &buffer, name, QStringLiteral("application/octet-stream"));
    const Status sent = runTransfer(transfer);
    if (!sent.ok())
        return sent.error();
    if (lastProgress <= 0)
        return Error(Error::Kind::Internal, QStringLiteral("no upload progress"));
    ProcoreClient::NewFile newFile;
    newFile.parentId = parentId;
    newFile.name = name;
    newFile.uploadUuid = upload.value().uuid;
    return await<File>([&](auto done) { client()->createFile(project(), newFile, done); });
}

Result<QByteArray> TestProcoreClient::download(const QString &url)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    StorageTransfer transfer(m_conn.context, client()->networkAccessManager());
    transfer.startDownload(QUrl(url), &sink);
    const Status got = runTransfer(transfer);
    if (!got.ok())
        return got.error();
    return sink.data();
}

// Storage answers 503 twice: the download asks storage again (same signed URL, after a pause) and
// arrives whole, without a second hop through the API host (no API call) and without failing the
// item (which would cost its API calls again). The long 5xx storm failed 3 of 200 downloads.
void TestProcoreClient::downloadRidesOutAStorageOutage()
{
    const QByteArray data = pattern(40 * 1024 + 3, 7);
    const auto file = uploadForm(QStringLiteral("outage.bin"), 0, data);
    QVERIFY2(file.ok(), qPrintable(file.error().toString()));
    QVERIFY(m_sandbox.resetStats());
    QVERIFY(m_sandbox.post(QStringLiteral("fail-storage?count=2")));
    const auto bytes = download(file.value().versions.last().url);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error().toString()));
    QVERIFY(bytes.value() == data);
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(stats.value(QStringLiteral("storage")).toObject().value(QStringLiteral("downloads")).toInt(), 3);
    QCOMPARE(stats.value(QStringLiteral("faults_injected")).toInt(), 2);
}

void TestProcoreClient::formUploadAndDownload()
{
    const QByteArray data = pattern(300 * 1024 + 17, 1);
    const auto file = uploadForm(QStringLiteral("form.bin"), 0, data);
    QVERIFY2(file.ok(), qPrintable(file.error().toString()));
    QVERIFY(file.value().id > k2pow32);
    QCOMPARE(file.value().size, data.size());
    QVERIFY(!file.value().versions.isEmpty());

    const auto shown = await<File>([&](auto done) { client()->file(project(), file.value().id, done); });
    QVERIFY2(shown.ok(), qPrintable(shown.error().toString()));
    const FileVersion version = shown.value().versions.last();
    const auto bytes = download(version.url);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error().toString()));
    QCOMPARE(bytes.value().size(), data.size());
    QVERIFY(bytes.value() == data);

    const auto v = await<FileVersion>([&](auto done) { client()->fileVersion(project(), version.id, done); });
    QVERIFY2(v.ok(), qPrintable(v.error().toString()));
    QCOMPARE(v.value().size, data.size());
}

void TestProcoreClient::segmentedUploadAndDownload()
{
    const qint64 first = 5 * 1024 * 1024;
    const QByteArray data = pattern(first + 4321, 2);
    QTemporaryFile file;
    QVERIFY(file.open());
    QCOMPARE(file.write(data), data.size());
    QVERIFY(file.flush());

    QList<ProcoreClient::SegmentSpec> specs;
    const QList<QPair<qint64, qint64>> ranges{{0, first}, {first, data.size() - first}};
    for (const auto &[offset, size] : ranges) {
        ProcoreClient::SegmentSpec spec;
        spec.size = size;
        spec.sha256Hex = QCryptographicHash::hash(data.mid(offset, size), QCryptographicHash::Sha256).toHex();
        specs.append(spec);
    }
    auto created = await<Upload>([&](auto done) { client()->createSegmentedUpload(project(), specs, done); });
    QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    Upload upload = created.value();
    QCOMPARE(upload.segments.size(), 2);
    for (int i = 0; i < upload.segments.size(); ++i) {
        RangeDevice range(&file, ranges.at(i).first, ranges.at(i).second);
        QVERIFY(range.open(QIODevice::ReadOnly));
        StorageTransfer put(m_conn.context, client()->networkAccessManager());
        put.startSegmentUpload(upload.segments.at(i), &range);
        const Status sent = runTransfer(put);
        QVERIFY2(sent.ok(), qPrintable(sent.error().toString()));
        QVERIFY(!put.etag().isEmpty());
        upload.segments[i].etag = put.etag();
        upload.segments[i].size = specs.at(i).size;
        upload.segments[i].sha256Hex = specs.at(i).sha256Hex;
    }
    const auto completed =
        await<Upload>([&](auto done) { client()->completeUpload(project(), upload, done); });
    QVERIFY2(completed.ok(), qPrintable(completed.error().toString()));
    QCOMPARE(completed.value().status, QStringLiteral("complete"));
    const auto shown = await<Upload>([&](auto done) { client()->upload(project(), upload.uuid, done); });
    QVERIFY2(shown.ok(), qPrintable(shown.error().toString()));
    QCOMPARE(shown.value().uuid, upload.uuid);

    ProcoreClient::NewFile newFile;
    newFile.name = QStringLiteral("segmented.bin");
    newFile.uploadUuid = upload.uuid;
    const auto created2 = await<File>([&](auto done) { client()->createFile(project(), newFile, done); });
    QVERIFY2(created2.ok(), qPrintable(created2.error().toString()));
    QCOMPARE(created2.value().size, data.size());
    const auto bytes = download(created2.value().versions.last().url);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error().toString()));
    QVERIFY(bytes.value() == data);
}

void TestProcoreClient::dataUploadAndVersions()
{
    const auto folder = await<Folder>(
        [this](auto done) { client()->createFolder(project(), 0, QStringLiteral("Data"), done); });
    QVERIFY2(folder.ok(), qPrintable(folder.error().toString()));
    const QByteArray v1 = pattern(40000, 3);
    QBuffer buffer;
    buffer.setData(v1);
    buffer.open(QIODevice::ReadOnly);
    ProcoreClient::NewFile newFile;
    newFile.parentId = folder.value().id;
    newFile.name = QStringLiteral("data.bin");
    const auto created =
        await<File>([&](auto done) { client()->createFileWithData(project(), newFile, &buffer, done); });
    QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    QCOMPARE(created.value().size, v1.size());
    QCOMPARE(created.value().parentId, folder.value().id);

    // New version through PATCH with an upload uuid (the idempotent path).
    const QByteArray v2 = pattern(1234, 4);
    const auto upload = await<Upload>([&](auto done) {
        client()->createUpload(project(), QStringLiteral("data.bin"), {}, v2.size(), done);
    });
    QVERIFY(upload.ok());
    QBuffer buffer2;
    buffer2.setData(v2);
    buffer2.open(QIODevice::ReadOnly);
    StorageTransfer transfer(m_conn.context, client()->networkAccessManager());
    transfer.startFormUpload(upload.value(), &buffer2, QStringLiteral("data.bin"), {});
    QVERIFY(runTransfer(transfer).ok());
    ProcoreClient::FileChange change;
    change.uploadUuid = upload.value().uuid;
    change.name = QStringLiteral("data-v2.bin");
    const auto updated =
        await<File>([&](auto done) { client()->updateFile(project(), created.value().id, change, done); });
    QVERIFY2(updated.ok(), qPrintable(updated.error().toString()));
    QCOMPARE(updated.value().name, QStringLiteral("data-v2.bin"));
    QCOMPARE(updated.value().size, v2.size());
    QCOMPARE(updated.value().versions.size(), 2);

    // A third version through POST file_versions.
    const QByteArray v3 = pattern(999, 5);
    const auto upload3 = await<Upload>([&](auto done) {
        client()->createUpload(project(), QStringLiteral("data.bin"), {}, v3.size(), done);
    });
    QVERIFY(upload3.ok());
    QBuffer buffer3;
    buffer3.setData(v3);
    buffer3.open(QIODevice::ReadOnly);
    StorageTransfer transfer3(m_conn.context, client()->networkAccessManager());
    transfer3.startFormUpload(upload3.value(), &buffer3, QStringLiteral("data.bin"), {});
    QVERIFY(runTransfer(transfer3).ok());
    const auto version = await<FileVersion>([&](auto done) {
        client()->createFileVersion(project(), created.value().id, upload3.value().uuid,
                                    QStringLiteral("third"), done);
    });
    QVERIFY2(version.ok(), qPrintable(version.error().toString()));
    QCOMPARE(version.value().size, v3.size());
    const auto bytes = download(version.value().url);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error().toString()));
    QVERIFY(bytes.value() == v3);

    // Move to the root, then delete.
    const auto root = await<Folder>([this](auto done) { client()->rootFolder(project(), {}, done); });
    QVERIFY(root.ok());
    ProcoreClient::FileChange move;
    move.parentId = root.value().id;
    const auto moved =
        await<File>([&](auto done) { client()->updateFile(project(), created.value().id, move, done); });
    QVERIFY2(moved.ok(), qPrintable(moved.error().toString()));
    QCOMPARE(moved.value().parentId, root.value().id);
    const auto deleted =
        await<Done>([&](auto done) { client()->deleteFile(project(), created.value().id, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
}

void TestProcoreClient::documentsFilters()
{
    const auto folder = await<Folder>(
        [this](auto done) { client()->createFolder(project(), 0, QStringLiteral("Filtered"), done); });
    QVERIFY(folder.ok());
    const auto file = uploadForm(QStringLiteral("inside.txt"), folder.value().id, QByteArray("hello"));
    QVERIFY2(file.ok(), qPrintable(file.error().toString()));

    ProcoreClient::DocumentQuery query;
    query.folderId = folder.value().id;
    query.type = DocumentEntry::Type::File;
    const auto files =
        await<QList<DocumentEntry>>([&](auto done) { client()->documents(project(), query, done); });
    QVERIFY2(files.ok(), qPrintable(files.error().toString()));
    QCOMPARE(files.value().size(), 1);
    QCOMPARE(files.value().first().id, file.value().id);
    QCOMPARE(files.value().first().size, 5);

    ProcoreClient::DocumentQuery future;
    future.updatedFrom = QDateTime::currentDateTimeUtc().addDays(1);
    const auto none =
        await<QList<DocumentEntry>>([&](auto done) { client()->documents(project(), future, done); });
    QVERIFY2(none.ok(), qPrintable(none.error().toString()));
    QVERIFY(none.value().isEmpty());
}

void TestProcoreClient::plainHttpToRemoteRefused()
{
    auto context = std::make_shared<ConnectionContext>(
        QStringLiteral("Remote"), QUrl(QStringLiteral("http://example.com")), m_conn.companyId,
        m_conn.tokens.get(), m_conn.meter.get());
    ProcoreClient remote(context);
    const auto r = await<Me>([&](auto done) { remote.me(done); });
    QCOMPARE(r.error().kind(), Error::Kind::Config);

    Upload upload;
    upload.uuid = QStringLiteral("x");
    upload.url = QStringLiteral("http://203.0.113.5/upload");
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly);
    StorageTransfer transfer(m_conn.context, client()->networkAccessManager());
    transfer.startFormUpload(upload, &buffer, QStringLiteral("x"), {});
    QCOMPARE(runTransfer(transfer).error().kind(), Error::Kind::Config);
    // https to anywhere is fine as far as the policy goes (not contacted here).
    QVERIFY(!ConnectionContext(QStringLiteral("x"), QUrl(QStringLiteral("https://api.procore.com")), 0,
                               nullptr, nullptr)
                 .urlError());
}

void TestProcoreClient::noTokenToStorage()
{
    const QJsonObject storage = m_sandbox.stats().value(QStringLiteral("storage")).toObject();
    QVERIFY(storage.value(QStringLiteral("uploads")).toInt()
                    + storage.value(QStringLiteral("downloads")).toInt()
                > 0
            || storage.value(QStringLiteral("requests")).toInt() > 0);
    QCOMPARE(storage.value(QStringLiteral("requests_with_authorization")).toInt(-1), 0);
}

QTEST_GUILESS_MAIN(TestProcoreClient)
#include "tst_procoreclient.moc"
