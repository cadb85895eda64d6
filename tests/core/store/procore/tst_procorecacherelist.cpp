// Re-listing a big folder: ProcorePathCache::setChildren() with the same 10,000 children it already
// knows must stay linear (it took ~2 min on the GUI thread when each old child was looked for in
// the new list one by one). Asserts the cache's content after each listing; prints the times.
#include "core/store/procorecache.h"

#include <QElapsedTimer>
#include <QTest>

using namespace trestle;

namespace {

QList<ProcoreNode> folderOf(const StorePath &folder, int count, qint64 firstId)
{
    QList<ProcoreNode> nodes;
    nodes.reserve(count);
    for (int i = 0; i < count; ++i) {
        ProcoreNode node;
        node.id = firstId + i;
        node.entry.name = QStringLiteral("file-%1.txt").arg(i, 5, 10, QLatin1Char('0'));
        node.entry.path = folder.child(node.entry.name).value();
        node.entry.kind = Entry::Kind::File;
        node.entry.size = i;
        node.entry.backendId = QString::number(node.id);
        nodes.append(node);
    }
    return nodes;
}

void compare(const QList<ProcoreNode> &got, const QList<ProcoreNode> &want)
{
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got.at(i).id, want.at(i).id);
        QCOMPARE(got.at(i).entry.path, want.at(i).entry.path);
    }
}

} // namespace

class TestProcoreCacheRelist final : public QObject
{
    Q_OBJECT

private slots:
    void relistSameFolder();
    void relistWithChanges();
};

void TestProcoreCacheRelist::relistSameFolder()
{
    const int count = qEnvironmentVariableIntValue("TRESTLE_RELIST_COUNT") > 0
        ? qEnvironmentVariableIntValue("TRESTLE_RELIST_COUNT")
        : 10000;
    ProcorePathCache cache;
    const StorePath folder = StorePath::fromString(QStringLiteral("Drawings/Big")).value();
    const QList<ProcoreNode> nodes = folderOf(folder, count, 1000);

    QElapsedTimer timer;
    timer.start();
    cache.setChildren(folder, nodes, cache.stamp());
    const qint64 first = timer.restart();
    compare(cache.children(folder), nodes);

    timer.restart();
    cache.setChildren(folder, nodes, cache.stamp());
    const qint64 second = timer.elapsed();
    compare(cache.children(folder), nodes);
    QCOMPARE(cache.size(), count);

    // Every item replaced (other ids, e.g. the folder was emptied and refilled elsewhere): each old
    // one is forgotten, which must not scan the cache once per item.
    const QList<ProcoreNode> replaced = folderOf(folder, count, 1000 + count);
    timer.restart();
    cache.setChildren(folder, replaced, cache.stamp());
    const qint64 third = timer.elapsed();
    compare(cache.children(folder), replaced);
    QCOMPARE(cache.size(), count);
    qInfo("setChildren of %d children: first %lld ms, again %lld ms, all replaced %lld ms", count, first,
          second, third);
}

void TestProcoreCacheRelist::relistWithChanges()
{
    ProcorePathCache cache;
    const StorePath folder = StorePath::fromString(QStringLiteral("Big")).value();
    QList<ProcoreNode> nodes = folderOf(folder, 2000, 1000);
    // A subfolder with a known child: it must be forgotten when its id changes.
    ProcoreNode sub;
    sub.id = 9000;
    sub.entry.name = QStringLiteral("sub");
    sub.entry.path = folder.child(sub.entry.name).value();
    sub.entry.kind = Entry::Kind::Folder;
    nodes.append(sub);
    cache.setChildren(folder, nodes);
    cache.setChildren(sub.entry.path, folderOf(sub.entry.path, 3, 9100));
    QCOMPARE(cache.size(), 2004);

    // Taken before a store sharing the cache puts an item: that item survives the listing.
    const quint64 asked = cache.stamp();
    ProcoreNode fresh = folderOf(folder, 1, 50000).constFirst();
    fresh.entry.name = QStringLiteral("fresh.txt");
    fresh.entry.path = folder.child(fresh.entry.name).value();
    cache.put(fresh);

    // The listing: every other file gone, the subfolder replaced (another id).
    QList<ProcoreNode> next;
    for (qsizetype i = 0; i < 2000; i += 2)
        next.append(nodes.at(i));
    ProcoreNode newSub = sub;
    newSub.id = 9001;
    next.append(newSub);
    cache.setChildren(folder, next, asked);

    QList<ProcoreNode> want = next;
    want.append(fresh);
    compare(cache.children(folder), want);
    QCOMPARE(cache.size(), 1002);
    QVERIFY(!cache.childrenKnown(sub.entry.path));
    QVERIFY(!cache.node(nodes.at(1).entry.path));
    QCOMPARE(cache.node(sub.entry.path)->id, 9001);
}

QTEST_GUILESS_MAIN(TestProcoreCacheRelist)
#include "tst_procorecacherelist.moc"
