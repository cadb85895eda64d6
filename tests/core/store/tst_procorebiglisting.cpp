// A big Procore folder (at least ProcoreStore::BuildOffThreadChildren items) is turned into entries
// and cache nodes on the thread pool, so the window's thread does not stall on it. What must not
// change with that: one API call per listing, the entries in the reply's order (folders, then
// files), the cache filled, and a store destroyed while the listing is being built neither
// crashes nor reports the listing.
#include "procorebackend.h"
#include "storetesthelpers.h"

#include "core/api/procoreclient.h"
#include "core/store/procorestore.h"

#include <QBuffer>
#include <QFutureWatcherBase>
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

// Uploads `count` one-byte files into `folder` with the one-call upload, a few at once. The names
// go up and down (not in the order the sandbox might sort them by), so an order the store made up
// would show.
bool seedFiles(ProcoreStore *store, const StorePath &folder, int count)
{
    store->setBudgetSaver(true);
    constexpr int parallel = 8;
    int next = 0;
    int done = 0;
    Error failure;
    std::function<void()> startOne = [&] {
        if (next >= count || failure)
            return;
        const int n = next++;
        const int number = n % 2 == 0 ? n : count - n; // interleaved from both ends
        auto *buffer = new QBuffer;
        buffer->setData(QByteArray(1, char('a' + n % 26)));
        buffer->open(QIODevice::ReadOnly);
        const StorePath file =
            folder.child(QStringLiteral("Sheet %1.pdf").arg(number, 5, 10, QLatin1Char('0'))).value();
        StoreJob *job = store->writeFrom(file, buffer, 1, QDateTime::currentDateTimeUtc());
        QObject::connect(job, &StoreJob::finished, [&, buffer](StoreJob *finished) {
            delete buffer;
            if (finished->error() && !failure)
                failure = finished->error();
            ++done;
            startOne();
        });
        job->start();
    };
    for (int i = 0; i < parallel; ++i)
        startOne();
    apitest::spinUntil([&] { return done >= next && (next >= count || failure); }, 5 * 60 * 1000);
    if (failure)
        qWarning("upload: %s", qPrintable(failure.toString()));
    store->setBudgetSaver(false);
    return !failure && done == count;
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

private:
    ProcoreBackend m_backend;
    int m_files = 0;
    qint64 m_bigId = 0;
};

void TestProcoreBigListing::initTestCase()
{
    QString error;
    QVERIFY2(m_backend.open({QStringLiteral("--seed"), QStringLiteral("empty"),
                             QStringLiteral("--rate-limit"), QStringLiteral("1000000"),
                             QStringLiteral("--spike-limit"), QStringLiteral("1000000")},
                            &error),
             qPrintable(error));
    m_files = int(ProcoreStore::BuildOffThreadChildren) + 50;
    ProcoreStore *store = m_backend.procore();
    QVERIFY(!createFolder(store, kBig));
    for (int i = kSubfolders; i > 0; --i)
        QVERIFY(!createFolder(store, QStringLiteral("%1/Folder %2").arg(kBig).arg(i)));
    QVERIFY(seedFiles(store, sp(kBig), m_files));
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

QTEST_GUILESS_MAIN(TestProcoreBigListing)
#include "tst_procorebiglisting.moc"
