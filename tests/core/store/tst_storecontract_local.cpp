// The parts of the Store contract that need the folder behind a local backend: links that lead
// out of the root, FIFOs, temporary files of crashed writes, 10,000 entries made directly on disk.
#include "tst_storecontract.h"

#include "storetesthelpers.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace trestle;
using namespace testing;
using K = Error::Kind;

void TestStoreContract::symlinkEscapeRefused()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    const QDir root(b->localRoot());
    QTemporaryDir outside;
    QVERIFY(QFile(outside.filePath(QStringLiteral("secret.txt"))).open(QIODevice::WriteOnly));
    QVERIFY(!createFolder(store, QStringLiteral("docs")));
    QVERIFY(!writeBytes(store, QStringLiteral("docs/in.txt"), "inside"));
    QVERIFY(QFile::link(outside.path(), root.filePath(QStringLiteral("out"))));
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.txt")),
                        root.filePath(QStringLiteral("outfile"))));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("nowhere")), root.filePath(QStringLiteral("broken"))));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("docs")), root.filePath(QStringLiteral("in"))));
    // A relative link that climbs out: docs/up -> ../../…/outside
    const QString climb = QDir(root.filePath(QStringLiteral("docs"))).relativeFilePath(outside.path());
    QVERIFY(climb.startsWith(QLatin1String("..")));
    QVERIFY(QFile::link(climb, root.filePath(QStringLiteral("docs/up"))));

    QList<Entry> entries;
    QVERIFY(!listFolder(store, QString(), &entries));
    QCOMPARE(entries.size(), 5);
    for (const Entry &entry : std::as_const(entries)) {
        if (entry.name == QLatin1String("docs") || entry.name == QLatin1String("in")) {
            QVERIFY(entry.isFolder()); // a link inside the root is followed
        } else {
            QCOMPARE(int(entry.kind), int(Entry::Kind::Other));
            QVERIFY(!entry.note.isEmpty());
        }
    }
    QCOMPARE(listNames(store, QStringLiteral("in")),
             (QStringList{QStringLiteral("in.txt"), QStringLiteral("up")}));

    Entry entry;
    QByteArray bytes;
    QList<Entry> listed;
    for (const QString &path :
         {QStringLiteral("out"), QStringLiteral("out/secret.txt"), QStringLiteral("outfile"),
          QStringLiteral("broken"), QStringLiteral("docs/up"), QStringLiteral("docs/up/secret.txt")}) {
        QCOMPARE_KIND(statPath(store, path, &entry), K::InvalidName);
        QCOMPARE_KIND(readBytes(store, path, &bytes), K::InvalidName);
        QCOMPARE_KIND(listFolder(store, path, &listed), K::InvalidName);
        QCOMPARE_KIND(runJob(store->remove(sp(path), Store::RemoveMode::Recursive)), K::InvalidName);
        QCOMPARE_KIND(runJob(store->move(sp(path), sp(QStringLiteral("moved")))), K::InvalidName);
        QCOMPARE_KIND(store->openReadDevice(sp(path)).error(), K::InvalidName);
    }
    QCOMPARE_KIND(statPath(store, QStringLiteral("out/missing.txt"), &entry), K::InvalidName);
    QCOMPARE_KIND(writeBytes(store, QStringLiteral("out/new.txt"), "escape"), K::InvalidName);
    QCOMPARE_KIND(writeBytes(store, QStringLiteral("outfile"), "overwrite"), K::InvalidName);
    QCOMPARE_KIND(createFolder(store, QStringLiteral("out/newdir")), K::InvalidName);
    QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("docs/in.txt")), sp(QStringLiteral("out/in.txt")))),
                  K::InvalidName);
    QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("secret.txt")});
    QVERIFY(!readBytes(store, QStringLiteral("in/in.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("inside"));
    QVERIFY(!runJob(store->remove(sp(QStringLiteral("in")))));
    QVERIFY(!readBytes(store, QStringLiteral("docs/in.txt"), &bytes)); // removing a link keeps its target
}

void TestStoreContract::specialFilesNotRead()
{
    const auto b = backend();
    QVERIFY(b);
    const QString fifo = QDir(b->localRoot()).filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(QFile(QDir(b->localRoot()).filePath(QStringLiteral("tab\tname"))).open(QIODevice::WriteOnly));
    QList<Entry> entries;
    QVERIFY(!listFolder(b->store(), QString(), &entries));
    QCOMPARE(entries.size(), 2);
    for (const Entry &entry : std::as_const(entries)) {
        QCOMPARE(int(entry.kind), int(Entry::Kind::Other));
        QVERIFY(!entry.note.isEmpty());
    }
    QByteArray bytes;
    QCOMPARE_KIND(readBytes(b->store(), QStringLiteral("pipe"), &bytes), K::InvalidName);
    QCOMPARE_KIND(b->store()->openReadDevice(sp(QStringLiteral("pipe"))).error(), K::InvalidName);
}

void TestStoreContract::tempFilesHidden()
{
    const auto b = backend();
    QVERIFY(b);
    QVERIFY(QFile(QDir(b->localRoot()).filePath(QStringLiteral(".trestle-0123456789abcdef.part")))
                .open(QIODevice::WriteOnly));
    QVERIFY(QFile(QDir(b->localRoot()).filePath(QStringLiteral(".hidden"))).open(QIODevice::WriteOnly));
    QCOMPARE(listNames(b->store(), QString()), QStringList{QStringLiteral(".hidden")});
}

void TestStoreContract::list10000Async()
{
    const auto b = backend();
    QVERIFY(b);
    const QDir root(b->localRoot());
    for (int i = 0; i < 10000; ++i)
        QVERIFY(QFile(root.filePath(QStringLiteral("file-%1.txt").arg(i, 5, 10, QLatin1Char('0'))))
                    .open(QIODevice::WriteOnly));
    ListJob *job = b->store()->list(StorePath::root());
    job->setAutoDelete(false);
    std::unique_ptr<ListJob> owner(job);
    QSignalSpy finished(job, &StoreJob::finished);
    job->start();
    QCOMPARE(finished.count(), 0); // delivered later, by the event loop, never inside start()
    QVERIFY(finished.wait(60000));
    QVERIFY(!job->error());
    QCOMPARE(job->entries().size(), 10000);
    QCOMPARE(job->entries().constFirst().kind, Entry::Kind::File);
}
