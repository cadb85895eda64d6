// ProcoreStores of one project sharing one path cache (the engine's workers): what one store
// listed or created is known to the others without a call, two stores that would list the same
// folder at the same time make one call, two that would create the same folder make one create,
// and stores on four threads writing at once spend exactly the floor (2 calls per new file).
#include "procorebackend.h"
#include "storetesthelpers.h"

#include "core/api/procoreclient.h"
#include "core/store/procorestore.h"

#include <QAtomicInt>
#include <QBuffer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace trestle;
using namespace testing;
using K = Error::Kind;

namespace {

const QString kFolderCreate = QStringLiteral("POST /rest/v1.0/folders");
const QString kRootShow = QStringLiteral("GET /rest/v1.0/folders");
const QString kFolderShow = QStringLiteral("GET /rest/v1.0/folders/{id}");

std::unique_ptr<ProcoreStore> sharingStore(ProcoreBackend &b, std::shared_ptr<ProcorePathCache> cache)
{
    return std::make_unique<ProcoreStore>(b.connection().client.get(), b.projectId(),
                                          QStringLiteral("Sandbox project"), std::move(cache));
}

// Starts both jobs before either can finish; returns their errors (the jobs delete themselves).
QPair<Error, Error> runTogether(StoreJob *first, StoreJob *second)
{
    QPair<Error, Error> errors;
    int done = 0;
    QObject::connect(first, &StoreJob::finished, first, [&](StoreJob *job) {
        errors.first = job->error();
        ++done;
    });
    QObject::connect(second, &StoreJob::finished, second, [&](StoreJob *job) {
        errors.second = job->error();
        ++done;
    });
    first->start();
    second->start();
    if (!QTest::qWaitFor([&] { return done == 2; }, 30000))
        errors.first = Error(K::Timeout, QStringLiteral("the jobs did not finish"));
    return errors;
}

int countNamed(const QJsonObject &node, const QString &name)
{
    int count = node.value(QStringLiteral("name")).toString() == name
            && !node.value(QStringLiteral("is_deleted")).toBool()
        ? 1
        : 0;
    for (const QString &key : {QStringLiteral("folders"), QStringLiteral("files")}) {
        for (const QJsonValue &child : node.value(key).toArray())
            count += countNamed(child.toObject(), name);
    }
    return count;
}

// One engine worker: its own thread, client and store on the shared cache; writes its files one
// after the other.
class Worker final : public QObject
{
public:
    Worker(std::shared_ptr<ConnectionContext> context, qint64 projectId,
           std::shared_ptr<ProcorePathCache> cache, QStringList paths, QAtomicInt *done, QAtomicInt *failed)
        : m_context(std::move(context))
        , m_projectId(projectId)
        , m_cache(std::move(cache))
        , m_paths(std::move(paths))
        , m_done(done)
        , m_failed(failed)
    { }

    void begin()
    {
        m_client = new ProcoreClient(m_context, this);
        m_store = new ProcoreStore(m_client, m_projectId, QStringLiteral("Sandbox project"), m_cache, this);
        next();
    }

private:
    void next()
    {
        if (m_paths.isEmpty())
            return;
        const StorePath path = sp(m_paths.takeFirst());
        auto *buffer = new QBuffer(this);
        buffer->setData(path.toString().toUtf8().repeated(50));
        buffer->open(QIODevice::ReadOnly);
        StoreJob *job = m_store->writeFrom(path, buffer, buffer->size(), {}, Store::WriteMode::FailIfExists);
        connect(job, &StoreJob::finished, this, [this, job, buffer](StoreJob *) {
            if (job->error())
                m_failed->fetchAndAddOrdered(1);
            m_done->fetchAndAddOrdered(1);
            buffer->deleteLater();
            next();
        });
        job->start();
    }

    const std::shared_ptr<ConnectionContext> m_context;
    const qint64 m_projectId;
    const std::shared_ptr<ProcorePathCache> m_cache;
    QStringList m_paths;
    QAtomicInt *m_done;
    QAtomicInt *m_failed;
    ProcoreClient *m_client = nullptr;
    ProcoreStore *m_store = nullptr;
};

} // namespace

class TestProcoreSharedCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneStoresFolderIsKnownToTheOther();
    void listingSharedInFlight();
    void sameFolderCreatedOnce();
    void listingKeepsWhatAnotherStorePutMeanwhile();
    void olderListingNeverReplacesANewerOne();
    void fourThreadsSpendTheFloor();
};

void TestProcoreSharedCache::oneStoresFolderIsKnownToTheOther()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    const std::unique_ptr<ProcoreStore> first = sharingStore(b, nullptr);
    const std::unique_ptr<ProcoreStore> second = sharingStore(b, first->sharedCache());
    QCOMPARE(second->sharedCache(), first->sharedCache());
    QVERIFY(!createFolder(first.get(), QStringLiteral("Drawings")));
    QCOMPARE(b.apiCalls(), 2); // list the root once, create

    QVERIFY(b.sandbox().resetStats());
    Entry entry;
    QVERIFY(!statPath(second.get(), QStringLiteral("Drawings"), &entry));
    QVERIFY(entry.isFolder());
    QVERIFY(!writeBytes(second.get(), QStringLiteral("Drawings/A-101.pdf"), "sheet"));
    QCOMPARE(b.apiCalls(), 2); // the write only: no listing of the root or of Drawings
    // And back: the first store knows the second's file.
    QVERIFY(!statPath(first.get(), QStringLiteral("Drawings/A-101.pdf"), &entry));
    QCOMPARE(entry.size, qint64(5));
    QCOMPARE(b.apiCalls(), 2);

    // A store of its own lists again: the sharing is what saved the calls.
    const std::unique_ptr<ProcoreStore> alone = b.freshStore();
    QVERIFY(!statPath(alone.get(), QStringLiteral("Drawings/A-101.pdf"), &entry));
    QCOMPARE(b.apiCalls(), 4);
}

void TestProcoreSharedCache::listingSharedInFlight()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error), qPrintable(error));
    // Find a folder of the seed and a file in it with a store that is then thrown away.
    QList<Entry> top;
    QVERIFY(!listFolder(b.store(), QString(), &top));
    QString folder;
    for (const Entry &e : std::as_const(top)) {
        if (e.isFolder()) {
            folder = e.path.toString();
            break;
        }
    }
    QVERIFY(!folder.isEmpty());

    QVERIFY(b.sandbox().resetStats());
    const std::unique_ptr<ProcoreStore> first = sharingStore(b, nullptr);
    const std::unique_ptr<ProcoreStore> second = sharingStore(b, first->sharedCache());
    // Both need the root and `folder` listed; stat of a missing name is answered from the listing.
    const QPair<Error, Error> errors =
        runTogether(first->stat(sp(folder + QStringLiteral("/no such a.pdf"))),
                    second->stat(sp(folder + QStringLiteral("/no such b.pdf"))));
    QCOMPARE(Error::kindName(errors.first.kind()), Error::kindName(K::NotFound));
    QCOMPARE(Error::kindName(errors.second.kind()), Error::kindName(K::NotFound));
    QCOMPARE(b.calls(kRootShow), 1);
    QCOMPARE(b.calls(kFolderShow), 1);
    QCOMPARE(b.apiCalls(), 2); // four without the shared flights
    QCOMPARE(first->cache().flightsInProgress(), 0);
}

void TestProcoreSharedCache::sameFolderCreatedOnce()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    const std::unique_ptr<ProcoreStore> first = sharingStore(b, nullptr);
    const std::unique_ptr<ProcoreStore> second = sharingStore(b, first->sharedCache());
    const QPair<Error, Error> errors = runTogether(first->makeFolder(sp(QStringLiteral("Specs"))),
                                                   second->makeFolder(sp(QStringLiteral("Specs"))));
    // One of them made it; the other waited for that call and then found it there.
    QVERIFY2(!errors.first, qPrintable(errors.first.toString()));
    QCOMPARE(Error::kindName(errors.second.kind()), Error::kindName(K::Conflict));
    QCOMPARE(b.calls(kFolderCreate), 1);
    QCOMPARE(b.calls(kRootShow), 1);
    QCOMPARE(countNamed(b.state().value(QStringLiteral("root")).toObject(), QStringLiteral("Specs")), 1);

    // Different folders at once: both created, still one listing of the root between them.
    QVERIFY(b.sandbox().resetStats());
    const QPair<Error, Error> both = runTogether(first->makeFolder(sp(QStringLiteral("Specs/A"))),
                                                 second->makeFolder(sp(QStringLiteral("Specs/B"))));
    QVERIFY(!both.first);
    QVERIFY(!both.second);
    QCOMPARE(b.apiCalls(), 2); // Specs is known empty since its creation: no listing
}

void TestProcoreSharedCache::listingKeepsWhatAnotherStorePutMeanwhile()
{
    // A listing answered without an item that another store created after the listing was asked
    // for must not make the cache forget that item (a worker's verify would then miss its file).
    ProcorePathCache cache;
    ProcoreNode folder;
    folder.id = 7;
    folder.entry.kind = Entry::Kind::Folder;
    folder.entry.path = sp(QStringLiteral("Drawings"));
    folder.entry.name = QStringLiteral("Drawings");
    cache.setChildren(StorePath::root(), {folder});
    const quint64 asked = cache.stamp();
    ProcoreNode file;
    file.id = 8;
    file.entry.kind = Entry::Kind::File;
    file.entry.path = sp(QStringLiteral("new.pdf"));
    file.entry.name = QStringLiteral("new.pdf");
    cache.put(file); // after the listing was asked for
    cache.setChildren(StorePath::root(), {folder}, asked);
    QVERIFY(cache.node(file.entry.path).has_value());
    QCOMPARE(cache.children(StorePath::root()).size(), 2);
    // Without a stamp (an older put) the listing wins, as before.
    cache.setChildren(StorePath::root(), {folder});
    QVERIFY(!cache.node(file.entry.path).has_value());
    QCOMPARE(cache.children(StorePath::root()).size(), 1);
}

void TestProcoreSharedCache::olderListingNeverReplacesANewerOne()
{
    // Two listings of one folder asked one after the other may answer (or be built on the pool)
    // in either order: the one asked for last wins, whichever arrives last.
    ProcorePathCache cache;
    const StorePath folder = sp(QStringLiteral("Drawings"));
    const auto file = [&folder](const QString &name, qint64 id) {
        ProcoreNode node;
        node.id = id;
        node.entry.kind = Entry::Kind::File;
        node.entry.name = name;
        node.entry.path = folder.child(name).value();
        return node;
    };
    const auto namesIn = [&cache, &folder] {
        QStringList names;
        for (const ProcoreNode &node : cache.children(folder))
            names.append(node.entry.name);
        return names;
    };
    const quint64 older = cache.listingStamp();
    const quint64 newer = cache.listingStamp();
    QVERIFY(newer > older);
    QVERIFY(cache.setChildren(folder, {file(QStringLiteral("a.pdf"), 1), file(QStringLiteral("b.pdf"), 2)},
                              newer));
    QVERIFY(!cache.setChildren(folder, {file(QStringLiteral("a.pdf"), 1)}, older));
    QCOMPARE(namesIn(), (QStringList{QStringLiteral("a.pdf"), QStringLiteral("b.pdf")}));
    QVERIFY(cache.node(folder.child(QStringLiteral("b.pdf")).value()));

    // In order, each listing replaces the one before.
    const quint64 third = cache.listingStamp();
    QVERIFY(cache.setChildren(folder, {file(QStringLiteral("c.pdf"), 3)}, third));
    QCOMPARE(namesIn(), QStringList{QStringLiteral("c.pdf")});

    // A listing asked for before the folder was forgotten (deleted) does not bring it back, nor
    // one asked for before a folder of that name was made anew.
    const quint64 beforeDelete = cache.listingStamp();
    cache.forget(folder);
    QVERIFY(!cache.setChildren(folder, {file(QStringLiteral("c.pdf"), 3)}, beforeDelete));
    QVERIFY(!cache.childrenKnown(folder));
    QVERIFY(!cache.node(folder.child(QStringLiteral("c.pdf")).value()));
    const quint64 beforeMake = cache.listingStamp();
    cache.setEmpty(folder);
    QVERIFY(!cache.setChildren(folder, {file(QStringLiteral("c.pdf"), 3)}, beforeMake));
    QVERIFY(cache.childrenKnown(folder));
    QVERIFY(namesIn().isEmpty());

    // A listing without a stamp (the documents index) counts as asked for now.
    const quint64 beforeIndex = cache.listingStamp();
    QVERIFY(cache.setChildren(folder, {file(QStringLiteral("d.pdf"), 4)}));
    QVERIFY(!cache.setChildren(folder, {file(QStringLiteral("e.pdf"), 5)}, beforeIndex));
    QCOMPARE(namesIn(), QStringList{QStringLiteral("d.pdf")});
}

void TestProcoreSharedCache::fourThreadsSpendTheFloor()
{
    ProcoreBackend b;
    QString error;
    QVERIFY2(b.open({QStringLiteral("--seed"), QStringLiteral("empty")}, &error), qPrintable(error));
    const std::unique_ptr<ProcoreStore> planner = sharingStore(b, nullptr);
    QVERIFY(!createFolder(planner.get(), QStringLiteral("Out")));
    QVERIFY(!createFolder(planner.get(), QStringLiteral("Out/Level 1")));
    QVERIFY(b.sandbox().resetStats());

    constexpr int kThreads = 4;
    constexpr int kFilesEach = 4;
    QAtomicInt done;
    QAtomicInt failed;
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<Worker *> workers;
    for (int t = 0; t < kThreads; ++t) {
        QStringList paths;
        for (int i = 0; i < kFilesEach; ++i)
            paths << QStringLiteral("Out/%1/w%2-%3.txt")
                         .arg(i % 2 ? QStringLiteral("Level 1") : QString())
                         .arg(t)
                         .arg(i);
        for (QString &p : paths)
            p.replace(QStringLiteral("//"), QStringLiteral("/"));
        auto thread = std::make_unique<QThread>();
        auto *worker =
            new Worker(b.connection().context, b.projectId(), planner->sharedCache(), paths, &done, &failed);
        worker->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(
            worker, [worker] { worker->begin(); }, Qt::QueuedConnection);
        threads.push_back(std::move(thread));
        workers.push_back(worker);
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.loadAcquire(), kThreads * kFilesEach, 60000);
    for (auto &thread : threads) {
        thread->quit();
        thread->wait();
    }
    QCOMPARE(failed.loadAcquire(), 0);
    // Floor: 2 per new file; the folders were known (created through the shared cache).
    QCOMPARE(b.apiCalls(), 2 * kThreads * kFilesEach);
    QCOMPARE(planner->cache().children(sp(QStringLiteral("Out/Level 1"))).size(), kThreads * kFilesEach / 2);
}

QTEST_GUILESS_MAIN(TestProcoreSharedCache)
#include "tst_procoresharedcache.moc"
