// LocalStore on a real full disk: a 4 MiB tmpfs mounted by the test (needs root or CAP_SYS_ADMIN;
// without it every function skips with the reason mount printed). A full disk is a DiskFull error
// that names the destination, and no partial or temporary file is left. Also: the free-space check
// before a write, and a read-only file system reported as Permission.
#include "core/store/localstore.h"

#include "storetesthelpers.h"
#include "tmpfsmount.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace trestle;
using namespace testing;

#define QCOMPARE_KIND(error, expected) QCOMPARE(Error::kindName((error).kind()), Error::kindName(expected))

class TestLocalStoreDiskFull : public QObject
{
    Q_OBJECT

private:
    QStringList leftovers() const;

    std::unique_ptr<TmpfsMount> m_fullDisk;
    std::unique_ptr<TmpfsMount> m_readOnlyDisk;
    QString m_full; // the 4 MiB tmpfs
    QString m_readOnly; // a tmpfs remounted read-only
    QString m_skipReason;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void freeSpaceCheckedBeforeWriting();
    void fullDiskMidWrite();
    void fullDiskMidWriteFrom();
    void fullDiskThroughReadInto();
    void readOnlyIsPermission();
};

QStringList TestLocalStoreDiskFull::leftovers() const
{
    return QDir(m_full).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

void TestLocalStoreDiskFull::initTestCase()
{
    m_fullDisk = std::make_unique<TmpfsMount>(QStringLiteral("4m"));
    m_readOnlyDisk = std::make_unique<TmpfsMount>(QStringLiteral("1m"));
    m_full = m_fullDisk->path();
    m_readOnly = m_readOnlyDisk->path();
    m_skipReason = !m_fullDisk->isMounted() ? m_fullDisk->skipReason() : m_readOnlyDisk->skipReason();
    if (!m_skipReason.isEmpty())
        qWarning("%s", qPrintable(m_skipReason));
}

void TestLocalStoreDiskFull::init()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    for (const QString &name : leftovers())
        QVERIFY(QFile::remove(QDir(m_full).filePath(name)));
}

void TestLocalStoreDiskFull::cleanupTestCase()
{
    m_readOnlyDisk.reset();
    m_fullDisk.reset();
}

void TestLocalStoreDiskFull::freeSpaceCheckedBeforeWriting()
{
    LocalStore store(m_full);
    const qint64 eight = 8 * 1024 * 1024;
    auto session = store.beginWrite(sp(QStringLiteral("big.bin")), eight, {});
    QVERIFY(!session.ok());
    QCOMPARE_KIND(session.error(), Error::Kind::DiskFull);
    QVERIFY2(session.error().message().contains(QStringLiteral("big.bin")),
             qPrintable(session.error().message()));
    QVERIFY2(session.error().message().contains(m_full), qPrintable(session.error().message()));
    QCOMPARE(leftovers(), QStringList());
    qInfo("%s", qPrintable(session.error().toString()));

    // writeFrom: refused before a byte of the source is read.
    QBuffer source;
    QByteArray data(eight, 'x');
    source.setData(data);
    source.open(QIODevice::ReadOnly);
    QCOMPARE_KIND(runJob(store.writeFrom(sp(QStringLiteral("big.bin")), &source, eight, {})),
                  Error::Kind::DiskFull);
    QCOMPARE(source.pos(), 0);
    QCOMPARE(leftovers(), QStringList());
}

void TestLocalStoreDiskFull::fullDiskMidWrite()
{
    LocalStore store(m_full);
    // Size unknown: no check up front, so the disk fills up in the middle.
    auto session = store.beginWrite(sp(QStringLiteral("unknown-size.bin")), -1, {});
    QVERIFY2(session.ok(), qPrintable(session.error().toString()));
    const QByteArray chunk(256 * 1024, 'z');
    qint64 written = 0;
    bool failed = false;
    for (int i = 0; i < 32 && !failed; ++i) { // 8 MiB
        const qint64 n = session.value()->write(chunk);
        failed = n != chunk.size();
        if (!failed)
            written += n;
    }
    QVERIFY(failed);
    QVERIFY(written <= 4 * 1024 * 1024);
    const Error error = session.value()->error();
    QCOMPARE_KIND(error, Error::Kind::DiskFull);
    QVERIFY2(error.message().contains(m_full), qPrintable(error.message()));
    QCOMPARE(leftovers(), QStringList()); // the partial file went at once
    qInfo("%s", qPrintable(error.toString()));
    QVERIFY(!session.value()->commit().ok());
    QCOMPARE(leftovers(), QStringList());
    QVERIFY(QStorageInfo(m_full).bytesAvailable() > 3 * 1024 * 1024);
}

void TestLocalStoreDiskFull::fullDiskMidWriteFrom()
{
    LocalStore store(m_full);
    const qint64 three = 3 * 1024 * 1024;
    // Two writes that each fit but not together: the space check passes for both, the second
    // runs out in the middle.
    auto other = store.beginWrite(sp(QStringLiteral("other.bin")), three, {});
    QVERIFY(other.ok());
    TrickleSource source;
    StoreJob *job = store.writeFrom(sp(QStringLiteral("second.bin")), &source, three, {});
    job->setAutoDelete(false);
    std::unique_ptr<StoreJob> owner(job);
    QSignalSpy finished(job, &StoreJob::finished);
    job->start();
    source.feed(256 * 1024);
    QTRY_COMPARE(job->processedBytes(), 256 * 1024);
    QVERIFY(!job->isFinished());
    QCOMPARE(other.value()->write(QByteArray(three, 'o')), three);
    source.feed(three - 256 * 1024);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE_KIND(job->error(), Error::Kind::DiskFull);
    QVERIFY(other.value()->commit().ok());
    QCOMPARE(leftovers(), QStringList{QStringLiteral("other.bin")});
    QCOMPARE(QFileInfo(QDir(m_full).filePath(QStringLiteral("other.bin"))).size(), three);
}

void TestLocalStoreDiskFull::fullDiskThroughReadInto()
{
    // The engine's push path: a source store pushes into the full disk's WriteSession; the job
    // reports the session's DiskFull, not a generic write error.
    QTemporaryDir sourceDir;
    LocalStore source(sourceDir.path());
    QVERIFY(!writeBytes(&source, QStringLiteral("eight.bin"), QByteArray(8 * 1024 * 1024, 'e')));
    LocalStore store(m_full);
    auto session = store.beginWrite(sp(QStringLiteral("eight.bin")), -1, {});
    QVERIFY(session.ok());
    const Error error = runJob(source.readInto(sp(QStringLiteral("eight.bin")), session.value().get()));
    QCOMPARE_KIND(error, Error::Kind::DiskFull);
    QCOMPARE(leftovers(), QStringList());
}

void TestLocalStoreDiskFull::readOnlyIsPermission()
{
    {
        LocalStore writable(m_readOnly);
        QVERIFY(!writeBytes(&writable, QStringLiteral("kept.txt"), "kept"));
        QVERIFY(!runJob(writable.makeFolder(sp(QStringLiteral("dir")))));
    }
    QVERIFY(m_readOnlyDisk->setReadOnly(true));
    LocalStore store(m_readOnly);
    QCOMPARE_KIND(runJob(store.makeFolder(sp(QStringLiteral("new")))), Error::Kind::Permission);
    QCOMPARE_KIND(writeBytes(&store, QStringLiteral("new.txt"), "x"), Error::Kind::Permission);
    QCOMPARE_KIND(writeBytes(&store, QStringLiteral("kept.txt"), "x"), Error::Kind::Permission);
    QCOMPARE_KIND(runJob(store.remove(sp(QStringLiteral("kept.txt")))), Error::Kind::Permission);
    QCOMPARE_KIND(runJob(store.move(sp(QStringLiteral("kept.txt")), sp(QStringLiteral("moved.txt")))),
                  Error::Kind::Permission);
    QCOMPARE_KIND(runJob(store.remove(sp(QStringLiteral("dir")))), Error::Kind::Permission);
    QByteArray bytes;
    QVERIFY(!readBytes(&store, QStringLiteral("kept.txt"), &bytes));
    QCOMPARE(bytes, QByteArray("kept"));
}

QTEST_GUILESS_MAIN(TestLocalStoreDiskFull)
#include "tst_localstore_diskfull.moc"
