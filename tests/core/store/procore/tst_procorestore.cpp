// ProcoreStore's API economy, measured with the sandbox's statistics (every /rest call counted,
// like Procore counts them): one call per folder listing, ceil(N/2000) for the whole project, one
// for "nothing changed", none for a path→id lookup after a listing, 2 per new file and per new
// version (no duplicate), 1 with the budget saver, 3 for a segmented upload; and an expired
// download URL refreshed once.
#include "procorebackend.h"
#include "storetesthelpers.h"

#include "core/api/authorizationcodeflow.h"
#include "core/store/procorestore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <utility>

using namespace trestle;
using namespace testing;
using K = Error::Kind;

#define QCOMPARE_KIND(error, expected)                                                                       \
    QCOMPARE(trestle::Error::kindName((error).kind()), trestle::Error::kindName(expected))

namespace {

const QString kFolderShow = QStringLiteral("GET /rest/v1.0/folders/{id}");
const QString kRootShow = QStringLiteral("GET /rest/v1.0/folders");
const QString kFileShow = QStringLiteral("GET /rest/v1.0/files/{id}");

Error runList(ListJob *job, QList<Entry> *entries)
{
    QObject::connect(job, &StoreJob::finished, job, [job, entries] { *entries = job->entries(); });
    return runJob(job); // owns and deletes the job
}

// Every node of a /_sandbox/state tree whose name is `name` (files and folders), deleted or not.
void collect(const QJsonObject &node, const QString &name, QList<QJsonObject> *out)
{
    if (node.value(QStringLiteral("name")).toString() == name)
        out->append(node);
    for (const QString &key : {QStringLiteral("folders"), QStringLiteral("files")}) {
        for (const QJsonValue &child : node.value(key).toArray())
            collect(child.toObject(), name, out);
    }
}

QList<QJsonObject> nodesNamed(const ProcoreBackend &backend, const QString &name)
{
    QList<QJsonObject> out;
    collect(backend.state().value(QStringLiteral("root")).toObject(), name, &out);
    return out;
}

// Lists every folder one call at a time, depth first; returns the number of entries seen.
int walk(Store *store, const StorePath &folder)
{
    QList<Entry> entries;
    if (runList(store->list(folder), &entries))
        return -1;
    int count = int(entries.size());
    for (const Entry &entry : std::as_const(entries)) {
        if (entry.isFolder()) {
            const int below = walk(store, entry.path);
            if (below < 0)
                return -1;
            count += below;
        }
    }
    return count;
}

} // namespace

class TestProcoreStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listingOneFolderIsOneCall();
    void lookupAfterListingIsFree();
    void wholeProjectByIndex();
    void changedSinceIsOneCall();
    void deletedSinceIsOneCall();
    void snapshotListingResyncIsTwoCalls();
    void newFileAndNewVersion();
    void unknownExistingFileGetsAVersion();
    void budgetSaver();
    void budgetSaverUploadOutlivesItsKilledJob();
    void segmentedRoundTrip();
    void sequentialSourceSpooled();
    void killDuringUploadLeavesNothing();
    void serverNameErrors();
    void expiredDownloadUrlRefreshedOnce();
    void noDocumentsPermission();
    void moveAndRemoveCostOneCall();
    void staleCacheAfterDeleteElsewhere();
};

void TestProcoreStore::listingOneFolderIsOneCall()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    QList<Entry> entries;
    QVERIFY(!runList(b.procore()->list(StorePath::root()), &entries));
    QCOMPARE(b.apiCalls(), 1);
    QCOMPARE(b.calls(kRootShow), 1);
    const auto folder =
        std::find_if(entries.cbegin(), entries.cend(), [](const Entry &e) { return e.isFolder(); });
    QVERIFY(folder != entries.cend());
    QVERIFY(!folder->backendId.isEmpty());
    QList<Entry> inner;
    QVERIFY(!runList(b.procore()->list(folder->path), &inner));
    QCOMPARE(b.apiCalls(), 2); // the folder's id came from the root listing: no lookup call
    QCOMPARE(b.calls(kFolderShow), 1);
    qInfo("root: %d entries, %s: %d entries, 2 calls", int(entries.size()), qPrintable(folder->name),
          int(inner.size()));
}

void TestProcoreStore::lookupAfterListingIsFree()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    QList<Entry> entries;
    QVERIFY(!runList(b.procore()->list(StorePath::root()), &entries));
    QVERIFY(!entries.isEmpty());
    QVERIFY(b.sandbox().resetStats());
    for (const Entry &e : std::as_const(entries)) {
        Entry stat;
        QVERIFY(!statPath(b.store(), e.path.toString(), &stat));
        QCOMPARE(stat.backendId, e.backendId);
        QCOMPARE(stat.size, e.size);
    }
    Entry missing;
    QCOMPARE_KIND(statPath(b.store(), QStringLiteral("no such file.pdf"), &missing), K::NotFound);
    QCOMPARE(b.apiCalls(), 0);
}

void TestProcoreStore::wholeProjectByIndex()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("large")}, &error), qPrintable(error));
    QList<Entry> all;
    QVERIFY(!runList(b.procore()->indexProject(), &all));
    const int indexCalls = b.apiCalls();
    const int n = int(all.size());
    const QJsonObject counts = b.state().value(QStringLiteral("counts")).toObject();
    const int folders = counts.value(QStringLiteral("folders")).toInt(); // without the root
    QCOMPARE(n, folders + counts.value(QStringLiteral("files")).toInt());
    QCOMPARE(indexCalls, int(std::ceil(n / 2000.0)));

    // After the index every path→id lookup is free, however deep.
    QVERIFY(b.sandbox().resetStats());
    const auto deepest = std::max_element(all.cbegin(), all.cend(), [](const Entry &x, const Entry &y) {
        return x.path.depth() < y.path.depth();
    });
    Entry entry;
    QVERIFY(!statPath(b.store(), deepest->path.toString(), &entry));
    QCOMPARE(entry.backendId, deepest->backendId);
    QCOMPARE(b.apiCalls(), 0);

    // The same project one call per folder, with an empty cache.
    const auto walker = b.freshStore();
    QVERIFY(b.sandbox().resetStats());
    QCOMPARE(walk(walker.get(), StorePath::root()), n);
    const int perFolderCalls = b.apiCalls();
    QCOMPARE(perFolderCalls, folders + 1);
    qInfo("whole project, %d items: documents index %d calls, one per folder %d calls", n, indexCalls,
          perFolderCalls);
}

void TestProcoreStore::changedSinceIsOneCall()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    QList<Entry> all;
    QVERIFY(!runList(b.procore()->indexProject(), &all));
    QTest::qWait(1100); // timestamps have millisecond resolution; keep "since" clearly after them
    const QDateTime since = QDateTime::currentDateTimeUtc();
    QVERIFY(b.sandbox().resetStats());
    QList<Entry> changed;
    QVERIFY(!runList(b.procore()->changedSince(since), &changed));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(b.apiCalls(), 1);

    const auto folder = std::find_if(all.cbegin(), all.cend(), [](const Entry &e) { return e.isFolder(); });
    QVERIFY(folder != all.cend());
    const QString path = folder->path.toString() + QStringLiteral("/changed.txt");
    QVERIFY(!writeBytes(b.store(), path, "changed"));
    QVERIFY(b.sandbox().resetStats());
    QVERIFY(!runList(b.procore()->changedSince(since), &changed));
    QCOMPARE(b.apiCalls(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().path.toString(), path);
    QCOMPARE(changed.first().size, 7);
}

void TestProcoreStore::deletedSinceIsOneCall()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    QList<Entry> all;
    QVERIFY(!runList(b.procore()->indexProject(), &all));
    QTest::qWait(1100); // keep "since" clearly after the seed's and the index's times
    const QDateTime since = QDateTime::currentDateTimeUtc();
    QVERIFY(b.sandbox().resetStats());
    QList<Entry> deleted;
    QVERIFY(!runList(b.procore()->deletedSince(since), &deleted));
    QCOMPARE(deleted.size(), 0);
    QCOMPARE(b.apiCalls(), 1);

    // Deleted elsewhere (another store, its own cache): a file, and a folder with what is in it.
    const auto file = std::find_if(all.cbegin(), all.cend(), [](const Entry &e) { return e.isFile(); });
    QVERIFY(file != all.cend());
    const auto folder = std::find_if(all.cbegin(), all.cend(), [&file](const Entry &e) {
        return e.isFolder() && !e.path.isAncestorOf(file->path);
    });
    QVERIFY(folder != all.cend());
    const int inFolder = int(std::count_if(
        all.cbegin(), all.cend(), [&folder](const Entry &e) { return folder->path.isAncestorOf(e.path); }));
    const std::unique_ptr<ProcoreStore> elsewhere = b.freshStore();
    QVERIFY(!runJob(elsewhere->remove(file->path)));
    QVERIFY(!runJob(elsewhere->remove(folder->path, Store::RemoveMode::Recursive)));

    QVERIFY(b.sandbox().resetStats());
    QList<Entry> changed;
    QVERIFY(!runList(b.procore()->changedSince(since), &changed));
    QVERIFY(!runList(b.procore()->deletedSince(since), &deleted));
    QCOMPARE(b.apiCalls(), 2); // what changed and what was deleted: 2 calls
    QStringList paths;
    for (const Entry &e : std::as_const(deleted))
        paths << e.path.toString();
    QVERIFY2(paths.contains(file->path.toString()), qPrintable(paths.join(QLatin1Char(','))));
    QVERIFY2(paths.contains(folder->path.toString()), qPrintable(paths.join(QLatin1Char(','))));
    QVERIFY(deleted.size() >= 2);
    QVERIFY(deleted.size() <= 2 + inFolder); // the folder's contents may be listed with it
    // The cache forgot them: a stat now asks the server (the parent's listing) and finds nothing.
    Entry entry;
    QCOMPARE_KIND(statPath(b.store(), file->path.toString(), &entry), K::NotFound);
}

void TestProcoreStore::snapshotListingResyncIsTwoCalls()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    const auto snapshotStore = [&b](std::shared_ptr<ProcorePathCache> cache) {
        auto store = std::make_unique<ProcoreStore>(b.connection().client.get(), b.projectId(),
                                                    QStringLiteral("Sandbox project"), std::move(cache));
        store->setListingSource(ProcoreStore::ListingSource::ProjectSnapshot);
        return store;
    };
    // One cache for the connection's lifetime; a store per planning pass.
    const std::shared_ptr<ProcorePathCache> cache = std::make_shared<ProcorePathCache>();
    const int perFolder = walk(b.store(), StorePath::root()); // the reference: one call per folder
    const int perFolderCalls = b.apiCalls();
    QVERIFY(perFolder > 0);
    QVERIFY(b.sandbox().resetStats());
    QCOMPARE(walk(snapshotStore(cache).get(), StorePath::root()), perFolder);
    QCOMPARE(b.apiCalls(), 1); // the documents index: one page
    qInfo("walk of the minimal project: %d calls one folder at a time, 1 from the index", perFolderCalls);

    QTest::qWait(1100);
    QVERIFY(b.sandbox().resetStats());
    QCOMPARE(walk(snapshotStore(cache).get(), StorePath::root()), perFolder);
    QCOMPARE(b.apiCalls(), 2); // nothing changed: changedSince + deletedSince

    // Changed elsewhere: a new file and a deleted one are seen by the next pass, still 2 calls.
    QList<Entry> top;
    QVERIFY(!runList(b.store()->list(StorePath::root()), &top));
    const auto folder = std::find_if(top.cbegin(), top.cend(), [](const Entry &e) { return e.isFolder(); });
    QVERIFY(folder != top.cend());
    const std::unique_ptr<ProcoreStore> elsewhere = b.freshStore();
    const QString added = folder->path.toString() + QStringLiteral("/added.txt");
    QVERIFY(!writeBytes(elsewhere.get(), added, "new"));
    const auto file = std::find_if(top.cbegin(), top.cend(), [](const Entry &e) { return e.isFile(); });
    QVERIFY(file != top.cend());
    QVERIFY(!runJob(elsewhere->remove(file->path)));
    QVERIFY(b.sandbox().resetStats());
    const std::unique_ptr<ProcoreStore> third = snapshotStore(cache);
    QCOMPARE(walk(third.get(), StorePath::root()), perFolder); // one more, one less
    QCOMPARE(b.apiCalls(), 2);
    QStringList names = listNames(third.get(), folder->path.toString());
    QVERIFY(names.contains(QStringLiteral("added.txt")));
    names = listNames(third.get(), QString());
    QVERIFY(!names.contains(file->name));
    QCOMPARE(b.apiCalls(), 2);
}

void TestProcoreStore::newFileAndNewVersion()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("report.pdf"), "version one"));
    QCOMPARE(b.apiCalls(), 2);
    QCOMPARE(b.calls(QStringLiteral("POST /rest/v1.1/projects/{id}/uploads")), 1);
    QCOMPARE(b.calls(QStringLiteral("POST /rest/v1.0/files")), 1);

    QVERIFY(b.sandbox().resetStats());
    QVERIFY(!writeBytes(b.store(), QStringLiteral("report.pdf"), "version two, longer"));
    QCOMPARE(b.apiCalls(), 2);
    QCOMPARE(b.calls(QStringLiteral("PATCH /rest/v1.0/files/{id}")), 1);

    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("report.pdf"));
    QCOMPARE(files.size(), 1); // no duplicate
    QCOMPARE(files.first().value(QStringLiteral("versions")).toArray().size(), 2);
    QByteArray bytes;
    QVERIFY(!readBytes(b.store(), QStringLiteral("report.pdf"), &bytes));
    QCOMPARE(bytes, QByteArray("version two, longer"));
    Entry entry;
    QVERIFY(!statPath(b.store(), QStringLiteral("report.pdf"), &entry));
    QCOMPARE(entry.versionCount, 2);
    QCOMPARE_KIND(
        writeBytes(b.store(), QStringLiteral("report.pdf"), "x", {}, Store::WriteMode::FailIfExists),
        K::Conflict);
}

void TestProcoreStore::unknownExistingFileGetsAVersion()
{
    // A store that has not listed the folder learns from "name taken" and versions the file.
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("plan.dwg"), "one"));
    const auto other = b.freshStore();
    QVERIFY(!writeBytes(other.get(), QStringLiteral("plan.dwg"), "two"));
    QCOMPARE_KIND(writeBytes(b.freshStore().get(), QStringLiteral("plan.dwg"), "three", {},
                             Store::WriteMode::FailIfExists),
                  K::Conflict);
    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("plan.dwg"));
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().value(QStringLiteral("versions")).toArray().size(), 2);
}

void TestProcoreStore::budgetSaver()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    b.procore()->setBudgetSaver(true);
    const QByteArray data = pseudoRandom(300 * 1024, 5);
    QVERIFY(!writeBytes(b.store(), QStringLiteral("cheap.bin"), data));
    QCOMPARE(b.apiCalls(), 1);
    QByteArray bytes;
    QVERIFY(!readBytes(b.store(), QStringLiteral("cheap.bin"), &bytes));
    QVERIFY(bytes == data);
    QCOMPARE(b.apiCalls(), 1); // the download hop is not counted by default
}

// A source that calls `halfway` (once) when the upload has read past half of it.
class HalfwayBuffer final : public QBuffer
{
public:
    std::function<void()> halfway;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QBuffer::readData(data, maxSize);
        if (halfway && pos() + n > size() / 2)
            std::exchange(halfway, nullptr)();
        return n;
    }
};

void TestProcoreStore::budgetSaverUploadOutlivesItsKilledJob()
{
    // The budget saver sends the bytes inside the create call, which a kill cannot stop: the job
    // is killed and deleted while Qt still reads the body. The window it sends from must outlive
    // the job (it was the job's child: a use-after-free, reported by AddressSanitizer), and the
    // call then ends on its own, leaving at most one complete file — never a cut one.
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    b.procore()->setBudgetSaver(true);
    const QByteArray data = pseudoRandom(6 * 1024 * 1024, 8);
    HalfwayBuffer source;
    source.setData(data);
    QVERIFY(source.open(QIODevice::ReadOnly));
    StoreJob *job = b.store()->writeFrom(sp(QStringLiteral("killed.bin")), &source, data.size(), {});
    job->setAutoDelete(false);
    std::unique_ptr<StoreJob> owner(job);
    bool killed = false;
    source.halfway = [&] {
        QMetaObject::invokeMethod(
            this,
            [&] {
                killed = owner->kill();
                owner.reset();
            },
            Qt::QueuedConnection);
    };
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(!owner, 30000);
    QVERIFY(killed);
    // The call goes on without its job: wait until the sandbox answered it.
    QTRY_VERIFY_WITH_TIMEOUT(b.calls(QStringLiteral("POST /rest/v1.0/files")) == 1, 30000);
    QTest::qWait(300);
    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("killed.bin"));
    QVERIFY(files.size() <= 1);
    if (!files.isEmpty()) {
        const QJsonObject version =
            files.first().value(QStringLiteral("versions")).toArray().first().toObject();
        QCOMPARE(version.value(QStringLiteral("size")).toInteger(), qint64(data.size()));
    }
}

void TestProcoreStore::segmentedRoundTrip()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    b.procore()->setFormUploadLimit(8 * 1024 * 1024);
    b.procore()->setSegmentSize(ProcoreStore::MinSegmentSize);
    QTemporaryDir dir;
    QFile source(dir.filePath(QStringLiteral("twelve.bin")));
    QVERIFY(source.open(QIODevice::WriteOnly));
    const QByteArray data = pseudoRandom(12 * 1024 * 1024 + 123, 12);
    QCOMPARE(source.write(data), data.size());
    source.close();
    QVERIFY(source.open(QIODevice::ReadOnly));
    StoreJob *job = b.store()->writeFrom(sp(QStringLiteral("twelve.bin")), &source, data.size(), {});
    QSignalSpy progress(job, &StoreJob::progress);
    QVERIFY(!runJob(job));
    QVERIFY(progress.count() >= 2);
    QCOMPARE(b.apiCalls(), 3); // create upload, complete upload, create file
    QCOMPARE(b.callsStartingWith(QStringLiteral("PATCH /rest/v1.1/projects/{id}/uploads/")), 1);
    const QByteArray sha = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("twelve.bin"));
    QCOMPARE(files.size(), 1);
    const QJsonObject version = files.first().value(QStringLiteral("versions")).toArray().first().toObject();
    QCOMPARE(version.value(QStringLiteral("size")).toInteger(), qint64(data.size()));
    QCOMPARE(version.value(QStringLiteral("sha256")).toString().toLatin1(), sha.toHex());
    HashSink sink;
    QVERIFY(!runJob(b.store()->readInto(sp(QStringLiteral("twelve.bin")), &sink)));
    QCOMPARE(sink.received(), qint64(data.size()));
    QCOMPARE(sink.result(), sha);
}

void TestProcoreStore::sequentialSourceSpooled()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    TrickleSource source; // sequential: spooled to a temporary file first
    const qint64 size = 3 * 1024 * 1024;
    source.feed(size);
    QVERIFY(!runJob(b.store()->writeFrom(sp(QStringLiteral("piped.txt")), &source, size, {})));
    QCOMPARE(b.apiCalls(), 2);
    HashSink sink;
    QVERIFY(!runJob(b.store()->readInto(sp(QStringLiteral("piped.txt")), &sink)));
    QCOMPARE(sink.result(), QCryptographicHash::hash(QByteArray(size, 'x'), QCryptographicHash::Sha256));
}

void TestProcoreStore::killDuringUploadLeavesNothing()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("keep.bin"), "previous version"));
    b.procore()->setFormUploadLimit(0); // segmented even for a small file
    // Every answer waits 1.5 s, so the job is surely still waiting for its create-upload answer
    // when the test sees that call counted.
    QVERIFY(b.sandbox().configure(QJsonObject{{QStringLiteral("latency_ms"), 1500}}));
    QVERIFY(b.sandbox().resetStats());
    QBuffer source;
    source.setData(pseudoRandom(1024 * 1024, 3));
    source.open(QIODevice::ReadOnly);
    StoreJob *job = b.store()->writeFrom(sp(QStringLiteral("keep.bin")), &source, source.size(), {});
    job->setAutoDelete(false);
    std::unique_ptr<StoreJob> owner(job);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(b.calls(QStringLiteral("POST /rest/v1.1/projects/{id}/uploads")) == 1, 30000);
    QVERIFY(job->kill());
    QCOMPARE_KIND(job->error(), K::Cancelled);
    QTest::qWait(2000); // the answer arrives and must change nothing
    QVERIFY(b.sandbox().configure(QJsonObject{{QStringLiteral("latency_ms"), 0}}));
    QCOMPARE(b.apiCalls(), 1);
    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("keep.bin"));
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().value(QStringLiteral("versions")).toArray().size(), 1);
    QByteArray bytes;
    QVERIFY(!readBytes(b.store(), QStringLiteral("keep.bin"), &bytes));
    QCOMPARE(bytes, QByteArray("previous version"));
}

void TestProcoreStore::serverNameErrors()
{
    // Names the local rules let through but the server refuses: its reason reaches the user.
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!createFolder(b.store(), QStringLiteral("Docs")));
    // Case-insensitive clash with a known sibling: refused before any call.
    QVERIFY(b.sandbox().resetStats());
    QCOMPARE_KIND(createFolder(b.store(), QStringLiteral("DOCS")), K::Conflict);
    QCOMPARE(b.apiCalls(), 0);
    // A store that does not know the folder: the server's 422 "taken" becomes Conflict.
    const auto other = b.freshStore();
    QCOMPARE_KIND(writeBytes(other.get(), QStringLiteral("docs"), "x", {}, Store::WriteMode::FailIfExists),
                  K::Conflict);
    QCOMPARE_KIND(createFolder(b.freshStore().get(), QStringLiteral("docs")), K::Conflict);
}

void TestProcoreStore::expiredDownloadUrlRefreshedOnce()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    const QByteArray data = pseudoRandom(200 * 1024, 9);
    QVERIFY(!writeBytes(b.store(), QStringLiteral("late.bin"), data));
    // Signed storage URLs live 900 s / 900 = 1 s (rounded to whole seconds), and every answer
    // waits 2.5 s: the URL of the download hop has always expired when storage sees it.
    QVERIFY(b.sandbox().configure(
        QJsonObject{{QStringLiteral("time_scale"), 900}, {QStringLiteral("latency_ms"), 2500}}));
    QVERIFY(b.sandbox().resetStats());
    QByteArray bytes;
    QCOMPARE_KIND(readBytes(b.store(), QStringLiteral("late.bin"), &bytes), K::Permission);
    QCOMPARE(b.calls(kFileShow), 1); // refreshed once, then it gives up: no loop
    QCOMPARE(b.apiCalls(), 1);

    // Now the refresh brings a URL that works: the settings change while the refresh call is
    // answered (its reply waits 2.5 s after it was counted).
    QVERIFY(b.sandbox().resetStats());
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    StoreJob *job = b.store()->readInto(sp(QStringLiteral("late.bin")), &sink);
    job->setAutoDelete(false);
    std::unique_ptr<StoreJob> owner(job);
    QSignalSpy finished(job, &StoreJob::finished);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(b.calls(kFileShow) == 1 || finished.count() == 1, 30000);
    QVERIFY(b.sandbox().configure(
        QJsonObject{{QStringLiteral("time_scale"), 1}, {QStringLiteral("latency_ms"), 0}}));
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QVERIFY2(!job->error(), qPrintable(job->error().toString()));
    QVERIFY(sink.data() == data);
    QCOMPARE(b.calls(kFileShow), 1);
    QCOMPARE(b.apiCalls(), 1);
}

void TestProcoreStore::noDocumentsPermission()
{
    // The sandbox's viewer has no Documents permission: 403 → Permission, for reads and writes.
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    QNetworkAccessManager nam;
    AuthorizationCodeFlow flow(&nam, apitest::sandboxClient(b.sandbox().baseUrl()));
    const QUrl redirect =
        apitest::scriptedLogin(b.sandbox(), flow.authorizeUrl(), QStringLiteral("viewer@trestle.test"),
                               QStringLiteral("trestle-viewer"));
    QVERIFY(flow.matchesRedirect(redirect));
    std::optional<Result<TokenSet>> tokens;
    connect(&flow, &AuthorizationCodeFlow::finished, this,
            [&tokens](const Result<TokenSet> &r) { tokens.emplace(r); });
    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(tokens.has_value(), 30000);
    QVERIFY(tokens->ok());
    TokenManager manager(QStringLiteral("viewer"), apitest::sandboxClient(b.sandbox().baseUrl()),
                         tokens->value(), nullptr);
    auto context =
        std::make_shared<ConnectionContext>(QStringLiteral("Viewer"), b.sandbox().baseUrl(),
                                            b.connection().companyId, &manager, b.connection().meter.get());
    ProcoreClient client(context);
    ProcoreStore store(&client, b.projectId(), QStringLiteral("Sandbox project"));
    QList<Entry> entries;
    QCOMPARE_KIND(listFolder(&store, QString(), &entries), K::Permission);
    QCOMPARE_KIND(writeBytes(&store, QStringLiteral("nope.txt"), "x"), K::Permission);
    QCOMPARE_KIND(createFolder(&store, QStringLiteral("nope")), K::Permission);
}

void TestProcoreStore::moveAndRemoveCostOneCall()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!createFolder(b.store(), QStringLiteral("a")));
    QVERIFY(!createFolder(b.store(), QStringLiteral("a/b")));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("a/b/x.txt"), "x"));
    QVERIFY(b.sandbox().resetStats());
    QVERIFY(!runJob(b.store()->move(sp(QStringLiteral("a/b/x.txt")), sp(QStringLiteral("y.txt")))));
    QVERIFY(!runJob(b.store()->move(sp(QStringLiteral("a/b")), sp(QStringLiteral("c")))));
    QCOMPARE(b.apiCalls(), 2); // one PATCH each: the ids and the root's id are known
    QVERIFY(!runJob(b.store()->remove(sp(QStringLiteral("c")))));
    QCOMPARE(b.apiCalls(), 3); // "c" is known to be empty: no listing before the DELETE
    QVERIFY(!runJob(b.store()->remove(sp(QStringLiteral("y.txt")))));
    QCOMPARE(b.apiCalls(), 4);
    QCOMPARE(listNames(b.store(), QString()), QStringList{QStringLiteral("a")});
    const QList<QJsonObject> gone = nodesNamed(b, QStringLiteral("y.txt"));
    QCOMPARE(gone.size(), 1);
    QVERIFY(gone.first().value(QStringLiteral("is_deleted")).toBool()); // in the recycle bin
}

void TestProcoreStore::staleCacheAfterDeleteElsewhere()
{
    // Another client deletes what this store has cached: the store notices and does not fail.
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    QVERIFY(!createFolder(b.store(), QStringLiteral("dir")));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("dir/f.txt"), "one"));
    const auto other = b.freshStore();
    QVERIFY(!runJob(other->remove(sp(QStringLiteral("dir/f.txt")))));
    QVERIFY(!writeBytes(b.store(), QStringLiteral("dir/f.txt"), "two")); // cached id is gone: created anew
    QByteArray bytes;
    QVERIFY(!readBytes(b.store(), QStringLiteral("dir/f.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("two"));
    const QList<QJsonObject> files = nodesNamed(b, QStringLiteral("f.txt"));
    QCOMPARE(files.size(), 2); // the deleted one (one version) and the new one
    for (const QJsonObject &file : files)
        QCOMPARE(file.value(QStringLiteral("versions")).toArray().size(), 1);
    QVERIFY(!runJob(other->remove(sp(QStringLiteral("dir")), Store::RemoveMode::Recursive)));
    QList<Entry> entries;
    QCOMPARE_KIND(listFolder(b.store(), QStringLiteral("dir"), &entries), K::NotFound);
}

QTEST_GUILESS_MAIN(TestProcoreStore)
#include "tst_procorestore.moc"
