// A big Procore folder (at least ProcoreStore::BuildOffThreadChildren items) is turned into entries
// and cache nodes on the thread pool, so the window's thread does not stall on it. What must not
// change with that: one API call per listing, the entries in the reply's order (folders, then
// files), the cache filled, a store destroyed while the listing is being built neither crashes
// nor reports the listing, and of two listings whose builds finish out of order the newer wins.
#include "bigfolder.h"
#include "procorebackend.h"
#include "storetesthelpers.h"

#include "core/api/procoreclient.h"
#include "core/store/procorestore.h"

#include <QFutureWatcherBase>
#include <QScopeGuard>
#include <QTest>
#include <QThreadPool>

#include <memory>
#include <utility>

using namespace trestle;
using namespace testing;

namespace {

const QString kFolderShow = QStringLiteral("GET /rest/v1.0/folders/{id}");
const QString kBig = QStringLiteral("Big");
constexpr int kSubfolders = 3;

// The seeded names go up and down (not in the order the sandbox might sort them by), so an order
// the store made up would show.
QString seedName(int n, int count)
{
    const int number = n % 2 == 0 ? n : count - n; // interleaved from both ends
    return QStringLiteral("Sheet %1.pdf").arg(number, 5, 10, QLatin1Char('0'));
}

// The names the API itself gives for a folder, in its order (folders, then files).
QStringList replyNames(ProcoreBackend &b, qint64 folderId)
{
    ProcoreClient::FolderQuery query;
    query.latestVersionOnly = true;
    const Result<Folder> reply = apitest::await<Folder>(
        [&](auto done) { b.connection().client->folder(b.projectId(), folderId, query, done); });
    QStringList names;
    if (!reply.ok())
        return names;
    for (const Folder &child : reply.value().folders)
        names.append(child.name);
    for (const File &child : reply.value().files)
        names.append(child.name);
    return names;
}

bool hasBuildInFlight(const ProcoreStore *store)
{
    return store->findChild<QFutureWatcherBase *>(QStringLiteral("procoreListingBuild"),
                                                  Qt::FindDirectChildrenOnly)
        != nullptr;
}

// Runs `then` (queued, once) after a child was added to `object`.
class ChildWatch final : public QObject
{
public:
    ChildWatch(QObject *object, std::function<void()> then) : m_then(std::move(then))
    {
        object->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::ChildAdded && m_then) {
            // The child is still being constructed: look at it once this turn is over.
            QMetaObject::invokeMethod(this, std::exchange(m_then, nullptr), Qt::QueuedConnection);
        }
        return false;
    }

private:
    std::function<void()> m_then;
};

} // namespace

class TestProcoreBigListing final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bigListingKeepsOrderAndCallCount();
    void bigListingFillsTheCache();
    void storeGoneWhileBuilding();
    void smallListingStaysOnItsThread();
    void newerOfTwoListingsWins();

private:
    ProcoreBackend m_backend;
    int m_files = 0;
    qint64 m_bigId = 0;
};

void TestProcoreBigListing::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.open(seedingSandboxArguments(), &error), qPrintable(error));
    m_files = int(ProcoreStore::BuildOffThreadChildren) + 50;
    ProcoreStore *store = m_backend.procore();
    QVERIFY(!createFolder(store, kBig));
    for (int i = kSubfolders; i > 0; --i)
        QVERIFY(!createFolder(store, QStringLiteral("%1/Folder %2").arg(kBig).arg(i)));
    const int files = m_files;
    const Error seeded = seedFiles(store, sp(kBig), files, [files](int n) { return seedName(n, files); });
    QVERIFY2(!seeded, qPrintable(seeded.toString()));
    const std::optional<ProcoreNode> big = store->cache().node(sp(kBig));
    QVERIFY(big);
    m_bigId = big->id;
}

void TestProcoreBigListing::bigListingKeepsOrderAndCallCount()
{
    const QStringList expected = replyNames(m_backend, m_bigId);
    QCOMPARE(expected.size(), kSubfolders + m_files);
    const std::unique_ptr<ProcoreStore> store = m_backend.freshStore();
    QList<Entry> entries;
    QVERIFY(!listFolder(store.get(), QString(), &entries)); // learns the id of "Big": 1 call
    QVERIFY(m_backend.sandbox().resetStats());
    entries.clear();
    QVERIFY(!listFolder(store.get(), kBig, &entries));
    QCOMPARE(m_backend.apiCalls(), 1);
    QCOMPARE(m_backend.calls(kFolderShow), 1);
    QStringList names;
    for (const Entry &entry : std::as_const(entries))
        names.append(entry.name);
    QCOMPARE(names, expected);
    for (int i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries.at(i).isFolder(), i < kSubfolders);
        QCOMPARE(entries.at(i).path, sp(kBig).child(entries.at(i).name).value());
        if (!entries.at(i).isFolder())
            QCOMPARE(entries.at(i).size, 1);
    }
}

void TestProcoreBigListing::bigListingFillsTheCache()
{
    const std::unique_ptr<ProcoreStore> store = m_backend.freshStore();
    QList<Entry> entries;
    QVERIFY(!listFolder(store.get(), kBig, &entries));
    QVERIFY(store->cache().childrenKnown(sp(kBig)));
    const QList<ProcoreNode> children = store->cache().children(sp(kBig));
    QCOMPARE(children.size(), entries.size());
    for (int i = 0; i < children.size(); ++i)
        QCOMPARE(children.at(i).entry.path, entries.at(i).path);
    // A stat of a child is answered from the cache: no call.
    QVERIFY(m_backend.sandbox().resetStats());
    Entry entry;
    QVERIFY(!statPath(store.get(), QStringLiteral("%1/Sheet 00007.pdf").arg(kBig), &entry));
    QCOMPARE(entry.size, 1);
    QCOMPARE(m_backend.apiCalls(), 0);
}

void TestProcoreBigListing::storeGoneWhileBuilding()
{
    // A cache shared with a store that stays (the engine's workers share one per connection).
    const std::unique_ptr<ProcoreStore> staying = m_backend.freshStore();
    QList<Entry> top;
    QVERIFY(!listFolder(staying.get(), QString(), &top));
    auto going = std::make_unique<ProcoreStore>(m_backend.connection().client.get(), m_backend.projectId(),
                                                QStringLiteral("going"), staying->sharedCache());
    ListJob *job = going->list(sp(kBig));
    job->setAutoDelete(false);
    int finished = 0;
    connect(job, &StoreJob::finished, this, [&finished] { ++finished; });
    job->start();
    // The store goes in the first event-loop turn after the reply was handed to the pool: the
    // build's own "finished" is posted after that (by the pool, later), so it comes too late.
    bool buildSeen = false;
    ChildWatch watch(going.get(), [&] {
        buildSeen = hasBuildInFlight(going.get());
        if (buildSeen)
            going.reset();
    });
    QVERIFY(apitest::spinUntil([&] { return !going || finished > 0; }, 60000));
    QVERIFY(buildSeen);
    QCOMPARE(finished, 0);
    QThreadPool::globalInstance()->waitForDone(30000);
    QTest::qWait(100); // whatever was posted back is delivered now (or never)
    QCOMPARE(finished, 0); // no listing reported by a store that is gone
    QVERIFY(job->entries().isEmpty());
    delete job;
    // The listing still reached the shared cache, whole: the store that stays uses it.
    QVERIFY(staying->cache().childrenKnown(sp(kBig)));
    QCOMPARE(staying->cache().children(sp(kBig)).size(), kSubfolders + m_files);
    QVERIFY(m_backend.sandbox().resetStats());
    QList<Entry> entries;
    QVERIFY(!listFolder(staying.get(), kBig, &entries));
    QCOMPARE(entries.size(), kSubfolders + m_files);
}

void TestProcoreBigListing::smallListingStaysOnItsThread()
{
    // A small folder is answered without the hop: no build in flight at any time.
    const std::unique_ptr<ProcoreStore> store = m_backend.freshStore();
    QList<Entry> big;
    QVERIFY(!listFolder(store.get(), kBig, &big)); // the id of "Folder 1" (a big listing)
    ListJob *job = store->list(sp(kBig + QStringLiteral("/Folder 1")));
    job->setAutoDelete(false);
    bool sawBuild = false;
    bool done = false;
    connect(job, &StoreJob::finished, this, [&done] { done = true; });
    job->start();
    QVERIFY(apitest::spinUntil([&] {
        sawBuild = sawBuild || hasBuildInFlight(store.get());
        return done;
    }));
    QVERIFY(!job->error());
    QVERIFY(!sawBuild);
    QVERIFY(job->entries().isEmpty());
    delete job;
}

void TestProcoreBigListing::newerOfTwoListingsWins()
{
    // Two listings of the big folder (two refreshes) make two builds, which may finish in either
    // order. The first is held until the second is done: the older listing must then neither
    // replace the newer one in the cache nor be what its own job reports.
    const std::unique_ptr<ProcoreStore> store = m_backend.freshStore();
    QList<Entry> top;
    QVERIFY(!listFolder(store.get(), QString(), &top)); // the id of "Big"
    QList<std::function<void()>> held;
    store->setBuildRunner([&held](std::function<void()> task) { held.append(std::move(task)); });
    const auto startListing = [&](bool *done) {
        ListJob *job = store->list(sp(kBig));
        job->setAutoDelete(false);
        connect(job, &StoreJob::finished, this, [done] { *done = true; });
        job->start();
        return std::unique_ptr<ListJob>(job);
    };
    const auto namesOf = [](const ListJob &job) {
        QStringList names;
        for (const Entry &entry : job.entries())
            names.append(entry.name);
        return names;
    };

    bool olderDone = false;
    const std::unique_ptr<ListJob> older = startListing(&olderDone);
    QVERIFY(apitest::spinUntil([&] { return held.size() == 1; }));
    // The folder changes between the two listings (through another store and cache).
    const QString late = kBig + QStringLiteral("/Late arrival.pdf");
    QVERIFY(!writeBytes(m_backend.procore(), late, QByteArray("late")));
    const auto removeLate = qScopeGuard([&] { runJob(m_backend.procore()->remove(sp(late))); });
    bool newerDone = false;
    const std::unique_ptr<ListJob> newer = startListing(&newerDone);
    QVERIFY(apitest::spinUntil([&] { return held.size() == 2; }));

    held.at(1)(); // the newer build finishes first
    QVERIFY(apitest::spinUntil([&] { return newerDone; }));
    QVERIFY(!newer->error());
    QCOMPARE(newer->entries().size(), kSubfolders + m_files + 1);
    QVERIFY(namesOf(*newer).contains(QStringLiteral("Late arrival.pdf")));
    QVERIFY(!olderDone);

    held.at(0)(); // then the older one
    QVERIFY(apitest::spinUntil([&] { return olderDone; }));
    QVERIFY(!older->error());
    QCOMPARE(store->cache().children(sp(kBig)).size(), kSubfolders + m_files + 1);
    QVERIFY(store->cache().node(sp(late)));
    QCOMPARE(namesOf(*older), namesOf(*newer));
}

QTEST_GUILESS_MAIN(TestProcoreBigListing)
#include "tst_procorebiglisting.moc"
