// The Store contract, run over every backend of storeBackendFactories(): every operation, its
// errors, kill() and abort semantics, timestamps, a 64 MiB stream without a big allocation. A few
// functions need a local root (links, FIFOs, 10,000 files made directly on disk); they list only
// backends that have one.
#include "tst_storecontract.h"

#include "storetesthelpers.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using namespace testing;
using K = Error::Kind;

void TestStoreContract::addBackends(bool localOnly)
{
    QTest::addColumn<int>("backend");
    const QList<StoreBackendFactory> factories = storeBackendFactories();
    for (int i = 0; i < factories.size(); ++i) {
        QString error;
        if (localOnly) {
            const auto probe = factories.at(i).create(&error);
            if (!probe || probe->localRoot().isEmpty())
                continue;
        }
        QTest::newRow(factories.at(i).name.toUtf8().constData()) << i;
    }
}

std::unique_ptr<StoreBackendInstance> TestStoreContract::backend()
{
    QFETCH(int, backend);
    QString error;
    auto instance = storeBackendFactories().at(backend).create(&error);
    if (!instance)
        qWarning("backend unavailable: %s", qPrintable(error));
    return instance;
}

void TestStoreContract::limits()
{
    const auto b = backend();
    QVERIFY(b);
    const StoreLimits limits = b->store()->limits();
    QVERIFY(!limits.id.isEmpty());
    QVERIFY(limits.maxSegmentLength > 0);
    QVERIFY(!b->store()->displayName().isEmpty());
}

void TestStoreContract::emptyRoot()
{
    const auto b = backend();
    QVERIFY(b);
    QList<Entry> entries{Entry()};
    QVERIFY(!listFolder(b->store(), QString(), &entries));
    QVERIFY(entries.isEmpty());
    Entry root;
    QVERIFY(!statPath(b->store(), QString(), &root));
    QVERIFY(root.isFolder());
    QVERIFY(root.name.isEmpty());
    QVERIFY(root.path.isRoot());
}

void TestStoreContract::writeListStat()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("a.txt"), "hello"));
    QVERIFY(!createFolder(store, QStringLiteral("docs")));
    QVERIFY(!writeBytes(store, QStringLiteral("docs/b.bin"), QByteArray(1000, 'b')));
    QVERIFY(!writeBytes(store, QStringLiteral("empty.txt"), QByteArray()));

    QList<Entry> entries;
    QVERIFY(!listFolder(store, QString(), &entries));
    QCOMPARE(entries.size(), 3);
    std::sort(entries.begin(), entries.end(), [](const Entry &x, const Entry &y) { return x.name < y.name; });
    QCOMPARE(entries.at(0).name, QStringLiteral("a.txt"));
    QVERIFY(entries.at(0).isFile());
    QCOMPARE(entries.at(0).size, 5);
    QCOMPARE(entries.at(0).path.toString(), QStringLiteral("a.txt"));
    QCOMPARE(entries.at(1).name, QStringLiteral("docs"));
    QVERIFY(entries.at(1).isFolder());
    QCOMPARE(entries.at(2).size, 0);
    QCOMPARE(listNames(store, QStringLiteral("docs")), QStringList{QStringLiteral("b.bin")});

    Entry entry;
    QVERIFY(!statPath(store, QStringLiteral("docs/b.bin"), &entry));
    QCOMPARE(entry.name, QStringLiteral("b.bin"));
    QCOMPARE(entry.path.toString(), QStringLiteral("docs/b.bin"));
    QCOMPARE(entry.size, 1000);
    QVERIFY(entry.modified.isValid());
    QVERIFY(!statPath(store, QStringLiteral("docs"), &entry));
    QVERIFY(entry.isFolder());

    QByteArray bytes;
    QVERIFY(!readBytes(store, QStringLiteral("a.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("hello"));
    QVERIFY(!readBytes(store, QStringLiteral("empty.txt"), &bytes));
    QVERIFY(bytes.isEmpty());
}

void TestStoreContract::notFound()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("file.txt"), "x"));
    QVERIFY(!createFolder(store, QStringLiteral("folder")));
    Entry entry;
    QList<Entry> entries;
    QByteArray bytes;
    QCOMPARE_KIND(statPath(store, QStringLiteral("missing"), &entry), K::NotFound);
    QCOMPARE_KIND(statPath(store, QStringLiteral("missing/deeper.txt"), &entry), K::NotFound);
    QCOMPARE_KIND(listFolder(store, QStringLiteral("missing"), &entries), K::NotFound);
    QCOMPARE_KIND(listFolder(store, QStringLiteral("file.txt"), &entries), K::NotFound);
    QCOMPARE_KIND(readBytes(store, QStringLiteral("missing.txt"), &bytes), K::NotFound);
    QCOMPARE_KIND(readBytes(store, QStringLiteral("folder"), &bytes), K::NotFound);
    QCOMPARE_KIND(runJob(store->remove(sp(QStringLiteral("missing")))), K::NotFound);
    QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("missing")), sp(QStringLiteral("x")))), K::NotFound);
    QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("file.txt")), sp(QStringLiteral("nope/x")))),
                  K::NotFound);
    QCOMPARE_KIND(writeBytes(store, QStringLiteral("nope/new.txt"), "x"), K::NotFound);
    QCOMPARE_KIND(createFolder(store, QStringLiteral("nope/sub")), K::NotFound);
    QCOMPARE(listNames(store, QString()),
             (QStringList{QStringLiteral("file.txt"), QStringLiteral("folder")}));
}

void TestStoreContract::makeFolder()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!createFolder(store, QStringLiteral("a")));
    QVERIFY(!createFolder(store, QStringLiteral("a/b")));
    QCOMPARE_KIND(createFolder(store, QStringLiteral("a")), K::Conflict);
    QVERIFY(!writeBytes(store, QStringLiteral("a/file"), "x"));
    QCOMPARE_KIND(createFolder(store, QStringLiteral("a/file")), K::Conflict);
    QCOMPARE_KIND(runJob(store->makeFolder(StorePath::root())), K::Conflict);
    QCOMPARE(listNames(store, QStringLiteral("a")),
             (QStringList{QStringLiteral("b"), QStringLiteral("file")}));
}

void TestStoreContract::invalidNames()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    const StoreLimits limits = store->limits();
    QStringList bad{QString(limits.maxSegmentLength + 1, QLatin1Char('n'))};
    for (const QChar c : limits.invalidChars) {
        if (c != QLatin1Char('/') && c != QLatin1Char('\\'))
            bad.append(QStringLiteral("bad") + c + QStringLiteral("name"));
    }
    if (limits.noTrailingWhitespace)
        bad.append(QStringLiteral("trailing "));
    if (limits.noTrailingDot)
        bad.append(QStringLiteral("trailing."));
    for (const QString &reserved : limits.reservedNames.mid(0, 3))
        bad.append(reserved + QStringLiteral(".txt"));
    QVERIFY(!writeBytes(store, QStringLiteral("ok.txt"), "x"));
    for (const QString &name : std::as_const(bad)) {
        const StorePath path = StorePath::root().child(name).value();
        QCOMPARE_KIND(runJob(store->makeFolder(path)), K::InvalidName);
        QBuffer source;
        source.setData("x");
        source.open(QIODevice::ReadOnly);
        const Error error = runJob(store->writeFrom(path, &source, 1, {}));
        QCOMPARE_KIND(error, K::InvalidName);
        QVERIFY(!error.message().isEmpty());
        QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("ok.txt")), path)), K::InvalidName);
    }
    QCOMPARE(listNames(store, QString()), QStringList{QStringLiteral("ok.txt")});
}

void TestStoreContract::moveAndRename()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("a.txt"), "A"));
    QVERIFY(!writeBytes(store, QStringLiteral("b.txt"), "B"));
    QVERIFY(!createFolder(store, QStringLiteral("dir")));
    QVERIFY(!createFolder(store, QStringLiteral("dir/sub")));
    QVERIFY(!writeBytes(store, QStringLiteral("dir/sub/c.txt"), "C"));

    QVERIFY(!runJob(store->move(sp(QStringLiteral("a.txt")), sp(QStringLiteral("renamed.txt")))));
    QVERIFY(!runJob(store->move(sp(QStringLiteral("renamed.txt")), sp(QStringLiteral("dir/moved.txt")))));
    QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("b.txt")), sp(QStringLiteral("dir/moved.txt")))),
                  K::Conflict);
    QCOMPARE_KIND(runJob(store->move(sp(QStringLiteral("dir")), sp(QStringLiteral("dir/sub/inside")))),
                  K::InvalidName);
    QCOMPARE_KIND(runJob(store->move(StorePath::root(), sp(QStringLiteral("x")))), K::InvalidName);
    QVERIFY(!runJob(store->move(sp(QStringLiteral("dir")), sp(QStringLiteral("folder")))));

    QCOMPARE(listNames(store, QString()), (QStringList{QStringLiteral("b.txt"), QStringLiteral("folder")}));
    QCOMPARE(listNames(store, QStringLiteral("folder")),
             (QStringList{QStringLiteral("moved.txt"), QStringLiteral("sub")}));
    QByteArray bytes;
    QVERIFY(!readBytes(store, QStringLiteral("folder/moved.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("A"));
    QVERIFY(!readBytes(store, QStringLiteral("folder/sub/c.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("C"));
    QVERIFY(!readBytes(store, QStringLiteral("b.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("B"));
}

void TestStoreContract::removeEntries()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("f.txt"), "x"));
    QVERIFY(!createFolder(store, QStringLiteral("empty")));
    QVERIFY(!createFolder(store, QStringLiteral("full")));
    QVERIFY(!createFolder(store, QStringLiteral("full/deeper")));
    QVERIFY(!writeBytes(store, QStringLiteral("full/deeper/g.txt"), "y"));

    QVERIFY(!runJob(store->remove(sp(QStringLiteral("f.txt")))));
    QVERIFY(!runJob(store->remove(sp(QStringLiteral("empty")))));
    QCOMPARE_KIND(runJob(store->remove(sp(QStringLiteral("full")))), K::Conflict);
    QCOMPARE(listNames(store, QStringLiteral("full/deeper")), QStringList{QStringLiteral("g.txt")});
    QVERIFY(!runJob(store->remove(sp(QStringLiteral("full")), Store::RemoveMode::Recursive)));
    QCOMPARE_KIND(runJob(store->remove(StorePath::root(), Store::RemoveMode::Recursive)), K::InvalidName);
    QList<Entry> entries{Entry()};
    QVERIFY(!listFolder(store, QString(), &entries));
    QVERIFY(entries.isEmpty());
}

void TestStoreContract::readIntoProgress()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    const QByteArray data = pseudoRandom(3 * 1024 * 1024 + 17, 7);
    QVERIFY(!writeBytes(store, QStringLiteral("data.bin"), data));
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    StoreJob *job = store->readInto(sp(QStringLiteral("data.bin")), &sink);
    QSignalSpy progress(job, &StoreJob::progress);
    QVERIFY(!runJob(job));
    QCOMPARE(sink.data().size(), data.size());
    QVERIFY(sink.data() == data);
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(data.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(data.size()));
}

void TestStoreContract::replaceAndFailIfExists()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("v.txt"), "version one"));
    QVERIFY(!writeBytes(store, QStringLiteral("v.txt"), "version two", {}, Store::WriteMode::Replace));
    QCOMPARE_KIND(writeBytes(store, QStringLiteral("v.txt"), "three", {}, Store::WriteMode::FailIfExists),
                  K::Conflict);
    QVERIFY(!writeBytes(store, QStringLiteral("new.txt"), "new", {}, Store::WriteMode::FailIfExists));
    QVERIFY(!createFolder(store, QStringLiteral("dir")));
    QCOMPARE_KIND(writeBytes(store, QStringLiteral("dir"), "file over a folder"), K::Conflict);
    QByteArray bytes;
    QVERIFY(!readBytes(store, QStringLiteral("v.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("version two"));
    QCOMPARE(listNames(store, QString()),
             (QStringList{QStringLiteral("dir"), QStringLiteral("new.txt"), QStringLiteral("v.txt")}));
}

void TestStoreContract::modificationTimeKept()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    const QDateTime mtime = QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QVERIFY(!writeBytes(store, QStringLiteral("old.txt"), "old", mtime));
    Entry entry;
    QVERIFY(!statPath(store, QStringLiteral("old.txt"), &entry));
    QVERIFY(entry.modified.isValid());
    if (store->limits().keepsTimestamps)
        QCOMPARE(entry.modified.toSecsSinceEpoch(), mtime.toSecsSinceEpoch());
    else
        QVERIFY(entry.modified.toSecsSinceEpoch() != mtime.toSecsSinceEpoch());
}

void TestStoreContract::shortSourceLeavesNothing()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QBuffer source;
    source.setData(QByteArray(50, 's'));
    source.open(QIODevice::ReadOnly);
    const Error error = runJob(store->writeFrom(sp(QStringLiteral("short.bin")), &source, 100, {}));
    QVERIFY(error.isError());
    QVERIFY(!error.message().isEmpty());
    Entry entry;
    QCOMPARE_KIND(statPath(store, QStringLiteral("short.bin"), &entry), K::NotFound);
    QVERIFY(listNames(store, QString()).isEmpty());
    if (!b->localRoot().isEmpty())
        QCOMPARE(QDir(b->localRoot()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
}

void TestStoreContract::killMidWriteLeavesNothing()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("keep.bin"), "previous version"));
    TrickleSource source;
    StoreJob *job = store->writeFrom(sp(QStringLiteral("keep.bin")), &source, 10 * 1024 * 1024, {});
    job->setAutoDelete(false);
    std::unique_ptr<StoreJob> owner(job);
    QSignalSpy finished(job, &StoreJob::finished);
    job->start();
    source.feed(64 * 1024);
    QTRY_VERIFY(job->processedBytes() >= 64 * 1024);
    QVERIFY(!job->isFinished());
    QVERIFY(job->kill());
    QCOMPARE(finished.count(), 1);
    QCOMPARE_KIND(job->error(), K::Cancelled);
    source.feed(64 * 1024);
    QTest::qWait(10);
    QCOMPARE(finished.count(), 1);
    QByteArray bytes;
    QVERIFY(!readBytes(store, QStringLiteral("keep.bin"), &bytes));
    QCOMPARE(bytes, QByteArray("previous version"));
    QCOMPARE(listNames(store, QString()), QStringList{QStringLiteral("keep.bin")});
    if (!b->localRoot().isEmpty())
        QCOMPARE(QDir(b->localRoot()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("keep.bin")});
}

void TestStoreContract::killBeforeStart()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    for (StoreJob *job : {static_cast<StoreJob *>(store->list(StorePath::root())),
                          store->makeFolder(sp(QStringLiteral("never")))}) {
        job->setAutoDelete(false);
        std::unique_ptr<StoreJob> owner(job);
        QSignalSpy finished(job, &StoreJob::finished);
        QVERIFY(job->kill());
        job->start();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE_KIND(job->error(), K::Cancelled);
        QVERIFY(!job->kill());
    }
    QVERIFY(listNames(store, QString()).isEmpty());
}

void TestStoreContract::writeSessionCommitAbort()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    if (!(store->capabilities() & Store::PushWrite)) {
        QVERIFY(!store->beginWrite(sp(QStringLiteral("x")), 1, {}).ok());
        return; // the capability says so: nothing else to check
    }
    const QDateTime mtime = QDateTime(QDate(2021, 6, 7), QTime(8, 9, 10), Qt::UTC);
    {
        auto session = store->beginWrite(sp(QStringLiteral("committed.txt")), 6, mtime);
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));
        QCOMPARE(session.value()->write("abc"), 3);
        QCOMPARE(session.value()->write("def"), 3);
        QCOMPARE(session.value()->bytesAccepted(), 6);
        Entry entry;
        QCOMPARE_KIND(statPath(store, QStringLiteral("committed.txt"), &entry), K::NotFound);
        QVERIFY(listNames(store, QString()).isEmpty()); // the temporary file is not listed
        QVERIFY(session.value()->commit().ok());
        QVERIFY(!statPath(store, QStringLiteral("committed.txt"), &entry));
        QCOMPARE(entry.size, 6);
        QCOMPARE(entry.modified.toSecsSinceEpoch(), mtime.toSecsSinceEpoch());
        session.value()->abort(); // after commit: no effect
    }
    {
        auto session = store->beginWrite(sp(QStringLiteral("aborted.txt")), 3, {});
        QVERIFY(session.ok());
        session.value()->write("abc");
        session.value()->abort();
        QVERIFY(!session.value()->commit().ok());
    }
    { // destroyed without commit
        auto session = store->beginWrite(sp(QStringLiteral("dropped.txt")), 3, {});
        QVERIFY(session.ok());
        session.value()->write("abc");
    }
    {
        auto session = store->beginWrite(sp(QStringLiteral("incomplete.txt")), 10, {});
        QVERIFY(session.ok());
        session.value()->write("abc");
        const Status status = session.value()->commit();
        QVERIFY(!status.ok());
        QVERIFY(!status.error().message().isEmpty());
    }
    {
        auto session = store->beginWrite(sp(QStringLiteral("overflow.txt")), 2, {});
        QVERIFY(session.ok());
        QCOMPARE(session.value()->write("abc"), -1);
        QVERIFY(session.value()->error().isError());
        QVERIFY(!session.value()->commit().ok());
    }
    {
        auto session =
            store->beginWrite(sp(QStringLiteral("committed.txt")), 1, {}, Store::WriteMode::FailIfExists);
        QVERIFY(!session.ok());
        QCOMPARE_KIND(session.error(), K::Conflict);
    }
    QCOMPARE(listNames(store, QString()), QStringList{QStringLiteral("committed.txt")});
    if (!b->localRoot().isEmpty())
        QCOMPARE(QDir(b->localRoot()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("committed.txt")});
}

void TestStoreContract::openReadDevice()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    QVERIFY(!writeBytes(store, QStringLiteral("r.bin"), "0123456789"));
    auto device = store->openReadDevice(sp(QStringLiteral("r.bin")));
    if (!(store->capabilities() & Store::RandomAccessRead)) {
        QVERIFY(!device.ok());
        return;
    }
    QVERIFY(device.ok());
    QVERIFY(!device.value()->isSequential());
    QCOMPARE(device.value()->size(), 10);
    QVERIFY(device.value()->seek(6));
    QCOMPARE(device.value()->read(3), QByteArray("678"));
    QVERIFY(!createFolder(store, QStringLiteral("dir")));
    QCOMPARE_KIND(store->openReadDevice(sp(QStringLiteral("dir"))).error(), K::NotFound);
    QCOMPARE_KIND(store->openReadDevice(sp(QStringLiteral("missing"))).error(), K::NotFound);
}

void TestStoreContract::bigFileStreamed()
{
    const auto b = backend();
    QVERIFY(b);
    Store *store = b->store();
    constexpr qint64 size = 64 * 1024 * 1024;
    QTemporaryDir scratch;
    QFile source(scratch.filePath(QStringLiteral("big.bin")));
    QVERIFY(source.open(QIODevice::WriteOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QByteArray block = pseudoRandom(1024 * 1024, 99);
    for (int i = 0; i < 64; ++i) {
        QByteArray piece = block;
        piece[0] = char(i);
        hash.addData(piece);
        QCOMPARE(source.write(piece), piece.size());
    }
    source.close();
    QVERIFY(source.open(QIODevice::ReadOnly));

    const bool reset = resetPeakRss();
    const qint64 before = peakRss();
    QVERIFY(!runJob(store->writeFrom(sp(QStringLiteral("big.bin")), &source, size, {})));
    HashSink sink;
    QVERIFY(!runJob(store->readInto(sp(QStringLiteral("big.bin")), &sink)));
    const qint64 after = peakRss();
    QCOMPARE(sink.received(), size);
    QCOMPARE(sink.result(), hash.result());
    qInfo("peak RSS %lld MiB -> %lld MiB (peak reset: %s)", before >> 20, after >> 20, reset ? "yes" : "no");
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed blocks in quarantine (256 MiB by default), so peak RSS measures
    // the sanitizer, not the stream. The default build asserts the bound; this one checks the bytes.
    qInfo("peak RSS bound not asserted under AddressSanitizer");
#else
    if (before > 0)
        QVERIFY2(after - before < 24 * 1024 * 1024, "a 64 MiB stream must not be held in memory");
#endif
}

QTEST_GUILESS_MAIN(TestStoreContract)
